import { createServer, type IncomingHttpHeaders } from "http";
import type { AddressInfo } from "net";
import { resourceSuite } from "./helpers";

/** Installed equipment and its attachments against the sandbox (which fails the suite on any spec violation). */
const { ctx, act, source, requests, lastRequest, tenant, rejectsBeforeSending, failure } = resourceSuite();
const db = () => ctx.sandbox.db;
const activeLocation = () =>
  db()
    .all("locations")
    .find((l) => l.active)!;
const base = () => `/equipmentsystems/v2/tenant/${tenant()}/installed-equipment`;

describe("installed equipment", () => {
  it("List Installed Equipment filters by location", async () => {
    const equipment = db()
      .all("installed-equipment")
      .find((e) => e.active)!;
    const { data } = await act("listInstalledEquipment", { locationIds: String(equipment.locationId), fetchAll: true });
    expect(lastRequest().query).toMatchObject({ locationIds: String(equipment.locationId) });
    expect(data.data.map((e: { id: number }) => e.id)).toContain(equipment.id);
    expect(data.data.every((e: { locationId: number }) => e.locationId === equipment.locationId)).toBe(true);
  });

  it("List Installed Equipment takes several locations, sent as the comma-separated list the spec declares", async () => {
    const active = db()
      .all("installed-equipment")
      .filter((e) => e.active);
    const locations = [...new Set(active.map((e) => e.locationId as number))].slice(0, 2);
    expect(locations).toHaveLength(2);
    const { data } = await act("listInstalledEquipment", { locationIds: locations.map(String), fetchAll: true });
    expect(lastRequest().query).toMatchObject({ locationIds: locations.join(",") });
    expect(data.data.map((e: { id: number }) => e.id).sort()).toEqual(
      active
        .filter((e) => locations.includes(e.locationId))
        .map((e) => e.id)
        .sort(),
    );
  });

  it("Create Installed Equipment then Get returns it; dates and money are typed as the spec says", async () => {
    const location = activeLocation();
    const { data: created } = await act("createInstalledEquipment", {
      locationId: String(location.id),
      name: "Rooftop AC",
      manufacturer: "Carrier",
      cost: "4200.50",
      installedOn: "2025-01-15T10:00:00Z",
      actualReplacementDate: "2035-06-30",
      customFields: JSON.stringify([{ typeId: "42", value: "North roof" }]),
    });
    expect(lastRequest().body).toEqual({
      locationId: location.id,
      name: "Rooftop AC",
      manufacturer: "Carrier",
      cost: 4200.5,
      installedOn: "2025-01-15T10:00:00.000Z",
      actualReplacementDate: "2035-06-30",
      customFields: [{ typeId: 42, value: "North roof" }],
    });
    const { data: fetched } = await act("getInstalledEquipment", { id: String(created.id) });
    expect(fetched).toMatchObject({
      id: created.id,
      locationId: location.id,
      customerId: location.customerId,
      name: "Rooftop AC",
      cost: 4200.5,
    });
  });

  it("Update Installed Equipment changes the serial number", async () => {
    const equipment = db()
      .all("installed-equipment")
      .find((e) => e.active)!;
    const { data } = await act("updateInstalledEquipment", { id: String(equipment.id), serialNumber: "SN-42" });
    expect(lastRequest()).toMatchObject({ method: "PATCH", path: `${base()}/${equipment.id}`, body: { serialNumber: "SN-42" } });
    expect(data).toMatchObject({ id: equipment.id, serialNumber: "SN-42" });
    expect(db().get("installed-equipment", equipment.id)!.serialNumber).toBe("SN-42");
  });

  it("Get Installed Equipment on a missing record names it", async () => {
    expect((await failure(act("getInstalledEquipment", { id: "9999999" }))).message).toMatch(/Installed equipment 9999999 was not found/);
  });

  it("an uploaded attachment downloads byte for byte, and once attached it is listed on the equipment", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80, ...Buffer.from(" binary manual")]);
    const { data: uploaded } = await act("createInstalledEquipmentAttachment", {
      file: { data: bytes, contentType: "application/pdf" },
      fileName: "manual.pdf",
    });
    expect(uploaded.path).toMatch(/\.pdf$/);
    expect(lastRequest()).toMatchObject({ method: "POST", path: `${base()}/attachments` });
    expect(db().file(uploaded.path)!.data.equals(bytes)).toBe(true);

    const downloaded = (await act("downloadInstalledEquipmentAttachment", { path: uploaded.path })) as unknown as {
      data: Buffer;
      contentType: string;
    };
    expect(Buffer.isBuffer(downloaded.data)).toBe(true);
    expect(downloaded.data.equals(bytes)).toBe(true);
    expect(downloaded.contentType).toMatch(/application\/pdf/);

    const equipment = db()
      .all("installed-equipment")
      .find((e) => e.active)!;
    const attachment = { type: "Document", url: uploaded.path, fileName: "manual.pdf", alias: "Manual" };
    await act("updateInstalledEquipment", { id: String(equipment.id), attachments: JSON.stringify([attachment]) });
    const { data: listed } = await act("listAttachmentsOfInstalledEquipment", { id: String(equipment.id) });
    expect(lastRequest()).toMatchObject({ method: "GET", path: `${base()}/${equipment.id}` });
    expect(listed).toEqual([attachment]);
  });

  it("a redirect to another host (signed storage link) is followed without the token and the app key", async () => {
    // A stand-in for ServiceTitan's file storage: records what it receives.
    const seen: IncomingHttpHeaders[] = [];
    const storage = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "text/plain" }).end("stored bytes");
    });
    await new Promise<void>((resolve) => storage.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = storage.address() as AddressInfo;
      ctx.sandbox.faults.add({
        method: "GET",
        path: `${base()}/attachments`,
        status: 302,
        headers: { location: `http://127.0.0.1:${port}/blob/doc.txt?sig=abc` },
      });
      const downloaded = (await act("downloadInstalledEquipmentAttachment", {
        path: "InstalledEquipment/Documents/doc.txt",
      })) as unknown as { data: Buffer; contentType: string };
      expect(downloaded).toEqual({ data: Buffer.from("stored bytes"), contentType: "text/plain" });
      expect(seen).toHaveLength(1);
      expect(seen[0].authorization).toBeUndefined();
      expect(seen[0]["st-app-key"]).toBeUndefined();
      expect(JSON.stringify(seen[0])).not.toContain(ctx.sandbox.credentials.appKey);
    } finally {
      ctx.sandbox.faults.clear();
      await new Promise((resolve) => storage.close(resolve));
    }
  });

  it("downloading an unknown path names the attachment", async () => {
    const error = await failure(act("downloadInstalledEquipmentAttachment", { path: "InstalledEquipment/Documents/missing.pdf" }));
    expect(error.message).toMatch(/Attachment "InstalledEquipment\/Documents\/missing.pdf" was not found/);
  });

  it("Select Installed Equipment lists active equipment as 'Name (ID: id)', alphabetically, optionally for one location", async () => {
    const { result } = await source("selectInstalledEquipment");
    const active = db()
      .all("installed-equipment")
      .filter((e) => e.active);
    expect(result).toHaveLength(active.length);
    expect(result).toContainEqual({ key: String(active[0].id), label: `${active[0].name} (ID: ${active[0].id})` });
    const labels = result.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })));

    const locationId = active[0].locationId;
    const atLocation = await source("selectInstalledEquipment", { locationId: String(locationId) });
    expect(lastRequest().query).toMatchObject({ locationIds: String(locationId), active: "True" });
    expect(atLocation.result.map((o) => o.key).sort()).toEqual(
      active
        .filter((e) => e.locationId === locationId)
        .map((e) => String(e.id))
        .sort(),
    );
  });
});

