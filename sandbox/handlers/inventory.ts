/**
 * /inventory/v2, stateful: purchase orders (create, update, cancel; 409 once canceled or received), purchase order
 * requests (approve makes a purchase order; approve/reject only while PendingApproval), receipts (receiving updates
 * the PO's received quantities and status; canceling a receipt takes them back), returns (cancel; 409 twice), return
 * types, transfers, adjustments, vendors, warehouses, trucks, inventory templates, purchase order types and markups.
 * Referenced ids must exist (400 naming the field); an inventory location is a warehouse or a truck.
 * Ids: vendors 450001, purchase orders 460001, requests 470001, PO types 483001, PO markups 484001, receipts 485001,
 * returns 486001, return types 487001, transfers 488001, adjustments 489001, warehouses 490001, trucks 491001,
 * inventory templates 492001.
 */
import type { SandboxRecord, Store } from "../store";
import type { Spec } from "../spec";
import { schemaCollection } from "../generic";
import { badRequest, conflict, notFound } from "../problem";
import { updateCustomFieldsOf } from "./accounting-books";
import { money } from "../resources";
import {
  customAndExternalData,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  type Handler,
  type HandlerContext,
  type Json,
  type SandboxModule,
} from "./kit";

const round = (n: number) => Number(money(n));

/** An inventory location: a warehouse or a truck (400 naming the field otherwise). */
function mustLocation(ctx: HandlerContext, id: unknown, field: string): SandboxRecord {
  const found = typeof id === "number" ? (ctx.store.collection("warehouses").get(id) ?? ctx.store.collection("trucks").get(id)) : undefined;
  if (!found) throw badRequest({ [field]: [`Inventory location with id ${id} not found`] });
  return found;
}

/** A purchasable SKU (pricebook material or equipment) as an item shows it. */
function skuOf(ctx: HandlerContext, skuId: unknown, field: string) {
  for (const [name, type] of [
    ["materials", "Material"],
    ["equipment", "Equipment"],
  ] as const) {
    const sku = typeof skuId === "number" ? ctx.store.collection(name).get(skuId) : undefined;
    if (sku && !sku.deleted) return { skuName: sku.displayName ?? sku.code, skuCode: sku.code, skuType: type };
  }
  throw badRequest({ [field]: [`SKU with id ${skuId} not found (a pricebook material or equipment id)`] });
}

const address = (a: Json) => (a ? { street: a.street, unit: a.unit, city: a.city, state: a.state, zip: a.zip, country: a.country } : null);

/** A PO's items from a create/update body, with ids, SKU names and totals. */
function poItems(ctx: HandlerContext, poId: number, items: Json[], now: string) {
  const taken = new Set(items.map((item) => item.id).filter(Boolean));
  let next = poId * 100;
  const newId = () => {
    while (taken.has(++next));
    taken.add(next);
    return next;
  };
  return items.map((item, i) => ({
    // An update names its items by id (0 for a new one).
    id: item.id || newId(),
    skuId: item.skuId,
    ...skuOf(ctx, item.skuId, `items[${i}].skuId`),
    description: item.description,
    vendorPartNumber: item.vendorPartNumber ?? "",
    quantity: item.quantity,
    quantityReceived: 0,
    cost: item.cost,
    total: round(item.quantity * item.cost),
    serialNumbers: [],
    status: "Pending",
    chargeable: true,
    budgetCodeId: item.budgetCodeId ?? null,
    createdOn: now,
    modifiedOn: now,
  }));
}

const poTotal = (items: Json[], tax: number, shipping: number) => round(items.reduce((sum, item) => sum + item.total, 0) + tax + shipping);

/** Body fields of a PO create/update, referenced ids checked. */
function poFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  if (body.vendorId !== undefined) mustRef(ctx, "vendors", body.vendorId, "vendorId");
  if (body.typeId !== undefined) mustRef(ctx, "purchase-order-types", body.typeId, "typeId");
  if (body.businessUnitId !== undefined) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  if (body.inventoryLocationId !== undefined) mustLocation(ctx, body.inventoryLocationId, "inventoryLocationId");
  if (body.jobId != null) mustRef(ctx, "jobs", body.jobId, "jobId");
  if (body.technicianId != null) mustRef(ctx, "technicians", body.technicianId, "technicianId");
  if (body.projectId != null) mustRef(ctx, "projects", body.projectId, "projectId");
  const { shipTo, items, vendorInvoiceNumber, ...rest } = body;
  const out: Record<string, unknown> = { ...rest };
  if (shipTo !== undefined) {
    out.shipTo = address(shipTo.address);
    out.shipToDescription = shipTo.description;
  }
  if (vendorInvoiceNumber !== undefined) out.vendorDocumentNumber = vendorInvoiceNumber ?? "";
  if (items !== undefined) out.items = items;
  if (body.memo !== undefined) out.summary = body.memo ?? "";
  void current;
  return out;
}

