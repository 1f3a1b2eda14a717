import type { ResourceModule } from "../../kit";

/** Fleet Pro (/fleetpro/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const fleetproResources: ResourceModule[] = [];
