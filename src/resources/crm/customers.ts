import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import {
  booleanInput,
  customFieldsInput,
  enumInput,
  externalDataInput,
  idInput,
  rulesJsonInput,
  specEnum,
  specFields,
  stringInput,
  type JsonRules,
} from "../../inputs";
import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, namedPicklist, operationAction, placeParams, type Params, type Values } from "../../kit";
import {
  ADDRESS_FIELDS,
  addressParams,
  addressPatchAction,
  coordinateFilters,
  COORDINATES,
  REQUIRED_ADDRESS,
  requireCompleteAddress,
} from "../../kit/address";
import { tagTypeIdsInput } from "../settings/settings";

/* Contact and customer id inputs, shared with the other modules. */

type Schemas = components["schemas"];

const CONTACT_TYPES = specEnum<Schemas["Crm.V2.ContactType"]>()("Phone", "Email", "Fax", "MobilePhone");
/** A new contact (customers, locations and bookings take the same three fields). */
const CONTACT_RULES: JsonRules = {
  fields: specFields<Schemas["Crm.V2.Customers.NewCustomerContact"]>()("type", "value", "memo"),
  required: ["type", "value"],
  enums: { type: CONTACT_TYPES },
};

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
    CONTACT_RULES,
  );

export const customerIdInput = (required = false, comments = "The customer's id: pick one or map it from a previous step.") =>
  idInput({ label: "Customer ID", required, dataSource: "selectCustomers", comments });

type Customer = Schemas["Crm.V2.Customers.CustomerResponse"];
export const customerTypeInput = (comments: string) =>
  enumInput({ label: "Customer Type", values: specEnum<Schemas["Crm.V2.CustomerType"]>()("Residential", "Commercial"), comments });
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
  tagTypeIds: inBody(tagTypeIdsInput("Tags on the customer, by tag type id (Settings → Tags).")),
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
  {
    fields: specFields<Schemas["Crm.V2.Customers.NewLocation"]>()(
      "name",
      "address",
      "contacts",
      "customFields",
      "tagTypeIds",
      "externalData",
      "coordinatesSource",
      "coordinatesVerificationStatus",
    ),
    required: ["name", "address"],
    objects: {
      address: {
        fields: specFields<Schemas["Crm.V2.Customers.CustomerAddress"]>()(
          "street",
          "unit",
          "city",
          "state",
          "zip",
          "country",
          "latitude",
          "longitude",
        ),
        required: REQUIRED_ADDRESS,
        numbers: [...COORDINATES],
      },
      externalData: {
        fields: specFields<Schemas["Crm.V2.ExternalDataCreateRequest"]>()("applicationGuid", "externalData"),
        required: ["applicationGuid", "externalData"],
        lists: { externalData: { fields: specFields<Schemas["Crm.V2.ExternalDataModel"]>()("key", "value"), required: ["key", "value"] } },
      },
    },
    lists: {
      contacts: CONTACT_RULES,
      customFields: {
        fields: specFields<Schemas["Crm.V2.Customers.CustomFieldUpdateModel"]>()("typeId", "value"),
        required: ["typeId", "value"],
        integers: ["typeId"],
      },
    },
  },
);

/** ServiceTitan requires at least one location on a new customer: the first is built from the inputs, the rest come from JSON. */
const createCustomerBody = (v: Values) => {
  const customer = placeParams(customerBody, v).body!;
  const location = placeParams(firstLocation, v).body ?? {};
  const ownAddress = location.address as Values | undefined;
  requireCompleteAddress(ownAddress, "location");
  const first = { name: location.locationName ?? customer.name, address: ownAddress ?? customer.address };
  return { ...customer, locations: [first, ...((v.additionalLocations as Values[] | undefined) ?? [])] };
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
  doNotMail: inBody(booleanInput({ label: "Do Not Mail", comments: "True: the customer asked not to receive mail (empty: unchanged)." })),
  doNotService: inBody(
    booleanInput({ label: "Do Not Service", comments: "True: the company does not take jobs for this customer (empty: unchanged)." }),
  ),
  customFields: inBody(customFieldsInput({ valueRequired: true })),
  tagTypeIds: inBody(
    tagTypeIdsInput(
      "The customer's tags after the update, by tag type id (Settings → Tags): tags not listed are removed. Empty: unchanged.",
    ),
  ),
  externalData: inBody(externalDataInput({ update: true })),
};

export const customers: ResourceModule = {
  actions: {
    listCustomers: listAction({
      label: "List Customers",
      description: "Retrieve a list of Customers",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      dataSource: "selectCustomers",
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
      required: [...ADDRESS_FIELDS, ...COORDINATES],
      subject: customerSubject,
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/customers/{id}"),
    }),
  },
  dataSources: {
    selectCustomers: namedPicklist<Customer>({
      label: "Select Customer",
      description: "Select a customer from a dropdown menu (up to 10,000 customers)",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      // Active customers only; past the cap, the newest survive. -Id, not -ModifiedOn: ids are unique and never
      // change, so concurrently read pages cannot shift when a customer changes (balance adjustments count as changes) or
      // when many share one modifiedOn (imports); a record moved between pages while they are read would be missing.
      query: { active: "True", sort: "-Id" },
      example: [
        { key: "2", label: "Jane Doe (ID: 2)" },
        { key: "1", label: "John Doe (ID: 1)" },
      ],
    }),
  },
};
