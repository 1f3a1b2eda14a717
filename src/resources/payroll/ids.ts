import type { IdVocabulary } from "../../kit/ids";

/** Payroll ids (see kit/ids.ts). */
export const payrollIds: IdVocabulary = {};
