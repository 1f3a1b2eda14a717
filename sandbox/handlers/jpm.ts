/** jpm/v2: jobs, appointments, projects and their reference lists. */
import type { SandboxRecord, Store } from "../store";
import { parseIds } from "../listing";
import { badRequest, conflict } from "../problem";
import {
  customAndExternalData,
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  type HandlerContext,
  type HandlerResult,
  type HandlerTable,
  type Json,
} from "./kit";
import { assignTechnicians } from "./dispatch";
import { createJobInvoice } from "./accounting";

const PRIORITIES = ["Low", "Normal", "High", "Urgent"];

/** Project statuses are configured per tenant; the sandbox knows these (statusId -> name). */
export const PROJECT_STATUSES: Record<number, string> = { 1: "Not Started", 2: "In Progress", 3: "On Hold", 4: "Completed", 5: "Canceled" };

function checkWindow(start: unknown, end: unknown, field = "end"): void {
  if (start !== undefined && end !== undefined && Date.parse(end as string) <= Date.parse(start as string)) {
    throw badRequest({ [field]: ["End must be after start"] });
  }
}

/** Keeps a job's appointmentCount / firstAppointmentId / lastAppointmentId in step with its appointments. */
export function refreshJobAppointments(store: Store, jobId: number): void {
  const job = store.collection("jobs").get(jobId);
  if (!job) return;
  const appointments = (store.collection("appointments").groupBy("jobId").get(jobId) || [])
    .filter((a) => a.active)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id - b.id);
  store.collection("jobs").update(job, {
    appointmentCount: appointments.length,
    firstAppointmentId: appointments[0]?.id ?? 0,
    lastAppointmentId: appointments[appointments.length - 1]?.id ?? 0,
  });
}

function createAppointment(ctx: HandlerContext, job: SandboxRecord, input: Json): SandboxRecord {
  checkWindow(input.start, input.end);
  const appointment = ctx.store.create("appointments", {
    jobId: job.id,
    ...pickDefined(input, ["start", "end", "arrivalWindowStart", "arrivalWindowEnd", "specialInstructions"]),
  });
  assignTechnicians(ctx, appointment, input.technicianIds ?? []);
  return appointment;
}

/** Reference checks shared by job create and update; returns the record fields the body sets. */
function jobFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  const customerId = body.customerId ?? current?.customerId;
  if (body.customerId !== undefined) mustRef(ctx, "customers", body.customerId, "customerId");
  if (body.locationId !== undefined) {
    const location = mustRef(ctx, "locations", body.locationId, "locationId");
    if (location.customerId !== customerId) {
      throw badRequest({ locationId: [`Location ${location.id} does not belong to customer ${customerId}`] });
    }
  }
  if (body.businessUnitId !== undefined) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  if (body.jobTypeId !== undefined) mustRef(ctx, "job-types", body.jobTypeId, "jobTypeId");
  if (body.projectId != null) mustRef(ctx, "projects", body.projectId, "projectId");
  if (body.soldById != null) mustRef(ctx, "technicians", body.soldById, "soldById");
  if (body.tagTypeIds !== undefined) mustRefAll(ctx, "tag-types", body.tagTypeIds, "tagTypeIds");
  if (body.priority !== undefined && !PRIORITIES.includes(body.priority)) {
    throw badRequest({ priority: [`Priority must be one of ${PRIORITIES.join(", ")}`] });
  }
  return {
    ...pickDefined(body, [
      "customerId",
      "locationId",
      "projectId",
      "businessUnitId",
      "jobTypeId",
      "priority",
      "campaignId",
      "summary",
      "tagTypeIds",
      "customerPo",
      "soldById",
      "jobGeneratedLeadSource",
    ]),
    ...customAndExternalData(body, current),
  };
}

/** Adds/removes a job in a project's jobIds (jobs carry projectId, projects list jobIds). */
function linkProject(store: Store, jobId: number, from: number | null, to: number | null): void {
  if (from === to) return;
  const projects = store.collection("projects");
  const old = from ? projects.get(from) : undefined;
  if (old) projects.update(old, { jobIds: old.jobIds.filter((id: number) => id !== jobId) });
  const next = to ? projects.get(to) : undefined;
  if (next && !next.jobIds.includes(jobId)) projects.update(next, { jobIds: [...next.jobIds, jobId] });
}

