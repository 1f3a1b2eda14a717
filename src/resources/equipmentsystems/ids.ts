import type { IdVocabulary } from "../../kit/ids";

/** Equipment Systems ids. */
export const equipmentsystemsIds: IdVocabulary = {
  installedEquipmentId: {
    label: "Installed Equipment ID",
    dataSource: "selectInstalledEquipment",
    comments: "Pick an installed equipment record or map its id from a previous step.",
  },
  equipmentTypeId: {
    label: "Equipment Type ID",
    dataSource: "selectEquipmentType",
    comments: "An equipment type (e.g. Furnace, Heat Pump): pick one or map its id from List Equipment Types.",
  },
};
