import type { IdVocabulary } from "../../kit/ids";

/** Timesheets ids (see kit/ids.ts). */
export const timesheetsIds: IdVocabulary = {};
