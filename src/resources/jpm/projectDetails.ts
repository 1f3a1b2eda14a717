import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, namedPicklist, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import { idInput } from "../../inputs";
import { MESSAGE_INPUTS } from "./jobDetails";

type Schemas = components["schemas"];

const projectStatus = {
  label: "Project Status ID",
  dataSource: "selectProjectStatus",
  comments: "A project status (Settings → Project Statuses).",
};
const projectSubStatus = {
  label: "Project Sub Status ID",
  dataSource: "selectProjectSubStatus",
  comments: "A project sub-status (Settings → Project Statuses, within a status).",
};

/** A project's notes and jobs, and the project settings (statuses, sub-statuses, types). */
export const projectDetails: ResourceModule = {
  actions: {
    listProjectNotes: listAction({
      label: "List Project Notes",
      description: "Retrieve a project's notes",
      operation: "GET /jpm/v2/tenant/{tenant}/projects/{id}/notes",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/projects/{id}/notes"),
    }),
    createProjectNote: derivedAction({
      label: "Add Project Note",
      description: "Add a note to a project, optionally pinned to the top",
      operation: "POST /jpm/v2/tenant/{tenant}/projects/{id}/notes",
      inputs: {
        text: { comments: "The note's text." },
        pinToTop: { comments: "Whether the note is pinned to the top of the project's notes." },
      },
    }),
    createProjectMessage: derivedAction({
      label: "Add Project Message",
      description: "Post a message on a project's conversation, mentioning users or replying to a message",
      operation: "POST /jpm/v2/tenant/{tenant}/projects/{id}/messages",
      inputs: MESSAGE_INPUTS,
    }),
    attachJobToProject: derivedAction({
      label: "Attach Job to Project",
      description: "Make a job part of a project (a job belongs to at most one project)",
      operation: "POST /jpm/v2/tenant/{tenant}/projects/{id}/attach-job/{jobId}",
      inputs: { jobId: { comments: "The job to attach to the project." } },
      subject: (v) => `Project ${v.id} or job ${v.jobId}`,
    }),
    detachJobFromProject: derivedAction({
      label: "Detach Job from Project",
      description: "Take a job out of the project it belongs to",
      operation: "POST /jpm/v2/tenant/{tenant}/projects/detach-job/{jobId}",
      inputs: { jobId: { comments: "The job to detach from its project." } },
      subject: (v) => `Job ${v.jobId}`,
    }),
    listProjectStatuses: listAction({
      label: "List Project Statuses",
      description: "Retrieve the project statuses (Settings → Project Statuses)",
      operation: "GET /jpm/v2/tenant/{tenant}/project-statuses",
      dataSource: "selectProjectStatus",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/project-statuses"),
    }),
    getProjectStatus: derivedAction({
      label: "Get Project Status",
      description: "Retrieve a project status by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/project-statuses/{id}",
      inputs: { id: projectStatus },
    }),
    listProjectSubStatuses: listAction({
      label: "List Project Sub Statuses",
      description: "Retrieve the project sub-statuses, e.g. those of one status",
      operation: "GET /jpm/v2/tenant/{tenant}/project-substatuses",
      dataSource: "selectProjectSubStatus",
      filters: {
        statusId: idInput({
          label: "Status ID",
          dataSource: "selectProjectStatus",
          comments: "Only the sub-statuses of this project status.",
        }),
      },
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/project-substatuses"),
    }),
    getProjectSubStatus: derivedAction({
      label: "Get Project Sub Status",
      description: "Retrieve a project sub-status by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/project-substatuses/{id}",
      inputs: { id: projectSubStatus },
    }),
    listProjectTypes: listAction({
      label: "List Project Types",
      description: "Retrieve the project types (Settings → Project Types)",
      operation: "GET /jpm/v2/tenant/{tenant}/project-types",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/project-types"),
    }),
    getProjectType: derivedAction({
      label: "Get Project Type",
      description: "Retrieve a project type by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/project-types/{id}",
    }),
  },
  dataSources: {
    selectProjectStatus: picklist<Schemas["Jpm.V2.ProjectStatusResponse"]>({
      label: "Select Project Status",
      description: "Select a project status from a dropdown menu, in their configured order",
      operation: "GET /jpm/v2/tenant/{tenant}/project-statuses",
      query: { sort: "+Order" },
      option: (status) => ({ key: String(status.id), label: `${status.name?.trim() || "Status"} (ID: ${status.id})` }),
      order: "api",
      example: [{ key: "1", label: "In Progress (ID: 1)" }],
    }),
    selectProjectSubStatus: picklist<Schemas["Jpm.V2.ProjectSubStatusResponse"]>({
      label: "Select Project Sub Status",
      description: "Select an active project sub-status from a dropdown menu, grouped by status in their configured order",
      operation: "GET /jpm/v2/tenant/{tenant}/project-substatuses",
      query: { sort: "+StatusId" },
      option: (sub) => ({ key: String(sub.id), label: `${sub.name?.trim() || "Sub-status"} (ID: ${sub.id})` }),
      order: "api",
      example: [{ key: "1", label: "Waiting for permit (ID: 1)" }],
    }),
    selectProjectType: namedPicklist<Schemas["Jpm.V2.ProjectTypeResponse"]>({
      label: "Select Project Type",
      description: "Select a project type from a dropdown menu (up to 10,000 types)",
      operation: "GET /jpm/v2/tenant/{tenant}/project-types",
      example: [{ key: "1", label: "Remodel (ID: 1)" }],
    }),
  },
};
