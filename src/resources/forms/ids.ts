import type { IdVocabulary } from "../../kit/ids";

/** Forms ids (see kit/ids.ts). */
export const formsIds: IdVocabulary = {};
