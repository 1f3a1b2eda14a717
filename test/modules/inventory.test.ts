import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";
import { checkDropdowns, runCases, type Case } from "./supplyHelpers";

/**
 * Inventory: every action sends its operation's request and the sandbox's state shows the effect. Seed: vendors
 * 450001…, purchase orders 460001 Pending, 460002 Sent, 460003 PartiallyReceived, 460004 Received, 460005 Canceled;
 * requests 470001–470003 PendingApproval; PO types 483001 Stock …; warehouses 490001 Main, 490002; trucks 491001…
 */
describe("inventory", () => {
  const ctx = useSandbox();
  const { expectRefused, failure } = actionsOn(ctx);
  const guid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  const created: Record<string, number> = {};
  const shipTo = {
    description: "Main Warehouse",
    address: { street: "4020 E University Dr", unit: "", city: "Phoenix", state: "AZ", zip: "85034", country: "USA" },
  };
  const newPo = {
    vendorId: "450001",
    typeId: "483001",
    businessUnitId: "101",
    inventoryLocationId: "490001",
    shipTo: JSON.stringify(shipTo),
    impactsTechnicianPayroll: "false",
    date: "2025-02-03",
    requiredOn: "2025-02-06T17:00:00-07:00",
    tax: "5.25",
    shipping: "10",
    items: JSON.stringify([{ skuId: 410001, description: "Pleated filter", vendorPartNumber: "FLT-16251", quantity: 10, cost: 4.25 }]),
  };
  const typeSettings = {
    name: "Warranty",
    active: "true",
    includeInPoScreen: "true",
    automaticallyReceive: "false",
    displayToTechnician: "true",
    excludeTaxFromJobCosting: "false",
    impactToTechnicianPayroll: "false",
    allowTechniciansToSendPo: "false",
    defaultRequiredDateDaysOffset: "5",
    skipWeekends: "true",
    requireJobBeforeReceipt: "false",
    includeInSalesTax: "true",
    isDefault: "false",
    copyPurchaseOrderItemsToInvoiceWhenReceived: "false",
    isDefaultForConsignment: "false",
    alertSettings:
      '{ "sendEmailToTechnicianWhenPoMovedToSend": false, "sendEmailToTechnicianWhenPoMovedToReceived": true, "sendEmailToPmWhenPoMovedToSend": false, "sendEmailToPmWhenPoMovedToReceived": false }',
  };

  describe("purchase orders and their requests, types and markups", () => {
    const cases: Case[] = [
      {
        key: "listPurchaseOrders",
        params: { status: "PartiallyReceived", sort: "-Id" },
        method: "GET",
        path: "/purchase-orders",
        query: { status: "PartiallyReceived", sort: "-Id" },
        check: (page) => expect(page.data.map((po: { id: number }) => po.id)).toEqual([460003]),
      },
      {
        key: "getPurchaseOrder",
        params: { id: "460001" },
        method: "GET",
        path: "/purchase-orders/460001",
        check: (po) => expect(po).toMatchObject({ number: "PO-1001", status: "Pending", items: [{ skuCode: "FLT-16251", quantity: 24 }] }),
      },
      {
        key: "createPurchaseOrder",
        params: newPo,
        method: "POST",
        path: "/purchase-orders",
        body: {
          vendorId: 450001,
          typeId: 483001,
          businessUnitId: 101,
          inventoryLocationId: 490001,
          shipTo,
          impactsTechnicianPayroll: false,
          date: "2025-02-03T00:00:00.000Z",
          requiredOn: "2025-02-07T00:00:00.000Z",
          tax: 5.25,
          shipping: 10,
          items: [{ skuId: 410001, description: "Pleated filter", vendorPartNumber: "FLT-16251", quantity: 10, cost: 4.25 }],
        },
        check: (answer, db) => {
          created.po = answer.id;
          expect(db.get("purchase-orders", answer.id)).toMatchObject({
            status: "Pending",
            vendorId: 450001,
            total: 57.75,
            items: [{ skuName: "Pleated Filter 16x25x1", quantity: 10, quantityReceived: 0 }],
          });
        },
      },
      {
        key: "updatePurchaseOrder",
        params: () => ({
          id: String(created.po),
          memo: "Call before delivery",
          items: '[{ "id": 0, "skuId": 410002, "description": "Capacitor", "vendorPartNumber": "CAP-455", "quantity": 3, "cost": 12.4 }]',
        }),
        method: "PATCH",
        path: () => `/purchase-orders/${created.po}`,
        body: {
          memo: "Call before delivery",
          items: [{ id: 0, skuId: 410002, description: "Capacitor", vendorPartNumber: "CAP-455", quantity: 3, cost: 12.4 }],
        },
        check: (_a, db) => expect(db.get("purchase-orders", created.po)).toMatchObject({ summary: "Call before delivery", total: 52.45 }),
      },
      {
        key: "cancelPurchaseOrder",
        params: { id: "460002", canceledReason: "VendorIssue" },
        method: "PATCH",
        path: "/purchase-orders/460002/cancellation",
        body: { canceledReason: "VendorIssue" },
        check: (_a, db) => expect(db.get("purchase-orders", 460002)).toMatchObject({ status: "Canceled", canceledReason: "VendorIssue" }),
      },
      {
        key: "listPurchaseOrderRequests",
        params: { requestStatus: "PendingApproval", includeTotal: true },
        method: "GET",
        path: "/purchase-orders/requests",
        query: { requestStatus: "PendingApproval", includeTotal: "true" },
        check: (page) => expect(page.totalCount).toBe(3),
      },
      {
        key: "approvePurchaseOrderRequest",
        params: { id: "470001" },
        method: "PATCH",
        path: "/purchase-orders/requests/470001/approve",
        check: (_a, db) => {
          const request = db.get("purchase-order-requests", 470001)!;
          expect(request.requestStatus).toBe("Approved");
          expect(db.get("purchase-orders", request.purchaseOrderId)).toMatchObject({
            status: "Pending",
            requestId: 470001,
            vendorId: request.vendorId,
          });
        },
      },
      {
        key: "rejectPurchaseOrderRequest",
        params: { id: "470002", rejectionReason: "CostTooHigh" },
        method: "PATCH",
        path: "/purchase-orders/requests/470002/reject",
        body: { rejectionReason: "CostTooHigh" },
        check: (_a, db) =>
          expect(db.get("purchase-order-requests", 470002)).toMatchObject({ requestStatus: "Rejected", rejectionReason: "CostTooHigh" }),
      },
      {
        key: "listPurchaseOrderTypes",
        params: {},
        method: "GET",
        path: "/purchase-order-types",
        check: (p) => expect(p.data).toHaveLength(3),
      },
      {
        key: "createPurchaseOrderType",
        params: typeSettings,
        method: "POST",
        path: "/purchase-order-types",
        check: (answer, db) => {
          created.type = answer.id;
          expect(db.get("purchase-order-types", answer.id)).toMatchObject({
            name: "Warranty",
            defaultRequiredDateDaysOffset: 5,
            skipWeekends: true,
          });
        },
      },
      {
        key: "updatePurchaseOrderType",
        params: () => ({
          id: String(created.type),
          ...typeSettings,
          name: "Warranty Parts",
          landedCostMethod: "ByValue",
          includeTaxInFullyLandedCost: "false",
        }),
        method: "PATCH",
        path: () => `/purchase-order-types/${created.type}`,
        check: (_a, db) =>
          expect(db.get("purchase-order-types", created.type)).toMatchObject({ name: "Warranty Parts", landedCostMethod: "ByValue" }),
      },
      {
        key: "listPurchaseOrderMarkups",
        params: { sort: "+From" },
        method: "GET",
        path: "/purchase-order-markups",
        query: { sort: "+From" },
      },
      {
        key: "getPurchaseOrderMarkup",
        params: { id: "484002" },
        method: "GET",
        path: "/purchase-order-markups/484002",
        check: (m) => expect(m.percent).toBe(60),
      },
      {
        key: "createPurchaseOrderMarkup",
        params: { from: "100000.01", to: "1000000", percent: "15" },
        method: "POST",
        path: "/purchase-order-markups",
        body: { from: 100000.01, to: 1000000, percent: 15 },
        check: (m, db) => expect(db.get("purchase-order-markups", m.id)).toMatchObject({ percent: 15 }),
      },
      {
        key: "updatePurchaseOrderMarkup",
        params: { id: "484001", from: "0", to: "50", percent: "110" },
        method: "PATCH",
        path: "/purchase-order-markups/484001",
        body: { from: 0, to: 50, percent: 110 },
        check: (_m, db) => expect(db.get("purchase-order-markups", 484001)).toMatchObject({ percent: 110 }),
      },
      {
        key: "deletePurchaseOrderMarkup",
        params: { id: "484003" },
        method: "DELETE",
        path: "/purchase-order-markups/484003",
        check: (_m, db) => expect(db.get("purchase-order-markups", 484003)).toMatchObject({ deleted: true }),
      },
    ];
    runCases(ctx, cases);

    it("answers 409 for a purchase order that is already canceled or received, and a request no longer pending", async () => {
      expect((await failure("cancelPurchaseOrder", { id: "460005", canceledReason: "Duplicate" })).message).toMatch(
        /409.*already canceled/,
      );
      expect((await failure("updatePurchaseOrder", { id: "460004", memo: "x" })).message).toMatch(/409.*Received and cannot be updated/);
      expect((await failure("approvePurchaseOrderRequest", { id: "470005" })).message).toMatch(/409.*REQ-105 is Rejected/);
      expect((await failure("createPurchaseOrder", { ...newPo, vendorId: "459999" })).message).toMatch(
        /400.*vendorId: Vendor with id 459999 not found/,
      );
    });

    it("refuses bad input before any request", async () => {
      await expectRefused(
        "createPurchaseOrder",
        { ...newPo, typeId: "Stock" },
        /Input "Purchase Order Type ID": "Stock" is not a whole number/,
      );
      await expectRefused(
        "createPurchaseOrder",
        { ...newPo, items: '[{ "skuId": 410001, "quantity": "ten" }]' },
        /Input "Items": .*items\[0\]/,
      );
      await expectRefused("createPurchaseOrder", { ...newPo, shipTo: '{ "description": "x" }' }, /Input "Ship To": .*address.*is required/);
      await expectRefused(
        "listPurchaseOrders",
        { status: "Open" },
        /Input "Status": "Open" is not one of Pending, Sent, PartiallyReceived, Received, Exported, Canceled/,
      );
      await expectRefused(
        "cancelPurchaseOrder",
        { id: "460001", canceledReason: "Whatever" },
        /Input "Cancel Reason": "Whatever" is not one of/,
      );
      await expectRefused("rejectPurchaseOrderRequest", { id: "470003" }, /Input "Rejection Reason": is required/);
      await expectRefused(
        "approvePurchaseOrderRequest",
        { id: "REQ-103" },
        /Input "Purchase Order Request ID": "REQ-103" is not a whole number/,
      );
      await expectRefused("listPurchaseOrders", { jobIds: ["10001", "J2"] }, /Input "Job IDs": "J2" is not a whole number/);
    });
  });

  describe("receipts, returns, transfers and adjustments", () => {
    const cases: Case[] = [
      {
        key: "listReceipts",
        params: { purchaseOrderIds: ["460003", "460004"], vendorIds: ["450001"] },
        method: "GET",
        path: "/receipts",
        query: { purchaseOrderIds: "460003,460004", vendorIds: "450001", active: "True" },
        check: (page) => expect(page.data).toHaveLength(2),
      },
      {
        key: "createReceipt",
        params: {
          purchaseOrderId: "460001",
          dateReceived: "2025-02-10T16:00:00Z",
          tax: "0",
          shipping: "0",
          items: JSON.stringify([{ purchaseOrderItemId: 46000101, skuId: 410001, quantity: 24, cost: 6.1 }]),
        },
        method: "POST",
        path: "/receipts",
        body: {
          purchaseOrderId: 460001,
          dateReceived: "2025-02-10T16:00:00.000Z",
          tax: 0,
          shipping: 0,
          items: [{ purchaseOrderItemId: 46000101, skuId: 410001, quantity: 24, cost: 6.1 }],
        },
        check: (answer, db) => {
          created.receipt = answer.id;
          expect(db.get("receipts", answer.id)).toMatchObject({ purchaseOrderId: 460001, receiptAmount: 146.4 });
          expect(db.get("purchase-orders", 460001)).toMatchObject({ status: "Received", items: [{ quantityReceived: 24 }] });
        },
      },
      {
        key: "cancelReceipt",
        params: () => ({ id: String(created.receipt), canceledReason: "Accidental" }),
        method: "PATCH",
        path: () => `/receipts/${created.receipt}/cancellation`,
        body: { canceledReason: "Accidental" },
        check: (_a, db) => {
          expect(db.get("receipts", created.receipt)).toMatchObject({ active: false, canceledReason: "Accidental" });
          expect(db.get("purchase-orders", 460001)).toMatchObject({ status: "Pending", items: [{ quantityReceived: 0 }] });
        },
      },
      {
        key: "listReturns",
        params: { vendorIds: ["450001"], returnDateOnOrAfter: "2025-01-01" },
        method: "GET",
        path: "/returns",
        check: (p) => expect(p.data).toHaveLength(2),
      },
      {
        key: "createReturn",
        params: {
          vendorId: "450002",
          returnTypeId: "487001",
          businessUnitId: "101",
          inventoryLocationId: "491001",
          returnDate: "2025-02-12",
          tax: "0",
          shipping: "8.50",
          restockingFee: "0",
          items: '[{ "skuId": 410002, "description": "Capacitor", "quantity": 2, "cost": 12.4 }]',
        },
        method: "POST",
        path: "/returns",
        body: {
          vendorId: 450002,
          returnTypeId: 487001,
          businessUnitId: 101,
          inventoryLocationId: 491001,
          returnDate: "2025-02-12T00:00:00.000Z",
          tax: 0,
          shipping: 8.5,
          restockingFee: 0,
          items: [{ skuId: 410002, description: "Capacitor", quantity: 2, cost: 12.4 }],
        },
        check: (answer, db) => {
          created.return = answer.id;
          expect(db.get("returns", answer.id)).toMatchObject({ status: "Pending", returnAmount: 33.3 });
        },
      },
      {
        key: "updateReturn",
        params: () => ({
          id: String(created.return),
          referenceNumber: "RMA-77",
          externalData: `{ "applicationGuid": "${guid}", "patchMode": "Merge", "externalData": [{ "key": "erp", "value": "R77" }] }`,
        }),
        method: "PATCH",
        path: () => `/returns/${created.return}`,
        check: (_a, db) =>
          expect(db.get("returns", created.return)).toMatchObject({
            referenceNumber: "RMA-77",
            externalData: [{ key: "erp", value: "R77" }],
          }),
      },
      {
        key: "cancelReturn",
        params: () => ({ id: String(created.return), canceledReason: "NotRequired" }),
        method: "PATCH",
        path: () => `/returns/${created.return}/cancellation`,
        check: (_a, db) => expect(db.get("returns", created.return)).toMatchObject({ status: "Canceled", canceledReason: "NotRequired" }),
      },
      {
        key: "listReturnTypes",
        params: { activeOnly: "true", name: "def" },
        method: "GET",
        path: "/return-types",
        query: { activeOnly: "true", name: "def" },
        check: (p) => expect(p.data).toHaveLength(1),
      },
      {
        key: "createReturnType",
        params: {
          name: "Restock",
          automaticallyReceiveVendorCredit: "true",
          includeInSalesTax: "true",
          isDefault: "false",
          isDefaultForConsignment: "false",
        },
        method: "POST",
        path: "/return-types",
        body: {
          name: "Restock",
          automaticallyReceiveVendorCredit: true,
          includeInSalesTax: true,
          isDefault: false,
          isDefaultForConsignment: false,
        },
        check: (answer, db) => expect(db.get("return-types", answer.id)).toMatchObject({ name: "Restock" }),
      },
      {
        key: "updateReturnType",
        params: { id: "487002", name: "Overstock (credit)", active: "false" },
        method: "PATCH",
        path: "/return-types/487002",
        body: { name: "Overstock (credit)", active: false, id: 487002 },
        check: (_a, db) => expect(db.get("return-types", 487002)).toMatchObject({ name: "Overstock (credit)", active: false }),
      },
      {
        key: "listTransfers",
        params: { fromLocationIds: ["490001"], statuses: "Picked" },
        method: "GET",
        path: "/transfers",
        query: { fromLocationIds: "490001", statuses: "Picked" },
        check: (p) => expect(p.data).toHaveLength(1),
      },
      {
        key: "updateTransfer",
        params: {
          id: "488001",
          externalData: `{ "applicationGuid": "${guid}", "externalData": [{ "key": "posted", "value": "2025-02-01" }] }`,
        },
        method: "PATCH",
        path: "/transfers/488001",
        body: { externalData: { applicationGuid: guid, externalData: [{ key: "posted", value: "2025-02-01" }] } },
        check: (_a, db) => expect(db.get("transfers", 488001)?.externalData).toEqual([{ key: "posted", value: "2025-02-01" }]),
      },
      {
        key: "listAdjustments",
        params: { adjustmentTypes: "Count", inventoryLocationIds: ["490001"] },
        method: "GET",
        path: "/adjustments",
        check: (p) => expect(p.data).toHaveLength(2),
      },
      {
        key: "updateAdjustment",
        params: { id: "489002", externalData: `{ "applicationGuid": "${guid}", "externalData": [{ "key": "gl", "value": "5100" }] }` },
        method: "PATCH",
        path: "/adjustments/489002",
        check: (_a, db) => expect(db.get("adjustments", 489002)?.externalData).toEqual([{ key: "gl", value: "5100" }]),
      },
    ];
    runCases(ctx, cases);

    it("refuses bad input before any request, and answers 409/400 for what ServiceTitan refuses", async () => {
      await expectRefused(
        "createReceipt",
        { purchaseOrderId: "PO-1001", dateReceived: "2025-01-01", tax: "0", shipping: "0", items: "[]" },
        /Input "Purchase Order ID": "PO-1001" is not a whole number/,
      );
      await expectRefused("cancelReturn", { id: "486001", canceledReason: "Broken" }, /Input "Cancel Reason": "Broken" is not one of/);
      await expectRefused(
        "updateTransfer",
        { id: "488001", externalData: '{ "externalData": [] }' },
        /Input "External Data": needs applicationGuid/,
      );
      await expectRefused("listTransfers", { toLocationIds: ["truck 12"] }, /Input "To Location IDs": "truck 12" is not a whole number/);
      expect((await failure("cancelReturn", { id: String(created.return) })).message).toMatch(/409.*already canceled/);
      expect(
        (await failure("createReceipt", { purchaseOrderId: "460005", dateReceived: "2025-01-01", tax: "0", shipping: "0", items: "[]" }))
          .message,
      ).toMatch(/409.*canceled/);
      expect(
        (
          await failure("createReturn", {
            vendorId: "450001",
            returnTypeId: "487001",
            businessUnitId: "101",
            inventoryLocationId: "450001",
            returnDate: "2025-02-12",
            tax: "0",
            shipping: "0",
            restockingFee: "0",
          })
        ).message,
      ).toMatch(/400.*inventoryLocationId: Inventory location with id 450001 not found/);
    });
  });

  describe("vendors, warehouses, trucks and templates", () => {
    const cases: Case[] = [
      {
        key: "listVendors",
        params: { active: "Any", ids: ["450001", "450004"] },
        method: "GET",
        path: "/vendors",
        query: { active: "Any", ids: ["450001", "450004"] },
        check: (p) => expect(p.data).toHaveLength(2),
      },
      {
        key: "getVendor",
        params: { id: "450002" },
        method: "GET",
        path: "/vendors/450002",
        check: (v) => expect(v).toMatchObject({ name: "Johnstone Supply", defaultTaxRate: 8.6 }),
      },
      {
        key: "createVendor",
        params: {
          name: "Sun Valley Supply",
          active: "true",
          isTruckReplenishment: "false",
          taxRate: "8.6",
          restrictedMobileCreation: "false",
          email: "orders@sunvalley.example",
          deliveryOption: "EmailAsPdf",
          address: '{ "street": "77 W Jefferson St", "unit": "", "city": "Phoenix", "state": "AZ", "zip": "85003", "country": "USA" }',
          tags: '[{ "tagTypeId": 503 }]',
        },
        method: "POST",
        path: "/vendors",
        body: {
          name: "Sun Valley Supply",
          active: true,
          isTruckReplenishment: false,
          taxRate: 8.6,
          restrictedMobileCreation: false,
          email: "orders@sunvalley.example",
          deliveryOption: "EmailAsPdf",
          address: { street: "77 W Jefferson St", unit: "", city: "Phoenix", state: "AZ", zip: "85003", country: "USA" },
          tags: [{ tagTypeId: 503 }],
        },
        check: (answer, db) => {
          created.vendor = answer.id;
          expect(db.get("vendors", answer.id)).toMatchObject({
            name: "Sun Valley Supply",
            defaultTaxRate: 8.6,
            contactInfo: { email: "orders@sunvalley.example" },
            address: { city: "Phoenix" },
          });
        },
      },
      {
        key: "updateVendor",
        params: () => ({ id: String(created.vendor), phone: "6025550199", active: "false" }),
        method: "PATCH",
        path: () => `/vendors/${created.vendor}`,
        body: { phone: "6025550199", active: false },
        check: (_a, db) =>
          expect(db.get("vendors", created.vendor)).toMatchObject({
            active: false,
            contactInfo: { phone: "6025550199", email: "orders@sunvalley.example" },
          }),
      },
      {
        key: "listWarehouses",
        params: {},
        method: "GET",
        path: "/warehouses",
        check: (p) => expect(p.data.map((w: { name: string }) => w.name)).toEqual(["Main Warehouse", "Mesa Satellite"]),
      },
      {
        key: "updateWarehouse",
        params: { id: "490002", externalData: `{ "applicationGuid": "${guid}", "externalData": [{ "key": "site", "value": "MESA" }] }` },
        method: "PATCH",
        path: "/warehouses/490002",
        check: (_a, db) => expect(db.get("warehouses", 490002)?.externalData).toEqual([{ key: "site", value: "MESA" }]),
      },
      {
        key: "listTrucks",
        params: { sort: "+Id" },
        method: "GET",
        path: "/trucks",
        check: (p) => expect(p.data[0]).toMatchObject({ name: "Truck 12", warehouseId: 490001 }),
      },
      {
        key: "createTruck",
        params: { name: "Truck 30", warehouseId: "490002", templateId: "492002", technicianIds: ["1005"] },
        method: "POST",
        path: "/trucks",
        body: { name: "Truck 30", warehouseId: 490002, templateId: 492002, technicianIds: [1005] },
        check: (answer, db) => {
          created.truck = answer.id;
          expect(db.get("trucks", answer.id)).toMatchObject({ name: "Truck 30", inventoryTemplateId: 492002, technicianIds: [1005] });
        },
      },
      {
        key: "updateTruck",
        params: () => ({ id: String(created.truck), technicianIds: ["1005", "1006"], memo: "Install crew" }),
        method: "PATCH",
        path: () => `/trucks/${created.truck}`,
        body: { technicianIds: [1005, 1006], memo: "Install crew" },
        check: (_a, db) => expect(db.get("trucks", created.truck)).toMatchObject({ technicianIds: [1005, 1006], memo: "Install crew" }),
      },
      {
        key: "listInventoryTemplates",
        params: { ids: ["492001"] },
        method: "GET",
        path: "/inventory-templates",
        check: (p) => expect(p.data[0].name).toBe("Service Truck Standard"),
      },
    ];
    runCases(ctx, cases);

    it("refuses bad input before any request, and unknown references with 400", async () => {
      await expectRefused(
        "createVendor",
        { name: "X", active: "true", isTruckReplenishment: "false", taxRate: "x", restrictedMobileCreation: "false", address: "{}" },
        /Input "Tax Rate": "x" is not a number/,
      );
      await expectRefused("createTruck", { name: "T", warehouseId: "main" }, /Input "Warehouse ID": "main" is not a whole number/);
      await expectRefused(
        "updateTruck",
        { id: "491001", templateId: "standard" },
        /Input "Inventory Template ID": "standard" is not a whole number/,
      );
      expect((await failure("createTruck", { name: "T", warehouseId: "491001" })).message).toMatch(
        /400.*warehouseId: Warehouse with id 491001 not found/,
      );
    });
  });

  describe("export feeds (served from the same records)", () => {
    it("delivers a purchase order's cancellation as its latest change in the purchase orders feed", async () => {
      const { run } = actionsOn(ctx);
      const feed = (from?: string) =>
        run("rawRequest", {
          method: "GET",
          url: `/inventory/v2/tenant/{tenant}/export/purchase-orders`,
          queryParams: from ? [{ key: "from", value: from }] : undefined,
          responseType: "json",
        });
      const first = await feed();
      expect(first.data.length).toBeGreaterThan(5);
      await run("cancelPurchaseOrder", { id: "460001", canceledReason: "Duplicate" });
      const next = await feed(first.continueFrom);
      expect(next.data.map((po: { id: number; status: string }) => [po.id, po.status])).toEqual([[460001, "Canceled"]]);
    });
  });

  describe("dropdowns", () => {
    checkDropdowns(ctx, [
      ["selectPurchaseOrder", {}, /^PO PO-1001 · Pending|^PO PO-100\d/],
      ["selectPurchaseOrderRequest", {}, /^Request REQ-103 · PendingApproval \(ID: 470003\)$/],
      ["selectPurchaseOrderType", {}, /^Stock \(ID: 483001\)$/],
      ["selectPurchaseOrderMarkup", {}, /%/],
      ["selectReceipt", {}, /^Receipt R-1001/],
      ["selectReturn", {}, /^Return RT-1001/],
      ["selectReturnType", {}, /^Defective \(ID: 487001\)$/],
      ["selectTransfer", {}, /^Transfer TR-100\d/],
      ["selectAdjustment", {}, /^Adjustment ADJ-100\d/],
      ["selectVendor", {}, /^Ferguson HVAC Supply \(ID: 450001\)$/],
      ["selectWarehouse", {}, /^Main Warehouse \(ID: 490001\)$/],
      ["selectTruck", {}, /^Truck 12 \(ID: 491001\)$/],
      ["selectInventoryTemplate", {}, /^Service Truck Standard/],
      ["selectInventoryLocation", {}, /^Truck: Truck 12 \(ID: 491001\)$/],
    ]);

    it("lists warehouses before trucks in Select Inventory Location", async () => {
      const options = await actionsOn(ctx).picklist("selectInventoryLocation");
      expect(options[0].label).toBe("Warehouse: Main Warehouse (ID: 490001)");
      expect(options.filter((o) => o.label.startsWith("Truck:")).length).toBeGreaterThanOrEqual(3);
    });
  });
});
