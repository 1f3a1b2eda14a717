import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, operationAction, picklist, placeParams, type Params, type Values } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import { idInput, stringInput } from "../../inputs";
import { customerIdInput } from "../crm/customers";
import { appointmentScheduleParams, checkAppointmentWindow, jobIdInput } from "./jobs";
import { projectIdInput } from "./projects";

type Schemas = components["schemas"];

/** An appointment's id; shared with the appointment assignments module. */
export const appointmentIdInput = (options: { label?: string; required?: boolean } = {}) =>
  idInput({
    label: options.label ?? "Appointment ID",
    required: options.required ?? true,
    dataSource: "selectAppointment",
    comments: "The appointment's id (not its appointment number): pick one or map it from a previous step.",
  });

const createParams: Params = {
  jobId: inBody(jobIdInput({ required: true })),
  ...appointmentScheduleParams(),
  specialInstructions: inBody(
    stringInput({ label: "Special Instructions", multiline: true, comments: "Notes for the technician about this visit." }),
  ),
};

export const appointments: ResourceModule = {
  actions: {
    listAppointments: listAction({
      label: "List Appointments",
      description: "Retrieve a list of appointments",
      operation: "GET /jpm/v2/tenant/{tenant}/appointments",
      dataSource: "selectAppointment",
      filters: {
        jobId: jobIdInput({ required: false }),
        projectId: projectIdInput(),
        customerId: customerIdInput(),
        technicianId: idInput({
          label: "Technician ID",
          dataSource: "selectTechnician",
          comments: "Appointments assigned to this technician.",
        }),
        number: stringInput({ label: "Appointment Number", comments: "The appointment number (as shown in ServiceTitan, e.g. 1234-1)." }),
      },
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/appointments"),
    }),
    getAppointment: operationAction({
      label: "Get Appointment",
      description: "Retrieve an appointment by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/appointments/{id}",
      params: { id: inPath(appointmentIdInput()) },
      subject: (v) => `Appointment ${v.id}`,
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/appointments/{id}"),
    }),
    createAppointment: operationAction({
      label: "Create Appointment",
      description: "Adds a new appointment to an existing job",
      operation: "POST /jpm/v2/tenant/{tenant}/appointments",
      params: createParams,
      body: (values: Values) =>
        checkAppointmentWindow(placeParams(createParams, values).body ?? {}, (field) => (field === "end" ? "End" : "Arrival Window End")),
      examplePayload: exampleOf("POST /jpm/v2/tenant/{tenant}/appointments"),
    }),
    deleteAppointment: operationAction({
      label: "Delete Appointment",
      description: "Delete appointment by ID",
      operation: "DELETE /jpm/v2/tenant/{tenant}/appointments/{id}",
      params: { id: inPath(appointmentIdInput()) },
      subject: (v) => `Appointment ${v.id}`,
      examplePayload: exampleOf("DELETE /jpm/v2/tenant/{tenant}/appointments/{id}"),
    }),
  },
  dataSources: {
    selectAppointment: picklist<Schemas["Jpm.V2.AppointmentResponse"]>({
      label: "Select Appointment",
      description: "Select an Appointment from a dropdown menu (up to 10,000 Appointments)",
      operation: "GET /jpm/v2/tenant/{tenant}/appointments",
      query: { sort: "-Id" }, // the newest appointments survive the cap, listed newest first
      option: (appointment) => ({
        key: String(appointment.id),
        label: `#${appointment.appointmentNumber || appointment.id} (ID: ${appointment.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "#1 (ID: 1)" }],
    }),
  },
};
