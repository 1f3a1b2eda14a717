import type { ResourceModule } from "../../kit";
import { exportActions, type ExportFeed } from "../../kit/exportFeed";
import { places } from "./places";
import { purchaseOrders } from "./purchaseOrders";
import { stock } from "./stock";

/** Inventory's export feeds, as Export actions (the lead may add them to the polling trigger's feeds). */
export const INVENTORY_FEEDS = [
  { key: "purchaseOrders", label: "Purchase Orders", operation: "GET /inventory/v2/tenant/{tenant}/export/purchase-orders" },
  { key: "returns", label: "Returns", operation: "GET /inventory/v2/tenant/{tenant}/export/returns" },
  { key: "transfers", label: "Transfers", operation: "GET /inventory/v2/tenant/{tenant}/export/transfers" },
  { key: "adjustments", label: "Adjustments", operation: "GET /inventory/v2/tenant/{tenant}/export/adjustments" },
] as const satisfies readonly ExportFeed[];

/** Inventory (/inventory/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const inventoryResources: ResourceModule[] = [purchaseOrders, stock, places, { actions: exportActions(INVENTORY_FEEDS) }];
