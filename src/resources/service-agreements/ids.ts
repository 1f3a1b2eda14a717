import type { IdVocabulary } from "../../kit/ids";

/** Service Agreements ids (see kit/ids.ts). */
export const serviceAgreementsIds: IdVocabulary = {
  serviceAgreementId: {
    label: "Service Agreement ID",
    dataSource: "selectServiceAgreement",
    comments: "A service agreement (commercial maintenance contract): pick one or map its id from a previous step.",
  },
};
