/**
 * Every request is checked against its operation in the generated table before it is sent: path parameters given
 * and typed, query names declared and values typed, the body required/forbidden and valid against the operation's
 * request schema. ServiceTitan silently ignores unknown query parameters and unknown body fields (a typo "succeeds"
 * with unfiltered data or a dropped value), so these checks are what makes a mistake visible.
 *
 * Bodies are validated with @cfworker/json-schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1), compiled
 * lazily per operation: a flow step pays only for the operations it calls.
 */
import type { OutputUnit, Validator as SchemaValidator } from "@cfworker/json-schema";
import { InputError } from "./errors";
import { operations, schemasOf, type OperationKey, type ParamType, type QueryParam } from "./operations";

export type RequestPart = "path" | "query" | "body";

/** How each part of a request is called where a builder gives it whole ("Call ServiceTitan API"'s inputs). */
export const PART_LABELS: Record<RequestPart, string> = { path: "Path Parameters", query: "Query Parameters", body: "Body" };

/**
 * A request refused before it was sent. `field` locates the value ("customerId", "appointments[0].start"); the
 * message names the input: the part's label by default, or the action's own input once it maps the field (see
 * operationAction).
 */
export class RequestError extends InputError {
  constructor(
    readonly part: RequestPart,
    readonly field: string,
    readonly problem: string,
  ) {
    super(PART_LABELS[part], problem);
    this.name = "RequestError";
  }
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
const show = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));
/** ServiceTitan's date binder takes dates and date-times, with or without an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;
export const isDateTime = (text: string) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));

export const GUID = /^[{(]?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}[)}]?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What a declared string format requires of a path or query value (ids that are GUIDs, e-mail addresses). */
const formatOf = (format: string | undefined, value: unknown): string | undefined => {
  const text = String(value).trim();
  if ((format === "guid" || format === "uuid") && !GUID.test(text))
    return `must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, got ${show(value)}`;
  if (format === "email" && !EMAIL.test(text)) return `must be an e-mail address, got ${show(value)}`;
  return undefined;
};

// ---- path -----------------------------------------------------------------------------------------------------

/** Every path parameter given (except the tenant, which the connection supplies), integers where declared, none unknown. */
export const checkPath = (operation: OperationKey, values: Record<string, unknown> = {}): Record<string, string | number> => {
  const declared = operations[operation].pathParams.filter((p) => p.name !== "tenant");
  const names = declared.map((p) => p.name);
  const unknown = Object.keys(values).filter((name) => !names.includes(name) && !isEmpty(values[name]));
  if (unknown.length) {
    throw new RequestError(
      "path",
      unknown[0],
      `"${unknown[0]}" is not a path parameter of ${operation}; it takes ${names.length ? names.join(", ") : "none"}.`,
    );
  }
  const out: Record<string, string | number> = {};
  for (const param of declared) {
    const value = values[param.name];
    if (isEmpty(value)) throw new RequestError("path", param.name, `"${param.name}" is required to call ${operation}.`);
    const formatProblem = formatOf(param.format, value);
    if (formatProblem) throw new RequestError("path", param.name, `"${param.name}" ${formatProblem}.`);
    if (param.type === "integer") {
      const text = String(value).trim();
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) {
        throw new RequestError(
          "path",
          param.name,
          `"${param.name}" must be a ServiceTitan id (a whole number such as 12345), got ${show(value)}.`,
        );
      }
      out[param.name] = Number(text);
    } else {
      out[param.name] = String(value);
    }
  }
  return out;
};

// ---- query ----------------------------------------------------------------------------------------------------

const typeProblem = (type: ParamType, value: unknown): { value?: unknown; problem?: string } => {
  const text = typeof value === "string" ? value.trim() : value;
  if (type.enum) {
    const match = type.enum.find((allowed) => String(allowed).toLowerCase() === String(text).toLowerCase());
    return match === undefined ? { problem: `must be one of ${type.enum.join(", ")}, got ${show(value)}` } : { value: match };
  }
  switch (type.type) {
    case "integer":
      return typeof text === "number"
        ? Number.isInteger(text)
          ? { value: text }
          : { problem: `must be a whole number, got ${value}` }
        : /^-?\d+$/.test(String(text))
          ? { value: Number(text) }
          : { problem: `must be a whole number, got ${show(value)}` };
    case "number":
      return Number.isFinite(Number(text)) && String(text) !== ""
        ? { value: Number(text) }
        : { problem: `must be a number, got ${show(value)}` };
    case "boolean":
      return /^(true|false)$/i.test(String(text))
        ? { value: String(text).toLowerCase() === "true" }
        : { problem: `must be true or false, got ${show(value)}` };
    default: {
      if (value instanceof Date) return { value: value.toISOString() };
      const formatProblem = formatOf(type.format, value);
      if (formatProblem) return { problem: formatProblem };
      if (type.format === "date-time" && !isDateTime(String(text))) {
        return { problem: `must be a date or date-time such as 2025-03-01 or 2025-03-01T14:30:00Z, got ${show(value)}` };
      }
      return { value: typeof value === "object" ? JSON.stringify(value) : String(value) };
    }
  }
};

