import type { IdVocabulary } from "../../kit/ids";

/** Sales & Estimates ids (see kit/ids.ts). */
export const salesIds: IdVocabulary = {};
