/**
 * /sales/v2: Sales & Estimates. Estimates are stateful (items, totals, sell/unsell/dismiss with their status history);
 * so are estimate templates (their pricebook items and totals), proposal types and proposal templates (which estimate
 * template each option of a proposal type shows). Ids: templates 206001…, template items 206501…, proposal templates
 * 207001…, proposal types 208001… (their options 209001…).
 */
import type { SandboxRecord, Store } from "../store";
import { plainCollection, schemaCollection } from "../generic";
import { badRequest, conflict, notFound } from "../problem";
import { activeFilter } from "../listing";
import { SKUS } from "../random";
import {
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  remove,
  type Handler,
  type HandlerContext,
  type Json,
  type SandboxModule,
} from "./kit";

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

// ---- estimate templates, proposal types and proposal templates ------------------------------------------------------

/** Where each SKU type lives in the pricebook, and its price field. */
const SKU_COLLECTIONS: Record<string, [string, string]> = {
  Service: ["services", "price"],
  Material: ["materials", "price"],
  Equipment: ["equipment", "price"],
  PriceModifier: ["discounts-and-fees", "amount"],
};

/** A template's active items, in order. */
const templateItemsOf = (store: Store, templateId: number) =>
  (store.collection("estimate-template-items").groupBy("templateId").get(templateId) ?? [])
    .filter((item) => item.active)
    .sort((a, b) => a.order - b.order);

/** A template as ServiceTitan answers it: its items embedded, its totals summed from them. */
const withTemplateItems = (record: SandboxRecord, ctx: { store: Store }) => {
  const items = templateItemsOf(ctx.store, record.id).map(({ templateId: _t, active: _a, createdOn: _c, modifiedOn: _m, ...item }) => item);
  const chargeable = items.filter((item) => item.chargeable !== false);
  return {
    ...record,
    totalPrice: money(chargeable.reduce((sum, item) => sum + item.totalPrice, 0)),
    totalCost: money(items.reduce((sum, item) => sum + item.quantity * item.unitCost, 0)),
    items,
  };
};

/** Replaces a template's items by the request's (an item with an id of the template is kept and updated). */
function putTemplateItems(ctx: HandlerContext, template: SandboxRecord, mode: string, input: Json[]): void {
  const items = ctx.store.collection("estimate-template-items");
  const current = new Map(templateItemsOf(ctx.store, template.id).map((item) => [item.id, item]));
  const kept = new Set<number>();
  input.forEach((entry: Json, i: number) => {
    const where = `items[${i}].`;
    const [collection, priceField] = SKU_COLLECTIONS[entry.skuType];
    const sku = mustRef(ctx, collection, entry.skuId, `${where}skuId`);
    if (mode === "Static" && entry.unitPrice == null)
      throw badRequest({ [`${where}unitPrice`]: ["A Static template's items need a unitPrice"] });
    const unitPrice = mode === "Static" ? entry.unitPrice : Number(sku[priceField] ?? 0);
    const fields = {
      templateId: template.id,
      skuId: sku.id,
      skuType: entry.skuType,
      skuName: sku.code ?? null,
      description: entry.description ?? sku.displayName ?? sku.description ?? null,
      quantity: entry.quantity,
      unitPrice,
      totalPrice: money(entry.quantity * unitPrice),
      isAddOn: entry.isAddOn,
      chargeable: entry.chargeable ?? true,
      allowDiscounts: entry.allowDiscounts ?? true,
      unitCost: entry.unitCost ?? Number(sku.cost ?? 0),
      memo: entry.memo ?? null,
      order: i + 1,
      parentItemId: entry.parentItemId ?? null,
      itemGroupParentId: entry.itemGroupParentId ?? null,
      itemGroupName: entry.itemGroupName ?? null,
      projectLabels: entry.projectLabels ?? null,
    };
    if (entry.id != null) {
      const item = current.get(entry.id);
      if (!item) throw badRequest({ [`${where}id`]: [`Estimate template ${template.id} has no item with id ${entry.id}`] });
      items.update(item, fields);
      kept.add(item.id);
    } else kept.add(ctx.store.create("estimate-template-items", fields).id);
  });
  for (const item of current.values()) if (!kept.has(item.id)) items.update(item, { active: false });
}

const TEMPLATE_FIELDS = ["name", "internalName", "summary", "mode", "active", "businessUnitId"];

