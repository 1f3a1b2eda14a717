import type { ResourceModule } from "../../kit";
import { estimates } from "./estimates";
import { templates } from "./templates";

/** Sales & Estimates (/sales/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const salesResources: ResourceModule[] = [estimates, templates];
