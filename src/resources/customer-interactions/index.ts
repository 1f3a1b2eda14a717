import type { ResourceModule } from "../../kit";
import { technicianRatings } from "./technicianRatings";

/** Customer Interactions (/customer-interactions/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const customerInteractionsResources: ResourceModule[] = [technicianRatings];
