import type { IdVocabulary } from "../../kit/ids";

/** Telecom ids (see kit/ids.ts). */
export const telecomIds: IdVocabulary = {};
