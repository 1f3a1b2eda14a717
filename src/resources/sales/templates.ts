import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { InputTweak, Param, ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, namedPicklist, responsePicklist, type Values } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/sales";
import { InputError } from "../../client/errors";
import { idInput, refinedInput, rulesJsonInput, specEnum, specFields } from "../../inputs";

type Schemas = components["schemas"];

const SALES = "/sales/v2/tenant/{tenant}";

const SKU_TYPES = specEnum<Schemas["Pricebook.Types.SkuType"]>()("Service", "Material", "Equipment", "PriceModifier");

/** An estimate template's items: pricebook SKUs with their quantity (and price, on a Static template). */
const templateItemsInput = (required: boolean) =>
  inBody(
    rulesJsonInput(
      {
        label: "Items",
        required,
        shape: "array",
        comments:
          `The template's items as a JSON array of { skuId, skuType: ${SKU_TYPES.join("|")}, quantity, isAddOn, unitPrice?, description?, … }: skuId is the pricebook service, material or equipment (Pricebook → Services / Materials / Equipment). unitPrice is required on a Static template; a Dynamic one prices from the pricebook.` +
          (required ? "" : " Given, it replaces all the template's items (to change one, give its id); empty: the items stay as they are."),
        example: JSON.stringify(
          [
            { skuId: 400003, skuType: "Service", quantity: 1, isAddOn: false },
            { skuId: 410001, skuType: "Material", quantity: 2, isAddOn: true, unitPrice: 24.5 },
          ],
          null,
          2,
        ),
      },
      {
        fields: specFields<Schemas["Estimates.V2.EstimateTemplateItemRequest"]>()(
          "id",
          "skuId",
          "skuType",
          "description",
          "quantity",
          "unitPrice",
          "isAddOn",
          "chargeable",
          "allowDiscounts",
          "unitCost",
          "memo",
          "parentItemId",
          "itemGroupParentId",
          "itemGroupName",
          "projectLabels",
        ),
        required: ["skuId", "skuType", "quantity", "isAddOn"],
        integers: ["id", "skuId", "parentItemId", "itemGroupParentId"],
        numbers: ["quantity", "unitPrice", "unitCost"],
        enums: { skuType: SKU_TYPES },
      },
    ),
  );

/** A Static template's prices are its own: every item needs its unit price (ServiceTitan refuses it otherwise). */
const staticItemsPriced = (values: Values, placed: Values | undefined) => {
  const items = values.items as Array<Record<string, unknown>> | undefined;
  if (values.mode === "Static" && items) {
    const unpriced = items.findIndex((item) => item.unitPrice === undefined || item.unitPrice === null);
    if (unpriced >= 0) throw new InputError("Items", `item ${unpriced + 1} has no unitPrice, which a Static template needs.`);
  }
  return placed ?? {};
};

const estimateTemplateTweaks = (update: boolean): Record<string, InputTweak | Param> => {
  const unchanged = update ? " Empty: unchanged." : "";
  return {
    name: { example: "AC Tune-Up – Standard", comments: `The template's name as technicians and customers see it.${unchanged}` },
    internalName: {
      label: "Internal Name",
      example: "AC-TUNE-STD",
      comments: `The template's name for your office only (e.g. a code), shown in Settings → Estimate Templates.${unchanged}`,
    },
    summary: {
      comments: `The summary estimates built from the template start with (HTML allowed).${update ? " Empty: unchanged (once set, it cannot be cleared)." : ""}`,
    },
    mode: {
      comments: `Dynamic: item prices follow the pricebook; Static: the template keeps its own prices (each item needs unitPrice).${unchanged}`,
    },
    active: {
      comments: update
        ? "True reactivates a deactivated template; False deactivates it. Empty: unchanged."
        : "False creates the template inactive (technicians cannot pick it). Empty: active.",
    },
    businessUnitId: {
      comments: `The business unit the template belongs to (Settings → Business Units); empty: every business unit.${update ? " Empty: unchanged (once set, it cannot be cleared)." : ""}`,
    },
    items: templateItemsInput(!update),
  };
};

const PROPOSAL_STATUSES_NOTE = "Publish: technicians can use it; Draft: still being prepared.";

