import { exampleOf } from "../../examples";
import { InputError } from "../../client/errors";
import type { OperationKey } from "../../client";
import type { components } from "../../generated/types/crm";
import { checkTimeOrder, dateTimeInput, idInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, operationAction, picklist, type Values } from "../../kit";
import { contactTypeInput, customerIdInput } from "./customers";

type Contact = components["schemas"]["Crm.V2.Customers.CustomerContactWithModifiedOnResponse"];

/** The API addresses a customer's contacts as customers/{id}/contacts: the input says "Customer ID", the path says id. */
const customer = () =>
  inPath(customerIdInput(true, "The customer whose contacts these are: pick one or map it from a previous step."), "id");
const contactId = () =>
  inPath(
    idInput({
      label: "Contact ID",
      required: true,
      dataSource: "selectCustomerContact",
      comments: "The contact's id (from List Customer Contacts or Create Customer Contact).",
    }),
  );
const contactSubject = (v: Values) => `Contact ${v.contactId} of customer ${v.customerId}`;
const value = (required: boolean) =>
  inBody(
    stringInput({ label: "Value", required, example: "(555) 123-4567", comments: "The phone number, email address or fax number itself." }),
  );
const memo = () => inBody(stringInput({ label: "Memo", comments: 'A note about this contact, e.g. "Billing" or "Call after 5pm".' }));

const ALL_CONTACTS: OperationKey = "GET /crm/v2/tenant/{tenant}/customers/contacts";

/** The date filters of the contacts-of-many-records lists (customers/contacts, locations/contacts). */
const DATE_FILTERS = [
  ["modifiedOnOrAfter", "Modified On Or After", "Only contacts added or changed on or after this time"],
  ["modifiedBefore", "Modified Before", "Only contacts last changed before this time"],
  ["createdOnOrAfter", "Created On Or After", "Only contacts added on or after this time"],
  ["createdBefore", "Created Before", "Only contacts added before this time"],
] as const;

/**
 * The contacts of many customers or locations at once: ServiceTitan answers 400 unless the owners' ids or a date
 * filter narrows the list, so the action refuses that (and a range ending before it starts) before any request.
 */
export const contactsOfManyAction = (spec: {
  label: string;
  description: string;
  operation: OperationKey;
  ids: string;
  idsLabel: string;
}) => {
  return listAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    filters: () =>
      Object.fromEntries(
        DATE_FILTERS.map(([name, label, what]) => [
          name,
          dateTimeInput({ label, comments: `${what} (ISO 8601, e.g. 2025-03-01T00:00:00Z; sent as UTC).` }),
        ]),
      ),
    examplePayload: exampleOf(spec.operation),
    check: (values) => {
      if (values[spec.ids] === undefined && DATE_FILTERS.every(([name]) => values[name] === undefined)) {
        throw new InputError(
          spec.idsLabel,
          `is empty, and so is every date filter (${DATE_FILTERS.map(([, label]) => label).join(", ")}): give one of them, ServiceTitan does not list every contact at once.`,
        );
      }
      for (const what of ["modified", "created"]) {
        const [start, end] = DATE_FILTERS.filter(([name]) => name.startsWith(what));
        checkTimeOrder(values, { start: start[0], end: end[0], strict: true }, { label: end[1], message: `must be after ${start[1]}.` });
      }
    },
  });
};

export const customerContacts: ResourceModule = {
  actions: {
    listCustomersContact: listAction({
      label: "List Customer Contacts",
      description: "Gets a list of contacts for the specified customer",
      operation: "GET /crm/v2/tenant/{tenant}/customers/{id}/contacts",
      path: { customerId: customer() },
      subject: (v) => `Customer ${v.customerId}`,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/customers/{id}/contacts"),
    }),
    listAllCustomerContacts: contactsOfManyAction({
      label: "List All Customer Contacts",
      description:
        "Retrieve the contacts (phone numbers, email addresses) of many customers at once, each with its customer's ID: those of the customers given, or those created or modified in a date range (give at least one of these filters)",
      operation: ALL_CONTACTS,
      ids: "customerIds",
      idsLabel: "Customer IDs",
    }),
    createCustomerContact: operationAction({
      label: "Create Customer Contact",
      description: "Create a contact for a customer",
      operation: "POST /crm/v2/tenant/{tenant}/customers/{id}/contacts",
      params: { customerId: customer(), type: inBody(contactTypeInput(true)), value: value(true), memo: memo() },
      subject: (v) => `Customer ${v.customerId}`,
      examplePayload: exampleOf("POST /crm/v2/tenant/{tenant}/customers/{id}/contacts"),
    }),
    updateCustomerContact: operationAction({
      label: "Update Customer Contact",
      description: "Updates a contact on the customers",
      operation: "PATCH /crm/v2/tenant/{tenant}/customers/{id}/contacts/{contactId}",
      params: { customerId: customer(), contactId: contactId(), type: inBody(contactTypeInput(false)), value: value(false), memo: memo() },
      subject: contactSubject,
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/customers/{id}/contacts/{contactId}"),
    }),
    deletCustomersContact: operationAction({
      label: "Delete Customer Contact",
      description: "Removes a contact from a customer",
      operation: "DELETE /crm/v2/tenant/{tenant}/customers/{id}/contacts/{contactId}",
      params: { customerId: customer(), contactId: contactId() },
      subject: contactSubject,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectCustomerContact: picklist<Contact>({
      label: "Select Customer Contact",
      description: "Select one of a customer's contacts (phone numbers, email addresses) from a dropdown menu",
      operation: "GET /crm/v2/tenant/{tenant}/customers/{id}/contacts",
      params: { customerId: customer() },
      option: (contact) => ({
        key: String(contact.id),
        label: `${contact.type}: ${contact.value}${contact.memo ? ` (${contact.memo})` : ""}`,
      }),
      order: "label",
      example: [
        { key: "7", label: "Email: jane@example.com (Billing)" },
        { key: "6", label: "Phone: (555) 123-4567" },
      ],
    }),
  },
};
