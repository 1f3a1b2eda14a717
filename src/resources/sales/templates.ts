import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, namedPicklist, responsePicklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/sales";
import { idInput } from "../../inputs";

type Schemas = components["schemas"];

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
