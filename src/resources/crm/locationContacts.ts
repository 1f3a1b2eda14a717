import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { idInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inPath, listAction, picklist, type Values } from "../../kit";
import { locationIdInput } from "./locations";
import { contactsOfManyAction } from "./customerContacts";

type Contact = components["schemas"]["Crm.V2.LocationContactResponse"];

const CONTACTS = "/crm/v2/tenant/{tenant}/locations/{id}/contacts";

/** The API addresses a location's contacts as locations/{id}/contacts: the input says "Location ID", the path says id. */
const location = () =>
  inPath(locationIdInput(true, "The service location whose contacts these are: pick one or map it from a previous step."), "id");
const contactId = () =>
  inPath(
    idInput({
      label: "Contact ID",
      required: true,
      dataSource: "selectLocationContact",
      comments: "The contact's id (pick one of the location's contacts, or map it from List Location Contacts or Create Location Contact).",
    }),
  );
const subject = (v: Values) => `Contact ${v.contactId} of location ${v.id}`;
const valueTweak = { label: "Value", comments: "The phone number, email address or fax number itself.", example: "(555) 123-4567" };
const memoTweak = { label: "Memo", comments: 'A note about this contact, e.g. "Site manager" or "Gate phone".' };
const typeTweak = {
  label: "Contact Type",
  comments: "What the value is: a phone number, an email address, a fax number or a mobile phone.",
};

/** Phone numbers and email addresses of a service location (as customers have theirs). */
export const locationContacts: ResourceModule = {
  actions: {
    listLocationContacts: listAction({
      label: "List Location Contacts",
      description: "Retrieve the contacts (phone numbers, email addresses) of a service location",
      operation: `GET ${CONTACTS}`,
      path: { locationId: location() },
      subject: (v) => `Location ${v.locationId}`,
      examplePayload: exampleOf(`GET ${CONTACTS}`),
    }),
    listAllLocationContacts: contactsOfManyAction({
      label: "List All Location Contacts",
      description:
        "Retrieve the contacts (phone numbers, email addresses) of many service locations at once, each with its location's ID: those of the locations given, or those created or modified in a date range (give at least one of these filters)",
      operation: "GET /crm/v2/tenant/{tenant}/locations/contacts",
      ids: "locationIds",
      idsLabel: "Location IDs",
    }),
    createLocationContact: derivedAction({
      label: "Create Location Contact",
      description: "Add a contact (phone number, email address) to a service location",
      operation: `POST ${CONTACTS}`,
      inputs: { id: location(), type: typeTweak, value: valueTweak, memo: memoTweak },
      subject: (v: Values) => `Location ${v.id}`,
    }),
    updateLocationContact: derivedAction({
      label: "Update Location Contact",
      description: "Update a contact of a service location",
      operation: `PATCH ${CONTACTS}/{contactId}`,
      // `preferences` (marketing opt-ins) stays out: it is a nested object of the contact's opt-in settings.
      omit: ["preferences"],
      inputs: { id: location(), contactId: contactId(), type: typeTweak, value: valueTweak, memo: memoTweak },
      subject,
    }),
    deleteLocationContact: derivedAction({
      label: "Delete Location Contact",
      description: "Remove a contact from a service location",
      operation: `DELETE ${CONTACTS}/{contactId}`,
      inputs: { id: location(), contactId: contactId() },
      subject,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectLocationContact: picklist<Contact>({
      label: "Select Location Contact",
      description: "Select one of a service location's contacts (phone numbers, email addresses) from a dropdown menu",
      operation: `GET ${CONTACTS}`,
      params: { locationId: location() },
      option: (contact) => ({
        key: String(contact.id),
        label: `${contact.type}: ${contact.value}${contact.memo ? ` (${contact.memo})` : ""}`,
      }),
      order: "label",
      example: [
        { key: "7", label: "Email: office@example.com (Front desk)" },
        { key: "6", label: "Phone: (555) 123-4567" },
      ],
    }),
  },
};