function setJobStatus(ctx: HandlerContext, body: Json, status: string, allowedFrom: string[]): HandlerResult {
  const job = mustFind(ctx, "jobs", ctx.params.id);
  if (!allowedFrom.includes(job.jobStatus)) throw conflict(`Job ${job.id} is ${job.jobStatus} and cannot be set to ${status}`);
  ctx.store.collection("jobs").update(job, { jobStatus: status, ...body });
  return ok();
}

function appointmentUpdate(ctx: HandlerContext, changes: Record<string, unknown>) {
  const appointment = mustFind(ctx, "appointments", ctx.params.id);
  ctx.store.collection("appointments").update(appointment, changes);
  return appointment;
}

function projectFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  if (body.statusId != null && !PROJECT_STATUSES[body.statusId]) {
    throw badRequest({
      statusId: [`Project status with id ${body.statusId} not found (known: ${Object.keys(PROJECT_STATUSES).join(", ")})`],
    });
  }
  if (body.projectManagerIds !== undefined) mustRefAll(ctx, "technicians", body.projectManagerIds, "projectManagerIds");
  return {
    ...pickDefined(body, [
      "name",
      "summary",
      "statusId",
      "subStatusId",
      "projectTypeId",
      "projectManagerIds",
      "startDate",
      "targetCompletionDate",
      "actualCompletionDate",
    ]),
    ...(body.statusId != null ? { status: PROJECT_STATUSES[body.statusId] } : {}),
    ...customAndExternalData(body, current),
  };
}

/** A project's business units follow its jobs. */
function projectBusinessUnits(store: Store, jobIds: number[]): number[] {
  return [...new Set(jobIds.map((id) => store.collection("jobs").get(id)?.businessUnitId).filter(Boolean))] as number[];
}

