import component from "../../src";
import { DEFAULT_MAX_RECORDS_PER_RUN } from "../../src/triggers/pollChanges";
import { harness, runAction, useSandbox } from "../support";

/**
 * Multi-run scenarios: each poller keeps one instanceState from run to run, which is where spectral's polling
 * context stores `context.polling` state, exactly as Prismatic carries it between scheduled runs.
 */
const PAGE = 500; // the sandbox's export page size, as ServiceTitan's: caps of 100 fall inside pages
const ctx = useSandbox({ exportPageSize: PAGE });

type Rec = { id: number; active?: boolean; modifiedOn?: string; [k: string]: unknown };
type Grouped = { created: Rec[]; updated: Rec[]; deactivated: Rec[] };
type Run = { data: Grouped; noChanges: boolean; ids: number[]; result: any };

const poller = (params: Record<string, unknown>) => {
  const instanceState: Record<string, unknown> = {};
  const run = async (payload: Record<string, unknown> = {}, state = instanceState): Promise<Run> => {
    const result: any = await harness.trigger(
      "pollChangesTrigger",
      payload,
      { connection: ctx.connection, ...params },
      { instanceState: state },
    );
    const data = result.payload.body.data as Grouped;
    return {
      data,
      result,
      noChanges: result.resultType === "polled_no_changes",
      ids: [...data.created, ...data.updated, ...data.deactivated].map((r) => r.id),
    };
  };
  /** What the trigger stored (spectral keeps polling state inside instanceState). */
  const state = () => ((instanceState.__prismaticInternal as any)?.polling ?? {}) as Record<string, any>;
  return { run, state };
};

