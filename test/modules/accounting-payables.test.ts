/**
 * Accounts payable against the sandbox: AP bills, AP credits, AP payments, inventory bills and remittance vendors;
 * "mark as exported" (the list of ids and external references turned into each endpoint's body, and its effect);
 * money exactly as ServiceTitan sends it.
 */
import component from "../../src";
import { useSandbox } from "../support";
import { badInputFor, financeSuite, type Call } from "./finance-helpers";

const ctx = useSandbox();
const { run, runCall, expectRefused, picklist, db } = financeSuite(ctx);

const KEYS = [
  "listApBills",
  "getApBill",
  "markApBillsAsExported",
  "listApBillCustomFieldTypes",
  "updateApBillCustomFields",
  "listApCredits",
  "markApCreditsAsExported",
  "listApCreditCustomFieldTypes",
  "updateApCreditCustomFields",
  "listApPayments",
  "markApPaymentsAsExported",
  "listApPaymentCustomFieldTypes",
  "updateApPaymentCustomFields",
  "listInventoryBills",
  "markInventoryBillsAsExported",
  "listInventoryBillCustomFieldTypes",
  "updateInventoryBillCustomFields",
  "listRemittanceVendors",
  "getRemittanceVendor",
  "exportInventoryBills",
];

const pendingIds = async (key: string) =>
  ((await run(key, { syncStatuses: ["Pending"], fetchAll: true })).data as Array<{ id: number }>).map((r) => r.id);

