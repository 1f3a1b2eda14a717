import type { IdVocabulary } from "../../kit/ids";

/**
 * Pricebook ids (see kit/ids.ts). Pricebook equipment, categories and discounts/fees are labelled where they are used
 * (their path `{id}` would read "equipmentId"/"categoryId", names other modules use for installed equipment and
 * campaign categories).
 */
export const pricebookIds: IdVocabulary = {
  serviceId: { label: "Service ID", dataSource: "selectService", comments: "A pricebook service (Pricebook → Services)." },
  materialId: { label: "Material ID", dataSource: "selectMaterial", comments: "A pricebook material (Pricebook → Materials)." },
  rateSheetId: {
    label: "Rate Sheet ID",
    dataSource: "selectRateSheet",
    comments: "A client-specific pricing rate sheet (Pricebook → Client Specific Pricing).",
  },
  costTypeId: {
    label: "Cost Type ID",
    dataSource: "selectMaterialCostType",
    comments: "The cost type of an other direct cost material (List Material Cost Types).",
  },
};
