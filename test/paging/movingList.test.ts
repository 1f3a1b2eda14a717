/**
 * Offset paging over a list that changes while it is read: Fetch All must not stop early on a page that only repeats
 * records, and must say when records may have been skipped instead of returning a list that looks whole.
 */
import type { OperationKey, RequestArgs, ServiceTitanClient } from "../../src/client";
import { collectList, type ListPage } from "../../src/client/paging";
import { runAction, useSandbox } from "../support";

const JOBS: OperationKey = "GET /jpm/v2/tenant/{tenant}/jobs";
type Row = { id: number };

/** A list endpoint over `rows` (API order); `before(n)` may change the rows before the n-th answer. */
const listServer = (rows: Row[], { cap, total, before }: { cap: number; total: boolean; before?: (n: number) => void }) => {
  let requests = 0;
  const request = async (_operation: OperationKey, args: RequestArgs = {}): Promise<ListPage<Row>> => {
    const query = args.query ?? {};
    before?.(++requests);
    const size = Math.min(Number(query.pageSize), cap);
    const page = Number(query.page);
    return {
      page,
      pageSize: size,
      hasMore: page * size < rows.length,
      totalCount: query.includeTotal && total ? rows.length : null,
      data: rows.slice((page - 1) * size, page * size),
    };
  };
  return { client: { request } as unknown as ServiceTitanClient, rows, requests: () => requests };
};
const newestFirst = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: count - i }));

describe("Fetch All over a list that moves while it is read", () => {
  it("keeps paging while hasMore when a whole page only repeats records (new ones pushed the list down)", async () => {
    let nextId = 1_000;
    const server = listServer(newestFirst(30), {
      cap: 10,
      total: false,
      // Ten records arrive after page 1: page 2 now holds exactly what page 1 held.
      before: (n) => {
        if (n === 2) for (let i = 0; i < 10; i++) server.rows.unshift({ id: nextId++ });
      },
    });
    const result = await collectList<Row>(server.client, JOBS);
    expect(result.records.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/changed while it was read/);
  });

  it("says records may have been skipped when records before the read position disappear (fewer read than counted)", async () => {
    const server = listServer(newestFirst(1_200), {
      cap: 500,
      total: true,
      // Ten records on page 1 are deactivated before page 2 is read: everything moves up by ten.
      before: (n) => {
        if (n === 2) server.rows.splice(0, 10);
      },
    });
    const result = await collectList<Row>(server.client, JOBS);
    expect(result.records).toHaveLength(1_190);
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/1,?200 .*1,?190|may have been skipped/);
  });

  it("stops after a bounded number of pages that bring nothing new, saying the list is incomplete", async () => {
    const rows = newestFirst(20);
    // A server that answers page 1 whatever page is asked, and always says there is more.
    const request = async (_operation: OperationKey, args: RequestArgs = {}): Promise<ListPage<Row>> => ({
      page: 1,
      pageSize: 5,
      hasMore: true,
      totalCount: null,
      data: rows.slice(0, Number(args.query?.pageSize) > 5 ? 5 : Number(args.query?.pageSize)),
    });
    const result = await collectList<Row>({ request } as unknown as ServiceTitanClient, JOBS);
    expect(result.records).toHaveLength(5);
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toMatch(/still said there were more/);
  });

  it("calls a list that did not move complete", async () => {
    const server = listServer(newestFirst(1_200), { cap: 500, total: true });
    const result = await collectList<Row>(server.client, JOBS);
    expect(result.records).toHaveLength(1_200);
    expect(result.complete).toBe(true);
    expect(result.incompleteReason).toBeUndefined();
  });

  describe("through listJobs", () => {
    const ctx = useSandbox({ seed: "empty" });

    it("reports complete: false with the reason and the export action to use when jobs vanish mid-read", async () => {
      ctx.sandbox.db.bulkInsert("jobs", 1_200);
      ctx.sandbox.setPageSizeCap(500);
      const first = ctx.sandbox.db.all("jobs", { active: true }).slice(0, 10);
      // Pages 2 and 3 wait; once they have arrived, ten jobs of page 1 are deactivated: the list moves up under the pager.
      ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, query: { page: "2" }, delayMs: 300 });
      ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, query: { page: "3" }, delayMs: 300 });
      const running = runAction("listJobs", { connection: ctx.connection, fetchAll: true }) as Promise<{ data: any }>;
      while (!ctx.sandbox.requests.some((r) => r.query.page === "3")) await new Promise((resolve) => setTimeout(resolve, 5));
      first.forEach((job) => ctx.sandbox.db.update("jobs", job.id, { active: false }));
      const { data } = await running;
      expect(data.recordCount).toBe(1_190);
      expect(data.complete).toBe(false);
      expect(data.incompleteReason).toMatch(/Export Jobs \(exportJobs\)/);

      const stable = (await runAction("listJobs", { connection: ctx.connection, fetchAll: true })) as { data: any };
      expect(stable.data).toMatchObject({ recordCount: 1_190, complete: true });
      expect(stable.data.incompleteReason).toBeUndefined();
    });
  });
});
