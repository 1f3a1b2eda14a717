import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { input } from "@prismatic-io/spectral";
import type { OperationKey } from "../../client";
import { InputError } from "../../client/errors";
import { exampleWith } from "../../examples";
import type { components } from "../../generated/types/dispatch";
import { refinedInput, rulesJsonInput, specFields, stringInput, toBoolean, toDateTime, toInteger } from "../../inputs";
import type { InputTweak, ResourceModule } from "../../kit";
import { derivedAction, inBody, inPath } from "../../kit";
import { timeSpanInput } from "./timeSpan";

type Schemas = components["schemas"];

const BASE = "/dispatch/v2/tenant/{tenant}";
const SKILL: OperationKey = `GET ${BASE}/technician-skills/{id}`;
const CONFIGURATION = `${BASE}/arrival-windows/configuration` as const;

// ---- zones ---------------------------------------------------------------------------------------------------------

/** What a builder enters for a zone, on create and update (lists replace the zone's list when entered). */
const zoneTweaks = (update: boolean): Record<string, InputTweak> => {
  const unchanged = update ? " Empty: unchanged; entered: replaces the zone's list." : "";
  return {
    name: {
      required: !update,
      example: "North Phoenix",
      comments: `The zone's name, as dispatchers and the booking screen show it.${update ? " Empty: unchanged." : ""}`,
    },
    zips: { label: "Zip Codes", comments: `The zip codes the zone covers, one per entry (e.g. 85020).${unchanged}` },
    cities: { comments: `The cities the zone covers, one per entry (e.g. Phoenix).${unchanged}` },
    territoryNumbers: { comments: `The territory numbers the zone covers, one per entry.${unchanged}` },
    locnNumbers: { label: "LOCN Numbers", comments: `The LOCN numbers the zone covers, one per entry.${unchanged}` },
    serviceDaysEnabled: {
      comments: `True: the zone is served only on its service days (Service Day IDs).${update ? " Empty: unchanged." : ""}`,
    },
    businessUnits: {
      label: "Business Unit IDs",
      dataSource: "selectBusinessUnit",
      comments: `The business units that serve the zone (Settings → Business Units), one id per entry.${unchanged}`,
    },
  };
};

/** The zone's service days by ServiceTitan's day ids: whole numbers from 0 (toId would refuse a day numbered 0). */
const serviceDayIdsInput = (update: boolean) =>
  inBody(
    input({
      type: "string",
      collection: "valuelist",
      label: "Service Day IDs",
      required: false,
      example: "1",
      comments:
        "The days the zone is served on (with Service Days Enabled), by ServiceTitan's service day ids (whole numbers from 0), one per entry; Get Zone shows the zone's service days by name." +
        (update ? " Empty: unchanged; entered: replaces the zone's days." : ""),
      clean: (value: unknown) => {
        const items = (Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(","))
          .map((item) => String(item).trim())
          .filter(Boolean);
        if (!items.length) return undefined;
        return items.map((item) => {
          const day = toInteger("Service Day IDs", item, "a service day id such as 1");
          if (day < 0) throw new InputError("Service Day IDs", `${day} is not a service day id; ids are whole numbers from 0 up.`);
          return day;
        });
      },
    }) as InputFieldDefinition,
    "serviceDaysIds",
  );

// ---- technician skills ---------------------------------------------------------------------------------------------

/** A technician skill's id is text: digits, or the association {technicianId}_{skillId} as ServiceTitan writes it. */
const technicianSkillIdInput = (comments: string) =>
  inPath(
    {
      ...input({
        type: "string",
        label: "Technician Skill ID",
        required: true,
        example: "1001_5",
        comments,
        clean: (value: unknown) => {
          const text = value === undefined || value === null ? "" : String(value).trim();
          if (!text) throw new InputError("Technician Skill ID", "is required but was empty.");
          if (!/^\d+(_\d+)?$/.test(text))
            throw new InputError(
              "Technician Skill ID",
              `"${text}" is not a technician skill id such as 1001_5 (the technician's id and the skill's, as List Technician Skills answers it).`,
            );
          return text;
        },
      }),
      dataSource: "selectTechnicianSkill",
    } as InputFieldDefinition,
    "id",
  );

// ---- arrival windows -----------------------------------------------------------------------------------------------

/** A time of day (hh:mm[:ss], under 24 hours): when an arrival window starts. */
const timeOfDayInput = () => {
  const base = timeSpanInput({
    label: "Start",
    required: true,
    example: "08:00:00",
    comments: "When the window starts, as a time of day hh:mm:ss in the tenant's time zone (e.g. 08:00:00).",
  });
  return inBody(
    refinedInput(base, (span: string, entered) => {
      const [hours] = span.split(":");
      if (span.includes(".") || Number(hours) > 23)
        throw new InputError("Start", `"${String(entered).trim()}" is not a time of day; expected 00:00:00 to 23:59:59 (e.g. 08:00:00).`);
      return span;
    }),
  );
};

