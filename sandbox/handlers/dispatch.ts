/** dispatch/v2: appointment assignments (which technicians work an appointment). */
import type { SandboxRecord } from "../store";
import { exportFeed, list, mustRef, mustRefAll, ok, type HandlerContext, type HandlerTable } from "./kit";

const activeAssignments = (ctx: HandlerContext, appointmentId: number) =>
  (ctx.store.collection("appointment-assignments").groupBy("appointmentId").get(appointmentId) || []).filter((a) => a.active);

/** Creates an assignment for each technician not already (actively) on the appointment. */
export function assignTechnicians(ctx: HandlerContext, appointment: SandboxRecord, technicianIds: number[]): void {
  const assigned = new Set(activeAssignments(ctx, appointment.id).map((a) => a.technicianId));
  for (const technicianId of technicianIds) {
    if (assigned.has(technicianId)) continue;
    ctx.store.create("appointment-assignments", { appointmentId: appointment.id, jobId: appointment.jobId, technicianId });
    assigned.add(technicianId);
  }
}

function assignmentRequest(ctx: HandlerContext) {
  const appointment = mustRef(ctx, "appointments", ctx.body.jobAppointmentId, "jobAppointmentId");
  const technicianIds = mustRefAll(ctx, "technicians", ctx.body.technicianIds, "technicianIds");
  return { appointment, technicianIds };
}

export const dispatch: HandlerTable = {
  AppointmentAssignments_GetList: list("appointment-assignments"),

  AppointmentAssignments_AssignTechnicians: (ctx) => {
    const { appointment, technicianIds } = assignmentRequest(ctx);
    assignTechnicians(ctx, appointment, technicianIds);
    return ok(appointment);
  },

  /** Unassigning deactivates the assignment: lists drop it, the export feed shows it inactive. */
  AppointmentAssignments_UnassignTechnicians: (ctx) => {
    const { appointment, technicianIds } = assignmentRequest(ctx);
    for (const assignment of activeAssignments(ctx, appointment.id)) {
      if (technicianIds.includes(assignment.technicianId))
        ctx.store.collection("appointment-assignments").update(assignment, { active: false });
    }
    return ok(appointment);
  },

  Export_AppointmentAssignments: exportFeed("appointment-assignments"),
};
