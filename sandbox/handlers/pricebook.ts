/**
 * /pricebook/v2: services, materials, equipment, categories, discounts and fees, the materials markup table, rate
 * sheets, cost types, bulk create/update and images, stateful (records built from the spec's schemas, see
 * generic.ts schemaCollection). Deleting an item removes it from lists and reads (404) and leaves it inactive in the
 * export feed. Category ids on items must exist (400 otherwise) and are shown as {id, name, active}, as ServiceTitan
 * answers. Ids: services 400001, materials 410001, equipment 420001, categories 430001, discounts and fees 480001,
 * materials markups 481001, rate sheets 482001.
 */
import { randomUUID } from "crypto";
import type { Store, SandboxRecord } from "../store";
import type { Spec } from "../spec";
import { schemaCollection } from "../generic";
import { HttpError, badRequest, notFound } from "../problem";
import { FILES_PREFIX } from "./equipmentsystems";
import {
  applyExternalData,
  getOne,
  list,
  mustFind,
  mustRef,
  ok,
  type Handler,
  type HandlerContext,
  type Json,
  type SandboxModule,
} from "./kit";

const SKUS = ["services", "materials", "equipment"] as const;
type Sku = (typeof SKUS)[number];

const notDeleted = () => (r: SandboxRecord) => !r.deleted;
/** Searches display name, code and description, not case-sensitive (the lists' searchText). */
const searchText = (r: SandboxRecord, value: unknown) =>
  [r.displayName, r.code, r.description].some((v) =>
    String(v ?? "")
      .toLowerCase()
      .includes(String(value).toLowerCase()),
  );

/** Item fields from a create/update body: categories as ServiceTitan shows them, external data patched. */
function itemFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  const { categories, externalData, customId: _customId, id: _id, ...rest } = body ?? {};
  const out: Record<string, unknown> = { ...rest };
  if (categories !== undefined) {
    out.categories = (categories as number[]).map((id, i) => {
      const category = mustRef(ctx, "categories", id, `categories[${i}]`);
      if (category.deleted) throw badRequest({ [`categories[${i}]`]: [`Category with id ${id} not found`] });
      return { id, name: category.name, active: category.active };
    });
  }
  if (externalData !== undefined) out.externalData = applyExternalData(current?.externalData ?? [], externalData);
  if (body?.primaryVendor?.vendorId !== undefined) mustRef(ctx, "vendors", body.primaryVendor.vendorId, "primaryVendor.vendorId");
  return out;
}

const createItem =
  (name: Sku | "discounts-and-fees"): Handler =>
  (ctx) =>
    ok(ctx.store.create(name, itemFields(ctx, ctx.body)));

const updateItem =
  (name: string): Handler =>
  (ctx) => {
    const record = live(ctx, name, ctx.params.id);
    ctx.store.collection(name).update(record, itemFields(ctx, ctx.body, record));
    return ok(record);
  };

/** The record unless deleted (404 like a missing one). */
function live(ctx: HandlerContext, name: string, id: number): SandboxRecord {
  const record = mustFind(ctx, name, id);
  if (record.deleted) throw notFound(ctx.store.collection(name).def.label, id);
  return record;
}

const deleteItem =
  (name: string): Handler =>
  (ctx) => {
    const record = live(ctx, name, ctx.params.id);
    if (
      name === "categories" &&
      ctx.store
        .collection("categories")
        .sortedById()
        .some((c) => c.parentId === record.id && !c.deleted)
    ) {
      throw new HttpError(409, `Category ${record.id} has subcategories; delete or move them first`);
    }
    ctx.store.collection(name).update(record, { active: false, deleted: true });
    return ok();
  };

/** Categories: refs checked, the parent must be a category of the same type. */
const categoryFields = (ctx: HandlerContext, body: Json, current?: SandboxRecord) => {
  if (body.parentId != null) {
    const parent = live(ctx, "categories", body.parentId);
    if (parent.id === current?.id) throw badRequest({ parentId: ["A category cannot be its own parent"] });
  }
  (body.businessUnitIds ?? []).forEach((id: number, i: number) => mustRef(ctx, "business-units", id, `businessUnitIds[${i}]`));
  const { id: _id, ...rest } = body;
  return rest;
};

