import type { IdVocabulary } from "../../kit/ids";

/** Dispatch ids (see kit/ids.ts). */
export const dispatchIds: IdVocabulary = {
  zoneId: { label: "Zone ID", dataSource: "selectZone", comments: "A dispatch zone (Settings → Zones)." },
  teamId: { label: "Team ID", dataSource: "selectTeam", comments: "A dispatch team (Settings → Teams)." },
  arrivalWindowId: {
    label: "Arrival Window ID",
    dataSource: "selectArrivalWindow",
    comments: "An arrival window offered to customers (Settings → Arrival Windows).",
  },
  technicianShiftId: {
    label: "Technician Shift ID",
    dataSource: "selectTechnicianShift",
    comments: "A technician's shift: pick one or map its id from a previous step.",
  },
  nonJobAppointmentId: {
    label: "Non-Job Appointment ID",
    dataSource: "selectNonJobAppointment",
    comments: "A technician's non-job appointment (meeting, training, time off …): pick one or map its id.",
  },
  skillId: {
    label: "Skill ID",
    dataSource: "selectTechnicianSkill",
    comments: "A technician skill (Settings → Technician Skills).",
  },
};
