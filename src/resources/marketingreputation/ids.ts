import type { IdVocabulary } from "../../kit/ids";

/** Marketing Reputation ids (see kit/ids.ts). */
export const marketingreputationIds: IdVocabulary = {};
