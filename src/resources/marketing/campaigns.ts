import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/marketing";
import { idInput, integerInput, stringInput } from "../../inputs";
import type { InputTweak, ResourceModule } from "../../kit";
import { derivedAction, inBody, inQuery, listAction, namedPicklist, picklist } from "../../kit";

type Schemas = components["schemas"];
type Cost = Schemas["Marketing.V2.CampaignCostResponse"];

const MARKETING = "/marketing/v2/tenant/{tenant}";

const campaignTweaks = {
  name: { comments: "The campaign's name, as dispatchers and reports show it.", example: "Spring AC Tune-Up Mailer" },
  businessUnitId: { comments: "The business unit the campaign belongs to (Settings → Business Units)." },
  categoryId: { comments: "The campaign's category (Marketing → Campaign Categories)." },
  active: { comments: "True: the campaign can be picked for new calls, bookings and jobs." },
  dnis: {
    label: "Tracking Phone Number (DNIS)",
    comments: "The tracking phone number calls to this campaign arrive on (DNIS), e.g. 8585550199.",
  },
  isDefaultCampaign: { label: "Is Default Campaign", comments: "True: the campaign used when a call or booking names none." },
  source: { comments: 'Where the campaign runs, e.g. "Google", "Direct Mail", "Radio".' },
  medium: { comments: 'How it reaches people, e.g. "Paid Search", "Postcard".' },
  otherSource: { label: "Other Source", comments: "The source in your own words, when none of ServiceTitan's fits." },
  otherMedium: { label: "Other Medium", comments: "The medium in your own words, when none of ServiceTitan's fits." },
};

const yearInput = () =>
  inBody(
    integerInput({
      label: "Year",
      required: true,
      min: 2000,
      max: 2100,
      example: "2025",
      comments: "The year of the month the cost is for.",
    }),
  );
const monthInput = () =>
  inBody(
    integerInput({
      label: "Month",
      required: true,
      min: 1,
      max: 12,
      example: "3",
      comments: "The month the cost is for (1 = January … 12).",
    }),
  );
const dailyCost = {
  label: "Daily Cost",
  comments: "What the campaign costs per day in that month, in the tenant's currency (e.g. 45.50).",
};

/** The period a cost report covers (both required, ISO 8601, sent as UTC). */
const periodTweaks = (what: string): Record<string, InputTweak> => ({
  from: {
    label: "From",
    example: "2025-01-01",
    comments: `Start of the period (ISO 8601, e.g. 2025-01-01 or 2025-01-01T00:00:00Z; sent as UTC): ${what} from this moment on.`,
  },
  to: {
    label: "To",
    example: "2025-04-01",
    comments: `End of the period (ISO 8601; sent as UTC), after From: ${what} up to this moment.`,
  },
});

