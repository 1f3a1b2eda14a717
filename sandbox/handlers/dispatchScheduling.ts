/**
 * dispatch/v2, scheduling: capacity (computed from arrival windows, technicians, their shifts, non-job appointments and
 * assigned appointments), technician shifts, non-job appointments, zones, teams, arrival windows, business hours and
 * technician skills. Stateful collections of their own.
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { listPage } from "../listing";
import { badRequest, notFound } from "../problem";
import {
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  type HandlerContext,
  type HandlerTable,
  type Json,
  type SandboxModule,
} from "./kit";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "08:00:00" / "1.02:00:00" → milliseconds. */
const spanMs = (span: string) => {
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(String(span));
  return m ? ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60_000 + Number(m[4] ?? 0) * 1000 : NaN;
};
const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

function checkRange(start: unknown, end: unknown, field: string): void {
  if (Date.parse(String(end)) <= Date.parse(String(start))) throw badRequest({ [field]: ["Must be after the start"] });
}

// ---- capacity ------------------------------------------------------------------------------------------------------

/** Why a technician cannot take a job in [start, end): time off, a non-job appointment blocking capacity, or work. */
function busy(store: Store, technicianId: number, start: number, end: number): boolean {
  const shifts = (store.collection("technician-shifts").groupBy("technicianId").get(technicianId) ?? []).filter(
    (s) => s.active && s.shiftType === "TimeOff" && overlaps(start, end, Date.parse(s.start), Date.parse(s.end)),
  );
  if (shifts.length) return true;
  const blocks = (store.collection("non-job-appointments").groupBy("technicianId").get(technicianId) ?? []).filter((a) => {
    const from = Date.parse(a.start);
    return a.active && a.removeTechnicianFromCapacityPlanning && overlaps(start, end, from, from + spanMs(a.duration));
  });
  if (blocks.length) return true;
  return (store.collection("appointment-assignments").groupBy("technicianId").get(technicianId) ?? []).some((assignment) => {
    if (!assignment.active) return false;
    const appointment = store.collection("appointments").get(assignment.appointmentId);
    return (
      !!appointment?.active &&
      appointment.status !== "Canceled" &&
      overlaps(start, end, Date.parse(appointment.start), Date.parse(appointment.end))
    );
  });
}

function capacity(ctx: HandlerContext) {
  const { body, store } = ctx;
  checkRange(body.startsOnOrAfter, body.endsOnOrBefore, "endsOnOrBefore");
  const units: number[] = body.businessUnitIds?.length
    ? mustRefAll(ctx, "business-units", body.businessUnitIds, "businessUnitIds")
    : store
        .all("business-units")
        .filter((u) => u.active)
        .map((u) => u.id);
  const jobType = body.jobTypeId != null ? mustRef(ctx, "job-types", body.jobTypeId, "jobTypeId") : undefined;
  const skills: string[] = body.skillBasedAvailability ? (jobType?.skills ?? []) : [];
  const technicians = store.all("technicians").filter((t) => t.active && units.includes(t.businessUnitId));
  const from = Date.parse(body.startsOnOrAfter);
  const to = Math.min(Date.parse(body.endsOnOrBefore), from + 31 * DAY);
  const windows = store.all("arrival-windows").filter((w) => w.active && w.businessUnitIds.some((id: number) => units.includes(id)));
  const availabilities = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    for (const window of windows) {
      const start = day + spanMs(window.start);
      const end = start + spanMs(window.duration);
      if (start < from || end > to) continue;
      const slotTechnicians = technicians.map((t) => {
        const hasRequiredSkills = skills.every((skill) =>
          store.all("technician-skills", { technicianId: t.id }).some((s) => s.active && s.name === skill),
        );
        const free = hasRequiredSkills && !busy(store, t.id, start, end);
        return {
          id: t.id,
          name: t.name,
          status: free ? "Available" : "Unavailable",
          hasRequiredSkills: body.skillBasedAvailability ? hasRequiredSkills : null,
        };
      });
      const hours = (end - start) / HOUR;
      const open = slotTechnicians.filter((t) => t.status === "Available").length * hours;
      availabilities.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        startUtc: new Date(start).toISOString(),
        endUtc: new Date(end).toISOString(),
        businessUnitIds: window.businessUnitIds.filter((id: number) => units.includes(id)),
        totalAvailability: slotTechnicians.length * hours,
        openAvailability: open,
        technicians: slotTechnicians,
        isAvailable: open >= (jobType ? jobType.duration / 3600 : 1),
        isExceedingIdealBookingPercentage: false,
      });
    }
  }
  return { timeStamp: store.now(), availabilities };
}

