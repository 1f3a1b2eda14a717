import { harness, useSandbox } from "../support";

/**
 * Where the trigger starts and how its stored position moves: a failed first run, a Look-back Date cleared and set
 * again, a feed position that does not move. Each poller keeps one instanceState between runs, as Prismatic does.
 */
const ctx = useSandbox({ exportPageSize: 500 });

type Rec = { id: number; modifiedOn?: string; [k: string]: unknown };
type Grouped = { created: Rec[]; updated: Rec[]; deactivated: Rec[] };

const poller = (instanceState: Record<string, unknown> = {}) => {
  const run = async (params: Record<string, unknown>) => {
    const result: any = await harness.trigger("pollChangesTrigger", {}, { connection: ctx.connection, ...params }, { instanceState });
    const data = result.payload.body.data as Grouped;
    return {
      noChanges: result.resultType === "polled_no_changes",
      ids: [...data.created, ...data.updated, ...data.deactivated].map((r) => r.id),
    };
  };
  const state = () => ((instanceState.__prismaticInternal as any)?.polling ?? {}) as Record<string, any>;
  return { run, state };
};

beforeEach(() => ctx.sandbox.faults.clear());

describe("the trigger's position", () => {
  it("a first run that fails fixes 'now': the next successful run delivers every change made since that attempt", async () => {
    const p = poller();
    ctx.sandbox.faults.add({ path: /\/export\/customers$/, status: 503, headers: { "Retry-After": "0.01" }, times: 20 });
    await expect(p.run({ resource: "customers" })).rejects.toThrow(/503/);
    ctx.sandbox.faults.clear();
    // Changed while the trigger was failing (a missing scope fixed later, an outage …).
    const missed = ctx.sandbox.db.insert("customers", { name: "Changed after the failed first run" });
    const next = await p.run({ resource: "customers" });
    expect(next.ids).toEqual([missed.id]);
    expect((await p.run({ resource: "customers" })).noChanges).toBe(true);
  });

  it("clearing the Look-back Date and setting the same date again does not re-deliver the history", async () => {
    const technicians = ctx.sandbox.db.all("technicians");
    const lookBackDate = "2000-01-01";
    const p = poller();
    expect((await p.run({ resource: "technicians", lookBackDate })).ids).toHaveLength(technicians.length);
    expect((await p.run({ resource: "technicians" })).noChanges).toBe(true); // cleared
    expect((await p.run({ resource: "technicians", lookBackDate })).noChanges).toBe(true); // the same date again
    // A different date still restarts from it.
    expect((await p.run({ resource: "technicians", lookBackDate: "2000-01-02" })).ids).toHaveLength(technicians.length);
  });

  it.each([
    ["equal to the `from` sent", (from: string) => from],
    ["empty", () => ""],
  ])("a page whose continueFrom is %s is not delivered again on the next run", async (_case, continueFrom) => {
    const p = poller();
    await p.run({ resource: "customers" });
    const from = p.state().from as string;
    const changed = ctx.sandbox.db.insert("customers", { name: "Delivered once" });
    ctx.sandbox.faults.add({
      path: /\/export\/customers$/,
      query: { from },
      status: 200,
      body: { hasMore: false, continueFrom: continueFrom(from), data: [changed] },
      times: 2,
    });
    expect((await p.run({ resource: "customers" })).ids).toEqual([changed.id]);
    expect((await p.run({ resource: "customers" })).noChanges).toBe(true); // the same page again
    ctx.sandbox.faults.clear();
    // When the feed moves on again, the change is still not repeated and later ones arrive.
    const later = ctx.sandbox.db.insert("customers", { name: "After the stuck position" });
    expect((await p.run({ resource: "customers" })).ids).toEqual([later.id]);
  });
});