/** Sets items (with ids) and the total after a create or update. */
function settlePo(ctx: HandlerContext, po: SandboxRecord, itemsGiven: Json[] | undefined) {
  const items = itemsGiven ? poItems(ctx, po.id, itemsGiven, ctx.store.now()) : po.items;
  ctx.store.collection("purchase-orders").update(po, { items, total: poTotal(items, po.tax ?? 0, po.shipping ?? 0) });
}

const CLOSED = new Set(["Canceled", "Received", "Exported"]);

const purchaseOrderHandlers: Record<string, Handler> = {
  PurchaseOrders_GetList: list("purchase-orders"),
  PurchaseOrders_GetById: getOne("purchase-orders"),
  PurchaseOrders_Create: (ctx) => {
    const fields = poFields(ctx, ctx.body);
    const po = ctx.store.create("purchase-orders", { ...fields, status: "Pending", sentOn: null, receivedOn: null, items: [] });
    ctx.store.collection("purchase-orders").update(po, { number: `PO-${po.id - 459_000}` });
    settlePo(ctx, po, ctx.body.items);
    return ok({ id: po.id });
  },
  PurchaseOrders_Update: (ctx) => {
    const po = mustFind(ctx, "purchase-orders", ctx.params.id);
    if (CLOSED.has(po.status)) throw conflict(`Purchase order ${po.number} is ${po.status} and cannot be updated`);
    ctx.store.collection("purchase-orders").update(po, poFields(ctx, ctx.body, po));
    settlePo(ctx, po, ctx.body.items);
    return ok({ id: po.id });
  },
  PurchaseOrders_Cancel: (ctx) => {
    const po = mustFind(ctx, "purchase-orders", ctx.params.id);
    if (po.status === "Canceled") throw conflict(`Purchase order ${po.number} is already canceled`);
    if (po.status !== "Pending" && po.status !== "Sent")
      throw conflict(`Purchase order ${po.number} is ${po.status} and cannot be canceled`);
    ctx.store.collection("purchase-orders").update(po, { status: "Canceled", canceledReason: ctx.body?.canceledReason ?? null });
    return ok({ id: po.id });
  },

  PurchaseOrders_GetRequests: list("purchase-order-requests"),
  PurchaseOrders_ApproveRequest: (ctx) => {
    const request = mustFind(ctx, "purchase-order-requests", ctx.params.id);
    if (request.requestStatus !== "PendingApproval")
      throw conflict(`Purchase order request ${request.requestNumber} is ${request.requestStatus}`);
    const { id: _id, requestNumber: _n, requestStatus: _s, createdOn: _c, modifiedOn: _m, ...copy } = request;
    const po = ctx.store.create("purchase-orders", { ...copy, status: "Pending", sentOn: null, receivedOn: null, requestId: request.id });
    ctx.store.collection("purchase-orders").update(po, { number: `PO-${po.id - 459_000}` });
    ctx.store.collection("purchase-order-requests").update(request, { requestStatus: "Approved", purchaseOrderId: po.id });
    return ok({ id: request.id });
  },
  PurchaseOrders_RejectRequest: (ctx) => {
    const request = mustFind(ctx, "purchase-order-requests", ctx.params.id);
    if (request.requestStatus !== "PendingApproval")
      throw conflict(`Purchase order request ${request.requestNumber} is ${request.requestStatus}`);
    ctx.store
      .collection("purchase-order-requests")
      .update(request, { requestStatus: "Rejected", rejectionReason: ctx.body.rejectionReason });
    return ok({ id: request.id });
  },

  PurchaseOrderTypes_GetList: list("purchase-order-types"),
  PurchaseOrderTypes_Create: (ctx) => ok({ id: ctx.store.create("purchase-order-types", ctx.body).id }),
  PurchaseOrderTypes_Update: (ctx) => {
    const type = mustFind(ctx, "purchase-order-types", ctx.params.id);
    ctx.store.collection("purchase-order-types").update(type, ctx.body);
    return ok({ id: type.id });
  },

  PurchaseOrdersMarkup_Get: list("purchase-order-markups", { scope: () => (r) => !r.deleted }),
  PurchaseOrdersMarkup_GetById: getOne("purchase-order-markups", { scope: () => (r) => !r.deleted }),
  PurchaseOrdersMarkup_Create: (ctx) => ok(ctx.store.create("purchase-order-markups", tier(ctx.body))),
  PurchaseOrdersMarkup_Update: (ctx) => {
    const markup = liveMarkup(ctx);
    ctx.store.collection("purchase-order-markups").update(markup, tier(ctx.body));
    return ok(markup);
  },
  PurchaseOrdersMarkup_Delete: (ctx) => {
    ctx.store.collection("purchase-order-markups").update(liveMarkup(ctx), { active: false, deleted: true });
    return ok();
  },
};

