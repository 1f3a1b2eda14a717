import component from "../../src";
import { resourceSuite } from "./helpers";

/**
 * listInstalledEquipmentAttachments keeps the reference component's behaviour: given an attachment's path it
 * downloads the file (its example payload is a Buffer). Listing one equipment record's attachments has its own key.
 */
const { ctx, act, lastRequest, tenant, rejectsBeforeSending } = resourceSuite();
const base = () => `/equipmentsystems/v2/tenant/${tenant()}/installed-equipment`;

describe("installed equipment attachments, as the reference component had them", () => {
  it("List Installed Equipment Attachments downloads the file at an Attachment Path, as the reference returned it", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, ...Buffer.from(" manual")]);
    const { data: uploaded } = await act("createInstalledEquipmentAttachment", {
      file: { data: bytes, contentType: "application/pdf" },
      fileName: "manual.pdf",
    });
    const result = (await act("listInstalledEquipmentAttachments", { path: uploaded.path })) as unknown as {
      data: Buffer;
      contentType: string;
    };
    expect(ctx.sandbox.requests.find((r) => r.method === "GET" && r.path === `${base()}/attachments`)?.query).toEqual({
      path: uploaded.path,
    });
    expect(Buffer.isBuffer(result.data)).toBe(true);
    expect(result.data.equals(bytes)).toBe(true);
    // What a later step saw from the reference: {"type": "Buffer", "data": [...]}
    expect(JSON.parse(JSON.stringify({ data: result.data }))).toEqual({ data: { type: "Buffer", data: [...bytes] } });
  });

  it("keeps the reference's key and label, takes an Attachment Path, and documents a Buffer as its example", () => {
    const action = component.actions.listInstalledEquipmentAttachments;
    expect(action.display.label).toBe("List Installed Equipment Attachments");
    const inputs = action.inputs as unknown as Array<{ key: string; label: string; required?: boolean }>;
    expect(inputs).toContainEqual(expect.objectContaining({ key: "path", label: "Attachment Path", required: true }));
    expect(JSON.parse(JSON.stringify(action.examplePayload))).toMatchObject({ data: { type: "Buffer", data: expect.any(Array) } });
  });

  it("refuses an empty Attachment Path before sending anything", async () => {
    await rejectsBeforeSending(() => act("listInstalledEquipmentAttachments", {}), "Attachment Path");
  });

  it("lists one equipment record's attachments under its own, clearly named key", async () => {
    const equipment = ctx.sandbox.db.all("installed-equipment").find((e) => e.active)!;
    const attachment = { type: "Document", url: "InstalledEquipment/Documents/spec.pdf", fileName: "spec.pdf", alias: "Spec" };
    await act("updateInstalledEquipment", { id: String(equipment.id), attachments: JSON.stringify([attachment]) });
    const { data } = await act("listAttachmentsOfInstalledEquipment", { id: String(equipment.id) });
    expect(lastRequest()).toMatchObject({ method: "GET", path: `${base()}/${equipment.id}` });
    expect(data).toEqual([attachment]);
    expect(component.actions.listAttachmentsOfInstalledEquipment.display.label).toBe("List Attachments of Installed Equipment");
    expect(component.actions.downloadInstalledEquipmentAttachment).toBeDefined();
  });
});
