import type { ResourceModule } from "../kit";
import { inBody, inPath, listAction, operationAction, picklist } from "../kit";
import { exampleOf } from "../examples";
import { idInput, stringInput } from "../inputs";

const jobId = (required = true) =>
  idInput({ label: "Job ID", required, dataSource: "selectJob", comments: "The job's id (not its job number): pick one or map it from a previous step." });

export const jobs: ResourceModule = {
  actions: {
    listJobs: listAction({
      label: "List Jobs",
      description: "Retrieve a list of jobs",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs",
      filters: {
        customerId: idInput({ label: "Customer ID", dataSource: "selectCustomers" }),
        locationId: idInput({ label: "Location ID", dataSource: "selectLocation" }),
        projectId: idInput({ label: "Project ID", dataSource: "selectProject" }),
        technicianId: idInput({ label: "Technician ID", dataSource: "selectTechnician" }),
      },
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs"),
    }),
    getJob: operationAction({
      label: "Get Job",
      description: "Retrieve a job by ID",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}",
      params: { id: inPath(jobId()) },
      subject: (v) => `Job ${v.id}`,
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs/{id}"),
    }),
    cancelJob: operationAction({
      label: "Cancel Job",
      description: "Cancels a Job",
      operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/cancel",
      params: {
        id: inPath(jobId()),
        reasonId: inBody(idInput({ label: "Cancel Reason ID", required: true, dataSource: "selectJobCancelReason", comments: "Why the job is canceled (Settings → Job Cancel Reasons)." })),
        memo: inBody(stringInput({ label: "Memo", required: true, multiline: true, comments: "A note explaining the cancellation." })),
      },
      subject: (v) => `Job ${v.id}`,
      examplePayload: exampleOf("PUT /jpm/v2/tenant/{tenant}/jobs/{id}/cancel"),
    }),
  },
  dataSources: {
    selectJob: picklist<{ id: number; jobNumber?: string; summary?: string }>({
      label: "Select Job",
      description: "Select a job from a dropdown menu (up to 10,000 jobs)",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs",
      query: { sort: "-Id" },
      option: (job) => ({ key: String(job.id), label: `#${job.jobNumber ?? job.id} (ID: ${job.id})` }),
      order: "api",
      example: [{ key: "1", label: "#1 (ID: 1)" }],
    }),
  },
};
