import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { idInput, stringInput } from "../../inputs";
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