// ---- technician shifts ---------------------------------------------------------------------------------------------

/** One shift per technician, repeated daily/weekly until repeatEndDate (at most 60 occurrences each). */
function createShifts(ctx: HandlerContext): SandboxRecord[] {
  const { body, store } = ctx;
  mustRefAll(ctx, "technicians", body.technicianIds, "technicianIds");
  checkRange(body.start, body.end, "end");
  if (body.repeatType !== "Never" && !body.repeatEndDate)
    throw badRequest({ repeatEndDate: ["A repeating shift needs a repeat end date"] });
  const step = (body.repeatType === "Weekly" ? 7 * DAY : DAY) * Math.max(1, body.repeatInterval ?? 1);
  const last = body.repeatType === "Never" ? Date.parse(body.start) : Date.parse(body.repeatEndDate);
  const length = Date.parse(body.end) - Date.parse(body.start);
  const created: SandboxRecord[] = [];
  for (const technicianId of body.technicianIds as number[]) {
    for (let start = Date.parse(body.start), n = 0; start <= last && n < 60; start += step, n++) {
      created.push(
        store.create("technician-shifts", {
          technicianId,
          shiftType: body.shiftType,
          title: body.title,
          note: body.note ?? null,
          timesheetCodeId: body.timesheetCodeId ?? null,
          start: new Date(start).toISOString(),
          end: new Date(start + length).toISOString(),
        }),
      );
    }
  }
  return created;
}

// ---- non-job appointments ------------------------------------------------------------------------------------------

const FREQUENCIES = ["Daily", "Weekly", "Monthly", "Yearly"];
const END_TYPES = ["Never", "After", "On"];
const NON_JOB_FIELDS = [
  "technicianId",
  "start",
  "duration",
  "name",
  "timesheetCodeId",
  "summary",
  "clearDispatchBoard",
  "clearTechnicianView",
  "showOnTechnicianSchedule",
  "removeTechnicianFromCapacityPlanning",
  "allDay",
  "repeat",
  "countOccurrences",
  "interval",
  "frequency",
  "endType",
  "endOn",
  "daysOfWeek",
];
const NON_JOB_DEFAULTS = {
  timesheetCodeId: 0,
  summary: "",
  clearDispatchBoard: false,
  clearTechnicianView: false,
  showOnTechnicianSchedule: true,
  removeTechnicianFromCapacityPlanning: true,
  allDay: false,
  repeat: false,
  countOccurrences: null,
  interval: null,
  frequency: null,
  endType: null,
  endOn: null,
  daysOfWeek: "",
};

function nonJobFields(ctx: HandlerContext): Record<string, unknown> {
  const { body } = ctx;
  mustRef(ctx, "technicians", body.technicianId, "technicianId");
  if (!(spanMs(body.duration) > 0)) throw badRequest({ duration: [`"${body.duration}" is not a duration such as 01:30:00`] });
  if (body.repeat && !body.frequency) throw badRequest({ frequency: ["A repeating appointment needs a frequency"] });
  return { ...NON_JOB_DEFAULTS, ...pickDefined(body, NON_JOB_FIELDS) };
}

/** The create answer types the repeat enums as their numbers. */
const createResult = (record: SandboxRecord) => ({
  ...record,
  frequency: record.frequency == null ? null : FREQUENCIES.indexOf(record.frequency),
  endType: record.endType == null ? null : END_TYPES.indexOf(record.endType),
  daysOfWeek: record.daysOfWeek ?? "",
});

// ---- zones, teams, arrival windows (deleted records are gone: 404, not listed) ------------------------------------

