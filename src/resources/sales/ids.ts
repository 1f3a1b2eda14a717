import type { IdVocabulary } from "../../kit/ids";

/** Sales & Estimates ids (see kit/ids.ts). */
export const salesIds: IdVocabulary = {
  estimateId: {
    label: "Estimate ID",
    dataSource: "selectEstimate",
    comments: "Pick an estimate or map its id from a previous step (a job's estimateIds, an estimate export).",
  },
  estimateTemplateId: {
    label: "Estimate Template ID",
    dataSource: "selectEstimateTemplate",
    comments: "An estimate template (Settings → Estimate Templates).",
  },
  proposalTemplateId: {
    label: "Proposal Template ID",
    dataSource: "selectProposalTemplate",
    comments: "A proposal template (Settings → Proposal Templates).",
  },
  proposalTypeId: {
    label: "Proposal Type ID",
    dataSource: "selectProposalType",
    comments: "A proposal type (the kinds of proposals the tenant builds from estimates).",
  },
};
