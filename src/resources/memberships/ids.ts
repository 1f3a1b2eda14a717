import type { IdVocabulary } from "../../kit/ids";

/** Memberships ids (see kit/ids.ts). */
export const membershipsIds: IdVocabulary = {};