describe("bad input fails before any request, naming the input", () => {
  it.each([
    ["listInstalledEquipment", "Created Before", { createdBefore: "yesterday" }],
    [
      "listInstalledEquipment",
      'Additional Query Parameters": "locationId" is not a query parameter',
      { additionalQueryParameters: { locationId: "3001" } },
    ],
    ["getInstalledEquipment", "Installed Equipment ID", { id: "abc" }],
    ["createInstalledEquipment", "Location ID", { name: "AC" }],
    ["createInstalledEquipment", "Attachments", { locationId: "3001", attachments: '[{"type":"Video","url":"x"}]' }],
    ["createInstalledEquipment", "Cost", { locationId: "3001", cost: "$5" }],
    // Field names the spec does not declare: ServiceTitan would ignore them and drop the value without an error.
    ["createInstalledEquipment", "Attachments", { locationId: "3001", attachments: '[{"type":"Image","url":"x","filename":"a.png"}]' }],
    ["updateInstalledEquipment", "Custom Fields", { id: "90001", customFields: '[{"typeId":1,"Value":"x"}]' }],
    ["listInstalledEquipment", "Location IDs", { locationIds: ["3001", "north"] }],
    ["updateInstalledEquipment", "Actual Replacement Date", { id: "90001", actualReplacementDate: "someday" }],
    ["listAttachmentsOfInstalledEquipment", "Installed Equipment ID", {}],
    ["listInstalledEquipmentAttachments", "Attachment Path", {}],
    ["createInstalledEquipmentAttachment", "File", { fileName: "a.pdf" }],
    ["createInstalledEquipmentAttachment", "File Name", { file: Buffer.from("x") }],
    ["downloadInstalledEquipmentAttachment", "Attachment Path", {}],
  ] as Array<[string, string, Record<string, unknown>]>)("%s refuses bad input naming %s (case %#)", async (key, input, params) => {
    await rejectsBeforeSending(() => act(key, params), input);
  });
});
