import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { InputError } from "../client/errors";
import { keyValueInput, rulesJsonInput } from "../inputs";
import { inBody, type Params, type Values } from "./operationAction";

/** How a module's spec writes a custom-field update (field names come from specFields, so they are checked). */
export interface CustomFieldSchema {
  /** The fields of one operation: objectId, customFields. */
  operationFields: readonly string[];
  /** The fields of one name/value pair. */
  pairFields: readonly string[];
  /** Whether a pair's value is required (inventory) or may be null (accounting). */
  valueRequired: boolean;
  /** A custom field for the Operations input's example: { name: "PO Number", value: "PO-778" }. */
  example: { name: string; value: string };
}

/**
 * `PATCH …/custom-fields` (accounting invoices, payments, AP bills …; inventory adjustments, receipts …): one record's
 * fields as a key/value list, or many records as JSON. Body: { operations: [{ objectId, customFields: [{ name, value }] }] }.
 */
export const customFieldUpdate = (what: string, idKey: string, idInput: InputFieldDefinition, schema: CustomFieldSchema) => {
  const label = (idInput as { label: string }).label;
  const params: Params = {
    [idKey]: inBody(idInput),
    customFields: inBody(
      keyValueInput({
        label: "Custom Fields",
        comments: `Custom field name → new value for the ${what} above (names as in Settings → Custom Fields).`,
      }),
    ),
    operations: inBody(
      rulesJsonInput(
        {
          label: "Operations",
          shape: "array",
          comments: `To change several ${what}s at once: a JSON array of {objectId (the ${what} id), customFields: [{name, value}]}.`,
          example: JSON.stringify([{ objectId: 12345, customFields: [schema.example] }], null, 2),
        },
        {
          fields: schema.operationFields,
          required: ["objectId", "customFields"],
          integers: ["objectId"],
          lists: { customFields: { fields: schema.pairFields, required: schema.valueRequired ? ["name", "value"] : ["name"] } },
        },
      ),
    ),
  };
  // An empty value: "" where the spec requires one, null (clears the field) where it may be null.
  const empty = schema.valueRequired ? "" : null;
  const body = (v: Values) => {
    const fields = v.customFields as Record<string, unknown> | undefined;
    const objectId = v[idKey];
    if (objectId !== undefined && !fields)
      throw new InputError("Custom Fields", `is required with ${label}: enter at least one name and value.`);
    if (fields && objectId === undefined) throw new InputError(label, "is required to say whose Custom Fields to change.");
    const single = fields
      ? [
          {
            objectId,
            customFields: Object.entries(fields).map(([name, value]) => ({ name, value: value == null ? empty : String(value) })),
          },
        ]
      : [];
    const operations = [...single, ...((v.operations as unknown[] | undefined) ?? [])];
    if (!operations.length) throw new InputError(label, `and Custom Fields (or Operations) are required: nothing to update.`);
    return { operations };
  };
  return { params, body };
};
