import type { IdVocabulary } from "../../kit/ids";

/** Dispatch ids (see kit/ids.ts). */
export const dispatchIds: IdVocabulary = {};
