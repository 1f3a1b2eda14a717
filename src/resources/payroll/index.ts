import type { ResourceModule } from "../../kit";
import { payroll } from "./payroll";

/** Payroll (/payroll/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const payrollResources: ResourceModule[] = [payroll];
