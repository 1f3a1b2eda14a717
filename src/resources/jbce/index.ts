import type { ResourceModule } from "../../kit";

/** Job Booking (/jbce/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const jbceResources: ResourceModule[] = [];
