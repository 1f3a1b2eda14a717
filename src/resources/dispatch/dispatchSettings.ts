import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, namedPicklist, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/dispatch";

type Schemas = components["schemas"];
type ArrivalWindow = Schemas["Dispatch.V2.ArrivalWindowResponse"];
type Skill = Schemas["Dispatch.V2.TechnicianSkillResponse"];

/** "08:00:00" + "04:00:00" → "08:00–12:00". */
const windowLabel = (window: ArrivalWindow) => {
  const minutes = (span: string) => {
    const [h = "0", m = "0"] = String(span)
      .replace(/^\d+\./, "")
      .split(":");
    return Number(h) * 60 + Number(m);
  };
  const clock = (total: number) => `${String(Math.floor(total / 60) % 24).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  const start = minutes(window.start);
  return Number.isFinite(start) ? `${clock(start)}–${clock(start + minutes(window.duration))}` : String(window.start);
};

/** The dispatch settings booking and dispatch tools read: zones, teams, arrival windows, business hours, skills. */
export const dispatchSettings: ResourceModule = {
  actions: {
    listZones: listAction({
      label: "List Zones",
      description: "Retrieve dispatch zones (the areas technicians serve, by zip code, city or territory)",
      operation: "GET /dispatch/v2/tenant/{tenant}/zones",
      examplePayload: exampleOf("GET /dispatch/v2/tenant/{tenant}/zones"),
    }),
    getZone: derivedAction({
      label: "Get Zone",
      description: "Retrieve a dispatch zone by ID, with its zip codes, cities, business units and technicians",
      operation: "GET /dispatch/v2/tenant/{tenant}/zones/{id}",
    }),
    listTeams: listAction({
      label: "List Teams",
      description: "Retrieve dispatch teams",
      operation: "GET /dispatch/v2/tenant/{tenant}/teams",
      examplePayload: exampleOf("GET /dispatch/v2/tenant/{tenant}/teams"),
    }),
    getTeam: derivedAction({
      label: "Get Team",
      description: "Retrieve a dispatch team by ID",
      operation: "GET /dispatch/v2/tenant/{tenant}/teams/{id}",
    }),
    listArrivalWindows: listAction({
      label: "List Arrival Windows",
      description: "Retrieve the arrival windows offered to customers (start time and length, per business unit)",
      operation: "GET /dispatch/v2/tenant/{tenant}/arrival-windows",
      examplePayload: exampleOf("GET /dispatch/v2/tenant/{tenant}/arrival-windows"),
    }),
    getArrivalWindow: derivedAction({
      label: "Get Arrival Window",
      description: "Retrieve an arrival window by ID",
      operation: "GET /dispatch/v2/tenant/{tenant}/arrival-windows/{id}",
    }),
    getBusinessHours: derivedAction({
      label: "Get Business Hours",
      description: "Retrieve the business hours (weekdays, Saturday and Sunday time ranges, in hours of the day)",
      operation: "GET /dispatch/v2/tenant/{tenant}/business-hours",
    }),
    listTechnicianSkills: listAction({
      label: "List Technician Skills",
      description: "Retrieve technician skills, e.g. those of one technician",
      operation: "GET /dispatch/v2/tenant/{tenant}/technician-skills",
      examplePayload: exampleOf("GET /dispatch/v2/tenant/{tenant}/technician-skills"),
    }),
    assignTechnicianSkills: derivedAction({
      label: "Assign Technician Skills",
      description: "Give a technician skills, added to theirs or replacing them; answers the technician's skills",
      operation: "PATCH /dispatch/v2/tenant/{tenant}/technician-skills",
      inputs: {
        technicianId: { comments: "The technician receiving the skills." },
        skillIds: { label: "Skill IDs", comments: "The skills to assign, one id per entry." },
        replaceExistingSkills: { comments: "True: the technician has exactly these skills afterwards; False: they are added." },
      },
    }),
  },
  dataSources: {
    selectZone: namedPicklist<Schemas["Dispatch.V2.ZoneResponse"] & { id: number }>({
      label: "Select Zone",
      description: "Select an active dispatch zone from a dropdown menu (up to 10,000 zones)",
      operation: "GET /dispatch/v2/tenant/{tenant}/zones",
      example: [{ key: "1", label: "North Phoenix (ID: 1)" }],
    }),
    selectTeam: namedPicklist<Schemas["Dispatch.V2.TeamResponse"]>({
      label: "Select Team",
      description: "Select an active dispatch team from a dropdown menu (up to 10,000 teams)",
      operation: "GET /dispatch/v2/tenant/{tenant}/teams",
      example: [{ key: "1", label: "HVAC Install Crew (ID: 1)" }],
    }),
    selectArrivalWindow: picklist<ArrivalWindow>({
      label: "Select Arrival Window",
      description: "Select an active arrival window from a dropdown menu, by time of day",
      operation: "GET /dispatch/v2/tenant/{tenant}/arrival-windows",
      option: (window) => ({ key: String(window.id), label: `${windowLabel(window)} (ID: ${window.id})` }),
      order: "label",
      example: [{ key: "1", label: "08:00–12:00 (ID: 1)" }],
    }),
    selectTechnicianSkill: picklist<Skill & { id: string }>({
      label: "Select Technician Skill",
      description: "Select an active technician skill from a dropdown menu (up to 10,000 skills)",
      operation: "GET /dispatch/v2/tenant/{tenant}/technician-skills",
      option: (skill) => ({ key: String(skill.id), label: `${skill.name?.trim() || "Skill"} (ID: ${skill.id})` }),
      order: "label",
      example: [{ key: "1", label: "EPA 608 Certified (ID: 1)" }],
    }),
  },
};
