import { DEMO_BOOKING_PROVIDER_ID, OTHER_BOOKING_PROVIDER_ID } from "../../sandbox";
import { path, useSandbox } from "./helpers";

describe("sandbox lists", () => {
  const suite = useSandbox();
  afterEach(() => expect(suite.sandbox.violations).toEqual([]));

  const get = async (module: string, resource: string, params: Record<string, unknown> = {}) => {
    const res = await suite.api.get(path(suite.sandbox, module, resource), { params });
    expect(res.status).toBe(200);
    return res.data;
  };
  const ids = (page: { data: { id: number }[] }) => page.data.map((r) => r.id);

  describe("paging envelope", () => {
    it("defaults to page 1 of 50 without a total", async () => {
      const page = await get("jpm", "jobs");
      expect(page).toMatchObject({ page: 1, pageSize: 50, hasMore: false, totalCount: null });
      expect(page.data).toHaveLength(40);
      expect(ids(page)[0]).toBe(10001);
    });

    it("pages with hasMore and includeTotal", async () => {
      const second = await get("jpm", "jobs", { page: 2, pageSize: 15, includeTotal: true });
      expect(second).toMatchObject({ page: 2, pageSize: 15, hasMore: true, totalCount: 40 });
      expect(ids(second)).toEqual(Array.from({ length: 15 }, (_, i) => 10016 + i));
      const third = await get("jpm", "jobs", { page: 3, pageSize: 15 });
      expect(third.hasMore).toBe(false);
      expect(third.data).toHaveLength(10);
    });

    it("grants at most the page-size cap and echoes the granted size", async () => {
      suite.sandbox.setPageSizeCap(10);
      try {
        const page = await get("jpm", "jobs", { pageSize: 5000 });
        expect(page.pageSize).toBe(10);
        expect(page.data).toHaveLength(10);
        expect(page.hasMore).toBe(true);
      } finally {
        suite.sandbox.setPageSizeCap(5000);
      }
      expect((await get("jpm", "jobs", { pageSize: 5000 })).pageSize).toBe(5000);
    });
  });

  describe("active", () => {
    it("returns only active records by default, all with Any, inactive with False", async () => {
      expect(ids(await get("settings", "technicians"))).toHaveLength(11);
      expect(ids(await get("settings", "technicians", { active: "Any" }))).toHaveLength(12);
      expect(ids(await get("settings", "technicians", { active: "False" }))).toEqual([1012]);
      expect((await get("crm", "customers", { includeTotal: true })).totalCount).toBe(23);
      expect((await get("crm", "customers", { active: "Any", includeTotal: true })).totalCount).toBe(25);
    });
  });

  describe("sort", () => {
    it("sorts by +Field / -Field, field names case-insensitive", async () => {
      expect(ids(await get("jpm", "jobs", { sort: "-Id", pageSize: 3 }))).toEqual([10040, 10039, 10038]);
      const names = (await get("jpm", "projects", { sort: "+Name" })).data.map((p: { name: string }) => p.name);
      expect(names).toEqual([...names].sort());
      const modified = (await get("crm", "customers", { sort: "-modifiedon", active: "Any" })).data.map(
        (c: { modifiedOn: string }) => c.modifiedOn,
      );
      expect(modified).toEqual([...modified].sort().reverse());
      const created = (await get("jpm", "appointments", { sort: "+CreatedOn" })).data.map((a: { createdOn: string }) => a.createdOn);
      expect(created).toEqual([...created].sort());
    });
  });

  describe("date filters", () => {
    it("applies createdBefore / createdOnOrAfter / modifiedBefore / modifiedOnOrAfter", async () => {
      const jobs = suite.sandbox.db.all("jobs");
      const pivot = jobs[20].modifiedOn;
      const after = await get("jpm", "jobs", { modifiedOnOrAfter: pivot, pageSize: 100 });
      expect(ids(after)).toEqual(jobs.filter((j) => j.modifiedOn >= pivot).map((j) => j.id));
      const before = await get("jpm", "jobs", { modifiedBefore: pivot, pageSize: 100 });
      expect(after.data.length + before.data.length).toBe(40);

      const created = jobs[10].createdOn;
      expect(ids(await get("jpm", "jobs", { createdOnOrAfter: created }))).toEqual(jobs.slice(10).map((j) => j.id));
      expect(ids(await get("jpm", "jobs", { createdBefore: created }))).toEqual(jobs.slice(0, 10).map((j) => j.id));
      expect((await get("jpm", "jobs", { createdOnOrAfter: "2030-01-01" })).data).toEqual([]);
    });
  });

  describe("resource filters", () => {
    it("filters by ids and declared equality / contains filters", async () => {
      expect(ids(await get("jpm", "jobs", { ids: "10003,10001,99" }))).toEqual([10001, 10003]);
      expect(ids(await get("jpm", "jobs", { jobStatus: "Canceled" }))).toEqual([10031, 10036]);
      const customerId = suite.sandbox.db.get("jobs", 10007)!.customerId;
      expect(ids(await get("jpm", "jobs", { customerId }))).toEqual(suite.sandbox.db.all("jobs", { customerId }).map((j) => j.id));
      const lastName = String(suite.sandbox.db.get("customers", 2002)!.name).split(" ").pop()!;
      const named = await get("crm", "customers", { name: lastName.toUpperCase(), active: "Any" });
      expect(ids(named)).toContain(2002);
      for (const c of named.data) expect(c.name.toLowerCase()).toContain(lastName.toLowerCase());
      expect(ids(await get("accounting", "invoices", { jobId: 10005 }))).toEqual([suite.sandbox.db.get("jobs", 10005)!.invoiceId]);
      const assigned = suite.sandbox.db.all("appointment-assignments", { technicianId: 1002 }).map((a) => a.appointmentId);
      expect(ids(await get("jpm", "appointments", { technicianId: 1002 }))).toEqual([...new Set(assigned)].sort());
    });

    it("scopes booking-provider routes to their provider", async () => {
      const mine = await get("crm", `booking-provider/${DEMO_BOOKING_PROVIDER_ID}/bookings`);
      expect(mine.data).toHaveLength(8);
      for (const booking of mine.data) expect(booking.bookingProviderId).toBe(DEMO_BOOKING_PROVIDER_ID);
      const others = await get("crm", `booking-provider/${OTHER_BOOKING_PROVIDER_ID}/bookings`);
      expect(others.data).toHaveLength(2);
      expect((await get("crm", "bookings")).data).toHaveLength(10);
      const foreign = await suite.api.get(
        path(suite.sandbox, "crm", `booking-provider/${DEMO_BOOKING_PROVIDER_ID}/bookings/${others.data[0].id}`),
      );
      expect(foreign.status).toBe(404);
    });
  });
});
