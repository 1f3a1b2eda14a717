import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import type { ResourceModule } from "../../kit";
import { listAction, namedPicklist } from "../../kit";

type Schemas = components["schemas"];
const CRM = "/crm/v2/tenant/{tenant}";

/**
 * The custom fields a tenant defines for customers and locations (Settings → Custom Fields): their type ids are what
 * the Custom Fields inputs of Create/Update Customer and Location take as typeId.
 */
export const customFieldTypes: ResourceModule = {
  actions: {
    listCustomerCustomFieldTypes: listAction({
      label: "List Customer Custom Field Types",
      description:
        "Retrieve the custom fields defined for customers (id, name, data type and options): their ids are the typeId of a custom field value",
      operation: `GET ${CRM}/customers/custom-fields`,
      examplePayload: exampleOf(`GET ${CRM}/customers/custom-fields`),
    }),
    listLocationCustomFieldTypes: listAction({
      label: "List Location Custom Field Types",
      description:
        "Retrieve the custom fields defined for service locations (id, name, data type and options): their ids are the typeId of a custom field value",
      operation: `GET ${CRM}/locations/custom-fields`,
      examplePayload: exampleOf(`GET ${CRM}/locations/custom-fields`),
    }),
  },
  dataSources: {
    selectCustomerCustomFieldType: namedPicklist<Schemas["Crm.V2.Customers.CustomFieldTypeResponse"]>({
      label: "Select Customer Custom Field Type",
      description: "Select a customer custom field (its type id) from a dropdown menu",
      operation: `GET ${CRM}/customers/custom-fields`,
      example: [{ key: "1", label: "Gate Code (ID: 1)" }],
    }),
    selectLocationCustomFieldType: namedPicklist<Schemas["Crm.V2.Locations.CustomFieldTypeResponse"]>({
      label: "Select Location Custom Field Type",
      description: "Select a service location custom field (its type id) from a dropdown menu",
      operation: `GET ${CRM}/locations/custom-fields`,
      example: [{ key: "1", label: "Filter Size (ID: 1)" }],
    }),
  },
};
