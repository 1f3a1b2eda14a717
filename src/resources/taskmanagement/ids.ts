import type { IdVocabulary } from "../../kit/ids";

/** Task Management ids (see kit/ids.ts). */
export const taskmanagementIds: IdVocabulary = {};
