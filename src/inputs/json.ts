import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { InputError } from "../client/errors";
import { GUID, guidInput, jsonInput, refinedInput, toDecimal, toInteger } from "./core";

type Json = Record<string, unknown>;
type JsonOptions = { label: string; comments?: string; example?: string; required?: boolean };

export const isJsonObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** A JSON input whose parsed value is then checked (and normalised) by `check`, which names the input on failure. */
export const checkedJsonInput = <T>(
  options: JsonOptions & { shape: "object" | "array" },
  check: (parsed: any) => T,
): InputFieldDefinition => {
  return refinedInput(jsonInput(options), check);
};

/** What each item (or the object) of a JSON input must look like, checked before any request. */
export interface JsonRules {
  /**
   * Every field the spec's schema declares (see `specFields`): any other name is refused. ServiceTitan ignores
   * unknown JSON fields, so a typo such as "unitprice" would otherwise drop the value without an error.
   */
  fields?: readonly string[];
  required?: string[];
  /** Ids: whole numbers (digit strings are converted; ServiceTitan wants integers in bodies). */
  integers?: string[];
  /** Amounts and quantities: numbers (numeric strings are converted). */
  numbers?: string[];
  enums?: Record<string, readonly string[]>;
  /** Nested arrays of objects, checked with their own rules. */
  lists?: Record<string, JsonRules>;
  /** Nested objects (an address …), checked with their own rules. */
  objects?: Record<string, JsonRules>;
}

/** Refuses a field name the schema does not declare (`allowed`), naming the input and where the field is. */
const refuseUnknown = (label: string, where: string, item: Json, allowed: readonly string[] | undefined) => {
  const unknown = allowed ? Object.keys(item).filter((key) => !allowed.includes(key)) : [];
  if (unknown.length) {
    throw new InputError(
      label,
      `${where} has ${unknown.map((key) => `"${key}"`).join(", ")}, which ServiceTitan does not know (it would ignore it); allowed: ${allowed!.join(", ")}.`,
    );
  }
};

const checkObject = (label: string, where: string, item: unknown, rules: JsonRules): Json => {
  if (!isJsonObject(item)) throw new InputError(label, `${where} must be a JSON object.`);
  refuseUnknown(label, where, item, rules.fields);
  const out: Json = { ...item };
  for (const key of rules.required ?? []) {
    if (out[key] === undefined || out[key] === null || out[key] === "") throw new InputError(label, `${where} needs "${key}".`);
  }
  const present = (key: string) => out[key] !== undefined && out[key] !== null;
  for (const key of (rules.integers ?? []).filter(present)) out[key] = toInteger(`${label} ${where}.${key}`, out[key]);
  for (const key of (rules.numbers ?? []).filter(present)) out[key] = toDecimal(`${label} ${where}.${key}`, out[key]);
  for (const [key, allowed] of Object.entries(rules.enums ?? {}).filter(([key]) => present(key))) {
    if (!allowed.includes(String(out[key])))
      throw new InputError(label, `${where}.${key} "${String(out[key])}" is not one of ${allowed.join(", ")}.`);
  }
  for (const [key, nested] of Object.entries(rules.lists ?? {}).filter(([key]) => present(key))) {
    if (!Array.isArray(out[key]))
      throw new InputError(
        label,
        `${where}.${key} must be a JSON array${isJsonObject(out[key]) ? ", got a single object; wrap it in [ ]" : ""}.`,
      );
    out[key] = (out[key] as unknown[]).map((entry, i) => checkObject(label, `${where}.${key}[${i}]`, entry, nested));
  }
  for (const [key, nested] of Object.entries(rules.objects ?? {}).filter(([key]) => present(key))) {
    out[key] = checkObject(label, `${where}.${key}`, out[key], nested);
  }
  return out;
};

/** A JSON input (an array of objects, or one object) whose content is checked against `rules`; the template is an example only. */
export const rulesJsonInput = (
  options: JsonOptions & { comments: string; example: string; shape: "array" | "object" },
  rules: JsonRules,
): InputFieldDefinition =>
  checkedJsonInput(options, (parsed: unknown) =>
    options.shape === "object"
      ? checkObject(options.label, "the object", parsed, rules)
      : (parsed as unknown[]).map((item, i) => checkObject(options.label, `item ${i + 1}`, item, rules)),
  );

const CUSTOM_FIELD = ["typeId", "value"];

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
        if (!isJsonObject(item))
          throw new InputError(label, `item ${i + 1} must be an object such as { "typeId": 12345, "value": "text" }.`);
        refuseUnknown(label, `item ${i + 1}`, item, CUSTOM_FIELD);
        if (item.typeId === undefined) throw new InputError(label, `item ${i + 1} has no typeId.`);
        if (options.valueRequired && (item.value === undefined || item.value === null))
          throw new InputError(label, `item ${i + 1} has no value.`);
        const value = item.value === undefined || item.value === null ? item.value : String(item.value);
        return { typeId: toInteger(`${label} (item ${i + 1} typeId)`, item.typeId), ...(value === undefined ? {} : { value }) };
      }),
  );
};

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
      if (!options.update && "patchMode" in data) throw new InputError(label, "patchMode only applies when updating a record.");
      refuseUnknown(label, "the object", data, ["applicationGuid", "externalData", ...(options.update ? ["patchMode"] : [])]);
      if (typeof data.applicationGuid !== "string" || !GUID.test(data.applicationGuid)) {
        throw new InputError(label, "needs applicationGuid, your application's GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.");
      }
      if (!Array.isArray(data.externalData)) throw new InputError(label, 'needs externalData, an array of { "key": "…", "value": "…" }.');
      data.externalData.forEach((entry: unknown, i: number) => {
        if (!isJsonObject(entry) || typeof entry.key !== "string" || (!options.update && typeof entry.value !== "string")) {
          throw new InputError(label, `externalData item ${i + 1} must be { "key": "text", "value": "text" }.`);
        }
        refuseUnknown(label, `externalData item ${i + 1}`, entry, ["key", "value"]);
      });
      if (options.update && data.patchMode !== undefined && !["Replace", "Merge"].includes(String(data.patchMode))) {
        throw new InputError(label, 'patchMode must be "Replace" or "Merge".');
      }
      return data;
    },
  );
};

/** Your application's GUID on a read: the answer then includes the external data stored under it. */
export const externalDataGuidInput = () =>
  guidInput({
    label: "External Data Application GUID",
    comments: "Optional: your application's GUID, to include the external data it stored on the record.",
  });
