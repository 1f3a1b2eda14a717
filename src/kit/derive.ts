/**
 * Actions derived from the generated operation table: every path parameter, body field and query parameter an
 * operation declares becomes a typed input (ids with their dropdown from the id vocabulary, enums as dropdowns,
 * dates, booleans, JSON for nested objects), so a curated action is its key, label, operation and the few inputs a
 * builder needs said differently. Whatever the inputs let through, the core still checks against the spec.
 */
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { operations, type OperationKey } from "../client";
import type { ParamType } from "../client/operations";
import { exampleOf } from "../examples";
import {
  booleanInput,
  dateInput,
  dateTimeInput,
  decimalInput,
  enumInput,
  enumListInput,
  guidInput,
  idInput,
  idListInput,
  integerInput,
  jsonInput,
  stringInput,
  stringListInput,
} from "../inputs";
import "../resources/ids"; // registers the id vocabulary (data only) before any input is derived
import { idField, idFieldOfPath } from "./ids";
import {
  inBody,
  inPath,
  inQuery,
  once,
  operationAction,
  type OperationActionSpec,
  type Param,
  type Params,
  type Values,
} from "./operationAction";

export interface FieldSpec extends ParamType {
  name: string;
  required?: boolean;
  description?: string;
}

/** "modifiedOnOrAfter" → "Modified On Or After", "customerId" → "Customer ID", "…ApplicationGuid" → "… Application GUID". */
export const humanize = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/\b(Ids?|Guid)\b/g, (m) => (m === "Ids" ? "IDs" : m.toUpperCase()))
    .replace(/^Zip$/, "Zip Code");

const LONG_TEXT = /summary|memo|description|notes?$|text$|instructions|message|body$/i;
const sentence = (text: string | undefined) => (text ? text.replace(/\.?$/, ".") : "");

/** What an input says when the spec describes nothing: the kind of value, and that an empty optional one is not sent. */
const fallbackComment = (label: string, field: FieldSpec, required: boolean) => {
  const kind = field.enum
    ? "one of the values listed"
    : field.type === "boolean"
      ? "true or false"
      : /^(integer|number)$/.test(field.type)
        ? "a number"
        : "text";
  return `${label}: ${kind}${required ? "." : "; left empty, it is not sent."}`;
};

/** Tweaks of a derived input: what a curated action says better than the spec. */
export interface InputTweak {
  label?: string;
  comments?: string;
  required?: boolean;
  dataSource?: string;
  example?: string;
}

/**
 * The input for one declared field (`vocabularyName`: the id field a path `{id}` stands for). Labels and dropdowns
 * come from the id vocabulary, comments from the spec's description plus the vocabulary's hint.
 */
export const fieldInput = (field: FieldSpec, tweak: InputTweak = {}, vocabularyName = field.name): InputFieldDefinition => {
  const guid = field.format === "uuid" || field.format === "guid";
  // Lists of ids the spec types as one comma-separated string ("customerIds", "formIds"): one id per entry.
  const idText = field.type === "string" && !field.format && !field.enum && /Ids$/.test(field.name);
  const id =
    field.type === "integer" || field.items?.type === "integer" || idText
      ? idField(vocabularyName)
      : guid
        ? idField(vocabularyName, "guid")
        : undefined;
  const plural = (field.type === "array" || idText) && id && !/s$/.test(id.label) ? `${id.label}s` : id?.label;
  const label = tweak.label ?? plural ?? humanize(field.name === "id" ? vocabularyName : field.name);
  const required = tweak.required ?? !!field.required;
  const comments =
    tweak.comments ?? ([sentence(field.description), id?.comments].filter(Boolean).join(" ") || fallbackComment(label, field, required));
  const dataSource = tweak.dataSource ?? id?.dataSource;
  const base = { label, comments, required, ...(tweak.example ? { example: tweak.example } : {}) };
  if (field.type === "array") {
    const items = field.items ?? { type: "string" };
    if (items.enum) return enumListInput({ ...base, values: items.enum.map(String), comments: comments ?? "" });
    if (items.type === "integer") return idListInput({ ...base, dataSource });
    if (items.type === "string" || items.type === "number") return stringListInput(base);
    return jsonInput({ ...base, shape: "array", example: tweak.example ?? "[]" });
  }
  if (field.enum) return enumInput({ ...base, values: field.enum });
  switch (field.type) {
    case "integer":
      return /Id$/.test(field.name) || id || field.name === "id" ? idInput({ ...base, dataSource }) : integerInput(base);
    case "number":
      return decimalInput(base);
    case "boolean":
      return booleanInput(base);
    case "object":
      return jsonInput({ ...base, shape: "object", example: tweak.example ?? "{}" });
    default:
      if (field.format === "date") return dateInput(base);
      if (field.format === "date-time") return dateTimeInput(base);
      if (idText) return idListInput({ ...base, dataSource, max: /maximum 50/i.test(field.description ?? "") ? 50 : undefined });
      if (guid) return guidInput({ ...base, dataSource });
      return stringInput({ ...base, multiline: LONG_TEXT.test(field.name) });
  }
};

