import type { ResourceModule } from "../../kit";
import { equipment, materials, services } from "./items";
import { pricing } from "./pricing";

/** Pricebook (/pricebook/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const pricebookResources: ResourceModule[] = [services, materials, equipment, pricing];
