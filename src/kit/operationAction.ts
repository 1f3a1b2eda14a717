import { action, type ActionContext, type InputFieldDefinition } from "@prismatic-io/spectral";
import {
  createClient,
  operations,
  RequestError,
  UNDOCUMENTED,
  type OperationKey,
  type RequestArgs,
  type ServiceTitanClient,
} from "../client";
import { InputError } from "../client/errors";
import { connectionInput } from "../inputs";
import type { OutputKind } from "../outputs";

/** Where a cleaned input value goes in the request. */
export type Place = "path" | "query" | "queryMerge" | "body" | "bodyMerge";
export interface Param {
  input: InputFieldDefinition;
  in: Place;
  /** Name in the request when it differs from the input key; dots nest in the body ("address.street"). */
  name?: string;
}
export const inPath = (input: InputFieldDefinition, name?: string): Param => ({ input, in: "path", name });
export const inQuery = (input: InputFieldDefinition, name?: string): Param => ({ input, in: "query", name });
export const inBody = (input: InputFieldDefinition, name?: string): Param => ({ input, in: "body", name });
/** Extra query parameters by name (still checked against the operation's declared parameters). */
export const mergedIntoQuery = (input: InputFieldDefinition): Param => ({ input, in: "queryMerge" });
/** A JSON object whose fields are merged into the body (for the rarely used fields without their own input). */
export const mergedIntoBody = (input: InputFieldDefinition): Param => ({ input, in: "bodyMerge" });

export type Params = Record<string, Param>;
export type Values = Record<string, unknown>;

const setPath = (target: Values, dotted: string, value: unknown) => {
  const keys = dotted.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Values;
  node[keys[keys.length - 1]] = value;
};

/** Sorts cleaned input values into path, query and body; undefined values (empty optional inputs) are not sent. */
export const placeParams = (params: Params, values: Values): Required<Pick<RequestArgs, "path" | "query">> & { body?: Values } => {
  const path: Record<string, string | number> = {};
  const query: Values = {};
  let body: Values | undefined;
  for (const [key, param] of Object.entries(params)) {
    const value = values[key];
    if (value === undefined) continue;
    const name = param.name ?? key;
    if (param.in === "path") path[name] = value as string | number;
    else if (param.in === "query") query[name] = value;
    else if (param.in === "queryMerge") Object.assign(query, value);
    else if (param.in === "body") setPath((body ??= {}), name, value);
    else body = { ...(value as Values), ...(body ?? {}) };
  }
  return { path, query, body };
};

/** A value computed on first use and kept: what action definitions defer, so defining 480 actions costs little. */
export const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/** The params of a spec, given directly or as a function (see OperationActionSpec.params). */
export const resolveParams = (params: Params | (() => Params)): Params => (typeof params === "function" ? params() : params);

export interface OperationActionSpec {
  label: string;
  description: string;
  operation: OperationKey;
  /** The inputs and where their values go; a function is called once, when the inputs are first needed. */
  params: Params | (() => Params);
  examplePayload: { data: unknown };
  /** Names what a 404 refers to, e.g. (v) => `Job ${v.id}`. */
  subject?: (values: Values) => string;
  /** Replaces the default request (for multipart bodies, multi-step calls …). */
  perform?: (client: ServiceTitanClient, values: Values, context: ActionContext) => Promise<unknown>;
  /**
   * Builds the body from the cleaned values when the placement rules are not enough; `placed` is the body the
   * placement rules built (to adjust or check it, e.g. derived inputs plus a rule the spec states only in prose).
   */
  body?: (values: Values, placed: Values | undefined) => unknown;
  /** `perform` returns the step's whole result (`{data, contentType}` of a file), not just its data. */
  rawResult?: boolean;
  /** What the step's `data` is when not the operation's answer (a list's Fetch All envelope, a file …). */
  output?: OutputKind;
}

/** Which ServiceTitan operation each action definition calls, and what its `data` is (docs, output schemas). */
const operationsOfActions = new WeakMap<object, { operation: OperationKey; output?: OutputKind }>();
export const operationOf = (definition: object): OperationKey | undefined => operationsOfActions.get(definition)?.operation;
export const outputKindOf = (definition: object): OutputKind | undefined => operationsOfActions.get(definition)?.output;

