import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../../client";
import { collectList, LARGEST_PAGE_SIZE, type ListPage } from "../../client/paging";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/fleetpro";
import { checkTimeOrder, dateTimeInput, stringListInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import {
  checkPaging,
  derivedAction,
  fetchAllResult,
  inBody,
  operationAction,
  pagingParams,
  responsePicklist,
  type Params,
  type Values,
} from "../../kit";

type Schemas = components["schemas"];
type Vehicle = Schemas["Fleet.V2.VehicleResponse"];
type Filter = Schemas["Fleet.V2.Requests.EventRequestFilter"];

const VEHICLES: OperationKey = "GET /fleetpro/v2/tenant/{tenant}/vehicles";
const EVENTS: OperationKey = "POST /fleetpro/v2/tenant/{tenant}/events";
const GPS: OperationKey = "POST /fleetpro/v2/tenant/{tenant}/gps";

const DEFAULT_PAGE = 50;

/**
 * Fleet Pro's history endpoints are POSTs that read: the time window, the vehicles and the page travel in the body
 * ({startTime, endTime, vins, pagination: {pageNumber, pageSize}}). The inputs are those of a list action (one page,
 * or Fetch All with a cap); the VINs default to every vehicle Fleet Pro tracks.
 */
const historyParams = (what: string): Params => ({
  startTime: inBody(
    dateTimeInput({
      label: "Start Time",
      required: true,
      example: "2025-03-01T00:00:00Z",
      comments: `Start of the time window of the ${what} (ISO 8601, e.g. 2025-03-01 or 2025-03-01T08:00:00-07:00; sent as UTC). Fleet Pro serves history older than 7 days here.`,
    }),
  ),
  endTime: inBody(
    dateTimeInput({
      label: "End Time",
      required: true,
      example: "2025-03-08T00:00:00Z",
      comments: "End of the time window (ISO 8601; sent as UTC); after the Start Time, and at least 7 days ago for complete data.",
    }),
  ),
  vins: inBody({
    ...stringListInput({
      label: "VINs",
      example: "1FTBR1C82MKA12345",
      comments:
        "The vehicles, by Vehicle Identification Number, one per entry: pick them from the dropdown or map them from List Fleet Vehicles. Empty: every vehicle Fleet Pro tracks.",
    }),
    dataSource: "selectFleetVehicle",
  } as InputFieldDefinition),
  // Fleet Pro documents no page size limit: the other lists' largest. The perform puts paging in the body.
  ...pagingParams(LARGEST_PAGE_SIZE),
});

/** Fleet Pro's history takes its page in the body, next to the window and the vehicles. */
const historyPage = (filter: Omit<Filter, "pagination">) => (page: number, size: number) => ({
  body: { ...filter, pagination: { pageNumber: page, pageSize: size } },
});

/** A Fleet Pro history operation (events, GPS points) as a list action whose paging travels in the body. */
const historyAction = (spec: { label: string; description: string; operation: OperationKey; what: string }) =>
  operationAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    params: () => historyParams(spec.what),
    examplePayload: exampleOf(spec.operation),
    output: "list",
    perform: async (client, values: Values) => {
      const { startTime, endTime, fetchAll, maxRecords, page, pageSize } = values as {
        startTime: string;
        endTime: string;
        fetchAll: boolean;
        maxRecords?: number;
        page?: number;
        pageSize?: number;
      };
      checkTimeOrder(
        values,
        { start: "startTime", end: "endTime", strict: true },
        { label: "End Time", message: "must be after the Start Time." },
      );
      checkPaging(values);
      // No VINs entered: every vehicle Fleet Pro tracks.
      const vins = (values.vins as string[] | undefined) ?? (await client.request<Vehicle[]>(VEHICLES)).map((vehicle) => vehicle.vin);
      const filter = { startTime, endTime, vins };
      if (fetchAll) {
        // The core's pager (distinct records, the cap, hasMore followed and the same completeness report as every list).
        const collected = await collectList(client, spec.operation, {}, { maxRecords, pageSize, pageRequest: historyPage(filter) });
        return fetchAllResult(collected, spec.operation);
      }
      return client.request<ListPage<unknown>>(spec.operation, historyPage(filter)(page ?? 1, pageSize ?? DEFAULT_PAGE));
    },
  });

/** "Van 12 · Dana Whitfield (VIN: 1FTBR1C82MKA12345)": the name a dispatcher knows, the driver, and the VIN it stands for. */
const vehicleLabel = (vehicle: Vehicle) =>
  `${vehicle.name?.trim() || "Unnamed vehicle"}${vehicle.driverName?.trim() ? ` · ${vehicle.driverName.trim()}` : ""} (VIN: ${vehicle.vin})`;

/** Fleet Pro (GPS fleet tracking): the tenant's vehicles, and their driving events and GPS trail from the history. */
export const fleet: ResourceModule = {
  actions: {
    listFleetVehicles: derivedAction({
      label: "List Fleet Vehicles",
      description: "Retrieve every vehicle Fleet Pro tracks: its VIN, name and the driver currently assigned",
      operation: VEHICLES,
    }),
    listFleetEvents: historyAction({
      label: "List Fleet Events",
      description:
        "Retrieve the driving events (e.g. hard braking, speeding, geofence entries) of Fleet Pro vehicles in a time window, with where and when each happened. Fleet Pro's API serves history older than 7 days",
      operation: EVENTS,
      what: "events",
    }),
    listFleetGpsData: historyAction({
      label: "List Fleet GPS Data",
      description:
        "Retrieve the GPS trail (position, address, speed, odometer, driver) of Fleet Pro vehicles in a time window. Fleet Pro's API serves history older than 7 days",
      operation: GPS,
      what: "GPS points",
    }),
  },
  dataSources: {
    selectFleetVehicle: responsePicklist<Vehicle[]>({
      label: "Select Fleet Vehicle",
      description: "Select a Fleet Pro vehicle from a dropdown menu (its key is the VIN)",
      operation: VEHICLES,
      options: (vehicles) => (vehicles ?? []).filter((v) => v.vin).map((v) => ({ key: v.vin, label: vehicleLabel(v) })),
      example: [{ key: "1FTBR1C82MKA12345", label: "Van 12 · Dana Whitfield (VIN: 1FTBR1C82MKA12345)" }],
    }),
  },
};
