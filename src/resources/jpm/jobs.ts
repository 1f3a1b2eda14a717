import type { ResourceModule } from "../../kit";
import {
  inBody,
  inPath,
  inQuery,
  listAction,
  namedPicklist,
  operationAction,
  picklist,
  once,
  placeParams,
  type Params,
  type Values,
} from "../../kit";
import { operations } from "../../client";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import {
  booleanInput,
  checkedJsonInput,
  checkTimeOrder,
  customFieldsInput,
  dateTimeInput,
  enumInput,
  externalDataGuidInput,
  externalDataInput,
  idInput,
  idListInput,
  isJsonObject,
  stringInput,
  toDateTime,
  toId,
  toIntegerList,
} from "../../inputs";
import { customerIdInput } from "../crm/customers";
import { locationIdInput } from "../crm/locations";
import { projectIdInput } from "./projects";
import { businessUnitIdInput, tagTypeIdsInput } from "../settings/settings";
import { technicianIdsInput } from "../settings/technicians";

type Schemas = components["schemas"];

/** A job's id; shared with the appointments, assignments and invoices modules. */
export const jobIdInput = (options: { required?: boolean; label?: string } = {}) =>
  idInput({
    label: options.label ?? "Job ID",
    required: options.required ?? true,
    dataSource: "selectJob",
    comments: "The job's id (not its job number): pick one or map it from a previous step.",
  });
const jobTypeIdInput = (required = false) =>
  idInput({ label: "Job Type ID", required, dataSource: "selectJobType", comments: "The kind of work (Settings → Job Types)." });
const campaignIdInput = (required = false) =>
  idInput({
    label: "Campaign ID",
    required,
    dataSource: "selectCampaign",
    comments:
      "The marketing campaign the job is attributed to: its id from ServiceTitan (Marketing → Campaigns) or the campaignId of a call or booking.",
  });
const soldByIdInput = () =>
  idInput({ label: "Sold By ID", dataSource: "selectTechnician", comments: "The technician credited with selling the job." });

/**
 * The spec states the priorities only in prose ("Supported priorities are "Low", "Normal", …"): take them from there,
 * when an input first needs them (reading the jobs spec at load would cost every flow step's cold start).
 */
