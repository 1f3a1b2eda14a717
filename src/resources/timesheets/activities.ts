/**
 * Timesheets (/timesheets/v2): the activities on a technician's or employee's timesheet (driving, on a job, meal …),
 * their types and categories.
 */
import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/timesheets";
import { checkTimeOrder, idListInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import {
  bodyParams,
  derivedAction,
  inBody,
  listAction,
  namedPicklist,
  operationAction,
  pathParams,
  picklist,
  placeParams,
  type InputTweak,
  type Params,
  type Values,
} from "../../kit";
import { employeeTweak } from "../payroll/common";

type Schemas = components["schemas"];

const ACTIVITY_TWEAKS: Record<string, InputTweak> = {
  employeeId: employeeTweak(),
  startTime: { comments: "When the activity started (ISO 8601, e.g. 2025-03-14T08:00:00-07:00); sent as UTC." },
  endTime: { comments: "When it ended; empty while it is still going on." },
  laborTypeId: { comments: "The labor type's id (Settings → Payroll → Labor Types; ServiceTitan's API does not list them)." },
  budgetCodeId: { comments: "A project budget code's id (Job Planning → Budget Codes), if you track them." },
  nonJobEventAssignmentId: { comments: "The non-job event (e.g. a meeting on the dispatch board) this activity belongs to." },
  milesDriven: { comments: "Miles driven during the activity, e.g. 12.5." },
};

/** An activity's tags: the API requires the list (empty allowed), so an empty input sends []. */
const tagTypesParam = () =>
  inBody(
    idListInput({
      label: "Tag Type IDs",
      dataSource: "selectTagType",
      comments: "Tags on the activity (Settings → Tags), one per entry; empty sends no tags (the activity type may require some).",
    }),
    "tagTypes",
  );

const activityWrite = (operation: OperationKey) => {
  const params: Params = {
    ...pathParams(operation),
    ...bodyParams(operation, ACTIVITY_TWEAKS),
    tagTypes: tagTypesParam(),
  };
  const body = (v: Values) => {
    checkTimeOrder(v, { start: "startTime", end: "endTime" }, { label: "End Time", message: "must not be before Start Time." });
    return { ...placeParams(params, v).body, tagTypes: (v.tagTypes as number[] | undefined) ?? [] };
  };
  return { params, body };
};

const createActivity = activityWrite("POST /timesheets/v2/tenant/{tenant}/activities");
const updateActivity = activityWrite("PUT /timesheets/v2/tenant/{tenant}/activities/{id}");

export const activities: ResourceModule = {
  actions: {
    listTimesheetActivities: listAction({
      label: "List Timesheet Activities",
      description: "Activities on technicians' and employees' timesheets (type, start, end, job, project, tags), filtered by dates.",
      operation: "GET /timesheets/v2/tenant/{tenant}/activities",
      examplePayload: exampleOf("GET /timesheets/v2/tenant/{tenant}/activities"),
    }),
    getTimesheetActivity: derivedAction({
      label: "Get Timesheet Activity",
      description: "One timesheet activity.",
      operation: "GET /timesheets/v2/tenant/{tenant}/activities/{id}",
    }),
    createTimesheetActivity: operationAction({
      label: "Create Timesheet Activity",
      description:
        "Add an activity (driving, on a job, meal, training …) to a technician's or employee's timesheet. Answers the new activity's id.",
      operation: "POST /timesheets/v2/tenant/{tenant}/activities",
      params: createActivity.params,
      body: createActivity.body,
      examplePayload: exampleOf("POST /timesheets/v2/tenant/{tenant}/activities"),
    }),
    updateTimesheetActivity: operationAction({
      label: "Update Timesheet Activity",
      description:
        "Rewrite a timesheet activity: ServiceTitan replaces it with what is sent (type, start, active and tags are required; read it first with Get Timesheet Activity to keep the rest).",
      operation: "PUT /timesheets/v2/tenant/{tenant}/activities/{id}",
      params: updateActivity.params,
      body: updateActivity.body,
      subject: (v) => `Activity ${v.id}`,
      examplePayload: exampleOf("PUT /timesheets/v2/tenant/{tenant}/activities/{id}"),
    }),
    deleteTimesheetActivity: derivedAction({
      label: "Delete Timesheet Activity",
      description: "Delete a timesheet activity.",
      operation: "DELETE /timesheets/v2/tenant/{tenant}/activities/{id}",
    }),
    listActivityCategories: listAction({
      label: "List Activity Categories",
      description: "The categories activity types belong to (Travel, Meal, Paid Time Off, On-Job …).",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-categories",
      examplePayload: exampleOf("GET /timesheets/v2/tenant/{tenant}/activity-categories"),
    }),
    getActivityCategory: derivedAction({
      label: "Get Activity Category",
      description: "One activity category.",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-categories/{id}",
    }),
    listActivityTypes: listAction({
      label: "List Activity Types",
      description: "The kinds of timesheet activity, with what each requires or allows (job, project, tags, memo …).",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-types",
      examplePayload: exampleOf("GET /timesheets/v2/tenant/{tenant}/activity-types"),
    }),
    getActivityType: derivedAction({
      label: "Get Activity Type",
      description: "One activity type.",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-types/{id}",
    }),
  },
  dataSources: {
    selectTimesheetActivity: picklist<Schemas["Timesheets.V2.Activities.ActivitiesResponse"]>({
      label: "Select Timesheet Activity",
      description: "Select a timesheet activity (whose, when) from a dropdown menu, newest first",
      operation: "GET /timesheets/v2/tenant/{tenant}/activities",
      query: { sort: "-Id" },
      option: (a) => ({
        key: String(a.id),
        label: `${a.employeeType ?? "Employee"} ${a.employeeId}: ${String(a.startTime ?? "")
          .slice(0, 16)
          .replace("T", " ")}${a.endTime ? ` – ${a.endTime.slice(11, 16)}` : ""}${a.memo?.trim() ? ` ${a.memo.trim()}` : ""} (ID: ${a.id})`,
      }),
      order: "api",
      example: [{ key: "350001", label: "Technician 1001: 2025-03-14 08:00 – 08:40 Drive to first job (ID: 350001)" }],
    }),
    selectActivityCategory: namedPicklist<Schemas["Timesheets.V2.ActivityCategories.ActivityCategoriesResponse"]>({
      label: "Select Activity Category",
      description: "Select a timesheet activity category from a dropdown menu",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-categories",
      query: { active: "True" },
      example: [{ key: "397001", label: "Travel (ID: 397001)" }],
    }),
    selectActivityType: picklist<Schemas["Timesheets.V2.ActivityTypes.ActivityTypesResponse"]>({
      label: "Select Activity Type",
      description: "Select a timesheet activity type from a dropdown menu",
      operation: "GET /timesheets/v2/tenant/{tenant}/activity-types",
      query: { active: "True" },
      option: (type) => ({
        key: String(type.id),
        label: `${[type.code, type.description].filter((p) => String(p ?? "").trim()).join(" — ") || "Unnamed"} (ID: ${type.id})`,
      }),
      order: "label",
      example: [{ key: "398001", label: "DRIVE — Driving (ID: 398001)" }],
    }),
  },
};
