/**
 * jpm/v2, the rest: job and project notes, job history and logs, hold reasons, job equipment, appointment summaries,
 * project statuses/sub-statuses/types, job types. Stateful collections of their own; the job status changes of jpm.ts
 * (cancel, remove cancellation, hold, complete) are wrapped to leave their traces (canceled log, history).
 */
import type { Collection, SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { listPage } from "../listing";
import { badRequest, conflict, notFound } from "../problem";
import {
  customAndExternalData,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  type Handler,
  type HandlerContext,
  type HandlerTable,
  type SandboxModule,
} from "./kit";
import { jpm, PROJECT_STATUSES } from "./jpm";

// ---- job history ---------------------------------------------------------------------------------------------------

const historyIds = new WeakMap<Store, number>();

/** Appends an event to the job's history (an internal field; Get Job History answers it). */
function addHistory(store: Store, job: SandboxRecord, eventType: string, memo = ""): void {
  const id = (historyIds.get(store) ?? 286000) + 1;
  historyIds.set(store, id);
  const entry = { id, employeeId: null, eventType, date: store.now(), usedSchedulingTool: "Manual", memo };
  store.collection("jobs").update(job, { history: [...(job.history ?? []), entry] });
}

/** Runs one of jpm.ts's handlers, then records what it did on the job. */
const afterJobChange =
  (handler: Handler, trace: (ctx: HandlerContext, job: SandboxRecord) => void): Handler =>
  async (ctx) => {
    const result = await handler(ctx);
    trace(ctx, mustFind(ctx, "jobs", ctx.params.id));
    return result;
  };

const holdReason = (ctx: HandlerContext) => mustRef(ctx, "job-hold-reasons", ctx.body.reasonId, "reasonId");

// ---- notes ---------------------------------------------------------------------------------------------------------

const notesOf =
  (notes: string, parent: "jobs" | "projects", field: string): Handler =>
  (ctx) => {
    const owner = mustFind(ctx, parent, ctx.params.id);
    return ok(
      listPage(ctx.store, ctx.store.collection(notes), {
        op: ctx.op,
        query: ctx.query,
        pageSizeCap: ctx.settings.pageSizeCap,
        where: (note) => note[field] === owner.id,
      }),
    );
  };

const addNote =
  (notes: string, parent: "jobs" | "projects", field: string): Handler =>
  (ctx) => {
    const owner = mustFind(ctx, parent, ctx.params.id);
    if (!String(ctx.body.text ?? "").trim()) throw badRequest({ text: ["The note's text is empty"] });
    return ok(ctx.store.create(notes, { [field]: owner.id, text: ctx.body.text, isPinned: ctx.body.pinToTop ?? false, createdById: 1 }));
  };

// ---- project statuses (fixed per tenant, see PROJECT_STATUSES) --------------------------------------------------------

const statusRecords = (): SandboxRecord[] =>
  Object.entries(PROJECT_STATUSES).map(([id, name]) => ({
    id: Number(id),
    name,
    order: Number(id),
    active: true,
    createdOn: "2025-01-06T14:00:00.000Z",
    modifiedOn: "2025-01-06T14:00:00.000Z",
  })) as SandboxRecord[];
const statusFilters = { def: { filters: { name: { contains: "name" } } } } as unknown as Collection;

// ---- handlers ------------------------------------------------------------------------------------------------------

const jobEquipment = (job: SandboxRecord): number[] => job.equipmentIds ?? [];

const handlers: HandlerTable = {
  Jobs_GetNotes: notesOf("job-notes", "jobs", "jobId"),
  Jobs_CreateNote: addNote("job-notes", "jobs", "jobId"),
  Projects_GetNotes: notesOf("project-notes", "projects", "projectId"),
  Projects_CreateNote: addNote("project-notes", "projects", "projectId"),

  Jobs_Cancel: afterJobChange(jpm.Jobs_Cancel, (ctx, job) => {
    ctx.store.create("job-canceled-logs", { jobId: job.id, reasonId: ctx.body.reasonId, memo: ctx.body.memo, createdById: 1 });
    addHistory(ctx.store, job, "Job Canceled", ctx.body.memo);
  }),
  Jobs_RemoveCancellation: afterJobChange(jpm.Jobs_RemoveCancellation, (ctx, job) =>
    addHistory(ctx.store, job, "Job Cancellation Removed"),
  ),
  Jobs_Hold: (ctx) => {
    holdReason(ctx);
    return afterJobChange(jpm.Jobs_Hold, (c, job) => {
      c.store.collection("jobs").update(job, { holdReasonId: c.body.reasonId, holdMemo: c.body.memo });
      addHistory(c.store, job, "Job Put On Hold", c.body.memo);
    })(ctx);
  },
  Jobs_Complete: afterJobChange(jpm.Jobs_Complete, (ctx, job) => addHistory(ctx.store, job, "Job Completed")),

  Jobs_GetHistory: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    const booked = {
      id: job.id,
      employeeId: job.createdById ?? null,
      eventType: "Job Booked",
      date: job.createdOn,
      usedSchedulingTool: "Manual",
      memo: "",
    };
    return ok({ history: [booked, ...(job.history ?? [])] });
  },

  Jobs_GetBookedLog: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    const first = ctx.store.collection("appointments").get(job.firstAppointmentId);
    return ok({
      id: job.id,
      jobId: job.id,
      jobAppointmentId: first?.id ?? 0,
      start: first?.start ?? job.createdOn,
      arrivalWindowStart: first?.arrivalWindowStart ?? null,
      arrivalWindowEnd: first?.arrivalWindowEnd ?? null,
      createdOn: job.createdOn,
      createdById: job.createdById ?? 1,
      active: true,
    });
  },

  Jobs_GetJobCanceledLogs: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    return ok(
      listPage(ctx.store, ctx.store.collection("job-canceled-logs"), {
        op: ctx.op,
        query: ctx.query,
        pageSizeCap: ctx.settings.pageSizeCap,
        where: (log) => log.jobId === job.id,
      }),
    );
  },

  JobHoldReasons_Get: list("job-hold-reasons"),

  Jobs_GetHoldReasons: (ctx) => {
    const reasons = ctx.store.collection("job-hold-reasons");
    const ids = String(ctx.query.ids)
      .split(",")
      .map((id) => Number(id.trim()));
    const data = ids
      .map((id) => ctx.store.collection("jobs").get(id))
      .filter((job): job is SandboxRecord => !!job && job.jobStatus === "Hold" && job.holdReasonId != null)
      .map((job) => ({
        jobId: job.id,
        reasonId: job.holdReasonId,
        name: reasons.get(job.holdReasonId)?.name ?? "",
        text: job.holdMemo ?? "",
        appointmentHoldReasons: (ctx.store.collection("appointments").groupBy("jobId").get(job.id) ?? [])
          .filter((a) => a.active && a.status === "Hold" && a.holdReasonId != null)
          .map((a) => ({
            appointmentId: a.id,
            reasonId: a.holdReasonId,
            name: reasons.get(a.holdReasonId)?.name ?? "",
            text: a.holdMemo ?? "",
          })),
      }));
    return ok({ page: 1, pageSize: data.length, hasMore: false, totalCount: null, data });
  },

  Appointments_Hold: (ctx) => {
    holdReason(ctx);
    return jpm.Appointments_Hold(ctx);
  },

  Appointments_SetSummary: (ctx) => {
    const appointment = mustFind(ctx, "appointments", ctx.params.id);
    mustRef(ctx, "technicians", ctx.body.technicianId, "technicianId");
    const now = ctx.store.now();
    const previous = (appointment.appointmentSummaries ?? []).find(
      (s: { technicianId: number }) => s.technicianId === ctx.body.technicianId,
    );
    const summary = {
      createdOn: previous?.createdOn ?? now,
      jobAppointmentId: appointment.id,
      jobId: appointment.jobId,
      modifiedOn: now,
      notes: ctx.body.notes,
      technicianId: ctx.body.technicianId,
    };
    const others = (appointment.appointmentSummaries ?? []).filter(
      (s: { technicianId: number }) => s.technicianId !== ctx.body.technicianId,
    );
    ctx.store.collection("appointments").update(appointment, { appointmentSummaries: [...others, summary] });
    return ok(summary);
  },

  JobEquipment_Get: (ctx) => ok({ equipmentIds: jobEquipment(mustFind(ctx, "jobs", ctx.params.id)) }),
  JobEquipment_Attach: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    const ids = mustRefAll(ctx, "installed-equipment", ctx.body.equipmentIds, "equipmentIds");
    const equipmentIds = [...new Set([...jobEquipment(job), ...ids])];
    ctx.store.collection("jobs").update(job, { equipmentIds });
    return ok({ equipmentIds });
  },
  JobEquipment_DetachBulk: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    const detach = new Set<number>(ctx.body.equipmentIds ?? []);
    ctx.store.collection("jobs").update(job, { equipmentIds: jobEquipment(job).filter((id) => !detach.has(id)) });
    return ok();
  },
  JobEquipment_Detach: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.id);
    if (!jobEquipment(job).includes(ctx.params.equipmentId)) throw notFound(`Equipment of job ${job.id}`, ctx.params.equipmentId);
    ctx.store.collection("jobs").update(job, { equipmentIds: jobEquipment(job).filter((id) => id !== ctx.params.equipmentId) });
    return ok();
  },

  Projects_AttachJob: (ctx) => {
    const project = mustFind(ctx, "projects", ctx.params.id);
    const job = mustFind(ctx, "jobs", ctx.params.jobId);
    if (job.projectId === project.id) return ok();
    if (job.projectId) detach(ctx.store, job);
    ctx.store.collection("jobs").update(job, { projectId: project.id });
    ctx.store.collection("projects").update(project, { jobIds: [...project.jobIds, job.id] });
    return ok();
  },
  Projects_DetachJob: (ctx) => {
    const job = mustFind(ctx, "jobs", ctx.params.jobId);
    if (!job.projectId) throw conflict(`Job ${job.id} is not attached to a project`);
    detach(ctx.store, job);
    return ok();
  },

  ProjectStatuses_GetList: (ctx) =>
    ok(
      listPage(ctx.store, statusFilters, { op: ctx.op, query: ctx.query, pageSizeCap: ctx.settings.pageSizeCap, records: statusRecords() }),
    ),
  ProjectStatuses_Get: (ctx) => {
    const status = statusRecords().find((s) => s.id === ctx.params.id);
    if (!status) throw notFound("Project status", ctx.params.id);
    return ok(status);
  },
  ProjectSubStatuses_GetList: list("project-substatuses"),
  ProjectSubStatuses_Get: getOne("project-substatuses"),
  ProjectTypes_GetList: list("project-types"),
  ProjectTypes_Get: getOne("project-types"),

  JobTypes_Get: getOne("job-types"),
  JobTypes_Create: (ctx) => ok(ctx.store.create("job-types", jobTypeFields(ctx))),
  JobTypes_Update: (ctx) => {
    const type = mustFind(ctx, "job-types", ctx.params.id);
    const fields = jobTypeFields(ctx, type);
    if (ctx.body.customFieldTypeIds !== undefined && ctx.body.customFieldsUpdateMode === "Merge") {
      fields.customFieldTypeIds = [...new Set([...(type.customFieldTypeIds ?? []), ...ctx.body.customFieldTypeIds])];
    }
    ctx.store.collection("job-types").update(type, fields);
    return ok(type);
  },
};