function liveMarkup(ctx: HandlerContext) {
  const markup = mustFind(ctx, "purchase-order-markups", ctx.params.id);
  if (markup.deleted) throw notFound("Purchase order markup", markup.id);
  return markup;
}

function tier(body: Json) {
  if (!(body.from < body.to)) throw badRequest({ to: ["Must be greater than from"] });
  return { from: body.from, to: body.to, percent: body.percent };
}

/** Receiving: the PO's items' received quantities, its status and receivedOn follow. `sign` -1 takes a receipt back. */
function receive(ctx: HandlerContext, po: SandboxRecord, items: Json[], sign: 1 | -1) {
  const poItems = (po.items as Json[]).map((item) => ({ ...item }));
  for (const received of items) {
    const item = poItems.find((i) => i.id === received.purchaseOrderItemId) ?? poItems.find((i) => i.skuId === received.skuId);
    if (item) item.quantityReceived = Math.max(0, item.quantityReceived + sign * received.quantity);
  }
  const all = poItems.every((i) => i.quantityReceived >= i.quantity);
  const none = poItems.every((i) => i.quantityReceived === 0);
  const status = all ? "Received" : none ? (po.sentOn ? "Sent" : "Pending") : "PartiallyReceived";
  ctx.store.collection("purchase-orders").update(po, { items: poItems, status, receivedOn: none ? null : ctx.store.now() });
}

