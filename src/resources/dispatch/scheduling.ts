import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, picklist, type InputTweak, type Values } from "../../kit";
import { exampleWith } from "../../examples";
import type { components } from "../../generated/types/dispatch";
import { checkTimeOrder, idInput, switchInput } from "../../inputs";
import { timeSpanInput } from "./timeSpan";

type Schemas = components["schemas"];
type Capacity = Schemas["Dispatch.V2.CapacityResponse"];

const timesheetCode = (comments: string) => ({ label: "Timesheet Code ID", dataSource: "selectTimesheetCode", comments });

const inOrder = (values: Values, start: string, end: string, label: string) => {
  checkTimeOrder(values, { start, end, strict: true }, { label, message: "must be after the start." });
  return values;
};

const SHIFT = {
  id: 270001,
  shiftType: "OnCall",
  title: "Saturday on-call",
  note: null,
  active: true,
  technicianId: 1001,
  start: "2025-03-01T15:00:00Z",
  end: "2025-03-02T01:00:00Z",
  timesheetCodeId: null,
  createdOn: "2025-02-17T16:00:00Z",
  modifiedOn: "2025-02-17T16:00:00Z",
};
const NON_JOB = {
  id: 275001,
  technicianId: 1003,
  start: "2025-03-04T15:00:00Z",
  name: "Safety training",
  duration: "01:00:00",
  timesheetCodeId: 12,
  summary: "Quarterly ladder safety training",
  clearDispatchBoard: false,
  clearTechnicianView: false,
  removeTechnicianFromCapacityPlanning: true,
  allDay: false,
  showOnTechnicianSchedule: true,
  active: true,
  createdOn: "2025-02-17T16:00:00Z",
  modifiedOn: "2025-02-17T16:00:00Z",
  createdById: 1,
  repeat: false,
  daysOfWeek: "",
};

const CAPACITY_FIELDS = ["startsOnOrAfter", "endsOnOrBefore", "businessUnitIds", "jobTypeId", "skillBasedAvailability"];
const capacityBody = (values: Values) =>
  inOrder(
    Object.fromEntries(CAPACITY_FIELDS.filter((name) => values[name] !== undefined).map((name) => [name, values[name]])),
    "startsOnOrAfter",
    "endsOnOrBefore",
    "Ends On Or Before",
  );

const nonJobFields = {
  technicianId: { comments: "The technician the appointment blocks." },
  start: { comments: "When it starts (ISO 8601, e.g. 2025-03-01T12:00:00Z; sent as UTC)." },
  duration: inBody(
    timeSpanInput({
      label: "Duration",
      required: true,
      comments: "How long it lasts, as hh:mm:ss (e.g. 01:30:00) or a number of minutes (e.g. 90).",
    }),
  ),
  name: { comments: "What it is (e.g. Team meeting, Training, Doctor's appointment)." },
  timesheetCodeId: timesheetCode("The timesheet code the time is booked to (Settings → Timesheet Codes)."),
  summary: { comments: "Details shown with the appointment." },
  clearDispatchBoard: { comments: "Whether the technician is removed from the dispatch board meanwhile." },
  clearTechnicianView: { comments: "Whether it is hidden from the technician's mobile view." },
  showOnTechnicianSchedule: { comments: "Whether the technician sees it on their schedule." },
  removeTechnicianFromCapacityPlanning: { comments: "Whether the technician's time is removed from capacity (not bookable)." },
  allDay: { comments: "Whether it lasts the whole day." },
  repeat: { comments: "Whether it repeats (then set Frequency, Interval and an end)." },
  countOccurrences: { comments: "With End Type After: how many occurrences." },
  interval: { comments: "Repeat every how many days/weeks/months/years (per Frequency)." },
  frequency: { comments: "How it repeats." },
  endType: { comments: "When the repetition ends: Never, After a number of occurrences, or On a date." },
  endOn: { comments: "With End Type On: the date of the last occurrence." },
  daysOfWeek: { comments: "With a weekly frequency: the days it repeats on, comma-separated (e.g. Monday,Wednesday)." },
};

/**
 * The Advanced Capacity (adcap) request both availability actions send: the period, the report's columns, the job to
 * fit, and one filter per dimension (ids, each with its dropdown where the API lists them).
 */
