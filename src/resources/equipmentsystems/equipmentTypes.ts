import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/equipmentsystems";
import { booleanInput, dateTimeInput, integerInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import {
  derivedAction,
  inQuery,
  listAction,
  namedPicklist,
  once,
  operationAction,
  placeParams,
  requiredPagingDefaults,
  type Params,
} from "../../kit";

type Schemas = components["schemas"];

const TYPES = "/equipmentsystems/v2/tenant/{tenant}/equipment-types";
const LIST: OperationKey = `GET ${TYPES}`;
const CUSTOM_FIELD_TYPES: OperationKey = "GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment/custom-field-types";

const nameTweak = (update: boolean) => ({
  example: "Heat Pump",
  comments: `The equipment type's name, e.g. "Furnace", "Heat Pump" or "Water Heater".${update ? " Empty: unchanged." : ""}`,
});

/**
 * The custom field types list declares page, pageSize and descending as required (and has no Fetch All envelope
 * beyond one page): a plain action that always sends them, with ServiceTitan's defaults (descending: false).
 */
const customFieldTypeParams = once((): Params => ({
  page: inQuery(integerInput({ label: "Page", min: 1, example: "1", comments: "Page number, from 1 (empty: 1)." })),
  pageSize: inQuery(
    integerInput({ label: "Page Size", min: 1, max: 500, example: "50", comments: "Custom field types per page (empty: 50)." }),
  ),
  descending: inQuery(booleanInput({ label: "Descending", comments: "True lists in descending order of Sort By (empty: ascending)." })),
  sortBy: inQuery(stringInput({ label: "Sort By", example: "Name", comments: "The field to sort by, e.g. Id, Name or CreatedOn." })),
  createdBefore: inQuery(dateTimeInput({ label: "Created Before", comments: "Only types created before this time (ISO 8601)." })),
  createdOnOrAfter: inQuery(
    dateTimeInput({ label: "Created On Or After", comments: "Only types created on or after this time (ISO 8601)." }),
  ),
  modifiedBefore: inQuery(dateTimeInput({ label: "Modified Before", comments: "Only types changed before this time (ISO 8601)." })),
  modifiedOnOrAfter: inQuery(
    dateTimeInput({ label: "Modified On Or After", comments: "Only types changed on or after this time (ISO 8601)." }),
  ),
}));

/** Equipment types (Furnace, Heat Pump …): the kind of each installed equipment record. */
export const equipmentTypes: ResourceModule = {
  actions: {
    listEquipmentTypes: listAction({
      label: "List Equipment Types",
      description: "Retrieve equipment types (the kinds of installed equipment, e.g. Furnace or Heat Pump), filtered by name or dates",
      operation: LIST,
      dataSource: "selectEquipmentType",
      examplePayload: exampleOf(LIST),
    }),
    getEquipmentType: derivedAction({
      label: "Get Equipment Type",
      description: "Retrieve an equipment type by ID",
      operation: `GET ${TYPES}/{id}`,
    }),
    createEquipmentType: derivedAction({
      label: "Create Equipment Type",
      description: "Create an equipment type (a kind of installed equipment, e.g. Heat Pump); answers the new type",
      operation: `POST ${TYPES}`,
      inputs: { name: nameTweak(false) },
    }),
    updateEquipmentType: derivedAction({
      label: "Update Equipment Type",
      description: "Rename an equipment type or (de)activate it",
      operation: `PATCH ${TYPES}/{id}`,
      inputs: {
        name: nameTweak(true),
        active: {
          comments: "False deactivates the type (it is no longer offered for new equipment); True reactivates it. Empty: unchanged.",
        },
      },
    }),
    listInstalledEquipmentCustomFieldTypes: operationAction({
      label: "List Installed Equipment Custom Field Types",
      description:
        "Retrieve the custom fields installed equipment can carry (id, name, data type and options): the typeId values Create / Update Installed Equipment take in Custom Fields",
      operation: CUSTOM_FIELD_TYPES,
      params: customFieldTypeParams,
      perform: (client, v) => {
        const { query } = placeParams(customFieldTypeParams(), v);
        return client.request(CUSTOM_FIELD_TYPES, {
          query: { ...requiredPagingDefaults(CUSTOM_FIELD_TYPES), descending: false, ...query },
        });
      },
      examplePayload: exampleOf(CUSTOM_FIELD_TYPES),
    }),
  },
  dataSources: {
    selectEquipmentType: namedPicklist<Schemas["EquipmentSystems.V2.EquipmentTypeResponse"]>({
      label: "Select Equipment Type",
      description: "Select an active equipment type (Furnace, Heat Pump …) from a dropdown menu (up to 10,000 types)",
      operation: LIST,
      query: { active: "True" },
      example: [
        { key: "1", label: "Furnace (ID: 1)" },
        { key: "2", label: "Heat Pump (ID: 2)" },
      ],
    }),
  },
};
