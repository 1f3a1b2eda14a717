/**
 * /taskmanagement/v2: tasks with their subtasks, and the task data (employees, business units, types, sources,
 * resolutions) they are filled with. The sandbox's employees are its technicians; task types, sources and resolutions
 * are fixed per tenant.
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest } from "../problem";
import { getOne, list, mustFind, mustRef, mustRefAll, ok, type HandlerContext, type Json, type SandboxModule } from "./kit";

export const TASK_TYPES = [
  { id: 299901, name: "Customer callback", active: true, excludedTaskResolutionIds: [] },
  { id: 299902, name: "Complaint", active: true, excludedTaskResolutionIds: [] },
  { id: 299903, name: "Estimate follow-up", active: true, excludedTaskResolutionIds: [] },
  { id: 299904, name: "Old type", active: false, excludedTaskResolutionIds: [] },
];
export const TASK_SOURCES = [
  { id: 299911, name: "Phone call", active: true },
  { id: 299912, name: "Email", active: true },
  { id: 299913, name: "Technician", active: true },
];
export const TASK_RESOLUTIONS = [
  { id: 299921, name: "Resolved with customer", type: "Custom", active: true, excludedTaskTypeIds: [] },
  { id: 299922, name: "Refund issued", type: "Refund", active: true, excludedTaskTypeIds: [] },
];
const STATUSES = ["ToDo", "InProgress", "OnHold", "Canceled", "Completed"];
const PRIORITIES = ["Low", "Normal", "High", "Urgent"];

const known = (list: Array<{ id: number; active: boolean }>, id: unknown, field: string, label: string) => {
  if (id == null) return;
  if (!list.some((item) => item.id === id && item.active)) throw badRequest({ [field]: [`${label} with id ${id} not found`] });
};

/** A task as listed or read: its subtasks only when asked for. */
const taskView = (record: SandboxRecord, ctx: HandlerContext) => ({
  ...record,
  subTasksData: ctx.query.includeSubtasks ? { count: (record.subtasks ?? []).length, subTasks: record.subtasks ?? [] } : null,
});

function createTask(ctx: HandlerContext): SandboxRecord {
  const { body, store } = ctx;
  mustRef(ctx, "technicians", body.reportedById, "reportedById");
  mustRef(ctx, "technicians", body.assignedToId, "assignedToId");
  mustRefAll(ctx, "technicians", body.involvedEmployeeIdList ?? [], "involvedEmployeeIdList");
  mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  known(TASK_TYPES, body.employeeTaskTypeId, "employeeTaskTypeId", "Task type");
  known(TASK_SOURCES, body.employeeTaskSourceId, "employeeTaskSourceId", "Task source");
  known(TASK_RESOLUTIONS, body.employeeTaskResolutionId, "employeeTaskResolutionId", "Task resolution");
  const customer = body.customerId != null ? mustRef(ctx, "customers", body.customerId, "customerId") : undefined;
  const job = body.jobId != null ? mustRef(ctx, "jobs", body.jobId, "jobId") : undefined;
  if (body.projectId != null) mustRef(ctx, "projects", body.projectId, "projectId");
  if (!String(body.name ?? "").trim()) throw badRequest({ name: ["The task needs a name"] });
  const status = body.status ?? (body.isClosed ? "Completed" : "ToDo");
  return store.create("tasks", {
    reportedById: body.reportedById,
    assignedToId: body.assignedToId,
    isClosed: body.isClosed,
    status,
    closedOn: body.isClosed ? store.now() : null,
    name: body.name,
    businessUnitId: body.businessUnitId,
    employeeTaskTypeId: body.employeeTaskTypeId,
    employeeTaskSourceId: body.employeeTaskSourceId,
    employeeTaskResolutionId: body.employeeTaskResolutionId ?? 0,
    reportedOn: body.reportedDate,
    reportedDate: body.reportedDate,
    completeBy: body.completeBy ?? null,
    startedOn: body.startedOn ?? null,
    involvedEmployeeIdList: body.involvedEmployeeIdList ?? [],
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? null,
    jobId: job?.id ?? null,
    jobNumber: job?.jobNumber ?? null,
    projectId: body.projectId ?? null,
    description: body.description ?? null,
    priority: body.priority,
    taskNumber: 0,
    comments: [],
    attachments: [],
    subtasks: [],
    refundIssued: null,
    descriptionModifiedOn: null,
    descriptionModifiedById: null,
  });
}

/** Task numbers count up from 1001 like ServiceTitan's. */
const numbered = (store: Store, task: SandboxRecord) => store.collection("tasks").update(task, { taskNumber: task.id - 260000 + 1000 });

