import type { ResourceModule } from "../../kit";
import { invoices } from "./invoices";
import { payments } from "./payments";

/** The accounting module's resources (path prefix /accounting/v2). */
export const accountingResources: ResourceModule[] = [invoices, payments];
