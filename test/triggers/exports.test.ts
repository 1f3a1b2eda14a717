import { operations } from "../../src/client";
import { exportActionKey } from "../../src/kit/exportFeed";
import { EXPORT_FEEDS } from "../../src/resources/exports";
import { runAction, useSandbox } from "../support";

const ctx = useSandbox({ exportPageSize: 20 });

const pathOf = (operation: string) => operation.split(" ")[1].replace("{tenant}", ctx.sandbox.credentials.tenant);

describe("Export actions (one feed page per call)", () => {
  it("declares one action per export feed of the 25 modules (53), keeping the 14 keys of the first release", () => {
    const keys = EXPORT_FEEDS.map(exportActionKey);
    expect(keys).toHaveLength(53);
    expect(new Set(keys).size).toBe(53);
    expect(EXPORT_FEEDS.map((feed) => feed.operation).sort()).toEqual(
      Object.keys(operations)
        .filter((key) => operations[key as keyof typeof operations].export)
        .sort(),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        "exportJobs",
        "exportAppointments",
        "exportAppointmentAssignments",
        "exportProjects",
        "exportCustomers",
        "exportCustomerContacts",
        "exportLocations",
        "exportBookings",
        "exportInvoices",
        "exportInvoiceItems",
        "exportPayments",
        "exportInstalledEquipment",
        "exportTechnicians",
        "exportBusinessUnits",
        // and the new ones, e.g.
        "exportLeads",
        "exportEstimates",
        "exportMemberships",
        "exportPricebookServices",
        "exportInventoryPurchaseOrders",
        "exportPayrollAdjustments",
        "exportTimesheetActivities",
        "exportCalls",
        "exportEmployees",
      ]),
    );
  });

  it.each(EXPORT_FEEDS.map((feed) => [exportActionKey(feed), feed.operation] as const))(
    "%s calls %s and returns data, continueFrom, hasMore",
    async (key, operation) => {
      const { data } = (await runAction(key, { connection: ctx.connection })) as { data: any };
      expect(data).toEqual({ hasMore: expect.any(Boolean), continueFrom: expect.any(String), data: expect.any(Array) });
      const request = ctx.sandbox.requests.at(-1)!;
      expect(request).toMatchObject({ method: "GET", path: pathOf(operation), status: 200 });
      // Nothing unset is sent: no from (the whole history), no includeRecentChanges=false.
      expect(request.query).toEqual(operations[operation].query.some((q) => q.name === "active") ? { active: "True" } : {});
    },
  );

  it("follows continueFrom page by page over the whole feed without gaps or repeats", async () => {
    const all = ctx.sandbox.db.all("customers").map((c) => c.id);
    const seen: number[] = [];
    let from: string | undefined;
    for (let call = 0; call < 50; call++) {
      const { data } = (await runAction("exportCustomers", { connection: ctx.connection, from })) as { data: any };
      seen.push(...data.data.map((r: { id: number }) => r.id));
      expect(ctx.sandbox.requests.at(-1)!.query.from).toBe(from);
      if (!data.hasMore) break;
      from = data.continueFrom;
    }
    expect(seen.length).toBe(all.length);
    expect(new Set(seen)).toEqual(new Set(all));
  });

  it("accepts a date as From (changes modified on or after it) and sends includeRecentChanges only when ticked", async () => {
    const jobs = ctx.sandbox.db.all("jobs");
    const date = jobs
      .map((j) => j.modifiedOn)
      .sort()
      [jobs.length - 3].slice(0, 10);
    const { data } = (await runAction("exportJobs", { connection: ctx.connection, from: date, includeRecentChanges: "true" })) as {
      data: any;
    };
    expect(ctx.sandbox.requests.at(-1)!.query).toEqual({ from: date, includeRecentChanges: "true" });
    expect(data.data.length).toBeGreaterThan(0);
    for (const job of data.data) expect(job.modifiedOn >= date).toBe(true);
  });

  it("sends a continueFrom token untouched", async () => {
    const first = (await runAction("exportPayments", { connection: ctx.connection })) as { data: any };
    await runAction("exportPayments", { connection: ctx.connection, from: first.data.continueFrom });
    expect(ctx.sandbox.requests.at(-1)!.query.from).toBe(first.data.continueFrom);
  });

  it.each([
    ["exportJobs", { from: "2024-13-45" }, /Input "From": "2024-13-45" looks like a date but is not a valid one/],
    ["exportJobs", { from: "from last week" }, /Input "From".*neither a date nor a continueFrom/],
    ["exportAppointmentAssignments", { active: "Sometimes" }, /Input "Active": "Sometimes" is not one of True, Any, False/],
  ])("%s with %j fails before any request", async (key, params, message) => {
    const sent = ctx.sandbox.requests.length;
    await expect(runAction(key, { connection: ctx.connection, ...params })).rejects.toThrow(message);
    expect(ctx.sandbox.requests.length).toBe(sent);
  });
});
