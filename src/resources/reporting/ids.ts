import type { IdVocabulary } from "../../kit/ids";

/** Reporting ids (see kit/ids.ts). Report categories are text ids ("accounting", "operations" …), not numbers. */
export const reportingIds: IdVocabulary = {
  reportId: {
    label: "Report ID",
    dataSource: "selectReport",
    comments: "The report's id within its category: choose the Report Category first, then the report.",
  },
};
