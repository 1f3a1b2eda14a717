import type { ResourceModule } from "../../kit";

/** Inventory (/inventory/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const inventoryResources: ResourceModule[] = [];