const stockHandlers: Record<string, Handler> = {
  Receipts_GetList: list("receipts"),
  Receipts_CreateReceipt: (ctx) => {
    const po = mustRef(ctx, "purchase-orders", ctx.body.purchaseOrderId, "purchaseOrderId");
    if (po.status === "Canceled") throw conflict(`Purchase order ${po.number} is canceled`);
    if (ctx.body.jobId != null) mustRef(ctx, "jobs", ctx.body.jobId, "jobId");
    const items = (ctx.body.items as Json[]).map((item, i) => ({
      ...item,
      ...skuOf(ctx, item.skuId, `items[${i}].skuId`),
      total: round(item.quantity * item.cost),
    }));
    const amount = round(items.reduce((sum, item) => sum + item.total, 0));
    const receipt = ctx.store.create("receipts", {
      purchaseOrderId: po.id,
      vendorId: po.vendorId,
      businessUnitId: po.businessUnitId,
      inventoryLocationId: po.inventoryLocationId,
      technicianId: po.technicianId ?? null,
      jobId: ctx.body.jobId ?? po.jobId ?? null,
      vendorInvoiceNumber: ctx.body.vendorDocumentNumber ?? "",
      memo: ctx.body.memo ?? "",
      receivedOn: ctx.body.dateReceived,
      receiptAmount: amount,
      taxAmount: ctx.body.tax,
      shippingAmount: ctx.body.shipping,
      items,
    });
    ctx.store.collection("receipts").update(receipt, { number: `R-${receipt.id - 484_000}` });
    receive(ctx, po, items, 1);
    return ok({ id: receipt.id });
  },
  Receipts_CancelReceipts: (ctx) => {
    const receipt = mustFind(ctx, "receipts", ctx.params.id);
    if (!receipt.active) throw conflict(`Receipt ${receipt.number} is already canceled`);
    ctx.store.collection("receipts").update(receipt, { active: false, canceledReason: ctx.body?.canceledReason ?? null });
    const po = ctx.store.collection("purchase-orders").get(receipt.purchaseOrderId);
    if (po) receive(ctx, po, receipt.items, -1);
    return ok({ id: receipt.id });
  },

  Returns_GetList: list("returns"),
  Returns_CreateReturn: (ctx) => {
    const body = ctx.body;
    mustRef(ctx, "vendors", body.vendorId, "vendorId");
    mustRef(ctx, "return-types", body.returnTypeId, "returnTypeId");
    mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
    mustLocation(ctx, body.inventoryLocationId, "inventoryLocationId");
    if (body.purchaseOrderId != null) mustRef(ctx, "purchase-orders", body.purchaseOrderId, "purchaseOrderId");
    if (body.jobId != null) mustRef(ctx, "jobs", body.jobId, "jobId");
    const record = ctx.store.create("returns", { ...body, status: "Pending", items: [] });
    ctx.store.collection("returns").update(record, { number: `RT-${record.id - 485_000}`, ...returnItems(ctx, record, body) });
    return ok({ id: record.id });
  },
  Returns_Update: (ctx) => {
    const record = mustFind(ctx, "returns", ctx.params.id);
    if (record.status === "Canceled") throw conflict(`Return ${record.number} is canceled`);
    if (ctx.body.returnTypeId !== undefined) mustRef(ctx, "return-types", ctx.body.returnTypeId, "returnTypeId");
    if (ctx.body.inventoryLocationId !== undefined) mustLocation(ctx, ctx.body.inventoryLocationId, "inventoryLocationId");
    const { items: _items, externalData: _externalData, ...rest } = ctx.body;
    ctx.store
      .collection("returns")
      .update(record, { ...rest, ...customAndExternalData(ctx.body, record), ...returnItems(ctx, record, ctx.body) });
    return ok({ id: record.id });
  },
  Returns_Cancel: (ctx) => {
    const record = mustFind(ctx, "returns", ctx.params.id);
    if (record.status === "Canceled") throw conflict(`Return ${record.number} is already canceled`);
    ctx.store
      .collection("returns")
      .update(record, { status: "Canceled", canceledReason: ctx.body?.canceledReason ?? null, dateCanceled: ctx.store.now() });
    return ok({ id: record.id });
  },

  ReturnTypes_GetList: list("return-types"),
  ReturnTypes_Create: (ctx) => ok({ id: ctx.store.create("return-types", ctx.body).id }),
  ReturnTypes_Update: (ctx) => {
    const type = mustFind(ctx, "return-types", ctx.params.id);
    if (ctx.body.id !== type.id) throw badRequest({ id: [`The body's id ${ctx.body.id} is not the path's id ${type.id}`] });
    const { id: _id, ...changes } = ctx.body;
    ctx.store.collection("return-types").update(type, changes);
    return ok({ id: type.id });
  },

  Transfers_GetList: list("transfers"),
  Transfers_Update: externalDataOnly("transfers"),
  Adjustments_GetList: list("adjustments"),
  Adjustments_Update: externalDataOnly("adjustments"),

  // `{operations: [{objectId, customFields: [{name, value}]}]}` merged by name onto each record, as accounting's.
  Adjustments_UpdateCustomFields: updateCustomFieldsOf("adjustments"),
  Receipts_UpdateCustomFields: updateCustomFieldsOf("receipts"),
  Returns_UpdateCustomFields: updateCustomFieldsOf("returns"),
  Transfers_UpdateCustomFields: updateCustomFieldsOf("transfers"),
  Vendors_UpdateCustomFields: updateCustomFieldsOf("vendors"),
};

function returnItems(ctx: HandlerContext, record: SandboxRecord, body: Json) {
  if (body.items === undefined) return {};
  const now = ctx.store.now();
  const items = (body.items as Json[]).map((item, i) => {
    const sku = skuOf(ctx, item.skuId, `items[${i}].skuId`);
    return {
      id: item.id ?? record.id * 100 + i + 1,
      skuId: item.skuId,
      name: sku.skuName,
      code: sku.skuCode,
      description: item.description ?? item.itemDescription ?? sku.skuName,
      quantity: item.quantity,
      cost: item.cost,
      active: true,
      serialNumbers: [],
      createdOn: now,
      modifiedOn: now,
    };
  });
  const tax = body.tax ?? record.taxAmount ?? 0;
  const shipping = body.shipping ?? record.shippingAmount ?? 0;
  return {
    items,
    taxAmount: tax,
    shippingAmount: shipping,
    returnAmount: round(items.reduce((sum, item) => sum + item.quantity * item.cost, 0) + tax + shipping),
  };
}

function externalDataOnly(name: string): Handler {
  return (ctx) => {
    const record = mustFind(ctx, name, ctx.params.id);
    ctx.store.collection(name).update(record, customAndExternalData(ctx.body, record));
    return ok({ id: record.id });
  };
}

