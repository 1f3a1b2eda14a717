import type { IdVocabulary } from "../../kit/ids";

/** Findings ids (see kit/ids.ts): findings at customer locations, and the job a finding was discovered on. */
export const findingsIds: IdVocabulary = {
  // The path {id} of /location-findings/{id}.
  locationFindingId: {
    label: "Finding ID",
    dataSource: "selectLocationFinding",
    comments:
      "A finding (an issue recorded at a customer location): pick one or map its id from List Location Findings or Create Location Finding.",
  },
  sourceJobId: {
    label: "Source Job ID",
    dataSource: "selectJob",
    comments: "The job during which the finding was discovered: pick one or map its id from a previous step.",
  },
};
