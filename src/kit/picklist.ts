import { dataSource, type InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey, RequestArgs, ServiceTitanClient } from "../client";
import { listPages } from "../client/paging";
import { connectionInput } from "../inputs";
import { clientFor, once, placeParams, registerOperation, type Params, type Values } from "./operationAction";

/** Dropdowns load at most this many records (what Prismatic's UI can sensibly show). */
export const PICKLIST_LIMIT = 10_000;
/** Pages a dropdown has in flight once the total is known: every page of 10,000 records at 500 a page. */
export const PICKLIST_CONCURRENCY = 20;

export interface Option {
  key: string;
  label: string;
}

export interface PicklistSpec<T> {
  label: string;
  description: string;
  operation: OperationKey;
  /** Fixed query: the API sort decides which records survive the cap (newest documents, active people/places). */
  query?: Values;
  /** Extra inputs (e.g. the customer whose contacts are listed). */
  params?: Params;
  option: (record: T) => Option;
  /** Display order: "label" sorts alphabetically; "api" keeps the API's order (newest first when sorted so). */
  order: "label" | "api";
  example: Option[];
}

/** Created on first use: an ICU collator costs milliseconds, and most flow steps show no dropdown. */
const collator = once(() => new Intl.Collator("en", { sensitivity: "base", numeric: true }));

/** Options as a dropdown shows them: never an empty label, unique by key, at most 10,000, alphabetical unless told otherwise. */
export const finishOptions = (options: Iterable<Option>, order: "label" | "api"): { result: Option[] } => {
  const seen = new Set<string>();
  const result: Option[] = [];
  for (const { key, label } of options) {
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ key, label: String(label ?? "").trim() || `ID: ${key}` });
    if (result.length >= PICKLIST_LIMIT) break;
  }
  if (order === "label") result.sort((a, b) => collator().compare(a.label, b.label));
  return { result };
};

/** What every dropdown builder shares: display, inputs (the connection and `params`), example, and how options load. */
export interface DropdownSpec {
  label: string;
  description: string;
  operation: OperationKey;
  params?: Params;
  example: Option[];
  order?: "label" | "api";
}

/**
 * One dropdown (a Prismatic picklist data source) whose options `load` reads through the core; its operation is
 * recorded for docs and the benchmark. The context carries the logger (and global debug), so its requests are logged
 * like any other.
 */
export const dropdown = (
  spec: DropdownSpec,
  load: (client: ServiceTitanClient, args: RequestArgs) => AsyncIterable<Option> | Iterable<Option> | Promise<Iterable<Option>>,
) =>
  registerOperation(
    dataSource({
      display: { label: spec.label, description: spec.description },
      dataSourceType: "picklist",
      inputs: {
        connection: connectionInput,
        ...Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, p]) => [k, p.input])),
      } as Record<string, InputFieldDefinition>,
      examplePayload: { result: spec.example },
      perform: async (context, values) => {
        const client = clientFor((values as Values).connection, context);
        const loaded = await load(client, placeParams(spec.params ?? {}, values as Values));
        const options: Option[] = [];
        for await (const option of loaded as AsyncIterable<Option>) options.push(option);
        return finishOptions(options, spec.order ?? "label");
      },
    }),
    spec.operation,
  );

/**
 * A list operation as a picklist: up to 10,000 distinct records through the core's pager (pages 1 and 2 at once,
 * the rest concurrently once the total is known), never an empty label. Which records survive the cap is the API's
 * sort (`query`); `order` is only how they are shown.
 */
export const picklist = <T extends { id?: unknown }>(spec: PicklistSpec<T>) =>
  dropdown(spec, async function* (client, placed) {
    const args = { ...placed, query: { ...spec.query, ...placed.query } };
    // The pager drops records it already yielded (by id), so keys are unique and the cap counts distinct records.
    for await (const page of listPages<T>(client, spec.operation, args, {
      maxRecords: PICKLIST_LIMIT,
      // A dropdown keeps only labels, so where the server grants small pages (500 for journal entries) all
      // remaining pages can be in flight at once; the core's limiter still holds them to 60 a second.
      concurrency: PICKLIST_CONCURRENCY,
      eagerSecondPage: true,
    })) {
      for (const record of page) yield spec.option(record);
    }
  });

/** "John Doe (ID: 1)" — the reference component's label format, with a fallback for nameless records. */
export const nameWithId = (name: unknown, id: unknown, fallback = "Unnamed") => `${String(name ?? "").trim() || fallback} (ID: ${id})`;
