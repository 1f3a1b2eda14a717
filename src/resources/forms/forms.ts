import type { ResourceModule } from "../../kit";
import { listAction, namedPicklist, uploadAction } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/forms";
import { booleanInput, enumInput, idInput, stringInput } from "../../inputs";

type Schemas = components["schemas"];

/** Forms (checklists, inspections, sign-offs), their submissions, and job attachments. */
export const forms: ResourceModule = {
  actions: {
    listForms: listAction({
      label: "List Forms",
      description: "Retrieve forms (checklists, inspections, sign-offs), filtered by name, status, logic or dates",
      operation: "GET /forms/v2/tenant/{tenant}/forms",
      dataSource: "selectForm",
      filters: {
        name: stringInput({ label: "Name", comments: "Only forms with this name." }),
        status: enumInput({
          label: "Status",
          values: ["Any", "Published", "Unpublished"],
          comments: "Published forms (the ones technicians can fill), unpublished ones, or any.",
        }),
        hasConditionalLogic: booleanInput({
          label: "Has Conditional Logic",
          comments: "Only forms with (True) or without (False) conditional logic.",
        }),
        hasTriggers: booleanInput({
          label: "Has Triggers",
          comments: "Only forms with (True) or without (False) triggers that attach them automatically.",
        }),
      },
      examplePayload: exampleOf("GET /forms/v2/tenant/{tenant}/forms"),
    }),
    listFormSubmissions: listAction({
      label: "List Form Submissions",
      description:
        "Retrieve submitted forms with their answers, filtered by form, status, submitter, what they were filled for (job, customer, location …) or submission dates",
      operation: "GET /forms/v2/tenant/{tenant}/submissions",
      // `owners` is a list of {type, id} objects sent as owners[0].type=…&owners[0].id=…, which the request core does not
      // serialise; Owner Type narrows to one kind of record instead.
      omit: ["owners"],
      filters: {
        status: enumInput({
          label: "Status",
          values: ["Started", "Completed", "Any"],
          comments: "Completed submissions, ones only started, or any.",
        }),
        ownerType: enumInput({
          label: "Owner Type",
          values: ["Job", "Call", "Customer", "Location", "Equipment", "Technician", "JobAppointment", "Membership", "Truck"],
          comments: "Only submissions filled for this kind of record (e.g. Job for job checklists).",
        }),
        createdById: idInput({
          label: "Created By ID",
          dataSource: "selectEmployee",
          comments: "Only submissions started by this user (employee or technician id).",
        }),
      },
      examplePayload: exampleOf("GET /forms/v2/tenant/{tenant}/submissions"),
    }),
    addJobAttachment: uploadAction({
      label: "Add Job Attachment",
      description: "Attach a file (photo, PDF, document) to a job; it appears in the job's attachments",
      operation: "POST /forms/v2/tenant/{tenant}/jobs/{id}/attachments",
      fileComments: "The file to attach: map the binary output of a previous step (e.g. a downloaded photo or a generated PDF).",
      examplePayload: exampleOf("POST /forms/v2/tenant/{tenant}/jobs/{id}/attachments"),
    }),
  },
  dataSources: {
    selectForm: namedPicklist<Schemas["Forms.V2.FormResponse"]>({
      label: "Select Form",
      description: "Select an active form from a dropdown menu (up to 10,000 forms)",
      operation: "GET /forms/v2/tenant/{tenant}/forms",
      example: [{ key: "1", label: "AC Maintenance Checklist (ID: 1)" }],
    }),
  },
};