function vendorFields(body: Json, current?: SandboxRecord): Record<string, unknown> {
  const contact = { ...(current?.contactInfo ?? { firstName: "", lastName: "", phone: "", email: "", fax: "" }) };
  for (const key of ["firstName", "lastName", "phone", "email", "fax"]) if (body[key] !== undefined) contact[key] = body[key] ?? "";
  const out: Record<string, unknown> = { contactInfo: contact, ...customAndExternalData(body, current) };
  for (const key of [
    "name",
    "active",
    "memo",
    "isTruckReplenishment",
    "deliveryOption",
    "paymentTermId",
    "remittanceVendorId",
    "tags",
    "vendorContacts",
  ]) {
    if (body[key] !== undefined) out[key] = body[key];
  }
  if (body.taxRate !== undefined) out.defaultTaxRate = body.taxRate;
  if (body.restrictedMobileCreation !== undefined) out.isMobileCreationRestricted = body.restrictedMobileCreation;
  if (body.address !== undefined) out.address = address(body.address);
  return out;
}

function truckFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  if (body.warehouseId !== undefined) mustRef(ctx, "warehouses", body.warehouseId, "warehouseId");
  if (body.templateId != null) mustRef(ctx, "inventory-templates", body.templateId, "templateId");
  if (body.technicianIds !== undefined) mustRefAll(ctx, "technicians", body.technicianIds, "technicianIds");
  const { templateId, externalData: _externalData, ...rest } = body;
  return { ...rest, ...(templateId !== undefined ? { inventoryTemplateId: templateId } : {}), ...customAndExternalData(body, current) };
}

const placeHandlers: Record<string, Handler> = {
  Vendors_GetList: list("vendors"),
  Vendors_GetById: getOne("vendors"),
  Vendors_Create: (ctx) => ok({ id: ctx.store.create("vendors", vendorFields(ctx.body)).id }),
  Vendors_Update: (ctx) => {
    const vendor = mustFind(ctx, "vendors", ctx.params.id);
    ctx.store.collection("vendors").update(vendor, vendorFields(ctx.body, vendor));
    return ok({ id: vendor.id });
  },
  Warehouses_GetList: list("warehouses"),
  Warehouses_Update: externalDataOnly("warehouses"),
  Trucks_GetList: list("trucks"),
  Trucks_Create: (ctx) => ok({ id: ctx.store.create("trucks", truckFields(ctx, ctx.body)).id }),
  Trucks_Update: (ctx) => {
    const truck = mustFind(ctx, "trucks", ctx.params.id);
    ctx.store.collection("trucks").update(truck, truckFields(ctx, ctx.body, truck));
    return ok({ id: truck.id });
  },
  InventoryTemplates_GetList: list("inventory-templates"),
};

/** What a new record holds until a request sets it (not the schema's sample values). */
const blank = () => ({ externalData: [], customFields: [], items: [] });

const dates = (field: string) => ({ [`${field}OnOrAfter`]: { from: field }, [`${field}Before`]: { before: field } });

