import { operations } from "../../src/client";
import { EXPORT_FEEDS } from "../../src/resources/exports";
import { harness, useSandbox } from "../support";

/**
 * The trigger over every export feed of the 25 modules: each one drains (a backfill delivers what the feed holds,
 * then nothing), and a record added afterwards is delivered once. Then the multi-run guarantees of the original
 * resources, for three of the new ones.
 */
const ctx = useSandbox({ exportPageSize: 50 });

/** The sandbox collection behind a feed: the hand-simulated ones by name, the others by the feed path's tail. */
const HAND_SIMULATED: Record<string, string> = {
  customerContacts: "customer-contacts",
  locationContacts: "location-contacts",
  businessUnits: "business-units",
  tagTypes: "tag-types",
  installedEquipment: "installed-equipment",
  invoiceItems: "invoice-items",
  appointmentAssignments: "appointment-assignments",
};
const collectionOf = (key: string, operation: string) =>
  HAND_SIMULATED[key] ??
  (/\/export\/(.+)$/.exec(operation)?.[1] ?? /\/tenant\/\{tenant\}\/(.+)\/export$/.exec(operation)![1]).replace(/\//g, "-");

type Rec = Record<string, unknown>;
const poller = (params: Record<string, unknown>) => {
  const instanceState: Record<string, unknown> = {};
  return async () => {
    const result: any = await harness.trigger("pollChangesTrigger", {}, { connection: ctx.connection, ...params }, { instanceState });
    const data = result.payload.body.data as Record<"created" | "updated" | "deactivated", Rec[]>;
    return { records: [...data.created, ...data.updated, ...data.deactivated], data, noChanges: result.resultType === "polled_no_changes" };
  };
};

describe("New and Updated Records over every export feed", () => {
  it("offers all 53 feeds in its Resource dropdown, labelled by module", () => {
    const trigger = harness.component.triggers!.pollChangesTrigger as unknown as {
      inputs: Array<{ key: string; model?: Array<{ label: string; value: string }> }>;
    };
    const model = trigger.inputs.find((i) => i.key === "resource")!.model!;
    expect(model.map((m) => m.value).sort()).toEqual(EXPORT_FEEDS.map((f) => f.key).sort());
    expect(model.find((m) => m.value === "leads")?.label).toBe("CRM · Leads");
    expect(model.find((m) => m.value === "pricebookServices")?.label).toBe("Pricebook · Pricebook Services");
  });

  it.each(EXPORT_FEEDS.map((feed) => [feed.key, feed.operation] as const))(
    "%s (%s): a backfill drains, then a new record comes once",
    async (key, operation) => {
      const collection = collectionOf(key, operation);
      const run = poller({ resource: key, lookBackDate: "2000-01-01" });
      const first = await run();
      expect(first.records.length).toBe(ctx.sandbox.db.all(collection).length);
      expect((await run()).noChanges).toBe(true);
      const added = ctx.sandbox.db.insert(collection, {});
      const next = await run();
      expect(next.records).toHaveLength(1);
      const feed = EXPORT_FEEDS.find((f) => f.key === key)!;
      const identity = feed.idFields ?? ["id"];
      expect(identity.map((field) => next.records[0][field])).toEqual(identity.map((field) => added[field]));
      expect(feed.events ? next.data.created : next.records).toHaveLength(1);
      expect((await run()).noChanges).toBe(true);
      expect(operations[operation as keyof typeof operations].export).toBe(true);
    },
  );
});

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe.each([
  ["leads", "leads"],
  ["estimates", "estimates"],
  ["memberships", "memberships"],
])("the trigger's guarantees on %s", (resource, collection) => {
  it("first run delivers nothing old; changes between runs appear exactly once, as created, updated or deactivated", async () => {
    const run = poller({ resource });
    const first = await run();
    expect(first.noChanges).toBe(true);
    const created = [1, 2, 3].map(() => ctx.sandbox.db.insert(collection, {}).id);
    const [old] = ctx.sandbox.db.all(collection);
    ctx.sandbox.db.update(collection, old.id, { modifiedOn: soon(5000) });
    const second = await run();
    expect(second.data.created.map((r) => r.id)).toEqual(created);
    expect(second.data.updated.map((r) => r.id)).toEqual([old.id]);
    expect((await run()).noChanges).toBe(true);
    ctx.sandbox.db.update(collection, created[0], { active: false, modifiedOn: soon(10_000) });
    const third = await run();
    expect(third.data.deactivated.map((r) => r.id)).toEqual([created[0]]);
    expect((await run()).noChanges).toBe(true);
  });

  it("a cap of 100 over 250 changes delivers all 250 across 3 runs with none repeated, in feed order", async () => {
    const run = poller({ resource, maxRecordsPerRun: "100" });
    await run();
    const { firstId, lastId } = ctx.sandbox.db.bulkInsert(collection, 250, { modifiedOn: soon(1000) });
    const delivered: unknown[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { records } = await run();
      sizes.push(records.length);
      delivered.push(...records.map((r) => r.id));
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(delivered).toEqual(Array.from({ length: lastId - firstId + 1 }, (_, i) => firstId + i));
    expect((await run()).noChanges).toBe(true);
  });

  it("a run that fails (503 after retries) loses nothing: the next run delivers it", async () => {
    const run = poller({ resource });
    await run();
    const added = ctx.sandbox.db.insert(collection, {}).id;
    ctx.sandbox.faults.add({ path: new RegExp(`/export/`), status: 503, times: 10 });
    await expect(run()).rejects.toThrow(/503/);
    ctx.sandbox.faults.clear();
    expect((await run()).records.map((r) => r.id)).toEqual([added]);
  });
});
