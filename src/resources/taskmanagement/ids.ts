import type { IdVocabulary } from "../../kit/ids";

/** Task Management ids (see kit/ids.ts). */
export const taskmanagementIds: IdVocabulary = {
  employeeTaskTypeId: {
    label: "Task Type ID",
    dataSource: "selectTaskType",
    comments: "A task type (Settings → Task Management → Types).",
  },
  employeeTaskSourceId: {
    label: "Task Source ID",
    dataSource: "selectTaskSource",
    comments: "Where the task came from (Settings → Task Management → Sources).",
  },
  employeeTaskResolutionId: {
    label: "Task Resolution ID",
    dataSource: "selectTaskResolution",
    comments: "How the task was resolved (Settings → Task Management → Resolutions).",
  },
};
