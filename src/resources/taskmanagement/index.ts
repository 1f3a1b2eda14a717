import type { ResourceModule } from "../../kit";

/** Task Management (/taskmanagement/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const taskmanagementResources: ResourceModule[] = [];
