import type { ResourceModule } from "../../kit";
import { jobs } from "./jobs";
import { appointments } from "./appointments";
import { projects } from "./projects";
import { jobDetails } from "./jobDetails";
import { appointmentStatus } from "./appointmentStatus";
import { projectDetails } from "./projectDetails";
import { jobTypes } from "./jobTypes";
import { workBreakdown } from "./workBreakdown";

/** The jpm module's resources (path prefix /jpm/v2). */
export const jpmResources: ResourceModule[] = [
  jobs,
  appointments,
  projects,
  jobDetails,
  appointmentStatus,
  projectDetails,
  jobTypes,
  workBreakdown,
];
