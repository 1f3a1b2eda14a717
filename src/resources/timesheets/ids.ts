import type { IdVocabulary } from "../../kit/ids";

/** Timesheets ids (see kit/ids.ts): activities on a technician's or employee's timesheet, their types and categories. */
export const timesheetsIds: IdVocabulary = {
  activityId: {
    label: "Activity ID",
    dataSource: "selectTimesheetActivity",
    comments: "A timesheet activity (a stretch of someone's working time): pick one or map its id from List Timesheet Activities.",
  },
  activityTypeId: {
    label: "Activity Type ID",
    dataSource: "selectActivityType",
    comments: "The kind of activity, e.g. Driving or Meal (Settings → Timesheets → Activity Types).",
  },
  activityCategoryId: {
    label: "Activity Category ID",
    dataSource: "selectActivityCategory",
    comments: "A category of activity types, e.g. Travel or Paid Time Off.",
  },
};
