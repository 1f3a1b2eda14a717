import type { ResourceModule } from "../../kit";
import { exportActions, type ExportFeed } from "../../kit/exportFeed";
import { technicians } from "./technicians";
import { settings } from "./settings";
import { employees } from "./employees";
import { tagTypesAndBusinessUnits } from "./tagTypesAndBusinessUnits";

/** Employees' and tag types' export feeds, as Export actions (the lead may add them to the polling trigger's feeds). */
export const SETTINGS_FEEDS = [
  { key: "employees", label: "Employees", operation: "GET /settings/v2/tenant/{tenant}/export/employees" },
  { key: "tagTypes", label: "Tag Types", operation: "GET /settings/v2/tenant/{tenant}/export/tag-types" },
] as const satisfies readonly ExportFeed[];

/** The settings module's resources (path prefix /settings/v2). */
export const settingsResources: ResourceModule[] = [
  technicians,
  settings,
  employees,
  tagTypesAndBusinessUnits,
  { actions: exportActions(SETTINGS_FEEDS) },
];