function detach(store: Store, job: SandboxRecord): void {
  const project = store.collection("projects").get(job.projectId);
  if (project) store.collection("projects").update(project, { jobIds: project.jobIds.filter((id: number) => id !== job.id) });
  store.collection("jobs").update(job, { projectId: null });
}

const PRIORITIES = ["Low", "Normal", "High", "Urgent"];

function jobTypeFields(ctx: HandlerContext, current?: SandboxRecord): Record<string, unknown> {
  const { body } = ctx;
  if (body.businessUnitIds) mustRefAll(ctx, "business-units", body.businessUnitIds, "businessUnitIds");
  if (body.tagTypeIds) mustRefAll(ctx, "tag-types", body.tagTypeIds, "tagTypeIds");
  if (body.priority != null && !PRIORITIES.includes(body.priority)) {
    throw badRequest({ priority: [`Priority must be one of ${PRIORITIES.join(", ")}`] });
  }
  if (body.name !== undefined && !String(body.name).trim()) throw badRequest({ name: ["The job type needs a name"] });
  const fields = pickDefined(body, [
    "name",
    "businessUnitIds",
    "skills",
    "tagTypeIds",
    "priority",
    "duration",
    "soldThreshold",
    "class",
    "summary",
    "noCharge",
    "enforceRecurringServiceEventSelection",
    "invoiceSignaturesRequired",
    "defaultEstimateSoldAction",
    "customFieldTypeIds",
  ]);
  const { externalData } = customAndExternalData(body, current);
  return {
    isSmartDispatched: current?.isSmartDispatched ?? false,
    defaultEstimateSoldAction: current?.defaultEstimateSoldAction ?? "None",
    customFieldTypeIds: current?.customFieldTypeIds ?? [],
    ...fields,
    ...(externalData ? { externalData } : {}),
  };
}

