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

/** Pages in flight at once once the total is known. The core's limiter still holds every request to 60/s per tenant. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * The largest page to ask an operation for: 5,000, or less where its spec says so (the schema's maximum, or "Maximum
 * value is 500." in the description: the generator records either as `maximum`).
 */
export const largestPageSize = (operation: OperationKey): number =>
  Math.min(operations[operation].query.find((q) => q.name === "pageSize")?.maximum ?? LARGEST_PAGE_SIZE, LARGEST_PAGE_SIZE);

/** Where a paging run stands; `onPage` receives a copy after every page. */
export interface PagingProgress {
  /** Records yielded so far (new ones only, never more than the cap). */
  fetched: number;
  /** The server's totalCount, when it reports one. */
  totalCount?: number;
  /** True when the cap stopped paging while more records remained. */
  capped: boolean;
  /** Records that came back on a later page: the list moved while it was read. */
  repeated: number;
  /** Paging gave up while the server still said hasMore (pages kept bringing nothing new). */
  stalled: boolean;
}

/** Pages in a row that bring no new record before paging gives up although the server says hasMore. */
export const MAX_IDLE_PAGES = 3;

export interface PageOptions<T = unknown> {
  /** Page size to ask for (default: the largest the operation allows; the server's echoed size is what counts). */
  pageSize?: number;
  /** Stop after this many records. */
  maxRecords?: number;
  /** Pages fetched at once once `totalCount` is known. */
  concurrency?: number;
  /**
   * Ask for page 2 together with page 1 (one round trip for 10,000 records) instead of after it. Dropdowns and Fetch
   * All, where the wait is what people notice, do; a quick lookup of a short list (call reasons) does not spend the
   * extra request.
   */
  eagerSecondPage?: boolean;
  /** What makes a record unique (default its `id`): a record whose key was already yielded is dropped. */
  key?: (record: T) => unknown;
  /**
   * The request of one page, for operations that take the page elsewhere than in the query (Fleet Pro's history is
   * a POST with `pagination: {pageNumber, pageSize}` in its body). Default: `page` and `pageSize` in the query.
   */
  pageRequest?: (page: number, pageSize: number) => RequestArgs;
  onPage?: (progress: PagingProgress) => void;
}

const idOf = (record: unknown): unknown => (record as { id?: unknown } | null)?.id;

/**
 * Every record of a list operation, a page at a time, in the API's order. Asks for the largest page (pages 1 and 2
 * at once), follows the page size the server echoes, and once `totalCount` is known fetches the remaining pages
 * concurrently (still yielded in order). Offset paging repeats a record when the list shifts while we read it, so records already
 * yielded are dropped and the cap counts distinct records. Stops on `hasMore: false` or at `maxRecords`.
 */
