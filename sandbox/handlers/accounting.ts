/**
 * accounting/v2: invoices (with their items), payments, payment types. Money on invoices is strings ("0.00"). The
 * ledger, payables, credit memos, deposits and "mark as exported" are in accounting-books.ts.
 */
import type { SandboxRecord, Store } from "../store";
import { money } from "../resources";
import { badRequest, notFound } from "../problem";
import {
  exportFeed,
  list,
  mustFind,
  mustRef,
  ok,
  pickDefined,
  type Handler,
  type HandlerContext,
  type HandlerTable,
  type Json,
} from "./kit";
import { accountingBooks } from "./accounting-books";

const DEFAULT_TAX_RATE = 0.086;

const itemsOf = (store: Store, invoiceId: number) =>
  (store.collection("invoice-items").groupBy("invoiceId").get(invoiceId) || [])
    .filter((i) => i.active)
    .sort((a, b) => a.order - b.order || a.id - b.id);

/** Invoices embed their (active) items. */
const invoiceView = (record: SandboxRecord, ctx: HandlerContext) => ({ ...record, items: itemsOf(ctx.store, record.id) });

/** Sum of payment splits applied to an invoice. */
function paidOn(store: Store, invoiceId: number): { paid: number; lastPaidOn: string | null } {
  let paid = 0;
  let lastPaidOn: string | null = null;
  for (const payment of store.collection("payments").sortedById()) {
    if (!payment.active) continue;
    for (const split of payment.splits as { invoiceId: number | null; amount: number | null }[]) {
      if (split.invoiceId === invoiceId) {
        paid += Number(split.amount ?? 0);
        if (!lastPaidOn || payment.paidOn > lastPaidOn) lastPaidOn = payment.paidOn;
      }
    }
  }
  return { paid, lastPaidOn };
}

/** Recomputes subTotal/salesTax/total/balance from items and payments; the job's total follows. */
export function recomputeInvoice(
  store: Store,
  invoice: SandboxRecord,
  overrides: { subtotal?: number | null; tax?: number | null } = {},
): void {
  const items = itemsOf(store, invoice.id);
  const subTotal = overrides.subtotal ?? items.reduce((sum, i) => sum + Number(i.total), 0);
  const rate = (store.collection("business-units").get(invoice.businessUnit?.id)?.defaultTaxRate as number) ?? DEFAULT_TAX_RATE;
  const salesTax = overrides.tax ?? items.filter((i) => i.taxable).reduce((sum, i) => sum + Number(i.total) * rate, 0);
  const total = subTotal + salesTax;
  const { paid, lastPaidOn } = paidOn(store, invoice.id);
  store.collection("invoices").update(invoice, {
    subTotal: money(subTotal),
    salesTax: money(salesTax),
    total: money(total),
    balance: money(total - paid),
    paidOn: lastPaidOn,
  });
  const job = invoice.job?.id ? store.collection("jobs").get(invoice.job.id) : undefined;
  if (job && job.invoiceId === invoice.id && job.total !== Math.round(total * 100) / 100) {
    store.collection("jobs").update(job, { total: Math.round(total * 100) / 100 });
  }
}

/** Every job gets an (empty) invoice when it is booked, as in ServiceTitan. */
export function createJobInvoice(store: Store, job: SandboxRecord): SandboxRecord {
  const invoice = store.create("invoices", { jobId: job.id });
  store.collection("jobs").update(job, { invoiceId: invoice.id });
  return invoice;
}

