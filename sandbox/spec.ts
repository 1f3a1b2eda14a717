/**
 * The vendored ServiceTitan documents (openapi/, all 25 modules, read through scripts/specs.js as the generator
 * reads them) as the sandbox's source of truth: which operations exist, request validation (openapi-backend + ajv),
 * and the response schemas handlers' output is projected onto. The sandbox reads the official documents, never the
 * component's generated tables, so it checks the component independently.
 */
import OpenAPIBackend, { type Operation } from "openapi-backend";
import type Ajv from "ajv";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadModules } = require("../scripts/specs") as typeof import("../scripts/specs");

/** A module's path prefix: "jpm", "crm", "sales" … */
export type Module = string;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Schema = Record<string, Json>;

export interface OperationInfo {
  operationId: string;
  module: Module;
  /** "2026-05", or "2026-03" for an operation only the March documents still list. */
  source: string;
  method: string;
  path: string;
  /** Declared query parameter names. */
  query: Set<string>;
  /** Fields the `sort` parameter's description lists ("Available fields are: Id, ModifiedOn, CreatedOn."). */
  sortFields?: string[];
  /** The largest page the operation documents ("Maximum value is 500" for journal entries), if it says one. */
  maxPageSize?: number;
  /** Whether the operation declares a JSON request body. */
  jsonBody: boolean;
  /** A file upload: declared as JSON with a binary property, really taken as multipart/form-data. */
  upload: boolean;
  /** The 200/201 JSON response schema (dereferenced), if any. */
  responseSchema?: Schema;
  /** The documented success status (200, 201, 204, 302 …). */
  successStatus: number;
  /** What a success carries: JSON, a file's bytes, a redirect to a file, or nothing. */
  responseKind: "json" | "file" | "redirect" | "none";
}

export interface RouteMatch {
  op: OperationInfo;
  params: Record<string, string>;
}

export interface ValidationOutcome {
  /** `field -> messages`, the shape of ServiceTitan's RFC 7807 `errors`. Empty when valid. */
  errors: Record<string, string[]>;
  /** Query coerced to the declared types (numbers, booleans, arrays). */
  query: Record<string, Json>;
  params: Record<string, Json>;
}

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, Json>;
}

/**
 * ajv throws `"nullable" cannot be used without "type"` on these specs: they put `nullable: true` beside
 * `oneOf`/`allOf`/`$ref` without a `type`. Rewrite such nodes as `anyOf: [schema, {type: "null"}]`.
 * The CRM spec (converted from Swagger 2.0) also repeats enum values (`[Phone, Phone, Email…]`), which
 * ajv rejects as an invalid schema: de-duplicate them. In memory only; the files stay untouched.
 */
export function normaliseSchemas(node: Json): Json {
  if (Array.isArray(node)) return node.map(normaliseSchemas);
  if (!node || typeof node !== "object") return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) out[key] = normaliseSchemas(value);
  if (Array.isArray(out.enum)) out.enum = [...new Set(out.enum)];
  if (out.nullable === true && out.type === undefined && (out.$ref || out.oneOf || out.anyOf || out.allOf)) {
    const { nullable: _nullable, description, ...schema } = out;
    return { ...(description ? { description } : {}), anyOf: [schema, { type: "null" }] };
  }
  return out;
}

const VERBS = ["get", "post", "put", "patch", "delete"];

/** A documented page-size maximum: the schema's `maximum`, or the description's "Maximum value is N". */
const pageSizeMaximum = (param: Schema | undefined): number | undefined => {
  if (!param) return undefined;
  const stated = /Maximum value is (\d+)/i.exec(String(param.description ?? ""))?.[1];
  return param.schema?.maximum ?? (stated ? Number(stated) : undefined);
};
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Formats the specs use. Descriptive ones (html, multiline, phone…) accept anything, as the API does. */
function addFormats(ajv: Ajv): Ajv {
  // Lenient like ServiceTitan's .NET binder: RFC 3339 date-times, and plain dates.
  ajv.addFormat("date-time", { type: "string", validate: (s: string) => DATE_TIME.test(s) && !isNaN(Date.parse(s)) });
  ajv.addFormat("date", { type: "string", validate: (s: string) => DATE_TIME.test(s) && !isNaN(Date.parse(s)) });
  ajv.addFormat("guid", /^[{(]?[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}[)}]?$/);
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat("decimal", { type: "number", validate: () => true });
  for (const name of ["multiline", "html", "duration", "phone", "password"]) ajv.addFormat(name, true);
  return ajv;
}

