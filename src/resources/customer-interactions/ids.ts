import type { IdVocabulary } from "../../kit/ids";

/** Customer Interactions ids (see kit/ids.ts). */
export const customerInteractionsIds: IdVocabulary = {};
