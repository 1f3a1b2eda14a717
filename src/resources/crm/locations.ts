import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { booleanInput, customFieldsInput, externalDataInput, idInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { inBody, inPath, inQuery, listAction, operationAction, picklist, type Params, type Values } from "../../kit";
import { ADDRESS_FIELDS, addressParams, addressPatchAction, coordinateFilters, COORDINATES } from "../../kit/address";
import { contactsInput, customerIdInput } from "./customers";
import { tagTypeIdsInput } from "../settings/settings";

type Location = components["schemas"]["Crm.V2.Locations.LocationResponse"];

export const locationIdInput = (required = false, comments = "The service location's id: pick one or map it from a previous step.") =>
  idInput({ label: "Location ID", required, dataSource: "selectLocation", comments });

const locationSubject = (v: Values) => `Location ${v.id}`;

const updateParams: Params = {
  id: inPath(locationIdInput(true)),
  customerId: inBody(customerIdInput(false, "Moves the location to this customer (empty: unchanged).")),
  name: inBody(stringInput({ label: "Name", comments: "New name (empty: unchanged)." })),
  ...addressParams({
    at: "address",
    coordinates: true,
    note: "Empty: keeps the current value (enter new coordinates when you move the address).",
  }),
  active: inBody(
    booleanInput({ label: "Active", comments: "False deactivates the location (ServiceTitan has no delete); True reactivates it." }),
  ),
  taxZoneId: inBody(
    idInput({
      label: "Tax Zone ID",
      dataSource: "selectTaxZone",
      comments: "The tax zone that applies at this location (Settings → Tax Zones).",
    }),
  ),
  customFields: inBody(
    customFieldsInput({
      valueRequired: true,
      comments:
        "The location's custom field values after the update, as a JSON array of { typeId, value }: fields not listed are cleared. Empty: unchanged.",
    }),
  ),
  tagTypeIds: inBody(
    tagTypeIdsInput(
      "The location's tags after the update, by tag type id (Settings → Tags): tags not listed are removed. Empty: unchanged.",
    ),
  ),
  externalData: inBody(externalDataInput({ update: true })),
};

/** "Main House — 123 Main St, San Diego (ID: 5)": the address tells same-named locations ("Home") apart. */
const locationLabel = (location: Location) => {
  const where = [location.address?.street, location.address?.city].filter((part) => part && String(part).trim()).join(", ");
  const name = String(location.name ?? "").trim() || "Unnamed location";
  return `${name}${where ? ` — ${where}` : ""} (ID: ${location.id})`;
};

export const locations: ResourceModule = {
  actions: {
    listLocations: listAction({
      label: "List Locations",
      description: "Retrieve a list of Locations",
      operation: "GET /crm/v2/tenant/{tenant}/locations",
      dataSource: "selectLocation",
      filters: {
        customerId: customerIdInput(false, "Only this customer's locations."),
        // ServiceTitan's reference copies the customer list's wording ("customer's name", "customer's street" …) for
        // every filter here; the label stays neutral rather than guess.
        name: stringInput({ label: "Name", comments: "Filters by name (ServiceTitan documents it as the customer's name)." }),
        ...coordinateFilters("Locations"),
      },
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/locations"),
    }),
    getLocation: operationAction({
      label: "Get Location",
      description: "Retrieve a location by ID",
      operation: "GET /crm/v2/tenant/{tenant}/locations/{id}",
      params: { id: inPath(locationIdInput(true)) },
      subject: locationSubject,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/locations/{id}"),
    }),
    createLocation: operationAction({
      label: "Create Location",
      description: "Creates a new location",
      operation: "POST /crm/v2/tenant/{tenant}/locations",
      params: {
        customerId: inBody(customerIdInput(true, "The customer the new service location belongs to.")),
        name: inBody(
          stringInput({
            label: "Name",
            required: true,
            example: "Main House",
            comments: 'The location\'s name, e.g. "Main House" or "Store #12".',
          }),
        ),
        ...addressParams({ at: "address", required: true, coordinates: true, note: "Where the work is done." }),
        contacts: inBody(contactsInput("location")),
        customFields: inBody(customFieldsInput({ valueRequired: true })),
        tagTypeIds: inBody(tagTypeIdsInput("Tags on the location, by tag type id (Settings → Tags).")),
        externalData: inBody(externalDataInput()),
      },
      subject: (v) => `Customer ${v.customerId}`,
      examplePayload: exampleOf("POST /crm/v2/tenant/{tenant}/locations"),
    }),
    updateLocation: addressPatchAction({
      label: "Update Location",
      description: "Update a location",
      operation: "PATCH /crm/v2/tenant/{tenant}/locations/{id}",
      get: "GET /crm/v2/tenant/{tenant}/locations/{id}",
      params: updateParams,
      fields: [...ADDRESS_FIELDS, ...COORDINATES],
      required: ADDRESS_FIELDS,
      subject: locationSubject,
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/locations/{id}"),
    }),
  },
  dataSources: {
    selectLocation: picklist<Location>({
      label: "Select Location",
      description: "Select a Location from a dropdown menu (up to 10,000 Locations)",
      operation: "GET /crm/v2/tenant/{tenant}/locations",
      // Active locations only; past the cap, the newest survive (-Id: a stable order for concurrent pages, see selectCustomers).
      query: { active: "True", sort: "-Id" },
      params: { customerId: inQuery(customerIdInput(false, "Only this customer's locations (empty: every customer's).")) },
      option: (location) => ({ key: String(location.id), label: locationLabel(location) }),
      order: "label",
      example: [
        { key: "1", label: "Main House — 123 Main St, San Diego (ID: 1)" },
        { key: "2", label: "Warehouse — 9 Harbor Dr, San Diego (ID: 2)" },
      ],
    }),
  },
};
