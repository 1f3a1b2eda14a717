import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";
import { checkDropdowns, runCases, type Case } from "./supplyHelpers";

/** Pricebook: every action sends its operation's request, writes change the sandbox's pricebook, bad input is refused. */
describe("pricebook", () => {
  const ctx = useSandbox();
  const { run, expectRefused, failure } = actionsOn(ctx);
  const guid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  // Seed: categories 430001 Heating … 430005 HVAC Parts; services 400001…; materials 410001…; equipment 420001…
  const created: Record<string, number> = {};

  describe("services, materials and equipment", () => {
    const cases: Case[] = [
      {
        key: "listServices",
        params: { searchText: "tune", sort: "+Code", includeTotal: true },
        method: "GET",
        path: "/services",
        query: { searchText: "tune", sort: "+Code", includeTotal: "true", active: "True" },
        check: (page) => expect(page.data.map((s: { code: string }) => s.code)).toEqual(["AC-TUNE", "HV-TUNE"]),
      },
      {
        key: "createService",
        params: {
          code: "HV-MAINT",
          displayName: "Maintenance Visit",
          description: "Seasonal maintenance",
          price: "129.00",
          memberPrice: "99",
          categories: ["430001", "430002"],
          hours: "1.5",
          serviceMaterials: '[{ "skuId": 410001, "quantity": 1 }]',
          externalData: `{ "applicationGuid": "${guid}", "externalData": [{ "key": "erpId", "value": "S-1" }] }`,
        },
        method: "POST",
        path: "/services",
        body: {
          code: "HV-MAINT",
          displayName: "Maintenance Visit",
          description: "Seasonal maintenance",
          price: 129,
          memberPrice: 99,
          categories: [430001, 430002],
          hours: 1.5,
          serviceMaterials: [{ skuId: 410001, quantity: 1 }],
          externalData: { applicationGuid: guid, externalData: [{ key: "erpId", value: "S-1" }] },
        },
        check: (service, db) => {
          created.service = service.id;
          expect(db.get("services", service.id)).toMatchObject({
            code: "HV-MAINT",
            price: 129,
            categories: [
              { id: 430001, name: "Heating", active: true },
              { id: 430002, name: "Cooling", active: true },
            ],
            externalData: [{ key: "erpId", value: "S-1" }],
          });
        },
      },
      {
        key: "getService",
        params: { id: "400001" },
        method: "GET",
        path: "/services/400001",
        check: (s) => expect(s).toMatchObject({ id: 400001, code: "HV-TUNE" }),
      },
      {
        key: "updateService",
        params: { id: "400001", price: "94.50", categories: ["430003"] },
        method: "PATCH",
        path: "/services/400001",
        body: { price: 94.5, categories: [430003] },
        check: (_s, db) =>
          expect(db.get("services", 400001)).toMatchObject({ price: 94.5, categories: [{ id: 430003, name: "Plumbing" }] }),
      },
      {
        key: "deleteService",
        params: { id: "400005" },
        method: "DELETE",
        path: "/services/400005",
        check: (_r, db) => expect(db.get("services", 400005)).toMatchObject({ active: false, deleted: true }),
      },
      {
        key: "listMaterials",
        params: { costTypeIds: ["1", "2"], ids: ["410001", "410002"] },
        method: "GET",
        path: "/materials",
        query: { costTypeIds: "1,2", ids: "410001,410002", active: "True" },
      },
      {
        key: "createMaterial",
        params: {
          code: "CAP-405",
          description: "Run capacitor 40/5",
          cost: "11.20",
          price: "62",
          primaryVendor: '{ "vendorId": 450001, "cost": 11.2, "active": true, "vendorPart": "C405" }',
          costTypeId: "2",
        },
        method: "POST",
        path: "/materials",
        body: {
          code: "CAP-405",
          description: "Run capacitor 40/5",
          cost: 11.2,
          price: 62,
          primaryVendor: { vendorId: 450001, cost: 11.2, active: true, vendorPart: "C405" },
          costTypeId: 2,
        },
        check: (material, db) => expect(db.get("materials", material.id)).toMatchObject({ code: "CAP-405", cost: 11.2 }),
      },
      {
        key: "getMaterial",
        params: { id: "410002" },
        method: "GET",
        path: "/materials/410002",
        check: (m) => expect(m.code).toBe("CAP-455"),
      },
      {
        key: "updateMaterial",
        params: { id: "410002", cost: "13.05", active: "false" },
        method: "PATCH",
        path: "/materials/410002",
        body: { cost: 13.05, active: false },
        check: (_m, db) => expect(db.get("materials", 410002)).toMatchObject({ cost: 13.05, active: false }),
      },
      { key: "deleteMaterial", params: { id: "410004" }, method: "DELETE", path: "/materials/410004" },
      { key: "listPricebookEquipment", params: { active: "Any" }, method: "GET", path: "/equipment", query: { active: "Any" } },
      {
        key: "createPricebookEquipment",
        params: {
          code: "HP-3T",
          description: "3 Ton heat pump",
          manufacturer: "Trane",
          model: "XR16",
          price: "6100",
          recommendations: '[{ "skuId": 400001, "type": "Service" }]',
          dimensions: '{ "height": 35, "width": 30, "depth": 30 }',
        },
        method: "POST",
        path: "/equipment",
        body: {
          code: "HP-3T",
          description: "3 Ton heat pump",
          manufacturer: "Trane",
          model: "XR16",
          price: 6100,
          recommendations: [{ skuId: 400001, type: "Service" }],
          dimensions: { height: 35, width: 30, depth: 30 },
        },
        check: (equipment, db) => {
          created.equipment = equipment.id;
          expect(db.get("equipment", equipment.id)).toMatchObject({ manufacturer: "Trane", model: "XR16" });
        },
      },
      { key: "getPricebookEquipment", params: { id: "420001" }, method: "GET", path: "/equipment/420001" },
      {
        key: "updatePricebookEquipment",
        params: { id: "420001", model: "G61MP", upgrades: ["420002"] },
        method: "PATCH",
        path: "/equipment/420001",
        body: { model: "G61MP", upgrades: [420002] },
        check: (_e, db) => expect(db.get("equipment", 420001)).toMatchObject({ model: "G61MP", upgrades: [420002] }),
      },
      { key: "deletePricebookEquipment", params: { id: "420003" }, method: "DELETE", path: "/equipment/420003" },
    ];
    runCases(ctx, cases);

    it("answers 404 for a deleted item and refuses bad input before any request", async () => {
      expect((await failure("getService", { id: "400005" })).message).toMatch(/Service 400005 was not found/);
      await expectRefused(
        "createService",
        { code: "X", description: "x", categories: ["heating"] },
        /Input "Category IDs": "heating" is not a whole number/,
      );
      await expectRefused("createMaterial", { code: "X", description: "x", price: "twelve" }, /Input "Price": "twelve" is not a number/);
      await expectRefused("createPricebookEquipment", { description: "no code" }, /Input "Code": is required/);
      await expectRefused(
        "updatePricebookEquipment",
        { id: "420001", dimensions: '{ "height": "tall" }' },
        /Input "Dimensions": .*height.*must be a number/,
      );
      await expectRefused("getPricebookEquipment", { id: "furnace" }, /Input "Pricebook Equipment ID": "furnace" is not a whole number/);
    });
  });

  describe("categories, discounts and fees, markups, cost types, rate sheets", () => {
    const cases: Case[] = [
      {
        key: "listPricebookCategories",
        params: { categoryType: "Services" },
        method: "GET",
        path: "/categories",
        query: { categoryType: "Services", active: "True" },
        check: (page) => {
          const heating = page.data.find((c: { id: number }) => c.id === 430001);
          expect(heating.subcategories.map((c: { name: string }) => c.name)).toEqual(["Furnace Repair"]);
          expect(page.data.map((c: { id: number }) => c.id)).not.toContain(430004); // subcategories are nested, not listed
        },
      },
      {
        key: "createPricebookCategory",
        params: { name: "Ductless", categoryType: "Services", parentId: "430002", businessUnitIds: ["101", "102"] },
        method: "POST",
        path: "/categories",
        body: { name: "Ductless", categoryType: "Services", parentId: 430002, businessUnitIds: [101, 102] },
        check: (category, db) => {
          created.category = category.id;
          expect(db.get("categories", category.id)).toMatchObject({ name: "Ductless", parentId: 430002 });
        },
      },
      {
        key: "getPricebookCategory",
        params: { id: "430002" },
        method: "GET",
        path: "/categories/430002",
        check: (c) => expect(c.subcategories).toHaveLength(1),
      },
      {
        key: "updatePricebookCategory",
        params: { id: "430005", name: "HVAC Parts & Supplies", position: "2" },
        method: "PATCH",
        path: "/categories/430005",
        body: { name: "HVAC Parts & Supplies", position: 2 },
        check: (_c, db) => expect(db.get("categories", 430005)).toMatchObject({ name: "HVAC Parts & Supplies", position: 2 }),
      },
      { key: "deletePricebookCategory", params: { id: "430004" }, method: "DELETE", path: "/categories/430004" },
      {
        key: "listDiscountsAndFees",
        params: { searchText: "discount" },
        method: "GET",
        path: "/discounts-and-fees",
        check: (p) => expect(p.data).toHaveLength(2),
      },
      {
        key: "createDiscountAndFee",
        params: { type: "Fee", code: "FEE-TRIP", description: "Trip charge", amountType: "Fixed", amount: "49.00" },
        method: "POST",
        path: "/discounts-and-fees",
        body: { type: "Fee", code: "FEE-TRIP", description: "Trip charge", amountType: "Fixed", amount: 49 },
        check: (fee, db) => expect(db.get("discounts-and-fees", fee.id)).toMatchObject({ code: "FEE-TRIP", amount: 49 }),
      },
      { key: "getDiscountAndFee", params: { id: "480001" }, method: "GET", path: "/discounts-and-fees/480001" },
      {
        key: "updateDiscountAndFee",
        params: { id: "480001", amount: "12.5", limit: "100" },
        method: "PATCH",
        path: "/discounts-and-fees/480001",
        body: { amount: 12.5, limit: 100 },
        check: (_d, db) => expect(db.get("discounts-and-fees", 480001)).toMatchObject({ amount: 12.5, limit: 100 }),
      },
      { key: "deleteDiscountAndFee", params: { id: "480003" }, method: "DELETE", path: "/discounts-and-fees/480003" },
      { key: "listMaterialsMarkups", params: { pageSize: "10" }, method: "GET", path: "/materialsmarkup", query: { pageSize: "10" } },
      {
        key: "createMaterialsMarkup",
        params: { from: "100000.01", to: "500000", percent: "20" },
        method: "POST",
        path: "/materialsmarkup",
        body: { id: 0, from: 100000.01, to: 500000, percent: 20 },
        check: (answer, db) => expect(db.get("materials-markups", answer.data.id)).toMatchObject({ percent: 20 }),
      },
      {
        key: "getMaterialsMarkup",
        params: { id: "481001" },
        method: "GET",
        path: "/materialsmarkup/481001",
        check: (a) => expect(a.data.percent).toBe(100),
      },
      {
        key: "updateMaterialsMarkup",
        params: { id: "481001", from: "0", to: "100", percent: "90" },
        method: "PUT",
        path: "/materialsmarkup/481001",
        body: { id: 481001, from: 0, to: 100, percent: 90 },
        check: (_a, db) => expect(db.get("materials-markups", 481001)).toMatchObject({ percent: 90 }),
      },
      {
        key: "listMaterialCostTypes",
        params: {},
        method: "GET",
        path: "/materials/costtypes",
        check: (p) => expect(p.data[0]).toEqual({ id: 1, name: "Subcontractor" }),
      },
      { key: "listRateSheets", params: { active: "Any" }, method: "GET", path: "/clientspecificpricing" },
      {
        key: "updateRateSheet",
        params: { rateSheetId: "482001", exceptions: '[{ "skuId": 400001, "value": 10, "valueType": "DiscountPercent" }]' },
        method: "PATCH",
        path: "/clientspecificpricing/482001",
        body: { exceptions: [{ skuId: 400001, value: 10, valueType: "DiscountPercent" }] },
        check: (_r, db) =>
          expect(db.get("rate-sheets", 482001)?.exceptions).toEqual([
            { skuId: 400001, value: 10, valueType: "DiscountPercent", skuType: "Service" },
          ]),
      },
    ];
    runCases(ctx, cases);

    it("refuses bad input before any request", async () => {
      await expectRefused(
        "createPricebookCategory",
        { name: "X", categoryType: "Parts" },
        /Input "Category Type": "Parts" is not one of Services, Materials/,
      );
      await expectRefused("getPricebookCategory", { id: "heating" }, /Input "Pricebook Category ID": "heating" is not a whole number/);
      await expectRefused(
        "createDiscountAndFee",
        { type: "Discount", code: "D", description: "d", amountType: "Percent", amount: "5" },
        /Input "Amount Type": "Percent" is not one of Percentage, Fixed/,
      );
      await expectRefused("updateMaterialsMarkup", { id: "481001", from: "0", to: "100" }, /Input "Percent": is required/);
      await expectRefused(
        "updateRateSheet",
        { rateSheetId: "482001", exceptions: '[{ "skuId": 1, "value": 10, "valueType": "Half" }]' },
        /Input "Exceptions": .*valueType.*must be one of Percent, Dollar/,
      );
    });

    it("refuses a category with subcategories being deleted (409) and unknown category ids on items (400)", async () => {
      expect((await failure("deletePricebookCategory", { id: "430002" })).message).toMatch(/409.*has subcategories/);
      expect((await failure("createService", { code: "X", description: "x", categories: ["439999"] })).message).toMatch(
        /400.*categories\[0\]: Category with id 439999 not found/,
      );
    });
  });

  describe("bulk create and update", () => {
    runCases(ctx, [
      {
        key: "bulkCreatePricebookItems",
        params: {
          services: '[{ "code": "BLK-S1", "description": "Bulk service", "price": 10, "customId": "erp-s1" }]',
          materials: '[{ "code": "BLK-M1", "description": "Bulk material", "cost": 2.5, "customId": "erp-m1" }]',
        },
        method: "POST",
        path: "/pricebook",
        body: {
          services: [{ code: "BLK-S1", description: "Bulk service", price: 10, customId: "erp-s1" }],
          materials: [{ code: "BLK-M1", description: "Bulk material", cost: 2.5, customId: "erp-m1" }],
        },
        check: (answer, db) => {
          expect(answer.services).toEqual([{ customId: "erp-s1", id: expect.any(Number) }]);
          expect(db.get("services", answer.services[0].id)).toMatchObject({ code: "BLK-S1" });
          expect(db.get("materials", answer.materials[0].id)).toMatchObject({ code: "BLK-M1", cost: 2.5 });
        },
      },
    ]);

    it("bulkUpdatePricebookItems updates each item by id", async () => {
      const service = {
        id: 400002,
        code: "HV-DIAG",
        displayName: "HVAC Diagnostic",
        description: "Diagnostic visit",
        warranty: { duration: 30, description: "30 days" },
        categories: [430001],
        price: 85,
        memberPrice: 0,
        addOnPrice: 85,
        addOnMemberPrice: 0,
        taxable: false,
        account: "4000",
        intacctGlGroupAccount: "",
        hours: 1,
        isLabor: true,
        recommendations: [],
        upgrades: [],
        assets: [],
        serviceMaterials: [],
        serviceEquipment: [],
        active: true,
        crossSaleGroup: "",
        paysCommission: false,
        bonus: 0,
        commissionBonus: 0,
        budgetCostCode: "",
        budgetCostType: "",
        isPriceLocked: false,
      };
      ctx.sandbox.resetStats();
      try {
        await run("bulkUpdatePricebookItems", { services: JSON.stringify([service]) });
      } catch (error) {
        // The spec's bulk update item requires fields the test may not list: say which, to keep the case honest.
        throw new Error(`bulk update refused: ${(error as Error).message}`);
      }
      expect(ctx.sandbox.db.get("services", 400002)).toMatchObject({ price: 85, description: "Diagnostic visit" });
      await expectRefused("bulkUpdatePricebookItems", { services: '[{ "id": 400002, "price": "cheap" }]' }, /Input "Services"/);
    });
  });

  describe("images", () => {
    it("uploads an image and downloads it by the path the upload returned", async () => {
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
      const uploaded = await run("uploadPricebookImage", { file: { data: bytes, contentType: "image/jpeg" }, fileName: "filter.jpg" });
      expect(uploaded.path).toMatch(/^Pricebook\/Images\/.+\.jpg$/);
      const request = ctx.sandbox.requests.find((r) => r.method === "POST" && r.path.endsWith("/images"))!;
      expect(request.body).toEqual({ file: { fileName: "filter.jpg", contentType: "image/jpeg", size: bytes.length } });
      const { runAction } = await import("../support");
      const file = (await runAction("downloadPricebookImage", { connection: ctx.connection, path: uploaded.path })) as {
        data: Buffer;
        contentType: string;
      };
      expect(Buffer.compare(file.data, bytes)).toBe(0);
      expect(file.contentType).toBe("image/jpeg");
      expect((await failure("downloadPricebookImage", { path: "Pricebook/Images/missing.jpg" })).message).toMatch(
        /Pricebook image Pricebook\/Images\/missing.jpg was not found/,
      );
      await expectRefused("downloadPricebookImage", {}, /Input "Image Path": is required/);
    });
  });

  describe("export feeds (served from the same records)", () => {
    it("lists a deleted service as inactive in the services feed", async () => {
      const page = await run("rawRequest", { method: "GET", url: "/pricebook/v2/tenant/{tenant}/export/services", responseType: "json" });
      expect(page.data.find((s: { id: number }) => s.id === 400005)).toMatchObject({ active: false });
      expect(page.data.find((s: { id: number }) => s.id === 400001)).toMatchObject({ active: true, price: 94.5 });
    });
  });

  describe("dropdowns", () => {
    checkDropdowns(ctx, [
      ["selectService", {}, /^Furnace Tune-Up \[HV-TUNE\] \(ID: 400001\)$/],
      ["selectMaterial", {}, /Pleated Filter 16x25x1 \[FLT-16251\]/],
      ["selectEquipment", {}, /80% Gas Furnace/],
      ["selectPricebookCategory", {}, /^Heating \(ID: 430001\)$/],
      ["selectDiscountAndFee", {}, /^Senior Discount \(Discount, ID: 480002\)$|Member Discount/],
      ["selectMaterialsMarkup", {}, /%/],
      ["selectMaterialCostType", {}, /^Subcontractor \(ID: 1\)$/],
      ["selectRateSheet", {}, /^Rate sheet 482001/],
    ]);
  });
});
