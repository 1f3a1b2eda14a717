import type { ResourceModule } from "../../kit";

/** Forms (/forms/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const formsResources: ResourceModule[] = [];
