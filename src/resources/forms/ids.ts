import type { IdVocabulary } from "../../kit/ids";

/** Forms ids (see kit/ids.ts). */
export const formsIds: IdVocabulary = {
  formId: { label: "Form ID", dataSource: "selectForm", comments: "A form (Settings → Forms)." },
};