/** axios gives "" for an empty answer (204, or 200 with no body); actions return {} there, as the reference does. */
const orEmpty = (data: unknown) => (data === "" || data === undefined || data === null ? {} : data);

/** Records the operation of a definition (and what its data is, when not the operation's answer) for docs and outputs. */
export const registerOperation = <T extends object>(definition: T, operation: OperationKey, output?: OutputKind): T => {
  operationsOfActions.set(definition, { operation, output });
  return definition;
};

/**
 * What a perform can pass on for logging. Actions and triggers get `debug.enabled` (from the execution's global
 * debug); a data source's context declares neither, but carries them when Prismatic runs it in debug.
 */
export interface LogContext {
  logger?: ActionContext["logger"];
  debug?: { enabled?: boolean };
  globalDebug?: boolean;
}

export const clientFor = (connection: unknown, context?: LogContext) =>
  createClient(connection as never, { debug: Boolean(context?.debug?.enabled || context?.globalDebug), logger: context?.logger });

/** Every update (PATCH) sends only the inputs that were filled in: no default overwrites data. Builders are told so. */
const PATCH_NOTE = "Inputs left empty are not sent, so those fields keep their current values.";
const describe = (spec: OperationActionSpec) => {
  const notes = [spec.operation.startsWith("PATCH ") ? PATCH_NOTE : "", operations[spec.operation].source ? UNDOCUMENTED : ""].filter(
    Boolean,
  );
  return notes.length ? [spec.description.replace(/\.?$/, "."), ...notes].join(" ") : spec.description;
};

const labelOf = (param: Param) => String(param.input.label);

/**
 * The core refuses a request by its part and field ("body", "appointments[0].start"); an action's builder knows
 * inputs, not fields. Name the input that fills the field (or the JSON/key-value input it was merged from), and say
 * which field when they differ.
 */
export const toInputError = (error: RequestError, params: Params): InputError => {
  const entries = Object.entries(params);
  const named = entries.find(([key, param]) => {
    if (param.in !== error.part) return false;
    const name = param.name ?? key;
    return error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`);
  });
  const merged = entries.find(
    ([, param]) => param.in === (error.part === "query" ? "queryMerge" : error.part === "body" ? "bodyMerge" : undefined),
  );
  const [, param] = named ?? merged ?? [];
  if (!param) return error;
  const problem = named && (named[1].name ?? named[0]) === error.field ? error.problem.replace(/^(field )?"[^"]+" /, "") : error.problem;
  return new InputError(labelOf(param), problem);
};

/** One ServiceTitan operation as a Prismatic action: the declarative core every resource module uses. */
export const operationAction = (spec: OperationActionSpec) => {
  // Inputs are built when Prismatic (or a test) first reads them: a flow step converts only the action it runs.
  const paramsOf = once(() => resolveParams(spec.params));
  const inputsOf = once(() => ({
    connection: connectionInput,
    ...Object.fromEntries(Object.entries(paramsOf()).map(([key, p]) => [key, p.input])),
  }));
  const definition = action({
    display: { label: spec.label, description: describe(spec) },
    get inputs() {
      return inputsOf();
    },
    examplePayload: spec.examplePayload as never,
    perform: async (context, values) => {
      const client = clientFor((values as Values).connection, context);
      try {
        if (spec.perform) {
          const result = await spec.perform(client, values as Values, context);
          return spec.rawResult ? (result as { data: unknown }) : { data: orEmpty(result) };
        }
        const placed = placeParams(paramsOf(), values as Values);
        const needsBody = operations[spec.operation].body !== null;
        const body = spec.body ? spec.body(values as Values, placed.body) : (placed.body ?? (needsBody ? {} : undefined));
        const data = await client.request(spec.operation, {
          ...placed,
          body,
          subject: spec.subject?.(values as Values),
        });
        return { data: orEmpty(data) };
      } catch (error) {
        throw error instanceof RequestError ? toInputError(error, paramsOf()) : error;
      }
    },
  });
  return registerOperation(definition, spec.operation, spec.output ?? (spec.rawResult ? "file" : undefined));
};
