/**
 * /marketing/v2: campaigns, campaign categories and campaign costs are stateful (built from the spec's schemas, the
 * demo seed gives a small contractor's campaigns); other operations answer from their response schema (generic.ts).
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { conflict } from "../problem";
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
};

/** Ids: campaigns 160001…, costs 170001…, categories 191001… */
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
  ],
  seed,
};
