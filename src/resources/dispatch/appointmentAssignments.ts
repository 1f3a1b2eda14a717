import type { ResourceModule } from "../../kit";
import { inBody, listAction, operationAction, type Params } from "../../kit";
import { exampleOf } from "../../examples";
import { idListInput } from "../../inputs";
import { appointmentIdInput } from "../jpm/appointments";
import { jobIdInput } from "../jpm/jobs";
import { technicianIdsInput } from "../settings/technicians";

/** Assign and unassign take the same body: the appointment and the technicians. */
const assignmentParams = (verb: "assign to" | "remove from"): Params => ({
  jobAppointmentId: inBody(appointmentIdInput()),
  technicianIds: inBody(technicianIdsInput({ required: true, comments: `The technicians to ${verb} the appointment, one per entry.` })),
});

export const appointmentAssignments: ResourceModule = {
  actions: {
    listAppointmentsAssignment: listAction({
      label: "List Appointment Assignment",
      description: "Retrieve a list of appointment assignments",
      operation: "GET /dispatch/v2/tenant/{tenant}/appointment-assignments",
      filters: {
        appointmentIds: idListInput({
          label: "Appointment IDs",
          max: 50,
          dataSource: "selectAppointment",
          comments: "Only the assignments of these appointments (at most 50 ids).",
        }),
        jobId: jobIdInput({ required: false }),
      },
      examplePayload: exampleOf("GET /dispatch/v2/tenant/{tenant}/appointment-assignments"),
    }),
    assignTechnicians: operationAction({
      label: "Assign Technician to Appointment",
      description: "Assigns the list of technicians to the appointment",
      operation: "POST /dispatch/v2/tenant/{tenant}/appointment-assignments/assign-technicians",
      params: assignmentParams("assign to"),
      examplePayload: exampleOf("POST /dispatch/v2/tenant/{tenant}/appointment-assignments/assign-technicians"),
    }),
    unassignTechnicians: operationAction({
      label: "Unassign Technician to Appointment",
      description: "Unassigns the list of technicians from the appointment",
      operation: "POST /dispatch/v2/tenant/{tenant}/appointment-assignments/unassign-technicians",
      params: assignmentParams("remove from"),
      examplePayload: exampleOf("POST /dispatch/v2/tenant/{tenant}/appointment-assignments/unassign-technicians"),
    }),
  },
};
