/**
 * Running a report: rows come back as positional arrays with the field names alongside; they are returned as objects
 * keyed by those names. Paging is in the query string (ServiceTitan ignores a page in the body), up to 25,000 rows a
 * page, read one page at a time: ServiceTitan lets the same report run only about once a minute per tenant, so pages
 * are never fetched in parallel, and a 429 is waited out here, as long as the builder's Max Wait allows, instead of
 * by the core's general retries (which would give up, or wait, without that bound).
 */
import { createClient, type OperationKey, type ServiceTitanClient } from "../../client";
import { ServiceTitanError } from "../../client/errors";
import type { Logger } from "../../client";

export const REPORT_DATA = "POST /reporting/v2/tenant/{tenant}/report-category/{report_category}/reports/{reportId}/data" as const;

/** ServiceTitan's largest report page (the spec's pageSize maximum); its default is 1,000. */
export const LARGEST_REPORT_PAGE = 25_000;
/** Max Wait's default: long enough for one "once a minute" refusal. */
export const DEFAULT_MAX_WAIT_SECONDS = 120;
/** What a 429 without Retry-After (or "Try again in N seconds") is taken to ask: the documented once a minute. */
const UNSTATED_WAIT_MS = 60_000;
/** Added to each wait, so the retry does not arrive a hair before the window reopens. */
const MARGIN_MS = 250;

interface DataPage {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount?: number | null;
  data: unknown[][];
  fields: Array<{ name: string; label?: string }>;
}

