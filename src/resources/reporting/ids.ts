import type { IdVocabulary } from "../../kit/ids";

/** Reporting ids (see kit/ids.ts). */
export const reportingIds: IdVocabulary = {};
