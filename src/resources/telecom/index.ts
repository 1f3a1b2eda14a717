import type { ResourceModule } from "../../kit";

/** Telecom (/telecom): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const telecomResources: ResourceModule[] = [];