/** Category records carry their live subcategories, as ServiceTitan nests them. */
const categoryView = (record: SandboxRecord, ctx: HandlerContext) => ({
  ...record,
  subcategories: ctx.store
    .collection("categories")
    .sortedById()
    .filter((c) => c.parentId === record.id && !c.deleted),
});

const COST_TYPES = [
  { id: 1, name: "Subcontractor" },
  { id: 2, name: "Equipment Rental" },
  { id: 3, name: "Permits and Fees" },
];

const bulk = (ctx: HandlerContext, update: boolean) => {
  const answer: Record<string, Array<{ customId: string; id: number }>> = {};
  const groups: Array<[string, Sku | "discounts-and-fees"]> = [
    ["services", "services"],
    ["materials", "materials"],
    ["equipment", "equipment"],
    ["discountAndFees", "discounts-and-fees"],
  ];
  for (const [field, name] of groups) {
    const items = (ctx.body?.[field] ?? []) as Json[];
    answer[field] = [];
    items.forEach((item, i) => {
      if (update) {
        const record = live(ctx, name, item.id);
        ctx.store.collection(name).update(record, itemFields(ctx, item, record));
      } else {
        const record = ctx.store.create(name, itemFields(ctx, item));
        answer[field].push({ customId: String(item.customId ?? `${field}[${i}]`), id: record.id });
      }
    });
  }
  return update ? ok() : ok(answer);
};

const handlers: Record<string, Handler> = {
  Images_Post: (ctx) => {
    const file = ctx.files.find((f) => f.field === "file");
    if (!file) throw badRequest({ file: ["A file is required"] });
    const extension = /\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? "";
    const path = `Pricebook/Images/${randomUUID()}${extension}`;
    ctx.store.files.set(path, { data: file.data, fileName: file.fileName, contentType: file.contentType });
    return ok({ path });
  },
  /** Answers 302 to the image's own URL (no API auth there), as ServiceTitan redirects to its storage. */
  Images_Get: (ctx) => {
    const path = String(ctx.query.path ?? "");
    if (!ctx.store.files.has(path)) throw new HttpError(404, `Image ${path} not found`);
    return { status: 302, headers: { location: `${ctx.baseUrl}${FILES_PREFIX}${path.split("/").map(encodeURIComponent).join("/")}` } };
  },

  Categories_GetList: list("categories", {
    // Top-level categories, their subcategories nested.
    scope: () => (r) => !r.deleted && r.parentId == null,
    view: categoryView,
  }),
  Categories_Get: getOne("categories", { scope: notDeleted, view: categoryView }),
  Categories_Create: (ctx) => ok(categoryView(ctx.store.create("categories", categoryFields(ctx, ctx.body)), ctx)),
  Categories_Update: (ctx) => {
    const record = live(ctx, "categories", ctx.params.id);
    ctx.store.collection("categories").update(record, categoryFields(ctx, ctx.body, record));
    return ok(categoryView(record, ctx));
  },
  Categories_Delete: deleteItem("categories"),

  Materials_GetCostTypes: () =>
    ok({ page: 1, pageSize: COST_TYPES.length, hasMore: false, totalCount: COST_TYPES.length, data: COST_TYPES }),

  MaterialsMarkup_GetList: list("materials-markups"),
  MaterialsMarkup_Get: (ctx) => ok({ data: mustFind(ctx, "materials-markups", ctx.params.id) }),
  MaterialsMarkup_Create: (ctx) => {
    const { id: _id, ...tier } = ctx.body;
    checkTier(tier);
    return ok({ data: ctx.store.create("materials-markups", tier) });
  },
  MaterialsMarkup_Update: (ctx) => {
    const record = mustFind(ctx, "materials-markups", ctx.params.id);
    if (ctx.body.id !== record.id) throw badRequest({ id: [`The body's id ${ctx.body.id} is not the path's id ${record.id}`] });
    const { id: _id, ...tier } = ctx.body;
    checkTier(tier);
    ctx.store.collection("materials-markups").update(record, tier);
    return ok({ data: record });
  },

  ClientSpecificPricing_GetAllRateSheets: list("rate-sheets", {
    scope: (ctx) => (r) => !ctx.query.searchTerm || String(r.name).toLowerCase().includes(String(ctx.query.searchTerm).toLowerCase()),
  }),
  ClientSpecificPricing_UpdateRateSheet: (ctx) => {
    const sheet = mustFind(ctx, "rate-sheets", ctx.params.rateSheetId);
    const exceptions = ((ctx.body.exceptions ?? []) as Json[]).map((e, i) => ({ ...e, skuType: skuTypeOf(ctx, e.skuId, i) }));
    ctx.store.collection("rate-sheets").update(sheet, { exceptions });
    return ok({ exceptions: ctx.body.exceptions ?? [] });
  },

  PricebookBulk_Create: (ctx) => bulk(ctx, false),
  PricebookBulk_Update: (ctx) => bulk(ctx, true),
};

