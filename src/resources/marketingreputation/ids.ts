import type { IdVocabulary } from "../../kit/ids";

/**
 * Marketing Reputation ids (see kit/ids.ts): none of its own. Its review filters name locations, technicians and
 * campaigns (CRM, Settings, Marketing ids); a review's internalId is no record any operation lists.
 */
export const marketingreputationIds: IdVocabulary = {};
