/**
 * /sales/v2: Sales & Estimates. Estimates are stateful (items, totals, sell/unsell/dismiss with their status history);
 * templates and proposal types answer from their response schema (sandbox/generic.ts).
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest, conflict, notFound } from "../problem";
import { SKUS } from "../random";
import { exportFeed, getOne, list, mustFind, mustRef, ok, type HandlerContext, type Json, type SandboxModule } from "./kit";

const STATUS_VALUES: Record<string, number> = { Open: 0, Sold: 1, Dismissed: 2 };
const statusModel = (name: string) => ({ value: STATUS_VALUES[name], name });
const money = (n: number) => Math.round(n * 100) / 100;

/** The estimate's active items (the items collection holds each item with its estimateId). */
const itemsOf = (store: Store, estimateId: number) =>
  (store.collection("estimate-items").groupBy("estimateId").get(estimateId) ?? []).filter((item) => item.active);

/** An estimate as ServiceTitan answers it: its items embedded. */
const withItems = (record: SandboxRecord, ctx: { store: Store }) => ({ ...record, items: itemsOf(ctx.store, record.id) });

/** Subtotal = chargeable items' totals; moves the estimate to the end of the export feed. */
function recompute(store: Store, estimate: SandboxRecord): void {
  const subtotal = itemsOf(store, estimate.id)
    .filter((item) => item.chargeable !== false)
    .reduce((sum, item) => sum + item.total, 0);
  store.collection("estimates").update(estimate, { subtotal: money(subtotal) });
}

function recordStatusChange(store: Store, estimate: SandboxRecord, to: string, by: number | null = null): void {
  const from = estimate.status?.name ?? null;
  if (from === to) return;
  store.create("estimate-status-changes", { estimateId: estimate.id, oldStatus: from, newStatus: to, createdById: by });
}

function setStatus(store: Store, estimate: SandboxRecord, to: string, changes: Record<string, unknown> = {}, by: number | null = null) {
  recordStatusChange(store, estimate, to, by);
  store.collection("estimates").update(estimate, { status: statusModel(to), ...changes });
}

/** Item fields from a create/update request (EstimateItemCreateUpdateRequest) onto an item record. */
function itemFields(ctx: HandlerContext, input: Json, current?: SandboxRecord, where = ""): Record<string, unknown> {
  const qty = input.quantity ?? current?.qty ?? 1;
  const sku = SKUS.find(([name]) => name === input.skuName);
  const skuId = input.skuId ?? current?.sku?.id;
  if (skuId == null && !input.skuName && !current) throw badRequest({ [`${where}skuId`]: ["An item needs a skuId or a skuName"] });
  const unitRate = input.unitPrice ?? current?.unitRate ?? (sku ? sku[1] : 100);
  const unitCost = input.unitCost ?? current?.unitCost ?? money(unitRate * 0.4);
  if (input.parentItemId != null) mustRef(ctx, "estimate-items", input.parentItemId, `${where}parentItemId`);
  const name = input.skuName ?? current?.sku?.name ?? `SKU-${skuId}`;
  return {
    sku:
      current?.sku && input.skuId == null && !input.skuName
        ? current.sku
        : {
            id: skuId ?? 400000 + SKUS.findIndex(([n]) => n === input.skuName),
            name,
            displayName: sku ? sku[0] : name,
            type: "Service",
            soldHours: 1,
            generalLedgerAccountId: 1,
            generalLedgerAccountName: "Service Income",
            modifiedOn: ctx.store.now(),
          },
    skuAccount: "Service Income",
    description: input.description ?? current?.description ?? (sku ? sku[0] : name),
    qty,
    unitRate,
    total: money(qty * unitRate),
    unitCost,
    totalCost: money(qty * unitCost),
    itemGroupName: input.itemGroupName ?? current?.itemGroupName ?? "",
    itemGroupRootId: input.itemGroupRootId ?? current?.itemGroupRootId ?? null,
    chargeable: input.chargeable ?? current?.chargeable ?? true,
    budgetCodeId: input.budgetCodeId ?? current?.budgetCodeId ?? null,
    isAddOn: input.isAddOn ?? current?.isAddOn ?? false,
    membershipTypeId: current?.membershipTypeId ?? null,
    invoiceItemId: current?.invoiceItemId ?? null,
  };
}

