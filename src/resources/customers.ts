import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey, RequestArgs, ServiceTitanClient } from "../client";
import { InputError } from "../client/errors";
import { exampleOf } from "../examples";
import type { components } from "../generated/crm";
import { booleanInput, decimalInput, enumInput, idInput, stringInput, toDecimal, toInteger } from "../inputs";
import type { ResourceModule } from "../kit";
import { inBody, inPath, listAction, nameWithId, operationAction, picklist, placeParams, type Params, type Values } from "../kit";
import { checkedJsonInput, customFieldsInput, externalDataInput, tagTypeIdsInput } from "./settings";

/* ------------------------------------------------------------------------------------------------------------
 * Helpers shared by the CRM, accounting and equipment modules (customers, locations, bookings, invoices, …).
 * ---------------------------------------------------------------------------------------------------------- */

type Json = Record<string, unknown>;

/** What each item (or the object) of a JSON input must look like, checked before any request. */
export interface JsonRules {
  required?: string[];
  /** Ids: whole numbers (digit strings are converted; ServiceTitan wants integers in bodies). */
  integers?: string[];
  /** Amounts and quantities: numbers (numeric strings are converted). */
  numbers?: string[];
  enums?: Record<string, readonly string[]>;
  /** Nested arrays of objects, checked with their own rules. */
  lists?: Record<string, JsonRules>;
}

const checkObject = (label: string, where: string, item: unknown, rules: JsonRules): Json => {
  if (item === null || typeof item !== "object" || Array.isArray(item)) throw new InputError(label, `${where} must be a JSON object.`);
  const out: Json = { ...(item as Json) };
  for (const key of rules.required ?? []) {
    if (out[key] === undefined || out[key] === null || out[key] === "") throw new InputError(label, `${where} needs "${key}".`);
  }
  const present = (key: string) => out[key] !== undefined && out[key] !== null;
  for (const key of (rules.integers ?? []).filter(present)) out[key] = toInteger(`${label} ${where}.${key}`, out[key]);
  for (const key of (rules.numbers ?? []).filter(present)) out[key] = toDecimal(`${label} ${where}.${key}`, out[key]);
  for (const [key, allowed] of Object.entries(rules.enums ?? {}).filter(([key]) => present(key))) {
    if (!allowed.includes(String(out[key]))) throw new InputError(label, `${where}.${key} "${String(out[key])}" is not one of ${allowed.join(", ")}.`);
  }
  for (const [key, nested] of Object.entries(rules.lists ?? {}).filter(([key]) => present(key))) {
    if (!Array.isArray(out[key])) throw new InputError(label, `${where}.${key} must be a JSON array.`);
    out[key] = (out[key] as unknown[]).map((entry, i) => checkObject(label, `${where}.${key}[${i}]`, entry, nested));
  }
  return out;
};

/** A JSON input (an array of objects, or one object) whose content is checked against `rules`; the template is an example only. */
export const rulesJsonInput = (
  options: { label: string; required?: boolean; comments: string; example: string; shape: "array" | "object" },
  rules: JsonRules,
): InputFieldDefinition =>
  checkedJsonInput(options, (parsed: unknown) =>
    options.shape === "object"
      ? checkObject(options.label, "the object", parsed, rules)
      : (parsed as unknown[]).map((item, i) => checkObject(options.label, `item ${i + 1}`, item, rules)),
  );

const CONTACT_TYPES = ["Phone", "Email", "Fax", "MobilePhone"] as const;

export const contactTypeInput = (required: boolean) =>
  enumInput({ label: "Contact Type", required, values: CONTACT_TYPES, comments: "What the value is: a phone number, an email address, a fax number or a mobile phone number." });

export const contactsInput = (what: string) =>
  rulesJsonInput(
    {
      label: "Contacts",
      shape: "array",
      comments: `Phone numbers and email addresses of the ${what}, as a JSON array; type is one of ${CONTACT_TYPES.join(", ")}.`,
      example: JSON.stringify([{ type: "Email", value: "jane@example.com", memo: "Billing" }], null, 2),
    },
    { required: ["type", "value"], enums: { type: CONTACT_TYPES } },
  );

export const customerIdInput = (required: boolean, comments = "The ServiceTitan customer's id: pick one or map it from a previous step.") =>
  idInput({ label: "Customer ID", required, dataSource: "selectCustomers", comments });

export const ADDRESS_FIELDS = ["street", "unit", "city", "state", "zip", "country"] as const;
const COORDINATES = ["latitude", "longitude"] as const;
const REQUIRED_ADDRESS = ["street", "city", "state", "zip", "country"];
const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);

export interface AddressOptions {
  /** Where the address goes in the body ("address"). */
  at: string;
  /** Input key and label prefix for a second address on the same action ("location" → "locationStreet", "Location Street"). */
  prefix?: string;
  /** Street, city, state, zip and country must be entered (a create whose address the API requires). */
  required?: boolean;
  coordinates?: boolean;
  /** Comment added to every field (e.g. what an empty field means). */
  note?: string;
}