export class Spec {
  /** One validator per document: `${module}@${source}`. */
  private readonly backends = new Map<string, OpenAPIBackend>();
  private readonly operations = new Map<string, OperationInfo>();
  /** Routing table, most specific (longest literal part) first: `/jobs/cancel-reasons` beats `/jobs/{id}`. */
  private readonly routes: { method: string; regex: RegExp; names: string[]; op: OperationInfo; literal: number }[] = [];

  static async load(): Promise<Spec> {
    const spec = new Spec();
    for (const module of loadModules()) {
      for (const { source, doc, only } of module.documents) {
        // Full paths from the host root, so the sandbox routes every module in one address space; a March document
        // keeps only the operations the May one lacks.
        const paths: Record<string, Json> = {};
        for (const [p, item] of Object.entries(doc.paths as Record<string, Json>)) {
          const kept = only
            ? Object.fromEntries(
                Object.entries(item).filter(([verb]) => !VERBS.includes(verb) || only.has(`${verb.toUpperCase()} ${module.base}${p}`)),
              )
            : item;
          if (Object.keys(kept).some((verb) => VERBS.includes(verb))) paths[module.base + p] = kept;
        }
        const api = new OpenAPIBackend({
          definition: normaliseSchemas({ ...doc, servers: [{ url: "/" }], paths }),
          quick: true, // synchronous dereferencing, validators compiled on first use
          validate: true,
          coerceTypes: true, // query/path strings only: openapi-backend never coerces bodies ("1" stays a string)
          ajvOpts: { allErrors: true, strict: false },
          customizeAjv: (ajv) => addFormats(ajv as unknown as Ajv) as never,
        });
        await api.init();
        spec.backends.set(`${module.key}@${source}`, api);
        for (const operation of api.getOperations()) spec.register(module.key, source, operation);
      }
    }
    spec.routes.sort((a, b) => b.literal - a.literal);
    return spec;
  }