const ADCAP_INPUTS: Record<string, InputTweak> = {
  startUtc: { label: "Start", comments: "Inclusive start of the period (ISO 8601; a date such as 2025-03-04 means from midnight UTC)." },
  endUtc: { label: "End", comments: "Exclusive end of the period: 2025-03-05 after a Start of 2025-03-04 is one day." },
  xType: { label: "Columns By", comments: "What the report's columns are: arrival windows, business hours, technicians, zones …" },
  jobDurationInMinutes: {
    label: "Job Duration (Minutes)",
    comments: "How long the job to book takes: only slots it fits in count. ServiceTitan needs it in practice.",
  },
  existingJobAppointmentId: {
    label: "Rescheduled Appointment ID",
    dataSource: "selectAppointment",
    comments: "When rescheduling: the appointment being moved (its own time then counts as free). Empty for a new job.",
  },
  arrivalWindows: { label: "Arrival Window IDs", dataSource: "selectArrivalWindow", comments: "Only these arrival windows (empty: all)." },
  businessUnits: { label: "Business Unit IDs", dataSource: "selectBusinessUnit", comments: "Only these business units (empty: all)." },
  jobTypes: { label: "Job Type IDs", dataSource: "selectJobType", comments: "Only capacity for these job types (empty: all)." },
  tagTypes: { label: "Tag Type IDs", dataSource: "selectTagType", comments: "Only technicians with these tags (empty: all)." },
  teams: { label: "Team IDs", dataSource: "selectTeam", comments: "Only these dispatch teams (empty: all)." },
  technicians: { label: "Technician IDs", dataSource: "selectTechnician", comments: "Only these technicians (empty: all)." },
  zones: { label: "Zone IDs", dataSource: "selectZone", comments: "Only these zones (empty: all)." },
  businessHours: { comments: "Only these business-hour blocks, by id (Settings → Business Hours; empty: all)." },
  businessUnitGroups: { comments: "Only these business unit groups, by id (empty: all)." },
  jobTypeGroups: { comments: "Only these job type groups, by id (empty: all)." },
  skills: { comments: "Only technicians with these skills, by skill id (empty: all)." },
  trades: { comments: "Only technicians of these trades, by id (empty: all)." },
  startMinuteTtz: {
    label: "Custom Window Start Minute",
    comments: "A custom arrival window's first minute of the day in the tenant's time zone (8am = 480).",
  },
  endMinuteTtz: { label: "Custom Window End Minute", comments: "Its end, exclusive (10am = 600): with Custom Window Start Minute." },
  useTenantSettings: {
    comments:
      "Follow the tenant's booking settings (ignore the business units and zones given, or use their groups) instead of the filters.",
  },
};
const ADCAP = "/dispatch/v2/tenant/{tenant}/adcap/availability";
/** The derived body, once the period is known to end after it starts. */
const checkAdcapPeriod = (values: Values, placed: Values | undefined) => {
  checkTimeOrder(values, { start: "startUtc", end: "endUtc", strict: true }, { label: "End", message: "must be after Start." });
  return placed;
};