/** Inputs of the path parameters other than the tenant; `{id}` is named after its resource ("Lead ID"). */
export const pathParams = (operation: OperationKey, tweaks: Record<string, InputTweak> = {}): Params => {
  const [, path] = operation.split(" ");
  return Object.fromEntries(
    operations[operation].pathParams
      .filter((p) => p.name !== "tenant")
      .map((p) => [p.name, inPath(fieldInput({ ...p, required: true }, tweaks[p.name], idFieldOfPath(path, p.name)))]),
  );
};

const PAGING = new Set(["page", "pageSize", "includeTotal"]);

/** Inputs of the query parameters (paging excepted: list actions add their own). */
export const queryParams = (operation: OperationKey, tweaks: Record<string, InputTweak> = {}, omit: string[] = []): Params =>
  Object.fromEntries(
    operations[operation].query
      .filter((q) => !PAGING.has(q.name) && !omit.includes(q.name))
      .map((q) => [q.name, inQuery(fieldInput(q, tweaks[q.name]))]),
  );

/** Inputs of the body's top-level fields; a field named like a path parameter gets a "body" prefix. */
export const bodyParams = (operation: OperationKey, tweaks: Record<string, InputTweak> = {}, omit: string[] = []): Params => {
  const taken = new Set(operations[operation].pathParams.map((p) => p.name));
  return Object.fromEntries(
    (operations[operation].bodyFields ?? [])
      .filter((f) => !omit.includes(f.name))
      .map((f) => {
        const key = taken.has(f.name) ? `body${f.name[0].toUpperCase()}${f.name.slice(1)}` : f.name;
        return [key, inBody(fieldInput(f, tweaks[key] ?? tweaks[f.name]), f.name)];
      }),
  );
};

export interface DerivedActionSpec extends Omit<OperationActionSpec, "params" | "examplePayload"> {
  /** Tweaks of derived inputs by key, or whole replacements (a Param). */
  inputs?: Record<string, InputTweak | Param>;
  /** Declared fields not offered as inputs (rarely useful ones). */
  omit?: string[];
  /** Inputs of the action's own (e.g. a convenience input its `body` function turns into fields). */
  extra?: Params;
  examplePayload?: { data: unknown };
}

const isParam = (value: InputTweak | Param | undefined): value is Param => !!value && "in" in value && "input" in value;

/** The label of what `{id}` addresses, for 404 messages: "Lead 42". */
const subjectOf = (operation: OperationKey, params: Params) => {
  const id = params.id ?? Object.values(params).find((p) => p.in === "path");
  if (!id) return undefined;
  const key = Object.entries(params).find(([, p]) => p === id)![0];
  const what = String(id.input.label).replace(/ ID$/, "");
  return (values: Values) => `${what} ${values[key]}`;
};

/**
 * One operation as an action whose inputs are derived from the spec (path, body, query, in that order), with the
 * tweaks and replacements the curated spec gives. A body that is a JSON array is one "Items" input.
 */
export const derivedAction = (spec: DerivedActionSpec) => {
  const { inputs = {}, omit = [], extra = {}, ...rest } = spec;
  const op = operations[spec.operation];
  const arrayBody = Boolean(op.arrayBody);
  // Derived when the inputs are first needed (see operationAction): defining the action costs nothing.
  const paramsOf = once((): Params => {
    const tweaks = Object.fromEntries(Object.entries(inputs).filter(([, v]) => !isParam(v))) as Record<string, InputTweak>;
    const derived: Params = {
      ...pathParams(spec.operation, tweaks),
      ...(arrayBody
        ? {
            items: inBody(
              jsonInput({
                label: "Items",
                shape: "array",
                required: op.bodyRequired,
                comments: "The request's items as a JSON array.",
                example: "[]",
              }),
            ),
          }
        : bodyParams(spec.operation, tweaks, omit)),
      ...queryParams(spec.operation, tweaks, omit),
    };
    for (const [key, value] of Object.entries(inputs)) {
      if (isParam(value)) {
        // A replacement under a key of its own ("bookingProvider" for {booking_provider}) replaces the derived input
        // that fills the same field.
        const same = Object.entries(derived).find(
          ([other, param]) => other !== key && param.in === value.in && (param.name ?? other) === (value.name ?? key),
        );
        if (same) {
          const entries = Object.entries(derived).map(([other, param]) => (other === same[0] ? [key, value] : [other, param]));
          for (const other of Object.keys(derived)) delete derived[other];
          Object.assign(derived, Object.fromEntries(entries));
        } else derived[key] = value;
      } else if (!(key in derived)) throw new Error(`${spec.operation}: no derived input "${key}" to tweak`);
    }
    return { ...derived, ...extra };
  });
  return operationAction({
    ...rest,
    params: paramsOf,
    subject: rest.subject ?? ((values: Values) => subjectOf(spec.operation, paramsOf())?.(values) ?? ""),
    body: rest.body ?? (arrayBody ? (values: Values) => values.items : undefined),
    examplePayload: spec.examplePayload ?? exampleOf(spec.operation),
  });
};
