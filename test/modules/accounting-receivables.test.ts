/**
 * Receivables against the sandbox: credit memos (update, apply to invoices, mark as exported), bank deposits and
 * their transactions, invoices marked as exported with their external references, invoice tasks, payment statuses,
 * and the reference lists (payment types, payment terms, tax zones).
 */
import { useSandbox } from "../support";
import { badInputFor, financeSuite, type Call } from "./finance-helpers";

const ctx = useSandbox();
const { run, runCall, expectRefused, picklist, db } = financeSuite(ctx);

const KEYS = [
  "listCreditMemos",
  "listCreditMemoItems",
  "listCreditMemoItemsOfMemos",
  "updateCreditMemo",
  "applyCreditMemo",
  "markCreditMemosAsExported",
  "listCreditMemoCustomFieldTypes",
  "updateCreditMemoCustomFields",
  "listBankDeposits",
  "listBankDepositTransactions",
  "markBankDepositsAsExported",
  "markInvoicesAsExported",
  "listInvoiceCustomFieldTypes",
  "listInvoiceTasks",
  "createInvoiceTask",
  "updateInvoiceTask",
  "updatePaymentStatus",
  "listPaymentCustomFieldTypes",
  "listPaymentTypes",
  "getPaymentType",
  "listPaymentTerms",
  "getPaymentTerm",
  "listTaxZones",
];

const TASK = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

