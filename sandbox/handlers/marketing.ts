/**
 * /marketing/v2: campaigns, campaign categories, campaign costs and the e-mail suppression list are stateful (built
 * from the spec's schemas, the demo seed gives a small contractor's campaigns); the campaign cost summary is computed
 * from the costs; other operations answer from their response schema (generic.ts).
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest, conflict, notFound } from "../problem";
import { getOne, list, mustFind, mustRef, ok, pickDefined, update, type Handler, type HandlerContext, type SandboxModule } from "./kit";

/** A campaign as the API shows it: its category embedded, its business unit by name, its tracking numbers. */
function campaignFields(ctx: HandlerContext): Record<string, unknown> {
  const body = ctx.body;
  const fields: Record<string, unknown> = pickDefined(body, [
    "name",
    "active",
    "isDefaultCampaign",
    "source",
    "medium",
    "otherSource",
    "otherMedium",
  ]);
  if (body.categoryId !== undefined) {
    const category = mustRef(ctx, "campaign-categories", body.categoryId, "categoryId");
    fields.categoryId = category.id;
    fields.category = { id: category.id, name: category.name, active: category.active };
  }
  if (body.businessUnitId !== undefined) {
    const unit = mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
    fields.businessUnitId = unit.id;
    fields.businessUnit = unit.name;
  }
  if (body.dnis !== undefined) fields.campaignPhoneNumbers = body.dnis ? [body.dnis] : [];
  return fields;
}

const COST_KEY = (r: Record<string, unknown>) => `${r.campaignId}/${r.year}/${r.month}`;

const DAY = 86_400_000;

/** What each campaign cost in [from, to): its daily cost for every day of the period, by the month of the day. */
function costSummary(ctx: HandlerContext) {
  const from = Date.parse(ctx.query.from);
  const to = Date.parse(ctx.query.to);
  if (!(to > from)) throw badRequest({ to: ["'to' must be after 'from'"] });
  const daily = new Map<string, number>(ctx.store.all("campaign-costs").map((c) => [COST_KEY(c), Number(c.dailyCost)]));
  const totals = new Map<number, number>();
  // Whole UTC days the period touches (at most ten years of them).
  for (let day = Math.floor(from / DAY) * DAY; day < to && day < from + 3660 * DAY; day += DAY) {
    const date = new Date(day);
    for (const campaign of ctx.store.all("campaigns")) {
      const cost = daily.get(COST_KEY({ campaignId: campaign.id, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 }));
      if (cost !== undefined) totals.set(campaign.id, (totals.get(campaign.id) ?? 0) + cost);
    }
  }
  return {
    items: [...totals].map(([campaignId, total]) => ({
      campaignId,
      campaignName: ctx.store.get("campaigns", campaignId)?.name ?? "",
      totalCost: Math.round(total * 100) / 100,
    })),
  };
}

/** The suppression of an address (addresses compare case-insensitively), active or not. */
const suppressionOf = (store: Store, email: unknown) =>
  store
    .collection("email-suppressions")
    .sortedById()
    .find((s) => String(s.email).toLowerCase() === String(email).toLowerCase());

const handlers: Record<string, Handler> = {
  Campaigns_GetList: list("campaigns"),
  Campaigns_Get: getOne("campaigns"),
  Campaigns_Create: (ctx) => ok(ctx.store.create("campaigns", campaignFields(ctx))),
  Campaigns_Update: (ctx) => {
    const campaign = mustFind(ctx, "campaigns", ctx.params.id);
    ctx.store.collection("campaigns").update(campaign, campaignFields(ctx));
    return ok(campaign);
  },
  Campaigns_GetCosts: (ctx) => {
    mustFind(ctx, "campaigns", ctx.params.id);
    return list("campaign-costs", { scope: (c) => (r) => r.campaignId === c.params.id })(ctx);
  },
  CampaignCategories_GetList: list("campaign-categories"),
  CampaignCategories_Get: getOne("campaign-categories"),
  CampaignCategories_Create: (ctx) => {
    if (ctx.store.all("campaign-categories").some((c) => c.name.toLowerCase() === String(ctx.body.name).toLowerCase())) {
      throw conflict(`A campaign category named "${ctx.body.name}" already exists`);
    }
    return ok({ id: ctx.store.create("campaign-categories", { name: ctx.body.name }).id });
  },
  CampaignCategories_Update: update("campaign-categories"),
  CampaignCosts_GetList: list("campaign-costs"),
  CampaignCosts_Get: getOne("campaign-costs"),
  CampaignCosts_Create: (ctx) => {
    mustRef(ctx, "campaigns", ctx.body.campaignId, "campaignId");
    const key = COST_KEY(ctx.body);
    if (ctx.store.all("campaign-costs").some((c: SandboxRecord) => COST_KEY(c) === key)) {
      throw conflict(`Campaign ${ctx.body.campaignId} already has a cost for ${ctx.body.year}-${ctx.body.month}; update it instead`);
    }
    return ok(ctx.store.create("campaign-costs", pickDefined(ctx.body, ["campaignId", "year", "month", "dailyCost"])));
  },
  CampaignCosts_Update: update("campaign-costs"),
  CampaignCostSummary_Get: (ctx) => ok(costSummary(ctx)),
  Suppressions_GetList: list("email-suppressions"),
  Suppressions_Get: (ctx) => {
    const suppression = suppressionOf(ctx.store, ctx.params.email);
    if (!suppression) throw notFound("Suppression", ctx.params.email);
    return ok(suppression);
  },
  // Suppressing an address again updates its reason; unsuppressing keeps it (inactive), as its history.
  Suppressions_Add: (ctx) => {
    for (const email of ctx.body.emails as string[]) {
      const known = suppressionOf(ctx.store, email);
      if (known) ctx.store.collection("email-suppressions").update(known, { reason: ctx.body.reason, active: true });
      else ctx.store.create("email-suppressions", { email, reason: ctx.body.reason });
    }
    return ok();
  },
  Suppressions_Remove: (ctx) => {
    for (const email of ctx.body.emails as string[]) {
      const known = suppressionOf(ctx.store, email);
      if (known?.active) ctx.store.collection("email-suppressions").update(known, { active: false });
    }
    return ok();
  },
};

