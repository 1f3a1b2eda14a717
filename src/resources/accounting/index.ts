import type { ResourceModule } from "../../kit";
import { exportActions } from "../../kit/exportFeed";
import { invoices } from "./invoices";
import { ledger } from "./ledger";
import { payables } from "./payables";
import { payments } from "./payments";
import { receivables } from "./receivables";

/** Accounting feeds beyond invoices, items and payments (those are in resources/exports.ts, with the trigger). */
const accountingExports: ResourceModule = {
  actions: exportActions([
    { key: "inventoryBills", label: "Inventory Bills", operation: "GET /accounting/v2/tenant/{tenant}/export/inventory-bills" },
  ]),
};

/** The accounting module's resources (path prefix /accounting/v2). */
export const accountingResources: ResourceModule[] = [invoices, payments, ledger, payables, receivables, accountingExports];
