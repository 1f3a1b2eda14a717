/**
 * "Fetch All" of a list action at volume, through the harness against the sandbox: every record once, in the API's
 * order, in as few requests as the granted page size allows, and an envelope that says whether Max Records cut it.
 */
import { runAction, useSandbox } from "../support";
import { during, pageOf, pageSizeOf } from "./helpers";

interface Envelope {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount: number | null;
  recordCount: number;
  capped: boolean;
  data: Array<{ id: number }>;
}

describe("listJobs with Fetch All over 20,000 jobs", () => {
  const ctx = useSandbox({ seed: "empty" });
  let ids: number[];

  beforeAll(() => {
    ctx.sandbox.db.bulkInsert("jobs", 20_000);
    ids = ctx.sandbox.db.all("jobs", { active: true }).map((job) => job.id); // ascending: the list's default order
  });
  beforeEach(() => ctx.sandbox.setPageSizeCap(5000));

  const listJobs = (params: Record<string, unknown>) =>
    during(ctx.sandbox, async () => ((await runAction("listJobs", { connection: ctx.connection, ...params })) as { data: Envelope }).data);

  it("returns every job once in 4 requests of 5,000, and says nothing was cut", async () => {
    const { result, requests } = await listJobs({ fetchAll: true });
    expect(result.data.map((job) => job.id)).toEqual(ids);
    expect(result).toMatchObject({ recordCount: ids.length, capped: false, hasMore: false, totalCount: ids.length });
    expect(requests).toHaveLength(Math.ceil(ids.length / 5000));
    expect(requests.every((r) => pageSizeOf(r) === 5000)).toBe(true);
  });

  it("follows a 500-record grant: 40 requests, still every job once", async () => {
    ctx.sandbox.setPageSizeCap(500);
    const { result, requests } = await listJobs({ fetchAll: true });
    expect(result.data.map((job) => job.id)).toEqual(ids);
    expect(requests).toHaveLength(Math.ceil(ids.length / 500));
    expect(requests.map(pageOf).sort((a, b) => a - b)).toEqual(Array.from({ length: requests.length }, (_, i) => i + 1));
  });

  it("with Max Records, stops there, asks for no page it does not need, and reports capped with the count", async () => {
    const { result, requests } = await listJobs({ fetchAll: true, maxRecords: "7500" });
    expect(result.data.map((job) => job.id)).toEqual(ids.slice(0, 7500));
    expect(result).toMatchObject({ recordCount: 7500, capped: true, hasMore: true, totalCount: ids.length });
    expect(requests).toHaveLength(2);
  });

  it("asks for only Max Records when that is less than a page", async () => {
    const { result, requests } = await listJobs({ fetchAll: true, maxRecords: "10" });
    expect(result).toMatchObject({ recordCount: 10, capped: true });
    expect(requests.map((r) => [pageOf(r), pageSizeOf(r)])).toEqual([[1, 10]]);
  });

  it("does not report capped when Max Records equals the number of jobs", async () => {
    const { result } = await listJobs({ fetchAll: true, maxRecords: String(ids.length) });
    expect(result).toMatchObject({ recordCount: ids.length, capped: false, hasMore: false });
  });

  it.each([
    [{ fetchAll: true, maxRecords: "abc" }, /Max Records/],
    [{ fetchAll: true, maxRecords: "0" }, /Max Records/],
    [{ maxRecords: "100" }, /Max Records.*only applies with Fetch All/],
    [{ fetchAll: true, page: "2" }, /Page.*cannot be combined with Fetch All/],
  ])("refuses %j with an error naming the input, before any request", async (params, message) => {
    const before = ctx.sandbox.requests.length;
    await expect(runAction("listJobs", { connection: ctx.connection, ...params })).rejects.toThrow(message);
    expect(ctx.sandbox.requests).toHaveLength(before);
  });
});
