import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, namedPicklist, picklist, type InputTweak } from "../../kit";
import { exampleOf } from "../../examples";
import { externalDataInput, idListInput } from "../../inputs";
import { INVENTORY_LOCATION, withPathId } from "./shared";

/**
 * Stock movements: receipts (goods received against a purchase order), returns to vendors and their types,
 * transfers between warehouses and trucks, and adjustments. ServiceTitan's API lists them all; it creates receipts
 * and returns, and lets an integration stamp its own external data on transfers and adjustments (e.g. after posting
 * them to an accounting system).
 */

const CANCEL_REASON = (what: string): InputTweak => ({ label: "Cancel Reason", comments: `Why the ${what} is canceled.` });
const ITEMS_COMMENTS = (what: string) => `The ${what}'s items, as a JSON array of`;
const EXTERNAL_DATA = inBody(externalDataInput({ update: true }));

const RETURN_TYPE_TWEAKS: Record<string, InputTweak> = {
  name: { comments: "The return type's name (e.g. Defective, Overstock)." },
  automaticallyReceiveVendorCredit: { comments: "Whether the vendor's credit is received as soon as the goods go back." },
  includeInSalesTax: { comments: "Whether returns of this type count in sales tax." },
  isDefault: { comments: "Whether new returns get this type by default." },
  isDefaultForConsignment: { comments: "Whether consignment returns get this type by default." },
};

const locationFilter = (label: string, comments: string) =>
  idListInput({ label, dataSource: "selectInventoryLocation", comments: `${comments} One id per entry (warehouses and trucks).` });