  private register(module: Module, source: string, operation: Operation): void {
    const parameters = (operation.parameters || []) as Schema[];
    const responses = (operation.responses || {}) as Schema;
    const ok = responses["200"] || responses["201"];
    const successCode =
      Object.keys(responses).find((code) => /^[23]/.test(code) && responses[code]?.content) ??
      Object.keys(responses).find((code) => /^[23]/.test(code)) ??
      "200";
    const content = Object.keys(responses[successCode]?.content ?? {});
    const responseKind = /^3/.test(successCode)
      ? "redirect"
      : content.includes("application/json") || content.some((type) => /json|text\/plain/.test(type))
        ? "json"
        : content.length
          ? "file"
          : "none";
    const sortText = parameters.find((p) => p.in === "query" && p.name === "sort")?.description as string | undefined;
    const sortList = sortText && /Available fields are:?\s*([^\n\\]*)/.exec(sortText)?.[1];
    const info: OperationInfo = {
      operationId: operation.operationId as string,
      module,
      source,
      method: operation.method.toUpperCase(),
      path: operation.path,
      query: new Set(parameters.filter((p) => p.in === "query").map((p) => p.name as string)),
      maxPageSize: pageSizeMaximum(parameters.find((p) => p.in === "query" && p.name === "pageSize")),
      sortFields: sortList
        ? sortList
            .replace(/\.\s*$/, "")
            .split(",")
            .map((f) => f.trim())
        : undefined,
      jsonBody: !!(operation.requestBody as Schema | undefined)?.content?.["application/json"],
      upload: Object.values(
        ((operation.requestBody as Schema | undefined)?.content?.["application/json"]?.schema?.properties ?? {}) as Record<string, Schema>,
      ).some((property) => property.format === "binary"),
      responseSchema: ok?.content?.["application/json"]?.schema,
      successStatus: Number(successCode),
      responseKind,
    };
    // operationIds repeat across modules (each names its own "Export_…"): key them by module.
    this.operations.set(`${module}/${info.operationId}`, info);
    const names: string[] = [];
    const pattern = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
        names.push(param[1]);
        return "([^/]+)";
      })
      .join("");
    const literal = operation.path.replace(/\{[^}]+\}/g, "").length;
    this.routes.push({ method: info.method, regex: new RegExp(`^${pattern}/?$`), names, op: info, literal });
  }

  /** An operation by "module/operationId" (operationIds are only unique within a module). */
  operation(id: string): OperationInfo | undefined {
    return this.operations.get(id);
  }

  /** Every operation of every module. */
  all(): OperationInfo[] {
    return [...this.operations.values()];
  }

  match(method: string, urlPath: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(urlPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { op: route.op, params };
    }
    return undefined;
  }

  /** Validates path, query and body; `body` is the parsed JSON (or the raw text when it did not parse). */
  validate(
    op: OperationInfo,
    req: { method: string; path: string; rawQuery: string; headers: Record<string, Json>; body: unknown },
  ): ValidationOutcome {
    const api = this.backends.get(`${op.module}@${op.source}`)!;
    const result = api.validateRequest(
      { method: req.method, path: req.path, query: req.rawQuery, headers: req.headers, body: req.body as Json },
      op.operationId,
    );
    const errors: Record<string, string[]> = {};
    for (const e of relevantErrors((result.errors || []) as AjvError[])) {
      const { field, message } = describeError(e, op.operationId);
      (errors[field] ||= []).push(message);
    }
    return { errors, query: (result.coerced.query || {}) as Json, params: (result.coerced.params || {}) as Json };
  }

  /**
   * The answer as JSON text, keeping only what the operation's response schema declares (the API never leaks internal
   * fields). One pass, no intermediate objects: 5,000-record pages cost the simulated server little, so its own work
   * does not swamp what the benchmarks measure of the component.
   */
  serialize(op: OperationInfo, body: unknown): string {
    return op.responseSchema ? serializer(op.responseSchema)(body) : JSON.stringify(body);
  }

  /** The answer as the client receives it (tests). */
  project(op: OperationInfo, body: unknown): unknown {
    return JSON.parse(this.serialize(op, body));
  }

  /** For tests: ajv messages for a response that does not match the operation's declared response schema. */
  checkResponse(id: string, status: number, body: unknown): string[] {
    const op = this.operations.get(id);
    if (!op) return [`unknown operation ${id}`];
    const result = this.backends.get(`${op.module}@${op.source}`)!.validateResponse(body, op.operationId, status);
    return ((result.errors || []) as AjvError[]).map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
}

/** ajv reports every anyOf/oneOf branch ("must be null" + "must match a schema in anyOf"): keep the real cause. */
function relevantErrors(errors: AjvError[]): AjvError[] {
  const combinator = (e: AjvError) => e.keyword === "anyOf" || e.keyword === "oneOf";
  const meaningful = errors.filter((e) => !(e.keyword === "type" && e.params.type === "null"));
  return meaningful.filter((e) => !combinator(e) || !meaningful.some((o) => !combinator(o) && o.instancePath.startsWith(e.instancePath)));
}

/** `/requestBody/appointments/0/start` -> field `appointments[0].start`, as ServiceTitan names fields. */
function describeError(e: AjvError, operationId: string): { field: string; message: string } {
  const segments = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const where = segments[0] === "requestBody" ? "body" : segments[0] || "";
  const rest = segments.slice(1).reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");
  if (e.keyword === "additionalProperties" && where === "query") {
    return { field: e.params.additionalProperty, message: `is not a query parameter of ${operationId}` };
  }
  if (e.keyword === "required") {
    if (e.params.missingProperty === "requestBody") return { field: "body", message: "a JSON request body is required" };
    const field = rest ? `${rest}.${e.params.missingProperty}` : e.params.missingProperty;
    return { field, message: "is required" };
  }
  if (e.keyword === "parse") return { field: "body", message: `is not valid JSON (${e.message})` };
  if (e.keyword === "enum") return { field: rest || where, message: `must be one of: ${e.params.allowedValues.join(", ")}` };
  return { field: rest || where || "request", message: e.message || e.keyword };
}