export async function* listPages<T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  args: RequestArgs = {},
  options: PageOptions<T> = {},
): AsyncGenerator<T[]> {
  const cap = options.maxRecords ?? Number.POSITIVE_INFINITY;
  if (!(cap > 0)) return;
  const keyOf = options.key ?? idOf;
  const seen = new Set<unknown>();
  const progress: PagingProgress = { fetched: 0, capped: false, repeated: 0, stalled: false };

  /** The page's records not yielded before, up to the cap. */
  const take = (page: ListPage<T>): T[] => {
    const kept: T[] = [];
    for (const record of page.data ?? []) {
      const key = keyOf(record);
      if (key !== undefined && key !== null) {
        if (seen.has(key)) {
          progress.repeated++;
          continue;
        }
        seen.add(key);
      }
      if (progress.fetched >= cap) {
        progress.capped = true; // a new record the cap leaves out
        break;
      }
      kept.push(record);
      progress.fetched++;
    }
    if (progress.fetched >= cap && page.hasMore) progress.capped = true;
    options.onPage?.({ ...progress });
    return kept;
  };

  const withTotal = operations[operation].query.some((q) => q.name === "includeTotal");
  const fetchPage = (page: number, pageSize: number) =>
    client.request<ListPage<T>>(
      operation,
      options.pageRequest
        ? options.pageRequest(page, pageSize)
        : { ...args, query: { ...args.query, page, pageSize, ...(page === 1 && withTotal ? { includeTotal: true } : {}) } },
    );

  const requested = Math.max(1, Math.min(options.pageSize ?? LARGEST_PAGE_SIZE, largestPageSize(operation), cap));
  /**
   * A page asked for before it is awaited: its error counts when its turn comes, never as an unhandled rejection, and
   * the list is not done until it settled (a page asked for but not needed is not left in flight).
   */
  const inFlight = new Set<Promise<unknown>>();
  const early = <P>(request: Promise<P>): Promise<P> => {
    const settled = request.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return request;
  };
  // Pages 1 and 2 at once (one round trip for a 10,000-record dropdown): the server counts page 2's offset with the
  // size it grants, so page 2 is the right page whatever size that turns out to be (checked below).
  const first = fetchPage(1, requested);
  const second = options.eagerSecondPage && cap > requested ? early(fetchPage(2, requested)) : undefined;
  try {
    yield* pagesAfterFirst(await first);
  } finally {
    // Pages asked for but not read (one page held everything, the cap was reached, the reader stopped) still finish
    // before the list is done: nothing of this call is left in flight after it returns.
    await Promise.all(inFlight);
  }

  async function* pagesAfterFirst(answer: ListPage<T>): AsyncGenerator<T[]> {
    let last = answer;
    let page = 1;
    const total = typeof last.totalCount === "number" ? last.totalCount : undefined;
    progress.totalCount = total;
    // Later pages' offsets follow the size the server granted: its echo, or what a full page (hasMore) really held.
    const echoed = last.pageSize > 0 ? last.pageSize : requested;
    const size = last.hasMore && last.data?.length ? Math.min(echoed, last.data.length) : echoed;
    yield take(last);
    /** Page 2 as asked early, if it was paged at the size page 1 was granted; otherwise it is asked again. */
    const secondPage = async (): Promise<ListPage<T>> => {
      const answer = second && (await second);
      return answer && answer.pageSize === size ? answer : fetchPage(2, size);
    };

    if (last.hasMore && progress.fetched < cap && total !== undefined) {
      const lastPage = Math.ceil(Math.min(total, cap) / size);
      const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
      const pending: Array<Promise<ListPage<T>>> = [];
      let next = 2;
      const refill = () => {
        // A later page may fail while we still wait for an earlier one, or after we stopped reading: its error counts
        // when its turn comes (see early).
        if (next === 2 && next <= lastPage) {
          pending.push(early(secondPage()));
          next++;
        }
        while (next <= lastPage && pending.length < concurrency) pending.push(early(fetchPage(next++, size)));
      };
      refill();
      while (pending.length && progress.fetched < cap && last.hasMore) {
        last = await pending.shift()!;
        page++;
        refill();
        yield take(last);
      }
    }
    // No total, or records were added while we paged: follow hasMore one page at a time. A page with nothing new
    // does not end it (records added at the front push whole pages of repeats down), but several in a row do: a
    // server that ignored `page` would otherwise repeat itself forever. The result then says it stopped early.
    let idle = 0;
    while (last.hasMore && progress.fetched < cap) {
      last = ++page === 2 ? await secondPage() : await fetchPage(page, size);
      const kept = take(last);
      if (kept.length) {
        idle = 0;
        yield kept;
      } else if (++idle >= MAX_IDLE_PAGES && last.hasMore) {
        progress.stalled = true;
        options.onPage?.({ ...progress });
        return;
      }
    }
  }
}

/**
 * Why a Fetch All result may not be the whole list, or undefined when nothing suggests so. Offset paging over a list
 * that changes while it is read repeats records (dropped) and skips others (lost): repeats, or fewer records than
 * the total counted at the start, are the visible signs. Without a total, records that vanished leave no sign.
 */
export const incompleteReason = (progress: PagingProgress): string | undefined => {
  const n = (value: number) => value.toLocaleString("en-US");
  if (progress.capped) return `Max Records stopped the list at ${n(progress.fetched)} records.`;
  if (progress.stalled)
    return `Paging stopped after ${MAX_IDLE_PAGES} pages in a row brought no new record although ServiceTitan still said there were more.`;
  const total = progress.totalCount;
  const counted =
    total !== undefined && progress.fetched !== total
      ? `ServiceTitan counted ${n(total)} records at the start and ${n(progress.fetched)} were read`
      : "";
  const repeats = progress.repeated ? `${n(progress.repeated)} records came back on a later page` : "";
  if (!counted && !repeats) return undefined;
  return `The list changed while it was read (${[counted, repeats].filter(Boolean).join("; ")}): records may have been skipped, because pages are counted from the front of a list that moved.`;
};

/**
 * All records of a list operation (distinct by `id`), whether `maxRecords` cut the list, the server's total, and
 * whether the result can be taken as the whole list (`complete`, else `incompleteReason`).
 */
export const collectList = async <T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  args: RequestArgs = {},
  options: PageOptions<T> = {},
): Promise<{ records: T[]; capped: boolean; totalCount?: number; complete: boolean; incompleteReason?: string }> => {
  const records: T[] = [];
  let progress: PagingProgress = { fetched: 0, capped: false, repeated: 0, stalled: false };
  const onPage = (p: PagingProgress) => {
    progress = p;
    options.onPage?.(p);
  };
  for await (const page of listPages<T>(client, operation, args, { ...options, onPage })) {
    for (const record of page) records.push(record); // appends in place: no copying of what was collected so far
  }
  const reason = incompleteReason(progress);
  return { records, capped: progress.capped, totalCount: progress.totalCount, complete: !reason, incompleteReason: reason };
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
    // A token that does not move would loop forever: stop and let the next run continue from it.
    if (!page.hasMore || !page.continueFrom || page.continueFrom === from) return;
    from = page.continueFrom;
  }
}
