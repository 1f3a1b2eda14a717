import axios from "axios";
import { startSandbox, type RecordedRequest, type Sandbox } from "../../sandbox";
import type { Store } from "../../sandbox/store";
import { connect, path } from "./helpers";

/** What npm run sandbox builds on: a state that survives a restart (--state), and a way for another process to connect. */
describe("sandbox snapshot and restore", () => {
  let first: Sandbox;
  let second: Sandbox;
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("carries records, id counters, export positions and files over to a new sandbox", async () => {
    first = await startSandbox();
    const api = await connect(first);
    const customers = path(first, "crm", "customers");
    const address = { street: "1 Main St", city: "Phoenix", state: "AZ", zip: "85001", country: "USA" };
    const customer = { name: "Snapshot Customer", address, locations: [{ name: "Home", address }] };
    const created = await api.post(customers, customer);
    expect(created.status).toBe(200);
    const feed = path(first, "jpm", "export/jobs");
    const { continueFrom } = (await api.get(feed)).data;
    await api.patch(path(first, "jpm", "jobs/10030"), { summary: "Changed before the snapshot" });
    (first.db as Store).files.set("InstalledEquipment/Documents/a.txt", {
      data: Buffer.from("hello"),
      fileName: "a.txt",
      contentType: "text/plain",
    });

    second = await startSandbox({ seed: "empty" });
    second.db.restore(JSON.parse(JSON.stringify(first.db.snapshot())));
    const api2 = await connect(second);
    expect((await api2.get(`${path(second, "crm", "customers")}/${created.data.id}`)).data.name).toBe("Snapshot Customer");
    // The trigger's stored position stays valid: the same changes follow it in both.
    const after = async (client: typeof api, s: Sandbox) =>
      (await client.get(path(s, "jpm", "export/jobs"), { params: { from: continueFrom } })).data.data.map((j: { id: number }) => j.id);
    expect(await after(api2, second)).toEqual([10030]);
    expect(await after(api2, second)).toEqual(await after(api, first));
    for (const collection of first.db.collections()) expect(second.db.all(collection)).toEqual(first.db.all(collection));
    expect(second.db.file("InstalledEquipment/Documents/a.txt")?.data.toString()).toBe("hello");
    // New records continue the id sequence instead of reusing an id.
    const next = await api2.post(path(second, "crm", "customers"), { ...customer, name: "Next" });
    expect(next.data.id).toBe(created.data.id + 1);
    expect(second.violations).toEqual([]);
  });

  it("refuses something that is not a snapshot", () => {
    expect(() => first.db.restore({ hello: 1 } as never)).toThrow(/not a sandbox state snapshot/);
  });
});

describe("a sandbox another process can use", () => {
  const seen: RecordedRequest[] = [];
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ serveInfo: true, onRequest: (request) => seen.push(request) });
  });
  afterAll(() => sandbox.close());

  it("answers /sandbox/info with its URL and credentials, and reports each answered request", async () => {
    const { data } = await axios.get(`${sandbox.url}/sandbox/info`);
    expect(data).toMatchObject({ url: sandbox.url, tokenUrl: sandbox.tokenUrl, credentials: sandbox.credentials, violations: [] });
    const api = await connect(sandbox);
    await api.get(path(sandbox, "jpm", "jobs/10001"));
    expect(seen).toEqual([expect.objectContaining({ method: "GET", path: path(sandbox, "jpm", "jobs/10001"), status: 200 })]);
  });

  it("serves no info unless asked to", async () => {
    const plain = await startSandbox({ seed: "empty" });
    try {
      expect((await axios.get(`${plain.url}/sandbox/info`, { validateStatus: () => true })).status).not.toBe(200);
    } finally {
      await plain.close();
    }
  });
});
