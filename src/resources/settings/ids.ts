import type { IdVocabulary } from "../../kit/ids";

/** Settings ids: people, business units, tags, roles. */
export const settingsIds: IdVocabulary = {
  technicianId: {
    label: "Technician ID",
    dataSource: "selectTechnician",
    comments: "Pick a technician or map their id from a previous step.",
  },
  businessUnitId: {
    label: "Business Unit ID",
    dataSource: "selectBusinessUnit",
    comments: "The business unit (Settings → Business Units).",
  },
  tagTypeId: { label: "Tag Type ID", dataSource: "selectTagType", comments: "A tag (Settings → Tags)." },
  roleId: { label: "Role ID", dataSource: "selectUserRole", comments: "A user role (Settings → User Roles)." },
  employeeId: {
    label: "Employee ID",
    dataSource: "selectEmployee",
    comments: "An office employee (Settings → Employees; technicians are separate): pick one or map their id.",
  },
};
