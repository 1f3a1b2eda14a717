/**
 * /fleetpro/v2: the tenant's tracked vehicles are a seeded collection (VIN, name, driver: the technicians). Their
 * history is computed, not stored: a GPS point per vehicle every hour and a driving event per vehicle every day, only
 * for times older than 7 days (the history endpoints serve nothing newer), paged by the body's pagination.
 */
import { schemaCollection } from "../generic";
import { badRequest } from "../problem";
import { address } from "../random";
import type { SandboxRecord } from "../store";
import { ok, type HandlerContext, type HandlerResult, type SandboxModule } from "./kit";

const VEHICLES = "fleet-vehicles";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The history endpoints serve records older than this. */
const HISTORY_AGE = 7 * DAY;

const FLEET = [
  { vin: "1FTBR1C82MKA41237", name: "Van 12", technicianId: 1001 },
  { vin: "1FTBR1C85MKA41288", name: "Van 14", technicianId: 1002 },
  { vin: "3C6LRVDG4NE118452", name: "ProMaster 3", technicianId: 1003 },
  { vin: "1GCWGAFP7M1203317", name: "Express 7", technicianId: 1004 },
  { vin: "1FTEW1EP5NKD60419", name: "F-150 Supervisor", technicianId: null },
];

const EVENTS = [
  { eventName: "Hard Braking", eventType: "Driver Infraction", geofenceName: null },
  { eventName: "Speeding", eventType: "Driver Infraction", geofenceName: null },
  { eventName: "Geofence Entry", eventType: "Geofence", geofenceName: "Shop Yard" },
  { eventName: "Excessive Idling", eventType: "Driver Infraction", geofenceName: null },
  { eventName: "Check Engine Light", eventType: "Vehicle Diagnostic", geofenceName: null },
  { eventName: "Geofence Exit", eventType: "Geofence", geofenceName: "Shop Yard" },
];

/** Where a vehicle was at a time: one of the demo area's addresses, a different one each step. */
const where = (vehicle: number, step: number, at: number) => {
  const place = address(vehicle * 97 + step);
  return {
    location: { latitude: place.latitude, longitude: place.longitude },
    timestamp: new Date(at).toISOString(),
    address: `${place.street}, ${place.city}, ${place.state} ${place.zip}`,
  };
};

type Kind = "gps" | "events";

/** The i-th record of the window (time slot by time slot, each slot vehicle by vehicle). */
function historyRecord(kind: Kind, vehicles: SandboxRecord[], first: number, step: number, i: number) {
  const slot = Math.floor(i / vehicles.length);
  const v = i % vehicles.length;
  const vehicle = vehicles[v];
  const at = first + slot * step;
  const hours = Math.floor(at / HOUR);
  const base = { vin: vehicle.vin, vehicleName: vehicle.name, location: where(vehicle.id, hours, at), driverName: vehicle.driverName };
  if (kind === "gps") {
    return {
      id: `${vehicle.vin}-G${hours}`,
      ...base,
      speedInMph: (hours * 7 + vehicle.id) % 5 === 0 ? 0 : 25 + ((hours + vehicle.id) % 40),
      odometerInMiles: 40_000 + (vehicle.id % 100) * 1_000 + (hours % 100_000) * 3,
    };
  }
  const event = EVENTS[(Math.floor(at / DAY) + vehicle.id) % EVENTS.length];
  return { id: `${vehicle.vin}-E${hours}`, ...base, speedInMph: event.eventName === "Speeding" ? 74 : 31, ...event };
}

/** POST …/events and …/gps: the window's records for the VINs asked, paged by `pagination`. */
const history =
  (kind: Kind) =>
  (ctx: HandlerContext): HandlerResult => {
    const { startTime, endTime, vins, pagination } = ctx.body;
    const start = Date.parse(startTime);
    const end = Date.parse(endTime);
    if (!(end > start)) throw badRequest({ endTime: ["The end time must be after the start time"] });
    if (!(pagination.pageNumber >= 1)) throw badRequest({ "pagination.pageNumber": ["Page numbers start at 1"] });
    if (!(pagination.pageSize >= 1)) throw badRequest({ "pagination.pageSize": ["The page size must be at least 1"] });
    const known = ctx.store.all(VEHICLES).filter((v) => v.active);
    const unknown = (vins as string[]).filter((vin) => !known.some((v) => v.vin === vin));
    if (unknown.length) throw badRequest({ vins: unknown.map((vin) => `No Fleet Pro vehicle has the VIN ${vin}`) });
    const vehicles = known.filter((v) => (vins as string[]).includes(v.vin));
    // Nothing newer than 7 days; GPS points on the hour, events once a day (at 15:00 UTC).
    const until = Math.min(end, Date.parse(ctx.store.now()) - HISTORY_AGE);
    const step = kind === "gps" ? HOUR : DAY;
    const offset = kind === "gps" ? 0 : 15 * HOUR;
    const first = Math.ceil((start - offset) / step) * step + offset;
    const slots = until > first ? Math.ceil((until - first) / step) : 0;
    const total = slots * vehicles.length;
    const pageSize = Math.min(pagination.pageSize, ctx.settings.pageSizeCap);
    const from = (pagination.pageNumber - 1) * pageSize;
    const data = [];
    for (let i = from; i < Math.min(total, from + pageSize); i++) data.push(historyRecord(kind, vehicles, first, step, i));
    return ok({ page: pagination.pageNumber, pageSize, hasMore: from + pageSize < total, totalCount: null, data });
  };

export const fleetpro: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: VEHICLES,
      label: "Vehicle",
      firstId: 510_001,
      record: "fleetpro/Vehicles_GetVehicles",
      defaults: () => ({ vin: null, name: null, driverName: null }),
    }),
  ],
  seed: (store) => {
    for (const vehicle of FLEET) {
      const driver = vehicle.technicianId ? store.collection("technicians").get(vehicle.technicianId) : undefined;
      store.create(VEHICLES, { vin: vehicle.vin, name: vehicle.name, driverName: driver?.name ?? null });
    }
  },
  handlers: {
    Vehicles_GetVehicles: (ctx) =>
      ok(
        ctx.store
          .all(VEHICLES)
          .filter((v) => v.active)
          .map((v) => ({ vin: v.vin, name: v.name, driverName: v.driverName })),
      ),
    Events_GetEvent: history("events"),
    Gps_GetGps: history("gps"),
  },
};
