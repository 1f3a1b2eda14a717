import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, namedPicklist, picklist, type InputTweak } from "../../kit";
import { operations } from "../../client";
import { exampleOf } from "../../examples";
import { enumInput } from "../../inputs";
import { ADDRESS_EXAMPLE } from "./shared";

/**
 * Purchase orders, the requests technicians raise for them (approve / reject), purchase order types and the
 * purchase order markup table. A supply house or ERP sync reads and creates POs here and cancels them when the
 * order is called off.
 */

const LIST = "GET /inventory/v2/tenant/{tenant}/purchase-orders" as const;

/** The PO statuses, as the spec states them in prose ("Available values are: Pending, Sent, …"); read when the
 * inputs are first built, not at load. */
const poStatuses = () => {
  const description = operations[LIST].query.find((q) => q.name === "status")?.description ?? "";
  const statuses = (/Available values are:\s*([^.]*)/.exec(description)?.[1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!statuses.length) throw new Error("The inventory spec no longer lists the purchase order statuses");
  return statuses;
};

const PO_TYPE: InputTweak = {
  label: "Purchase Order Type ID",
  dataSource: "selectPurchaseOrderType",
  comments: "The purchase order type (Settings → Inventory → Purchase Order Types).",
};
const REQUEST_ID: InputTweak = {
  label: "Purchase Order Request ID",
  dataSource: "selectPurchaseOrderRequest",
  comments: "A purchase order request awaiting approval (List Purchase Order Requests).",
};

const poTweaks = (update: boolean): Record<string, InputTweak> => ({
  typeId: PO_TYPE,
  shipTo: {
    comments: 'Where the order is delivered, as a JSON object { "description", "address": { street, unit, city, state, zip, country } }.',
    example: `{ "description": "Main warehouse", "address": ${ADDRESS_EXAMPLE} }`,
  },
  items: {
    comments: update
      ? 'The PO\'s items after the update, as a JSON array of { "id", "skuId", "description", "vendorPartNumber", "quantity", "cost" } (id: the item\'s id from Get Purchase Order, 0 for a new item; skuId: a pricebook material or equipment id).'
      : 'What is ordered, as a JSON array of { "skuId", "description", "vendorPartNumber", "quantity", "cost" } (skuId: a pricebook material or equipment id).',
    example: update
      ? '[{ "id": 0, "skuId": 12345, "description": "16x25x1 pleated filter", "vendorPartNumber": "FLT-16251", "quantity": 10, "cost": 4.25 }]'
      : '[{ "skuId": 12345, "description": "16x25x1 pleated filter", "vendorPartNumber": "FLT-16251", "quantity": 10, "cost": 4.25 }]',
  },
  date: { comments: "The PO's date (ISO 8601; sent as UTC)." },
  requiredOn: { comments: "When the goods are needed (ISO 8601; sent as UTC)." },
  tax: { comments: "The tax amount on the order (a number such as 12.75)." },
  shipping: { comments: "The shipping amount (a number)." },
  impactsTechnicianPayroll: { comments: "Whether the PO's cost counts against the technician's payroll." },
  vendorInvoiceNumber: { comments: "Optional: the vendor's invoice number." },
  memo: { comments: "Optional: a note on the PO." },
});

/** The PO types' many switches, with what each does. */
const TYPE_TWEAKS: Record<string, InputTweak> = {
  name: { comments: "The type's name (e.g. Stock, Job, Drop Ship)." },
  includeInPoScreen: { label: "Include In PO Screen", comments: "Whether POs of this type show on the PO screen." },
  allowTechniciansToSendPo: {
    label: "Allow Technicians To Send PO",
    comments: "Whether technicians may send POs of this type to the vendor.",
  },
  automaticallyReceive: { comments: "Whether POs of this type are received automatically when sent." },
  displayToTechnician: { comments: "Whether technicians see POs of this type in the mobile app." },
  defaultRequiredDateDaysOffset: { comments: "Days after the PO date that its Required On date defaults to." },
  alertSettings: {
    comments:
      "E-mail alerts as a JSON object { sendEmailToTechnicianWhenPoMovedToSend, sendEmailToTechnicianWhenPoMovedToReceived, sendEmailToPmWhenPoMovedToSend, sendEmailToPmWhenPoMovedToReceived } (true/false each).",
    example:
      '{ "sendEmailToTechnicianWhenPoMovedToSend": false, "sendEmailToTechnicianWhenPoMovedToReceived": true, "sendEmailToPmWhenPoMovedToSend": false, "sendEmailToPmWhenPoMovedToReceived": false }',
  },
};

const MARKUP_ID: InputTweak = {
  label: "Purchase Order Markup ID",
  dataSource: "selectPurchaseOrderMarkup",
  comments: "A tier of the purchase order markup table (List Purchase Order Markups).",
};
const MARKUP_TWEAKS: Record<string, InputTweak> = {
  from: { comments: "The tier starts at this cost (a number)." },
  to: { comments: "The tier ends at this cost." },
  percent: { comments: "The markup percentage of the tier (e.g. 25 for 25%)." },
};

export const purchaseOrders: ResourceModule = {
  actions: {
    listPurchaseOrders: listAction({
      label: "List Purchase Orders",
      description: "Retrieve purchase orders (by status, number, job, technician, project, dates …)",
      operation: LIST,
      dataSource: "selectPurchaseOrder",
      filters: () => ({
        status: enumInput({ label: "Status", values: poStatuses(), comments: "Only purchase orders in this status." }),
      }),
      examplePayload: exampleOf(LIST),
    }),
    getPurchaseOrder: derivedAction({
      label: "Get Purchase Order",
      description: "Retrieve a purchase order by ID, with its items",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-orders/{id}",
    }),
    createPurchaseOrder: derivedAction({
      label: "Create Purchase Order",
      description: "Create a purchase order to a vendor",
      operation: "POST /inventory/v2/tenant/{tenant}/purchase-orders",
      inputs: poTweaks(false),
    }),
    updatePurchaseOrder: derivedAction({
      label: "Update Purchase Order",
      description: "Update a purchase order",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-orders/{id}",
      inputs: poTweaks(true),
    }),
    cancelPurchaseOrder: derivedAction({
      label: "Cancel Purchase Order",
      description: "Cancel a purchase order",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-orders/{id}/cancellation",
      inputs: { canceledReason: { label: "Cancel Reason", comments: "Why the purchase order is canceled." } },
    }),

    listPurchaseOrderRequests: listAction({
      label: "List Purchase Order Requests",
      description: "Retrieve purchase order requests (technicians' requests awaiting approval, approved or rejected)",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-orders/requests",
      dataSource: "selectPurchaseOrderRequest",
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/purchase-orders/requests"),
    }),
    approvePurchaseOrderRequest: derivedAction({
      label: "Approve Purchase Order Request",
      description: "Approve a purchase order request (it becomes a purchase order)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-orders/requests/{id}/approve",
      inputs: { id: REQUEST_ID },
    }),
    rejectPurchaseOrderRequest: derivedAction({
      label: "Reject Purchase Order Request",
      description: "Reject a purchase order request",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-orders/requests/{id}/reject",
      inputs: { id: REQUEST_ID, rejectionReason: { comments: "Why the request is rejected: CostTooHigh, WrongVendor or Other." } },
    }),

    listPurchaseOrderTypes: listAction({
      label: "List Purchase Order Types",
      description: "Retrieve the purchase order types",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-order-types",
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/purchase-order-types"),
    }),
    createPurchaseOrderType: derivedAction({
      label: "Create Purchase Order Type",
      description: "Create a purchase order type",
      operation: "POST /inventory/v2/tenant/{tenant}/purchase-order-types",
      inputs: TYPE_TWEAKS,
    }),
    updatePurchaseOrderType: derivedAction({
      label: "Update Purchase Order Type",
      description: "Update a purchase order type (ServiceTitan expects every setting, as on create)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-order-types/{id}",
      inputs: TYPE_TWEAKS,
    }),

    listPurchaseOrderMarkups: listAction({
      label: "List Purchase Order Markups",
      description: "Retrieve the purchase order markup table (markup percentage per cost tier)",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-order-markups",
      dataSource: "selectPurchaseOrderMarkup",
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/purchase-order-markups"),
    }),
    getPurchaseOrderMarkup: derivedAction({
      label: "Get Purchase Order Markup",
      description: "Retrieve one tier of the purchase order markup table",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-order-markups/{id}",
      inputs: { id: MARKUP_ID },
    }),
    createPurchaseOrderMarkup: derivedAction({
      label: "Create Purchase Order Markup",
      description: "Add a tier to the purchase order markup table",
      operation: "POST /inventory/v2/tenant/{tenant}/purchase-order-markups",
      inputs: MARKUP_TWEAKS,
    }),
    updatePurchaseOrderMarkup: derivedAction({
      label: "Update Purchase Order Markup",
      description: "Change one tier of the purchase order markup table (every field is replaced)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/purchase-order-markups/{id}",
      inputs: { id: MARKUP_ID, ...MARKUP_TWEAKS },
    }),
    deletePurchaseOrderMarkup: derivedAction({
      label: "Delete Purchase Order Markup",
      description: "Remove a tier from the purchase order markup table",
      operation: "DELETE /inventory/v2/tenant/{tenant}/purchase-order-markups/{id}",
      inputs: { id: MARKUP_ID },
    }),
  },
  dataSources: {
    selectPurchaseOrder: picklist<{ id: number; number?: string | null; status?: string; vendorId?: number }>({
      label: "Select Purchase Order",
      description: "Select a purchase order from a dropdown menu (the newest 10,000)",
      operation: LIST,
      query: { sort: "-Id" },
      option: (po) => ({ key: String(po.id), label: `PO ${po.number || po.id}${po.status ? ` · ${po.status}` : ""} (ID: ${po.id})` }),
      order: "api",
      example: [{ key: "1", label: "PO 1001 · Pending (ID: 1)" }],
    }),
    selectPurchaseOrderRequest: picklist<{ id: number; requestNumber?: string | null; requestStatus?: string }>({
      label: "Select Purchase Order Request",
      description: "Select a purchase order request from a dropdown menu (the newest 10,000)",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-orders/requests",
      query: { sort: "-Id" },
      option: (r) => ({
        key: String(r.id),
        label: `Request ${r.requestNumber || r.id}${r.requestStatus ? ` · ${r.requestStatus}` : ""} (ID: ${r.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Request R-1001 · PendingApproval (ID: 1)" }],
    }),
    selectPurchaseOrderType: namedPicklist<{ id: number; name?: string | null }>({
      label: "Select Purchase Order Type",
      description: "Select an active purchase order type from a dropdown menu",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-order-types",
      example: [{ key: "1", label: "Stock (ID: 1)" }],
    }),
    selectPurchaseOrderMarkup: picklist<{ id: number; from?: number; to?: number; percent?: number }>({
      label: "Select Purchase Order Markup",
      description: "Select a tier of the purchase order markup table from a dropdown menu",
      operation: "GET /inventory/v2/tenant/{tenant}/purchase-order-markups",
      option: (m) => ({ key: String(m.id), label: `${m.from} to ${m.to}: ${m.percent}% (ID: ${m.id})` }),
      order: "api",
      example: [{ key: "1", label: "0 to 100: 25% (ID: 1)" }],
    }),
  },
};