export const inventory: SandboxModule = {
  handlers: { ...purchaseOrderHandlers, ...stockHandlers, ...placeHandlers },
  collections: (spec: Spec) => [
    schemaCollection(spec, { name: "vendors", label: "Vendor", firstId: 450_001, defaults: blank, record: "inventory/Vendors_GetById" }),
    schemaCollection(spec, {
      name: "purchase-orders",
      label: "Purchase order",
      firstId: 460_001,
      defaults: blank,
      record: "inventory/PurchaseOrders_GetById",
      filters: {
        status: "status",
        number: "number",
        jobId: "jobId",
        jobIds: { in: "jobId" },
        technicianId: "technicianId",
        projectId: "projectId",
        ...dates("date"),
        sentOnOrAfter: { from: "sentOn" },
        sentBefore: { before: "sentOn" },
      },
    }),
    schemaCollection(spec, {
      name: "purchase-order-requests",
      label: "Purchase order request",
      firstId: 470_001,
      defaults: blank,
      record: "inventory/PurchaseOrders_GetRequests",
      filters: {
        requestStatus: "requestStatus",
        requestNumber: "requestNumber",
        jobId: "jobId",
        jobIds: { in: "jobId" },
        technicianId: "technicianId",
        projectId: "projectId",
        ...dates("date"),
      },
    }),
    schemaCollection(spec, {
      name: "purchase-order-types",
      label: "Purchase order type",
      firstId: 483_001,
      defaults: blank,
      record: "inventory/PurchaseOrderTypes_GetList",
    }),
    schemaCollection(spec, {
      name: "purchase-order-markups",
      label: "Purchase order markup",
      firstId: 484_001,
      defaults: blank,
      record: "inventory/PurchaseOrdersMarkup_GetById",
    }),
    schemaCollection(spec, {
      name: "receipts",
      label: "Receipt",
      firstId: 485_001,
      defaults: blank,
      record: "inventory/Receipts_GetList",
      filters: {
        number: "number",
        vendorInvoiceNumber: "vendorInvoiceNumber",
        billId: "billId",
        vendorIds: { in: "vendorId" },
        businessUnitIds: { in: "businessUnitId" },
        inventoryLocationIds: { in: "inventoryLocationId" },
        purchaseOrderIds: { in: "purchaseOrderId" },
        receivedOnOrAfter: { from: "receivedOn" },
        receivedBefore: { before: "receivedOn" },
      },
    }),
    schemaCollection(spec, {
      name: "returns",
      label: "Return",
      firstId: 486_001,
      defaults: blank,
      record: "inventory/Returns_GetList",
      filters: {
        number: "number",
        referenceNumber: "referenceNumber",
        jobId: "jobId",
        purchaseOrderId: "purchaseOrderId",
        vendorIds: { in: "vendorId" },
        businessUnitIds: { in: "businessUnitId" },
        inventoryLocationIds: { in: "inventoryLocationId" },
        ...dates("returnDate"),
      },
    }),
    schemaCollection(spec, {
      name: "return-types",
      label: "Return type",
      firstId: 487_001,
      defaults: blank,
      record: "inventory/ReturnTypes_GetList",
      filters: { name: { contains: "name" }, activeOnly: (r, value) => String(value) !== "true" || r.active },
    }),
    schemaCollection(spec, {
      name: "transfers",
      label: "Transfer",
      firstId: 488_001,
      defaults: blank,
      record: "inventory/Transfers_GetList",
      filters: {
        statuses: { in: "status" },
        number: "number",
        referenceNumber: "referenceNumber",
        fromLocationIds: { in: "fromLocationId" },
        toLocationIds: { in: "toLocationId" },
        ...dates("date"),
      },
    }),
    schemaCollection(spec, {
      name: "adjustments",
      label: "Adjustment",
      firstId: 489_001,
      defaults: blank,
      record: "inventory/Adjustments_GetList",
      filters: {
        number: "number",
        referenceNumber: "referenceNumber",
        adjustmentTypes: { in: "type" },
        inventoryLocationIds: { in: "inventoryLocationId" },
        businessUnitIds: { in: "businessUnitId" },
        invoiceIds: { in: "invoiceId" },
        ...dates("date"),
      },
    }),
    schemaCollection(spec, {
      name: "warehouses",
      label: "Warehouse",
      firstId: 490_001,
      defaults: blank,
      record: "inventory/Warehouses_GetList",
    }),
    schemaCollection(spec, { name: "trucks", label: "Truck", firstId: 491_001, defaults: blank, record: "inventory/Trucks_GetList" }),
    schemaCollection(spec, {
      name: "inventory-templates",
      label: "Inventory template",
      firstId: 492_001,
      defaults: blank,
      record: "inventory/InventoryTemplates_GetList",
    }),
  ],
  seed: (store: Store) => seedInventory(store),
};

