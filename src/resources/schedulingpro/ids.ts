import type { IdVocabulary } from "../../kit/ids";

/**
 * Scheduling Pro ids (see kit/ids.ts): none in the vocabulary, which holds integer and GUID ids. Schedulers, routers
 * and sessions have text ids; the scheduler id inputs offer the Select Scheduler dropdown (schedulers.ts).
 */
export const schedulingproIds: IdVocabulary = {};
