import type { ResourceModule } from "../../kit";

/** Marketing (/marketing/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const marketingResources: ResourceModule[] = [];
