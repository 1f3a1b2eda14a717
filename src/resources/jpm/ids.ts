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
  segmentId: {
    label: "Segment ID",
    dataSource: "selectSegment",
    comments: "A segment of the work breakdown structure (e.g. Cost Code, Cost Type): pick one or map its id from List Budget Segments.",
  },
  segmentItemId: {
    label: "Segment Item ID",
    dataSource: "selectSegmentItem",
    comments:
      "An item (value) of a work breakdown segment, e.g. the cost code 01-100: pick one (the dropdown narrows to the Segment ID when given) or map its id from List Budget Segment Items.",
  },
};