export interface RunOptions {
  path: { report_category: string; reportId: number };
  parameters: Array<{ name: string; value: unknown }>;
  /** What the report is called in messages: `report "Revenue" (ID 5)`. */
  what: string;
  fetchAll: boolean;
  page?: number;
  pageSize?: number;
  includeTotal?: boolean;
  maxRecords?: number;
  maxWaitSeconds: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RunResult {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount: number | null;
  fields: Array<{ name: string; label?: string }>;
  data: Array<Record<string, unknown>>;
  recordCount: number;
  /** Data requests that returned rows (429s not counted). */
  requests: number;
  /** Seconds spent waiting for ServiceTitan's report rate limit. */
  waitedSeconds: number;
  capped?: boolean;
  complete?: boolean;
  incompleteReason?: string;
}

type Schema = Record<string, unknown>;
/** The report's columns as ServiceTitan names them. */
const FIELDS_SCHEMA: Schema = {
  type: "array",
  description: "The columns, in order: name (the key of each row's value) and label.",
  items: { type: "object", required: ["name"], properties: { name: { type: "string" }, label: { type: ["string", "null"] } } },
};
const ROWS_SCHEMA: Schema = {
  type: "array",
  description: 'One object per row, keyed by the field names (e.g. {"InvoiceId": 50001, "Total": 302.99}).',
  items: { type: "object" },
};

/** What List Dynamic Values outputs: the value set's rows as objects. */
export const VALUE_ROWS_SCHEMA: Schema = {
  type: "object",
  required: ["fields", "data", "recordCount"],
  properties: { fields: FIELDS_SCHEMA, data: ROWS_SCHEMA, recordCount: { type: "integer" } },
};

/** What Run Report outputs: the report, its page (or every row with Fetch All) as objects, and the run's figures. */
export const REPORT_RUN_SCHEMA: Schema = {
  type: "object",
  required: ["reportId", "reportCategory", "page", "pageSize", "hasMore", "fields", "data", "recordCount"],
  properties: {
    reportId: { type: "integer" },
    reportCategory: { type: "string" },
    reportName: { type: ["string", "null"] },
    page: { type: "integer" },
    pageSize: { type: "integer" },
    hasMore: { type: "boolean" },
    totalCount: { type: ["integer", "null"] },
    fields: FIELDS_SCHEMA,
    data: ROWS_SCHEMA,
    recordCount: { type: "integer", description: "How many rows came back." },
    requests: { type: "integer", description: "Data requests that returned rows." },
    waitedSeconds: { type: "integer", description: "Seconds spent waiting for ServiceTitan's report rate limit." },
    capped: { type: "boolean", description: "With Fetch All: Max Records cut the report." },
    complete: { type: "boolean", description: "With Fetch All: whether every row was read (see incompleteReason)." },
    incompleteReason: { type: "string" },
  },
};

/** A row as an object keyed by the field names; values beyond the named fields keep a positional name. */
export const rowObject = (fields: Array<{ name: string }>, row: unknown[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const length = Math.max(fields.length, row.length);
  for (let i = 0; i < length; i++) out[fields[i]?.name ?? `column${i + 1}`] = row[i] ?? null;
  return out;
};

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * A client for the data requests whose 429s come back at once (no core retries), so this module can wait them out
 * within Max Wait. 401 token refresh, the per-tenant rate limit and error shaping stay the core's.
 */
export const reportDataClient = (connection: unknown, options: { debug?: boolean; logger?: Logger }) =>
  createClient(connection as never, { ...options, maxRetries: 0 });

export const runReport = async (client: ServiceTitanClient, options: RunOptions, logger?: Logger): Promise<RunResult> => {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const budgetMs = options.maxWaitSeconds * 1000;
  let waitedMs = 0;
  let requests = 0;
  const rows: Array<Record<string, unknown>> = [];
  let total: number | undefined;

  const fetchPage = async (page: number, pageSize: number | undefined, includeTotal: boolean): Promise<DataPage> => {
    for (;;) {
      try {
        const answer = await client.request<DataPage>(REPORT_DATA as OperationKey, {
          path: options.path,
          query: { page, pageSize, includeTotal: includeTotal || undefined },
          body: { parameters: options.parameters },
          subject: options.what.replace(/^report/, "Report"),
        });
        requests++;
        return answer;
      } catch (error) {
        if (!(error instanceof ServiceTitanError) || error.status !== 429) throw error;
        const askedMs = error.retryAfterMs ?? UNSTATED_WAIT_MS;
        const left = budgetMs - waitedMs;
        if (askedMs > left) {
          const progress = rows.length
            ? ` after ${rows.length.toLocaleString("en-US")}${total !== undefined ? ` of ${total.toLocaleString("en-US")}` : ""} rows (page ${page})`
            : "";
          throw new ServiceTitanError(
            `ServiceTitan limits how often the same report may run (about once a minute per report and tenant): ${options.what} was refused with 429${progress} and ServiceTitan asked to wait ${seconds(askedMs)} s, more than what is left of Max Wait (seconds) = ${options.maxWaitSeconds} (${seconds(waitedMs)} s already waited). Run it again later or raise Max Wait (seconds).${error.traceId ? ` (traceId: ${error.traceId})` : ""}`,
            429,
            error.title,
            error.fieldErrors,
            error.traceId,
            error.request,
            undefined,
            askedMs,
          );
        }
        (logger?.info ?? logger?.warn)?.(
          `${options.what}: ServiceTitan's report rate limit (429); waiting ${seconds(askedMs)} s as it asked (Max Wait (seconds) ${options.maxWaitSeconds}, ${seconds(waitedMs)} s used).`,
        );
        await sleep(askedMs + MARGIN_MS);
        waitedMs += askedMs;
      }
    }
  };

  const result = (first: DataPage, last: DataPage, extra: Partial<RunResult> = {}): RunResult => ({
    page: extra.page ?? first.page,
    pageSize: extra.pageSize ?? first.pageSize,
    hasMore: extra.hasMore ?? last.hasMore,
    totalCount: typeof first.totalCount === "number" ? first.totalCount : null,
    fields: last.fields ?? first.fields ?? [],
    data: rows,
    recordCount: rows.length,
    requests,
    waitedSeconds: Math.round(waitedMs / 100) / 10,
    ...extra,
  });
  const collect = (page: DataPage, cap = Number.POSITIVE_INFINITY) => {
    const fields = page.fields ?? [];
    for (const row of page.data ?? []) {
      if (rows.length >= cap) return;
      rows.push(rowObject(fields, Array.isArray(row) ? row : [row]));
    }
  };

  if (!options.fetchAll) {
    const page = await fetchPage(options.page ?? 1, options.pageSize, !!options.includeTotal);
    collect(page);
    return result(page, page);
  }

  const cap = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const size = Math.min(options.pageSize ?? LARGEST_REPORT_PAGE, LARGEST_REPORT_PAGE, cap);
  const first = await fetchPage(1, size, true);
  total = typeof first.totalCount === "number" ? first.totalCount : undefined;
  collect(first, cap);
  // Later pages at the size the server granted (its echo, or what a full page really held).
  const granted = first.hasMore && first.data?.length ? Math.min(first.pageSize || size, first.data.length) : first.pageSize || size;
  let last = first;
  let page = 1;
  while (last.hasMore && rows.length < cap) {
    last = await fetchPage(++page, granted, false);
    const before = rows.length;
    collect(last, cap);
    if (rows.length === before && last.hasMore) break; // a page without rows that still says "more": stop rather than loop
  }
  const capped = rows.length >= cap && (last.hasMore || (total !== undefined && total > rows.length));
  const short = !capped && (last.hasMore || (total !== undefined && rows.length !== total));
  return result(first, last, {
    page: 1,
    pageSize: rows.length,
    hasMore: capped,
    capped,
    complete: !capped && !short,
    ...(capped
      ? { incompleteReason: `Max Records stopped the report at ${rows.length.toLocaleString("en-US")} rows.` }
      : short
        ? {
            incompleteReason: `ServiceTitan counted ${total?.toLocaleString("en-US") ?? "more"} rows and ${rows.length.toLocaleString("en-US")} were read: the report's data changed while it was read, or a page came back empty.`,
          }
        : {}),
  });
};
