/**
 * jpm/v2, the rest: job and project notes, job history and logs, hold reasons, job equipment, appointment summaries,
 * project statuses/sub-statuses/types, job types. Stateful collections of their own; the job status changes of jpm.ts
 * (cancel, remove cancellation, hold, complete) are wrapped to leave their traces (canceled log, history).
 */
import type { Collection, SandboxRecord, Store } from "../store";
import { plainCollection, schemaCollection } from "../generic";
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

/** A message on a job's or project's conversation (March 2026 documents): kept with its author, answered by its id. */
const addMessage =
  (parent: "jobs" | "projects", field: string): Handler =>
  (ctx) => {
    const owner = mustFind(ctx, parent, ctx.params.id);
    if (!String(ctx.body.body ?? "").trim()) throw badRequest({ body: ["The message's text is empty"] });
    mustRef(ctx, "employees", ctx.body.createdByEmployeeId, "createdByEmployeeId");
    if (ctx.body.parentMessageId != null) {
      const parentMessage = ctx.store.collection("messages").get(Number(ctx.body.parentMessageId));
      if (!parentMessage || parentMessage[field] !== owner.id)
        throw badRequest({ parentMessageId: [`Message ${ctx.body.parentMessageId} is not on this ${parent.slice(0, -1)}`] });
    }
    const message = ctx.store.create("messages", { [field]: owner.id, ...ctx.body });
    return ok({ id: message.id });
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

// ---- work breakdown structure (segments, their items, budget codes) ----------------------------------------------------

/** A segment's or item's `isActive` is the record's own active flag. */
const activeView = (record: SandboxRecord) => ({ ...record, isActive: record.active });

const idSet = (value: unknown) =>
  new Set(
    String(value)
      .split(",")
      .map((id) => Number(id.trim())),
  );

/** `{segmentId, segmentItemId}` per segment a budget code binds (an open segment has no item). */
interface Binding {
  segmentId: number;
  segmentItemId: number | null;
}

/** A budget code's fields from its bindings: the code text joins its items' codes in segment order ("01-100.L"). */
function budgetCodeFields(store: Store, bindings: Binding[]): Record<string, unknown> {
  const items = store.collection("wbs-segment-items");
  const sorted = [...bindings].sort((a, b) => a.segmentId - b.segmentId);
  const segments = sorted.map(({ segmentId, segmentItemId }) => {
    const item = segmentItemId == null ? undefined : items.get(segmentItemId);
    return {
      segmentId,
      segmentItemId: item?.id ?? null,
      code: item?.code ?? null,
      description: item?.description ?? null,
      path: item?.path ?? null,
    };
  });
  const bound = segments.filter((segment) => segment.segmentItemId != null);
  return {
    code: bound.map((segment) => segment.code).join("."),
    description: bound.map((segment) => segment.description).join(" / "),
    segments,
    key: segments.map((segment) => `${segment.segmentId}:${segment.segmentItemId ?? "*"}`).join("|"),
  };
}

/** The budget code of these bindings: the existing one (the same combination is one code) or a new one. */
function budgetCodeOf(store: Store, bindings: Binding[]): SandboxRecord {
  const fields = budgetCodeFields(store, bindings);
  return store.all("wbs-budget-codes").find((code) => code.active && code.key === fields.key) ?? store.create("wbs-budget-codes", fields);
}

/** Refuses two items (or bindings) of one segment. */
function checkOnePerSegment(bindings: Binding[], field: string): void {
  const seen = new Set<number>();
  bindings.forEach((binding, i) => {
    if (seen.has(binding.segmentId)) throw badRequest({ [`${field}[${i}]`]: [`Segment ${binding.segmentId} is named twice`] });
    seen.add(binding.segmentId);
  });
}

/** Items of a segment: the top level, or with `includeChildren` every level. */
const segmentItems: Handler = (ctx) => {
  if (ctx.params.projectId !== undefined) mustFind(ctx, "projects", ctx.params.projectId);
  const segment = mustFind(ctx, "wbs-segments", ctx.params.segmentId);
  const page = listPage(ctx.store, ctx.store.collection("wbs-segment-items"), {
    op: ctx.op,
    query: ctx.query,
    pageSizeCap: ctx.settings.pageSizeCap,
    where: (item) => item.segmentId === segment.id && (ctx.query.includeChildren === true || item.parentId == null),
  });
  return ok({ ...page, data: page.data.map(activeView) });
};

/** Sub-items of an item: its children, or with `includeChildren` every level below it. */
const segmentItemChildren: Handler = (ctx) => {
  if (ctx.params.projectId !== undefined) mustFind(ctx, "projects", ctx.params.projectId);
  const segment = mustFind(ctx, "wbs-segments", ctx.params.segmentId);
  const items = ctx.store.collection("wbs-segment-items");
  const parent = mustFind(ctx, "wbs-segment-items", ctx.params.segmentItemId);
  if (parent.segmentId !== segment.id) throw notFound("Segment item", parent.id);
  const below = (item: SandboxRecord): boolean => {
    if (item.parentId == null) return false;
    if (item.parentId === parent.id) return true;
    const up = items.get(item.parentId);
    return ctx.query.includeChildren === true && !!up && below(up);
  };
  const page = listPage(ctx.store, items, { op: ctx.op, query: ctx.query, pageSizeCap: ctx.settings.pageSizeCap, where: below });
  return ok({ ...page, data: page.data.map(activeView) });
};

const segmentList: Handler = (ctx) => {
  if (ctx.params.projectId !== undefined) mustFind(ctx, "projects", ctx.params.projectId);
  return ok({ data: ctx.store.all("wbs-segments").map(activeView) });
};

const budgetCodeList: Handler = (ctx) => {
  if (ctx.params.projectId !== undefined) mustFind(ctx, "projects", ctx.params.projectId);
  return list("wbs-budget-codes")(ctx);
};

/** `codes=…`: each text with whether it names a budget code, and the codes it names (case-insensitive). */
const matchBudgetCodes: Handler = (ctx) => {
  if (ctx.params.projectId !== undefined) mustFind(ctx, "projects", ctx.params.projectId);
  const codes = ctx.store.all("wbs-budget-codes").filter((code) => code.active);
  const texts: string[] = [ctx.query.codes ?? []].flat().map(String);
  return ok({
    matches: texts.map((text) => {
      const budgetCodes = codes.filter((code) => String(code.code).toLowerCase() === text.trim().toLowerCase());
      return { code: text, isValid: budgetCodes.length > 0, budgetCodes };
    }),
  });
};

/** A full budget code: one item of each active segment. */
const createBudgetCode: Handler = (ctx) => {
  const ids = mustRefAll(ctx, "wbs-segment-items", ctx.body.segmentItemIds, "segmentItemIds");
  const bindings = ids.map((id) => ({ segmentId: ctx.store.get("wbs-segment-items", id)!.segmentId, segmentItemId: id }));
  checkOnePerSegment(bindings, "segmentItemIds");
  const missing = ctx.store
    .all("wbs-segments")
    .filter((segment) => segment.active && !bindings.some((b) => b.segmentId === segment.id))
    .map((segment) => segment.name);
  if (missing.length) {
    throw badRequest({ segmentItemIds: [`A full budget code needs an item of every active segment; missing: ${missing.join(", ")}`] });
  }
  return ok({ code: budgetCodeOf(ctx.store, bindings) });
};

/** A partial budget code: some segments bound to an item, others left open. */
const createPartialBudgetCode: Handler = (ctx) => {
  const bindings: Binding[] = (ctx.body.segments ?? []).map((binding: Binding, i: number) => {
    const segment = mustRef(ctx, "wbs-segments", binding.segmentId, `segments[${i}].segmentId`);
    if (binding.segmentItemId != null) {
      const item = mustRef(ctx, "wbs-segment-items", binding.segmentItemId, `segments[${i}].segmentItemId`);
      if (item.segmentId !== segment.id) {
        throw badRequest({ [`segments[${i}].segmentItemId`]: [`Segment item ${item.id} is not an item of segment ${segment.id}`] });
      }
    }
    return { segmentId: segment.id, segmentItemId: binding.segmentItemId ?? null };
  });
  if (!bindings.length) throw badRequest({ segments: ["A budget code needs at least one segment"] });
  checkOnePerSegment(bindings, "segments");
  return ok({ code: budgetCodeOf(ctx.store, bindings) });
};

/** The demo tenant's work breakdown structure: cost codes (hierarchical), cost types and phases, a few budget codes. */
function seedWorkBreakdown(store: Store): void {
  const segment = (name: string, type: string, structure: string, isRequired: boolean, active = true) =>
    store.create("wbs-segments", { name, type, structure, isRequired, active });
  const costCode = segment("Cost Code", "CostCode", "Hierarchal", true);
  const costType = segment("Cost Type", "CostType", "Flat", true);
  const phase = segment("Phase", "Custom", "Flat", false);
  segment("Area (retired)", "Custom", "Flat", false, false);
  const item = (segmentId: number, code: string, description: string, costCategory: string | null, parent?: SandboxRecord) =>
    store.create("wbs-segment-items", {
      segmentId,
      parentId: parent?.id ?? null,
      code,
      description,
      path: parent ? `${parent.path}/${code}` : code,
      costCategory,
    });
  const general = item(costCode.id, "01", "General requirements", null);
  const site = item(costCode.id, "01-100", "Site preparation", null, general);
  item(costCode.id, "01-200", "Temporary facilities", null, general);
  const hvac = item(costCode.id, "23", "HVAC", null);
  const ducts = item(costCode.id, "23-300", "Ductwork", null, hvac);
  const labor = item(costType.id, "L", "Labor", "Labor");
  const material = item(costType.id, "M", "Material", "Material");
  item(costType.id, "S", "Subcontract", "Subcontract");
  const roughIn = item(phase.id, "RI", "Rough-in", null);
  item(phase.id, "TO", "Trim-out", null);
  // Seeded codes leave the optional Phase open (partial codes); one names a phase.
  const bind = (...items: SandboxRecord[]) => items.map((i) => ({ segmentId: i.segmentId, segmentItemId: i.id }));
  const openPhase = { segmentId: phase.id, segmentItemId: null };
  budgetCodeOf(store, [...bind(site, labor), openPhase]);
  budgetCodeOf(store, [...bind(ducts, material), openPhase]);
  budgetCodeOf(store, bind(ducts, labor, roughIn));
}

const budgetCodeFilters = {
  budgetCodeIds: (code: SandboxRecord, value: unknown) => idSet(value).has(code.id),
  segmentIds: (code: SandboxRecord, value: unknown) => {
    const ids = idSet(value);
    return code.segments.some((s: Binding) => ids.has(s.segmentId) && s.segmentItemId != null);
  },
  segmentItemIds: (code: SandboxRecord, value: unknown) => {
    const ids = idSet(value);
    return code.segments.some((s: Binding) => s.segmentItemId != null && ids.has(s.segmentItemId));
  },
};

// ---- handlers ------------------------------------------------------------------------------------------------------

const jobEquipment = (job: SandboxRecord): number[] => job.equipmentIds ?? [];

const handlers: HandlerTable = {
  Jobs_GetNotes: notesOf("job-notes", "jobs", "jobId"),
  Jobs_CreateNote: addNote("job-notes", "jobs", "jobId"),
  Projects_GetNotes: notesOf("project-notes", "projects", "projectId"),
  Projects_CreateNote: addNote("project-notes", "projects", "projectId"),
  Jobs_CreateMessage: addMessage("jobs", "jobId"),
  Projects_CreateMessage: addMessage("projects", "projectId"),

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

  Projects_GetCustomFieldTypes: list("project-custom-field-types"),
  BudgetCodes_ListCompanySegments: segmentList,
  BudgetCodes_ListProjectSegments: segmentList,
  BudgetCodes_ListCompanySegmentItems: segmentItems,
  BudgetCodes_ListProjectSegmentItems: segmentItems,
  BudgetCodes_ListCompanySegmentItemChildren: segmentItemChildren,
  BudgetCodes_ListProjectSegmentItemChildren: segmentItemChildren,
  BudgetCodes_ListCompanyBudgetCodes: budgetCodeList,
  BudgetCodes_ListProjectBudgetCodes: budgetCodeList,
  BudgetCodes_MatchCompanyBudgetCodes: matchBudgetCodes,
  BudgetCodes_MatchProjectBudgetCodes: matchBudgetCodes,
  BudgetCodes_CreateBudgetCode: createBudgetCode,
  BudgetCodes_CreateBudgetCodePartial: createPartialBudgetCode,
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
    plainCollection("messages", "Message", 266001),
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
    schemaCollection(spec, {
      name: "project-custom-field-types",
      label: "Project custom field type",
      firstId: 262001,
      record: "jpm/Projects_GetCustomFieldTypes",
    }),
    {
      name: "wbs-segments",
      label: "Segment",
      firstId: 263001,
      build: (_store, fields) => ({ name: "Segment", type: "Custom", structure: "Flat", isRequired: false, ...fields }),
      fake: () => ({}),
    },
    schemaCollection(spec, {
      name: "wbs-segment-items",
      label: "Segment item",
      firstId: 264001,
      record: "jpm/BudgetCodes_ListCompanySegmentItems",
    }),
    schemaCollection(spec, {
      name: "wbs-budget-codes",
      label: "Budget code",
      firstId: 265001,
      record: "jpm/BudgetCodes_ListCompanyBudgetCodes",
      filters: budgetCodeFilters,
    }),
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
    for (const [name, dataType, dataTypeOptions] of [
      ["Permit number", "Text", null],
      ["Financing", "Dropdown", ["Cash", "Financed", "Lease"]],
      ["Square footage", "Numeric", null],
    ] as const) {
      store.create("project-custom-field-types", { name, dataType, dataTypeOptions });
    }
    seedWorkBreakdown(store);
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