/** Adds an item (no id) or updates the estimate's item with that id. */
function putItem(ctx: HandlerContext, estimate: SandboxRecord, input: Json, where = ""): SandboxRecord {
  const items = ctx.store.collection("estimate-items");
  if (input.id != null) {
    const item = items.get(input.id);
    if (!item || !item.active || item.estimateId !== estimate.id) {
      throw badRequest({ [`${where}id`]: [`Estimate ${estimate.id} has no item with id ${input.id}`] });
    }
    return items.update(item, itemFields(ctx, input, item, where));
  }
  return ctx.store.create("estimate-items", { estimateId: estimate.id, ...itemFields(ctx, input, undefined, where) });
}

/** The estimate fields a create/update body sets (status through setStatus). */
function estimateFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  if (body.soldBy != null) mustRef(ctx, "technicians", body.soldBy, "soldBy");
  const out: Record<string, unknown> = {};
  for (const field of [
    "name",
    "summary",
    "tax",
    "reviewStatus",
    "soldBy",
    "isRecommended",
    "budgetCodeId",
    "depositAmount",
    "depositPercent",
    "requireDepositOnSignature",
  ]) {
    if (body[field] !== undefined) out[field] = body[field];
  }
  if (body.externalLinks !== undefined) out.externalLinks = body.externalLinks ?? [];
  return out;
}

const canSell = (estimate: SandboxRecord) => {
  if (estimate.status?.name === "Sold") throw conflict(`Estimate ${estimate.id} is already sold`);
};

