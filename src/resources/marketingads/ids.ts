import type { IdVocabulary } from "../../kit/ids";

/** Marketing Ads ids (see kit/ids.ts). */
export const marketingadsIds: IdVocabulary = {};
