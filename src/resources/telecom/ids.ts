import type { IdVocabulary } from "../../kit/ids";

/** Telecom ids: calls. */
export const telecomIds: IdVocabulary = {
  callId: { label: "Call ID", dataSource: "selectCall", comments: "A call (from List Calls or a webhook): pick one or map its id." },
};
