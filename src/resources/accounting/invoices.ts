import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/accounting";
import {
  booleanInput,
  dateTimeInput,
  decimalInput,
  enumInput,
  enumListInput,
  idInput,
  idListInput,
  rulesJsonInput,
  specEnum,
  specFields,
  stringInput,
  type JsonRules,
} from "../../inputs";
import type { CustomFieldSchema, ResourceModule } from "../../kit";
import {
  customFieldUpdate,
  inBody,
  inPath,
  inQuery,
  listAction,
  mergedIntoBody,
  operationAction,
  picklist,
  responsePicklist,
  type Params,
  type Values,
} from "../../kit";
import { customerIdInput } from "../crm/customers";
import { jobIdInput } from "../jpm/jobs";
import { businessUnitIdInput } from "../settings/settings";

type Schemas = components["schemas"];
type Invoice = Schemas["Accounting.V2.InvoiceResponse"];

export const invoiceIdInput = (
  required: boolean,
  comments = "The invoice's id (not its number): pick one or map it from a previous step.",
  label = "Invoice ID",
) => idInput({ label, required, dataSource: "selectInvoice", comments });

const ROYALTY_STATUSES = specEnum<Schemas["Accounting.V2.RoyaltyStatus"]>()("Pending", "Sent", "Failed");
const REVIEW_STATUSES = specEnum<Schemas["Accounting.V2.InvoiceReviewStatus"]>()(
  "NeedsReview",
  "OnHold",
  "Reviewed",
  "PendingApproval",
  "Rejected",
  "ReadyForBilling",
  "Invoiced",
);

/** InvoiceItemUpdateRequest: what one invoice line may carry. */
const ITEM_RULES: JsonRules = {
  fields: specFields<Schemas["Accounting.V2.InvoiceItemUpdateRequest"]>()(
    "id",
    "skuId",
    "skuName",
    "technicianId",
    "description",
    "quantity",
    "unitPrice",
    "cost",
    "isAddOn",
    "signature",
    "technicianAcknowledgementSignature",
    "installedOn",
    "inventoryWarehouseName",
    "skipUpdatingMembershipPrices",
    "itemGroupName",
    "itemGroupRootId",
    "inventoryLocationId",
    "durationBillingId",
    "budgetCodeId",
  ),
  required: ["description", "quantity"],
  integers: ["id", "skuId", "technicianId", "itemGroupRootId", "inventoryLocationId", "durationBillingId", "budgetCodeId"],
  numbers: ["quantity", "unitPrice", "cost"],
};

/** Fields shared by the adjustment invoice (create) and the invoice update. */
const invoiceFields: Params = {
  number: inBody(stringInput({ label: "Invoice Number", comments: "The invoice's reference number as people see it (e.g. 1234-A)." })),
  typeId: inBody(idInput({ label: "Invoice Type ID", comments: "The invoice type (Settings → Invoice Types)." })),
  invoicedOn: inBody(dateTimeInput({ label: "Invoiced On", comments: "The invoice date (ISO 8601, e.g. 2025-03-01); sent as UTC." })),
  subtotal: inBody(decimalInput({ label: "Subtotal", comments: "Amount before tax, e.g. 125.50." })),
  tax: inBody(decimalInput({ label: "Tax", comments: "Tax amount, e.g. 10.04." })),
  summary: inBody(stringInput({ label: "Summary", multiline: true, comments: "Text shown on the invoice (HTML allowed)." })),
  royaltyStatus: inBody(
    enumInput({
      label: "Royalty Status",
      values: ROYALTY_STATUSES,
      comments: "For franchises: whether the royalty on this invoice is still due, sent or failed.",
    }),
  ),
  royaltyDate: inBody(dateTimeInput({ label: "Royalty Date" })),
  royaltySentOn: inBody(dateTimeInput({ label: "Royalty Sent On" })),
  royaltyMemo: inBody(stringInput({ label: "Royalty Memo", comments: "For franchises: a note on the royalty." })),
  exportId: inBody(stringInput({ label: "Export ID", comments: "Your accounting system's id for this invoice." })),
  reviewStatus: inBody(
    enumInput({ label: "Review Status", values: REVIEW_STATUSES, comments: "Where the invoice is in the office's review before billing." }),
  ),
  assignedToId: inBody(
    idInput({
      label: "Assigned To ID",
      dataSource: "selectEmployee",
      comments: "The id of the employee who reviews the invoice (Settings → Employees).",
    }),
  ),
  items: inBody(
    rulesJsonInput(
      {
        label: "Items",
        shape: "array",
        comments: "Invoice lines as a JSON array; each needs description and quantity. Include an item's id to change an existing line.",
        example: JSON.stringify([{ skuId: 101, description: "Service call", quantity: 1, unitPrice: 89 }], null, 2),
      },
      ITEM_RULES,
    ),
  ),
};