/** Runs until a run reports no changes; returns every delivered id in delivery order and the number of runs with changes. */
const drain = async (p: ReturnType<typeof poller>, limit = 50) => {
  const delivered: number[] = [];
  for (let runs = 0; runs < limit; runs++) {
    const { ids, noChanges } = await p.run();
    if (noChanges) return { delivered, runs };
    delivered.push(...ids);
  }
  throw new Error("the feed never ran dry");
};

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe("New and Updated Records (pollChangesTrigger)", () => {
  it("first run without look-back delivers nothing old; changes made between runs appear exactly once", async () => {
    const p = poller({ resource: "customers" });
    const before = ctx.sandbox.db.count("customers");
    expect(before).toBeGreaterThan(0); // the demo tenant has history the first run must not flood

    const first = await p.run();
    expect(first.noChanges).toBe(true);
    expect(first.ids).toEqual([]);
    expect(p.state()).toMatchObject({ feed: "customers", from: expect.any(String) });

    const created = [1, 2, 3].map((n) => ctx.sandbox.db.insert("customers", { name: `New customer ${n}` }).id);
    const old = ctx.sandbox.db.all("customers")[0];
    ctx.sandbox.db.update("customers", old.id, { name: "Renamed", modifiedOn: soon(5000) });

    const second = await p.run();
    expect(second.noChanges).toBe(false);
    expect(second.data.created.map((r) => r.id)).toEqual(created);
    expect(second.data.updated.map((r) => r.id)).toEqual([old.id]);
    expect(second.data.updated[0].name).toBe("Renamed");
    expect(second.data.deactivated).toEqual([]);

    expect((await p.run()).noChanges).toBe(true);

    // A record changed again is a new change, delivered once more (as an update).
    ctx.sandbox.db.update("customers", created[1], { name: "Changed later", modifiedOn: soon(10_000) });
    const fourth = await p.run();
    expect(fourth.ids).toEqual([created[1]]);
    expect(fourth.data.updated[0].name).toBe("Changed later");
    expect((await p.run()).noChanges).toBe(true);
  });

  it("delivers all 1,000 records sharing one modifiedOn (across feed pages) in one run", async () => {
    const p = poller({ resource: "locations" });
    await p.run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert("locations", 1000, { modifiedOn: soon(1000) });

    const run = await p.run();
    expect(run.ids).toHaveLength(DEFAULT_MAX_RECORDS_PER_RUN);
    expect(run.ids).toEqual(range(firstId, lastId));
    expect((await p.run()).noChanges).toBe(true);
  });

  it("a cap of 100 over 1,050 changes delivers all 1,050 across 11 runs with none repeated", async () => {
    const p = poller({ resource: "jobs", maxRecordsPerRun: "100" });
    await p.run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert("jobs", 1050, { modifiedOn: soon(1000) });

    const sizes: number[] = [];
    const delivered: number[] = [];
    for (let i = 0; i < 11; i++) {
      const { ids } = await p.run();
      sizes.push(ids.length);
      delivered.push(...ids);
    }
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50]);
    expect(new Set(delivered).size).toBe(1050);
    expect(delivered).toEqual(range(firstId, lastId)); // in feed order, nothing skipped
    expect((await p.run()).noChanges).toBe(true);
    // Stopping inside a page stores that page's position plus what was taken from it: at most one page's worth.
    expect(p.state().page ?? []).toEqual([]);
  });

  it("a record changed again while a backlog drains is delivered once per change", async () => {
    const p = poller({ resource: "projects", maxRecordsPerRun: "100" });
    await p.run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert("projects", 300, { modifiedOn: soon(1000) });
    const first = await p.run();
    expect(first.ids).toEqual(range(firstId, firstId + 99));
    expect(p.state().page).toHaveLength(100); // stopped inside the feed's 500-record page

    // One already delivered, one still waiting: both move to the end of the feed with a new modifiedOn.
    ctx.sandbox.db.update("projects", firstId + 50, { summary: "changed after delivery", modifiedOn: soon(2000) });
    ctx.sandbox.db.update("projects", firstId + 200, { summary: "changed before delivery", modifiedOn: soon(2000) });

    const { delivered } = await drain(p);
    const all = [...first.ids, ...delivered];
    expect(all).toHaveLength(301);
    expect(all.filter((id) => id === firstId + 50)).toHaveLength(2);
    expect(all.filter((id) => id === firstId + 200)).toHaveLength(1);
    expect(new Set(all)).toEqual(new Set(range(firstId, lastId)));
  });

  it("reports a deactivated customer as deactivated, and honours the change types chosen", async () => {
    const all = poller({ resource: "customers" });
    const onlyCreated = poller({ resource: "customers", includeUpdated: "false", includeDeactivated: "false" });
    await all.run();
    await onlyCreated.run();
    const target = ctx.sandbox.db.all("customers", { active: true })[1];
    ctx.sandbox.db.update("customers", target.id, { active: false, modifiedOn: soon(1000) });
    const fresh = ctx.sandbox.db.insert("customers", { name: "Brand new" });

    const run = await all.run();
    expect(run.data.deactivated.map((r) => r.id)).toEqual([target.id]);
    expect(run.data.deactivated[0].active).toBe(false);
    expect(run.data.created.map((r) => r.id)).toEqual([fresh.id]);
    expect(run.data.updated).toEqual([]);

    const filtered = await onlyCreated.run();
    expect(filtered.data).toEqual({ created: [expect.objectContaining({ id: fresh.id })], updated: [], deactivated: [] });
    // The deactivation was read (the position moved past it), not kept for later.
    expect((await onlyCreated.run()).noChanges).toBe(true);
  });

  it("a run whose feed answers 503 then succeeds loses nothing", async () => {
    const p = poller({ resource: "invoices", maxRecordsPerRun: "100" });
    await p.run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert("invoices", 250, { modifiedOn: soon(1000) });
    const first = await p.run();
    expect(first.ids).toEqual(range(firstId, firstId + 99));
    const stored = JSON.stringify(p.state());

    // More 503s than the request core retries: the run fails, delivers nothing and keeps its position.
    ctx.sandbox.faults.add({ path: /\/export\/invoices$/, status: 503, headers: { "Retry-After": "0.01" }, times: 20 });
    await expect(p.run()).rejects.toThrow(/503/);
    ctx.sandbox.faults.clear();
    expect(JSON.stringify(p.state())).toBe(stored);

    // A single 503 is retried inside the run.
    ctx.sandbox.faults.add({ path: /\/export\/invoices$/, status: 503, headers: { "Retry-After": "0.01" }, times: 1 });
    const { delivered } = await drain(p);
    expect([...first.ids, ...delivered]).toEqual(range(firstId, lastId));
  });

  it("with a look-back date, the first run delivers the history since that date (and only since)", async () => {
    const technicians = ctx.sandbox.db.all("technicians");
    const times = technicians.map((t) => t.modifiedOn).sort();
    const lookBack = times[Math.floor(times.length / 2)];
    const expected = technicians.filter((t) => t.modifiedOn >= lookBack).map((t) => t.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(technicians.length);

    const p = poller({ resource: "technicians", lookBackDate: lookBack });
    const first = await p.run();
    expect([...first.ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect((await p.run()).noChanges).toBe(true);

    const everything = poller({ resource: "technicians", lookBackDate: "2000-01-01" });
    expect((await everything.run()).ids).toHaveLength(technicians.length);
  });

  it("with includeRecentChanges, the feed's repeats are not delivered twice", async () => {
    const p = poller({ resource: "bookings", includeRecentChanges: "true" });
    // Changes the first run finds at "now" are read but not delivered; the feed repeats them on the next read.
    [1, 2].forEach((n) => ctx.sandbox.db.insert("bookings", { name: `At start ${n}`, modifiedOn: soon(60_000) }));
    expect((await p.run()).noChanges).toBe(true);
    const firstBatch = [1, 2, 3].map((n) => ctx.sandbox.db.insert("bookings", { name: `Booking ${n}` }).id);
    expect((await p.run()).ids).toEqual(firstBatch);

    // The feed does repeat: reading from the stored position returns the last changes again.
    const page = await runAction("exportBookings", { connection: ctx.connection, from: p.state().from, includeRecentChanges: "true" });
    const repeated = (page!.data as any).data.map((r: Rec) => r.id);
    expect(repeated).toEqual(firstBatch.slice(-2));
    expect(ctx.sandbox.requests.at(-1)!.query.includeRecentChanges).toBe("true");

    expect((await p.run()).noChanges).toBe(true);
    const secondBatch = [4, 5].map((n) => ctx.sandbox.db.insert("bookings", { name: `Booking ${n}` }).id);
    expect((await p.run()).ids).toEqual(secondBatch);
    expect((await p.run()).noChanges).toBe(true);
    // The repeat memory is bounded and only kept with this option.
    expect(p.state().recent.length).toBeLessThanOrEqual(2000);
  });

  it("asks the appointment-assignments feed for inactive records too, so unassignments are reported", async () => {
    const p = poller({ resource: "appointmentAssignments" });
    await p.run();
    expect(ctx.sandbox.requests.at(-1)).toMatchObject({
      path: `/dispatch/v2/tenant/${ctx.sandbox.credentials.tenant}/export/appointment-assignments`,
      query: { active: "Any" },
    });
    const assignment = ctx.sandbox.db.all("appointment-assignments", { active: true })[0];
    ctx.sandbox.db.update("appointment-assignments", assignment.id, { active: false, modifiedOn: soon(1000) });
    expect((await p.run()).data.deactivated.map((r) => r.id)).toEqual([assignment.id]);
  });

  it("a different resource on the same state starts over instead of reading another feed's position", async () => {
    const state: Record<string, unknown> = {};
    const p = poller({ resource: "payments" });
    await p.run({}, state);
    const q = poller({ resource: "businessUnits" });
    const switched = await q.run({}, state);
    expect(switched.noChanges).toBe(true); // a first run again: nothing old
    expect(ctx.sandbox.requests.at(-1)!.path).toMatch(/\/settings\/v2\/tenant\/\d+\/export\/business-units$/);
    expect(ctx.sandbox.requests.at(-1)!.query.from).toMatch(/^\d{4}-\d{2}-\d{2}T/); // from now, not the payments token
  });

  it("supports Prismatic batching: items per change, and a cursor that drains a capped run page by page", async () => {
    const converted: any = (component as any).triggers.pollChangesTrigger;
    expect(converted).toMatchObject({
      isPollingTrigger: true,
      scheduleSupport: "required",
      triggerResolverSupport: "valid",
      triggerResolverDefaultBatchSize: 100,
    });

    const p = poller({ resource: "payments", maxRecordsPerRun: "100" });
    await p.run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert("payments", 150, { modifiedOn: soon(1000) });
    const first = await p.run();
    const items = converted.resolveTriggerItems({}, first.result);
    expect(items).toHaveLength(100);
    expect(items[0]).toEqual({
      changeType: expect.stringMatching(/^(created|updated|deactivated)$/),
      record: expect.objectContaining({ id: firstId }),
    });
    const cursor = converted.getNextPaginationState({}, first.result);
    expect(cursor).not.toBeNull();

    // The next page runs from the cursor alone (it carries the state), even without the instance state.
    const next = await p.run({ paginationState: cursor }, {});
    expect(next.ids).toEqual(range(firstId + 100, lastId));
    expect(converted.getNextPaginationState({}, next.result)).toBeNull();
  });

  it("a saved position ServiceTitan refuses (400) fails saying how to resume; a new Look-back Date restarts from it", async () => {
    const shared: Record<string, unknown> = {};
    const stateOf = () => JSON.stringify((shared.__prismaticInternal as any)?.polling ?? {});
    const watching = poller({ resource: "customers" });
    await watching.run({}, shared);
    const delivered = ctx.sandbox.db.insert("customers", { name: "Delivered before the refusal" });
    expect((await watching.run({}, shared)).ids).toEqual([delivered.id]);
    const saved = stateOf();
    const missed = ctx.sandbox.db.insert("customers", { name: "Changed while the position was refused" });

    ctx.sandbox.faults.add({
      path: /\/export\/customers$/,
      status: 400,
      body: { title: "The continuation token is invalid or expired.", status: 400, traceId: "trace-expired-token" },
    });
    const error = await watching.run({}, shared).catch((e) => e);
    expect(error.message).toMatch(/refused the saved position in the Customers export feed/);
    expect(error.message).toContain("The continuation token is invalid or expired.");
    expect(error.message).toContain("trace-expired-token");
    expect(error.message).toContain(`set the trigger's Look-back Date`);
    expect(error.message).toContain(`the last change read was modified at ${delivered.modifiedOn}`);
    expect(stateOf()).toBe(saved); // nothing delivered, nothing moved

    // The builder sets Look-back Date to that time: the next run restarts there and catches up, once.
    const resumed = poller({ resource: "customers", lookBackDate: delivered.modifiedOn });
    const caughtUp = await resumed.run({}, shared);
    expect(caughtUp.ids).toEqual(expect.arrayContaining([delivered.id, missed.id]));
    const records = [...caughtUp.data.created, ...caughtUp.data.updated, ...caughtUp.data.deactivated];
    expect(records.every((r) => String(r.modifiedOn) >= String(delivered.modifiedOn))).toBe(true); // since that date only
    expect((await resumed.run({}, shared)).noChanges).toBe(true); // the same date does not restart again
    const later = ctx.sandbox.db.insert("customers", { name: "After the restart" });
    expect((await resumed.run({}, shared)).ids).toEqual([later.id]);
  });

  describe("bad input fails before any request", () => {
    it.each([
      [{ resource: "widgets" }, /Resource.*"widgets" is not one of/],
      [{ resource: "" }, /Resource.*required/],
      [{ resource: "jobs", maxRecordsPerRun: "0" }, /Max Records Per Run.*out of range/],
      [{ resource: "jobs", maxRecordsPerRun: "lots" }, /Max Records Per Run.*not a whole number/],
      [{ resource: "jobs", lookBackDate: "last tuesday" }, /Look-back Date.*not a date/],
      [{ resource: "jobs", includeCreated: "false", includeUpdated: "false", includeDeactivated: "false" }, /tick at least one/],
    ])("%j", async (params, message) => {
      const sent = ctx.sandbox.requests.length;
      const tokens = ctx.sandbox.tokenRequests;
      await expect(poller(params).run()).rejects.toThrow(message);
      expect(ctx.sandbox.requests.length).toBe(sent);
      expect(ctx.sandbox.tokenRequests).toBe(tokens);
    });
  });
});
