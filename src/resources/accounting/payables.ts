/**
 * Accounts payable: AP bills, AP credits, AP payments, inventory bills and the remittance vendors they are paid to.
 * What an accounting sync reads (lists with every filter, Fetch All) and then marks as exported.
 */
import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import { responseSchema } from "../../outputs";
import type { components } from "../../generated/types/accounting";
import { ServiceTitanError } from "../../client/errors";
import { idInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inQuery, listAction, namedPicklist, operationAction, picklist } from "../../kit";
import { batchIdInput, customFieldActions, documentLabel } from "./common";
import { markAsExportedAction } from "./exported";

type Schemas = components["schemas"];

export const apBillIdInput = (required: boolean, comments = "An AP bill (a vendor's bill): pick one or map its id from List AP Bills.") =>
  idInput({ label: "AP Bill ID", required, dataSource: "selectApBill", comments });

/** Custom-field filters need a nested query (customField.Fields[name]=value) the core does not build. */
const customFieldFilters = ["customField.Fields", "customField.Operator"];

/** The older inventory bills list (a bare array): Get Inventory Bill reads one bill through it. */
const INVENTORY_BILLS: OperationKey = "GET /accounting/v2/tenant/{tenant}/inventory-bills";

export const payables: ResourceModule = {
  actions: {
    // ---- AP bills ------------------------------------------------------------------------------------------------
    listApBills: listAction({
      label: "List AP Bills",
      description:
        "Vendor bills (accounts payable) with their items and expense lines, filtered by sync status, dates, vendor bill number, job, purchase order … Amounts are returned exactly as ServiceTitan formats them (strings).",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-bills",
      dataSource: "selectApBill",
      filters: { batchId: batchIdInput() },
      omit: customFieldFilters,
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/ap-bills"),
    }),
    getApBill: derivedAction({
      label: "Get AP Bill",
      description: "One AP bill with its items, expense lines, vendor, terms and custom fields.",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-bills/{billId}",
      inputs: {
        billId: { label: "AP Bill ID", dataSource: "selectApBill", comments: "The AP bill: pick one or map its id from List AP Bills." },
      },
    }),
    markApBillsAsExported: markAsExportedAction({
      label: "Mark AP Bills as Exported",
      description:
        "After posting AP bills to your accounting system: set their sync status to Exported so the next sync skips them. Answers one {billId, success, errorMessage} per bill.",
      operation: "POST /accounting/v2/tenant/{tenant}/ap-bills/markasexported",
      what: "AP Bills",
      dataSource: "selectApBill",
      body: { ids: "billIds" },
    }),
    ...customFieldActions({
      key: "ApBill",
      label: "AP Bill",
      base: "ap-bills",
      idKey: "billId",
      idInput: apBillIdInput(false, "The AP bill whose custom fields change."),
    }),

    // ---- AP credits ----------------------------------------------------------------------------------------------
    listApCredits: listAction({
      label: "List AP Credits",
      description: "Vendor credits (accounts payable), with how they were applied to bills, filtered by sync status and dates.",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-credits",
      dataSource: "selectApCredit",
      omit: customFieldFilters,
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/ap-credits"),
    }),
    markApCreditsAsExported: markAsExportedAction({
      label: "Mark AP Credits as Exported",
      description:
        "After posting vendor credits to your accounting system: set their sync status to Exported. Answers one {apCreditId, success, errorMessage} per credit.",
      operation: "POST /accounting/v2/tenant/{tenant}/ap-credits/markasexported",
      what: "AP Credits",
      dataSource: "selectApCredit",
      body: { items: "apCreditId" },
    }),
    ...customFieldActions({
      key: "ApCredit",
      label: "AP Credit",
      base: "ap-credits",
      idKey: "apCreditId",
      idInput: idInput({ label: "AP Credit ID", dataSource: "selectApCredit", comments: "The AP credit whose custom fields change." }),
    }),

    // ---- AP payments ---------------------------------------------------------------------------------------------
    listApPayments: listAction({
      label: "List AP Payments",
      description: "Payments to vendors (accounts payable), with the bills each one pays, filtered by sync status and dates.",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-payments",
      dataSource: "selectApPayment",
      omit: customFieldFilters,
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/ap-payments"),
    }),
    markApPaymentsAsExported: markAsExportedAction({
      label: "Mark AP Payments as Exported",
      description:
        "After posting vendor payments to your accounting system: set their sync status to Exported and store your system's reference for each. Answers one {apPaymentId, success, errorMessage} per payment.",
      operation: "POST /accounting/v2/tenant/{tenant}/ap-payments/markasexported",
      what: "AP Payments",
      dataSource: "selectApPayment",
      body: { items: "apPaymentId" },
    }),
    ...customFieldActions({
      key: "ApPayment",
      label: "AP Payment",
      base: "ap-payments",
      idKey: "apPaymentId",
      idInput: idInput({ label: "AP Payment ID", dataSource: "selectApPayment", comments: "The AP payment whose custom fields change." }),
    }),

    // ---- Inventory bills -----------------------------------------------------------------------------------------
    listInventoryBills: listAction({
      label: "List Inventory Bills",
      description:
        "Bills for purchased materials and equipment (from purchase orders and receipts), filtered by sync status, dates, bill number, job, purchase order … Amounts are returned exactly as ServiceTitan formats them (strings).",
      operation: "GET /accounting/v2/tenant/{tenant}/inventory-bills/paginated",
      dataSource: "selectInventoryBill",
      filters: { batchId: batchIdInput() },
      omit: customFieldFilters,
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/inventory-bills/paginated"),
    }),
    // ServiceTitan has no GET …/inventory-bills/{id}: its older list (a bare array, the same filters as the paginated one
    // List Inventory Bills uses) read with ids=<id> answers the one bill.
    getInventoryBill: operationAction({
      label: "Get Inventory Bill",
      description: "Retrieve one inventory bill by ID, with its items, amounts, vendor and sync status",
      operation: INVENTORY_BILLS,
      params: {
        id: inQuery(
          idInput({
            label: "Inventory Bill ID",
            required: true,
            dataSource: "selectInventoryBill",
            comments: "The inventory bill to read: pick one or map its id from List Inventory Bills.",
          }),
          "ids",
        ),
      },
      perform: async (client, v) => {
        const bills = await client.request<Schemas["Accounting.V2.InventoryBillResponse"][]>(INVENTORY_BILLS, {
          query: { ids: String(v.id) },
        });
        const bill = bills.find((b) => b.id === v.id);
        if (!bill) {
          throw new ServiceTitanError(
            `Inventory bill ${v.id} was not found in ServiceTitan.`,
            404,
            "Not Found",
            {},
            undefined,
            INVENTORY_BILLS,
          );
        }
        return bill;
      },
      // One item of the array the list answers.
      output: { schema: () => responseSchema(INVENTORY_BILLS).items ?? {} },
      examplePayload: { data: (exampleOf(INVENTORY_BILLS).data as unknown[])[0] },
    }),
    markInventoryBillsAsExported: markAsExportedAction({
      label: "Mark Inventory Bills as Exported",
      description:
        "After posting inventory bills to your accounting system: set their sync status to Exported. Answers one {inventoryBillId, success, errorMessage} per bill.",
      operation: "POST /accounting/v2/tenant/{tenant}/inventory-bills/markasexported",
      what: "Inventory Bills",
      dataSource: "selectInventoryBill",
      body: { ids: "inventoryBillIds" },
    }),
    ...customFieldActions({
      key: "InventoryBill",
      label: "Inventory Bill",
      base: "inventory-bills",
      idKey: "inventoryBillId",
      idInput: idInput({
        label: "Inventory Bill ID",
        dataSource: "selectInventoryBill",
        comments: "The inventory bill whose custom fields change.",
      }),
    }),

    // ---- Remittance vendors --------------------------------------------------------------------------------------
    listRemittanceVendors: listAction({
      label: "List Remittance Vendors",
      description: "The vendors payables are paid to, with contact details and address.",
      operation: "GET /accounting/v2/tenant/{tenant}/remittance-vendors",
      dataSource: "selectRemittanceVendor",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/remittance-vendors"),
    }),
    getRemittanceVendor: derivedAction({
      label: "Get Remittance Vendor",
      description: "One remittance vendor with its contact details and address.",
      operation: "GET /accounting/v2/tenant/{tenant}/remittance-vendors/{id}",
    }),
  },
  dataSources: {
    selectApBill: picklist<Schemas["Accounting.V2.ApBillResponse"]>({
      label: "Select AP Bill",
      description: "Select an AP bill (vendor bill) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-bills",
      option: (bill) => ({ key: String(bill.id), label: documentLabel("Bill", bill.referenceNumber, bill.vendor?.name, bill.id) }),
      order: "api",
      example: [{ key: "330001", label: "Bill 1042 — Ferguson Supply (ID: 330001)" }],
    }),
    selectApCredit: picklist<Schemas["Accounting.V2.ApCreditResponse"]>({
      label: "Select AP Credit",
      description: "Select an AP credit (vendor credit) from a dropdown menu, newest first",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-credits",
      query: { sort: "-Id" },
      option: (credit) => ({
        key: String(credit.id),
        label: documentLabel("Credit", credit.number ?? credit.referenceNumber, credit.vendor?.name, credit.id),
      }),
      order: "api",
      example: [{ key: "360001", label: "Credit VC-301 — Ferguson Supply (ID: 360001)" }],
    }),
    selectApPayment: picklist<Schemas["Accounting.V2.ApPaymentResponse"]>({
      label: "Select AP Payment",
      description: "Select an AP payment (payment to a vendor) from a dropdown menu, newest first",
      operation: "GET /accounting/v2/tenant/{tenant}/ap-payments",
      query: { sort: "-Id" },
      option: (payment) => ({ key: String(payment.id), label: documentLabel("Payment", payment.name, payment.vendor?.name, payment.id) }),
      order: "api",
      example: [{ key: "362501", label: "Payment CHK-5001 — Ferguson Supply (ID: 362501)" }],
    }),
    selectInventoryBill: picklist<Schemas["Accounting.V2.InventoryBillResponse"]>({
      label: "Select Inventory Bill",
      description: "Select an inventory bill from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/inventory-bills/paginated",
      option: (bill) => ({ key: String(bill.id), label: documentLabel("Bill", bill.referenceNumber, bill.vendor?.name, bill.id) }),
      order: "api",
      example: [{ key: "375001", label: "Bill PO-2001 — Johnstone Supply (ID: 375001)" }],
    }),
    selectRemittanceVendor: namedPicklist<Schemas["Accounting.V2.RemittanceVendorResponse"]>({
      label: "Select Remittance Vendor",
      description: "Select a remittance vendor (who payables are paid to) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/remittance-vendors",
      query: { active: "True" },
      example: [{ key: "393001", label: "Ferguson Supply (ID: 393001)" }],
    }),
  },
};