/** A zone or team not deleted, or 404. */
const live = (ctx: HandlerContext, name: "zones" | "teams", id: number) => {
  const record = mustFind(ctx, name, id);
  if (record.deleted) throw notFound(ctx.store.collection(name).def.label, id);
  return record;
};
const notDeleted = () => (record: SandboxRecord) => !record.deleted;
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ZONE_FIELDS = ["name", "zips", "cities", "territoryNumbers", "locnNumbers", "serviceDaysEnabled", "serviceDaysIds", "businessUnits"];

function zoneFields(ctx: HandlerContext): Record<string, unknown> {
  const fields = pickDefined(ctx.body, ZONE_FIELDS);
  if (fields.businessUnits) mustRefAll(ctx, "business-units", fields.businessUnits, "businessUnits");
  if (fields.serviceDaysIds) {
    const days = fields.serviceDaysIds as number[];
    days.forEach((day, i) => {
      if (!DAY_NAMES[day]) throw badRequest({ [`serviceDaysIds[${i}]`]: [`${day} is not a service day`] });
    });
    fields.serviceDays = days.map((day) => DAY_NAMES[day]);
  }
  return fields;
}
/** The create/update answer: the zone with its service day ids. */
const zoneAnswer = (zone: SandboxRecord) => ({ serviceDaysIds: [], ...zone, name: zone.name ?? "" });

const arrivalWindowFields = (ctx: HandlerContext) => {
  if (!(spanMs(ctx.body.duration) > 0)) throw badRequest({ duration: [`"${ctx.body.duration}" is not a duration such as 04:00:00`] });
  if (!(spanMs(ctx.body.start) < DAY)) throw badRequest({ start: [`"${ctx.body.start}" is not a time of day such as 08:00:00`] });
  mustRefAll(ctx, "business-units", ctx.body.businessUnitIds, "businessUnitIds");
  return { start: ctx.body.start, duration: ctx.body.duration, businessUnitIds: ctx.body.businessUnitIds };
};
const arrivalWindowConfiguration = new WeakMap<Store, string>();

// ---- business hours (one per tenant) -------------------------------------------------------------------------------

const businessHours = new WeakMap<Store, Json>();
const DEFAULT_HOURS = { weekdays: [{ fromHour: 7, toHour: 18 }], saturday: [{ fromHour: 8, toHour: 14 }], sunday: [] };

// ---- technician skills ---------------------------------------------------------------------------------------------

const skillView = (record: SandboxRecord) => ({ ...record, id: String(record.id) });
const skillsOf = (store: Store, technicianId: number) =>
  (store.collection("technician-skills").groupBy("technicianId").get(technicianId) ?? []).filter((s) => s.active);
/** A technician skill by its id, written as the record id or as {technicianId}_{skillId}. */
const skillOf = (ctx: HandlerContext, id: string) => {
  const [first, second] = String(id).split("_");
  const skill = ctx.store.collection("technician-skills").get(Number(second ?? first));
  if (!skill || !skill.active || (second !== undefined && skill.technicianId !== Number(first))) throw notFound("Technician skill", id);
  return skill;
};

/**
 * Advanced Capacity's bookable slots (March 2026 documents), from the same computation as capacity: each open
 * arrival window of the period, with the technicians free in it and the job's time if it starts when the window opens.
 */
function availabilitySlots(ctx: HandlerContext) {
  const { body } = ctx;
  const minutes = Number(body.jobDurationInMinutes ?? 60);
  const { timeStamp, availabilities } = capacity({
    ...ctx,
    body: { startsOnOrAfter: body.startUtc, endsOnOrBefore: body.endUtc, businessUnitIds: body.businessUnits },
  });
  const wanted = (ids: number[] | null | undefined, id: number) => !ids?.length || ids.includes(id);
  const availableSlots = availabilities.flatMap((slot) => {
    const jobStart = slot.startUtc;
    const jobEnd = new Date(Date.parse(jobStart) + minutes * 60_000).toISOString();
    const technicians = slot.technicians
      .filter((t) => t.status === "Available" && wanted(body.technicians, t.id))
      .map((t) => ({ technicianId: t.id, technicianName: t.name, jobStart, jobEnd }));
    return technicians.length ? [{ slotStart: slot.startUtc, slotEnd: slot.endUtc, technicians }] : [];
  });
  return { timeStamp, availableSlots };
}

