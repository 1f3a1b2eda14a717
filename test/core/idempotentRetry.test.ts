import { runAction, useSandbox } from "../support";

/**
 * A retried idempotent request can meet the effect of its own first attempt: ServiceTitan processed it, but the answer
 * was lost (502/503/504, a dropped socket). The retry then reports "not found" / "already done"; that is success.
 */
describe("a retry that finds the first attempt's work already done", () => {
  const ctx = useSandbox();
  const tenant = () => ctx.sandbox.credentials.tenant;
  const customer = () => ctx.sandbox.db.all("customers").find((c) => c.active)!;
  const logged = () => {
    const lines: string[] = [];
    const log = (...a: unknown[]) => lines.push(a.join(" "));
    return { lines, context: { logger: { debug: log, info: log, warn: log, error: log, metric: () => undefined } } as never };
  };
  const newContact = async (customerId: number) =>
    (
      (await runAction("createCustomerContact", {
        connection: ctx.connection,
        customerId: String(customerId),
        type: "Email",
        value: "a@b.co",
      })) as {
        data: { id: number };
      }
    ).data;

  beforeEach(() => {
    ctx.sandbox.faults.clear();
    ctx.sandbox.resetStats();
  });

  it("a DELETE answered 503 after ServiceTitan deleted the record succeeds when its retry gets 404, and says so in the log", async () => {
    const { id: customerId } = customer();
    const contact = await newContact(customerId);
    const path = `/crm/v2/tenant/${tenant()}/customers/${customerId}/contacts/${contact.id}`;
    // The first attempt deletes the contact, then its answer is lost in a 503.
    ctx.sandbox.faults.add({ method: "DELETE", path, status: 503, afterHandling: true, headers: { "Retry-After": "0" } });
    const { lines, context } = logged();
    const result = await runAction(
      "deletCustomersContact",
      { connection: ctx.connection, customerId: String(customerId), contactId: String(contact.id) },
      context,
    );
    expect(result).toEqual({ data: {} }); // what a successful delete returns
    expect(ctx.sandbox.requests.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([503, 404]);
    expect(lines.join("\n")).toMatch(/first attempt .*already deleted/i);
  });

  it("a DELETE that was never retried still reports a 404 as not found", async () => {
    const { id: customerId } = customer();
    await expect(
      runAction("deletCustomersContact", { connection: ctx.connection, customerId: String(customerId), contactId: "4999999" }),
    ).rejects.toThrow(/Contact 4999999 of customer \d+ was not found/);
  });

  it("a DELETE retried after a 429 (not processed) reports a 404 as not found", async () => {
    const { id: customerId } = customer();
    const path = `/crm/v2/tenant/${tenant()}/customers/${customerId}/contacts/4999998`;
    ctx.sandbox.faults.add({ method: "DELETE", path, status: 429, headers: { "Retry-After": "0" } });
    await expect(
      runAction("deletCustomersContact", { connection: ctx.connection, customerId: String(customerId), contactId: "4999998" }),
    ).rejects.toThrow(/was not found/);
  });

  it("a job cancel answered 503 after it was processed succeeds when the retry hears 'already canceled'", async () => {
    const job = ctx.sandbox.db.all("jobs", { jobStatus: "Scheduled" })[0];
    const path = `/jpm/v2/tenant/${tenant()}/jobs/${job.id}/cancel`;
    ctx.sandbox.faults.add({ method: "PUT", path, status: 503, afterHandling: true, headers: { "Retry-After": "0" } });
    ctx.sandbox.faults.add({
      method: "PUT",
      path,
      status: 400,
      body: { title: `Job ${job.id} is already canceled.`, status: 400, traceId: "t-1" },
    });
    const { lines, context } = logged();
    const result = await runAction(
      "cancelJob",
      { connection: ctx.connection, id: String(job.id), reasonId: "302", memo: "Twice" },
      context,
    );
    expect(result).toEqual({ data: {} });
    expect(ctx.sandbox.db.get("jobs", job.id)!.jobStatus).toBe("Canceled");
    expect(lines.join("\n")).toMatch(/first attempt .*already canceled/i);
  });

  it("a retried request that fails otherwise says the first attempt may have been carried out", async () => {
    const job = ctx.sandbox.db.all("jobs", { jobStatus: "Scheduled" })[0];
    const path = `/jpm/v2/tenant/${tenant()}/jobs/${job.id}/hold`;
    ctx.sandbox.faults.add({ method: "PUT", path, status: 502, headers: { "Retry-After": "0" } });
    ctx.sandbox.faults.add({ method: "PUT", path, status: 400, body: { title: "Something else went wrong", status: 400 } });
    const client = (await import("../../src/client")).createClient(ctx.connection);
    await expect(
      client.request("PUT /jpm/v2/tenant/{tenant}/jobs/{id}/hold", { path: { id: job.id }, body: { reasonId: 1, memo: "x" } }),
    ).rejects.toThrow(/Something else went wrong.*an earlier attempt .*502.* may have been carried out/);
  });
});
