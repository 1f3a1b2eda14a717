import type { ResourceModule } from "../../kit";

/** Memberships (/memberships/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const membershipsResources: ResourceModule[] = [];
