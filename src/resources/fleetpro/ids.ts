import type { IdVocabulary } from "../../kit/ids";

/** Fleet Pro ids (see kit/ids.ts). */
export const fleetproIds: IdVocabulary = {};
