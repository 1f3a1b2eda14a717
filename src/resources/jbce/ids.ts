import type { IdVocabulary } from "../../kit/ids";

/** Job Booking ids (see kit/ids.ts). */
export const jbceIds: IdVocabulary = {};