export const sales: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: "estimates",
      label: "Estimate",
      firstId: 200001,
      record: "sales/Estimates_Get",
      defaults: () => ({
        status: statusModel("Open"),
        reviewStatus: "None",
        soldOn: null,
        soldBy: null,
        subtotal: 0,
        tax: 0,
        isRecommended: false,
        isChangeOrder: false,
        externalLinks: [],
        items: [],
      }),
      filters: {
        jobId: "jobId",
        projectId: "projectId",
        locationId: "locationId",
        jobNumber: "jobNumber",
        status: "status.name",
        soldById: "soldBy",
        soldAfter: { from: "soldOn" },
        soldBefore: { before: "soldOn" },
        totalGreater: (r, v) => r.subtotal + r.tax > Number(v),
        totalLess: (r, v) => r.subtotal + r.tax < Number(v),
      },
    }),
    schemaCollection(spec, {
      name: "estimate-status-changes",
      label: "Estimate status change",
      firstId: 205001,
      record: "sales/EstimatesStatus_GetEstimateStatusChanges",
    }),
    schemaCollection(spec, {
      name: "estimate-items",
      label: "Estimate item",
      firstId: 210001,
      record: "sales/Estimates_GetItems",
      filters: { estimateId: "estimateId" },
    }),
  ],

  seed: (store) => {
    store.setClock("2025-02-03T16:00:00Z");
    const jobs = store.all("jobs").slice(0, 6);
    const names = [
      "AC repair – capacitor",
      "Furnace tune-up",
      "Water heater replacement",
      "Drain line service",
      "Thermostat upgrade",
      "Duct sealing",
    ];
    jobs.forEach((job, i) => {
      const estimate = store.create("estimates", {
        name: names[i],
        summary: `<p>${names[i]} for job #${job.jobNumber}</p>`,
        jobId: job.id,
        jobNumber: job.jobNumber,
        customerId: job.customerId,
        locationId: job.locationId,
        projectId: job.projectId ?? null,
        businessUnitId: job.businessUnitId,
        businessUnitName: store.get("business-units", job.businessUnitId)?.name ?? null,
        tax: 0,
      });
      for (const [k, [sku, price]] of [SKUS[i % SKUS.length], SKUS[(i + 3) % SKUS.length]].entries()) {
        const qty = k + 1;
        store.create("estimate-items", {
          estimateId: estimate.id,
          sku: {
            id: 400001 + SKUS.findIndex(([n]) => n === sku),
            name: sku,
            displayName: sku,
            type: "Service",
            soldHours: 1,
            generalLedgerAccountId: 1,
            generalLedgerAccountName: "Service Income",
            modifiedOn: store.now(),
          },
          skuAccount: "Service Income",
          description: sku,
          qty,
          unitRate: price,
          total: money(qty * price),
          unitCost: money(price * 0.4),
          totalCost: money(qty * price * 0.4),
          itemGroupName: "",
          itemGroupRootId: null,
          chargeable: true,
          invoiceItemId: null,
          budgetCodeId: null,
          membershipTypeId: null,
        });
      }
      recompute(store, estimate);
      // Estimates 2 and 5 were sold, estimate 4 dismissed.
      if (i === 1 || i === 4) setStatus(store, estimate, "Sold", { soldOn: store.now(), soldBy: 1001 }, 1001);
      if (i === 3) setStatus(store, estimate, "Dismissed");
    });
    store.setClock(null);
  },

  handlers: {
    Estimates_GetList: list("estimates", { view: withItems }),
    Estimates_Get: getOne("estimates", { view: withItems }),

    Estimates_Create: (ctx) => {
      const { body, store } = ctx;
      const job = body.jobId != null ? mustRef(ctx, "jobs", body.jobId, "jobId") : undefined;
      if (body.projectId != null) mustRef(ctx, "projects", body.projectId, "projectId");
      const location = body.locationId != null ? mustRef(ctx, "locations", body.locationId, "locationId") : undefined;
      if (!job && body.projectId == null && !location) {
        throw badRequest({ jobId: ["An estimate needs a job, a project or a location"] });
      }
      const estimate = store.create("estimates", {
        ...estimateFields(ctx, body),
        jobId: job?.id ?? null,
        jobNumber: job?.jobNumber ?? null,
        projectId: body.projectId ?? job?.projectId ?? null,
        locationId: location?.id ?? job?.locationId ?? null,
        customerId: location?.customerId ?? job?.customerId ?? null,
        businessUnitId: job?.businessUnitId ?? null,
        businessUnitName: job ? (store.get("business-units", job.businessUnitId)?.name ?? null) : null,
        status: statusModel(body.status ?? "Open"),
        soldOn: body.status === "Sold" ? store.now() : null,
      });
      (body.items ?? []).forEach((item: Json, i: number) => putItem(ctx, estimate, item, `items[${i}].`));
      recompute(store, estimate);
      return ok(withItems(estimate, ctx));
    },

    Estimates_Update: (ctx) => {
      const { body, store } = ctx;
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      store.collection("estimates").update(estimate, estimateFields(ctx, body));
      if (body.status != null) {
        setStatus(store, estimate, body.status, body.status === "Sold" ? { soldOn: estimate.soldOn ?? store.now() } : { soldOn: null });
      }
      (body.items ?? []).forEach((item: Json, i: number) => putItem(ctx, estimate, item, `items[${i}].`));
      recompute(store, estimate);
      return ok(withItems(estimate, ctx));
    },

    Estimates_Sell: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      mustRef(ctx, "technicians", ctx.body.soldBy, "soldBy");
      canSell(estimate);
      setStatus(ctx.store, estimate, "Sold", { soldOn: ctx.store.now(), soldBy: ctx.body.soldBy }, ctx.body.soldBy);
      return ok(withItems(estimate, ctx));
    },

    Estimates_Unsell: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      if (estimate.status?.name !== "Sold") throw conflict(`Estimate ${estimate.id} is not sold`);
      setStatus(ctx.store, estimate, "Open", { soldOn: null, soldBy: null });
      return ok();
    },

    Estimates_Dismiss: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      if (estimate.status?.name !== "Open") throw conflict(`Estimate ${estimate.id} is ${estimate.status?.name} and cannot be dismissed`);
      setStatus(ctx.store, estimate, "Dismissed");
      return ok();
    },

    Estimates_GetItems: list("estimate-items"),

    Estimates_PutItem: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      const item = putItem(ctx, estimate, ctx.body);
      recompute(ctx.store, estimate);
      return ok({ ...item, estimateId: estimate.id });
    },

    Estimates_DeleteItem: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      const item = ctx.store.collection("estimate-items").get(ctx.params.itemId);
      if (!item || !item.active || item.estimateId !== estimate.id) throw notFound(`Item of estimate ${estimate.id}`, ctx.params.itemId);
      ctx.store.collection("estimate-items").update(item, { active: false });
      recompute(ctx.store, estimate);
      return ok();
    },

    EstimatesStatus_GetEstimateStatusChanges: (ctx) => {
      const estimate = mustFind(ctx, "estimates", ctx.params.id);
      return ok(ctx.store.collection("estimate-status-changes").groupBy("estimateId").get(estimate.id) ?? []);
    },

    EstimatesExport_Estimates: exportFeed("estimates", { view: withItems }),
    EstimatesExport_EstimatesAsyncLegacy: exportFeed("estimates", { view: withItems }),
  },
};
