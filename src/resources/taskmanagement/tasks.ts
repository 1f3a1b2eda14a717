import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, picklist, responsePicklist } from "../../kit";
import { exampleWith } from "../../examples";
import type { components } from "../../generated/types/taskmanagement";
import { enumListInput, idInput, idListInput } from "../../inputs";

type Schemas = components["schemas"];
type TaskData = Schemas["TaskManagement.V2.ClientSideDataResponse"];

const TASK = {
  id: 260004,
  taskNumber: 1004,
  name: "Call back about the furnace estimate",
  description: "Customer wants financing options.",
  status: "ToDo",
  isClosed: false,
  closedOn: null,
  priority: "High",
  reportedById: 1001,
  assignedToId: 1002,
  involvedEmployeeIdList: [1003],
  businessUnitId: 101,
  employeeTaskTypeId: 12,
  employeeTaskSourceId: 3,
  employeeTaskResolutionId: null,
  reportedOn: "2025-03-03T16:00:00Z",
  reportedDate: "2025-03-03T16:00:00Z",
  completeBy: "2025-03-05T00:00:00Z",
  startedOn: null,
  customerId: 2001,
  customerName: "Olivia Bennett",
  jobId: null,
  jobNumber: null,
  projectId: null,
  refundIssued: null,
  active: true,
  createdOn: "2025-03-03T16:00:00Z",
  modifiedOn: "2025-03-03T16:00:00Z",
  comments: [],
  attachments: [],
  subTasksData: null,
};

const STATUSES = ["ToDo", "InProgress", "OnHold", "Canceled", "Completed"];
const PRIORITIES = ["Low", "Normal", "High", "Urgent"];

const employee = (label: string, comments: string) => ({ label, dataSource: "selectTaskEmployee", comments });
const task = { label: "Task ID", dataSource: "selectTask", comments: "A task: pick one or map its id from a previous step." };

/** Named records of the task data, active ones only, as dropdown options. */
const activeOptions = (records: Array<{ id: number; name: string; active: boolean }> | undefined) =>
  (records ?? [])
    .filter((record) => record.active)
    .map((record) => ({ key: String(record.id), label: `${record.name} (ID: ${record.id})` }));

const taskDataPicklist = (label: string, what: string, pick: (data: TaskData) => ReturnType<typeof activeOptions>, example: string) =>
  responsePicklist<TaskData>({
    label,
    description: `Select ${what} from a dropdown menu (from the task management data)`,
    operation: "GET /taskmanagement/v2/tenant/{tenant}/data",
    options: pick,
    example: [{ key: "1", label: `${example} (ID: 1)` }],
  });