export const jpmDetails: SandboxModule = {
  handlers,
  collections: (spec) => [
    schemaCollection(spec, {
      name: "job-notes",
      label: "Job note",
      firstId: 250001,
      record: "jpm/Export_JobNotes",
      filters: { jobId: "jobId" },
    }),
    schemaCollection(spec, {
      name: "project-notes",
      label: "Project note",
      firstId: 255001,
      record: "jpm/Export_ProjectNotes",
      filters: { projectId: "projectId" },
    }),
    schemaCollection(spec, {
      name: "job-canceled-logs",
      label: "Job canceled log",
      firstId: 257001,
      record: "jpm/Export_JobCancelReasons",
    }),
    schemaCollection(spec, { name: "job-hold-reasons", label: "Job hold reason", firstId: 258001, record: "jpm/JobHoldReasons_Get" }),
    schemaCollection(spec, {
      name: "project-substatuses",
      label: "Project sub-status",
      firstId: 258501,
      record: "jpm/ProjectSubStatuses_Get",
      filters: { name: { contains: "name" }, statusId: "statusId" },
    }),
    schemaCollection(spec, { name: "project-types", label: "Project type", firstId: 259001, record: "jpm/ProjectTypes_Get" }),
  ],
  seed: (store) => {
    store.setClock("2025-02-10T16:00:00Z");
    for (const [name, active] of [
      ["Waiting for parts", true],
      ["Customer unavailable", true],
      ["Waiting for permit", true],
      ["Weather", true],
      ["Old reason", false],
    ] as const) {
      store.create("job-hold-reasons", { name, active });
    }
    for (const [name, statusId, order] of [
      ["Design", 1, 1],
      ["Waiting for permit", 2, 1],
      ["Installing", 2, 2],
      ["Waiting for inspection", 3, 1],
      ["Closed out", 4, 1],
    ] as const) {
      store.create("project-substatuses", { name, statusId, order });
    }
    for (const [name, description] of [
      ["Remodel", "Kitchen and bath remodels"],
      ["New construction", "Builder projects"],
      ["System replacement", "HVAC system change-outs"],
    ]) {
      store.create("project-types", { name, description, createdById: 1 });
    }
    const jobs = store.all("jobs");
    for (const [i, text] of [
      "Gate code 4321, dog in the yard.",
      "Customer prefers text messages.",
      "Bring a 45/5 MFD capacitor.",
    ].entries()) {
      store.create("job-notes", { jobId: jobs[i].id, text, isPinned: i === 0, createdById: 1 });
    }
    const project = store.all("projects")[0];
    if (project)
      store.create("project-notes", { projectId: project.id, text: "Permit submitted to the city.", isPinned: true, createdById: 1 });
    for (const job of jobs.filter((j) => j.jobStatus === "Canceled")) {
      store.create("job-canceled-logs", {
        jobId: job.id,
        reasonId: job.cancelReasonId ?? 301,
        memo: job.cancelMemo ?? "Customer canceled",
        createdById: 1,
      });
    }
    store.setClock(null);
  },
};