const arrivalWindowTweaks = (): Record<string, InputTweak | ReturnType<typeof inBody>> => ({
  start: timeOfDayInput(),
  duration: inBody(
    timeSpanInput({
      label: "Duration",
      required: true,
      example: "04:00:00",
      comments: "How long the window lasts, as hh:mm:ss or a number of minutes (e.g. 04:00:00 or 240 for an 08:00–12:00 window).",
    }),
  ),
  businessUnitIds: { comments: "The business units that offer this window (Settings → Business Units), one id per entry." },
});

// ---- business hours ------------------------------------------------------------------------------------------------

const HOURS_FIELDS = specFields<Schemas["Dispatch.V2.TimeRange"]>()("fromHour", "toHour");

/** A day's opening hours: `[{ fromHour, toHour }]` in whole hours of the day (0–24), each range ending after it starts. */
const hoursInput = (key: "weekdays" | "saturday" | "sunday", label: string, example: string, comments: string) => {
  const base = rulesJsonInput(
    { label, shape: "array", required: true, example, comments },
    { fields: HOURS_FIELDS, required: ["fromHour", "toHour"], integers: ["fromHour", "toHour"] },
  );
  return inBody(
    refinedInput(base, (ranges: Array<{ fromHour: number; toHour: number }>) => {
      ranges.forEach(({ fromHour, toHour }, i) => {
        if (fromHour < 0 || toHour > 24 || toHour <= fromHour)
          throw new InputError(label, `item ${i + 1} must run from an hour 0–23 to a later hour up to 24 (got ${fromHour} to ${toHour}).`);
      });
      return ranges;
    }),
    key,
  );
};

// ---- GPS pings -----------------------------------------------------------------------------------------------------

const PING_FIELDS = specFields<Schemas["Dispatch.V2.GpsPingCreateRequest"]>()(
  "unitId",
  "unitName",
  "eventTime",
  "latitude",
  "longitude",
  "speed",
  "street",
  "city",
  "region",
  "postalCode",
  "message",
  "externalId",
  "isNew",
  "statusMessage",
);
/** Required by ServiceTitan but may be empty text when the provider does not know them. */
const PING_TEXTS = ["street", "city", "region", "postalCode", "message", "statusMessage"];
const PINGS = "GPS Pings";

const pingsInput = () => {
  const base = rulesJsonInput(
    {
      label: PINGS,
      shape: "array",
      required: true,
      example: JSON.stringify(
        [
          {
            unitId: "VAN-12",
            unitName: "Van 12",
            eventTime: "2025-03-04T15:04:05Z",
            latitude: 33.4942,
            longitude: -111.9261,
            speed: 32.5,
            street: "4821 E Indian School Rd",
            city: "Phoenix",
            region: "AZ",
            postalCode: "85018",
            message: "",
            externalId: "ping-000123",
            isNew: false,
            statusMessage: "Moving",
          },
        ],
        null,
        2,
      ),
      comments:
        'The location readings, as a JSON array of {unitId, unitName, eventTime (ISO 8601), latitude, longitude, speed, street, city, region, postalCode, message, externalId, isNew, statusMessage}: unitId/unitName name the vehicle or device, externalId is your unique id of the reading; street … statusMessage may be empty text ("") but must be present.',
    },
    {
      fields: PING_FIELDS,
      required: ["unitId", "unitName", "eventTime", "externalId", "isNew"],
      numbers: ["latitude", "longitude", "speed"],
    },
  );
  return inBody(
    refinedInput(base, (pings: Array<Record<string, unknown>>) => {
      if (!pings.length) throw new InputError(PINGS, "needs at least one ping.");
      return pings.map((ping, i) => {
        const where = `item ${i + 1}`;
        const missing = PING_TEXTS.filter((key) => ping[key] === undefined || ping[key] === null);
        if (missing.length)
          throw new InputError(PINGS, `${where} needs ${missing.map((key) => `"${key}"`).join(", ")} (empty text "" when unknown).`);
        const { latitude, longitude } = ping as { latitude?: number; longitude?: number };
        if (latitude != null && Math.abs(latitude) > 90)
          throw new InputError(PINGS, `${where}.latitude ${latitude} is not between -90 and 90.`);
        if (longitude != null && Math.abs(longitude) > 180)
          throw new InputError(PINGS, `${where}.longitude ${longitude} is not between -180 and 180.`);
        return {
          ...ping,
          ...Object.fromEntries(PING_TEXTS.map((key) => [key, String(ping[key])])),
          unitId: String(ping.unitId),
          externalId: String(ping.externalId),
          eventTime: toDateTime(`${PINGS} ${where}.eventTime`, ping.eventTime),
          isNew: toBoolean(`${PINGS} ${where}.isNew`, ping.isNew),
        };
      });
    }),
  );
};

