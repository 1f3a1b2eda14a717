import { exampleOf } from "../../examples";
import { InputError } from "../../client/errors";
import type { components } from "../../generated/types/crm";
import { enumInput, guidInput, idInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import {
  derivedAction,
  inBody,
  inPath,
  listAction,
  operationAction,
  picklist,
  responsePicklist,
  type Params,
  type Values,
} from "../../kit";
import type { OperationKey } from "../../client";
import { customerIdInput } from "./customers";
import { locationIdInput } from "./locations";

type Schemas = components["schemas"];
type Contact = Schemas["Crm.V2.ContactResponse"];
type ContactMethod = Schemas["Crm.V2.ContactMethodResponse"];
type PreferenceType = Schemas["Crm.V2.ContactPreferenceTypeResponse"];

/**
 * CRM contacts (crm v2 "contacts"): people, with GUID ids, who have contact methods (phone numbers, email addresses)
 * and relationships to customers, locations and bookings. Not the same as a customer's or location's contacts (the
 * integer-id phone/email entries of Create Customer Contact).
 */
const CONTACTS = "/crm/v2/tenant/{tenant}/contacts";
const METHODS = `${CONTACTS}/{contactId}/contact-methods`;
const RELATIONSHIP = `${CONTACTS}/{contactId}/relationships/{relatedEntityId}/{typeSlug}`;
const METHOD = `${METHODS}/{contactMethodId}`;
const PREFERENCES = `${METHOD}/preferences`;
const PREFERENCE_TYPES: OperationKey = `GET ${CONTACTS}/preferences`;

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
/** The filters both contact lists (all contacts, a record's contacts) override: the rest come from the spec. */
const contactFilters = () => ({
  referenceId: referenceFilter("contacts"),
  isArchived: enumInput({
    label: "Is Archived",
    values: ["true", "false"],
    comments: "true: archived contacts only; false: active contacts only; empty: both.",
  }),
});
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

const methodSubject = (v: Values) => `Contact method ${v.contactMethodId} of contact ${v.contactId}`;
const preferenceSubject = (v: Values) => `Preference "${v.preferenceName}" of contact method ${v.contactMethodId}`;

/** Preference names are the tenant's preference types (List Contact Preference Types): text, offered by a dropdown. */
const preferenceNameParam = (comments: string) =>
  inPath({
    ...stringInput({ label: "Preference Name", required: true, example: "MarketingUpdates", comments }),
    dataSource: "selectContactPreference",
  } as InputFieldDefinition);

/** What Replace Contact / Replace Contact Method say of the fields a builder leaves empty. */
const CLEARED = " Empty: cleared (a replace sets every field).";

export const contacts: ResourceModule = {
  actions: {
    listContacts: listAction({
      label: "List Contacts",
      description: "Retrieve CRM contacts (people with phone numbers and email addresses, linked to customers, locations and bookings)",
      operation: `GET ${CONTACTS}`,
      filters: contactFilters,
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
    replaceContact: derivedAction({
      label: "Replace Contact",
      description:
        "Replace a CRM contact's name, title, reference id and archived flag at once: fields left empty are cleared (Update Contact changes only the fields given)",
      operation: `PUT ${CONTACTS}/{id}`,
      inputs: {
        name: { ...contactTweaks.name, comments: `${contactTweaks.name.comments}${CLEARED}` },
        title: { comments: `${contactTweaks.title.comments}${CLEARED}` },
        referenceId: { ...contactTweaks.referenceId, comments: `${contactTweaks.referenceId.comments}${CLEARED}` },
        isArchived: { label: "Is Archived", comments: "True archives the contact, False keeps or makes it active (required)." },
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
    getContactMethod: derivedAction({
      label: "Get Contact Method",
      description: "Retrieve one of a contact's phone numbers or email addresses by ID",
      operation: `GET ${METHOD}`,
      subject: methodSubject,
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
    replaceContactMethod: derivedAction({
      label: "Replace Contact Method",
      description:
        "Replace a contact's phone number or email address as a whole (type, value, memo, reference): fields left empty are cleared (Update Contact Method changes only the value or memo given)",
      operation: `PUT ${METHOD}`,
      inputs: {
        type: methodTweaks.type,
        value: methodTweaks.value,
        memo: { ...methodTweaks.memo, comments: `${methodTweaks.memo.comments}${CLEARED}` },
        referenceId: { ...methodTweaks.referenceId, comments: `${methodTweaks.referenceId.comments}${CLEARED}` },
      },
      subject: methodSubject,
    }),
    deleteContactMethod: derivedAction({
      label: "Delete Contact Method",
      description: "Remove a phone number or email address from a contact",
      operation: `DELETE ${METHODS}/{contactMethodId}`,
      subject: (v: Values) => `Contact method ${v.contactMethodId} of contact ${v.contactId}`,
      examplePayload: { data: {} },
    }),
    listContactPreferenceTypes: derivedAction({
      label: "List Contact Preference Types",
      description:
        "Retrieve the communication preferences contact methods can have (e.g. job reminders, marketing updates), with their names, descriptions and data types",
      operation: PREFERENCE_TYPES,
    }),
    listContactMethodPreferences: derivedAction({
      label: "List Contact Method Preferences",
      description: "Retrieve the communication preferences of a contact's phone number or email address (each with its name and value)",
      operation: `GET ${PREFERENCES}`,
      subject: methodSubject,
    }),
    getContactMethodPreference: derivedAction({
      label: "Get Contact Method Preference",
      description:
        "Retrieve one communication preference of a contact's phone number or email address, e.g. whether it gets marketing updates",
      operation: `GET ${PREFERENCES}/{preferenceName}`,
      inputs: {
        preferenceName: preferenceNameParam("The preference to read: pick one or enter its name (from List Contact Preference Types)."),
      },
      subject: preferenceSubject,
    }),
    updateContactMethodPreference: derivedAction({
      label: "Update Contact Method Preference",
      description:
        "Set one communication preference of a contact's phone number or email address, e.g. opt it in or out of marketing updates",
      operation: `PATCH ${PREFERENCES}/{preferenceName}`,
      inputs: {
        preferenceName: preferenceNameParam("The preference to set: pick one or enter its name (from List Contact Preference Types)."),
        value: inBody(
          stringInput({
            label: "Value",
            required: true,
            example: "true",
            comments:
              "The preference's new value as text: true or false for the yes/no (Bool) preferences, the only data type ServiceTitan has for now.",
          }),
        ),
      },
      subject: preferenceSubject,
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
    listContactsOfRecord: listAction({
      label: "List Contacts Linked to a Record",
      description:
        "Retrieve the contacts linked to one customer, service location or booking (by Link Contact), e.g. everyone to call about a property",
      operation: `GET ${CONTACTS}/relationships/{relationshipId}`,
      path: () => ({
        relationshipId: inPath(
          idInput({
            label: "Related Record ID",
            required: true,
            comments: "The customer, location or booking id whose linked contacts to list (a relationship's relatedEntityId).",
          }),
        ),
      }),
      filters: contactFilters,
      subject: (v) => `Record ${v.relationshipId}`,
      examplePayload: exampleOf(`GET ${CONTACTS}/relationships/{relationshipId}`),
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
    selectContactPreference: responsePicklist<PreferenceType[]>({
      label: "Select Contact Preference",
      description: "Select a contact method preference (e.g. marketing updates) by name from a dropdown menu",
      operation: PREFERENCE_TYPES,
      options: (types) =>
        (types ?? []).map((type) => ({
          key: type.name,
          label: `${type.name}${type.description?.trim() ? ` · ${type.description.trim()}` : ""}`,
        })),
      order: "label",
      example: [{ key: "MarketingUpdates", label: "MarketingUpdates · Receives marketing updates" }],
    }),
  },
};
