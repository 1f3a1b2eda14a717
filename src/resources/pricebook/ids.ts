import type { IdVocabulary } from "../../kit/ids";

/** Pricebook ids (see kit/ids.ts). */
export const pricebookIds: IdVocabulary = {};
