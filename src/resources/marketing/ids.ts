import type { IdVocabulary } from "../../kit/ids";

/** Marketing ids (see kit/ids.ts). */
export const marketingIds: IdVocabulary = {};