/** The provider's key goes into the URL: letters, digits, "-", "_" and "." only. */
const gpsProviderInput = () => {
  const base = stringInput({
    label: "GPS Provider",
    required: true,
    example: "samsara",
    comments:
      "Your GPS provider's key as ServiceTitan registered it for your integration (given when the provider was set up with ServiceTitan; the API cannot list providers).",
  });
  return inPath(
    refinedInput(base, (provider: string) => {
      const text = String(provider).trim();
      if (!/^[\w.-]+$/.test(text))
        throw new InputError("GPS Provider", `"${text}" is not a provider key (letters, digits, "-", "_" or ".").`);
      return text;
    }),
    "gps_provider",
  );
};

/**
 * Dispatch setup: creating and removing zones, teams, technician skills and arrival windows, the business hours and
 * arrival window setting, a technician's tracking link for customers, and GPS pings from a GPS provider.
 */
export const dispatchSetup: ResourceModule = {
  actions: {
    createZone: derivedAction({
      label: "Create Zone",
      description: "Create a dispatch zone: the zip codes, cities or territories an area covers and the business units serving it",
      operation: `POST ${BASE}/zones`,
      inputs: { ...zoneTweaks(false), serviceDaysIds: serviceDayIdsInput(false) },
    }),
    updateZone: derivedAction({
      label: "Update Zone",
      description: "Rename a dispatch zone or change the zip codes, cities, territories, service days or business units it covers",
      operation: `PATCH ${BASE}/zones/{zoneId}`,
      inputs: {
        zoneId: { comments: "The zone to change: pick one or map its id from List Zones." },
        ...zoneTweaks(true),
        serviceDaysIds: serviceDayIdsInput(true),
      },
    }),
    deleteZone: derivedAction({
      label: "Delete Zone",
      description: "Delete a dispatch zone",
      operation: `DELETE ${BASE}/zones/{zoneId}`,
      inputs: { zoneId: { comments: "The zone to delete: pick one or map its id from List Zones." } },
      examplePayload: { data: {} },
    }),
    createTeam: derivedAction({
      label: "Create Team",
      description: "Create a dispatch team (a group of technicians dispatchers see together on the dispatch board)",
      operation: `POST ${BASE}/teams`,
      inputs: {
        name: { required: true, example: "HVAC Install Crew", comments: "The team's name, as the dispatch board shows it." },
        active: { comments: "True: the team is in use; False: it is created inactive." },
      },
    }),
    deleteTeam: derivedAction({
      label: "Delete Team",
      description: "Delete a dispatch team",
      operation: `DELETE ${BASE}/teams/{id}`,
      inputs: { id: { comments: "The team to delete: pick one or map its id from List Teams." } },
      examplePayload: { data: {} },
    }),
    getTechnicianSkill: derivedAction({
      label: "Get Technician Skill",
      description: "Retrieve a technician skill (a skill held by one technician) by ID",
      operation: SKILL,
      inputs: {
        id: technicianSkillIdInput("The technician skill to read: pick one or map its id from List Technician Skills."),
      },
      subject: (v) => `Technician skill ${v.id}`,
    }),
    createTechnicianSkill: derivedAction({
      label: "Create Technician Skill",
      description: "Create a new skill and give it to a technician (to give existing skills, use Assign Technician Skills)",
      operation: `POST ${BASE}/technician-skills`,
      inputs: {
        technicianId: { comments: "The technician who receives the new skill: pick one or map their id." },
        name: { example: "Tankless Water Heaters", comments: "The skill's name (e.g. EPA 608 Certified, Tankless Water Heaters)." },
        active: { comments: "True: the skill counts (skill-based capacity, dispatch); False: it is created inactive." },
      },
      examplePayload: exampleWith(`POST ${BASE}/technician-skills`, {
        id: "283007",
        name: "Tankless Water Heaters",
        active: true,
        technicianId: 1001,
        jobTypeIds: [],
        createdOn: "2025-03-03T15:00:00Z",
        modifiedOn: "2025-03-03T15:00:00Z",
      }),
    }),
    deleteTechnicianSkill: derivedAction({
      label: "Delete Technician Skill",
      description: "Take a skill away from a technician (deletes the technician skill association); answers its id",
      operation: `DELETE ${BASE}/technician-skills/{id}`,
      inputs: {
        id: technicianSkillIdInput("The technician skill to remove: pick one or map its id from List Technician Skills."),
      },
      subject: (v) => `Technician skill ${v.id}`,
    }),
    createArrivalWindow: derivedAction({
      label: "Create Arrival Window",
      description: "Create an arrival window offered to customers (a start time and length, for some business units)",
      operation: `POST ${BASE}/arrival-windows`,
      inputs: arrivalWindowTweaks(),
    }),
    updateArrivalWindow: derivedAction({
      label: "Update Arrival Window",
      description: "Replace an arrival window's start, length and business units (all three are required)",
      operation: `PUT ${BASE}/arrival-windows/{id}`,
      inputs: {
        id: { comments: "The arrival window to change: pick one or map its id from List Arrival Windows." },
        ...arrivalWindowTweaks(),
      },
    }),
    setArrivalWindowStatus: derivedAction({
      label: "Activate or Deactivate Arrival Window",
      description: "Activate an arrival window (customers can be offered it) or deactivate it",
      operation: `PUT ${BASE}/arrival-windows/{id}/activated`,
      inputs: {
        id: { comments: "The arrival window: pick one or map its id from List Arrival Windows (the dropdown lists active ones)." },
        isActive: { label: "Active", comments: "True activates the window; False deactivates it." },
      },
      examplePayload: { data: {} },
    }),
    getArrivalWindowConfiguration: derivedAction({
      label: "Get Arrival Window Configuration",
      description:
        "Retrieve whether a job booked or rescheduled into an arrival window starts by default at the window's start or at its end",
      operation: `GET ${CONFIGURATION}`,
    }),
    updateArrivalWindowConfiguration: derivedAction({
      label: "Update Arrival Window Configuration",
      description: "Set whether a job booked or rescheduled into an arrival window starts by default at the window's start or at its end",
      operation: `POST ${CONFIGURATION}`,
      inputs: {
        configuration: {
          label: "Default Job Start",
          comments: "StartTimeOfArrivalWindow: jobs start when the window starts; EndTimeOfArrivalWindow: they start when it ends.",
        },
      },
    }),
    setBusinessHours: derivedAction({
      label: "Set Business Hours",
      description:
        "Replace the business hours: the opening hours of weekdays, Saturday and Sunday, in whole hours of the day (all three are replaced)",
      operation: `POST ${BASE}/business-hours`,
      inputs: {
        weekdays: hoursInput(
          "weekdays",
          "Weekdays",
          '[{ "fromHour": 7, "toHour": 18 }]',
          'Monday to Friday\'s opening hours as a JSON array of { "fromHour": 7, "toHour": 18 } (hours of the day 0–24; several ranges for a break); [] when closed.',
        ),
        saturday: hoursInput(
          "saturday",
          "Saturday",
          '[{ "fromHour": 8, "toHour": 14 }]',
          'Saturday\'s opening hours as a JSON array of { "fromHour": 8, "toHour": 14 } (hours of the day 0–24); [] when closed.',
        ),
        sunday: hoursInput(
          "sunday",
          "Sunday",
          "[]",
          'Sunday\'s opening hours as a JSON array of { "fromHour": 9, "toHour": 13 } (hours of the day 0–24); [] when closed.',
        ),
      },
    }),
    getTechnicianTrackingUrl: derivedAction({
      label: "Get Technician Tracking URL",
      description:
        "Get the link a customer opens to follow their technician on the way to an appointment (e.g. to text it when the technician is dispatched)",
      operation: `GET ${BASE}/technician-tracking`,
      inputs: {
        technicianId: { comments: "The technician driving to the appointment: pick one or map their id." },
        appointmentId: { comments: "The appointment the technician is on the way to: pick one or map its id." },
      },
      subject: (v) => `Tracking of technician ${v.technicianId} for appointment ${v.appointmentId}`,
      examplePayload: exampleWith(`GET ${BASE}/technician-tracking`, {
        technicianTrackingUrl: "https://go.servicetitan.com/track/3fa85f64-5717-4562-b3fc-2c963f66afa6",
      }),
    }),
    createGpsPings: derivedAction({
      label: "Create GPS Pings",
      description:
        "Send vehicle or device location readings from your GPS provider to ServiceTitan (for the dispatch map); answers each reading's status",
      operation: `POST ${BASE}/gps-provider/{gps_provider}/gps-pings`,
      inputs: { gpsProvider: gpsProviderInput(), items: pingsInput() },
      subject: (v) => `GPS provider ${v.gpsProvider}`,
      examplePayload: exampleWith(`POST ${BASE}/gps-provider/{gps_provider}/gps-pings`, [
        { externalId: "ping-000123", status: "Success", message: "" },
      ]),
    }),
  },
};