const MAX_IDS = 50;

/** One query value checked against its declared type; arrays item by item. */
const checkQueryValue = (operation: OperationKey, param: QueryParam, value: unknown): unknown => {
  const fail = (problem: string): never => {
    throw new RequestError("query", param.name, `"${param.name}" ${problem}.`);
  };
  if (param.type === "array") {
    const items = Array.isArray(value) ? value : String(value).split(",");
    return items.map((item) => {
      const checked = typeProblem(param.items ?? { type: "string" }, item);
      return checked.problem ? fail(`item ${checked.problem}`) : checked.value;
    });
  }
  // `ids`-style lists are comma-separated ids, at most 50 per request (the specs' documented limit).
  if (/\(maximum 50\)/i.test(param.description) || param.name === "ids") {
    const items = (Array.isArray(value) ? value : String(value).split(",")).map((item) => String(item).trim()).filter(Boolean);
    // Journal entries and a few others have GUID ids: those lists take GUIDs.
    if (items.some((item) => !/^\d+$/.test(item) && !GUID.test(item)))
      fail(`must be ids (whole numbers, or GUIDs where the records have them) separated by commas, got ${show(value)}`);
    if (items.length > MAX_IDS) fail(`takes at most ${MAX_IDS} ids per request, got ${items.length}`);
    return items.join(",");
  }
  if (Array.isArray(value)) return value.map((item) => checkQueryValue(operation, { ...param, name: param.name }, item)).join(",");
  const checked = typeProblem(param, value);
  if (checked.problem) fail(checked.problem);
  if (param.sortFields && typeof checked.value === "string") {
    const field = checked.value.replace(/^[+-]/, "").trim();
    const known = param.sortFields.find((f) => f.toLowerCase() === field.toLowerCase());
    if (!known)
      fail(`cannot sort by "${field}"; sortable fields: ${param.sortFields.join(", ")} (prefix + for ascending, - for descending)`);
  }
  return checked.value;
};

/** Declared names only (ServiceTitan ignores the others and answers unfiltered data), each value of its type. */
export const checkQuery = (operation: OperationKey, query: Record<string, unknown> = {}): Record<string, unknown> => {
  const declared = operations[operation].query;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (isEmpty(value)) continue;
    const param = declared.find((q) => q.name === name);
    if (!param) {
      throw new RequestError(
        "query",
        name,
        `"${name}" is not a query parameter of ${operation}, so ServiceTitan would silently ignore it. Accepted: ${declared.map((q) => q.name).join(", ") || "none"}.`,
      );
    }
    out[name] = checkQueryValue(operation, param, value);
  }
  const missing = declared.find((q) => q.required && out[q.name] === undefined);
  if (missing) throw new RequestError("query", missing.name, `"${missing.name}" is required to call ${operation}.`);
  return out;
};

// ---- body -----------------------------------------------------------------------------------------------------

const validators = new Map<OperationKey, SchemaValidator>();

const validatorFor = (operation: OperationKey): SchemaValidator | undefined => {
  let validator = validators.get(operation);
  if (!validator) {
    const { module } = operations[operation];
    const { defs, requests } = schemasOf(module);
    const schema = requests[operation];
    if (!schema) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Validator } = require("@cfworker/json-schema") as typeof import("@cfworker/json-schema");
    validator = new Validator({ ...schema, $defs: defs } as never, "2020-12", false);
    validators.set(operation, validator);
  }
  return validator;
};

/** "#/appointments/0/start" → "appointments[0].start" (how ServiceTitan names fields in its errors). */
export const fieldName = (location: string): string =>
  location
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s.replace(/~1/g, "/").replace(/~0/g, "~")))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");

const valueAt = (root: unknown, location: string): unknown =>
  location
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[decodeURIComponent(key)] : undefined),
      root,
    );

/** The schema node a keywordLocation points to, following `$ref`s into `$defs`. */
const schemaAt = (root: Record<string, any>, defs: Record<string, any>, location: string): Record<string, any> | undefined => {
  let node: any = root; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const key of location.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    if (!node) return undefined;
    if (key === "$ref") node = defs[String(node.$ref).replace("#/$defs/", "")];
    else node = node[decodeURIComponent(key)];
  }
  return node;
};

