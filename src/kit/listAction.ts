import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { operations, type OperationKey } from "../client";
import { InputError } from "../client/errors";
import { collectList, largestPageSize } from "../client/paging";
import { enumInput, idListInput, integerInput, keyValueInput, stringInput, switchInput } from "../inputs";
import { fieldInput, humanize, pathParams } from "./derive";
import { idField } from "./ids";
import { exportActionFor } from "./exportLinks";
import { inQuery, mergedIntoQuery, once, operationAction, placeParams, type Params, type Values } from "./operationAction";

const PAGING = new Set(["page", "pageSize", "includeTotal"]);

/** "+Id", "-Id", … for the fields the spec says `sort` accepts. */
export const sortChoices = (fields: readonly string[] = []): string[] => fields.flatMap((f) => [`+${f}`, `-${f}`]);

/**
 * An input for a declared query parameter, typed from the spec (ids with their dropdown, dates, enums, booleans,
 * sort …). `dataSource` is the picklist of the listed records, offered by the IDs filter.
 */
/** ServiceTitan's own paging defaults: what a list sends where its spec makes paging required (a few lists do). */
const PAGING_DEFAULTS: Record<string, unknown> = { page: 1, pageSize: 50, includeTotal: false };

/** The paging parameters an operation requires, with their defaults (sent when the builder leaves them empty). */
export const requiredPagingDefaults = (operation: OperationKey): Record<string, unknown> =>
  Object.fromEntries(
    operations[operation].query.filter((q) => q.required && q.name in PAGING_DEFAULTS).map((q) => [q.name, PAGING_DEFAULTS[q.name]]),
  );

/** The query with the required paging parameters left empty filled in with their defaults. */
const withPagingDefaults = (operation: OperationKey, query: Record<string, unknown>) => {
  const filled = { ...query };
  for (const [name, value] of Object.entries(requiredPagingDefaults(operation))) filled[name] ??= value;
  return filled;
};

export const filterInputFor = (operation: OperationKey, name: string, dataSource?: string): InputFieldDefinition => {
  const q = operations[operation].query.find((p) => p.name === name);
  if (!q) throw new Error(`${operation} declares no query parameter ${name}`);
  if (name === "ids") return idListInput({ label: "IDs", max: 50, dataSource, comments: "Only these records (at most 50 ids)." });
  if (name === "active") {
    return enumInput({
      label: "Active",
      values: ["True", "Any", "False"],
      default: "True",
      comments: "True (the API's default) returns active records only; Any returns active and inactive.",
    });
  }
  if (name === "sort") {
    const choices = sortChoices(q.sortFields);
    return choices.length
      ? enumInput({ label: "Sort", values: choices, comments: "The order of the records: +Field ascending, -Field descending." })
      : stringInput({ label: "Sort", comments: q.description || "+FieldName ascending, -FieldName descending." });
  }
  // ServiceTitan types many id-list filters (vendorIds, businessUnitIds …) as one comma-separated string: ids all the same.
  if (/Ids$/.test(name) && q.type === "string") {
    const id = idField(name);
    return idListInput({
      label: id ? `${id.label.replace(/ID$/, "IDs")}` : humanize(name),
      dataSource: id?.dataSource,
      comments: `${q.description ? `${q.description.replace(/\.?$/, ".")} ` : ""}One id per entry (or a comma-separated list).${id?.comments ? ` ${id.comments}` : ""}`,
    });
  }
  return fieldInput(q);
};

export interface ListActionSpec {
  label: string;
  description: string;
  operation: OperationKey;
  /** Inputs that replace the spec-derived one for a query parameter (better label, a dropdown data source …); a
   * function when building them reads the spec (kept off the cold start). */
  filters?: Record<string, InputFieldDefinition> | (() => Record<string, InputFieldDefinition>);
  /** Declared parameters not offered as inputs (rarely useful ones). */
  omit?: string[];
  /** Path inputs (e.g. the customer whose contacts are listed); derived from the spec when not given. */
  path?: Params | (() => Params);
  /** Refuses (throws an InputError) what no single input can see, e.g. filters ServiceTitan requires one of. */
  check?: (values: Values) => void;
  /** The picklist of the listed records, for the IDs filter. */
  dataSource?: string;
  examplePayload: { data: unknown };
  subject?: (values: Values) => string;
}

/**
 * A list's paging inputs: one page (Page, Page Size up to `maxPageSize`) or Fetch All with an optional cap. Where they
 * travel is the perform's business (the query for most lists, the body for Fleet Pro's history).
 */