/** Accounting's custom-field updates (invoices, payments, AP bills …): a pair's value may be null. */
const ACCOUNTING_CUSTOM_FIELDS: CustomFieldSchema = {
  operationFields: specFields<Schemas["Accounting.V2.CustomFieldOperationRequest"]>()("objectId", "customFields"),
  pairFields: specFields<Schemas["Accounting.V2.CustomFieldPairRequest"]>()("name", "value"),
  valueRequired: false,
  example: { name: "PO Number", value: "PO-778" },
};
export const accountingCustomFields = (what: string, idKey: string, idInput: InputFieldDefinition) =>
  customFieldUpdate(what, idKey, idInput, ACCOUNTING_CUSTOM_FIELDS);

const invoiceCustomFields = accountingCustomFields(
  "invoice",
  "invoiceId",
  invoiceIdInput(false, "The invoice whose custom fields change."),
);
const itemSubject = (v: Values) => `Item ${v.itemId} of invoice ${v.invoiceId}`;

export const invoices: ResourceModule = {
  actions: {
    listInvoices: listAction({
      label: "List Invoices",
      description: "Retrieves a list of invoices",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices",
      dataSource: "selectInvoice",
      filters: {
        customerId: customerIdInput(false, "Only this customer's invoices."),
        jobId: jobIdInput({ required: false }),
        businessUnitId: businessUnitIdInput(),
        adjustmentToId: invoiceIdInput(false, "Only the adjustment invoices made to this invoice.", "Adjustment To Invoice ID"),
        number: stringInput({ label: "Invoice Number", comments: "The invoice's reference number." }),
        statuses: enumListInput({
          label: "Statuses",
          values: specEnum<Schemas["Accounting.V2.TransactionStatus"]>()("Pending", "Posted", "Exported"),
          comments: "Only invoices in these transaction statuses (empty: all).",
        }),
        reviewStatuses: enumListInput({
          label: "Review Statuses",
          values: REVIEW_STATUSES,
          comments: "Only invoices in these review statuses (empty: all).",
        }),
        assignedToIds: idListInput({
          label: "Assigned To IDs",
          dataSource: "selectEmployee",
          comments: "Only invoices assigned to these employees for review.",
        }),
        totalGreater: decimalInput({ label: "Total Greater", comments: "Invoices whose total is at least this amount." }),
        totalLess: decimalInput({ label: "Total Less", comments: "Invoices whose total is at most this amount." }),
        // The spec's free text: "desc" or "descending" sorts descending, anything else ascending.
        orderByDirection: enumInput({
          label: "Order By Direction",
          values: ["asc", "desc"],
          comments: "With Order By: asc (the default) or desc.",
        }),
      },
      // Dotted names make poor input keys: offered below under plain keys. Custom-field filters need a nested query the core does not build.
      omit: ["balanceFilter.Balance", "balanceFilter.Comparer", "customField.Fields", "customField.Operator"],
      path: {
        balance: inQuery(
          decimalInput({ label: "Balance", comments: "Compare the invoice balance with this amount (see Balance Comparer)." }),
          "balanceFilter.Balance",
        ),
        balanceComparer: inQuery(
          enumInput({
            label: "Balance Comparer",
            values: specEnum<Schemas["Accounting.V2.BalanceComparer"]>()("Equals", "NotEquals", "Greater", "Less"),
            comments: "How Balance is compared.",
          }),
          "balanceFilter.Comparer",
        ),
      },
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/invoices"),
    }),
    createInvoices: operationAction({
      label: "Create Invoices",
      description: "Create adjustment invoice",
      operation: "POST /accounting/v2/tenant/{tenant}/invoices",
      params: {
        adjustmentToId: inBody(
          invoiceIdInput(
            true,
            "ServiceTitan only creates ADJUSTMENT invoices through the API: the id of the original invoice this one adjusts (required).",
            "Adjustment To Invoice ID",
          ),
        ),
        ...invoiceFields,
      },
      examplePayload: exampleOf("POST /accounting/v2/tenant/{tenant}/invoices"),
    }),
    updateInvoice: operationAction({
      label: "Update Invoice",
      description: "Update Invoice",
      operation: "PATCH /accounting/v2/tenant/{tenant}/invoices/{id}",
      params: {
        id: inPath(invoiceIdInput(true)),
        ...invoiceFields,
        payments: inBody(
          rulesJsonInput(
            {
              label: "Payments",
              shape: "array",
              comments:
                "Settlement of payments applied to this invoice: JSON array of {id (payment id), settlementStatus: NotSettled|Settled, settlementDate}.",
              example: JSON.stringify([{ id: 555, settlementStatus: "Settled", settlementDate: "2025-03-01T00:00:00Z" }], null, 2),
            },
            {
              fields: specFields<Schemas["Accounting.V2.PaymentSettlementUpdateRequest"]>()("id", "settlementStatus", "settlementDate"),
              required: ["id"],
              integers: ["id"],
              enums: { settlementStatus: ["NotSettled", "Settled"] },
            },
          ),
        ),
      },
      subject: (v) => `Invoice ${v.id}`,
      examplePayload: { data: {} },
    }),
    updateInvoiceCustomFields: operationAction({
      label: "Update Invoice Custom Fields",
      description: "Update custom fields for specified Invoices",
      operation: "PATCH /accounting/v2/tenant/{tenant}/invoices/custom-fields",
      params: invoiceCustomFields.params,
      body: invoiceCustomFields.body,
      examplePayload: { data: {} },
    }),
    updateInvoiceItems: operationAction({
      label: "Update Invoice Items",
      description: "Update invoice items",
      operation: "PATCH /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/items",
      params: {
        invoiceId: inPath(invoiceIdInput(true, "The invoice whose line is added or changed.")),
        id: inBody(
          idInput({ label: "Item ID", dataSource: "selectInvoiceItem", comments: "The invoice line to change; empty adds a new line." }),
        ),
        skuId: inBody(idInput({ label: "SKU ID", comments: "The pricebook item (service, material or equipment) of the line." })),
        skuName: inBody(stringInput({ label: "SKU Name", comments: "The pricebook item's code, when you do not have its id." })),
        technicianId: inBody(
          idInput({ label: "Technician ID", dataSource: "selectTechnician", comments: "The technician who did the work on this line." }),
        ),
        description: inBody(
          stringInput({ label: "Description", required: true, example: "Service call", comments: "Text of the line (HTML allowed)." }),
        ),
        quantity: inBody(decimalInput({ label: "Quantity", required: true, example: "1", comments: "How many, e.g. 1 or 2.5." })),
        unitPrice: inBody(decimalInput({ label: "Unit Price", comments: "Price per unit, e.g. 89.00." })),
        cost: inBody(decimalInput({ label: "Cost", comments: "Cost per unit to the company." })),
        isAddOn: inBody(booleanInput({ label: "Is Add-On", comments: "True: the line was sold as an add-on (at the add-on price)." })),
        installedOn: inBody(dateTimeInput({ label: "Installed On", comments: "For equipment: when it was installed (ISO 8601)." })),
        additionalFields: mergedIntoBody(
          rulesJsonInput(
            {
              label: "Additional Item Fields",
              shape: "object",
              comments:
                "Rarely used fields of the line as JSON: signature, technicianAcknowledgementSignature, inventoryWarehouseName, skipUpdatingMembershipPrices, itemGroupName, itemGroupRootId, inventoryLocationId, durationBillingId.",
              example: JSON.stringify({ inventoryWarehouseName: "Main Warehouse" }, null, 2),
            },
            { fields: ITEM_RULES.fields, integers: ["itemGroupRootId", "inventoryLocationId", "durationBillingId"] },
          ),
        ),
      },
      subject: (v) => `Invoice ${v.invoiceId}`,
      examplePayload: { data: {} },
    }),
    deleteInvoiceItem: operationAction({
      label: "Delete Invoice Item",
      description: "Delete an invoice item",
      operation: "DELETE /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/items/{itemId}",
      params: {
        invoiceId: inPath(invoiceIdInput(true, "The invoice the line belongs to.")),
        itemId: inPath(
          idInput({
            label: "Item ID",
            required: true,
            dataSource: "selectInvoiceItem",
            comments: "The invoice line to delete (the items of Get/List Invoices carry their id).",
          }),
        ),
      },
      subject: itemSubject,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectInvoice: picklist<Invoice>({
      label: "Select Invoice",
      description: "Select an Invoice from a dropdown menu (up to 10,000 Invoices)",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices",
      // Newest first: past the cap, recent invoices are the ones worth picking.
      query: { sort: "-Id" },
      option: (invoice) => ({
        key: String(invoice.id),
        label: `#${String(invoice.referenceNumber ?? "").trim() || invoice.id}${invoice.customer?.name ? ` — ${invoice.customer.name}` : ""}`,
      }),
      order: "api",
      example: [
        { key: "2", label: "#1235 — Jane Doe" },
        { key: "1", label: "#1234 — John Doe" },
      ],
    }),
    // ServiceTitan lists no invoice items on their own: they come with the invoice (one request by its id).
    selectInvoiceItem: responsePicklist<{ data?: Invoice[] }>({
      label: "Select Invoice Item",
      description: "Select one of an invoice's items (lines) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices",
      params: { invoiceId: inQuery(invoiceIdInput(true, "The invoice whose items are listed."), "ids") },
      options: (answer) =>
        (answer.data?.[0]?.items ?? []).map((item) => ({
          key: String(item.id),
          label: `${item.displayName || item.skuName || item.description || "Item"} × ${Number(item.quantity ?? 1)} (ID: ${item.id})`,
        })),
      order: "api",
      example: [{ key: "1", label: "Diagnostic Visit × 1 (ID: 1)" }],
    }),
  },
};
