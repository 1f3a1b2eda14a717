import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, namedPicklist, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import { enumInput } from "../../inputs";

type Schemas = components["schemas"];

const PRIORITIES = ["Low", "Normal", "High", "Urgent"];
const priority = (comments: string) => inBody(enumInput({ label: "Priority", values: PRIORITIES, comments }));

const jobTypeTweaks = {
  name: { comments: "The job type's name (e.g. AC Tune-Up)." },
  businessUnitIds: { comments: "The business units that book this job type, one id per entry." },
  skills: { comments: "Skills a technician needs for this job type (their names, as in Settings → Technician Skills), one per entry." },
  tagTypeIds: { comments: "Tags applied to every job booked with this type (tag type ids, Settings → Tags), one per entry." },
  duration: { comments: "The usual length of such a job, in seconds (e.g. 3600 for one hour)." },
  soldThreshold: { comments: "A job counts as converted when its subtotal reaches this amount." },
  class: { comments: "A class grouping job types (e.g. Service, Maintenance, Install)." },
  summary: { comments: "Text added to the summary of every job booked with this type." },
  noCharge: { comments: "Whether jobs of this type are no-charge." },
  enforceRecurringServiceEventSelection: { comments: "Whether booking requires choosing a recurring service event." },
  invoiceSignaturesRequired: { comments: "Whether invoices of these jobs need the customer's signature." },
  externalData: {
    comments:
      'Your application\'s data on the job type: { "applicationGuid": "…", "externalData": [{ "key": "…", "value": "…" }] } (on update also "patchMode": "Replace" or "Merge").',
    example: '{ "applicationGuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "externalData": [{ "key": "crmId", "value": "JT-7" }] }',
  },
  defaultEstimateSoldAction: { comments: "What happens by default when an estimate of such a job is sold." },
  customFieldTypeIds: {
    label: "Custom Field Type IDs",
    dataSource: "selectJobCustomFieldType",
    comments: "The job custom fields shown for this job type, in display order, one id per entry.",
  },
};

/** Job types (Settings → Job Types): the kinds of work booked; also the budget codes estimates and jobs cost to. */
export const jobTypes: ResourceModule = {
  actions: {
    listJobTypes: listAction({
      label: "List Job Types",
      description: "Retrieve job types, filtered by name, duration, priority or dates",
      operation: "GET /jpm/v2/tenant/{tenant}/job-types",
      dataSource: "selectJobType",
      filters: {
        priority: enumInput({ label: "Priority", values: PRIORITIES, comments: "Only job types of this priority." }),
        orderBy: enumInput({ label: "Order By", values: ["id", "modifiedOn", "createdOn"], comments: "The field the list is ordered by." }),
        orderByDirection: enumInput({ label: "Order By Direction", values: ["asc", "desc"], comments: "Ascending or descending order." }),
      },
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/job-types"),
    }),
    getJobType: derivedAction({
      label: "Get Job Type",
      description: "Retrieve a job type by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/job-types/{id}",
    }),
    createJobType: derivedAction({
      label: "Create Job Type",
      description: "Create a job type (the kind of work jobs are booked as)",
      operation: "POST /jpm/v2/tenant/{tenant}/job-types",
      inputs: { ...jobTypeTweaks, priority: priority("How urgent jobs of this type are (Normal when empty).") },
    }),
    updateJobType: derivedAction({
      label: "Update Job Type",
      description: "Update a job type; lists given (business units, skills, tags, custom fields) replace the current ones",
      operation: "PATCH /jpm/v2/tenant/{tenant}/job-types/{id}",
      inputs: {
        ...jobTypeTweaks,
        priority: priority("How urgent jobs of this type are."),
        customFieldsUpdateMode: { comments: "Replace: Custom Field Type IDs become the job type's list; Merge: they are added to it." },
      },
    }),
    listJobCustomFieldTypes: listAction({
      label: "List Job Custom Field Types",
      description: "Retrieve the custom fields defined for jobs (their ids, names and types)",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/custom-fields",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs/custom-fields"),
    }),
    listBudgetCodes: listAction({
      label: "List Budget Codes",
      description: "Retrieve the company's budget codes (work breakdown structure) that estimates, jobs and purchases are costed to",
      operation: "GET /jpm/v2/tenant/{tenant}/work-breakdown-structure/budget-codes",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/work-breakdown-structure/budget-codes"),
    }),
  },
  dataSources: {
    selectJobCustomFieldType: namedPicklist<Schemas["Jpm.V2.CustomFieldTypeResponse"]>({
      label: "Select Job Custom Field Type",
      description: "Select a job custom field from a dropdown menu (up to 10,000 fields)",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/custom-fields",
      example: [{ key: "1", label: "Gate code (ID: 1)" }],
    }),
    selectBudgetCode: picklist<Schemas["Jpm.BudgetCodes.BudgetCodeModel"]>({
      label: "Select Budget Code",
      description: "Select a budget code from a dropdown menu (up to 10,000 codes)",
      operation: "GET /jpm/v2/tenant/{tenant}/work-breakdown-structure/budget-codes",
      option: (code) => ({
        key: String(code.id),
        label: `${[code.code, code.description].filter((part) => part?.trim()).join(" – ") || "Budget code"} (ID: ${code.id})`,
      }),
      order: "label",
      example: [{ key: "1", label: "01-100 – Site preparation (ID: 1)" }],
    }),
  },
};
