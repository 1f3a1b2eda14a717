import type { ResourceModule } from "../../kit";

/** Marketing Reputation (/marketingreputation/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const marketingreputationResources: ResourceModule[] = [];
