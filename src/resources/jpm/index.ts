import type { ResourceModule } from "../../kit";
import { jobs } from "./jobs";
import { appointments } from "./appointments";
import { projects } from "./projects";

/** The jpm module's resources (path prefix /jpm/v2). */
export const jpmResources: ResourceModule[] = [jobs, appointments, projects];
