import type { ResourceModule } from "../../kit";
import { customFields } from "./customFields";
import { places } from "./places";
import { purchaseOrders } from "./purchaseOrders";
import { stock } from "./stock";

/** Inventory (/inventory/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const inventoryResources: ResourceModule[] = [purchaseOrders, stock, places, customFields];