const handlers: HandlerTable = {
  Capacity_GetList: (ctx) => ok(capacity(ctx)),
  Availability_GetSlots: (ctx) => ok(availabilitySlots(ctx)),

  TechnicianShifts_GetList: list("technician-shifts"),
  TechnicianShifts_Get: getOne("technician-shifts", { scope: () => (r) => r.active }),
  TechnicianShifts_Create: (ctx) => ok({ created: true, technicianShifts: createShifts(ctx) }),
  TechnicianShifts_Update: (ctx) => {
    const shift = mustFind(ctx, "technician-shifts", ctx.params.id);
    checkRange(ctx.body.start ?? shift.start, ctx.body.end ?? shift.end, "end");
    ctx.store
      .collection("technician-shifts")
      .update(shift, pickDefined(ctx.body, ["shiftType", "title", "start", "end", "note", "timesheetCodeId"]));
    return ok({ technicianShifts: [shift] });
  },
  TechnicianShifts_Delete: (ctx) => {
    const shift = mustFind(ctx, "technician-shifts", ctx.params.id);
    if (!shift.active) throw badRequest({ id: [`Technician shift ${shift.id} is already deleted`] });
    ctx.store.collection("technician-shifts").update(shift, { active: false });
    return ok({ message: "Technician shift deleted", id: shift.id });
  },
  TechnicianShifts_BulkDelete: (ctx) => {
    checkRange(ctx.body.start, ctx.body.end, "end");
    const [from, to] = [Date.parse(ctx.body.start), Date.parse(ctx.body.end)];
    const deleted = ctx.store
      .all("technician-shifts")
      .filter((s) => s.active && Date.parse(s.start) >= from && Date.parse(s.end) <= to)
      .map((s) => ctx.store.update("technician-shifts", s.id, { active: false }).id);
    return ok({ message: `${deleted.length} technician shifts deleted`, deletedIds: deleted });
  },

  NonJobAppointments_GetList: list("non-job-appointments"),
  NonJobAppointments_Get: getOne("non-job-appointments"),
  NonJobAppointments_Create: (ctx) => ok(createResult(ctx.store.create("non-job-appointments", { ...nonJobFields(ctx), createdById: 1 }))),
  NonJobAppointments_Update: (ctx) => {
    const appointment = mustFind(ctx, "non-job-appointments", ctx.params.id);
    ctx.store.collection("non-job-appointments").update(appointment, nonJobFields(ctx));
    return ok(appointment);
  },
  NonJobAppointments_Delete: (ctx) => {
    const appointment = mustFind(ctx, "non-job-appointments", ctx.params.id);
    ctx.store.collection("non-job-appointments").update(appointment, { active: false });
    return ok({ message: "Non-job appointment deleted", id: appointment.id });
  },

  Zone_GetList: list("zones", { scope: notDeleted }),
  Zone_Get: getOne("zones", { scope: notDeleted }),
  Zone_CreateZone: (ctx) => {
    if (!String(ctx.body.name ?? "").trim()) throw badRequest({ name: ["The zone needs a name"] });
    const zone = ctx.store.create("zones", {
      zips: [],
      cities: [],
      territoryNumbers: [],
      locnNumbers: [],
      serviceDaysEnabled: false,
      serviceDaysIds: [],
      serviceDays: [],
      businessUnits: [],
      technicians: [],
      createdBy: 1,
      ...zoneFields(ctx),
    });
    return ok(zoneAnswer(zone));
  },
  Zone_UpdateZone: (ctx) => {
    const zone = live(ctx, "zones", ctx.params.zoneId);
    ctx.store.collection("zones").update(zone, zoneFields(ctx));
    return ok(zoneAnswer(zone));
  },
  Zone_DeleteZone: (ctx) => {
    ctx.store.collection("zones").update(live(ctx, "zones", ctx.params.zoneId), { active: false, deleted: true });
    return ok();
  },
  // Teams have no `active` filter but includeInactive: list them as if Active=Any/True.
  Team_GetList: (ctx) =>
    ok(
      listPage(ctx.store, ctx.store.collection("teams"), {
        op: { ...ctx.op, query: new Set([...ctx.op.query, "active"]) },
        query: { ...ctx.query, active: ctx.query.includeInactive === true ? "Any" : "True" },
        pageSizeCap: ctx.settings.pageSizeCap,
        where: notDeleted(),
      }),
    ),
  Team_Get: getOne("teams", { scope: notDeleted }),
  Team_Create: (ctx) =>
    ok({ ...ctx.store.create("teams", { name: ctx.body.name ?? null, active: ctx.body.active, createdBy: 1 }), created: true }),
  Team_Delete: (ctx) => {
    ctx.store.collection("teams").update(live(ctx, "teams", ctx.params.id), { active: false, deleted: true });
    return ok();
  },
  ArrivalWindows_GetList: list("arrival-windows"),
  ArrivalWindows_Get: getOne("arrival-windows"),
  ArrivalWindows_Create: (ctx) => ok(ctx.store.create("arrival-windows", arrivalWindowFields(ctx))),
  ArrivalWindows_Update: (ctx) => {
    const window = mustFind(ctx, "arrival-windows", ctx.params.id);
    ctx.store.collection("arrival-windows").update(window, arrivalWindowFields(ctx));
    return ok(window);
  },
  ArrivalWindows_Activated: (ctx) => {
    ctx.store.collection("arrival-windows").update(mustFind(ctx, "arrival-windows", ctx.params.id), { active: ctx.body.isActive });
    return ok();
  },
  ArrivalWindows_GetConfiguration: (ctx) => ok({ configuration: arrivalWindowConfiguration.get(ctx.store) ?? "StartTimeOfArrivalWindow" }),
  ArrivalWindows_UpdatedConfiguration: (ctx) => {
    arrivalWindowConfiguration.set(ctx.store, ctx.body.configuration);
    return ok({ configuration: ctx.body.configuration });
  },

  BusinessHour_GetList: (ctx) => ok(businessHours.get(ctx.store) ?? DEFAULT_HOURS),
  BusinessHour_Create: (ctx) => {
    businessHours.set(ctx.store, { weekdays: ctx.body.weekdays, saturday: ctx.body.saturday, sunday: ctx.body.sunday });
    return ok(businessHours.get(ctx.store));
  },

  TechnicianSkills_GetList: list("technician-skills", { view: skillView }),
  TechnicianSkills_CreateTechnicianSkill: (ctx) => {
    const { body, store } = ctx;
    const technician = mustRef(ctx, "technicians", body.technicianId, "technicianId");
    const name = String(body.name).trim();
    if (!name) throw badRequest({ name: ["The skill needs a name"] });
    if (skillsOf(store, technician.id).some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw badRequest({ name: [`Technician ${technician.id} already has the skill "${name}"`] });
    return ok(skillView(store.create("technician-skills", { technicianId: technician.id, name, jobTypeIds: [], active: body.active })));
  },
  TechnicianSkills_Delete: (ctx) => {
    const skill = skillOf(ctx, ctx.params.id);
    ctx.store.collection("technician-skills").update(skill, { active: false });
    return ok({ id: String(ctx.params.id) });
  },
  TechnicianSkills_Get: (ctx) => {
    const skill = ctx.store.collection("technician-skills").get(Number(ctx.params.id));
    if (!skill || !skill.active) throw badRequest({ id: [`Technician skill ${ctx.params.id} not found`] });
    return ok(skillView(skill));
  },
  TechnicianSkills_AssignTechnicianSkills: (ctx) => {
    const { body, store } = ctx;
    const technician = mustRef(ctx, "technicians", body.technicianId, "technicianId");
    const names = new Set(
      mustRefAll(ctx, "technician-skills", body.skillIds, "skillIds").map((id) => store.get("technician-skills", id)!.name),
    );
    const held = skillsOf(store, technician.id);
    if (body.replaceExistingSkills) {
      for (const skill of held) if (!names.has(skill.name)) store.update("technician-skills", skill.id, { active: false });
    }
    for (const name of names) {
      if (!held.some((s) => s.name === name)) store.create("technician-skills", { technicianId: technician.id, name, jobTypeIds: [] });
    }
    return ok({ updated: true, technicianSkills: skillsOf(store, technician.id).map(skillView) });
  },
};

export const dispatchScheduling: SandboxModule = {
  handlers,
  collections: (spec) => [
    schemaCollection(spec, {
      name: "technician-shifts",
      label: "Technician shift",
      firstId: 270001,
      record: "dispatch/TechnicianShifts_Get",
      softDelete: true,
      filters: {
        startsOnOrAfter: { from: "start" },
        endsOnOrBefore: (r, v) => Date.parse(r.end) <= Date.parse(String(v)),
        shiftType: "shiftType",
        technicianId: "technicianId",
        titleContains: { contains: "title" },
        noteContains: { contains: "note" },
      },
    }),
    schemaCollection(spec, {
      name: "non-job-appointments",
      label: "Non-job appointment",
      firstId: 275001,
      record: "dispatch/NonJobAppointments_Get",
      softDelete: true,
      filters: {
        technicianId: "technicianId",
        startsOnOrAfter: { from: "start" },
        startsOnOrBefore: (r, v) => Date.parse(r.start) <= Date.parse(String(v)),
        timesheetCodeId: "timesheetCodeId",
        showOnTechnicianSchedule: "showOnTechnicianSchedule",
      },
    }),
    schemaCollection(spec, { name: "zones", label: "Zone", firstId: 280001, record: "dispatch/Zone_Get" }),
    schemaCollection(spec, { name: "teams", label: "Team", firstId: 281001, record: "dispatch/Team_Get" }),
    schemaCollection(spec, { name: "arrival-windows", label: "Arrival window", firstId: 282001, record: "dispatch/ArrivalWindows_Get" }),
    schemaCollection(spec, {
      name: "technician-skills",
      label: "Technician skill",
      firstId: 283001,
      record: "dispatch/TechnicianSkills_GetList",
      filters: { technicianId: "technicianId" },
    }),
  ],
  seed: (store) => {
    store.setClock("2025-02-17T16:00:00Z");
    const [hvac, install, plumbing, electrical] = [101, 102, 103, 104];
    for (const [start, duration] of [
      ["08:00:00", "04:00:00"],
      ["12:00:00", "04:00:00"],
      ["16:00:00", "02:00:00"],
    ]) {
      store.create("arrival-windows", { start, duration, businessUnitIds: [hvac, install, plumbing, electrical] });
    }
    const zones = [
      ["North Phoenix", ["85020", "85021", "85022"], ["Phoenix"]],
      ["Scottsdale", ["85250", "85251", "85254"], ["Scottsdale"]],
      ["East Valley", ["85201", "85202", "85233"], ["Mesa", "Gilbert"]],
    ] as const;
    zones.forEach(([name, zips, cities], i) =>
      store.create("zones", {
        name,
        zips: [...zips],
        cities: [...cities],
        territoryNumbers: [],
        locnNumbers: [],
        serviceDaysEnabled: false,
        serviceDays: [],
        businessUnits: [hvac, plumbing],
        technicians: [1001 + i, 1004 + i],
        createdBy: 1,
      }),
    );
    store.create("teams", { name: "HVAC Install Crew", createdBy: 1 });
    store.create("teams", { name: "Plumbing Team", createdBy: 1 });
    store.create("teams", { name: "Night Shift (disbanded)", createdBy: 1, active: false });
    const technicians = store.all("technicians").filter((t) => t.active);
    technicians.slice(0, 6).forEach((t, i) => {
      store.create("technician-skills", { technicianId: t.id, name: i % 2 ? "Plumbing" : "EPA 608 Certified", jobTypeIds: [] });
    });
    store.create("technician-shifts", {
      technicianId: technicians[0].id,
      shiftType: "OnCall",
      title: "Saturday on-call",
      note: null,
      timesheetCodeId: null,
      start: "2025-03-01T15:00:00.000Z",
      end: "2025-03-02T01:00:00.000Z",
    });
    store.create("technician-shifts", {
      technicianId: technicians[1].id,
      shiftType: "TimeOff",
      title: "Vacation",
      note: "Family trip",
      timesheetCodeId: null,
      start: "2025-03-03T00:00:00.000Z",
      end: "2025-03-08T00:00:00.000Z",
    });
    store.create("non-job-appointments", {
      ...NON_JOB_DEFAULTS,
      technicianId: technicians[2].id,
      start: "2025-03-04T15:00:00.000Z",
      duration: "01:00:00",
      name: "Safety training",
      summary: "Quarterly ladder safety training",
      createdById: 1,
    });
    store.setClock(null);
  },
};
