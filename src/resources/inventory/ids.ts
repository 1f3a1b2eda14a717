import type { IdVocabulary } from "../../kit/ids";

/** Inventory ids (see kit/ids.ts). */
export const inventoryIds: IdVocabulary = {};
