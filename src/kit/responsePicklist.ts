import { dataSource, type InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../client";
import { exportPages } from "../client/paging";
import { connectionInput } from "../inputs";
import { clientFor, once, placeParams, registerOperation, type Params, type Values } from "./operationAction";
import { PICKLIST_LIMIT, type Option } from "./picklist";

/** Created on first use (an ICU collator costs milliseconds at start-up). */
const collator = once(() => new Intl.Collator("en", { sensitivity: "base", numeric: true }));

/** Options never have an empty label, are unique by key, at most PICKLIST_LIMIT, alphabetical unless told otherwise. */
const finish = (options: Option[], order: "label" | "api") => {
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

export interface ResponsePicklistSpec<R> {
  label: string;
  description: string;
  /** An operation that answers everything at once (no paging envelope), e.g. a settings lookup. */
  operation: OperationKey;
  params?: Params;
  query?: Values;
  /** The options in the answer. */
  options: (response: R) => Option[];
  order?: "label" | "api";
  example: Option[];
}

/** A dropdown from one request whose answer holds the whole list (lookups that are not paged). */
export const responsePicklist = <R>(spec: ResponsePicklistSpec<R>) =>
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
        const placed = placeParams(spec.params ?? {}, values as Values);
        const response = await client.request<R>(spec.operation, { ...placed, query: { ...spec.query, ...placed.query } });
        return finish(spec.options(response), spec.order ?? "label");
      },
    }),
    spec.operation,
  );

export interface FeedPicklistSpec<T> {
  label: string;
  description: string;
  /** An export feed ({hasMore, continueFrom, data}), read from the start. */
  operation: OperationKey;
  option: (record: T) => Option;
  /** Records left out (e.g. inactive ones: feeds include them). */
  keep?: (record: T) => boolean;
  order?: "label" | "api";
  example: Option[];
}

/**
 * A dropdown from an export feed, for records whose list endpoint cannot list them all (e.g. one that requires ids).
 * A feed shows a record once per change, so the latest version of each record counts. Reading stops once 10,000
 * distinct records were seen (a huge feed would otherwise be read to its end for one dropdown).
 */
export const feedPicklist = <T extends { id?: unknown }>(spec: FeedPicklistSpec<T>) =>
  registerOperation(
    dataSource({
      display: { label: spec.label, description: spec.description },
      dataSourceType: "picklist",
      inputs: { connection: connectionInput },
      examplePayload: { result: spec.example },
      perform: async (context, values) => {
        const client = clientFor((values as Values).connection, context);
        const latest = new Map<string, T>();
        for await (const page of exportPages<T>(client, spec.operation)) {
          for (const record of page.data ?? []) {
            const key = String(record.id);
            latest.delete(key); // a later change moves the record to the end
            latest.set(key, record);
          }
          if (latest.size >= PICKLIST_LIMIT) break;
        }
        const kept = [...latest.values()].filter((record) => spec.keep?.(record) ?? true);
        return finish(kept.map(spec.option), spec.order ?? "label");
      },
    }),
    spec.operation,
  );