const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

const article = (type: string) => (type === "integer" ? "a whole number" : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const FORMAT_NAMES: Record<string, string> = {
  "date-time": "date-time such as 2025-03-01T14:30:00Z",
  date: "date such as 2025-03-01",
  email: "e-mail address",
  uuid: "GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
};

/** One readable sentence per real problem; the wrappers' summaries ("A subschema had errors") are dropped. */
const describe = (body: unknown, schema: Record<string, any>, defs: Record<string, any>, errors: OutputUnit[]) => {
  const problems: Array<{ field: string; problem: string }> = [];
  const at = (location: string) => fieldName(location);
  for (const error of errors) {
    const value = valueAt(body, error.instanceLocation);
    switch (error.keyword) {
      case "type": {
        const expected = quoted(error.error.split("Expected")[1] ?? "").filter((t) => t !== "null");
        if (!expected.length) break; // the null branch of a nullable field
        problems.push({
          field: at(error.instanceLocation),
          problem: `must be ${expected.map(article).join(" or ")}, got ${show(value)}`,
        });
        break;
      }
      case "required": {
        const [name] = quoted(error.error);
        const field = fieldName(`${error.instanceLocation}/${name}`);
        problems.push({ field, problem: "is required" });
        break;
      }
      case "additionalProperties": {
        const [name] = quoted(error.error);
        const allowed = Object.keys(schemaAt(schema, defs, error.keywordLocation.replace(/\/additionalProperties$/, ""))?.properties ?? {});
        problems.push({
          field: fieldName(`${error.instanceLocation}/${name}`),
          problem: `is not a field ServiceTitan knows here (it would silently drop it)${allowed.length ? `; fields: ${allowed.join(", ")}` : ""}`,
        });
        break;
      }
      case "enum":
        problems.push({
          field: at(error.instanceLocation),
          problem: `must be one of ${(schemaAt(schema, defs, error.keywordLocation) ?? []).join(", ")}, got ${show(value)}`,
        });
        break;
      case "format": {
        const format = quoted(error.error)[0];
        if ((format === "date-time" || format === "date") && typeof value === "string" && isDateTime(value)) break;
        problems.push({
          field: at(error.instanceLocation),
          problem: `must be ${article(FORMAT_NAMES[format] ?? format)}, got ${show(value)}`,
        });
        break;
      }
      case "pattern":
        problems.push({
          field: at(error.instanceLocation),
          problem: `must match the pattern ${schemaAt(schema, defs, error.keywordLocation)}, got ${show(value)}`,
        });
        break;
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
      case "minLength":
      case "maxLength":
      case "minItems":
      case "maxItems":
      case "const":
        problems.push({ field: at(error.instanceLocation), problem: `${error.error.replace(/^Instance /, "").replace(/\.$/, "")}` });
        break;
      default:
        break;
    }
  }
  return problems;
};

/** The top-level fields the operation's body schema requires. */
const requiredFields = (operation: OperationKey): string[] =>
  (operations[operation].bodyFields ?? []).filter((f) => f.required).map((f) => f.name);

/** The body the operation expects: required or forbidden, and valid against its request schema. */
export const checkBody = (operation: OperationKey, body: unknown): void => {
  const op = operations[operation];
  const absent = body === undefined || body === null;
  if (op.body === null) {
    const empty = absent || (typeof body === "object" && !Array.isArray(body) && Object.keys(body as object).length === 0);
    if (!empty) throw new RequestError("body", "", `${operation} takes no request body; leave it empty.`);
    return;
  }
  if (absent) {
    // Optional by the spec, but with required fields: ServiceTitan reads "no body" as an empty one and refuses it.
    const required = requiredFields(operation);
    if (op.bodyRequired || required.length) {
      throw new RequestError("body", "", `${operation} needs a JSON request body${required.length ? ` with ${required.join(", ")}` : ""}.`);
    }
    return;
  }
  if (op.body !== "json") return; // uploads: the action builds the multipart body
  const validator = validatorFor(operation);
  if (!validator) return;
  const result = validator.validate(body);
  if (result.valid) return;
  const { defs, requests } = schemasOf(op.module);
  const problems = describe(body, requests[operation] as Record<string, any>, defs, result.errors);
  const [first] = problems.length ? problems : [{ field: "", problem: "does not match the request schema" }];
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more: ${problems
          .slice(1, 4)
          .map((p) => `${p.field} ${p.problem}`)
          .join("; ")})`
      : "";
  throw new RequestError("body", first.field, `${first.field ? `field "${first.field}"` : "the body"} ${first.problem}${more}.`);
};
