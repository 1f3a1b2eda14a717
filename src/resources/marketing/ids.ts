import type { IdVocabulary } from "../../kit/ids";

/** Marketing ids: campaigns, their categories and monthly costs. */
export const marketingIds: IdVocabulary = {
  campaignId: {
    label: "Campaign ID",
    dataSource: "selectCampaign",
    comments: "The marketing campaign (Marketing → Campaigns): pick one or map its id, e.g. the campaignId of a call or booking.",
  },
  categoryId: {
    label: "Category ID",
    dataSource: "selectCampaignCategory",
    comments: "A campaign category (Marketing → Campaign Categories): pick one or map its id.",
  },
  costId: {
    label: "Cost ID",
    dataSource: "selectCampaignCost",
    comments: "A campaign's cost for one month: pick one or map its id from List Campaign Costs.",
  },
};
