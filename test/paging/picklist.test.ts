/**
 * Picklists at volume, through the harness against the spec-validating sandbox: how many requests a 10,000-record
 * dropdown costs, which records survive the cap, and recovery from a 429/503 on a page in the middle.
 */
import type { Sandbox } from "../../sandbox";
import { picklist, PICKLIST_LIMIT, type Option } from "../../src/kit";
import { invokeDataSource } from "@prismatic-io/spectral/dist/testing";
import { runDataSource, useSandbox } from "../support";
import { during, newestIds, pageOf, pageSizeOf } from "./helpers";

const JOB_LABEL = /^#\S+ \(ID: \d+\)$/;

/** The ids the jobs list can return (lists without an `active` parameter skip inactive records). */
const listableJobIds = (sandbox: Sandbox) => sandbox.db.all("jobs", { active: true }).map((job) => job.id);

const selectJob = async (ctx: { sandbox: Sandbox; connection: unknown }) =>
  during(ctx.sandbox, async () => ((await runDataSource("selectJob", { connection: ctx.connection })) as { result: Option[] }).result);

/** Each key once, never an empty label. */
const expectWellFormed = (options: Option[]) => {
  expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  expect(options.filter((o) => !o.label.trim())).toEqual([]);
};

describe("selectJob with 12,000 jobs (more than a dropdown holds)", () => {
  const ctx = useSandbox({ seed: "empty" });
  let expected: string[];

  beforeAll(() => {
    ctx.sandbox.db.bulkInsert("jobs", 12_000);
    expect(listableJobIds(ctx.sandbox).length).toBeGreaterThan(PICKLIST_LIMIT);
    expected = newestIds(listableJobIds(ctx.sandbox), PICKLIST_LIMIT).map(String);
  });
  beforeEach(() => {
    ctx.sandbox.setPageSizeCap(5000);
    ctx.sandbox.faults.clear();
  });

  it("loads exactly the 10,000 newest jobs, newest first, in at most 3 requests when the server grants 5,000 a page", async () => {
    const { result: options, requests } = await selectJob(ctx);
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.map((r) => [pageOf(r), pageSizeOf(r)])).toEqual([
      [1, 5000],
      [2, 5000],
    ]);
    expect(requests[0].query.includeTotal).toBe("true");
    expect(requests.every((r) => r.query.sort === "-Id")).toBe(true); // the API's sort decides who survives the cap
    expect(options.map((o) => o.key)).toEqual(expected);
    expectWellFormed(options);
    expect(options.filter((o) => !JOB_LABEL.test(o.label))).toEqual([]);
  });

  it("still loads all 10,000 when the server grants only 500 a page, following the echoed size (≤ 21 requests)", async () => {
    ctx.sandbox.setPageSizeCap(500);
    const { result: options, requests } = await selectJob(ctx);
    expect(requests.length).toBeLessThanOrEqual(21);
    expect(requests.map(pageSizeOf)).toEqual([5000, 5000, ...Array(18).fill(500)]); // page 2 asked with page 1, granted 500
    expect(requests.map(pageOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(options.map((o) => o.key)).toEqual(expected);
    expectWellFormed(options);
  });

  it.each([
    ["429 with Retry-After: 1", { status: 429, headers: { "Retry-After": "1" } }],
    ["503", { status: 503 }],
  ])("recovers from a %s on a page in the middle: no failure, no duplicate, nothing missing", async (_name, fault) => {
    ctx.sandbox.setPageSizeCap(500);
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, query: { page: "6" }, ...fault });
    const { result: options, requests } = await selectJob(ctx);
    const failed = requests.filter((r) => r.status === fault.status);
    expect(failed).toHaveLength(1);
    expect(pageOf(failed[0])).toBe(6);
    expect(requests).toHaveLength(21); // the 20 pages plus one retry of the failed page
    expect(requests.filter((r) => pageOf(r) === pageOf(failed[0])).map((r) => r.status)).toEqual([fault.status, 200]);
    expect(options.map((o) => o.key)).toEqual(expected);
    expectWellFormed(options);
  });
});

describe("selectJob with fewer jobs than a dropdown holds", () => {
  const ctx = useSandbox({ seed: "empty" });
  beforeAll(() => void ctx.sandbox.db.bulkInsert("jobs", 7_777));

  it.each([5000, 500])("returns every one of them, exactly once (server grants %d a page)", async (cap) => {
    ctx.sandbox.setPageSizeCap(cap);
    const { result: options, requests } = await selectJob(ctx);
    const total = listableJobIds(ctx.sandbox).length;
    expect(options).toHaveLength(total);
    expect(options.map((o) => o.key)).toEqual(newestIds(listableJobIds(ctx.sandbox), total).map(String));
    expect(requests).toHaveLength(Math.ceil(total / cap));
    expectWellFormed(options);
  });
});

describe("the picklist factory", () => {
  const ctx = useSandbox({ seed: "empty" });

  it('sorts "label" picklists alphabetically and gives a nameless record a label anyway', async () => {
    const db = ctx.sandbox.db;
    db.bulkInsert("customers", 3_000);
    const nameless = db.insert("customers", { name: "" });
    const select = picklist<{ id: number; name?: string }>({
      label: "Select Customer",
      description: "test",
      operation: "GET /crm/v2/tenant/{tenant}/customers",
      query: { active: "Any" },
      option: (c) => ({ key: String(c.id), label: c.name ?? "" }),
      order: "label",
      example: [],
    });
    const { result } = (await invokeDataSource(select, { connection: ctx.connection } as never)) as { result: Option[] };
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    expect(result).toHaveLength(db.count("customers"));
    expect(result.map((o) => o.label)).toEqual(result.map((o) => o.label).sort(collator.compare));
    expect(result).toContainEqual({ key: String(nameless.id), label: `ID: ${nameless.id}` });
    expectWellFormed(result);
  });
});