describe("receivables: each action sends the request its operation describes", () => {
  const calls: Call[] = [
    {
      key: "listCreditMemos",
      params: {
        appliedToInvoiceIds: ["50001"],
        total: "50",
        totalComparer: "GreaterThanOrEqual",
        dateOnOrAfter: "2025-03-01T10:00:00Z",
        sort: "-Id",
      },
      method: "GET",
      path: "/credit-memos",
      query: {
        appliedToInvoiceIds: "50001",
        "totalFilter.Amount": "50",
        "totalFilter.Comparer": "GreaterThanOrEqual",
        dateOnOrAfter: "2025-03-01",
        sort: "-Id",
        active: "True",
      },
      check: (page) => expect(page.data).toEqual([]),
    },
    {
      key: "listCreditMemoItems",
      params: { id: "365001" },
      method: "GET",
      path: "/credit-memos/365001/items",
      query: { active: "True" },
      check: (page) => expect(page.data).toEqual([expect.objectContaining({ description: "Goodwill credit", price: 50 })]),
    },
    {
      key: "listCreditMemoItemsOfMemos",
      params: { creditMemoIds: ["365001", "365002"] },
      method: "GET",
      path: "/credit-memos/credit-memo-items",
      query: { creditMemoIds: "365001,365002", active: "True" },
      check: (page) => expect(page.data.map((i: { creditMemoId: number }) => i.creditMemoId)).toEqual([365001, 365002]),
    },
    {
      key: "updateCreditMemo",
      params: { id: "365002", summary: "Goodwill credit (approved)", date: "2025-03-20", businessUnitId: "102" },
      method: "PATCH",
      path: "/credit-memos/365002",
      body: { summary: "Goodwill credit (approved)", date: "2025-03-20", businessUnitId: 102 },
      check: (data) => {
        expect(data).toEqual({ id: 365002, active: true, summary: "Goodwill credit (approved)", date: "2025-03-20", businessUnitId: 102 });
        expect(db().get("credit-memos", 365002)).toMatchObject({ description: "Goodwill credit (approved)", businessUnit: { id: 102 } });
      },
    },
    {
      key: "applyCreditMemo",
      params: { id: "365003", invoiceId: "50006", amount: "25.00", splits: '[{"invoiceId": 50007, "amount": "10.5"}]' },
      method: "POST",
      path: "/credit-memos/365003/splits",
      body: {
        splits: [
          { invoiceId: 50006, amount: 25 },
          { invoiceId: 50007, amount: 10.5 },
        ],
      },
      check: async () => {
        expect(db().get("credit-memos", 365003)).toMatchObject({ balance: 64.5 });
        const applied = await run("listCreditMemos", { appliedToInvoiceIds: ["50007"] });
        expect(applied.data.map((m: { id: number }) => m.id)).toEqual([365003]);
      },
    },
    {
      key: "markCreditMemosAsExported",
      params: { ids: ["365001"], externalReferences: '[{"id": 365002, "externalId": "CM-QB-2"}]' },
      method: "POST",
      path: "/credit-memos/markasexported",
      body: [{ creditMemoId: 365001 }, { creditMemoId: 365002, externalId: "CM-QB-2" }],
      check: (results) => {
        expect(results).toEqual([
          { creditMemoId: 365001, success: true, errorMessage: null },
          { creditMemoId: 365002, success: true, errorMessage: null },
        ]);
        expect(db().get("credit-memos", 365002)).toMatchObject({ syncStatus: "Exported", exportId: "CM-QB-2" });
      },
    },
    { key: "listCreditMemoCustomFieldTypes", method: "GET", path: "/credit-memos/custom-fields" },
    {
      key: "updateCreditMemoCustomFields",
      params: { creditMemoId: "365001", customFields: [{ key: "Reason", value: "Late arrival" }] },
      method: "PATCH",
      path: "/credit-memos/custom-fields",
      body: { operations: [{ objectId: 365001, customFields: [{ name: "Reason", value: "Late arrival" }] }] },
      check: () => expect(db().get("credit-memos", 365001)?.customFields).toEqual([{ name: "Reason", value: "Late arrival" }]),
    },
    {
      key: "listBankDeposits",
      params: { syncStatus: "Pending", grossAmountGreater: "500", depositDateOnOrAfter: "2025-03-01" },
      method: "GET",
      path: "/bank-deposits",
      query: { syncStatus: "Pending", grossAmountGreater: "500", depositDateOnOrAfter: "2025-03-01T00:00:00.000Z" },
      check: (page) => expect(page.data.map((d: { name: string }) => d.name)).toEqual(["Deposit 2025-03-03", "Deposit 2025-03-10"]),
    },
    {
      key: "listBankDepositTransactions",
      params: { id: "370001", includeTotal: true },
      method: "GET",
      path: "/bank-deposits/370001/transactions",
      query: { includeTotal: "true" },
      check: (page) => {
        expect(page.totalCount).toBe(4);
        for (const payment of page.data) expect(payment.deposit).toEqual({ id: 370001, name: "Deposit 2025-03-03" });
        // Money on payments is a string: passed through untouched.
        for (const payment of page.data) expect(typeof payment.total).toBe("string");
      },
    },
    {
      key: "markBankDepositsAsExported",
      params: { ids: ["370001"] },
      method: "POST",
      path: "/bank-deposits/markasexported",
      body: { ids: [370001] },
      check: async () => {
        expect(db().get("bank-deposits", 370001)?.syncStatus).toBe("Exported");
        const pending = await run("listBankDeposits", { syncStatus: "Pending" });
        expect(pending.data.map((d: { id: number }) => d.id)).toEqual([370002]);
      },
    },
    {
      key: "markInvoicesAsExported",
      params: {
        ids: ["50001"],
        externalReferences: '[{"invoiceId": 50002, "externalId": "QB-INV-50002"}]',
        externalMessage: "Synced by the flow",
      },
      method: "POST",
      path: "/invoices/markasexported",
      body: [
        { invoiceId: 50001, externalMessage: "Synced by the flow" },
        { invoiceId: 50002, externalId: "QB-INV-50002", externalMessage: "Synced by the flow" },
      ],
      check: async (results) => {
        expect(results.map((r: { invoiceId: number; success: boolean }) => [r.invoiceId, r.success])).toEqual([
          [50001, true],
          [50002, true],
        ]);
        const read = await run("listInvoices", { ids: ["50002"] });
        expect(read.data[0]).toMatchObject({ id: 50002, syncStatus: "Exported", exportId: "QB-INV-50002" });
      },
    },
    { key: "listInvoiceCustomFieldTypes", method: "GET", path: "/invoices/custom-fields" },
    { key: "listInvoiceTasks", params: { invoiceId: "50001" }, method: "GET", path: "/invoices/50001/tasks" },
    {
      key: "createInvoiceTask",
      params: { invoiceId: "50001", templateId: "invoice-review", variables: '{"reason": "Missing signature"}' },
      method: "POST",
      path: "/invoices/50001/tasks",
      body: { templateId: "invoice-review", variables: { reason: "Missing signature" } },
    },
    {
      key: "updateInvoiceTask",
      params: { invoiceId: "50001", taskId: TASK, status: "Done", dueDate: "2025-03-20T10:00:00-07:00" },
      method: "PATCH",
      path: `/invoices/50001/tasks/${TASK}`,
      body: { status: "Done", dueDate: "2025-03-20T17:00:00.000Z" },
    },
    {
      key: "updatePaymentStatus",
      params: { paymentIds: ["70001", "70002"], status: "Exported" },
      method: "POST",
      path: "/payments/status",
      body: { paymentIds: [70001, 70002], status: "Exported" },
      check: () => {
        expect(db().get("payments", 70001)?.status).toBe("Exported");
        expect(db().get("payments", 70002)?.status).toBe("Exported");
      },
    },
    { key: "listPaymentCustomFieldTypes", method: "GET", path: "/payments/custom-fields" },
    {
      key: "listPaymentTypes",
      params: { active: "Any" },
      method: "GET",
      path: "/payment-types",
      query: { active: "Any" },
      check: (page) => expect(page.data).toHaveLength(6),
    },
    {
      key: "getPaymentType",
      params: { id: "601" },
      method: "GET",
      path: "/payment-types/601",
      check: (type) => expect(type).toMatchObject({ id: 601, name: "Cash" }),
    },
    {
      key: "listPaymentTerms",
      params: { sort: "-Name" },
      method: "GET",
      path: "/payment-terms",
      query: { sort: "-Name" },
      check: (page) => expect(page.data.map((t: { name: string }) => t.name)).toEqual(["Net 30", "Net 15", "Due on Receipt"]),
    },
    {
      key: "getPaymentTerm",
      params: { paymentTermId: "391003" },
      method: "GET",
      path: "/payment-terms/391003",
      check: (term) => expect(term).toMatchObject({ name: "Net 30", dueDayType: "NumberOfDays", dueDay: 30, isVendorDefault: true }),
    },
    {
      key: "listTaxZones",
      method: "GET",
      path: "/tax-zones",
      query: { active: "True" },
      check: (page) => expect(page.data[0].rates[0]).toMatchObject({ taxName: "Phoenix sales tax", taxRate: 0.086 }),
    },
  ];

  it.each(calls.map((call, i) => [`${i + 1}. ${call.key}`, call] as const))("%s", async (_name, call) => {
    await runCall(call);
  });

  it("covers every receivables action", () => {
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(KEYS));
  });
});

