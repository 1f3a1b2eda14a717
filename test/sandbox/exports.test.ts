import { path, useSandbox } from "./helpers";

interface ExportPage {
  hasMore: boolean;
  continueFrom: string;
  data: { id: number; active: boolean; modifiedOn: string }[];
}

describe("sandbox export feeds", () => {
  const suite = useSandbox({ exportPageSize: 10 });
  afterEach(() => expect(suite.sandbox.violations).toEqual([]));

  const page = async (resource: string, params: Record<string, unknown> = {}): Promise<ExportPage> => {
    const res = await suite.api.get(path(suite.sandbox, "crm", `export/${resource}`), { params });
    expect(res.status).toBe(200);
    return res.data;
  };

  /** Follows continueFrom until hasMore=false; returns every page. */
  const walk = async (resource: string, params: Record<string, unknown> = {}) => {
    const pages: ExportPage[] = [];
    let from = params.from;
    for (;;) {
      const p = await page(resource, { ...params, ...(from !== undefined ? { from } : {}) });
      pages.push(p);
      if (!p.hasMore) return pages;
      from = p.continueFrom;
    }
  };

  it("pages through everything with continueFrom, inactive records included", async () => {
    const pages = await walk("customers");
    expect(pages.map((p) => p.data.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    const records = pages.flatMap((p) => p.data);
    expect(new Set(records.map((r) => r.id)).size).toBe(25);
    expect(records.filter((r) => !r.active).map((r) => r.id)).toEqual([2024, 2025]);
    expect(pages[2].continueFrom).toEqual(expect.any(String));
  });

  it("orders by change: a changed record moves to the end and appears once", async () => {
    const caughtUp = (await walk("customers")).pop()!.continueFrom;
    expect(await page("customers", { from: caughtUp })).toMatchObject({ hasMore: false, data: [] });

    suite.sandbox.db.update("customers", 2003, { doNotMail: true });
    const patched = await suite.api.patch(path(suite.sandbox, "crm", "customers/2005"), { active: false });
    expect(patched.status).toBe(200);

    const changes = await page("customers", { from: caughtUp });
    expect(changes.data.map((r) => [r.id, r.active])).toEqual([
      [2003, true],
      [2005, false],
    ]);
    expect(changes.data[1].modifiedOn >= changes.data[0].modifiedOn).toBe(true);

    const all = (await walk("customers")).flatMap((p) => p.data.map((r) => r.id));
    expect(all).toHaveLength(25);
    expect(all.slice(-2)).toEqual([2003, 2005]);
  });

  it("starts at a date: records modified on/after it", async () => {
    const customers = suite.sandbox.db.all("customers", { active: true });
    const pivot = customers[12].modifiedOn;
    const since = (await walk("customers", { from: pivot })).flatMap((p) => p.data);
    const expected = suite.sandbox.db.all("customers").filter((c) => c.modifiedOn >= pivot);
    expect(since.map((r) => r.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(since.every((r) => r.modifiedOn >= pivot)).toBe(true);

    expect((await walk("customers", { from: "2024-01-01" })).flatMap((p) => p.data)).toHaveLength(25);
    expect(await page("customers", { from: "2099-01-01" })).toMatchObject({ hasMore: false, data: [] });
  });

  it("repeats recent records with includeRecentChanges, deterministically (de-duplicate by id)", async () => {
    const plain = await walk("customers");
    const recent = await walk("customers", { includeRecentChanges: true });
    expect(recent[0].data).toEqual(plain[0].data); // nothing before the first position
    expect(recent[1].data.slice(0, 2)).toEqual(plain[0].data.slice(-2)); // the two records before the token
    expect(recent[1].data.slice(2)).toEqual(plain[1].data);
    const seen = new Map(recent.flatMap((p) => p.data).map((r) => [r.id, r]));
    expect([...seen.keys()].sort()).toEqual(
      plain
        .flatMap((p) => p.data)
        .map((r) => r.id)
        .sort(),
    );
  });

  it("answers 400 for a from that is neither a token nor a date", async () => {
    const res = await suite.api.get(path(suite.sandbox, "crm", "export/customers"), { params: { from: "not-a-token" } });
    expect(res.status).toBe(400);
    expect(res.data.errors.from[0]).toMatch(/neither a continueFrom token nor a date/);
  });

  it("feeds the other resources too", async () => {
    const feeds = [
      ["jpm", "export/jobs"],
      ["jpm", "export/appointments"],
      ["jpm", "export/projects"],
      ["dispatch", "export/appointment-assignments"],
      ["crm", "export/locations"],
      ["crm", "export/customers/contacts"],
      ["crm", "export/bookings"],
      ["accounting", "export/invoices"],
      ["accounting", "export/invoice-items"],
      ["accounting", "export/payments"],
      ["equipmentsystems", "export/installed-equipment"],
      ["settings", "export/technicians"],
      ["settings", "export/business-units"],
    ];
    for (const [module, resource] of feeds) {
      const res = await suite.api.get(path(suite.sandbox, module, resource));
      expect({ resource, status: res.status, size: res.data.data.length > 0 }).toEqual({ resource, status: 200, size: true });
    }
  });
});

describe("sandbox bulk data", () => {
  const suite = useSandbox({ seed: "empty" });

  it("bulk-inserts 100k realistic records that list and export", async () => {
    suite.sandbox.db.bulkInsert("customers", 500);
    suite.sandbox.db.bulkInsert("locations", 500);
    const { firstId, lastId, count } = suite.sandbox.db.bulkInsert("jobs", 100_000);
    expect(count).toBe(100_000);
    expect(lastId - firstId).toBe(99_999);
    expect(suite.sandbox.db.count("jobs")).toBe(100_000);
    const job = suite.sandbox.db.get("jobs", firstId)!;
    expect(suite.sandbox.db.get("locations", job.locationId)!.customerId).toBe(job.customerId);

    const res = await suite.api.get(path(suite.sandbox, "jpm", "jobs"), { params: { pageSize: 5000, page: 20, includeTotal: true } });
    expect(res.data).toMatchObject({ page: 20, pageSize: 5000, hasMore: false, totalCount: 100_000 });
    expect(res.data.data[4999].id).toBe(lastId);
    const feed = await suite.api.get(path(suite.sandbox, "jpm", "export/jobs"));
    expect(feed.data.data).toHaveLength(500);
    expect(suite.sandbox.violations).toEqual([]);
  });

  it("lets many records share one modifiedOn", async () => {
    suite.sandbox.db.bulkInsert("customers", 1000, { modifiedOn: "2025-01-01T00:00:00Z" });
    const res = await suite.api.get(path(suite.sandbox, "crm", "customers"), {
      params: { modifiedOnOrAfter: "2025-01-01T00:00:00Z", modifiedBefore: "2025-01-01T00:00:01Z", includeTotal: true },
    });
    expect(res.data.totalCount).toBe(1000);
    expect(new Set(res.data.data.map((c: { modifiedOn: string }) => c.modifiedOn))).toEqual(new Set(["2025-01-01T00:00:00.000Z"]));
  });
});
