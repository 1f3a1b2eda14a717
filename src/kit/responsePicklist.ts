import type { OperationKey } from "../client";
import { exportPages } from "../client/paging";
import type { Params, Values } from "./operationAction";
import { dropdown, PICKLIST_LIMIT, type Option } from "./picklist";

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
  dropdown(spec, async (client, placed) =>
    spec.options(await client.request<R>(spec.operation, { ...placed, query: { ...spec.query, ...placed.query } })),
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
  dropdown(spec, async (client) => {
    const latest = new Map<string, T>();
    for await (const page of exportPages<T>(client, spec.operation)) {
      for (const record of page.data ?? []) {
        const key = String(record.id);
        latest.delete(key); // a later change moves the record to the end
        latest.set(key, record);
      }
      if (latest.size >= PICKLIST_LIMIT) break;
    }
    return [...latest.values()].filter((record) => spec.keep?.(record) ?? true).map(spec.option);
  });
