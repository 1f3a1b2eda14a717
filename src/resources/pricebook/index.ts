import type { ResourceModule } from "../../kit";
import { exportActions, type ExportFeed } from "../../kit/exportFeed";
import { equipment, materials, services } from "./items";
import { pricing } from "./pricing";

/**
 * The pricebook's export feeds (every change in order, deleted items included), as Export actions. The lead may add
 * them to the polling trigger's feeds (src/resources/exports.ts).
 */
export const PRICEBOOK_FEEDS = [
  { key: "services", label: "Services", operation: "GET /pricebook/v2/tenant/{tenant}/export/services" },
  { key: "materials", label: "Materials", operation: "GET /pricebook/v2/tenant/{tenant}/export/materials" },
  { key: "pricebookEquipment", label: "Pricebook Equipment", operation: "GET /pricebook/v2/tenant/{tenant}/export/equipment" },
  { key: "pricebookCategories", label: "Pricebook Categories", operation: "GET /pricebook/v2/tenant/{tenant}/export/categories" },
] as const satisfies readonly ExportFeed[];

/** Pricebook (/pricebook/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const pricebookResources: ResourceModule[] = [services, materials, equipment, pricing, { actions: exportActions(PRICEBOOK_FEEDS) }];