/** Tasks (Task Management): follow-ups, callbacks, complaints … assigned to employees, with subtasks. */
export const tasks: ResourceModule = {
  actions: {
    listTasks: listAction({
      label: "List Tasks",
      description: "Retrieve tasks, filtered by status, priority, type, source, people, customer, job, project or dates",
      operation: "GET /taskmanagement/v2/tenant/{tenant}/tasks",
      dataSource: "selectTask",
      omit: ["isClosed"], // deprecated: Statuses says it better
      filters: {
        statuses: enumListInput({ label: "Statuses", values: STATUSES, comments: "Only tasks in these statuses, one per entry." }),
        priorities: enumListInput({ label: "Priorities", values: PRIORITIES, comments: "Only tasks of these priorities, one per entry." }),
        reportedById: idInput({
          label: "Reported By ID",
          dataSource: "selectTaskEmployee",
          comments: "Only tasks reported by this employee.",
        }),
        assignedToId: idInput({
          label: "Assigned To ID",
          dataSource: "selectTaskEmployee",
          comments: "Only tasks assigned to this employee.",
        }),
        involvedEmployeeIdList: idListInput({
          label: "Involved Employee IDs",
          dataSource: "selectTaskEmployee",
          comments: "Only tasks involving these employees, one id per entry.",
        }),
      },
      examplePayload: exampleWith("GET /taskmanagement/v2/tenant/{tenant}/tasks", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [TASK],
      }),
    }),
    getTask: derivedAction({
      label: "Get Task",
      description: "Retrieve a task by ID, with its comments, attachments and optionally its subtasks",
      operation: "GET /taskmanagement/v2/tenant/{tenant}/tasks/{id}",
      examplePayload: exampleWith("GET /taskmanagement/v2/tenant/{tenant}/tasks/{id}", TASK),
      inputs: { id: task, includeSubtasks: { comments: "Whether the task's subtasks are included." } },
    }),
    createTask: derivedAction({
      label: "Create Task",
      description:
        "Create a task (e.g. a follow-up call or a complaint) assigned to an employee, optionally about a customer, job or project",
      operation: "POST /taskmanagement/v2/tenant/{tenant}/tasks",
      examplePayload: exampleWith("POST /taskmanagement/v2/tenant/{tenant}/tasks", TASK),
      inputs: {
        name: { comments: "The task's title (e.g. Call back about the estimate)." },
        description: { comments: "What needs to be done." },
        reportedById: employee("Reported By ID", "The employee reporting the task."),
        assignedToId: employee("Assigned To ID", "The employee the task is assigned to."),
        involvedEmployeeIdList: employee("Involved Employee IDs", "Other employees involved, one id per entry."),
        isClosed: { comments: "Whether the task is already closed (usually False)." },
        status: { comments: "The task's status (To Do when empty)." },
        priority: { comments: "How urgent the task is." },
        reportedDate: { comments: "When the task was reported (ISO 8601; sent as UTC), e.g. now." },
        completeBy: { comments: "The task's due date." },
        startedOn: { comments: "When work on the task started." },
        businessUnitId: { comments: "The business unit the task belongs to." },
        customerId: { comments: "The customer the task is about." },
        jobId: { comments: "The job the task is about." },
        projectId: { comments: "The project the task is about." },
      },
    }),
    createSubtask: derivedAction({
      label: "Create Subtask",
      description: "Add a subtask (a checklist step with its own assignee and due date) to a task",
      operation: "POST /taskmanagement/v2/tenant/{tenant}/tasks/{id}/subtasks",
      examplePayload: exampleWith("POST /taskmanagement/v2/tenant/{tenant}/tasks/{id}/subtasks", {
        isClosed: false,
        name: "Email the financing brochure",
        assignedToId: 1002,
        dueDateTime: "2025-03-04T17:00:00Z",
        parentTaskId: 260004,
        subtaskNumber: "1004-1",
        isViewed: false,
        assignedDateTime: "2025-03-03T16:10:00Z",
        createdOn: "2025-03-03T16:10:00Z",
      }),
      inputs: {
        id: task,
        name: { comments: "What the subtask is (e.g. Email the revised estimate)." },
        isClosed: { comments: "Whether the subtask is already done (usually False)." },
        assignedToId: employee("Assigned To ID", "The employee the subtask is assigned to."),
        dueDateTime: { comments: "When the subtask is due (ISO 8601; sent as UTC)." },
      },
    }),
    getTaskData: derivedAction({
      label: "Get Task Management Data",
      description:
        "Retrieve what tasks are filled with: employees, business units, priorities, statuses, task types, sources and resolutions (their ids and names)",
      operation: "GET /taskmanagement/v2/tenant/{tenant}/data",
    }),
  },
  dataSources: {
    selectTask: picklist<Schemas["TaskManagement.V2.TaskGetResponse"]>({
      label: "Select Task",
      description: "Select a task from a dropdown menu (up to 10,000 tasks, newest first)",
      operation: "GET /taskmanagement/v2/tenant/{tenant}/tasks",
      query: { sort: "-Id" },
      option: (t) => ({ key: String(t.id), label: `#${t.taskNumber} ${t.name?.trim() || "Task"} · ${t.status} (ID: ${t.id})` }),
      order: "api",
      example: [{ key: "1", label: "#1001 Call back about the estimate · ToDo (ID: 1)" }],
    }),
    selectTaskType: taskDataPicklist(
      "Select Task Type",
      "an active task type",
      (data) => activeOptions(data.taskTypes),
      "Customer callback",
    ),
    selectTaskSource: taskDataPicklist(
      "Select Task Source",
      "an active task source",
      (data) => activeOptions(data.taskSources),
      "Phone call",
    ),
    selectTaskResolution: taskDataPicklist(
      "Select Task Resolution",
      "an active task resolution",
      (data) => activeOptions(data.taskResolutions),
      "Resolved with customer",
    ),
    selectTaskEmployee: taskDataPicklist(
      "Select Task Employee",
      "an active employee tasks can be assigned to",
      (data) => activeOptions(data.employees),
      "Dana Whitfield",
    ),
  },
};
