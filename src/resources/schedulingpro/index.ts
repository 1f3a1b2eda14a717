import type { ResourceModule } from "../../kit";

/** Scheduling Pro (/schedulingpro/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const schedulingproResources: ResourceModule[] = [];
