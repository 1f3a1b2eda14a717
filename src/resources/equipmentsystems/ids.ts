import type { IdVocabulary } from "../../kit/ids";

/** Equipment Systems ids. */
export const equipmentsystemsIds: IdVocabulary = {
  installedEquipmentId: {
    label: "Installed Equipment ID",
    dataSource: "selectInstalledEquipment",
    comments: "Pick an installed equipment record or map its id from a previous step.",
  },
};
