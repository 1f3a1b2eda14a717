/**
 * The paging engine's decisions, against a scripted in-memory server (no HTTP): which pages it asks for, how it
 * follows the granted size, and what it does when the list shifts or the server misbehaves. The same engine
 * against the spec-validating sandbox is covered in picklist.test.ts and fetchAll.test.ts.
 */
import type { OperationKey, RequestArgs, ServiceTitanClient } from "../../src/client";
import { collectList, listPages, MAX_IDLE_PAGES, type ListPage } from "../../src/client/paging";

const JOBS: OperationKey = "GET /jpm/v2/tenant/{tenant}/jobs";

interface Row {
  id: number;
}

interface ServerOptions {
  /** Largest page granted. */
  cap?: number;
  /** Report totalCount when asked. */
  reportsTotal?: boolean;
  /** Echo this pageSize instead of the granted one. */
  echo?: number;
  /** Answer page 1 whatever page is asked. */
  ignoresPage?: boolean;
  /** Called before each answer (request number from 1): mutate `rows`, or throw to fail that request. */
  before?: (request: number, query: Record<string, unknown>) => void;
  /** Milliseconds before answering the n-th request (default: next turn of the event loop). */
  delay?: (request: number) => number;
}

/** A promise that notes whether anyone attached a handler (awaiting a subclass calls its `then`). */
class Watched<T> extends Promise<T> {
  static get [Symbol.species]() {
    return Promise;
  }
  observed = false;
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ) {
    this.observed = true;
    return super.then(onFulfilled, onRejected);
  }
}

/** A list endpoint over `rows` (in the API's order) that records every query it receives. */
const fakeServer = (rows: Row[], options: ServerOptions = {}) => {
  const queries: Array<Record<string, unknown>> = [];
  /** Requests that failed before anyone listened for their outcome (Node would report an unhandled rejection). */
  const unobservedFailures: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const answer = async (n: number, query: Record<string, unknown>): Promise<ListPage<Row>> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const ms = options.delay?.(n) ?? 0;
    await new Promise((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));
    inFlight--;
    options.before?.(n, query);
    const size = Math.min(Number(query.pageSize ?? 50), options.cap ?? 5000);
    const page = options.ignoresPage ? 1 : Number(query.page ?? 1);
    return {
      page,
      pageSize: options.echo ?? size,
      hasMore: page * size < rows.length,
      totalCount: query.includeTotal && options.reportsTotal !== false ? rows.length : null,
      data: rows.slice((page - 1) * size, page * size),
    };
  };
  const request = (_operation: OperationKey, args: RequestArgs = {}) => {
    const query = args.query ?? {};
    queries.push(query);
    const n = queries.length;
    const watched: Watched<ListPage<Row>> = new Watched((resolve, reject) =>
      answer(n, query).then(resolve, (error) => {
        if (!watched.observed) unobservedFailures.push(n);
        reject(error);
      }),
    );
    return watched;
  };
  const client = { request } as unknown as ServiceTitanClient;
  return { client, queries, rows, unobservedFailures, maxInFlight: () => maxInFlight };
};

const rowsFrom = (count: number, firstId = 1): Row[] => Array.from({ length: count }, (_, i) => ({ id: firstId + i }));
const ids = (records: Row[]) => records.map((r) => r.id);

