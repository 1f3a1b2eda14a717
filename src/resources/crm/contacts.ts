import { exampleOf } from "../../examples";
import { InputError } from "../../client/errors";
import type { components } from "../../generated/types/crm";
import { enumInput, guidInput, idInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inPath, listAction, operationAction, picklist, type Params, type Values } from "../../kit";
import type { OperationKey } from "../../client";
import { customerIdInput } from "./customers";
import { locationIdInput } from "./locations";

type Schemas = components["schemas"];
type Contact = Schemas["Crm.V2.ContactResponse"];
type ContactMethod = Schemas["Crm.V2.ContactMethodResponse"];

/**
 * CRM contacts (crm v2 "contacts"): people, with GUID ids, who have contact methods (phone numbers, email addresses)
 * and relationships to customers, locations and bookings. Not the same as a customer's or location's contacts (the
 * integer-id phone/email entries of Create Customer Contact).
 */
const CONTACTS = "/crm/v2/tenant/{tenant}/contacts";
const METHODS = `${CONTACTS}/{contactId}/contact-methods`;
const RELATIONSHIP = `${CONTACTS}/{contactId}/relationships/{relatedEntityId}/{typeSlug}`;

const shortGuid = (id: string) => `${String(id).slice(0, 8)}…`;
const contactLabel = (contact: Contact) => {
  const name = String(contact.name ?? "").trim() || "Unnamed contact";
  const title = String(contact.title ?? "").trim();
  return `${name}${title ? `, ${title}` : ""}${contact.isArchived ? " (archived)" : ""} (ID: ${shortGuid(contact.id)})`;
};

const contactIdParam = (name = "contactId") =>
  inPath(
    guidInput({
      label: "Contact ID",
      required: true,
      dataSource: "selectContact",
      comments: "The contact (a GUID): pick one or map its id from List Contacts or Create Contact.",
    }),
    name,
  );

const methodTweaks = {
  type: { label: "Type", comments: "What the value is: a phone number, an email address, a fax number or a mobile phone." },
  value: { label: "Value", comments: "The phone number or email address itself.", example: "6195550134" },
  memo: { label: "Memo", comments: 'A note about this contact method, e.g. "Work cell".' },
  referenceId: { label: "External Reference", comments: "Your system's id for this contact method (free text, for matching)." },
};
const contactTweaks = {
  name: { comments: "The contact's full name.", example: "Jane Doe" },
  title: { comments: "The contact's job title or role, e.g. Property Manager." },
  referenceId: { label: "External Reference", comments: "Your system's id for this contact (free text, for matching)." },
};

const referenceFilter = (what: string) =>
  stringInput({ label: "External Reference", comments: `Only ${what} with this reference (your system's id, as given on create).` });
const methodTypeFilter = () =>
  enumInput({ label: "Type", values: ["Phone", "Email", "Fax", "MobilePhone"], comments: "Only contact methods of this type." });

/** Relationship types as the API's slugs, and the record id input of each. */
const RELATED = [
  { key: "customerId", slug: "customer", label: "Customer ID" },
  { key: "locationId", slug: "location", label: "Location ID" },
  { key: "bookingId", slug: "booking", label: "Booking ID" },
] as const;

const relationshipParams: Params = {
  contactId: contactIdParam(),
  customerId: { in: "path", input: customerIdInput(false, "The customer to link (fill exactly one of Customer, Location and Booking).") },
  locationId: {
    in: "path",
    input: locationIdInput(false, "The service location to link (fill exactly one of Customer, Location and Booking)."),
  },
  bookingId: {
    in: "path",
    input: idInput({
      label: "Booking ID",
      dataSource: "selectBooking",
      comments: "The booking to link (fill exactly one of Customer, Location and Booking).",
    }),
  },
};

/** `{relatedEntityId, typeSlug}` from the one record input that is filled. */
const relatedRecord = (values: Values) => {
  const given = RELATED.filter(({ key }) => values[key] !== undefined);
  if (!given.length) throw new InputError("Customer ID", "or Location ID or Booking ID is required: the record to link the contact to.");
  if (given.length > 1) {
    throw new InputError(given[1].label, `cannot be combined with ${given[0].label}: a relationship links the contact to one record.`);
  }
  return { relatedEntityId: values[given[0].key] as number, typeSlug: given[0].slug, label: given[0].label };
};

const relationshipAction = (label: string, description: string, operation: OperationKey) =>
  operationAction({
    label,
    description,
    operation,
    params: relationshipParams,
    examplePayload: { data: {} },
    perform: (client, values) => {
      const { relatedEntityId, typeSlug } = relatedRecord(values);
      return client.request(operation, {
        path: { contactId: values.contactId as string, relatedEntityId, typeSlug },
        subject: `Contact ${values.contactId} and ${typeSlug} ${relatedEntityId}`,
      });
    },
  });

