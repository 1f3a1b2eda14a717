import type { ResourceModule } from "../../kit";
import { technicians } from "./technicians";
import { settings } from "./settings";
import { employees } from "./employees";
import { tagTypesAndBusinessUnits } from "./tagTypesAndBusinessUnits";

/** The settings module's resources (path prefix /settings/v2). */
export const settingsResources: ResourceModule[] = [technicians, settings, employees, tagTypesAndBusinessUnits];