/** Writes a template's fields and items (create: all of them; update: those given). */
function writeTemplate(ctx: HandlerContext, template: SandboxRecord | undefined): SandboxRecord {
  const { body, store } = ctx;
  if (body.businessUnitId != null) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  const fields = pickDefined(
    body,
    TEMPLATE_FIELDS.filter((f) => body[f] !== null),
  );
  const record = template
    ? store.collection("estimate-templates").update(template, fields)
    : store.create("estimate-templates", { businessUnitId: null, summary: null, active: true, ...fields });
  if (Array.isArray(body.items)) putTemplateItems(ctx, record, record.mode, body.items);
  return record;
}

/** A proposal template's fields from a request: its proposal type, business units and assignments checked. */
function proposalFields(ctx: HandlerContext, current?: SandboxRecord): Record<string, unknown> {
  const { body } = ctx;
  const fields: Record<string, unknown> = pickDefined(
    body,
    ["name", "description", "status", "active"].filter((f) => body[f] !== null),
  );
  const typeId = body.proposalTypeId ?? current?.proposalTypeId;
  const type = mustRef(ctx, "proposal-types", typeId, "proposalTypeId");
  if (body.proposalTypeId != null) Object.assign(fields, { proposalTypeId: type.id, proposalTypeName: type.name });
  if (body.businessUnitIds != null) fields.businessUnitIds = mustRefAll(ctx, "business-units", body.businessUnitIds, "businessUnitIds");
  const assignments: Json[] | undefined =
    body.estimateAssignments ?? (body.proposalTypeId != null ? current?.estimateAssignments : undefined);
  if (assignments) {
    const options = new Set((type.options as Json[]).map((o) => o.id));
    const seen = new Set<number>();
    fields.estimateAssignments = assignments.map((a: Json, i: number) => {
      const where = `estimateAssignments[${i}].`;
      if (!options.has(a.proposalTypeOptionId))
        throw badRequest({
          [`${where}proposalTypeOptionId`]: [`Proposal type ${type.id} has no option with id ${a.proposalTypeOptionId}`],
        });
      if (seen.has(a.proposalTypeOptionId))
        throw badRequest({ [`${where}proposalTypeOptionId`]: ["Each ProposalTypeOptionId must be unique within the list"] });
      seen.add(a.proposalTypeOptionId);
      const template = mustRef(ctx, "estimate-templates", a.estimateTemplateId, `${where}estimateTemplateId`);
      return {
        proposalTypeOptionId: a.proposalTypeOptionId,
        estimateTemplateId: template.id,
        estimateTemplateName: template.name,
        order: a.order,
      };
    });
  }
  return fields;
}

const templateHandlers: Record<string, Handler> = {
  EstimateTemplates_Get: list("estimate-templates", { view: withTemplateItems }),
  EstimateTemplates_GetById: getOne("estimate-templates", { view: withTemplateItems }),
  EstimateTemplates_Create: (ctx) => ok(withTemplateItems(writeTemplate(ctx, undefined), ctx)),
  EstimateTemplates_Update: (ctx) => ok(withTemplateItems(writeTemplate(ctx, mustFind(ctx, "estimate-templates", ctx.params.id)), ctx)),
  EstimateTemplates_Delete: remove("estimate-templates"),
  ProposalTypes_Get: (ctx) => {
    const active = activeFilter(ctx.query.active);
    return ok({ data: ctx.store.all("proposal-types").filter((t) => !active || active(t)) });
  },
  ProposalTemplates_Get: list("proposal-templates"),
  ProposalTemplates_GetById: getOne("proposal-templates"),
  ProposalTemplates_Create: (ctx) =>
    ok(
      ctx.store.create("proposal-templates", {
        description: null,
        status: "Draft",
        active: true,
        businessUnitIds: [],
        estimateAssignments: [],
        ...proposalFields(ctx),
      }),
    ),
  ProposalTemplates_Update: (ctx) => {
    const template = mustFind(ctx, "proposal-templates", ctx.params.id);
    return ok(ctx.store.collection("proposal-templates").update(template, proposalFields(ctx, template)));
  },
  ProposalTemplates_Delete: remove("proposal-templates"),
};