const addressKey = (prefix: string | undefined, field: string) => (prefix ? `${prefix}${capitalize(field)}` : field);

/** One input per address field (Street, Unit, City, State, Zip, Country, optional coordinates), placed at `at.<field>`. */
export const addressParams = ({ at, prefix, required = false, coordinates = false, note = "" }: AddressOptions): Params => {
  const labelPrefix = prefix ? `${capitalize(prefix)} ` : "";
  const fields: Params = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [
      addressKey(prefix, field),
      inBody(
        stringInput({
          label: `${labelPrefix}${field === "zip" ? "Zip Code" : capitalize(field)}`,
          required: required && REQUIRED_ADDRESS.includes(field),
          example: { street: "123 Main St", unit: "Suite 4", city: "San Diego", state: "CA", zip: "92101", country: "USA" }[field],
          comments: `${field === "unit" ? "Apartment, suite or unit. " : ""}${note}`.trim() || undefined,
        }),
        `${at}.${field}`,
      ),
    ]),
  );
  if (!coordinates) return fields;
  return {
    ...fields,
    ...Object.fromEntries(
      COORDINATES.map((field) => [
        addressKey(prefix, field),
        inBody(decimalInput({ label: `${labelPrefix}${capitalize(field)}`, comments: `Decimal degrees, e.g. ${field === "latitude" ? "32.7157" : "-117.1611"}. ${note}`.trim() }), `${at}.${field}`),
      ]),
    ),
  };
};

/** An optional address (e.g. a booking's) is all or nothing: once any field is entered, the API requires the main ones. */
export const requireCompleteAddress = (address: Json | undefined, prefix?: string) => {
  if (!address) return;
  const labelPrefix = prefix ? `${capitalize(prefix)} ` : "";
  for (const field of REQUIRED_ADDRESS) {
    if (address[field] === undefined) {
      throw new InputError(`${labelPrefix}${field === "zip" ? "Zip Code" : capitalize(field)}`, "is required once any address field is entered (ServiceTitan needs street, city, state, zip code and country).");
    }
  }
};

export interface AddressPatch {
  get: OperationKey;
  patch: OperationKey;
  /** The fields the PATCH schema's address has (it requires them all, so the whole address is always sent). */
  fields: readonly string[];
  subject: (values: Values) => string;
}

/**
 * A PATCH whose address replaces the whole address. Only when an address field is entered, the current record is
 * read once and the fields left empty keep their current value, so a builder can change just the street.
 */
export const patchKeepingAddress =
  (params: Params, spec: AddressPatch) =>
  async (client: ServiceTitanClient, values: Values): Promise<unknown> => {
    const { path, body = {} } = placeParams(params, values);
    const args: RequestArgs = { path, subject: spec.subject(values) };
    if (body.address) {
      const current = ((await client.request<{ address?: Json }>(spec.get, args)).address ?? {}) as Json;
      const entered = body.address as Json;
      body.address = Object.fromEntries(
        spec.fields
          .map((field) => [field, entered[field] ?? current[field] ?? (field === "unit" ? "" : undefined)])
          .filter(([, value]) => value !== undefined && value !== null),
      );
    }
    return client.request(spec.patch, { ...args, body });
  };

/* ------------------------------------------------------------------------------------------------------------ */

type Customer = components["schemas"]["Crm.V2.Customers.CustomerResponse"];
const customerTypeInput = (comments: string) => enumInput({ label: "Customer Type", values: ["Residential", "Commercial"], comments });
const customerSubject = (v: Values) => `Customer ${v.id}`;

const customerBody: Params = {
  name: inBody(stringInput({ label: "Name", required: true, example: "Jane Doe", comments: "The customer's name (a person or a company)." })),
  type: inBody(customerTypeInput("Residential or Commercial; ServiceTitan uses Residential when empty.")),
  ...addressParams({ at: "address", required: true, coordinates: true, note: "The customer's billing address." }),
  doNotMail: inBody(booleanInput({ label: "Do Not Mail", comments: "True: the customer asked not to receive mail." })),
  doNotService: inBody(booleanInput({ label: "Do Not Service", comments: "True: the company does not take jobs for this customer." })),
  contacts: inBody(contactsInput("customer")),
  customFields: inBody(customFieldsInput({ valueRequired: true })),
  tagTypeIds: inBody(tagTypeIdsInput("Tags on the customer, by tag type id (Settings → Tags); on update they replace the current tags.")),
  externalData: inBody(externalDataInput()),
};

/** The first service location: its own name/address, or the customer's when left empty. */
const firstLocation: Params = {
  locationName: inBody(stringInput({ label: "Location Name", comments: "Name of the customer's first service location (empty: the customer's name)." })),
  ...addressParams({ at: "address", prefix: "location", note: "Address of the first service location; leave every Location field empty to use the customer's address." }),
};

