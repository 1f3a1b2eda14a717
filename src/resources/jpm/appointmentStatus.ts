import type { ResourceModule } from "../../kit";
import { derivedAction, type Values } from "../../kit";
import { checkTimeOrder } from "../../inputs";
import { holdReasonTweak } from "./jobDetails";

const WINDOW = ["start", "end", "arrivalWindowStart", "arrivalWindowEnd"] as const;

/** The new times of a rescheduled appointment; an end before its start is refused before sending. */
const rescheduleBody = (values: Values) => {
  const body = Object.fromEntries(WINDOW.filter((name) => values[name] !== undefined).map((name) => [name, values[name]]));
  checkTimeOrder(body, { start: "start", end: "end", strict: true }, { label: "End", message: "must be after the start." });
  checkTimeOrder(
    body,
    { start: "arrivalWindowStart", end: "arrivalWindowEnd" },
    { label: "Arrival Window End", message: "must not be before the arrival window start." },
  );
  return body;
};

/** What happens to an appointment after it is booked: reschedule, hold, confirmation, instructions, summary. */
export const appointmentStatus: ResourceModule = {
  actions: {
    rescheduleAppointment: derivedAction({
      label: "Reschedule Appointment",
      description: "Move an appointment to a new start/end and arrival window",
      operation: "PATCH /jpm/v2/tenant/{tenant}/appointments/{id}/reschedule",
      inputs: {
        start: { comments: "The new start (ISO 8601, e.g. 2025-03-01T14:00:00Z; sent as UTC)." },
        end: { comments: "The new end; after the start." },
        arrivalWindowStart: { comments: "The earliest arrival time promised to the customer." },
        arrivalWindowEnd: { comments: "The latest arrival time promised to the customer." },
      },
      body: rescheduleBody,
    }),
    holdAppointment: derivedAction({
      label: "Put Appointment on Hold",
      description: "Put an appointment on hold with a reason and a memo (its status becomes Hold)",
      operation: "PUT /jpm/v2/tenant/{tenant}/appointments/{id}/hold",
      inputs: { reasonId: holdReasonTweak, memo: { comments: "A note explaining the hold." } },
    }),
    removeAppointmentHold: derivedAction({
      label: "Release Appointment Hold",
      description: "Take an appointment off hold (it is scheduled again)",
      operation: "DELETE /jpm/v2/tenant/{tenant}/appointments/{id}/hold",
    }),
    confirmAppointment: derivedAction({
      label: "Confirm Appointment",
      description: "Mark an appointment as confirmed with the customer",
      operation: "PUT /jpm/v2/tenant/{tenant}/appointments/{id}/confirmation",
    }),
    unconfirmAppointment: derivedAction({
      label: "Unconfirm Appointment",
      description: "Remove the customer confirmation of an appointment",
      operation: "DELETE /jpm/v2/tenant/{tenant}/appointments/{id}/confirmation",
    }),
    updateAppointmentSpecialInstructions: derivedAction({
      label: "Update Appointment Special Instructions",
      description: "Replace the special instructions technicians see for an appointment",
      operation: "PUT /jpm/v2/tenant/{tenant}/appointments/{id}/special-instructions",
      inputs: { specialInstructions: { comments: "Notes for the technician about this visit (replaces the current ones)." } },
    }),
    setAppointmentSummary: derivedAction({
      label: "Set Appointment Summary",
      description: "Write the technician's summary of work for an appointment",
      operation: "POST /jpm/v2/tenant/{tenant}/appointments/{id}/summaries",
      inputs: {
        notes: { comments: "The summary of the work done on this visit." },
        technicianId: { comments: "The technician writing the summary (one assigned to the appointment)." },
      },
    }),
  },
};
