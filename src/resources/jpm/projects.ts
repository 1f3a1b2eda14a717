import type { ResourceModule } from "../../kit";
import { inBody, inPath, inQuery, listAction, operationAction, picklist, type Params } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/jpm";
import {
  customFieldsInput,
  dateTimeInput,
  externalDataGuidInput,
  externalDataInput,
  idInput,
  idListInput,
  stringInput,
} from "../../inputs";
import { customerIdInput } from "../crm/customers";
import { locationIdInput } from "../crm/locations";

type Schemas = components["schemas"];

/** A project's id; shared with the jobs and appointments modules. */
export const projectIdInput = (required = false) =>
  idInput({
    label: "Project ID",
    required,
    dataSource: "selectProject",
    comments: "The project's id (not its number): pick one or map it from a previous step.",
  });
const projectManagerIdsInput = () =>
  idListInput({
    label: "Project Manager IDs",
    comments: "Employees managing the project, by employee id (Settings → Employees), one per entry.",
  });
const projectTypeIdInput = () =>
  idInput({ label: "Project Type ID", dataSource: "selectProjectType", comments: "The project type's id (Settings → Project Types)." });

/** Fields create and update share (locationId and customerId are create-only; jobIds update-only). */
const projectFields = (): Params => ({
  name: inBody(stringInput({ label: "Name", comments: "The project's name." })),
  summary: inBody(stringInput({ label: "Summary", multiline: true, comments: "What the project is about (HTML allowed)." })),
  projectTypeId: inBody(projectTypeIdInput()),
  projectManagerIds: inBody(projectManagerIdsInput()),
  statusId: inBody(
    idInput({ label: "Status ID", dataSource: "selectProjectStatus", comments: "The project status id (Settings → Project Statuses)." }),
  ),
  subStatusId: inBody(
    idInput({
      label: "Sub Status ID",
      dataSource: "selectProjectSubStatus",
      comments: "The project sub-status id (Settings → Project Statuses, within the status).",
    }),
  ),
  startDate: inBody(dateTimeInput({ label: "Start Date" })),
  targetCompletionDate: inBody(dateTimeInput({ label: "Target Completion Date" })),
  actualCompletionDate: inBody(dateTimeInput({ label: "Actual Completion Date" })),
  customFields: inBody(customFieldsInput({ valueRequired: true })),
});

export const projects: ResourceModule = {
  actions: {
    listProjects: listAction({
      label: "List Projects",
      description: "Retrieve a list of Projects",
      operation: "GET /jpm/v2/tenant/{tenant}/projects",
      dataSource: "selectProject",
      filters: {
        customerId: customerIdInput(),
        locationId: locationIdInput(),
        projectTypeId: projectTypeIdInput(),
        jobId: idInput({ label: "Job ID", dataSource: "selectJob", comments: "The project containing this job." }),
        appointmentId: idInput({
          label: "Appointment ID",
          dataSource: "selectAppointment",
          comments: "The project containing this appointment.",
        }),
        technicianId: idInput({
          label: "Technician ID",
          dataSource: "selectTechnician",
          comments: "Projects with work assigned to this technician.",
        }),
        invoiceId: idInput({ label: "Invoice ID", dataSource: "selectInvoice", comments: "The project of this invoice." }),
        projectManagerIds: projectManagerIdsInput(),
        businessUnitIds: idListInput({
          label: "Business Unit IDs",
          dataSource: "selectBusinessUnit",
          comments: "Projects of these business units, one id per entry.",
        }),
      },
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/projects"),
    }),
    getProject: operationAction({
      label: "Get Project",
      description: "Retrieve a project by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/projects/{id}",
      params: { id: inPath(projectIdInput(true)), externalDataApplicationGuid: inQuery(externalDataGuidInput()) },
      subject: (v) => `Project ${v.id}`,
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/projects/{id}"),
    }),
    createProject: operationAction({
      label: "Create Project",
      description: "Create a new project",
      operation: "POST /jpm/v2/tenant/{tenant}/projects",
      params: {
        locationId: inBody(locationIdInput(true)),
        customerId: inBody(customerIdInput()),
        ...projectFields(),
        externalData: inBody(externalDataInput()),
      },
      examplePayload: exampleOf("POST /jpm/v2/tenant/{tenant}/projects"),
    }),
    updateProject: operationAction({
      label: "Update Project",
      description: "Update a project",
      operation: "PATCH /jpm/v2/tenant/{tenant}/projects/{id}",
      params: {
        id: inPath(projectIdInput(true)),
        ...projectFields(),
        // The spec's field is jobIds (the reference component sent "jobsIds", which ServiceTitan ignores).
        jobIds: inBody(
          idListInput({ label: "Job IDs", dataSource: "selectJob", comments: "The jobs that belong to the project, one id per entry." }),
        ),
        externalData: inBody(externalDataInput({ update: true })),
      },
      subject: (v) => `Project ${v.id}`,
      examplePayload: exampleOf("PATCH /jpm/v2/tenant/{tenant}/projects/{id}"),
    }),
  },
  dataSources: {
    selectProject: picklist<Schemas["Jpm.V2.ProjectResponse"]>({
      label: "Select Project",
      description: "Select a Project from a dropdown menu (up to 10,000 Projects)",
      operation: "GET /jpm/v2/tenant/{tenant}/projects",
      query: { sort: "-Id" }, // the newest projects survive the cap, listed newest first
      option: (project) => ({
        key: String(project.id),
        label: `${project.name?.trim() || `#${project.number || project.id}`} (ID: ${project.id})`,
      }),
      order: "api",
      example: [
        { key: "2", label: "Kitchen remodel (ID: 2)" },
        { key: "1", label: "#1001 (ID: 1)" },
      ],
    }),
  },
};