function variants(schema: Schema): Schema[] {
  return schema.anyOf || schema.oneOf || schema.allOf || [];
}

const declaresInteger = (schema: Schema) => schema.type === "integer" || (Array.isArray(schema.type) && schema.type.includes("integer"));
/** A reference the sandbox keeps as {id, name, …} (pricebook categories) where the operation declares integer ids. */
const toId = (value: unknown) =>
  value && typeof value === "object" && typeof (value as { id?: unknown }).id === "number" ? (value as { id: number }).id : value;

/**
 * What a required field the sandbox does not model answers: null where the schema allows it, else the type's
 * empty value. Newer documents add required fields (jobs' estimateIds, customers' creditLimit …); records keep
 * validating without every handler knowing every field.
 */
function emptyValue(schema: Schema): unknown {
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const options = variants(schema);
  if (types.includes("null") || options.some((v) => v.type === "null")) return null;
  const type = types[0] ?? options.find((v) => v.type)?.type ?? (options.some((v) => v.properties) ? "object" : undefined);
  if (schema.enum?.length) return schema.enum[0];
  const inner = options.find((v) => v.enum);
  if (inner) return inner.enum[0];
  switch (type) {
    case "array":
      return [];
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    case "string":
      return schema.format === "date-time" ? new Date(0).toISOString() : "";
    default:
      return JSON.parse(serializer(options.find((v) => v.properties) ?? schema)({}));
  }
}

type Serializer = (value: unknown) => string;
const serializers = new WeakMap<Schema, Serializer>();
const asJson: Serializer = (value) => JSON.stringify(value) ?? "null";

/**
 * A function writing a value as JSON, keeping only the properties the schema declares, recursively; a required
 * property the value lacks is written empty (see emptyValue). Compiled once per schema; the lazy indirection lets
 * recursive schemas refer to themselves.
 */
function serializer(schema: Schema): Serializer {
  const cached = serializers.get(schema);
  if (cached) return cached;
  let compiled: Serializer = asJson;
  serializers.set(schema, (value) => compiled(value));

  const itemsSchema: Schema | undefined = schema.items || variants(schema).find((v) => v.items)?.items;
  const properties: Schema | undefined =
    schema.properties ||
    (schema.allOf
      ? Object.assign({}, ...schema.allOf.map((v: Schema) => v.properties || {}))
      : variants(schema).find((v) => v.properties)?.properties);
  if (!itemsSchema && !properties) return serializers.get(schema)!;
  const items = itemsSchema ? (declaresInteger(itemsSchema) ? (item: unknown) => asJson(toId(item)) : serializer(itemsSchema)) : undefined;
  const keys = properties ? Object.keys(properties) : [];
  const names = keys.map((key) => `${JSON.stringify(key)}:`);
  const subs = keys.map((key) => (isStructured(properties![key]) ? serializer(properties![key]) : undefined));
  const required = new Set<string>(schema.required ?? variants(schema).find((v) => v.properties)?.required ?? []);
  const fallbacks = keys.map((key) => (required.has(key) ? JSON.stringify(emptyValue(properties![key])) : undefined));

  compiled = (value) => {
    if (value === null || typeof value !== "object") return asJson(value);
    if (Array.isArray(value))
      return items ? `[${value.map((item) => (item === undefined ? "null" : items(item))).join(",")}]` : asJson(value);
    if (!properties) return asJson(value);
    const source = value as Record<string, unknown>;
    const parts: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const v = source[keys[i]];
      if (v !== undefined) parts.push(names[i] + (subs[i] && v !== null && typeof v === "object" ? subs[i]!(v) : asJson(v)));
      else if (fallbacks[i] !== undefined) parts.push(names[i] + fallbacks[i]);
    }
    return `{${parts.join(",")}}`;
  };
  return serializers.get(schema)!;
}

/** Objects and arrays are written by their schema; scalars as they are. */
function isStructured(schema: Schema): boolean {
  return !!(schema.properties || schema.items || variants(schema).some((v) => v.properties || v.items || v.allOf || v.anyOf || v.oneOf));
}

let loading: Promise<Spec> | undefined;
/** One parsed copy per process: several sandboxes (tests, bench) share it. */
export function loadSpec(): Promise<Spec> {
  return (loading ||= Spec.load());
}
