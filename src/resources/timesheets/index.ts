import type { ResourceModule } from "../../kit";
import { activities } from "./activities";

/** Timesheets (/timesheets/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const timesheetsResources: ResourceModule[] = [activities];