export const contacts: ResourceModule = {
  actions: {
    listContacts: listAction({
      label: "List Contacts",
      description: "Retrieve CRM contacts (people with phone numbers and email addresses, linked to customers, locations and bookings)",
      operation: `GET ${CONTACTS}`,
      filters: {
        referenceId: referenceFilter("contacts"),
        isArchived: enumInput({
          label: "Is Archived",
          values: ["true", "false"],
          comments: "true: archived contacts only; false: active contacts only; empty: both.",
        }),
      },
      examplePayload: exampleOf(`GET ${CONTACTS}`),
    }),
    getContact: derivedAction({ label: "Get Contact", description: "Retrieve a CRM contact by ID", operation: `GET ${CONTACTS}/{id}` }),
    createContact: derivedAction({
      label: "Create Contact",
      description: "Create a CRM contact (a person); add phone numbers and emails with Create Contact Method and link it with Link Contact",
      operation: `POST ${CONTACTS}`,
      inputs: contactTweaks,
    }),
    updateContact: derivedAction({
      label: "Update Contact",
      description: "Update a CRM contact's name, title or reference id, or archive it",
      operation: `PATCH ${CONTACTS}/{id}`,
      inputs: {
        ...contactTweaks,
        isArchived: {
          label: "Is Archived",
          comments: "True archives the contact, False keeps or makes it active (ServiceTitan requires it).",
        },
      },
    }),
    deleteContact: derivedAction({
      label: "Delete Contact",
      description: "Delete a CRM contact",
      operation: `DELETE ${CONTACTS}/{id}`,
      examplePayload: { data: {} },
    }),
    listContactMethods: listAction({
      label: "List Contact Methods",
      description: "Retrieve a contact's contact methods (phone numbers, email addresses)",
      operation: `GET ${METHODS}`,
      filters: { referenceId: referenceFilter("contact methods"), type: methodTypeFilter() },
      subject: (v) => `Contact ${v.contactId}`,
      examplePayload: exampleOf(`GET ${METHODS}`),
    }),
    searchContactMethods: listAction({
      label: "Search Contact Methods",
      description: "Find contact methods across all contacts, e.g. by phone number or email address (each names its contact)",
      operation: `GET ${CONTACTS}/contact-methods`,
      filters: {
        referenceId: referenceFilter("contact methods"),
        type: methodTypeFilter(),
        value: stringInput({ label: "Value", comments: "Contact methods with this phone number or email address." }),
      },
      examplePayload: exampleOf(`GET ${CONTACTS}/contact-methods`),
    }),
    createContactMethod: derivedAction({
      label: "Create Contact Method",
      description: "Add a phone number or email address to a contact",
      operation: `POST ${METHODS}`,
      inputs: methodTweaks,
      subject: (v: Values) => `Contact ${v.contactId}`,
    }),
    updateContactMethod: derivedAction({
      label: "Update Contact Method",
      description: "Change the value or memo of a contact's phone number or email address",
      operation: `PATCH ${METHODS}/{contactMethodId}`,
      inputs: { value: methodTweaks.value, memo: methodTweaks.memo },
      subject: (v: Values) => `Contact method ${v.contactMethodId} of contact ${v.contactId}`,
    }),
    deleteContactMethod: derivedAction({
      label: "Delete Contact Method",
      description: "Remove a phone number or email address from a contact",
      operation: `DELETE ${METHODS}/{contactMethodId}`,
      subject: (v: Values) => `Contact method ${v.contactMethodId} of contact ${v.contactId}`,
      examplePayload: { data: {} },
    }),
    listContactRelationships: listAction({
      label: "List Contact Relationships",
      description: "Retrieve the customers, locations and bookings a contact is linked to",
      operation: `GET ${CONTACTS}/{contactId}/relationships`,
      filters: {
        relatedEntityId: idInput({
          label: "Related Record ID",
          comments: "Only the relationship with this customer, location or booking id (with Type Slug to say which).",
        }),
        typeSlug: enumInput({
          label: "Type Slug",
          values: ["customer", "location", "booking"],
          comments: "Only relationships of this type.",
        }),
        typeName: enumInput({
          label: "Type Name",
          values: ["Customer", "Location", "Booking"],
          comments: "Only relationships of this type.",
        }),
      },
      subject: (v) => `Contact ${v.contactId}`,
      examplePayload: exampleOf(`GET ${CONTACTS}/{contactId}/relationships`),
    }),
    linkContact: relationshipAction(
      "Link Contact",
      "Link a contact to a customer, a service location or a booking (fill exactly one of them)",
      `POST ${RELATIONSHIP}`,
    ),
    unlinkContact: relationshipAction(
      "Unlink Contact",
      "Remove the link between a contact and a customer, a service location or a booking (fill exactly one of them)",
      `DELETE ${RELATIONSHIP}`,
    ),
  },
  dataSources: {
    selectContact: picklist<Contact>({
      label: "Select Contact",
      description: "Select a CRM contact (a person, GUID id) from a dropdown menu (up to 10,000, newest first)",
      operation: `GET ${CONTACTS}`,
      query: { sort: "-CreatedOn" }, // past the cap, the newest contacts survive
      option: (contact) => ({ key: String(contact.id), label: contactLabel(contact) }),
      order: "label",
      example: [{ key: "3fa85f64-5717-4562-b3fc-2c963f66afa6", label: "Jane Doe, Property Manager (ID: 3fa85f64…)" }],
    }),
    selectContactMethod: picklist<ContactMethod>({
      label: "Select Contact Method",
      description: "Select one of a contact's phone numbers or email addresses from a dropdown menu",
      operation: `GET ${METHODS}`,
      params: { contactId: contactIdParam() },
      option: (method) => ({
        key: String(method.id),
        label: `${method.type ?? "Contact"}: ${method.value}${method.memo ? ` (${method.memo})` : ""}`,
      }),
      order: "label",
      example: [{ key: "3fa85f64-5717-4562-b3fc-2c963f66afa6", label: "MobilePhone: 6195550134 (Work cell)" }],
    }),
  },
};