/** Invoice item inputs (`{id?, skuId, skuName, description, quantity, unitPrice, cost, …}`): update by id or add. */
function upsertItems(ctx: HandlerContext, invoice: SandboxRecord, inputs: Json[], field = "items"): void {
  const items = ctx.store.collection("invoice-items");
  let order = itemsOf(ctx.store, invoice.id).length;
  inputs.forEach((input, i) => {
    if (input.technicianId != null) mustRef(ctx, "technicians", input.technicianId, `${field}[${i}].technicianId`);
    const fields = {
      ...pickDefined(input, ["skuId", "skuName", "description", "technicianId"]),
      ...(input.quantity != null ? { quantity: input.quantity } : {}),
      ...(input.unitPrice != null ? { unitPrice: input.unitPrice } : {}),
      ...(input.cost != null ? { unitCost: input.cost } : {}),
      ...(input.isAddOn != null ? { addOn: input.isAddOn } : {}),
      ...(input.installedOn != null ? { serviceDate: input.installedOn } : {}),
    };
    if (input.id != null) {
      const item = items.get(input.id);
      if (!item || !item.active || item.invoiceId !== invoice.id) {
        throw badRequest({ [`${field}[${i}].id`]: [`Invoice item with id ${input.id} not found on invoice ${invoice.id}`] });
      }
      // Rebuild so the derived strings (price, total, totalCost) follow the new numbers.
      const rebuilt = items.def.build(
        ctx.store,
        {
          ...item,
          quantity: Number(item.quantity),
          unitPrice: Number(item.price),
          unitCost: Number(item.cost),
          ...fields,
        },
        item.id,
      );
      items.update(item, rebuilt);
    } else {
      ctx.store.create("invoice-items", { invoiceId: invoice.id, order: ++order, ...fields });
    }
  });
}

/** Invoice header fields of the create/update body, as the record stores them. */
function invoiceFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  const assignee = body.assignedToId != null ? mustRef(ctx, "technicians", body.assignedToId, "assignedToId") : undefined;
  return {
    ...pickDefined(body, ["summary", "reviewStatus", "exportId"]),
    ...(body.number != null ? { referenceNumber: body.number } : {}),
    ...(body.typeId != null ? { invoiceType: { id: body.typeId, name: null } } : {}),
    ...(body.invoicedOn != null ? { invoiceDate: body.invoicedOn } : {}),
    ...(assignee ? { assignedTo: { id: assignee.id, name: assignee.name } } : {}),
    ...(body.royaltyStatus !== undefined ||
    body.royaltyDate !== undefined ||
    body.royaltySentOn !== undefined ||
    body.royaltyMemo !== undefined
      ? {
          royalty: {
            status: body.royaltyStatus ?? null,
            date: body.royaltyDate ?? null,
            sentOn: body.royaltySentOn ?? null,
            memo: body.royaltyMemo ?? null,
          },
        }
      : {}),
  };
}

/** `PATCH …/custom-fields` for invoices and payments: `{operations: [{objectId, customFields: [{name, value}]}]}`. */
function updateCustomFields(name: "invoices" | "payments"): Handler {
  return (ctx) => {
    const operations: Json[] = ctx.body.operations ?? [];
    const targets = operations.map((o, i) => mustRef(ctx, name, o.objectId, `operations[${i}].objectId`));
    operations.forEach((operation, i) => {
      const merged = new Map<string, string>((targets[i].customFields as Json[]).map((f) => [f.name, f.value]));
      for (const f of operation.customFields ?? []) merged.set(f.name, f.value ?? "");
      ctx.store.collection(name).update(targets[i], { customFields: [...merged].map(([n, value]) => ({ name: n, value })) });
    });
    return ok();
  };
}

/** Payments' write endpoints answer `{id, typeId (integer), splits, status, …}`, not the list shape. */
const paymentWriteView = (payment: SandboxRecord) => ({ ...payment, typeId: payment.paymentTypeId });

function paymentFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  mustRef(ctx, "payment-types", body.typeId, "typeId");
  (body.splits ?? []).forEach(
    (s: Json, i: number) => s.invoiceId != null && mustRef(ctx, "invoices", s.invoiceId, `splits[${i}].invoiceId`),
  );
  return {
    paymentTypeId: body.typeId,
    ...pickDefined(body, ["splits", "memo", "paidOn", "authCode", "checkNumber", "exportId", "status", "active"]),
  };
}

