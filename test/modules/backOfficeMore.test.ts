import component from "../../src";
import { runAction, useSandbox } from "../support";
import { moduleSuite } from "./helpers";

/** An action's input as the built component declares it (its dropdown). */
const inputOf = (action: string, key: string) => {
  const inputs = (component.actions[action] as unknown as { inputs: { key: string; dataSource?: string }[] }).inputs;
  return inputs.find((input) => input.key === key)!;
};

/**
 * Back-office leftovers: equipment types (and the installed equipment that names one), job attachments, membership
 * invoice templates, inventory custom fields, Intacct business unit mappings and one inventory bill by id.
 * Seed: equipment types 296001 Furnace, 296002 Heat Pump, 296003 Water Heater, 296004 Swamp Cooler (inactive);
 * invoice templates 243001…243003; inventory bills 375001…; business units 101…
 */
describe("back office: more", () => {
  const ctx = useSandbox();
  const { run, call, only, calls, expectRefused, failure, options, picklist, db } = moduleSuite(ctx);

  beforeEach(() => ctx.sandbox.resetStats());

  describe("equipment types", () => {
    it("lists equipment types by name and reads one", async () => {
      const { data, request } = await call("listEquipmentTypes", { name: "pump" }, "GET", "/equipment-types");
      expect(request.query).toEqual({ name: "pump", active: "True" });
      expect(data.data).toEqual([expect.objectContaining({ id: 296002, name: "Heat Pump", active: true })]);
      const { data: type } = await call("getEquipmentType", { id: "296001" }, "GET", "/equipment-types/296001");
      expect(type).toMatchObject({ id: 296001, name: "Furnace" });
    });

    it("creates a type, renames and deactivates it", async () => {
      const { data: created, request } = await call("createEquipmentType", { name: "Mini Split" }, "POST", "/equipment-types");
      expect(request.body).toEqual({ name: "Mini Split" });
      expect(db().get("equipment-types", created.id)).toMatchObject({ name: "Mini Split", active: true });
      const { request: patch } = await call(
        "updateEquipmentType",
        { id: String(created.id), name: "Ductless Mini Split", active: false },
        "PATCH",
        `/equipment-types/${created.id}`,
      );
      expect(patch.body).toEqual({ name: "Ductless Mini Split", active: false });
      expect(db().get("equipment-types", created.id)).toMatchObject({ name: "Ductless Mini Split", active: false });
      expect((await picklist("selectEquipmentType")).map((o) => o.key)).not.toContain(String(created.id));
    });

    it("refuses a missing name and a text id, naming the input, and answers 404 for an unknown type", async () => {
      await expectRefused("createEquipmentType", {}, /Input "Name": is required/);
      await expectRefused("getEquipmentType", { id: "furnace" }, /Input "Equipment Type ID": "furnace" is not a whole number/);
      await expectRefused("updateEquipmentType", { id: "296001", active: "maybe" }, /Input "Active"/);
      expect((await failure("getEquipmentType", { id: "296999" })).status).toBe(404);
    });

    it("offers the active types by name", async () => {
      const result = await options("selectEquipmentType");
      expect(result).toEqual([
        { key: "296001", label: "Furnace (ID: 296001)" },
        { key: "296002", label: "Heat Pump (ID: 296002)" },
        { key: "296003", label: "Water Heater (ID: 296003)" },
      ]);
      expect(calls("GET", "/equipment-types")[0].query).toMatchObject({ active: "True" });
    });

    it("installed equipment takes an equipment type from the dropdown, and refuses an unknown one", async () => {
      const created = await run("createInstalledEquipment", { locationId: "3001", name: "Attic furnace", equipmentTypeId: "296001" });
      expect(only("POST", "/installed-equipment").body).toEqual({ locationId: 3001, name: "Attic furnace", equipmentTypeId: 296001 });
      expect(created.type).toEqual({ id: 296001, name: "Furnace" });
      await run("updateInstalledEquipment", { id: String(created.id), equipmentTypeId: "296002" });
      expect(only("PATCH", `/installed-equipment/${created.id}`).body).toEqual({ equipmentTypeId: 296002 });
      expect(db().get("installed-equipment", created.id)).toMatchObject({
        equipmentTypeId: 296002,
        type: { id: 296002, name: "Heat Pump" },
      });
      const bad = await failure("updateInstalledEquipment", { id: String(created.id), equipmentTypeId: "296999" });
      expect(bad.message).toMatch(/equipmentTypeId/);
      await expectRefused("updateInstalledEquipment", { id: String(created.id), equipmentTypeId: "x1" }, /Input "Equipment Type ID"/);
      expect(inputOf("createInstalledEquipment", "equipmentTypeId").dataSource).toBe("selectEquipmentType");
    });

    it("lists installed equipment custom field types, sending the required paging with defaults", async () => {
      const { data, request } = await call("listInstalledEquipmentCustomFieldTypes", {}, "GET", "/installed-equipment/custom-field-types");
      expect(request.query).toEqual({ page: "1", pageSize: "50", descending: "false" });
      expect(Array.isArray(data.data)).toBe(true);
      const { request: sorted } = await call(
        "listInstalledEquipmentCustomFieldTypes",
        { page: "2", pageSize: "10", descending: true, sortBy: "Name", createdOnOrAfter: "2025-01-01" },
        "GET",
        "/installed-equipment/custom-field-types",
      );
      expect(sorted.query).toEqual({
        page: "2",
        pageSize: "10",
        descending: "true",
        sortBy: "Name",
        createdOnOrAfter: "2025-01-01T00:00:00.000Z",
      });
      await expectRefused("listInstalledEquipmentCustomFieldTypes", { pageSize: "501" }, /Input "Page Size"/);
    });
  });

  describe("job attachments", () => {
    it("lists a job's attachments and downloads one by its id", async () => {
      const job = db().all("jobs")[0];
      const bytes = Buffer.from("%PDF-1.4 signed work order");
      await run("addJobAttachment", {
        id: String(job.id),
        file: { data: bytes, contentType: "application/pdf" },
        fileName: "work-order.pdf",
      });
      await run("addJobAttachment", {
        id: String(job.id),
        file: { data: Buffer.from([1, 2, 3]), contentType: "image/png" },
        fileName: "a.png",
      });
      ctx.sandbox.resetStats();
      const page = await run("listJobAttachments", { jobId: String(job.id), sort: "-CreatedOn", includeTotal: true });
      expect(only("GET", `/jobs/${job.id}/attachments`).query).toEqual({ sort: "-CreatedOn", includeTotal: "true" });
      expect(page.data.map((a: { fileName: string }) => a.fileName)).toEqual(["a.png", "work-order.pdf"]);
      expect(page.totalCount).toBe(2);
      const pdf = page.data[1];
      const file = (await runAction("downloadJobAttachment", { connection: ctx.connection, id: String(pdf.id) })) as {
        data: Buffer;
        contentType: string;
      };
      expect(Buffer.compare(file.data, bytes)).toBe(0);
      expect(file.contentType).toBe("application/pdf");
      expect(calls("GET", `/jobs/attachment/${pdf.id}`)).toHaveLength(1);

      const dropdown = await options("selectJobAttachment", { jobId: String(job.id) });
      expect(dropdown).toEqual([
        { key: String(page.data[0].id), label: `a.png (ID: ${page.data[0].id})` },
        { key: String(pdf.id), label: `work-order.pdf (ID: ${pdf.id})` },
      ]);
    });

    it("names a missing attachment, and refuses a missing job or a text id", async () => {
      expect((await failure("downloadJobAttachment", { id: "889999" })).message).toMatch(/Job attachment 889999 was not found/);
      await expectRefused("listJobAttachments", {}, /Input "Job ID": is required/);
      await expectRefused("downloadJobAttachment", { id: "a.png" }, /Input "Attachment ID": "a.png" is not a whole number/);
      await expectRefused("listJobAttachments", { jobId: "1", createdBefore: "yesterday" }, /Input "Created Before"/);
    });
  });

  describe("memberships", () => {
    it("lists membership custom field types", async () => {
      const { data, request } = await call("listMembershipCustomFieldTypes", { pageSize: "20" }, "GET", "/memberships/custom-fields");
      expect(request.query).toEqual({ pageSize: "20" });
      expect(Array.isArray(data.data)).toBe(true);
    });

    it("creates an invoice template from its items, then renames it and replaces an item", async () => {
      const items = [
        { skuId: 400001, quantity: 1, unitPrice: 129, isAddOn: false, description: "AC Tune-Up" },
        { skuId: 400002, quantity: 2, unitPrice: 45, isAddOn: true },
      ];
      const { data: created, request } = await call(
        "createInvoiceTemplate",
        { items: JSON.stringify(items) },
        "POST",
        "/invoice-templates",
      );
      expect(request.body).toEqual({ items });
      const template = db().get("invoice-templates", created.id)!;
      expect(template).toMatchObject({
        total: 219,
        items: [expect.objectContaining({ skuId: 400001 }), expect.objectContaining({ skuId: 400002 })],
      });
      const kept = template.items[0].id;
      const { data: updated, request: patch } = await call(
        "updateInvoiceTemplate",
        {
          id: String(created.id),
          name: "Comfort Club Bronze",
          items: JSON.stringify([{ id: kept, skuId: 400001, quantity: 1, unitPrice: 99, isAddOn: false }]),
        },
        "PATCH",
        `/invoice-templates/${created.id}`,
      );
      expect(patch.body).toEqual({
        name: "Comfort Club Bronze",
        items: [{ id: kept, skuId: 400001, quantity: 1, unitPrice: 99, isAddOn: false }],
      });
      expect(updated).toEqual({ id: created.id });
      const read = await run("getInvoiceTemplate", { id: String(created.id) });
      expect(read).toMatchObject({ name: "Comfort Club Bronze", total: 99, items: [expect.objectContaining({ id: kept, unitPrice: 99 })] });
      await run("updateInvoiceTemplate", { id: String(created.id), active: false });
      expect(db().get("invoice-templates", created.id)!.active).toBe(false);
    });

    it("refuses items without their price or with a text SKU, and a template without items", async () => {
      await expectRefused(
        "createInvoiceTemplate",
        { items: '[{"skuId":400001,"quantity":1,"isAddOn":false}]' },
        /Input "Items".*unitPrice/,
      );
      await expectRefused(
        "updateInvoiceTemplate",
        { id: "243001", items: '[{"skuId":"tune-up","quantity":1,"unitPrice":5,"isAddOn":false}]' },
        /Input "Items item 1.skuId": "tune-up" is not a whole number/,
      );
      await expectRefused("createInvoiceTemplate", {}, /Input "Items": is required/);
      await expectRefused("updateInvoiceTemplate", { id: "243001", active: "sometimes" }, /Input "Active"/);
    });
  });

  describe("inventory custom fields", () => {
    const kinds = [
      ["updateAdjustmentCustomFields", "adjustments", "adjustmentId"],
      ["updateReceiptCustomFields", "receipts", "receiptId"],
      ["updateReturnCustomFields", "returns", "returnId"],
      ["updateTransferCustomFields", "transfers", "transferId"],
      ["updateVendorCustomFields", "vendors", "vendorId"],
    ] as const;

    it.each(kinds)("%s sets one record's custom fields by name", async (key, base, idKey) => {
      const record = db().all(base)[0];
      const { request } = await call(
        key,
        { [idKey]: String(record.id), customFields: { Bin: "A-12", Checked: "yes" } },
        "PATCH",
        `/${base}/custom-fields`,
      );
      expect(request.body).toEqual({
        operations: [
          {
            objectId: record.id,
            customFields: [
              { name: "Bin", value: "A-12" },
              { name: "Checked", value: "yes" },
            ],
          },
        ],
      });
      expect(db().get(base, record.id)!.customFields).toEqual(
        expect.arrayContaining([
          { name: "Bin", value: "A-12" },
          { name: "Checked", value: "yes" },
        ]),
      );
    });

    it("updates several receipts at once through Operations, and refuses half an update", async () => {
      const [a, b] = db().all("receipts");
      const operations = [
        { objectId: a.id, customFields: [{ name: "Dock", value: "2" }] },
        { objectId: b.id, customFields: [{ name: "Dock", value: "3" }] },
      ];
      const { request } = await call(
        "updateReceiptCustomFields",
        { operations: JSON.stringify(operations) },
        "PATCH",
        "/receipts/custom-fields",
      );
      expect(request.body).toEqual({ operations });
      expect(db().get("receipts", b.id)!.customFields).toContainEqual({ name: "Dock", value: "3" });
      await expectRefused("updateVendorCustomFields", { vendorId: "450001" }, /Input "Custom Fields": is required with Vendor ID/);
      await expectRefused("updateTransferCustomFields", { customFields: { Bin: "A" } }, /Input "Transfer ID": is required/);
      await expectRefused("updateAdjustmentCustomFields", {}, /Input "Adjustment ID": and Custom Fields \(or Operations\) are required/);
      await expectRefused(
        "updateReturnCustomFields",
        { operations: '[{"objectId":"r1","customFields":[{"name":"Bin","value":"A"}]}]' },
        /Input "Operations item 1.objectId": "r1" is not a whole number/,
      );
    });

    it("links each record id to its dropdown, and lists vendor custom field types", async () => {
      expect(kinds.map(([key, , idKey]) => inputOf(key, idKey).dataSource)).toEqual([
        "selectAdjustment",
        "selectReceipt",
        "selectReturn",
        "selectTransfer",
        "selectVendor",
      ]);
      const { data, request } = await call("listVendorCustomFieldTypes", { page: "1" }, "GET", "/vendors/custom-fields");
      expect(request.query).toEqual({ page: "1" });
      expect(Array.isArray(data.data)).toBe(true);
    });
  });

  describe("Intacct business unit mappings", () => {
    it("lists the mappings with the required paging filled in, and only the business units asked for", async () => {
      const { data, request } = await call("listIntacctBusinessUnitMappings", {}, "GET", "/business-units/intacct");
      expect(request.query).toEqual({ page: "1", pageSize: "50", includeTotal: "false" });
      const units = db().all("business-units");
      expect(data.data).toHaveLength(Math.min(50, units.length));
      expect(data.data[0]).toMatchObject({ id: units[0].id, name: units[0].name, intacctLocationId: `LOC-${units[0].id}` });
      const one = await call(
        "listIntacctBusinessUnitMappings",
        { ids: [String(units[1].id)], includeTotal: true },
        "GET",
        "/business-units/intacct",
      );
      expect(one.data.data.map((m: { id: number }) => m.id)).toEqual([units[1].id]);
      expect(one.data.totalCount).toBe(1);
      await expectRefused("listIntacctBusinessUnitMappings", { pageSize: "1000" }, /Input "Page Size"/);
      await expectRefused("listIntacctBusinessUnitMappings", { ids: ["main"] }, /Input "Business Unit IDs"/);
    });
  });

  describe("inventory bills", () => {
    it("reads one inventory bill by id through the list endpoint, and names a missing one", async () => {
      const bill = db().all("inventory-bills")[0];
      const { data, request } = await call("getInventoryBill", { id: String(bill.id) }, "GET", "/inventory-bills");
      expect(request.query).toEqual({ ids: String(bill.id) });
      expect(data).toMatchObject({ id: bill.id, referenceNumber: bill.referenceNumber });
      expect((await failure("getInventoryBill", { id: "375999" })).message).toMatch(/Inventory bill 375999 was not found/);
      await expectRefused("getInventoryBill", { id: "PO-2001" }, /Input "Inventory Bill ID": "PO-2001" is not a whole number/);
    });
  });
});
