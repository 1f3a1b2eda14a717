import type { OperationKey } from "../../client";
import { largestPageSize } from "../../client/paging";
import type { ResourceModule } from "../../kit";
import { downloadFile, inPath, inQuery, listAction, namedPicklist, once, operationAction, picklist, uploadAction } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/forms";
import { booleanInput, dateTimeInput, enumInput, idInput, integerInput, stringInput, switchInput } from "../../inputs";

type Schemas = components["schemas"];

const JOB_ATTACHMENTS: OperationKey = "GET /forms/v2/tenant/{tenant}/jobs/{jobId}/attachments";
const JOB_ATTACHMENT: OperationKey = "GET /forms/v2/tenant/{tenant}/jobs/attachment/{id}";

/** One of a job's attachments as the list answers it (the spec documents no answer: the fields ServiceTitan sends). */
interface JobAttachment {
  id: number;
  fileName?: string | null;
  createdOn?: string;
  createdById?: number | null;
}

const jobOfAttachments = () =>
  inPath(
    idInput({
      label: "Job ID",
      required: true,
      dataSource: "selectJob",
      comments: "The job whose attachments are listed: pick one or map its id (not its job number) from a previous step.",
    }),
  );

/** GET …/jobs/{jobId}/attachments: one page (its answer is undocumented, so no Fetch All over an assumed envelope). */
const jobAttachmentParams = once(() => ({
  jobId: jobOfAttachments(),
  createdBefore: inQuery(dateTimeInput({ label: "Created Before", comments: "Only attachments added before this time (ISO 8601)." })),
  createdOnOrAfter: inQuery(
    dateTimeInput({ label: "Created On Or After", comments: "Only attachments added on or after this time (ISO 8601)." }),
  ),
  sort: inQuery(
    stringInput({
      label: "Sort",
      example: "-CreatedOn",
      comments: "+Field ascending or -Field descending, e.g. -CreatedOn (newest first).",
    }),
  ),
  page: inQuery(integerInput({ label: "Page", min: 1, example: "1", comments: "Page number, from 1 (empty: 1)." })),
  pageSize: inQuery(
    integerInput({
      label: "Page Size",
      min: 1,
      max: largestPageSize(JOB_ATTACHMENTS),
      example: "50",
      comments: `Attachments per page (empty: 50; up to ${largestPageSize(JOB_ATTACHMENTS)}).`,
    }),
  ),
  includeTotal: inQuery(switchInput({ label: "Include Total", comments: "Also return totalCount, the number of the job's attachments." })),
}));

const attachmentExample = { id: 880001, fileName: "signed-work-order.pdf", createdOn: "2025-01-20T16:00:00Z", createdById: 101 };

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
    listJobAttachments: operationAction({
      label: "List Job Attachments",
      description:
        "Retrieve the files attached to a job (photos, PDFs, signed documents), one page at a time; download one with Download Job Attachment",
      operation: JOB_ATTACHMENTS,
      params: jobAttachmentParams,
      subject: (v) => `Job ${v.jobId}`,
      examplePayload: { data: { page: 1, pageSize: 50, hasMore: false, totalCount: null, data: [attachmentExample] } },
      output: {
        schema: {
          type: "object",
          description: "One page of the job's attachments.",
          properties: {
            page: { type: "integer" },
            pageSize: { type: "integer" },
            hasMore: { type: "boolean" },
            totalCount: { type: ["integer", "null"] },
            data: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "integer", description: "The attachment's id, for Download Job Attachment." },
                  fileName: { type: ["string", "null"] },
                  createdOn: { type: "string", format: "date-time" },
                  createdById: { type: ["integer", "null"] },
                },
              },
            },
          },
        },
      },
    }),
    downloadJobAttachment: operationAction({
      label: "Download Job Attachment",
      description: "Download a file attached to a job (a photo, PDF or signed document) by its attachment id",
      operation: JOB_ATTACHMENT,
      params: {
        id: inPath(
          idInput({
            label: "Attachment ID",
            required: true,
            dataSource: "selectJobAttachment",
            comments: "The attachment to download: pick one of the job's or map its id from List Job Attachments.",
          }),
        ),
      },
      subject: (v) => `Job attachment ${v.id}`,
      rawResult: true,
      perform: (client, v) => downloadFile(client, JOB_ATTACHMENT, { path: { id: v.id as number }, subject: `Job attachment ${v.id}` }),
      examplePayload: { data: Buffer.from("%PDF").toJSON(), contentType: "application/pdf" } as never,
    }),
  },
  dataSources: {
    selectForm: namedPicklist<Schemas["Forms.V2.FormResponse"]>({
      label: "Select Form",
      description: "Select an active form from a dropdown menu (up to 10,000 forms)",
      operation: "GET /forms/v2/tenant/{tenant}/forms",
      example: [{ key: "1", label: "AC Maintenance Checklist (ID: 1)" }],
    }),
    selectJobAttachment: picklist<JobAttachment>({
      label: "Select Job Attachment",
      description: "Select one of a job's attachments from a dropdown menu, newest first",
      operation: JOB_ATTACHMENTS,
      query: { sort: "-CreatedOn" },
      params: { jobId: jobOfAttachments() },
      option: (a) => ({ key: String(a.id), label: `${a.fileName?.trim() || "Attachment"} (ID: ${a.id})` }),
      order: "api",
      example: [{ key: "880001", label: "signed-work-order.pdf (ID: 880001)" }],
    }),
  },
};
