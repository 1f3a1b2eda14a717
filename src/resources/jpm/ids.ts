import type { IdVocabulary } from "../../kit/ids";

/** Job Planning ids: jobs, appointments, projects and their settings. */
export const jpmIds: IdVocabulary = {
  jobId: {
    label: "Job ID",
    dataSource: "selectJob",
    comments: "The job's id (not its job number): pick one or map it from a previous step.",
  },
  jobTypeId: { label: "Job Type ID", dataSource: "selectJobType", comments: "The kind of work (Settings → Job Types)." },
  appointmentId: {
    label: "Appointment ID",
    dataSource: "selectAppointment",
    comments: "Pick an appointment or map its id from a previous step.",
  },
  projectId: { label: "Project ID", dataSource: "selectProject", comments: "Pick a project or map its id from a previous step." },
  projectTypeId: { label: "Project Type ID", dataSource: "selectProjectType", comments: "A project type (Settings → Project Types)." },
  budgetCodeId: {
    label: "Budget Code ID",
    dataSource: "selectBudgetCode",
    comments: "A budget code of the work breakdown structure (construction job costing).",
  },
};
