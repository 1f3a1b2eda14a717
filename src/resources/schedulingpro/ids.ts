import type { IdVocabulary } from "../../kit/ids";

/** Scheduling Pro ids (see kit/ids.ts). */
export const schedulingproIds: IdVocabulary = {};
