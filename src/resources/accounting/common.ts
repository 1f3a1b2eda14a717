/** What the accounting resources share: custom-field actions, dotted comparison filters, record labels. */
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { operations, type OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import { decimalInput, enumInput, idInput } from "../../inputs";
import { inQuery, listAction, operationAction, type Params } from "../../kit";
import { accountingCustomFields } from "./invoices";

/** `GET …/<base>/custom-fields` and `PATCH …/<base>/custom-fields` of a record type. */
export const customFieldActions = (spec: {
  /** Action key part: "ApBill" → listApBillCustomFieldTypes, updateApBillCustomFields. */
  key: string;
  /** Singular for labels: "AP Bill". */
  label: string;
  /** Path segment: "ap-bills". */
  base: string;
  idKey: string;
  idInput: InputFieldDefinition;
}) => {
  const list = `GET /accounting/v2/tenant/{tenant}/${spec.base}/custom-fields` as OperationKey;
  const update = `PATCH /accounting/v2/tenant/{tenant}/${spec.base}/custom-fields` as OperationKey;
  if (!operations[list] || !operations[update]) throw new Error(`No custom-field operations under ${spec.base}`);
  const fields = accountingCustomFields(spec.label.toLowerCase(), spec.idKey, spec.idInput);
  return {
    [`list${spec.key}CustomFieldTypes`]: listAction({
      label: `List ${spec.label} Custom Field Types`,
      description: `The custom fields ${spec.label.toLowerCase()}s can carry (name, data type and dropdown options): the names Update ${spec.label} Custom Fields takes.`,
      operation: list,
      examplePayload: exampleOf(list),
    }),
    [`update${spec.key}CustomFields`]: operationAction({
      label: `Update ${spec.label} Custom Fields`,
      description: `Set custom field values on one ${spec.label.toLowerCase()} (name → value), or on several at once (Operations).`,
      operation: update,
      params: fields.params,
      body: fields.body,
      examplePayload: { data: {} },
    }),
  };
};

/**
 * A dotted comparison filter of a list ("totalFilter.Amount" + "totalFilter.Comparer") as two plainly named inputs:
 * dotted names make poor input keys.
 */
export const amountFilter = (operation: OperationKey, prefix: string, key: string, label: string): Params => {
  const comparer = operations[operation].query.find((q) => q.name === `${prefix}.Comparer`);
  if (!comparer?.enum) throw new Error(`${operation} declares no ${prefix}.Comparer`);
  return {
    [key]: inQuery(
      decimalInput({ label, comments: `Compare the record's ${label.toLowerCase()} with this amount (see ${label} Comparer).` }),
      `${prefix}.Amount`,
    ),
    [`${key}Comparer`]: inQuery(
      enumInput({ label: `${label} Comparer`, values: comparer.enum.map(String), comments: `How ${label} is compared.` }),
      `${prefix}.Comparer`,
    ),
  };
};

/** "Bill 1042 — Ferguson Supply (ID: 330001)". */
export const documentLabel = (kind: string, number: unknown, party: unknown, id: unknown) => {
  const ref = String(number ?? "").trim();
  const who = String(party ?? "").trim();
  return `${kind}${ref ? ` ${ref}` : ""}${who ? ` — ${who}` : ""} (ID: ${id})`;
};

/** A batch: accounting batches have no list endpoint, so no dropdown. */
export const batchIdInput = () =>
  idInput({ label: "Batch ID", comments: "Only records of this accounting batch (the batch.id of a record you read)." });