/** Which estimate template each option of the proposal type (e.g. Good, Better, Best) shows. */
const assignmentsInput = (required: boolean): InputFieldDefinition => {
  const label = "Estimate Assignments";
  const base = rulesJsonInput(
    {
      label,
      required,
      shape: "array",
      comments:
        "Which estimate template each option of the proposal type shows, as a JSON array of { proposalTypeOptionId, estimateTemplateId, order }: the option ids are the options of the proposal type (List Proposal Types), the estimate templates those of Select Estimate Template; each option at most once." +
        (required ? "" : " Given, it replaces all assignments ([] removes them all); empty: unchanged."),
      example: JSON.stringify(
        [
          { proposalTypeOptionId: 209001, estimateTemplateId: 206001, order: 1 },
          { proposalTypeOptionId: 209002, estimateTemplateId: 206002, order: 2 },
        ],
        null,
        2,
      ),
    },
    {
      fields: specFields<Schemas["Estimates.V2.ProposalTemplateAssignmentRequest"]>()(
        "proposalTypeOptionId",
        "estimateTemplateId",
        "order",
      ),
      required: ["proposalTypeOptionId", "estimateTemplateId", "order"],
      integers: ["proposalTypeOptionId", "estimateTemplateId", "order"],
    },
  );
  return refinedInput(base, (list: Array<{ proposalTypeOptionId: number }>) => {
    const seen = new Set<number>();
    for (const [i, item] of list.entries()) {
      if (seen.has(item.proposalTypeOptionId))
        throw new InputError(
          label,
          `item ${i + 1} assigns option ${item.proposalTypeOptionId} again; each option takes one estimate template.`,
        );
      seen.add(item.proposalTypeOptionId);
    }
    return list;
  });
};

const proposalTemplateTweaks = (update: boolean): Record<string, InputTweak | Param> => {
  const unchanged = update ? " Empty: unchanged." : "";
  return {
    name: { example: "System Replacement – Good/Better/Best", comments: `The proposal template's name.${unchanged}` },
    description: {
      comments: `What the proposal offers, for your team.${update ? " Empty: unchanged (once set, it cannot be cleared)." : ""}`,
    },
    proposalTypeId: {
      comments: `The proposal type (e.g. Good / Better / Best) whose options the template fills (List Proposal Types).${unchanged}`,
    },
    status: { comments: `${PROPOSAL_STATUSES_NOTE}${update ? unchanged : " Empty: ServiceTitan's default."}` },
    active: {
      comments: update
        ? "True reactivates a deactivated template; False deactivates it. Empty: unchanged."
        : "False creates the template inactive. Empty: active.",
    },
    businessUnitIds: {
      comments: `The business units that can use the template (Settings → Business Units); empty: ${update ? "unchanged. Given, they replace the current ones." : "every business unit."}`,
    },
    estimateAssignments: inBody(assignmentsInput(!update)),
  };
};