export const jpm: HandlerTable = {
  JobTypes_GetList: list("job-types"),
  JobCancelReasons_GetList: list("job-cancel-reasons"),

  // ---- jobs ----
  Jobs_GetList: list("jobs"),
  Jobs_Get: getOne("jobs"),

  Jobs_Create: (ctx) => {
    const { body, store } = ctx;
    const fields = jobFields(ctx, body);
    if (!body.appointments?.length) throw badRequest({ appointments: ["A job needs at least one appointment"] });
    body.appointments.forEach((a: Json, i: number) => {
      checkWindow(a.start, a.end, `appointments[${i}].end`);
      mustRefAll(ctx, "technicians", a.technicianIds, `appointments[${i}].technicianIds`);
    });
    const job = store.create("jobs", fields);
    for (const appointment of body.appointments) createAppointment(ctx, job, appointment);
    createJobInvoice(store, job);
    linkProject(store, job.id, null, job.projectId);
    refreshJobAppointments(store, job.id);
    return ok(job);
  },

  Jobs_Update: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    const fields = jobFields(ctx, ctx.body, job);
    const previousProject = job.projectId;
    ctx.store.collection("jobs").update(job, fields);
    linkProject(ctx.store, job.id, previousProject, job.projectId);
    return ok(job);
  },

  Jobs_Cancel: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    mustRef(ctx, "job-cancel-reasons", ctx.body.reasonId, "reasonId");
    if (job.jobStatus === "Completed") throw conflict(`Job ${job.id} is Completed and cannot be canceled`);
    const { store } = ctx;
    store.collection("jobs").update(job, { jobStatus: "Canceled", cancelReasonId: ctx.body.reasonId, cancelMemo: ctx.body.memo });
    for (const appointment of store.collection("appointments").groupBy("jobId").get(job.id) || []) {
      if (appointment.active && appointment.status !== "Done") store.collection("appointments").update(appointment, { status: "Canceled" });
    }
    return ok();
  },

  Jobs_RemoveCancellation: (ctx) => setJobStatus(ctx, { cancelReasonId: null, cancelMemo: null }, "Scheduled", ["Canceled"]),
  Jobs_Hold: (ctx) => setJobStatus(ctx, {}, "Hold", ["Scheduled", "Dispatched", "InProgress"]),
  Jobs_Complete: (ctx) =>
    setJobStatus(ctx, { completedOn: ctx.body.completedOn }, "Completed", ["Scheduled", "Dispatched", "InProgress", "Hold"]),

  Jobs_GetCancelReasons: (ctx) => {
    const reasons = ctx.store.collection("job-cancel-reasons");
    const data = [...parseIds(ctx.query.ids)]
      .map((id) => ctx.store.collection("jobs").get(id))
      .filter((job): job is SandboxRecord => !!job && job.jobStatus === "Canceled" && job.cancelReasonId != null)
      .map((job) => ({
        jobId: job.id,
        reasonId: job.cancelReasonId,
        name: reasons.get(job.cancelReasonId)?.name ?? "",
        text: job.cancelMemo ?? "",
      }));
    return ok({ page: 1, pageSize: data.length, hasMore: false, totalCount: null, data });
  },

  // ---- appointments ----
  Appointments_GetList: list("appointments"),
  Appointments_Get: getOne("appointments"),

  Appointments_Add: (ctx) => {
    const job = mustRef(ctx, "jobs", ctx.body.jobId, "jobId");
    mustRefAll(ctx, "technicians", ctx.body.technicianIds, "technicianIds");
    const appointment = createAppointment(ctx, job, ctx.body);
    refreshJobAppointments(ctx.store, job.id);
    return ok(appointment);
  },

  Appointments_Delete: (ctx) => {
    const appointment = mustFind(ctx, "appointments", ctx.params.id);
    const { store } = ctx;
    const siblings = (store.collection("appointments").groupBy("jobId").get(appointment.jobId) || []).filter((a) => a.active);
    if (siblings.length <= 1) throw conflict("A job must have at least one appointment");
    store.collection("appointments").update(appointment, { active: false });
    for (const assignment of store.collection("appointment-assignments").groupBy("appointmentId").get(appointment.id) || []) {
      if (assignment.active) store.collection("appointment-assignments").update(assignment, { active: false });
    }
    refreshJobAppointments(store, appointment.jobId);
    return ok();
  },

  Appointments_Reschedule: (ctx) => {
    const current = mustFind(ctx, "appointments", ctx.params.id);
    checkWindow(ctx.body.start ?? current.start, ctx.body.end ?? current.end);
    const appointment = appointmentUpdate(ctx, pickDefined(ctx.body, ["start", "end", "arrivalWindowStart", "arrivalWindowEnd"]));
    refreshJobAppointments(ctx.store, appointment.jobId);
    return ok(appointment);
  },
  Appointments_Hold: (ctx) => (appointmentUpdate(ctx, { status: "Hold", holdReasonId: ctx.body.reasonId, holdMemo: ctx.body.memo }), ok()),
  Appointments_RemoveHold: (ctx) => (appointmentUpdate(ctx, { status: "Scheduled", holdReasonId: null, holdMemo: null }), ok()),
  Appointments_Confirm: (ctx) => (appointmentUpdate(ctx, { isConfirmed: true }), ok()),
  Appointments_RemoveConfirmation: (ctx) => (appointmentUpdate(ctx, { isConfirmed: false }), ok()),
  // The May 2026 documents answer the updated appointment.
  Appointments_UpdateSpecialInstructions: (ctx) => ok(appointmentUpdate(ctx, { specialInstructions: ctx.body.specialInstructions })),

  // ---- projects ----
  Projects_GetList: list("projects"),
  Projects_Get: getOne("projects"),

  Projects_Create: (ctx) => {
    const { body, store } = ctx;
    const location = mustRef(ctx, "locations", body.locationId, "locationId");
    if (body.customerId != null && body.customerId !== location.customerId) {
      throw badRequest({ customerId: [`Location ${location.id} does not belong to customer ${body.customerId}`] });
    }
    const project = store.create("projects", { ...projectFields(ctx, body), locationId: location.id, customerId: location.customerId });
    return ok(project);
  },

  Projects_Update: (ctx) => {
    const { body, store } = ctx;
    const project = mustFind(ctx, "projects", ctx.params.id);
    const changes = projectFields(ctx, body, project);
    if (body.jobIds !== undefined) {
      const jobIds: number[] = body.jobIds;
      jobIds.forEach((id, i) => mustRef(ctx, "jobs", id, `jobIds[${i}]`));
      for (const id of project.jobIds as number[]) {
        const job = store.collection("jobs").get(id);
        if (job && !jobIds.includes(id)) store.collection("jobs").update(job, { projectId: null });
      }
      for (const id of jobIds) {
        const job = store.collection("jobs").get(id)!;
        if (job.projectId !== project.id) {
          linkProject(store, id, job.projectId, null);
          store.collection("jobs").update(job, { projectId: project.id });
        }
      }
      Object.assign(changes, { jobIds, businessUnitIds: projectBusinessUnits(store, jobIds) });
    }
    store.collection("projects").update(project, changes);
    return ok(project);
  },

  Export_Jobs: exportFeed("jobs"),
  Export_Appointments: exportFeed("appointments"),
  Export_Projects: exportFeed("projects"),
};