/** Marketing campaigns, their categories and their monthly costs (what ServiceTitan's marketing ROI reports use). */
export const campaigns: ResourceModule = {
  actions: {
    listCampaigns: listAction({
      label: "List Campaigns",
      description: "Retrieve marketing campaigns (active ones unless Active says otherwise)",
      operation: `GET ${MARKETING}/campaigns`,
      dataSource: "selectCampaign",
      examplePayload: exampleOf(`GET ${MARKETING}/campaigns`),
    }),
    getCampaign: derivedAction({
      label: "Get Campaign",
      description: "Retrieve a marketing campaign by ID",
      operation: `GET ${MARKETING}/campaigns/{id}`,
    }),
    createCampaign: derivedAction({
      label: "Create Campaign",
      description: "Create a marketing campaign",
      operation: `POST ${MARKETING}/campaigns`,
      inputs: campaignTweaks,
    }),
    updateCampaign: derivedAction({
      label: "Update Campaign",
      description:
        "Update a marketing campaign. ServiceTitan requires the name, business unit, category and active flag on every update (enter the current ones to keep them)",
      operation: `PATCH ${MARKETING}/campaigns/{id}`,
      inputs: campaignTweaks,
    }),
    listCampaignCategories: listAction({
      label: "List Campaign Categories",
      description: "Retrieve the campaign categories",
      operation: `GET ${MARKETING}/categories`,
      examplePayload: exampleOf(`GET ${MARKETING}/categories`),
    }),
    getCampaignCategory: derivedAction({
      label: "Get Campaign Category",
      description: "Retrieve a campaign category by ID",
      operation: `GET ${MARKETING}/categories/{id}`,
    }),
    createCampaignCategory: derivedAction({
      label: "Create Campaign Category",
      description: "Create a campaign category; answers its id",
      operation: `POST ${MARKETING}/categories`,
      inputs: { name: { comments: "The category's name.", example: "Direct Mail" } },
    }),
    updateCampaignCategory: derivedAction({
      label: "Update Campaign Category",
      description: "Rename a campaign category or (de)activate it",
      operation: `PATCH ${MARKETING}/categories/{id}`,
      inputs: {
        name: { comments: "The category's name (ServiceTitan requires it on every update).", example: "Direct Mail" },
        active: { comments: "False deactivates the category; True reactivates it." },
      },
    }),
    listCampaignCosts: listAction({
      label: "List Campaign Costs",
      description: "Retrieve campaigns' monthly costs (daily cost per campaign and month)",
      operation: `GET ${MARKETING}/costs`,
      filters: {
        year: integerInput({ label: "Year", min: 2000, max: 2100, comments: "Only costs of this year." }),
        month: integerInput({ label: "Month", min: 1, max: 12, comments: "Only costs of this month (1 = January … 12)." }),
      },
      examplePayload: exampleOf(`GET ${MARKETING}/costs`),
    }),
    getCampaignCost: derivedAction({
      label: "Get Campaign Cost",
      description: "Retrieve a campaign's cost for one month by ID",
      operation: `GET ${MARKETING}/costs/{id}`,
    }),
    createCampaignCost: derivedAction({
      label: "Create Campaign Cost",
      description: "Record what a campaign costs per day in one month",
      operation: `POST ${MARKETING}/costs`,
      inputs: { campaignId: { comments: "The campaign the cost is for." }, year: yearInput(), month: monthInput(), dailyCost },
    }),
    listCostsOfCampaign: listAction({
      label: "List Costs of Campaign",
      description: "Retrieve one campaign's monthly costs (its daily cost in each month), e.g. to total its spend",
      operation: `GET ${MARKETING}/campaigns/{id}/costs`,
      filters: {
        year: integerInput({ label: "Year", min: 2000, max: 2100, comments: "Only the campaign's costs of this year." }),
        month: integerInput({ label: "Month", min: 1, max: 12, comments: "Only the campaign's costs of this month (1 = January … 12)." }),
        sort: stringInput({
          label: "Sort",
          comments: "The order of the costs: +Id or -Id (when recorded), +Date or -Date (by year and month, -Date: newest month first).",
        }),
      },
      subject: (v) => `Campaign ${v.id}`,
      examplePayload: exampleOf(`GET ${MARKETING}/campaigns/{id}/costs`),
    }),
    getCampaignCostSummary: derivedAction({
      label: "Get Campaign Cost Summary",
      description: "Retrieve what each campaign cost in total over a period (from the daily costs recorded per month)",
      operation: `GET ${MARKETING}/campaign-cost-summary`,
      inputs: periodTweaks("campaign costs"),
    }),
    getEmailChannelCost: derivedAction({
      label: "Get Email Channel Cost",
      description: "Retrieve the total cost of ServiceTitan's e-mail marketing channel over a period",
      operation: `GET ${MARKETING}/email-channel-cost`,
      inputs: periodTweaks("e-mail marketing costs"),
    }),
    updateCampaignCost: derivedAction({
      label: "Update Campaign Cost",
      description: "Change a campaign's daily cost for one month",
      operation: `PATCH ${MARKETING}/costs/{id}`,
      inputs: { dailyCost },
    }),
  },
  dataSources: {
    selectCampaign: namedPicklist<Schemas["Marketing.V2.CampaignResponse"]>({
      label: "Select Campaign",
      description: "Select an active marketing campaign from a dropdown menu (up to 10,000 campaigns)",
      operation: `GET ${MARKETING}/campaigns`,
      query: { active: "True", sort: "-Id" }, // past the cap, the newest campaigns survive
      example: [
        { key: "2", label: "Google Ads (ID: 2)" },
        { key: "1", label: "Spring AC Tune-Up Mailer (ID: 1)" },
      ],
    }),
    selectCampaignCategory: namedPicklist<Schemas["Marketing.V2.CampaignCategoryResponse"]>({
      label: "Select Campaign Category",
      description: "Select a campaign category from a dropdown menu (up to 10,000 categories)",
      operation: `GET ${MARKETING}/categories`,
      example: [{ key: "1", label: "Direct Mail (ID: 1)" }],
    }),
    selectCampaignCost: picklist<Cost>({
      label: "Select Campaign Cost",
      description: "Select a campaign's monthly cost from a dropdown menu (newest months first)",
      operation: `GET ${MARKETING}/costs`,
      query: { sort: "-Id" },
      params: {
        campaignId: inQuery(
          idInput({
            label: "Campaign ID",
            dataSource: "selectCampaign",
            comments: "Only this campaign's costs (empty: every campaign's).",
          }),
        ),
      },
      option: (cost) => ({
        key: String(cost.id),
        label: `Campaign ${cost.campaignId}, ${cost.year}-${String(cost.month).padStart(2, "0")}: ${cost.dailyCost} a day (ID: ${cost.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Campaign 5, 2025-03: 45.5 a day (ID: 1)" }],
    }),
  },
};