const jobPriorities = once(() => {
  const description = operations["GET /jpm/v2/tenant/{tenant}/jobs"].query.find((q) => q.name === "priority")?.description ?? "";
  const priorities = [...description.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (!priorities.length) throw new Error("The jobs spec no longer lists the job priorities");
  return priorities;
});
const priorityInput = (required = false) =>
  enumInput({
    label: "Priority",
    values: jobPriorities(),
    required,
    default: required ? "Normal" : undefined,
    comments: "How urgent the job is.",
  });

/**
 * Start, end, arrival window and technicians of one appointment. `bodyPrefix` nests them in the body (the first
 * appointment of a new job); the start/end input keys get the prefix too, so they read "Appointment Start" there.
 * Kept here rather than in appointments, which imports this module: the other way round would be an import cycle.
 */
export const appointmentScheduleParams = (bodyPrefix?: string): Params => {
  const at = (name: string) => (bodyPrefix ? `${bodyPrefix}.${name}` : name);
  const label = (text: string) => (bodyPrefix ? `Appointment ${text}` : text);
  return {
    [bodyPrefix ? "appointmentStart" : "start"]: inBody(
      dateTimeInput({
        label: label("Start"),
        required: true,
        comments: "When the appointment starts (ISO 8601, e.g. 2025-03-01T14:00:00Z; sent as UTC).",
      }),
      at("start"),
    ),
    [bodyPrefix ? "appointmentEnd" : "end"]: inBody(
      dateTimeInput({ label: label("End"), required: true, comments: "When the appointment ends; after the start." }),
      at("end"),
    ),
    arrivalWindowStart: inBody(
      dateTimeInput({ label: "Arrival Window Start", comments: "Optional: earliest arrival time promised to the customer." }),
      at("arrivalWindowStart"),
    ),
    arrivalWindowEnd: inBody(
      dateTimeInput({ label: "Arrival Window End", comments: "Optional: latest arrival time promised to the customer." }),
      at("arrivalWindowEnd"),
    ),
    technicianIds: inBody(
      technicianIdsInput({ comments: "Optional: technicians to assign to the appointment, one per entry." }),
      at("technicianIds"),
    ),
  };
};

/** Refuses an appointment that ends before it starts (ServiceTitan answers 400 for it); `labelOf` names the input of a field. */
export const checkAppointmentWindow = (appointment: Values, labelOf: (field: "end" | "arrivalWindowEnd") => string) => {
  checkTimeOrder(appointment, { start: "start", end: "end", strict: true }, { label: labelOf("end"), message: "must be after the start." });
  checkTimeOrder(
    appointment,
    { start: "arrivalWindowStart", end: "arrivalWindowEnd" },
    { label: labelOf("arrivalWindowEnd"), message: "must not be before the arrival window start." },
  );
  return appointment;
};

const APPOINTMENT_FIELDS = ["start", "end", "arrivalWindowStart", "arrivalWindowEnd", "technicianIds"];
const ADDITIONAL_APPOINTMENTS = "Additional Appointments";
const additionalAppointmentsInput = checkedJsonInput(
  {
    label: ADDITIONAL_APPOINTMENTS,
    shape: "array",
    example: '[{ "start": "2025-03-02T14:00:00Z", "end": "2025-03-02T16:00:00Z", "technicianIds": [12345] }]',
    comments:
      "Optional: more appointments for the job, as a JSON array of { start, end, arrivalWindowStart?, arrivalWindowEnd?, technicianIds? }.",
  },
  (items: unknown[]) =>
    items.map((item, i) => {
      const where = `${ADDITIONAL_APPOINTMENTS} (item ${i + 1}`;
      if (!isJsonObject(item)) throw new InputError(ADDITIONAL_APPOINTMENTS, `item ${i + 1} must be an object with start and end.`);
      const fields = item as Values;
      const unknown = Object.keys(fields).filter((key) => !APPOINTMENT_FIELDS.includes(key));
      if (unknown.length)
        throw new InputError(
          ADDITIONAL_APPOINTMENTS,
          `item ${i + 1} has unknown fields ${unknown.join(", ")}; allowed: ${APPOINTMENT_FIELDS.join(", ")}.`,
        );
      for (const required of ["start", "end"]) {
        if (fields[required] === undefined) throw new InputError(ADDITIONAL_APPOINTMENTS, `item ${i + 1} has no ${required}.`);
      }
      const appointment: Values = {};
      for (const name of ["start", "end", "arrivalWindowStart", "arrivalWindowEnd"]) {
        if (fields[name] !== undefined && fields[name] !== null) appointment[name] = toDateTime(`${where} ${name})`, fields[name]);
      }
      if (fields.technicianIds !== undefined)
        appointment.technicianIds = toIntegerList(`${where} technicianIds)`, fields.technicianIds, toId);
      return checkAppointmentWindow(appointment, (field) => `${where} ${field})`);
    }),
);

/** The fields ServiceTitan requires on create (optional on update). */
const jobCoreFields = (create: boolean): Params => ({
  customerId: inBody(customerIdInput(create)),
  locationId: inBody(locationIdInput(create)),
  businessUnitId: inBody(businessUnitIdInput({ required: create })),
  jobTypeId: inBody(jobTypeIdInput(create)),
  priority: inBody(priorityInput(create)),
  campaignId: inBody(campaignIdInput(create)),
});

/** Optional fields create and update share. On update, tags and custom fields replace the job's whole lists (the spec says so). */
const jobOptionalFields = (update: boolean): Params => ({
  summary: inBody(
    stringInput({ label: "Summary", multiline: true, comments: "What the job is about (HTML allowed), shown to technicians." }),
  ),
  tagTypeIds: inBody(
    tagTypeIdsInput(
      update
        ? "The job's tags after the update, by tag type id (Settings → Tags): tags not listed are removed. Empty: tags unchanged."
        : undefined,
    ),
  ),
  customFields: inBody(
    customFieldsInput(
      update
        ? {
            comments:
              "The job's custom field values after the update, as a JSON array of { typeId, value }: fields not listed are cleared. Empty: unchanged.",
          }
        : {},
    ),
  ),
  customerPo: inBody(stringInput({ label: "Customer PO", comments: "The customer's purchase order number." })),
  soldById: inBody(soldByIdInput()),
  leadSourceJobId: inBody(jobIdInput({ label: "Lead Source Job ID", required: false }), "jobGeneratedLeadSource.jobId"),
  leadSourceEmployeeId: inBody(
    idInput({
      label: "Lead Source Employee ID",
      dataSource: "selectEmployee",
      comments: "The employee who generated the lead for this job.",
    }),
    "jobGeneratedLeadSource.employeeId",
  ),
});

const createJobParams = once((): Params => ({
  ...jobCoreFields(true),
  ...appointmentScheduleParams("appointment"),
  additionalAppointments: inBody(additionalAppointmentsInput),
  ...jobOptionalFields(false),
  projectId: inBody(projectIdInput()),
  invoiceSignatureIsRequired: inBody(
    booleanInput({ label: "Invoice Signature Is Required", comments: "Whether the customer must sign the invoice." }),
  ),
  externalData: inBody(externalDataInput()),
}));

/** ServiceTitan takes a list of appointments: the one from the inputs first, then the additional ones. */
const createJobBody = (values: Values) => {
  const { appointment, additionalAppointments, ...rest } = placeParams(createJobParams(), values).body ?? {};
  const first = checkAppointmentWindow(appointment as Values, (field) => (field === "end" ? "Appointment End" : "Arrival Window End"));
  return { ...rest, appointments: [first, ...((additionalAppointments as Values[] | undefined) ?? [])] };
};

export const jobs: ResourceModule = {
  actions: {
    listJobs: listAction({
      label: "List Jobs",
      description: "Retrieve a list of jobs",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs",
      dataSource: "selectJob",
      filters: () => ({
        number: stringInput({ label: "Job Number", comments: "The job number as shown in ServiceTitan (not the job's id)." }),
        customerId: customerIdInput(),
        locationId: locationIdInput(),
        projectId: projectIdInput(),
        technicianId: idInput({
          label: "Technician ID",
          dataSource: "selectTechnician",
          comments: "Jobs with an appointment assigned to this technician.",
        }),
        businessUnitId: businessUnitIdInput(),
        jobTypeId: jobTypeIdInput(),
        campaignId: campaignIdInput(),
        bookingId: idInput({ label: "Booking ID", dataSource: "selectBooking", comments: "The job created from this booking." }),
        invoiceId: idInput({ label: "Invoice ID", dataSource: "selectInvoice", comments: "The job of this invoice." }),
        createdFromEstimateId: idInput({
          label: "Created From Estimate ID",
          dataSource: "selectEstimate",
          comments: "Jobs created from this sold estimate.",
        }),
        equipmentIds: idListInput({
          label: "Equipment IDs",
          dataSource: "selectInstalledEquipment",
          comments: "Jobs with at least one of these installed equipment records attached. One id per entry (or a comma-separated list).",
        }),
        soldById: soldByIdInput(),
        priority: priorityInput(),
        tagTypeIds: tagTypeIdsInput("Jobs having these tags (tag type ids, Settings → Tags)."),
      }),
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs"),
    }),
    getJob: operationAction({
      label: "Get Job",
      description: "Retrieve a job by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}",
      params: { id: inPath(jobIdInput()), externalDataApplicationGuid: inQuery(externalDataGuidInput()) },
      subject: (v) => `Job ${v.id}`,
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs/{id}"),
    }),
    createJob: operationAction({
      label: "Create Job",
      description: "Create a job",
      operation: "POST /jpm/v2/tenant/{tenant}/jobs",
      params: createJobParams,
      body: createJobBody,
      examplePayload: exampleOf("POST /jpm/v2/tenant/{tenant}/jobs"),
    }),
    updateJob: operationAction({
      label: "Update Job",
      description: "Update a job",
      operation: "PATCH /jpm/v2/tenant/{tenant}/jobs/{id}",
      params: () => ({
        id: inPath(jobIdInput()),
        ...jobCoreFields(false),
        ...jobOptionalFields(true),
        shouldUpdateInvoiceItems: inBody(
          booleanInput({
            label: "Should Update Invoice Items",
            comments: "Whether a new job type or business unit also updates the invoice's items.",
          }),
        ),
        externalData: inBody(externalDataInput({ update: true })),
      }),
      subject: (v) => `Job ${v.id}`,
      examplePayload: exampleOf("PATCH /jpm/v2/tenant/{tenant}/jobs/{id}"),
    }),
    cancelJob: operationAction({
      label: "Cancel Job",
      description: "Cancels a Job",
      operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/cancel",
      params: {
        id: inPath(jobIdInput()),
        reasonId: inBody(
          idInput({
            label: "Cancel Reason ID",
            required: true,
            dataSource: "selectJobCancelReason",
            comments: "Why the job is canceled (Settings → Job Cancel Reasons).",
          }),
        ),
        memo: inBody(stringInput({ label: "Memo", required: true, multiline: true, comments: "A note explaining the cancellation." })),
      },
      subject: (v) => `Job ${v.id}`,
      examplePayload: exampleOf("PUT /jpm/v2/tenant/{tenant}/jobs/{id}/cancel"),
    }),
    listJobCancelReasons: listAction({
      label: "List Job Cancel Reasons",
      description: "Retrieve a list of job cancel reasons",
      operation: "GET /jpm/v2/tenant/{tenant}/job-cancel-reasons",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/job-cancel-reasons"),
    }),
  },
  dataSources: {
    selectJob: picklist<Schemas["Jpm.V2.JobResponse"]>({
      label: "Select Job",
      description: "Select a job from a dropdown menu (up to 10,000 jobs)",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs",
      query: { sort: "-Id" }, // the newest jobs survive the cap, listed newest first
      option: (job) => ({ key: String(job.id), label: `#${job.jobNumber || job.id} (ID: ${job.id})` }),
      order: "api",
      example: [{ key: "1", label: "#1 (ID: 1)" }],
    }),
    selectJobType: namedPicklist<Schemas["Jpm.V2.JobTypeResponse"]>({
      label: "Select Job Type",
      description: "Select an active job type from a dropdown menu (up to 10,000 job types)",
      operation: "GET /jpm/v2/tenant/{tenant}/job-types",
      example: [{ key: "1", label: "Repair (ID: 1)" }],
    }),
    selectJobCancelReason: namedPicklist<Schemas["Jpm.V2.JobCancelReasonResponse"]>({
      label: "Select Job Cancel Reason",
      description: "Select an active job cancel reason from a dropdown menu (up to 10,000 reasons)",
      operation: "GET /jpm/v2/tenant/{tenant}/job-cancel-reasons",
      example: [{ key: "1", label: "Customer canceled (ID: 1)" }],
    }),
  },
};
