import type { ResourceModule } from "../../kit";
import { reports } from "./reports";

/** Reporting (/reporting/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const reportingResources: ResourceModule[] = [reports];
