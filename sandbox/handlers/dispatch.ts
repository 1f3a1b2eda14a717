/** dispatch/v2: appointment assignments (which technicians work an appointment), technician tracking links, GPS pings. */
import type { SandboxRecord, Store } from "../store";
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

/** GPS pings received per provider, by their externalId: a reading sent twice is refused (status Fail). */
const gpsPings = new WeakMap<Store, Map<string, Record<string, unknown>>>();
export const gpsPingsOf = (store: Store): Map<string, Record<string, unknown>> => {
  let pings = gpsPings.get(store);
  if (!pings) gpsPings.set(store, (pings = new Map()));
  return pings;
};

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

  /** A customer-facing link per appointment and technician (both must exist). */
  TechnicianTracking_Get: (ctx) => {
    const technician = mustRef(ctx, "technicians", ctx.query.technicianId, "technicianId");
    const appointment = mustRef(ctx, "appointments", ctx.query.appointmentId, "appointmentId");
    return ok({ technicianTrackingUrl: `https://go.servicetitan.com/track/${appointment.id}-${technician.id}` });
  },

  /** Each reading is kept under "<provider>/<externalId>"; one already received answers Fail, the others Success. */
  Gps_Create: (ctx) => {
    const pings = gpsPingsOf(ctx.store);
    const provider = String(ctx.params.gps_provider);
    return ok(
      (ctx.body as Array<Record<string, unknown>>).map((ping) => {
        const key = `${provider}/${String(ping.externalId)}`;
        if (pings.has(key))
          return { externalId: ping.externalId, status: "Fail", message: "A ping with this externalId was already received" };
        pings.set(key, { ...ping, provider });
        return { externalId: ping.externalId, status: "Success", message: "" };
      }),
    );
  },
};