const moreLocations = rulesJsonInput(
  {
    label: "Additional Locations",
    shape: "array",
    comments: "More service locations as a JSON array; each needs a name and an address (street, city, state, zip, country).",
    example: JSON.stringify([{ name: "Lake House", address: { street: "9 Shore Rd", city: "Big Bear", state: "CA", zip: "92315", country: "USA" } }], null, 2),
  },
  { required: ["name", "address"], lists: { contacts: { required: ["type", "value"], enums: { type: CONTACT_TYPES } } } },
);

/** ServiceTitan requires at least one location on a new customer: the first is built from the inputs, the rest come from JSON. */
const createCustomerBody = (v: Values) => {
  const customer = placeParams(customerBody, v).body!;
  const location = placeParams(firstLocation, v).body ?? {};
  const ownAddress = location.address as Json | undefined;
  requireCompleteAddress(ownAddress, "location");
  for (const [i, extra] of ((v.additionalLocations as Json[] | undefined) ?? []).entries()) {
    const address = extra.address as Json;
    if (!address || typeof address !== "object") throw new InputError("Additional Locations", `item ${i + 1} needs an "address" object.`);
    for (const field of REQUIRED_ADDRESS) if (!address[field]) throw new InputError("Additional Locations", `item ${i + 1} address needs "${field}".`);
  }
  const first = { name: location.locationName ?? customer.name, address: ownAddress ?? customer.address };
  return { ...customer, locations: [first, ...((v.additionalLocations as Json[] | undefined) ?? [])] };
};

const updateParams: Params = {
  id: inPath(customerIdInput(true)),
  name: inBody(stringInput({ label: "Name", comments: "New name (empty: unchanged)." })),
  type: inBody(customerTypeInput("Residential or Commercial (empty: unchanged).")),
  ...addressParams({ at: "address", coordinates: true, note: "Empty: keeps the current value (enter new coordinates when you move the address)." }),
  active: inBody(booleanInput({ label: "Active", comments: "False deactivates the customer (ServiceTitan has no delete); True reactivates it." })),
  doNotMail: inBody(booleanInput({ label: "Do Not Mail" })),
  doNotService: inBody(booleanInput({ label: "Do Not Service" })),
  customFields: inBody(customFieldsInput({ valueRequired: true })),
  tagTypeIds: inBody(tagTypeIdsInput("Tags on the customer, by tag type id (Settings → Tags); on update they replace the current tags.")),
  externalData: inBody(externalDataInput({ update: true })),
};

export const customers: ResourceModule = {
  actions: {
    listCustomers: listAction({
      label: "List Customers",
      description: "Retrieve a list of Customers",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      filters: {
        latitude: decimalInput({ label: "Latitude", comments: "Customers at this latitude (decimal degrees)." }),
        longitude: decimalInput({ label: "Longitude", comments: "Customers at this longitude (decimal degrees)." }),
      },
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/customers"),
    }),
    getCustomer: operationAction({
      label: "Get Customer",
      description: "Retrieve a Customer by ID",
      operation: "GET /crm/v2/tenant/{tenant}/customers/{id}",
      params: { id: inPath(customerIdInput(true)) },
      subject: customerSubject,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/customers/{id}"),
    }),
    createCustomer: operationAction({
      label: "Create Customer",
      description: "Create a New Customer",
      operation: "POST /crm/v2/tenant/{tenant}/customers",
      params: { ...customerBody, ...firstLocation, additionalLocations: inBody(moreLocations) },
      body: createCustomerBody,
      examplePayload: exampleOf("POST /crm/v2/tenant/{tenant}/customers"),
    }),
    updateCustomer: operationAction({
      label: "Update Customer",
      description: "Update a customer",
      operation: "PATCH /crm/v2/tenant/{tenant}/customers/{id}",
      params: updateParams,
      subject: customerSubject,
      perform: patchKeepingAddress(updateParams, {
        get: "GET /crm/v2/tenant/{tenant}/customers/{id}",
        patch: "PATCH /crm/v2/tenant/{tenant}/customers/{id}",
        fields: [...ADDRESS_FIELDS, ...COORDINATES],
        subject: customerSubject,
      }),
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/customers/{id}"),
    }),
  },
  dataSources: {
    selectCustomers: picklist<Customer>({
      label: "Select Customer",
      description: "Select a customer from a dropdown menu (up to 10,000 customers)",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      // Active customers only; past the cap, the most recently changed ones are the likely picks.
      query: { active: "True", sort: "-ModifiedOn" },
      option: (customer) => ({ key: String(customer.id), label: nameWithId(customer.name, customer.id) }),
      order: "label",
      example: [
        { key: "2", label: "Jane Doe (ID: 2)" },
        { key: "1", label: "John Doe (ID: 1)" },
      ],
    }),
  },
};
