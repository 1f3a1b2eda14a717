import type { ResourceModule } from "../../kit";
import { exportActions } from "../../kit/exportFeed";
import { activities } from "./activities";

/** The timesheets module's export feeds as "Export …" actions. */
const timesheetsExports: ResourceModule = {
  actions: exportActions([
    { key: "timesheetActivities", label: "Timesheet Activities", operation: "GET /timesheets/v2/tenant/{tenant}/export/activities" },
    { key: "activityCategories", label: "Activity Categories", operation: "GET /timesheets/v2/tenant/{tenant}/export/activity-categories" },
    { key: "activityTypes", label: "Activity Types", operation: "GET /timesheets/v2/tenant/{tenant}/export/activity-types" },
  ]),
};

/** Timesheets (/timesheets/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const timesheetsResources: ResourceModule[] = [activities, timesheetsExports];