export const stock: ResourceModule = {
  actions: {
    listReceipts: listAction({
      label: "List Receipts",
      description: "Retrieve inventory receipts (goods received against purchase orders)",
      operation: "GET /inventory/v2/tenant/{tenant}/receipts",
      dataSource: "selectReceipt",
      omit: ["customFields.Fields", "customFields.Operator"], // nested query (customFields.Fields[name]=value) the core does not build
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/receipts"),
    }),
    createReceipt: derivedAction({
      label: "Create Receipt",
      description: "Receive goods of a purchase order into inventory",
      operation: "POST /inventory/v2/tenant/{tenant}/receipts",
      inputs: {
        purchaseOrderId: { comments: "The purchase order whose goods arrived." },
        dateReceived: { comments: "When the goods arrived (ISO 8601; sent as UTC)." },
        tax: { comments: "The tax amount on the receipt (a number)." },
        shipping: { comments: "The shipping amount (a number)." },
        items: {
          comments: `${ITEMS_COMMENTS("receipt")} { "purchaseOrderItemId", "skuId", "quantity", "cost" } (the PO's items' ids and SKUs, from Get Purchase Order).`,
          example: '[{ "purchaseOrderItemId": 12345, "skuId": 2345, "quantity": 10, "cost": 4.25 }]',
        },
      },
    }),
    cancelReceipt: derivedAction({
      label: "Cancel Receipt",
      description: "Cancel an inventory receipt",
      operation: "PATCH /inventory/v2/tenant/{tenant}/receipts/{id}/cancellation",
      // The spec repeats the receipt's id as a query parameter; the path's id is the one that counts.
      omit: ["id"],
      inputs: { canceledReason: CANCEL_REASON("receipt") },
    }),

    listReturns: listAction({
      label: "List Returns",
      description: "Retrieve inventory returns to vendors",
      operation: "GET /inventory/v2/tenant/{tenant}/returns",
      dataSource: "selectReturn",
      omit: ["customFields.Fields", "customFields.Operator"],
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/returns"),
    }),
    createReturn: derivedAction({
      label: "Create Return",
      description: "Return goods to a vendor",
      operation: "POST /inventory/v2/tenant/{tenant}/returns",
      inputs: {
        inventoryLocationId: INVENTORY_LOCATION,
        returnDate: { comments: "When the goods are returned (ISO 8601; sent as UTC)." },
        tax: { comments: "The tax amount (a number)." },
        shipping: { comments: "The shipping amount (a number)." },
        restockingFee: { comments: "The vendor's restocking fee (a number; 0 for none)." },
        items: {
          comments: `${ITEMS_COMMENTS("return")} { "skuId", "description", "quantity", "cost" }.`,
          example: '[{ "skuId": 2345, "description": "Capacitor 45/5 µF", "quantity": 2, "cost": 18.5 }]',
        },
      },
    }),
    updateReturn: derivedAction({
      label: "Update Return",
      description: "Update an inventory return",
      operation: "PATCH /inventory/v2/tenant/{tenant}/returns/{id}",
      inputs: {
        inventoryLocationId: INVENTORY_LOCATION,
        items: {
          comments: `${ITEMS_COMMENTS("return")} { "id", "skuId", "itemDescription", "quantity", "cost" } (ids of the return's items).`,
          example: '[{ "id": 1, "skuId": 2345, "quantity": 2, "cost": 18.5 }]',
        },
        externalData: EXTERNAL_DATA,
      },
    }),
    cancelReturn: derivedAction({
      label: "Cancel Return",
      description: "Cancel an inventory return",
      operation: "PATCH /inventory/v2/tenant/{tenant}/returns/{id}/cancellation",
      inputs: { canceledReason: CANCEL_REASON("return") },
    }),

    listReturnTypes: listAction({
      label: "List Return Types",
      description: "Retrieve the return types",
      operation: "GET /inventory/v2/tenant/{tenant}/return-types",
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/return-types"),
    }),
    createReturnType: derivedAction({
      label: "Create Return Type",
      description: "Create a return type",
      operation: "POST /inventory/v2/tenant/{tenant}/return-types",
      inputs: RETURN_TYPE_TWEAKS,
    }),
    updateReturnType: derivedAction({
      label: "Update Return Type",
      description: "Update a return type",
      operation: "PATCH /inventory/v2/tenant/{tenant}/return-types/{id}",
      omit: ["id"], // the body repeats the path's id: sent from it
      inputs: RETURN_TYPE_TWEAKS,
      body: withPathId("PATCH /inventory/v2/tenant/{tenant}/return-types/{id}"),
    }),

    listTransfers: listAction({
      label: "List Transfers",
      description: "Retrieve inventory transfers between warehouses and trucks",
      operation: "GET /inventory/v2/tenant/{tenant}/transfers",
      dataSource: "selectTransfer",
      omit: ["customFields.Fields", "customFields.Operator"],
      filters: {
        fromLocationIds: locationFilter("From Location IDs", "Transfers out of these inventory locations."),
        toLocationIds: locationFilter("To Location IDs", "Transfers into these inventory locations."),
      },
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/transfers"),
    }),
    updateTransfer: derivedAction({
      label: "Update Transfer",
      description: "Set a transfer's external data (the key/value pairs your application stores on it)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/transfers/{id}",
      inputs: { externalData: EXTERNAL_DATA },
    }),

    listAdjustments: listAction({
      label: "List Adjustments",
      description: "Retrieve inventory adjustments",
      operation: "GET /inventory/v2/tenant/{tenant}/adjustments",
      dataSource: "selectAdjustment",
      omit: ["customFields.Fields", "customFields.Operator"],
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/adjustments"),
    }),
    updateAdjustment: derivedAction({
      label: "Update Adjustment",
      description: "Set an adjustment's external data (the key/value pairs your application stores on it)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/adjustments/{id}",
      inputs: { externalData: EXTERNAL_DATA },
    }),
  },
  dataSources: {
    selectReceipt: picklist<{ id: number; number?: string | null }>({
      label: "Select Receipt",
      description: "Select an inventory receipt from a dropdown menu (the newest 10,000)",
      operation: "GET /inventory/v2/tenant/{tenant}/receipts",
      query: { sort: "-Id" },
      option: (r) => ({ key: String(r.id), label: `Receipt ${r.number || r.id} (ID: ${r.id})` }),
      order: "api",
      example: [{ key: "1", label: "Receipt 1001 (ID: 1)" }],
    }),
    selectReturn: picklist<{ id: number; number?: string | null; status?: string }>({
      label: "Select Return",
      description: "Select an inventory return from a dropdown menu (the newest 10,000)",
      operation: "GET /inventory/v2/tenant/{tenant}/returns",
      query: { sort: "-Id" },
      option: (r) => ({ key: String(r.id), label: `Return ${r.number || r.id}${r.status ? ` · ${r.status}` : ""} (ID: ${r.id})` }),
      order: "api",
      example: [{ key: "1", label: "Return 1001 · Pending (ID: 1)" }],
    }),
    selectReturnType: namedPicklist<{ id: number; name?: string | null }>({
      label: "Select Return Type",
      description: "Select an active return type from a dropdown menu",
      operation: "GET /inventory/v2/tenant/{tenant}/return-types",
      query: { activeOnly: true },
      example: [{ key: "1", label: "Defective (ID: 1)" }],
    }),
    selectTransfer: picklist<{ id: number; number?: string | null; status?: string }>({
      label: "Select Transfer",
      description: "Select an inventory transfer from a dropdown menu (the newest 10,000)",
      operation: "GET /inventory/v2/tenant/{tenant}/transfers",
      query: { sort: "-Id" },
      option: (t) => ({ key: String(t.id), label: `Transfer ${t.number || t.id}${t.status ? ` · ${t.status}` : ""} (ID: ${t.id})` }),
      order: "api",
      example: [{ key: "1", label: "Transfer 1001 · Picked (ID: 1)" }],
    }),
    selectAdjustment: picklist<{ id: number; number?: string | null; type?: string }>({
      label: "Select Adjustment",
      description: "Select an inventory adjustment from a dropdown menu (the newest 10,000)",
      operation: "GET /inventory/v2/tenant/{tenant}/adjustments",
      query: { sort: "-Id" },
      option: (a) => ({ key: String(a.id), label: `Adjustment ${a.number || a.id}${a.type ? ` · ${a.type}` : ""} (ID: ${a.id})` }),
      order: "api",
      example: [{ key: "1", label: "Adjustment 1001 · Count (ID: 1)" }],
    }),
  },
};
