import { InputError } from "../client/errors";
import { exampleOf } from "../examples";
import type { components } from "../generated/crm";
import { booleanInput, customFieldsInput, enumInput, externalDataInput, idInput, rulesJsonInput, stringInput } from "../inputs";
import type { ResourceModule } from "../kit";
import { inBody, inPath, listAction, namedPicklist, operationAction, placeParams, type Params, type Values } from "../kit";
import {
  ADDRESS_FIELDS,
  addressParams,
  addressPatchAction,
  coordinateFilters,
  COORDINATES,
  REQUIRED_ADDRESS,
  requireCompleteAddress,
} from "../kit/address";
import { tagTypeIdsInput } from "./settings";

/* Contact and customer id inputs, shared with the other modules. */

type Json = Record<string, unknown>;

const CONTACT_TYPES = ["Phone", "Email", "Fax", "MobilePhone"] as const;

export const contactTypeInput = (required: boolean) =>
  enumInput({
    label: "Contact Type",
    required,
    values: CONTACT_TYPES,
    comments: "What the value is: a phone number, an email address, a fax number or a mobile phone number.",
  });

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

export const customerIdInput = (required = false, comments = "The customer's id: pick one or map it from a previous step.") =>
  idInput({ label: "Customer ID", required, dataSource: "selectCustomers", comments });

type Customer = components["schemas"]["Crm.V2.Customers.CustomerResponse"];
const customerTypeInput = (comments: string) => enumInput({ label: "Customer Type", values: ["Residential", "Commercial"], comments });
const customerSubject = (v: Values) => `Customer ${v.id}`;

const customerBody: Params = {
  name: inBody(
    stringInput({ label: "Name", required: true, example: "Jane Doe", comments: "The customer's name (a person or a company)." }),
  ),
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
  locationName: inBody(
    stringInput({ label: "Location Name", comments: "Name of the customer's first service location (empty: the customer's name)." }),
  ),
  ...addressParams({
    at: "address",
    prefix: "location",
    note: "Address of the first service location; leave every Location field empty to use the customer's address.",
  }),
};

const moreLocations = rulesJsonInput(
  {
    label: "Additional Locations",
    shape: "array",
    comments: "More service locations as a JSON array; each needs a name and an address (street, city, state, zip, country).",
    example: JSON.stringify(
      [{ name: "Lake House", address: { street: "9 Shore Rd", city: "Big Bear", state: "CA", zip: "92315", country: "USA" } }],
      null,
      2,
    ),
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
    for (const field of REQUIRED_ADDRESS)
      if (!address[field]) throw new InputError("Additional Locations", `item ${i + 1} address needs "${field}".`);
  }
  const first = { name: location.locationName ?? customer.name, address: ownAddress ?? customer.address };
  return { ...customer, locations: [first, ...((v.additionalLocations as Json[] | undefined) ?? [])] };
};

const updateParams: Params = {
  id: inPath(customerIdInput(true)),
  name: inBody(stringInput({ label: "Name", comments: "New name (empty: unchanged)." })),
  type: inBody(customerTypeInput("Residential or Commercial (empty: unchanged).")),
  ...addressParams({
    at: "address",
    coordinates: true,
    note: "Empty: keeps the current value (enter new coordinates when you move the address).",
  }),
  active: inBody(
    booleanInput({ label: "Active", comments: "False deactivates the customer (ServiceTitan has no delete); True reactivates it." }),
  ),
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
      filters: coordinateFilters("Customers"),
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
    updateCustomer: addressPatchAction({
      label: "Update Customer",
      description: "Update a customer",
      operation: "PATCH /crm/v2/tenant/{tenant}/customers/{id}",
      get: "GET /crm/v2/tenant/{tenant}/customers/{id}",
      params: updateParams,
      fields: [...ADDRESS_FIELDS, ...COORDINATES],
      subject: customerSubject,
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/customers/{id}"),
    }),
  },
  dataSources: {
    selectCustomers: namedPicklist<Customer>({
      label: "Select Customer",
      description: "Select a customer from a dropdown menu (up to 10,000 customers)",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      // Active customers only; past the cap, the most recently changed ones are the likely picks.
      query: { active: "True", sort: "-ModifiedOn" },
      example: [
        { key: "2", label: "Jane Doe (ID: 2)" },
        { key: "1", label: "John Doe (ID: 1)" },
      ],
    }),
  },
};