describe("payables: each action sends the request its operation describes", () => {
  const calls: Call[] = [
    {
      key: "listApBills",
      params: { syncStatuses: ["Pending"], billNumber: "BILL-104", businessUnitIds: ["101"], includeTotal: true },
      method: "GET",
      path: "/ap-bills",
      query: { syncStatuses: "Pending", billNumber: "BILL-104", businessUnitIds: "101", includeTotal: "true" },
      check: (page) => {
        expect(page.data.map((b: { id: number }) => b.id)).toEqual([320001, 320002]);
        // Money stays exactly what ServiceTitan sent: a string with its long scale, never a rounded number.
        expect(page.data[0]).toMatchObject({ billAmount: "1234.5600000000000000000", taxAmount: "98.7600000000000000000" });
      },
    },
    {
      key: "getApBill",
      params: { billId: "320001" },
      method: "GET",
      path: "/ap-bills/320001",
      check: (bill) =>
        expect(bill).toMatchObject({
          id: 320001,
          referenceNumber: "BILL-1040",
          billAmount: "1234.5600000000000000000",
          vendorInvoiceTotal: "1234.5600000000000000000",
        }),
    },
    {
      key: "markApBillsAsExported",
      params: { ids: ["320001", "320002", "399999", "320001"] },
      method: "POST",
      path: "/ap-bills/markasexported",
      body: { billIds: [320001, 320002, 399999] },
      check: async (results) => {
        expect(results).toEqual([
          { billId: 320001, success: true, errorMessage: null },
          { billId: 320002, success: true, errorMessage: null },
          { billId: 399999, success: false, errorMessage: "AP bill with id 399999 not found" },
        ]);
        expect(db().get("ap-bills", 320001)?.syncStatus).toBe("Exported");
        expect(await pendingIds("listApBills")).not.toContain(320001);
      },
    },
    {
      key: "listApBillCustomFieldTypes",
      params: { pageSize: "10" },
      method: "GET",
      path: "/ap-bills/custom-fields",
      query: { pageSize: "10" },
    },
    {
      key: "updateApBillCustomFields",
      params: { billId: "320003", customFields: [{ key: "Job Cost Code", value: "HVAC-01" }] },
      method: "PATCH",
      path: "/ap-bills/custom-fields",
      body: { operations: [{ objectId: 320003, customFields: [{ name: "Job Cost Code", value: "HVAC-01" }] }] },
      check: () => expect(db().get("ap-bills", 320003)?.customFields).toEqual([{ name: "Job Cost Code", value: "HVAC-01" }]),
    },
    {
      key: "listApCredits",
      params: { syncStatuses: ["Pending", "Posted"], sort: "-Id" },
      method: "GET",
      path: "/ap-credits",
      query: { syncStatuses: ["Pending", "Posted"], sort: "-Id" },
      check: (page) => expect(page.data.map((c: { id: number }) => c.id)).toEqual([360002, 360001]),
    },
    {
      key: "markApCreditsAsExported",
      params: { ids: "360001" },
      method: "POST",
      path: "/ap-credits/markasexported",
      body: [{ apCreditId: 360001 }],
      check: async (results) => {
        expect(results).toEqual([{ apCreditId: 360001, success: true, errorMessage: null }]);
        expect(await pendingIds("listApCredits")).toEqual([360002]);
      },
    },
    { key: "listApCreditCustomFieldTypes", method: "GET", path: "/ap-credits/custom-fields" },
    {
      key: "updateApCreditCustomFields",
      params: { operations: JSON.stringify([{ objectId: 360002, customFields: [{ name: "RMA", value: "5530" }] }]) },
      method: "PATCH",
      path: "/ap-credits/custom-fields",
      body: { operations: [{ objectId: 360002, customFields: [{ name: "RMA", value: "5530" }] }] },
      check: () => expect(db().get("ap-credits", 360002)?.customFields).toEqual([{ name: "RMA", value: "5530" }]),
    },
    {
      key: "listApPayments",
      params: { createdOnOrAfter: "2024-01-01" },
      method: "GET",
      path: "/ap-payments",
      query: { createdOnOrAfter: "2024-01-01T00:00:00.000Z" },
      check: (page) => expect(page.data[0]).toMatchObject({ name: "CHK-5001", amount: 1234.56, syncStatus: "Pending" }),
    },
    {
      key: "markApPaymentsAsExported",
      params: {
        ids: ["362501"],
        externalReferences: '[{ "id": 362502, "externalId": "QB-BILLPMT-9", "externalMessage": "ACH batch 7" }]',
        externalMessage: "Posted to QuickBooks",
      },
      method: "POST",
      path: "/ap-payments/markasexported",
      body: [
        { apPaymentId: 362501, externalMessage: "Posted to QuickBooks" },
        { apPaymentId: 362502, externalId: "QB-BILLPMT-9", externalMessage: "ACH batch 7" },
      ],
      check: (results) => {
        expect(results.map((r: { success: boolean }) => r.success)).toEqual([true, true]);
        expect(db().get("ap-payments", 362502)).toMatchObject({
          syncStatus: "Exported",
          exportId: "QB-BILLPMT-9",
          externalMessage: "ACH batch 7",
        });
        expect(db().get("ap-payments", 362501)).toMatchObject({ syncStatus: "Exported", externalMessage: "Posted to QuickBooks" });
      },
    },
    { key: "listApPaymentCustomFieldTypes", method: "GET", path: "/ap-payments/custom-fields" },
    {
      key: "updateApPaymentCustomFields",
      params: { apPaymentId: "362501", customFields: { "Check Memo": "March materials" } },
      method: "PATCH",
      path: "/ap-payments/custom-fields",
      body: { operations: [{ objectId: 362501, customFields: [{ name: "Check Memo", value: "March materials" }] }] },
    },
    {
      key: "listInventoryBills",
      params: { syncStatuses: ["Pending"], minCost: "100.50", dateFrom: "2025-03-01" },
      method: "GET",
      path: "/inventory-bills/paginated",
      query: { syncStatuses: "Pending", minCost: "100.5", dateFrom: "2025-03-01T00:00:00.000Z" },
      check: (page) => {
        expect(page.data.map((b: { referenceNumber: string }) => b.referenceNumber)).toEqual(["PO-2001", "PO-2002"]);
        expect(page.data[0].billAmount).toBe("1234.5600000000000000000");
      },
    },
    {
      key: "markInventoryBillsAsExported",
      params: { ids: ["375001"] },
      method: "POST",
      path: "/inventory-bills/markasexported",
      body: { inventoryBillIds: [375001] },
      check: async (results) => {
        expect(results).toEqual([{ inventoryBillId: 375001, success: true, errorMessage: null }]);
        expect(await pendingIds("listInventoryBills")).toEqual([375002]);
      },
    },
    { key: "listInventoryBillCustomFieldTypes", method: "GET", path: "/inventory-bills/custom-fields" },
    {
      key: "updateInventoryBillCustomFields",
      params: { inventoryBillId: "375002", customFields: [{ key: "Receiver", value: "Warehouse A" }] },
      method: "PATCH",
      path: "/inventory-bills/custom-fields",
      body: { operations: [{ objectId: 375002, customFields: [{ name: "Receiver", value: "Warehouse A" }] }] },
    },
    {
      key: "listRemittanceVendors",
      params: { ids: ["393001", "393002"], sort: "-Id" },
      method: "GET",
      path: "/remittance-vendors",
      query: { ids: ["393001", "393002"], sort: "-Id", active: "True" },
      check: (page) => expect(page.data.map((v: { name: string }) => v.name)).toEqual(["Johnstone Supply", "Ferguson Supply"]),
    },
    {
      key: "getRemittanceVendor",
      params: { id: "393003" },
      method: "GET",
      path: "/remittance-vendors/393003",
      check: (vendor) => expect(vendor).toMatchObject({ name: "Carrier Enterprise", address: { city: "Phoenix" } }),
    },
    {
      key: "exportInventoryBills",
      params: { from: "2024-01-01" },
      method: "GET",
      path: "/export/inventory-bills",
      query: { from: "2024-01-01" },
      check: (page) => expect(page.data.map((b: { id: number }) => b.id)).toEqual(expect.arrayContaining([375001, 375002, 375003])),
    },
  ];

  it.each(calls.map((call, i) => [`${i + 1}. ${call.key}`, call] as const))("%s", async (_name, call) => {
    await runCall(call);
  });

  it("covers every payables action", () => {
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(KEYS));
  });
});

