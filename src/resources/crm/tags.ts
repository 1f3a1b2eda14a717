import type { ResourceModule } from "../../kit";
import { derivedAction } from "../../kit";

const CRM = "/crm/v2/tenant/{tenant}";

const tagTweak = { tagTypeId: { label: "Tag Type ID", comments: "The tag (Settings → Tags): pick one or map its id." } };
const bulkTweaks = {
  customerIds: { label: "Customer IDs", comments: "The customers, one id per entry (or a comma-separated list)." },
  tagTypeIds: { label: "Tag Type IDs", comments: "The tags (Settings → Tags), one tag type id per entry." },
};

/** Tags on customers and locations: one tag on one record, or several tags on many customers at once. */
export const tags: ResourceModule = {
  actions: {
    addCustomerTag: derivedAction({
      label: "Add Customer Tag",
      description: "Add one tag to a customer (the customer's other tags stay); answers the customer's tags",
      operation: `POST ${CRM}/customers/{id}/tags/{tagTypeId}`,
      inputs: tagTweak,
    }),
    removeCustomerTag: derivedAction({
      label: "Remove Customer Tag",
      description: "Remove one tag from a customer (the customer's other tags stay)",
      operation: `DELETE ${CRM}/customers/{id}/tags/{tagTypeId}`,
      inputs: tagTweak,
      examplePayload: { data: {} },
    }),
    addLocationTag: derivedAction({
      label: "Add Location Tag",
      description: "Add one tag to a service location (the location's other tags stay); answers the location's tags",
      operation: `POST ${CRM}/locations/{id}/tags/{tagTypeId}`,
      inputs: tagTweak,
    }),
    removeLocationTag: derivedAction({
      label: "Remove Location Tag",
      description: "Remove one tag from a service location (the location's other tags stay)",
      operation: `DELETE ${CRM}/locations/{id}/tags/{tagTypeId}`,
      inputs: tagTweak,
      examplePayload: { data: {} },
    }),
    addTagsToCustomers: derivedAction({
      label: "Add Tags to Customers",
      description: "Add several tags to many customers in one request (their other tags stay)",
      operation: `PUT ${CRM}/tags`,
      inputs: bulkTweaks,
      examplePayload: { data: {} },
    }),
    removeTagsFromCustomers: derivedAction({
      label: "Remove Tags from Customers",
      description: "Remove several tags from many customers in one request (their other tags stay)",
      operation: `DELETE ${CRM}/tags`,
      inputs: bulkTweaks,
      examplePayload: { data: {} },
    }),
  },
};