function checkTier(tier: Json) {
  if (!(tier.from < tier.to)) throw badRequest({ to: ["Must be greater than from"] });
}

/** A rate sheet exception's SKU: a service, material or equipment item (400 otherwise). */
function skuTypeOf(ctx: HandlerContext, skuId: number, i: number): string {
  for (const [name, type] of [
    ["services", "Service"],
    ["materials", "Material"],
    ["equipment", "Equipment"],
  ] as const) {
    const record = ctx.store.collection(name).get(skuId);
    if (record && !record.deleted) return type;
  }
  throw badRequest({ [`exceptions[${i}].skuId`]: [`SKU with id ${skuId} not found`] });
}

const SKU_OPERATIONS: Record<string, string> = { services: "Services", materials: "Materials", equipment: "Equipment" };
for (const name of [...SKUS, "discounts-and-fees"] as const) {
  const op = name === "discounts-and-fees" ? "DiscountAndFees" : SKU_OPERATIONS[name];
  handlers[`${op}_GetList`] = list(name, { scope: notDeleted });
  handlers[`${op}_Get`] = getOne(name, { scope: notDeleted });
  handlers[`${op}_Create`] = createItem(name);
  handlers[`${op}_Update`] = updateItem(name);
  handlers[`${op}_Delete`] = deleteItem(name);
}

/** What a new record holds until a request sets it (not the schema's sample values). */
const blank = () => ({ externalData: [], assets: [], categories: [] });

const search = { searchText: (r: SandboxRecord, value: unknown) => searchText(r, value) };

export const pricebook: SandboxModule = {
  handlers,
  collections: (spec: Spec) => [
    schemaCollection(spec, {
      name: "services",
      label: "Service",
      firstId: 400_001,
      defaults: blank,
      record: "pricebook/Services_Get",
      filters: search,
    }),
    schemaCollection(spec, {
      name: "materials",
      label: "Material",
      firstId: 410_001,
      defaults: blank,
      record: "pricebook/Materials_Get",
      filters: search,
    }),
    schemaCollection(spec, {
      name: "equipment",
      label: "Equipment",
      firstId: 420_001,
      defaults: blank,
      record: "pricebook/Equipment_Get",
      filters: search,
    }),
    schemaCollection(spec, {
      name: "categories",
      label: "Category",
      firstId: 430_001,
      record: "pricebook/Categories_Get",
      filters: { categoryType: "categoryType" },
      defaults: () => ({ ...blank(), parentId: null, subcategories: [], businessUnitIds: [], position: 1, skuImages: [], skuVideos: [] }),
    }),
    schemaCollection(spec, {
      name: "discounts-and-fees",
      label: "Discount or fee",
      firstId: 480_001,
      defaults: blank,
      record: "pricebook/DiscountAndFees_Get",
      filters: search,
    }),
    schemaCollection(spec, {
      name: "materials-markups",
      label: "Materials markup",
      firstId: 481_001,
      defaults: blank,
      record: "pricebook/MaterialsMarkup_Get",
    }),
    schemaCollection(spec, {
      name: "rate-sheets",
      label: "Rate sheet",
      firstId: 482_001,
      record: "pricebook/ClientSpecificPricing_GetAllRateSheets",
      defaults: () => ({ ...blank(), exceptions: [] }),
    }),
  ],
  seed: (store: Store) => seedPricebook(store),
};

