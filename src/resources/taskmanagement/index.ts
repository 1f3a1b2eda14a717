import type { ResourceModule } from "../../kit";
import { tasks } from "./tasks";

/** Task Management (/taskmanagement/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const taskmanagementResources: ResourceModule[] = [tasks];