export const pagingParams = (maxPageSize: number): Params => ({
  fetchAll: {
    in: "query",
    input: switchInput({ label: "Fetch All", comments: "Fetch every matching record (large pages, concurrent) instead of one page." }),
  },
  maxRecords: {
    in: "query",
    input: integerInput({
      label: "Max Records",
      min: 1,
      comments: "With Fetch All: stop after this many records (empty: no cap). The result says whether the cap cut it.",
    }),
  },
  page: {
    in: "query",
    input: integerInput({ label: "Page", min: 1, example: "1", comments: "Page number (from 1) when not fetching all." }),
  },
  pageSize: {
    in: "query",
    input: integerInput({
      label: "Page Size",
      min: 1,
      max: maxPageSize,
      example: "50",
      comments: `Records per page (ServiceTitan's default is 50; up to ${maxPageSize}).`,
    }),
  },
});

/** Refuses paging inputs that do not go together, before any request. */
export const checkPaging = ({ fetchAll, maxRecords, page }: Values) => {
  if (!fetchAll && maxRecords !== undefined)
    throw new InputError("Max Records", "only applies with Fetch All; use Page Size for one page.");
  if (fetchAll && page !== undefined)
    throw new InputError("Page", "cannot be combined with Fetch All (which starts at page 1 and reads every page).");
};

/**
 * A list operation as an action: every filter the endpoint declares (typed from the spec, overridable), one page
 * or Fetch All (through the core's pager, optionally capped), and an escape hatch for extra query parameters that
 * still refuses names the operation does not declare.
 */
export const listAction = (spec: ListActionSpec) => {
  const omitted = new Set(spec.omit ?? []);
  // Built when the inputs are first needed (see operationAction).
  const paramsOf = once((): Params => {
    const declared = operations[spec.operation].query.map((q) => q.name);
    const filters = typeof spec.filters === "function" ? spec.filters() : spec.filters;
    for (const name of [...Object.keys(filters ?? {}), ...(spec.dataSource ? ["ids"] : [])]) {
      if (!declared.includes(name)) throw new Error(`${spec.operation} declares no query parameter ${name}`);
    }
    const maxPageSize = largestPageSize(spec.operation);
    const filterParams: Params = Object.fromEntries(
      declared
        .filter((name) => !PAGING.has(name) && !omitted.has(name))
        .map((name) => [name, inQuery(filters?.[name] ?? filterInputFor(spec.operation, name, spec.dataSource))]),
    );
    return {
      ...((typeof spec.path === "function" ? spec.path() : spec.path) ?? pathParams(spec.operation)),
      ...filterParams,
      ...pagingParams(maxPageSize),
      // Offered where the endpoint declares it (the v2 calls list always answers its total and does not).
      ...(declared.includes("includeTotal")
        ? {
            includeTotal: {
              in: "query",
              input: switchInput({ label: "Include Total", comments: "Also return totalCount, the number of matching records." }),
            },
          }
        : {}),
      additionalQueryParameters: mergedIntoQuery(
        keyValueInput({
          label: "Additional Query Parameters",
          comments: `Other query parameters of this endpoint by name. A name it does not declare is refused (ServiceTitan would ignore it and return unfiltered data).`,
        }),
      ),
    };
  });
  return operationAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    params: paramsOf,
    examplePayload: spec.examplePayload,
    subject: spec.subject,
    output: "list",
    perform: async (client, values) => {
      spec.check?.(values);
      checkPaging(values);
      const { fetchAll, maxRecords, page, pageSize, includeTotal, ...rest } = values;
      const placed = placeParams(paramsOf(), rest);
      if (!fetchAll) {
        return client.request(spec.operation, {
          ...placed,
          query: withPagingDefaults(spec.operation, { ...placed.query, page, pageSize, includeTotal: includeTotal || undefined }),
          subject: spec.subject?.(values),
        });
      }
      const collected = await collectList(
        client,
        spec.operation,
        { ...placed, query: withPagingDefaults(spec.operation, placed.query) },
        {
          maxRecords: maxRecords as number | undefined,
          pageSize: pageSize as number | undefined,
          eagerSecondPage: true,
        },
      );
      return fetchAllResult(collected, spec.operation);
    },
  });
};

/**
 * A Fetch All result in the envelope of one page, so downstream steps work either way, plus how many came back,
 * whether the cap cut it, and whether it is the whole list (offset paging cannot promise that while the list
 * changes; the list's Export action can, and is named). The pager asks for the total anyway, so it is returned
 * whether or not Include Total was set.
 */
export const fetchAllResult = <T>(
  { records, capped, totalCount, complete, incompleteReason }: Awaited<ReturnType<typeof collectList<T>>>,
  operation: OperationKey,
) => {
  const feed = exportActionFor(operation);
  return {
    page: 1,
    pageSize: records.length,
    hasMore: capped,
    totalCount: totalCount ?? null,
    data: records,
    recordCount: records.length,
    capped,
    complete,
    ...(incompleteReason
      ? {
          incompleteReason:
            capped || !feed
              ? incompleteReason
              : `${incompleteReason} For a consistent copy use the ${feed.label} (${feed.key}) action, which reads ServiceTitan's change feed.`,
        }
      : {}),
  };
};
