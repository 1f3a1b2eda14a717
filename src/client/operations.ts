/**
 * The generated operation table (npm run generate): every ServiceTitan operation of the 25 API modules, keyed
 * "VERB /module/v2/tenant/{tenant}/…" exactly as the vendored documents declare it. The table is small and loaded at
 * start-up; the request and response schemas of a module are loaded the first time one of its operations needs them.
 */
import type { OperationKey } from "../generated/operationKeys";

export type { OperationKey } from "../generated/operationKeys";

/** A parameter's declared JSON type (a nullable type counts as its non-null type). */
export interface ParamType {
  type: string;
  format?: string;
  enum?: unknown[];
  items?: ParamType;
  minimum?: number;
  maximum?: number;
}
export interface QueryParam extends ParamType {
  name: string;
  required: boolean;
  /** The spec's description as one line of prose. */
  description: string;
  /** What `sort` accepts, where the spec lists it ("Available fields are: Id, ModifiedOn."). */
  sortFields?: string[];
}
export interface PathParam {
  name: string;
  type: string;
  format?: string;
}
export interface BodyField extends ParamType {
  name: string;
  required: boolean;
  description: string;
}
export interface OperationInfo {
  module: string;
  /** Absent: the May 2026 documents. "2026-03": only ServiceTitan's March 2026 documents still list it. */
  source?: "2026-03";
  operationId: string;
  /** The spec's group ("Jobs", "Campaigns"). */
  tag: string;
  summary: string;
  pathParams: PathParam[];
  query: QueryParam[];
  /** Request body: JSON, a multipart file upload, or none. */
  body: "json" | "multipart" | null;
  bodyRequired: boolean;
  /** The JSON body's top-level fields (absent when the body is an array or there is none). */
  bodyFields?: BodyField[];
  /** The JSON body is an array (of items to mark as exported, GPS pings …), not an object. */
  arrayBody?: true;
  /** Success answer: JSON, the bytes of a file, a redirect to a file, or nothing. */
  response: "json" | "file" | "redirect" | "none";
  /** A paged list ({page, pageSize, hasMore, data}). */
  list?: true;
  /** An export feed ({hasMore, continueFrom, data}). */
  export?: true;
  /** What the trigger and the Export actions need of a feed (generated from its path and item schema). */
  feed?: {
    /** "customerContacts": the trigger's dropdown value, the Export action's key suffix. */
    key: string;
    label: string;
    /** What identifies a record without an `id`. */
    idFields?: string[];
    /** When a record changed, when not `modifiedOn` (null: it carries no time). */
    timeField?: string | null;
    /** Records are events (no modifiedOn): each one is new. */
    events?: true;
    /** The feed declares `active` (it hides inactive records unless asked for them). */
    activeFilter?: true;
  };
  deprecated?: true;
}

type OperationParams = Pick<OperationInfo, "pathParams" | "query" | "bodyFields">;
const params = new Map<string, Record<string, OperationParams>>();
/** A module's operation parameters (the bulk of the table), read on first use. */
const paramsOf = (module: string): Record<string, OperationParams> => {
  let table = params.get(module);
  if (!table) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    table = require(`../generated/params/${module}.json`) as Record<string, OperationParams>;
    params.set(module, table);
  }
  return table;
};

/**
 * Every operation. The index (labels, kinds, flags) is read at start-up; `pathParams`, `query` and `bodyFields`
 * are read from the operation's module when first asked for, so a flow step pays for the module it calls only.
 * The getters are attached to an operation when it is first read (attaching 1,750 at load cost the cold start ~5 ms).
 * (Plain require: typing the JSON would slow the compiler for nothing; OperationKey is generated as a union.)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const index: Record<string, OperationInfo> = require("../generated/operations.json");
const withParams = new Set<string>();
export const operations = new Proxy(index, {
  get(target, key) {
    const op = target[key as string];
    if (op && typeof key === "string" && !withParams.has(key) && Object.prototype.hasOwnProperty.call(target, key)) {
      withParams.add(key);
      for (const field of ["pathParams", "query", "bodyFields"] as const) {
        Object.defineProperty(op, field, { enumerable: true, configurable: true, get: () => paramsOf(op.module)[key][field] });
      }
    }
    return op;
  },
}) as Record<OperationKey, OperationInfo>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const modules: Record<string, { title: string; base: string }> = require("../generated/modules.json");

export const operationKeys = Object.keys(index) as OperationKey[];
export const isOperationKey = (key: string): key is OperationKey => Object.prototype.hasOwnProperty.call(index, key);
/** The export feeds' operations, read from the index alone (the trigger and Export actions are defined at load). */
export const feedOperations = operationKeys.filter((key) => index[key].feed);

/** Shorter names for the modules whose official titles are long. */
const MODULE_NAMES: Record<string, string> = { jpm: "Job Planning", sales: "Sales & Estimates" };
export const moduleName = (module: string): string => MODULE_NAMES[module] ?? modules[module]?.title ?? module;
export const moduleKeys = Object.keys(modules);

const ACRONYMS: Record<string, string> = { Ap: "AP", Gl: "GL", Po: "PO", Api: "API", Crm: "CRM", Id: "ID" };
/** "ApBills" → "AP Bills", "DiscountAndFees" → "Discount And Fees". */
export const words = (camel: string): string =>
  camel
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((word) => ACRONYMS[word] ?? word)
    .join(" ");

/** What the May 2026 documents dropped is still served; builders are told it may change without notice. */
export const UNDOCUMENTED =
  "ServiceTitan no longer documents this operation publicly (it is in its March 2026 API documents, not the May 2026 ones): it still works for tenants that use it, but may change without notice.";

const MAX_SUMMARY = 90;
const shorten = (text: string) => (text.length <= MAX_SUMMARY ? text : `${text.slice(0, text.lastIndexOf(" ", MAX_SUMMARY - 1))} …`);

/** "Marketing · Campaigns · Get a campaign by ID", how builders find an operation in a dropdown. */
export const operationLabel = (key: OperationKey): string => {
  const op = operations[key];
  const label = [moduleName(op.module), words(op.tag), shorten(op.summary)].filter(Boolean).join(" · ");
  return op.source ? `${label} (no longer publicly documented)` : label;
};

export interface ModuleSchemas {
  defs: Record<string, object>;
  requests: Partial<Record<OperationKey, object>>;
  responses: Partial<Record<OperationKey, object>>;
}
const loaded = new Map<string, ModuleSchemas>();

/** A module's compact request/response schemas, read on first use (most flow steps never need them). */
export const schemasOf = (module: string): ModuleSchemas => {
  let schemas = loaded.get(module);
  if (!schemas) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    schemas = require(`../generated/schemas/${module}.json`) as ModuleSchemas;
    loaded.set(module, schemas);
  }
  return schemas;
};

/** A schema of the module as a standalone JSON schema (its `$defs` attached), or undefined. */
export const standalone = (module: string, schema: object | undefined): object | undefined =>
  schema && { ...schema, $defs: schemasOf(module).defs };