describe("listPages / collectList", () => {
  it("asks for pages 1 and 2 of 5,000 at once (page 1 with includeTotal), then the rest at the granted size, 4 at a time, in order", async () => {
    const server = fakeServer(rowsFrom(12_000), { cap: 500 });
    const { records, capped, totalCount } = await collectList<Row>(server.client, JOBS, {}, { eagerSecondPage: true });
    expect(server.queries[0]).toEqual({ page: 1, pageSize: 5000, includeTotal: true });
    // Page 2 went out with page 1; granted 500 like it, it is the right page 2 and is not asked again.
    expect(server.queries[1]).toEqual({ page: 2, pageSize: 5000 });
    expect(server.queries.slice(2).map((q) => q.pageSize)).toEqual(Array(22).fill(500));
    expect(server.queries.map((q) => q.page)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(server.maxInFlight()).toBe(4);
    expect(ids(records)).toEqual(ids(server.rows));
    expect({ capped, totalCount }).toEqual({ capped: false, totalCount: 12_000 });
  });

  it("follows the granted size page by page when the server reports no total", async () => {
    const server = fakeServer(rowsFrom(1_250), { cap: 500, reportsTotal: false });
    const { records, totalCount } = await collectList<Row>(server.client, JOBS, {}, { eagerSecondPage: true });
    expect(server.queries.map((q) => [q.page, q.pageSize])).toEqual([
      [1, 5000],
      [2, 5000],
      [3, 500],
    ]);
    expect(server.maxInFlight()).toBe(2); // pages 1 and 2, then one at a time
    expect(records).toHaveLength(1_250);
    expect(totalCount).toBeUndefined();
  });

  it("trusts what a full page held over an echoed size that was never granted", async () => {
    const server = fakeServer(rowsFrom(1_200), { cap: 500, echo: 5000 });
    const { records } = await collectList<Row>(server.client, JOBS, {}, { eagerSecondPage: true });
    // The early page 2 echoed a size page 1 did not hold: it is asked again at the size that page really held.
    const later = server.queries.slice(1).map((q) => [q.page, q.pageSize]);
    expect(later).toHaveLength(3);
    expect(later).toEqual(
      expect.arrayContaining([
        [2, 5000],
        [2, 500],
        [3, 500],
      ]),
    );
    expect(ids(records)).toEqual(ids(server.rows));
  });

  it("asks for only Max Records when that is less than a page, and says the cap cut the list", async () => {
    const server = fakeServer(rowsFrom(300));
    const result = await collectList<Row>(server.client, JOBS, {}, { maxRecords: 20 });
    expect(server.queries).toEqual([{ page: 1, pageSize: 20, includeTotal: true }]);
    expect(ids(result.records)).toEqual(ids(rowsFrom(20)));
    expect(result.capped).toBe(true);
  });

  it("does not call it capped when the cap equals the number of records", async () => {
    const server = fakeServer(rowsFrom(1_000), { cap: 500 });
    const result = await collectList<Row>(server.client, JOBS, {}, { maxRecords: 1_000 });
    expect(result.records).toHaveLength(1_000);
    expect(result.capped).toBe(false);
    expect(server.queries).toHaveLength(2);
  });

  it("respects a page size the operation's spec limits (journal entries: at most 500)", async () => {
    const server = fakeServer(rowsFrom(10));
    await collectList<Row>(server.client, "GET /accounting/v2/tenant/{tenant}/journal-entries");
    expect(server.queries[0].pageSize).toBe(500);
  });

  it("returns each record once, and none lost, when new records push the list down while it is read", async () => {
    const original = rowsFrom(2_000).reverse(); // newest first, like sort=-Id
    let nextId = 2_001;
    const server = fakeServer([...original], {
      cap: 500,
      // Three new records arrive after page 1 and three more later: later pages overlap earlier ones.
      before: (n) => {
        if (n === 2 || n === 4) for (let i = 0; i < 3; i++) server.rows.unshift({ id: nextId++ });
      },
    });
    const { records } = await collectList<Row>(server.client, JOBS);
    expect(new Set(ids(records)).size).toBe(records.length);
    expect(
      ids(records)
        .filter((id) => id <= 2_000)
        .sort((a, b) => a - b),
    ).toEqual(ids(rowsFrom(2_000)));
    expect(server.queries.length).toBeGreaterThan(4); // the pushed-out records came from an extra page
  });

  it("still returns exactly the cap when duplicates from a shifting list take up room in the capped pages", async () => {
    let nextId = 100_000;
    const server = fakeServer(rowsFrom(12_000).reverse(), {
      cap: 500,
      before: (n) => {
        if (n === 2) for (let i = 0; i < 10; i++) server.rows.unshift({ id: nextId++ });
      },
    });
    const { records, capped } = await collectList<Row>(server.client, JOBS, {}, { maxRecords: 10_000 });
    expect(records).toHaveLength(10_000);
    expect(new Set(ids(records)).size).toBe(10_000);
    expect(capped).toBe(true);
  });

  it("stops when a server ignores `page` and repeats itself, instead of looping forever, and says the list is incomplete", async () => {
    const server = fakeServer(rowsFrom(20), { cap: 5, reportsTotal: false, ignoresPage: true });
    const { records, complete } = await collectList<Row>(server.client, JOBS);
    expect(ids(records)).toEqual([1, 2, 3, 4, 5]);
    expect(server.queries).toHaveLength(1 + MAX_IDLE_PAGES);
    expect(complete).toBe(false);
  });

  it("fails with the page's error, leaving no unobserved rejection from a later page that failed first", async () => {
    const server = fakeServer(rowsFrom(5_000), {
      cap: 500,
      delay: (n) => (n === 3 ? 50 : 0), // page 3 is slow to fail, page 4 fails at once
      before: (n) => {
        if (n === 3 || n === 4) throw new Error(`page request ${n} failed`);
      },
    });
    await expect(collectList<Row>(server.client, JOBS)).rejects.toThrow("page request 3 failed");
    expect(server.unobservedFailures).toEqual([]);
  });

  it("stops asking for pages when the consumer stops reading", async () => {
    const server = fakeServer(rowsFrom(10_000), { cap: 500 });
    for await (const page of listPages<Row>(server.client, JOBS, {}, { eagerSecondPage: true })) {
      expect(page).toHaveLength(500);
      break;
    }
    expect(server.queries.map((q) => q.page)).toEqual([1, 2]); // page 2 had gone out with page 1; nothing after
  });

  it("asks for page 2 early only when more than one page can be needed", async () => {
    const server = fakeServer(rowsFrom(300));
    await collectList<Row>(server.client, JOBS, {}, { maxRecords: 300, eagerSecondPage: true });
    expect(server.queries).toEqual([{ page: 1, pageSize: 300, includeTotal: true }]);
  });

  it("asks for page 2 after page 1 unless told to ask early (a quick lookup of a short list spends one request)", async () => {
    const server = fakeServer(rowsFrom(40));
    await collectList<Row>(server.client, JOBS);
    expect(server.queries).toEqual([{ page: 1, pageSize: 5000, includeTotal: true }]);
  });
});