describe("dropdowns", () => {
  it.each([
    ["selectCreditMemo", {}],
    ["selectBankDeposit", {}],
    ["selectPayment", {}],
    ["selectInvoiceTask", { invoiceId: "50001" }],
    ["selectPaymentTerm", {}],
    ["selectTaxZone", {}],
  ])("%s lists records with labels", async (key, params) => {
    const options = await picklist(key, params);
    expect(options.length).toBeGreaterThan(1);
    for (const option of options) expect(option.label.trim()).not.toBe("");
  });

  it("offers payment terms and tax zones by name", async () => {
    expect(await picklist("selectPaymentTerm")).toContainEqual({ key: "391003", label: "Net 30 (ID: 391003)" });
    expect(await picklist("selectTaxZone")).toContainEqual({ key: "392001", label: "Phoenix (ID: 392001)" });
  });
});

describe("bad input is refused by name before any request", () => {
  it.each(KEYS.map((key) => [key, badInputFor(key)] as const))("%s", async (key, { params, message }) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["applyCreditMemo", { id: "365001", invoiceId: "50001" }, /Input "Amount": is required with the other/],
    ["applyCreditMemo", { id: "365001" }, /Input "Invoice ID": and Amount \(or Splits\) are required/],
    ["applyCreditMemo", { id: "365001", splits: '[{"invoiceId": 50001}]' }, /Input "Splits": item 1 needs "amount"/],
    ["updateCreditMemo", { id: "365001", date: "20/03/2025" }, /Input "Date": "20\/03\/2025" is not a date/],
    ["updateInvoiceTask", { invoiceId: "50001", taskId: "task-1" }, /Input "Invoice Task ID": "task-1" is not a GUID/],
    ["markInvoicesAsExported", { externalReferences: '{"id": 50001}' }, /Input "External References": must be a JSON array/],
    [
      "updatePaymentStatus",
      { paymentIds: ["70001"], status: "Voided" },
      /Input "Status": "Voided" is not one of Pending, Posted, Exported/,
    ],
    ["listCreditMemos", { totalComparer: "Bigger" }, /Input "Total Comparer": "Bigger" is not one of Equal/],
  ])("%s %j", async (key, params, message) => {
    await expectRefused(key, params, message);
  });
});