/** A supply chain for the demo contractor: vendors, a warehouse and trucks, purchase orders in every state. */
function seedInventory(store: Store) {
  const at = (day: number) => new Date(Date.UTC(2025, 0, 2 + day, 15)).toISOString();
  const phoenix = { street: "4020 E University Dr", unit: "", city: "Phoenix", state: "AZ", zip: "85034", country: "USA" };
  const vendor = (name: string, email: string, active = true) =>
    store.create("vendors", {
      name,
      active,
      memo: "",
      isTruckReplenishment: false,
      isMobileCreationRestricted: false,
      deliveryOption: "EmailAsPdf",
      defaultTaxRate: 8.6,
      contactInfo: { firstName: "Order", lastName: "Desk", phone: "6025550180", email, fax: "" },
      address: phoenix,
      externalData: [],
      customFields: [],
    });
  const ferguson = vendor("Ferguson HVAC Supply", "orders@ferguson.example");
  const johnstone = vendor("Johnstone Supply", "phx@johnstone.example");
  vendor("Winsupply Phoenix", "sales@winsupply.example");
  vendor("Old Parts Co", "closed@oldparts.example", false);

  const standard = store.create("inventory-templates", {
    name: "Service Truck Standard",
    type: "Truck",
    isConsignment: false,
    locationIds: [],
    items: [],
  });
  store.create("inventory-templates", { name: "Install Truck", type: "Truck", isConsignment: false, locationIds: [], items: [] });
  const main = store.create("warehouses", { name: "Main Warehouse", address: phoenix, inventoryTemplateId: null, externalData: [] });
  store.create("warehouses", {
    name: "Mesa Satellite",
    address: { ...phoenix, street: "1550 W Broadway Rd", city: "Mesa", zip: "85202" },
    inventoryTemplateId: null,
    externalData: [],
  });
  const truck = (name: string, technicianIds: number[]) =>
    store.create("trucks", { name, memo: "", warehouseId: main.id, technicianIds, inventoryTemplateId: standard.id, externalData: [] });
  const truck12 = truck("Truck 12", [1001]);
  truck("Truck 14", [1002]);
  truck("Truck 21", [1003, 1004]);

  const type = (name: string, automaticallyReceive = false) =>
    store.create("purchase-order-types", {
      name,
      automaticallyReceive,
      displayToTechnician: true,
      impactToTechnicianPayroll: false,
      allowTechniciansToSendPo: true,
      defaultRequiredDateDaysOffset: 3,
      skipWeekends: true,
      excludeTaxFromJobCosting: false,
      landedCostMethod: "None",
      includeTaxInFullyLandedCost: false,
    });
  const stock = type("Stock");
  const job = type("Job");
  type("Drop Ship", true);
  for (const [from, to, percent] of [
    [0, 50, 100],
    [50.01, 250, 60],
    [250.01, 100000, 30],
  ]) {
    store.create("purchase-order-markups", { from, to, percent });
  }

  // Pricebook SKUs by the ids the pricebook seed gives them (it runs after this one).
  const SKU = {
    filter: { skuId: 410_001, skuName: "Pleated Filter 16x25x1", skuCode: "FLT-16251", skuType: "Material", cost: 6.1 },
    capacitor: { skuId: 410_002, skuName: "Run Capacitor 45/5 µF", skuCode: "CAP-455", skuType: "Material", cost: 12.4 },
    furnace: { skuId: 420_001, skuName: "80% Gas Furnace 60k BTU", skuCode: "FURN-80-60", skuType: "Equipment", cost: 1280 },
  };
  const item = (poId: number, i: number, sku: (typeof SKU)[keyof typeof SKU], quantity: number, received: number) => ({
    id: poId * 100 + i + 1,
    skuId: sku.skuId,
    skuName: sku.skuName,
    skuCode: sku.skuCode,
    skuType: sku.skuType,
    description: sku.skuName,
    vendorPartNumber: sku.skuCode,
    quantity,
    quantityReceived: received,
    cost: sku.cost,
    total: round(quantity * sku.cost),
    serialNumbers: [],
    status: received >= quantity ? "Received" : "Pending",
    chargeable: true,
    budgetCodeId: null,
    createdOn: at(0),
    modifiedOn: at(0),
  });
  const po = (day: number, status: string, vendorId: number, typeId: number, lines: Array<[keyof typeof SKU, number, number]>) => {
    const record = store.create("purchase-orders", {
      status,
      vendorId,
      typeId,
      businessUnitId: 101,
      inventoryLocationId: typeId === stock.id ? main.id : truck12.id,
      technicianId: typeId === job.id ? 1001 : null,
      jobId: typeId === job.id ? 10025 : null,
      shipTo: phoenix,
      shipToDescription: "Main Warehouse",
      vendorDocumentNumber: "",
      date: at(day),
      requiredOn: at(day + 3),
      sentOn: status === "Pending" ? null : at(day + 1),
      receivedOn: status === "Received" || status === "PartiallyReceived" ? at(day + 3) : null,
      tax: 4.5,
      shipping: 12,
      summary: "",
      customFields: [],
      items: [],
    });
    const items = lines.map(([sku, quantity, received], i) => item(record.id, i, SKU[sku], quantity, received));
    store.update("purchase-orders", record.id, { number: `PO-${record.id - 459_000}`, items, total: poTotal(items, 4.5, 12) });
    return record;
  };
  po(0, "Pending", ferguson.id, stock.id, [["filter", 24, 0]]);
  po(1, "Sent", johnstone.id, job.id, [["capacitor", 2, 0]]);
  const partial = po(2, "PartiallyReceived", ferguson.id, stock.id, [
    ["filter", 48, 24],
    ["capacitor", 6, 0],
  ]);
  const received = po(3, "Received", ferguson.id, job.id, [["furnace", 1, 1]]);
  po(4, "Canceled", johnstone.id, stock.id, [["capacitor", 4, 0]]);
  for (const source of [partial, received]) {
    const current = store.collection("purchase-orders").get(source.id)!;
    const receipt = store.create("receipts", {
      purchaseOrderId: current.id,
      vendorId: current.vendorId,
      businessUnitId: 101,
      inventoryLocationId: current.inventoryLocationId,
      vendorInvoiceNumber: `INV-${current.id}`,
      memo: "",
      receivedOn: current.receivedOn,
      receiptAmount: round((current.items as Json[]).reduce((sum, i) => sum + i.quantityReceived * i.cost, 0)),
      taxAmount: 0,
      shippingAmount: 0,
      syncStatus: "Pending",
      items: [],
      customFields: [],
    });
    store.update("receipts", receipt.id, { number: `R-${receipt.id - 484_000}` });
  }

  const request = (n: number, requestStatus: string) => {
    const items = [item(470_000 + n, 0, SKU.capacitor, 2, 0)];
    return store.create("purchase-order-requests", {
      requestNumber: `REQ-${100 + n}`,
      requestStatus,
      vendorId: johnstone.id,
      typeId: job.id,
      businessUnitId: 101,
      inventoryLocationId: truck12.id,
      technicianId: 1001,
      jobId: 10026,
      shipTo: phoenix,
      date: at(5 + n),
      requiredOn: at(7 + n),
      tax: 0,
      shipping: 0,
      total: items[0].total,
      summary: "Capacitors for a job",
      items,
      customFields: [],
    });
  };
  request(1, "PendingApproval");
  request(2, "PendingApproval");
  request(3, "PendingApproval");
  request(4, "Approved");
  request(5, "Rejected");

  const defective = store.create("return-types", {
    name: "Defective",
    automaticallyReceiveVendorCredit: false,
    includeInSalesTax: true,
    isDefault: true,
    isDefaultForConsignment: false,
  });
  store.create("return-types", {
    name: "Overstock",
    automaticallyReceiveVendorCredit: true,
    includeInSalesTax: true,
    isDefault: false,
    isDefaultForConsignment: false,
  });
  store.create("return-types", {
    name: "Warranty",
    automaticallyReceiveVendorCredit: false,
    includeInSalesTax: false,
    isDefault: false,
    isDefaultForConsignment: false,
  });
  for (const [n, status] of [
    [1, "Pending"],
    [2, "CreditReceived"],
  ] as const) {
    const record = store.create("returns", {
      status,
      referenceNumber: `RMA-${n}`,
      returnTypeId: defective.id,
      vendorId: ferguson.id,
      purchaseOrderId: received.id,
      businessUnitId: 101,
      inventoryLocationId: main.id,
      memo: "",
      returnDate: at(10 + n),
      returnAmount: 12.4,
      taxAmount: 0,
      shippingAmount: 0,
      syncStatus: "Pending",
      items: [],
      customFields: [],
    });
    store.update("returns", record.id, { number: `RT-${record.id - 485_000}` });
  }
  for (const [n, status] of [
    [1, "Pending"],
    [2, "Picked"],
    [3, "Received"],
  ] as const) {
    const record = store.create("transfers", {
      transferType: "Replenishment",
      status,
      referenceNumber: `TR-REF-${n}`,
      fromLocationId: main.id,
      toLocationId: truck12.id,
      memo: "",
      date: at(12 + n),
      syncStatus: "Pending",
      items: [],
      customFields: [],
      externalData: [],
    });
    store.update("transfers", record.id, { number: `TR-${record.id - 487_000}` });
  }
  for (const [n, type] of [
    [1, "Count"],
    [2, "Damage"],
    [3, "Count"],
  ] as const) {
    const record = store.create("adjustments", {
      type,
      referenceNumber: `ADJ-REF-${n}`,
      inventoryLocationId: n === 2 ? truck12.id : main.id,
      businessUnitId: 101,
      memo: "",
      date: at(15 + n),
      syncStatus: "Pending",
      items: [],
      customFields: [],
      externalData: [],
    });
    store.update("adjustments", record.id, { number: `ADJ-${record.id - 488_000}` });
  }
}