/** Estimate templates (prebuilt estimates: items and prices) and proposal templates (sets of estimate templates). */
export const templates: ResourceModule = {
  actions: {
    listEstimateTemplates: listAction({
      label: "List Estimate Templates",
      description: "Retrieve estimate templates (prebuilt estimates with their items and prices)",
      operation: "GET /sales/v2/tenant/{tenant}/estimate-templates",
      examplePayload: exampleOf("GET /sales/v2/tenant/{tenant}/estimate-templates"),
    }),
    getEstimateTemplate: derivedAction({
      label: "Get Estimate Template",
      description: "Retrieve an estimate template by ID, with its items",
      operation: "GET /sales/v2/tenant/{tenant}/estimate-templates/{id}",
    }),
    createEstimateTemplate: derivedAction({
      label: "Create Estimate Template",
      description: "Create an estimate template (a prebuilt estimate technicians start from) with its pricebook items",
      operation: `POST ${SALES}/estimate-templates`,
      inputs: estimateTemplateTweaks(false),
      body: staticItemsPriced,
    }),
    updateEstimateTemplate: derivedAction({
      label: "Update Estimate Template",
      description: "Change an estimate template's names, summary, pricing mode, business unit or items, or (re)activate it",
      operation: `PATCH ${SALES}/estimate-templates/{id}`,
      inputs: { id: { comments: "The estimate template to change: pick one or map its id." }, ...estimateTemplateTweaks(true) },
      body: staticItemsPriced,
    }),
    deactivateEstimateTemplate: derivedAction({
      label: "Deactivate Estimate Template",
      description:
        "Deactivate an estimate template: it is kept but no longer offered (Update Estimate Template with Active = True brings it back)",
      operation: `DELETE ${SALES}/estimate-templates/{id}`,
      inputs: { id: { comments: "The estimate template to deactivate: pick one or map its id." } },
      examplePayload: { data: {} },
    }),
    listProposalTemplates: listAction({
      label: "List Proposal Templates",
      description: "Retrieve proposal templates (the estimate templates offered together as good/better/best options)",
      operation: "GET /sales/v2/tenant/{tenant}/proposal-templates",
      filters: {
        proposalTypeId: idInput({
          label: "Proposal Type ID",
          dataSource: "selectProposalType",
          comments: "Only templates of this proposal type.",
        }),
      },
      examplePayload: exampleOf("GET /sales/v2/tenant/{tenant}/proposal-templates"),
    }),
    getProposalTemplate: derivedAction({
      label: "Get Proposal Template",
      description: "Retrieve a proposal template by ID, with its estimate template assignments",
      operation: "GET /sales/v2/tenant/{tenant}/proposal-templates/{id}",
    }),
    createProposalTemplate: derivedAction({
      label: "Create Proposal Template",
      description:
        "Create a proposal template: a proposal type (e.g. Good / Better / Best) with the estimate template each of its options shows",
      operation: `POST ${SALES}/proposal-templates`,
      inputs: proposalTemplateTweaks(false),
    }),
    updateProposalTemplate: derivedAction({
      label: "Update Proposal Template",
      description:
        "Change a proposal template's name, description, proposal type, status, business units or estimate assignments, or (re)activate it",
      operation: `PATCH ${SALES}/proposal-templates/{id}`,
      inputs: { id: { comments: "The proposal template to change: pick one or map its id." }, ...proposalTemplateTweaks(true) },
    }),
    deactivateProposalTemplate: derivedAction({
      label: "Deactivate Proposal Template",
      description:
        "Deactivate a proposal template: it is kept but no longer offered (Update Proposal Template with Active = True brings it back)",
      operation: `DELETE ${SALES}/proposal-templates/{id}`,
      inputs: { id: { comments: "The proposal template to deactivate: pick one or map its id." } },
      examplePayload: { data: {} },
    }),
    listProposalTypes: derivedAction({
      label: "List Proposal Types",
      description: "Retrieve the proposal types and their options (e.g. Good, Better, Best)",
      operation: "GET /sales/v2/tenant/{tenant}/proposal-types",
      inputs: { active: { comments: "True (the default): active proposal types only; Any: all; False: inactive ones." } },
    }),
  },
  dataSources: {
    selectEstimateTemplate: namedPicklist<Schemas["Estimates.V2.EstimateTemplateResponse"]>({
      label: "Select Estimate Template",
      description: "Select an active estimate template from a dropdown menu (up to 10,000 templates)",
      operation: "GET /sales/v2/tenant/{tenant}/estimate-templates",
      example: [{ key: "1", label: "AC Tune-Up – Standard (ID: 1)" }],
    }),
    selectProposalTemplate: namedPicklist<Schemas["Estimates.V2.ProposalTemplateResponse"]>({
      label: "Select Proposal Template",
      description: "Select an active proposal template from a dropdown menu (up to 10,000 templates)",
      operation: "GET /sales/v2/tenant/{tenant}/proposal-templates",
      example: [{ key: "1", label: "System Replacement – Good/Better/Best (ID: 1)" }],
    }),
    selectProposalType: responsePicklist<Schemas["Estimates.V2.ProposalTypesResponse"]>({
      label: "Select Proposal Type",
      description: "Select an active proposal type from a dropdown menu",
      operation: "GET /sales/v2/tenant/{tenant}/proposal-types",
      options: (response) => (response.data ?? []).map((type) => ({ key: String(type.id), label: `${type.name} (ID: ${type.id})` })),
      example: [{ key: "1", label: "Good / Better / Best (ID: 1)" }],
    }),
  },
};
