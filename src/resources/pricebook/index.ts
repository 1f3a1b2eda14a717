import type { ResourceModule } from "../../kit";

/** Pricebook (/pricebook/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const pricebookResources: ResourceModule[] = [];