/** Two proposal types, four estimate templates of the pricebook's SKUs and two proposal templates. */
function seedTemplates(store: Store): void {
  const sku = (collection: string, code: string) => store.all(collection).find((r) => r.code === code);
  let optionId = 209001;
  const proposalType = (name: string, type: string, options: string[], fields: Record<string, unknown> = {}) =>
    store.create("proposal-types", {
      name,
      type,
      isSystemDefault: false,
      isDefault: false,
      options: options.map((option, i) => ({ id: optionId++, name: option, order: i + 1, color: null, estimateType: "Standard" })),
      ...fields,
    });
  const goodBetterBest = proposalType("Good / Better / Best", "Progressive", ["Good", "Better", "Best"], {
    isSystemDefault: true,
    isDefault: true,
  });
  proposalType("Repair or Replace", "Additive", ["Repair", "Replace"]);
  const template = (name: string, internalName: string, mode: string, items: Array<[string, string, string, number, number?]>) => {
    const record = store.create("estimate-templates", { name, internalName, mode, summary: `<p>${name}</p>`, businessUnitId: 101 });
    items.forEach(([skuType, collection, code, quantity, unitPrice], i) => {
      const found = sku(collection, code);
      const price = unitPrice ?? Number(found?.price ?? 100);
      store.create("estimate-template-items", {
        templateId: record.id,
        skuId: found?.id ?? 400001,
        skuType,
        skuName: code,
        description: found?.displayName ?? code,
        quantity,
        unitPrice: price,
        totalPrice: money(quantity * price),
        isAddOn: false,
        chargeable: true,
        allowDiscounts: true,
        unitCost: Number(found?.cost ?? 0),
        memo: null,
        order: i + 1,
        parentItemId: null,
        itemGroupParentId: null,
        itemGroupName: null,
        projectLabels: null,
      });
    });
    return record;
  };
  const good = template("AC Tune-Up – Standard", "AC-TUNE-STD", "Dynamic", [["Service", "services", "AC-TUNE", 1]]);
  const better = template("AC Tune-Up – Plus", "AC-TUNE-PLUS", "Dynamic", [
    ["Service", "services", "AC-TUNE", 1],
    ["Material", "materials", "FLT-16251", 2],
  ]);
  const best = template("AC Replacement – 3 Ton 16 SEER", "AC-REPL-3T", "Static", [
    ["Equipment", "equipment", "AC-3T-16", 1, 5200],
    ["Material", "materials", "TSTAT-PRO", 1, 240],
  ]);
  template("Drain Cleaning – Main Line", "PL-DRAIN-MAIN", "Dynamic", [["Service", "services", "PL-DRAIN", 1]]);
  const [goodOption, betterOption, bestOption] = goodBetterBest.options as Array<{ id: number }>;
  const assignments = (pairs: Array<[{ id: number }, SandboxRecord]>) =>
    pairs.map(([option, t], i) => ({
      proposalTypeOptionId: option.id,
      estimateTemplateId: t.id,
      estimateTemplateName: t.name,
      order: i + 1,
    }));
  store.create("proposal-templates", {
    name: "AC Service – Good/Better/Best",
    description: "Tune-up options for a cooling service call",
    status: "Publish",
    proposalTypeId: goodBetterBest.id,
    proposalTypeName: goodBetterBest.name,
    businessUnitIds: [101],
    estimateAssignments: assignments([
      [goodOption, good],
      [betterOption, better],
      [bestOption, best],
    ]),
  });
  store.create("proposal-templates", {
    name: "AC Maintenance – Draft",
    description: null,
    status: "Draft",
    proposalTypeId: goodBetterBest.id,
    proposalTypeName: goodBetterBest.name,
    businessUnitIds: [],
    estimateAssignments: assignments([[goodOption, good]]),
  });
}

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
    schemaCollection(spec, {
      name: "estimate-templates",
      label: "Estimate template",
      firstId: 206001,
      record: "sales/EstimateTemplates_GetById",
    }),
    plainCollection("estimate-template-items", "Estimate template item", 206501),
    schemaCollection(spec, {
      name: "proposal-templates",
      label: "Proposal template",
      firstId: 207001,
      record: "sales/ProposalTemplates_GetById",
      filters: { proposalTypeId: "proposalTypeId" },
    }),
    plainCollection("proposal-types", "Proposal type", 208001),
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
    seedTemplates(store);
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
    ...templateHandlers,
  },
};
