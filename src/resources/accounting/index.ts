import type { ResourceModule } from "../../kit";
import { invoices } from "./invoices";
import { ledger } from "./ledger";
import { payables } from "./payables";
import { payments } from "./payments";
import { receivables } from "./receivables";

/** The accounting module's resources (path prefix /accounting/v2). */
export const accountingResources: ResourceModule[] = [invoices, payments, ledger, payables, receivables];