export const taskmanagement: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: "tasks",
      label: "Task",
      firstId: 260001,
      record: "taskmanagement/Tasks_GetTask",
      filters: {
        statuses: { in: "status" },
        priorities: { in: "priority" },
        businessUnitIds: { in: "businessUnitId" },
        employeeTaskTypeIds: { in: "employeeTaskTypeId" },
        employeeTaskSourceIds: { in: "employeeTaskSourceId" },
        employeeTaskResolutionIds: { in: "employeeTaskResolutionId" },
        reportedById: "reportedById",
        assignedToId: "assignedToId",
        involvedEmployeeIdList: { any: "involvedEmployeeIdList" },
        customerId: "customerId",
        jobId: "jobId",
        projectId: "projectId",
        taskNumber: "taskNumber",
        jobNumber: "jobNumber",
        name: { contains: "name" },
        isClosed: "isClosed",
        reportedOnOrAfter: { from: "reportedOn" },
        reportedBefore: { before: "reportedOn" },
        completeOnOrAfter: { from: "completeBy" },
        completeBefore: { before: "completeBy" },
      },
    }),
  ],
  seed: (store) => {
    store.setClock("2025-02-24T16:00:00Z");
    const [customer] = store.all("customers");
    const job = store.all("jobs", { customerId: customer.id })[0];
    const tasks = [
      {
        name: "Call back about the water heater estimate",
        employeeTaskTypeId: 299903,
        employeeTaskSourceId: 299911,
        priority: "High",
        status: "ToDo",
        customerId: customer.id,
        jobId: job?.id ?? null,
      },
      {
        name: "Customer complaint: technician late",
        employeeTaskTypeId: 299902,
        employeeTaskSourceId: 299912,
        priority: "Urgent",
        status: "InProgress",
        customerId: customer.id,
        jobId: null,
      },
      {
        name: "Order replacement part",
        employeeTaskTypeId: 299901,
        employeeTaskSourceId: 299913,
        priority: "Normal",
        status: "Completed",
        customerId: null,
        jobId: null,
      },
    ];
    for (const [i, t] of tasks.entries()) {
      const task = store.create("tasks", {
        ...t,
        reportedById: 1001,
        assignedToId: 1002 + i,
        isClosed: t.status === "Completed",
        closedOn: t.status === "Completed" ? store.now() : null,
        businessUnitId: 101,
        employeeTaskResolutionId: t.status === "Completed" ? 299921 : 0,
        reportedOn: store.now(),
        completeBy: null,
        involvedEmployeeIdList: [],
        customerName: t.customerId ? customer.name : null,
        jobNumber: t.jobId ? (job?.jobNumber ?? null) : null,
        projectId: null,
        description: null,
        comments: [],
        attachments: [],
        subtasks: [],
        refundIssued: null,
        descriptionModifiedOn: null,
        descriptionModifiedById: null,
      });
      numbered(store, task);
    }
    store.setClock(null);
  },
  handlers: {
    ClientSideData_Get: (ctx) =>
      ok({
        employees: ctx.store.all("technicians").map((t) => ({ id: t.id, name: t.name, active: t.active })),
        businessUnits: ctx.store
          .all("business-units")
          .filter((u) => u.active)
          .map((u) => ({ name: u.name, value: u.id })),
        taskPriorities: PRIORITIES.map((name) => ({ name })),
        taskResolutionTypes: [{ name: "Custom" }, { name: "Refund" }],
        taskStatuses: STATUSES.map((name) => ({ name })),
        taskTypes: TASK_TYPES,
        taskSources: TASK_SOURCES,
        taskResolutions: TASK_RESOLUTIONS,
      }),
    Tasks_GetTasks: list("tasks", { view: taskView }),
    Tasks_GetTask: getOne("tasks", { view: taskView }),
    Tasks_Create: (ctx) => ok(numbered(ctx.store, createTask(ctx))),
    Tasks_CreateSubtask: (ctx) => {
      const task = mustFind(ctx, "tasks", ctx.params.id);
      mustRef(ctx, "technicians", ctx.body.assignedToId, "assignedToId");
      if (!String(ctx.body.name ?? "").trim()) throw badRequest({ name: ["The subtask needs a name"] });
      const now = ctx.store.now();
      const subtask: Json = {
        assignedToId: ctx.body.assignedToId,
        reportedById: task.reportedById,
        active: true,
        isClosed: ctx.body.isClosed,
        closedOn: ctx.body.isClosed ? now : null,
        name: ctx.body.name,
        createdOn: now,
        dueDateTime: ctx.body.dueDateTime ?? null,
        subtaskNumber: (task.subtasks ?? []).length + 1,
        isViewed: false,
        assignedDateTime: now,
        comments: [],
      };
      ctx.store.collection("tasks").update(task, { subtasks: [...(task.subtasks ?? []), subtask] });
      return ok({ ...subtask, parentTaskId: task.id, subtaskNumber: `${task.taskNumber}-${subtask.subtaskNumber}` });
    },
  },
};
