import type { OperationKey, RequestArgs, ServiceTitanClient } from "./index";
import { operations } from "./index";

/** ServiceTitan's list envelope. */
export interface ListPage<T> {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount?: number | null;
  data: T[];
}

/** ServiceTitan's export (change feed) envelope. */
export interface ExportPage<T> {
  hasMore: boolean;
  continueFrom: string;
  data: T[];
}

/** The largest page ServiceTitan documents for lists; the server may grant less and says so in `pageSize`. */
export const LARGEST_PAGE_SIZE = 5000;

export interface PageOptions {
  /** Page size to ask for (the server's echoed size is what counts). */
  pageSize?: number;
  /** Stop after this many records. */
  maxRecords?: number;
  /** Pages fetched at once once `totalCount` tells how many there are (the rate limit still applies). */
  concurrency?: number;
  /** Called after each page with the running record count (progress for long drains). */
  onPage?: (fetched: number, total?: number) => void;
}

const declares = (operation: OperationKey, name: string) => operations[operation].query.some((q) => q.name === name);

/**
 * Every page of a list operation, in order. Asks for large pages, follows the page size the server grants, and
 * once `totalCount` is known fetches the remaining pages concurrently (yielded in order). Stops on
 * `hasMore: false` or `maxRecords`; the last page is trimmed to the cap.
 */
export async function* listPages<T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  args: RequestArgs = {},
  options: PageOptions = {},
): AsyncGenerator<T[]> {
  const cap = options.maxRecords ?? Number.POSITIVE_INFINITY;
  if (cap <= 0) return;
  const withTotal = declares(operation, "includeTotal");
  const fetchPage = (page: number, pageSize: number, includeTotal = false) =>
    client.request<ListPage<T>>(operation, {
      ...args,
      query: { ...args.query, page, pageSize, ...(includeTotal && withTotal ? { includeTotal: true } : {}) },
    });

  const requested = Math.max(1, Math.min(options.pageSize ?? LARGEST_PAGE_SIZE, Number.isFinite(cap) ? cap : LARGEST_PAGE_SIZE));
  let fetched = 0;
  const emit = (records: T[]): T[] => {
    const kept = records.length > cap - fetched ? records.slice(0, cap - fetched) : records;
    fetched += kept.length;
    options.onPage?.(fetched, total);
    return kept;
  };

  const first = await fetchPage(1, requested, true);
  const total = typeof first.totalCount === "number" ? first.totalCount : undefined;
  // The server's echoed size decides the offsets of every later page.
  const granted = first.pageSize > 0 ? first.pageSize : first.data.length;
  yield emit(first.data ?? []);
  let last = first;
  let page = 1;

  if (last.hasMore && fetched < cap && total !== undefined && granted > 0) {
    const lastPage = Math.ceil(Math.min(total, cap) / granted);
    const concurrency = Math.max(1, options.concurrency ?? 4);
    const pending: Array<Promise<ListPage<T>>> = [];
    let next = 2;
    const fill = () => {
      while (next <= lastPage && pending.length < concurrency) pending.push(fetchPage(next++, granted));
    };
    fill();
    while (pending.length && fetched < cap) {
      last = await pending.shift()!;
      page++;
      fill();
      yield emit(last.data ?? []);
      if (!last.hasMore) break;
    }
    // Do not leave rejected promises unobserved when we stop early.
    pending.forEach((p) => p.catch(() => undefined));
  }
  // Unknown total, or records appeared while we paged: follow hasMore one page at a time.
  while (last.hasMore && fetched < cap && (last.data?.length ?? 0) > 0) {
    page++;
    last = await fetchPage(page, granted);
    yield emit(last.data ?? []);
  }
}

/** All records of a list operation, de-duplicated by `id` (records can shift between pages while paging). */
export const collectList = async <T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  args: RequestArgs = {},
  options: PageOptions = {},
): Promise<{ records: T[]; capped: boolean; totalCount?: number }> => {
  const records: T[] = [];
  let totalCount: number | undefined;
  const seen = new Set<unknown>();
  let capped = false;
  const cap = options.maxRecords ?? Number.POSITIVE_INFINITY;
  // Ask for one more than the cap so we can tell whether the cap cut anything off.
  const onPage = (fetched: number, total?: number) => {
    totalCount = total;
    options.onPage?.(fetched, total);
  };
  for await (const page of listPages<T>(client, operation, args, { ...options, maxRecords: cap + 1, onPage })) {
    for (const record of page) {
      const id = (record as { id?: unknown })?.id;
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      if (records.length >= cap) {
        capped = true;
        break;
      }
      records.push(record);
    }
  }
  return { records, capped, totalCount };
};

/** Pages of an export feed from `from` (a continueFrom token or a date), following `continueFrom` while `hasMore`. */
export async function* exportPages<T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  query: { from?: string; includeRecentChanges?: boolean } = {},
): AsyncGenerator<ExportPage<T>> {
  let from = query.from;
  for (;;) {
    const page = await client.request<ExportPage<T>>(operation, { query: { ...query, from } });
    yield page;
    if (!page.hasMore || !page.continueFrom || page.continueFrom === from) return;
    from = page.continueFrom;
  }
}