/** Capacity (when can a job be booked), technician shifts and non-job appointments (time technicians are busy). */
export const scheduling: ResourceModule = {
  actions: {
    getAvailabilityReport: derivedAction({
      label: "Get Availability Report",
      description:
        "Retrieve Advanced Capacity's availability grid for a period: open and booked capacity per day and per column (arrival window, business hours, technician, zone …), for a job of a given length",
      operation: `POST ${ADCAP}`,
      inputs: ADCAP_INPUTS,
      body: checkAdcapPeriod,
    }),
    listAvailableSlots: derivedAction({
      label: "List Available Slots",
      description:
        "Retrieve the bookable slots for a job of a given length in a period, as one flat list (Advanced Capacity): what a booking page offers a customer",
      operation: `POST ${ADCAP}/slots`,
      inputs: ADCAP_INPUTS,
      body: checkAdcapPeriod,
    }),
    getCapacity: derivedAction({
      label: "Get Capacity",
      description:
        "Retrieve the available booking time slots (arrival windows with open capacity and available technicians) for business units and a job type between two times: what online booking asks for",
      operation: "POST /dispatch/v2/tenant/{tenant}/capacity",
      examplePayload: exampleWith("POST /dispatch/v2/tenant/{tenant}/capacity", {
        timeStamp: "2025-03-03T15:00:00Z",
        availabilities: [
          {
            start: "2025-03-04T08:00:00",
            end: "2025-03-04T12:00:00",
            startUtc: "2025-03-04T15:00:00Z",
            endUtc: "2025-03-04T19:00:00Z",
            businessUnitIds: [101],
            totalAvailability: 12,
            openAvailability: 8,
            technicians: [
              { id: 1001, name: "Marcus Alvarez", status: "Available", hasRequiredSkills: null },
              { id: 1005, name: "Tyler Brooks", status: "Unavailable", hasRequiredSkills: null },
            ],
            isAvailable: true,
            isExceedingIdealBookingPercentage: false,
          },
        ],
      }),
      inputs: {
        startsOnOrAfter: { comments: "The earliest slot start (ISO 8601, e.g. 2025-03-03T00:00:00Z; sent as UTC)." },
        endsOnOrBefore: { comments: "The latest slot end; after Starts On Or After." },
        businessUnitIds: { comments: "The business units to find capacity in, one id per entry (empty: all)." },
        jobTypeId: { comments: "The job type to book: its duration (and skills, with skill-based availability) count." },
        skillBasedAvailability: {
          comments: "Whether only technicians with the job type's skills count as available.",
        },
      },
      extra: {
        onlyAvailable: {
          in: "body",
          input: switchInput({
            label: "Only Available Slots",
            comments: "Return only the slots ServiceTitan reports as available (isAvailable), e.g. to offer them to a customer.",
          }),
        },
      },
      perform: async (client, values) => {
        const capacity = await client.request<Capacity>("POST /dispatch/v2/tenant/{tenant}/capacity", { body: capacityBody(values) });
        return values.onlyAvailable
          ? { ...capacity, availabilities: capacity.availabilities.filter((slot) => slot.isAvailable) }
          : capacity;
      },
    }),
    listTechnicianShifts: listAction({
      label: "List Technician Shifts",
      description: "Retrieve technician shifts (normal, on-call, time off), filtered by technician, type, dates or text",
      operation: "GET /dispatch/v2/tenant/{tenant}/technician-shifts",
      examplePayload: exampleWith("GET /dispatch/v2/tenant/{tenant}/technician-shifts", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [SHIFT],
      }),
    }),
    getTechnicianShift: derivedAction({
      label: "Get Technician Shift",
      description: "Retrieve a technician shift by ID",
      operation: "GET /dispatch/v2/tenant/{tenant}/technician-shifts/{id}",
    }),
    createTechnicianShift: derivedAction({
      label: "Create Technician Shift",
      description:
        "Create a shift (normal, on-call or time off) for one or more technicians, optionally repeating; answers the shifts created",
      operation: "POST /dispatch/v2/tenant/{tenant}/technician-shifts",
      examplePayload: exampleWith("POST /dispatch/v2/tenant/{tenant}/technician-shifts", { created: true, technicianShifts: [SHIFT] }),
      inputs: {
        technicianIds: { comments: "The technicians working the shift (one shift each), one id per entry." },
        shiftType: { comments: "Normal (working hours), OnCall or TimeOff." },
        title: { comments: "The shift's title (e.g. Saturday on-call)." },
        note: { comments: "A longer explanation of the shift." },
        timesheetCodeId: timesheetCode("The timesheet code of the shift (Settings → Timesheet Codes)."),
        repeatType: { comments: "Never, Daily or Weekly." },
        repeatEndDate: { comments: "With a repeat: the last day it repeats on." },
        repeatInterval: { comments: "With a repeat: every how many days or weeks." },
        shiftDays: { comments: "With a weekly repeat: the days it repeats on, comma-separated (e.g. Monday,Tuesday)." },
      },
      body: (values) =>
        inOrder(
          Object.fromEntries(Object.entries(values).filter(([key, v]) => key !== "connection" && v !== undefined)),
          "start",
          "end",
          "End",
        ),
    }),
    updateTechnicianShift: derivedAction({
      label: "Update Technician Shift",
      description: "Change a technician shift's type, title, times, note or timesheet code",
      operation: "PATCH /dispatch/v2/tenant/{tenant}/technician-shifts/{id}",
      inputs: {
        shiftType: { comments: "Normal (working hours), OnCall or TimeOff." },
        title: { comments: "The shift's title." },
        note: { comments: "A longer explanation of the shift." },
        timesheetCodeId: timesheetCode("The timesheet code of the shift (Settings → Timesheet Codes)."),
      },
    }),
    deleteTechnicianShift: derivedAction({
      label: "Delete Technician Shift",
      description: "Delete a technician shift",
      operation: "DELETE /dispatch/v2/tenant/{tenant}/technician-shifts/{id}",
    }),
    deleteTechnicianShiftsInRange: derivedAction({
      label: "Delete Technician Shifts in Range",
      description: "Delete every technician shift between two times (all technicians); answers the ids deleted",
      operation: "POST /dispatch/v2/tenant/{tenant}/technician-shifts/bulk-delete",
      inputs: {
        start: { comments: "Shifts from this time on are deleted (ISO 8601; sent as UTC)." },
        end: { comments: "Shifts up to this time are deleted; after the start." },
      },
      body: (values) => inOrder({ start: values.start, end: values.end }, "start", "end", "End"),
    }),
    listNonJobAppointments: listAction({
      label: "List Non-Job Appointments",
      description:
        "Retrieve non-job appointments (meetings, training, time off blocking a technician), filtered by technician, dates or timesheet code",
      operation: "GET /dispatch/v2/tenant/{tenant}/non-job-appointments",
      dataSource: "selectNonJobAppointment",
      filters: {
        timesheetCodeId: idInput({
          label: "Timesheet Code ID",
          dataSource: "selectTimesheetCode",
          comments: "Only non-job appointments booked to this timesheet code.",
        }),
      },
      examplePayload: exampleWith("GET /dispatch/v2/tenant/{tenant}/non-job-appointments", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [NON_JOB],
      }),
    }),
    getNonJobAppointment: derivedAction({
      label: "Get Non-Job Appointment",
      description: "Retrieve a non-job appointment by ID",
      operation: "GET /dispatch/v2/tenant/{tenant}/non-job-appointments/{id}",
      examplePayload: exampleWith("GET /dispatch/v2/tenant/{tenant}/non-job-appointments/{id}", NON_JOB),
    }),
    createNonJobAppointment: derivedAction({
      label: "Create Non-Job Appointment",
      description: "Block a technician's time with a non-job appointment (meeting, training, time off …), optionally repeating",
      operation: "POST /dispatch/v2/tenant/{tenant}/non-job-appointments",
      examplePayload: exampleWith("POST /dispatch/v2/tenant/{tenant}/non-job-appointments", NON_JOB),
      inputs: nonJobFields,
    }),
    updateNonJobAppointment: derivedAction({
      label: "Update Non-Job Appointment",
      description:
        "Replace a non-job appointment: technician, start, duration and name are required, other inputs left empty are cleared or take their defaults",
      operation: "PUT /dispatch/v2/tenant/{tenant}/non-job-appointments/{id}",
      inputs: nonJobFields,
    }),
    deleteNonJobAppointment: derivedAction({
      label: "Delete Non-Job Appointment",
      description: "Delete a non-job appointment",
      operation: "DELETE /dispatch/v2/tenant/{tenant}/non-job-appointments/{id}",
    }),
  },
  dataSources: {
    selectTechnicianShift: picklist<Schemas["Dispatch.V2.TechnicianShiftResponse"]>({
      label: "Select Technician Shift",
      description: "Select a technician shift from a dropdown menu (up to 10,000 shifts, newest first)",
      operation: "GET /dispatch/v2/tenant/{tenant}/technician-shifts",
      query: { sort: "-Id" },
      option: (shift) => ({
        key: String(shift.id),
        label: `${shift.title?.trim() || shift.shiftType} · technician ${shift.technicianId} · ${String(shift.start).slice(0, 16).replace("T", " ")} (ID: ${shift.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Saturday on-call · technician 1001 · 2025-03-01 08:00 (ID: 1)" }],
    }),
    selectNonJobAppointment: picklist<Schemas["Dispatch.V2.NonJobAppointmentResponse"]>({
      label: "Select Non-Job Appointment",
      description: "Select a non-job appointment from a dropdown menu (up to 10,000, newest first)",
      operation: "GET /dispatch/v2/tenant/{tenant}/non-job-appointments",
      query: { sort: "-Id" },
      option: (appointment) => ({
        key: String(appointment.id),
        label: `${appointment.name?.trim() || "Non-job appointment"} · technician ${appointment.technicianId} · ${String(appointment.start).slice(0, 16).replace("T", " ")} (ID: ${appointment.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Team meeting · technician 1001 · 2025-03-03 08:00 (ID: 1)" }],
    }),
  },
};