/** Ids: campaigns 160001…, costs 170001…, suppressions 176001…, categories 191001… */
function seed(store: Store) {
  const categories = [
    ["Online Ads", true],
    ["Direct Mail", true],
    ["Referral", true],
    ["Radio", false],
  ].map(([name, active]) => store.create("campaign-categories", { name, active, type: "Regular" }));
  const units = new Map(store.all("business-units").map((u) => [u.id, u.name]));
  const campaigns = [
    { name: "Google Ads", category: 0, unit: 101, dnis: "4805550101", source: "Google", medium: "Paid Search" },
    { name: "Spring AC Tune-Up Mailer", category: 1, unit: 101, dnis: "4805550102", source: "Direct Mail", medium: "Postcard" },
    { name: "Yelp", category: 0, unit: 103, dnis: "4805550103", source: "Yelp", medium: "Listing" },
    { name: "Customer Referral", category: 2, unit: 101, dnis: "", source: "Referral", medium: "Word of Mouth", isDefaultCampaign: true },
    { name: "Radio 2024", category: 3, unit: 102, dnis: "4805550105", source: "Radio", medium: "Broadcast", active: false },
  ].map((c) => {
    const category = categories[c.category];
    return store.create("campaigns", {
      name: c.name,
      active: c.active ?? true,
      isDefaultCampaign: c.isDefaultCampaign ?? false,
      categoryId: category.id,
      category: { id: category.id, name: category.name, active: category.active },
      businessUnitId: c.unit,
      businessUnit: units.get(c.unit) ?? null,
      campaignPhoneNumbers: c.dnis ? [c.dnis] : [],
      source: c.source,
      medium: c.medium,
      otherSource: null,
      otherMedium: null,
    });
  });
  for (const [i, campaign] of campaigns.slice(0, 3).entries()) {
    for (const month of [1, 2, 3])
      store.create("campaign-costs", { campaignId: campaign.id, year: 2025, month, dailyCost: [45.5, 12.25, 20][i] });
  }
  // Three addresses of the demo customers' e-mail contacts (or fixed ones) that marketing e-mails must not reach.
  const emails = store
    .all("customer-contacts")
    .filter((c) => c.type === "Email" && c.value)
    .map((c) => String(c.value));
  const reasons = ["Unsubscribe", "Bounce", "SpamReport"];
  reasons.forEach((reason, i) => store.create("email-suppressions", { email: emails[i * 3] ?? `customer${i + 1}@example.com`, reason }));
}

export const marketing: SandboxModule = {
  handlers,
  collections: (spec) => [
    schemaCollection(spec, {
      name: "campaigns",
      label: "Campaign",
      firstId: 160001,
      record: "marketing/Campaigns_Get",
      defaults: () => ({
        isDefaultCampaign: false,
        source: null,
        medium: null,
        otherSource: null,
        otherMedium: null,
        campaignPhoneNumbers: [],
      }),
      filters: {
        name: { contains: "name" },
        campaignPhoneNumber: (r, v) => ((r.campaignPhoneNumbers as string[]) ?? []).includes(String(v)),
      },
    }),
    schemaCollection(spec, {
      name: "campaign-categories",
      label: "Campaign category",
      firstId: 191001,
      record: "marketing/CampaignCategories_Get",
      defaults: () => ({ type: "Regular" }),
    }),
    schemaCollection(spec, {
      name: "campaign-costs",
      label: "Campaign cost",
      firstId: 170001,
      record: "marketing/CampaignCosts_Get",
      filters: { campaignId: "campaignId", year: "year", month: "month" },
    }),
    schemaCollection(spec, {
      name: "email-suppressions",
      label: "Suppression",
      firstId: 176001,
      record: "marketing/Suppressions_Get",
      filters: { email: (r, v) => String(r.email).toLowerCase() === String(v).toLowerCase() },
    }),
  ],
  seed,
};