/** A small HVAC/plumbing pricebook. */
function seedPricebook(store: Store) {
  const category = (name: string, categoryType: string, parentId: number | null = null) =>
    store.create("categories", { name, categoryType, parentId, description: `${name} items`, position: 1, businessUnitIds: [101] });
  const heating = category("Heating", "Services");
  const cooling = category("Cooling", "Services");
  const plumbing = category("Plumbing", "Services");
  category("Furnace Repair", "Services", heating.id);
  const parts = category("HVAC Parts", "Materials");
  const asCategory = (c: SandboxRecord) => ({ id: c.id, name: c.name, active: true });
  const sku = (name: Sku, code: string, displayName: string, price: number, cost: number, categories: SandboxRecord[]) =>
    store.create(name, {
      code,
      displayName,
      description: `${displayName} (${code})`,
      price,
      memberPrice: Math.round(price * 85) / 100,
      addOnPrice: price,
      addOnMemberPrice: Math.round(price * 85) / 100,
      cost,
      taxable: name !== "services",
      categories: categories.map(asCategory),
      externalData: [],
      assets: [],
    });
  sku("services", "HV-TUNE", "Furnace Tune-Up", 89, 0, [heating]);
  sku("services", "HV-DIAG", "HVAC Diagnostic", 79, 0, [heating, cooling]);
  sku("services", "AC-TUNE", "AC Tune-Up", 99, 0, [cooling]);
  sku("services", "PL-DRAIN", "Drain Cleaning", 189, 0, [plumbing]);
  sku("services", "PL-WHINST", "Water Heater Installation", 650, 0, [plumbing]);
  sku("materials", "FLT-16251", "Pleated Filter 16x25x1", 24.5, 6.1, [parts]);
  sku("materials", "CAP-455", "Run Capacitor 45/5 µF", 65, 12.4, [parts]);
  sku("materials", "CONT-30A", "Contactor 30 A", 85, 18.75, [parts]);
  sku("materials", "TSTAT-PRO", "Programmable Thermostat", 240, 88, [parts]);
  sku("equipment", "FURN-80-60", "80% Gas Furnace 60k BTU", 3450, 1280, [heating]);
  sku("equipment", "AC-3T-16", "3 Ton AC 16 SEER", 5200, 2140, [cooling]);
  sku("equipment", "WH-50G", "50 gal Gas Water Heater", 1450, 610, [plumbing]);
  for (const [code, displayName, type, amountType, amount] of [
    ["DISC-SENIOR", "Senior Discount", "Discount", "Percentage", 10],
    ["DISC-MEMBER", "Member Discount", "Discount", "Percentage", 15],
    ["FEE-AFTERHRS", "After-Hours Fee", "Fee", "Fixed", 95],
  ] as const) {
    store.create("discounts-and-fees", {
      code,
      displayName,
      description: displayName,
      type,
      amountType,
      amount,
      categories: [],
      externalData: [],
    });
  }
  for (const [from, to, percent] of [
    [0, 100, 100],
    [100.01, 500, 60],
    [500.01, 100000, 35],
  ]) {
    store.create("materials-markups", { from, to, percent });
  }
  store.create("rate-sheets", { name: "Commercial accounts", exceptions: [] });
  store.create("rate-sheets", { name: "Property managers", exceptions: [] });
}