describe("dropdowns", () => {
  it.each([["selectApBill"], ["selectApCredit"], ["selectApPayment"], ["selectInventoryBill"], ["selectRemittanceVendor"]])(
    "%s lists records with labels",
    async (key) => {
      const options = await picklist(key);
      expect(options.length).toBeGreaterThan(1);
      for (const option of options) expect(option.label.trim()).not.toBe("");
      expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
    },
  );

  it("names bills by number and vendor", async () => {
    expect(await picklist("selectApBill")).toContainEqual({ key: "320001", label: "Bill BILL-1040 — Ferguson Supply (ID: 320001)" });
  });
});

describe("bad input is refused by name before any request", () => {
  it.each(KEYS.map((key) => [key, badInputFor(key)] as const))("%s", async (key, { params, message }) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["markApBillsAsExported", {}, /Input "AP Bill IDs": needs at least one id: nothing to mark as exported/],
    ["markApBillsAsExported", { ids: ["BILL-1040"] }, /Input "AP Bill IDs": "BILL-1040" is not a whole number/],
    ["markApPaymentsAsExported", {}, /Input "AP Payment IDs": needs at least one id \(or External References\)/],
    [
      "markApPaymentsAsExported",
      { externalReferences: '[{"id": 362501, "externalId": "A"}, {"apPaymentId": 362501, "externalId": "B"}]' },
      /Input "External References": lists id 362501 twice/,
    ],
    ["markApPaymentsAsExported", { externalReferences: '[{"externalId": "A"}]' }, /Input "External References": item 1 needs "id"/],
    [
      "markApPaymentsAsExported",
      { externalReferences: '[{"id": 1, "externalRef": "A"}]' },
      /Input "External References": item 1 has "externalRef"/,
    ],
    ["markApCreditsAsExported", { ids: ["0"] }, /Input "AP Credit IDs": 0 is not a ServiceTitan id/],
    ["updateApBillCustomFields", { billId: "320001" }, /Input "Custom Fields": is required with AP Bill ID/],
    ["listApBills", { minCost: "1e400" }, /Input "Min Cost": "1e400" is not a number/],
    [
      "listApBills",
      { syncStatuses: ["Synced"] },
      /Input "Sync Statuses": "Synced" is not one of Pending, Posted, Exported, PostedAndExported/,
    ],
  ])("%s %j", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it("offers External References only where the schema takes them", () => {
    const keys = (key: string) => (component.actions[key].inputs as unknown as Array<{ key: string }>).map((i) => i.key);
    expect(keys("markApBillsAsExported")).not.toContain("externalReferences");
    expect(keys("markApCreditsAsExported")).not.toContain("externalReferences");
    expect(keys("markApPaymentsAsExported")).toEqual(expect.arrayContaining(["ids", "externalReferences", "externalMessage"]));
  });
});
