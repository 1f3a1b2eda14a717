import type { IdVocabulary } from "../../kit/ids";

/** Service Agreements ids (see kit/ids.ts). */
export const serviceAgreementsIds: IdVocabulary = {};
