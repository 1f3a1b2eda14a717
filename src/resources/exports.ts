import { operations, type OperationKey } from "../client";
import { feedOperations, moduleName, type OperationInfo } from "../client/operations";
import type { ResourceModule } from "../kit";
import { exportActions, type ExportFeed } from "../kit/exportFeed";

/**
 * Every export feed of the 25 modules (53), from the generated table: each gives an "Export …" action
 * (exportJobs, exportLeads, …) and a choice in the "New and Updated Records" trigger. The generator derives a feed's
 * key, label, record identity and change time from its path and schema; only what the spec cannot say is added here.
 */
const ADJUSTMENTS: Record<string, Partial<ExportFeed>> = {
  // It has no createdOn of its own meaning: an assignment is created when the technician is assigned.
  appointmentAssignments: { createdField: "assignedOn" },
};

type FeedInfo = Required<Pick<OperationInfo, "feed">>["feed"];

const feedOf = (operation: OperationKey, info: FeedInfo): ExportFeed => {
  return {
    key: info.key,
    label: info.label,
    operation,
    // A feed that hides inactive records by default would hide deactivations: the trigger asks for all of them.
    ...(info.activeFilter ? { triggerQuery: { active: "Any" } } : {}),
    ...(info.idFields ? { idFields: info.idFields } : {}),
    ...(info.timeField !== undefined ? { timeField: info.timeField } : {}),
    ...(info.events ? { events: true } : {}),
    ...ADJUSTMENTS[info.key],
  };
};

/** Plain code-unit order: at start-up, localeCompare would load ICU's collation for 53 labels. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The feeds in dropdown order: by module, then label. */
export const EXPORT_FEEDS: readonly ExportFeed[] = feedOperations
  .map((key) => feedOf(key, operations[key].feed!))
  .sort((a, b) => compare(feedModule(a), feedModule(b)) || compare(a.label, b.label));

/** "CRM", "Pricebook" … the module a feed belongs to, for grouping and labels. */
export function feedModule(feed: ExportFeed): string {
  return moduleName(operations[feed.operation].module);
}

export const exports: ResourceModule = {
  actions: exportActions(EXPORT_FEEDS),
  dataSources: {},
};
