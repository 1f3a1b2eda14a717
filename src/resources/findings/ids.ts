import type { IdVocabulary } from "../../kit/ids";

/** Findings ids (see kit/ids.ts). */
export const findingsIds: IdVocabulary = {};
