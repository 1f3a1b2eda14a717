import type { ResourceModule } from "../../kit";

/** Findings (/findings/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const findingsResources: ResourceModule[] = [];
