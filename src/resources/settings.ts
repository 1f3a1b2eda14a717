import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { ResourceModule } from "../kit";
import { listAction, nameWithId, picklist } from "../kit";
import { InputError } from "../client/errors";
import { exampleOf } from "../examples";
import type { components } from "../generated/settings";
import { idInput, idListInput, jsonInput, toInteger } from "../inputs";

type Schemas = components["schemas"];

/*
 * Inputs shared by the jobs, appointments, projects and technicians modules. They live here because this module
 * imports none of the others, so every module can import it without an import cycle.
 */

export const businessUnitIdInput = (options: { required?: boolean; label?: string } = {}) =>
  idInput({
    label: options.label ?? "Business Unit ID",
    required: options.required,
    dataSource: "selectBusinessUnit",
    comments: "The business unit (department) responsible for the work: pick one or map its id (Settings → Business Units).",
  });

export const tagTypeIdsInput = (comments = "Tags to set, by tag type id (Settings → Tags). One id per entry.") =>
  idListInput({ label: "Tag Type IDs", dataSource: "selectTagType", comments });

/**
 * The values of a spec enum for a dropdown. Compiles only when every member of the generated union `T` is listed,
 * so a regenerated spec with a new value fails the build instead of silently hiding the value.
 */
export const specEnum =
  <T extends string>() =>
  <const V extends readonly T[]>(...values: V & ([T] extends [V[number]] ? unknown : never)): readonly string[] =>
    values;

type JsonOptions = { label: string; comments?: string; example?: string; required?: boolean };
type Json = Record<string, unknown>;

/** A JSON input whose parsed value is then checked (and normalised) by `check`, which names the input on failure. */
export const checkedJsonInput = <T>(options: JsonOptions & { shape: "object" | "array" }, check: (parsed: any) => T): InputFieldDefinition => {
  const base = jsonInput(options);
  return {
    ...base,
    clean: (value: unknown) => {
      const parsed = base.clean!(value);
      return parsed === undefined ? undefined : check(parsed);
    },
  } as InputFieldDefinition;
};

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** Custom field values: `[{ "typeId": 123, "value": "…" }]` with integer type ids and text values. */
export const customFieldsInput = (options: { valueRequired?: boolean; comments?: string } = {}) => {
  const label = "Custom Fields";
  return checkedJsonInput(
    {
      label,
      shape: "array",
      example: '[{ "typeId": 12345, "value": "Gate code 4321" }]',
      comments:
        options.comments ??
        "Custom field values as a JSON array of { typeId, value }. The typeId is the custom field's id (Settings → Custom Fields, or the customFields of a record you read).",
    },
    (items: unknown[]) =>
      items.map((item, i) => {
        if (!isObject(item)) throw new InputError(label, `item ${i + 1} must be an object such as { "typeId": 12345, "value": "text" }.`);
        if (item.typeId === undefined) throw new InputError(label, `item ${i + 1} has no typeId.`);
        if (options.valueRequired && (item.value === undefined || item.value === null)) throw new InputError(label, `item ${i + 1} has no value.`);
        const value = item.value === undefined || item.value === null ? item.value : String(item.value);
        return { typeId: toInteger(`${label} (item ${i + 1} typeId)`, item.typeId), ...(value === undefined ? {} : { value }) };
      }),
  );
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** External data: `{ applicationGuid, externalData: [{ key, value }] }` (plus `patchMode` on updates). */
export const externalDataInput = (options: { update?: boolean } = {}) => {
  const label = "External Data";
  return checkedJsonInput(
    {
      label,
      shape: "object",
      example: options.update
        ? '{ "applicationGuid": "00000000-0000-0000-0000-000000000000", "patchMode": "Merge", "externalData": [{ "key": "erpId", "value": "A-100" }] }'
        : '{ "applicationGuid": "00000000-0000-0000-0000-000000000000", "externalData": [{ "key": "erpId", "value": "A-100" }] }',
      comments:
        "Key/value pairs your application stores on the record, under your application's GUID (from the ServiceTitan Developer Portal)." +
        (options.update ? " patchMode Merge keeps other keys, Replace replaces them all." : ""),
    },
    (data: Json) => {
      if (typeof data.applicationGuid !== "string" || !GUID.test(data.applicationGuid)) {
        throw new InputError(label, "needs applicationGuid, your application's GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.");
      }
      if (!Array.isArray(data.externalData)) throw new InputError(label, 'needs externalData, an array of { "key": "…", "value": "…" }.');
      data.externalData.forEach((entry: unknown, i: number) => {
        if (!isObject(entry) || typeof entry.key !== "string" || (!options.update && typeof entry.value !== "string")) {
          throw new InputError(label, `externalData item ${i + 1} must be { "key": "text", "value": "text" }.`);
        }
      });
      if (!options.update && "patchMode" in data) throw new InputError(label, "patchMode only applies when updating a record.");
      if (options.update && data.patchMode !== undefined && !["Replace", "Merge"].includes(String(data.patchMode))) {
        throw new InputError(label, 'patchMode must be "Replace" or "Merge".');
      }
      return data;
    },
  );
};

/** A settings list as a dropdown of names: active records (the API's default), alphabetical. */
const namedPicklist = <T extends { id: number; name?: string | null }>(spec: {
  label: string;
  description: string;
  operation: "GET /settings/v2/tenant/{tenant}/business-units" | "GET /settings/v2/tenant/{tenant}/user-roles" | "GET /settings/v2/tenant/{tenant}/tag-types";
}) =>
  picklist<T>({
    ...spec,
    option: (record) => ({ key: String(record.id), label: nameWithId(record.name, record.id) }),
    order: "label",
    example: [{ key: "1", label: "Example (ID: 1)" }],
  });

export const settings: ResourceModule = {
  actions: {
    listBusinessUnits: listAction({
      label: "List Business Units",
      description: "Gets a list of business units",
      operation: "GET /settings/v2/tenant/{tenant}/business-units",
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/business-units"),
    }),
    listUserRoles: listAction({
      label: "List User Roles",
      description: "Gets a list of user roles",
      operation: "GET /settings/v2/tenant/{tenant}/user-roles",
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/user-roles"),
    }),
  },
  dataSources: {
    selectBusinessUnit: namedPicklist<Schemas["TenantSettings.V2.BusinessUnitResponse"]>({
      label: "Select Business Unit",
      description: "Select an active business unit from a dropdown menu (up to 10,000 business units)",
      operation: "GET /settings/v2/tenant/{tenant}/business-units",
    }),
    selectUserRole: namedPicklist<Schemas["TenantSettings.V2.UserRoleResponse"]>({
      label: "Select User Role",
      description: "Select an active user role from a dropdown menu (up to 10,000 user roles)",
      operation: "GET /settings/v2/tenant/{tenant}/user-roles",
    }),
    selectTagType: namedPicklist<Schemas["TenantSettings.V2.TagTypeResponse"]>({
      label: "Select Tag Type",
      description: "Select an active tag type from a dropdown menu (up to 10,000 tag types)",
      operation: "GET /settings/v2/tenant/{tenant}/tag-types",
    }),
  },
};