const invoicesOf = (payment: SandboxRecord) =>
  (payment.splits as { invoiceId: number | null }[]).map((s) => s.invoiceId).filter((id): id is number => id != null);

function recomputeInvoices(store: Store, ids: number[]): void {
  for (const id of new Set(ids)) {
    const invoice = store.collection("invoices").get(id);
    if (invoice) recomputeInvoice(store, invoice);
  }
}

export const accounting: HandlerTable = {
  ...accountingBooks,
  Invoices_GetList: list("invoices", { view: invoiceView }),

  /** `POST …/invoices` creates an adjustment invoice to an existing one; answers the new id. */
  Invoices_CreateAdjustmentInvoice: (ctx) => {
    const { body, store } = ctx;
    const original = mustRef(ctx, "invoices", body.adjustmentToId, "adjustmentToId");
    const invoice = store.create("invoices", {
      ...pickDefined(original, ["customer", "customerAddress", "location", "locationAddress", "businessUnit", "job", "projectId"]),
      ...invoiceFields(ctx, body),
      adjustmentToId: original.id,
    });
    upsertItems(
      ctx,
      invoice,
      (body.items ?? []).map((i: Json) => ({ ...i, id: undefined })),
    );
    recomputeInvoice(store, invoice, { subtotal: body.subtotal, tax: body.tax });
    return ok(invoice.id);
  },

  Invoices_UpdateInvoice: (ctx) => {
    const { body, store } = ctx;
    const invoice = mustFind(ctx, "invoices", ctx.params.id);
    const changes = invoiceFields(ctx, body);
    upsertItems(ctx, invoice, body.items ?? []);
    store.collection("invoices").update(invoice, changes);
    recomputeInvoice(store, invoice, { subtotal: body.subtotal, tax: body.tax });
    return ok();
  },

  Invoices_UpdateCustomFields: updateCustomFields("invoices"),

  Invoices_UpdateInvoiceItems: (ctx) => {
    const invoice = mustFind(ctx, "invoices", ctx.params.invoiceId);
    upsertItems(ctx, invoice, [ctx.body], "item");
    recomputeInvoice(ctx.store, invoice);
    return ok();
  },

  Invoices_DeleteInvoiceItem: (ctx) => {
    const invoice = mustFind(ctx, "invoices", ctx.params.invoiceId);
    const item = mustFind(ctx, "invoice-items", ctx.params.itemId);
    if (item.invoiceId !== invoice.id) throw notFound("Invoice item", ctx.params.itemId);
    ctx.store.collection("invoice-items").update(item, { active: false });
    recomputeInvoice(ctx.store, invoice);
    return ok();
  },

  Payments_GetList: list("payments"),

  Payments_Create: (ctx) => {
    const payment = ctx.store.create("payments", paymentFields(ctx, ctx.body));
    recomputeInvoices(ctx.store, invoicesOf(payment));
    return ok(paymentWriteView(payment));
  },

  Payments_Update: (ctx) => {
    const { store } = ctx;
    const payment = mustFind(ctx, "payments", ctx.params.id);
    const before = invoicesOf(payment);
    const payments = store.collection("payments");
    // Rebuild so the list shape (total, appliedTo, type…) follows the new splits and type.
    payments.update(payment, payments.def.build(store, { ...payment, ...paymentFields(ctx, ctx.body) }, payment.id));
    recomputeInvoices(store, [...before, ...invoicesOf(payment)]);
    return ok(paymentWriteView(payment));
  },

  Payments_UpdateCustomFields: updateCustomFields("payments"),
  PaymentTypes_GetList: list("payment-types"),

  Export_Invoices: exportFeed("invoices", { view: invoiceView }),
  Export_InvoiceItems: exportFeed("invoice-items"),
  Export_Payments: exportFeed("payments"),
};
