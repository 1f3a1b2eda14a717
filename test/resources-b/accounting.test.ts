import { resourceSuite } from "./helpers";

/** Invoices and payments against the sandbox (which fails the suite on any spec violation). */
const { ctx, act, source, lastRequest, tenant, rejectsBeforeSending, failure } = resourceSuite();
const db = () => ctx.sandbox.db;
const invoiceWithItems = () =>
  db()
    .all("invoices")
    .find((i) =>
      db()
        .all("invoice-items", { invoiceId: i.id })
        .some((item) => item.active),
    )!;
const activeItems = (invoiceId: number) =>
  db()
    .all("invoice-items", { invoiceId })
    .filter((i) => i.active);
const paymentType = () =>
  db()
    .all("payment-types")
    .find((t) => t.active)!;

beforeEach(() => ctx.sandbox.faults.clear());

describe("invoices", () => {
  it("List Invoices sends typed filters under the API's names (balanceFilter.*) and keeps money as strings", async () => {
    const invoice = invoiceWithItems();
    const customerId = invoice.customer.id;
    await act("listInvoices", {
      customerId: String(customerId),
      statuses: "Posted",
      balance: "0",
      balanceComparer: "Greater",
      totalGreater: "1.5",
    });
    expect(lastRequest().query).toMatchObject({
      customerId: String(customerId),
      statuses: "Posted",
      "balanceFilter.Balance": "0",
      "balanceFilter.Comparer": "Greater",
      totalGreater: "1.5",
    });

    // Array parameters repeat their name, as the spec declares them (statuses=Pending&statuses=Posted).
    await act("listInvoices", { statuses: ["Pending", "Posted"], assignedToIds: ["5", "6"] });
    expect(lastRequest().query).toMatchObject({ statuses: ["Pending", "Posted"], assignedToIds: ["5", "6"] });
    await expect(act("listInvoices", { statuses: ["Posted", "Paid"] })).rejects.toThrow(
      /Input "Statuses": "Paid" is not one of Pending, Posted, Exported/,
    );

    const { data } = await act("listInvoices", { customerId: String(customerId), fetchAll: true });
    expect(data.data.map((i: { id: number }) => i.id)).toContain(invoice.id);
    for (const found of data.data) {
      expect(found.customer.id).toBe(customerId);
      expect(found.total).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it("Create Invoices creates an adjustment invoice to the given invoice and answers its id", async () => {
    const original = invoiceWithItems();
    const { data: id } = await act("createInvoices", {
      adjustmentToId: String(original.id),
      summary: "Refund of the diagnostic fee",
      invoicedOn: "2025-02-01T00:00:00Z",
      items: JSON.stringify([{ skuId: "7", description: "Diagnostic refund", quantity: "1", unitPrice: -89 }]),
    });
    expect(lastRequest().body).toEqual({
      adjustmentToId: original.id,
      summary: "Refund of the diagnostic fee",
      invoicedOn: "2025-02-01T00:00:00.000Z",
      items: [{ skuId: 7, description: "Diagnostic refund", quantity: 1, unitPrice: -89 }],
    });
    expect(typeof id).toBe("number");
    expect(db().get("invoices", id)).toMatchObject({ adjustmentToId: original.id });
    const listed = await act("listInvoices", { adjustmentToId: String(original.id) });
    expect(listed.data.data.map((i: { id: number }) => i.id)).toContain(id);
    expect(listed.data.data.find((i: { id: number }) => i.id === id).total).toMatch(/^-?\d+\.\d{2}$/);
  });

  it("Update Invoice changes its fields and returns {}", async () => {
    const invoice = invoiceWithItems();
    const result = await act("updateInvoice", { id: String(invoice.id), summary: "Updated summary", reviewStatus: "Reviewed" });
    expect(lastRequest()).toMatchObject({
      method: "PATCH",
      path: `/accounting/v2/tenant/${tenant()}/invoices/${invoice.id}`,
      body: { summary: "Updated summary", reviewStatus: "Reviewed" },
    });
    expect(result).toEqual({ data: {} });
    expect(db().get("invoices", invoice.id)).toMatchObject({ summary: "Updated summary", reviewStatus: "Reviewed" });
  });

  it("Update Invoice on a missing invoice names it", async () => {
    expect((await failure(act("updateInvoice", { id: "5999999", summary: "x" }))).message).toMatch(/Invoice 5999999 was not found/);
  });

  it("Update Invoice Custom Fields: one invoice from a key/value list plus more as JSON", async () => {
    const [first, second] = db().all("invoices");
    await act("updateInvoiceCustomFields", {
      invoiceId: String(first.id),
      customFields: [{ key: "PO Number", value: "PO-1" }],
      operations: JSON.stringify([{ objectId: String(second.id), customFields: [{ name: "PO Number", value: "PO-2" }] }]),
    });
    expect(lastRequest().body).toEqual({
      operations: [
        { objectId: first.id, customFields: [{ name: "PO Number", value: "PO-1" }] },
        { objectId: second.id, customFields: [{ name: "PO Number", value: "PO-2" }] },
      ],
    });
    expect(db().get("invoices", first.id)!.customFields).toContainEqual({ name: "PO Number", value: "PO-1" });
    expect(db().get("invoices", second.id)!.customFields).toContainEqual({ name: "PO Number", value: "PO-2" });
  });

  it("Update Invoice Items adds a line (numbers as numbers) and changes one by id", async () => {
    const invoice = invoiceWithItems();
    const before = activeItems(invoice.id);
    await act("updateInvoiceItems", { invoiceId: String(invoice.id), description: "Filter", quantity: "2.5", unitPrice: "12.40" });
    expect(lastRequest().body).toEqual({ description: "Filter", quantity: 2.5, unitPrice: 12.4 });
    expect(activeItems(invoice.id)).toHaveLength(before.length + 1);

    const item = before[0];
    await act("updateInvoiceItems", { invoiceId: String(invoice.id), id: String(item.id), description: "Changed line", quantity: "3" });
    expect(lastRequest().body).toEqual({ id: item.id, description: "Changed line", quantity: 3 });
    expect(db().get("invoice-items", item.id)).toMatchObject({ description: "Changed line" });
  });

  it("Delete Invoice Item removes the line; a missing line names item and invoice", async () => {
    const invoice = invoiceWithItems();
    const [item] = activeItems(invoice.id);
    expect(await act("deleteInvoiceItem", { invoiceId: String(invoice.id), itemId: String(item.id) })).toEqual({ data: {} });
    expect(activeItems(invoice.id).map((i) => i.id)).not.toContain(item.id);
    const error = await failure(act("deleteInvoiceItem", { invoiceId: String(invoice.id), itemId: String(item.id) }));
    expect(error.message).toMatch(new RegExp(`Item ${item.id} of invoice ${invoice.id} was not found`));
  });

  it("Select Invoice lists invoices newest first as '#<number>' with the customer", async () => {
    const { result } = await source("selectInvoice");
    const all = db()
      .all("invoices")
      .filter((i) => i.active);
    expect(result).toHaveLength(all.length);
    expect(result.map((o) => Number(o.key))).toEqual(all.map((i) => i.id).sort((a, b) => b - a));
    const one = all[0];
    expect(result).toContainEqual({ key: String(one.id), label: `#${one.referenceNumber} — ${one.customer.name}` });
  });
});

describe("payments", () => {
  it("List Payments filters by customer and by the invoices applied to (comma-separated ids)", async () => {
    const payment = db()
      .all("payments")
      .find((p) => p.active && p.splits.length)!;
    const invoiceIds = payment.splits.map((s: { invoiceId: number }) => s.invoiceId);
    const { data } = await act("listPayments", { appliedToInvoiceIds: invoiceIds.map(String), paidOnAfter: "2020-01-01T00:00:00Z" });
    expect(lastRequest().query).toMatchObject({ appliedToInvoiceIds: invoiceIds.join(","), paidOnAfter: "2020-01-01T00:00:00.000Z" });
    expect(data.data.map((p: { id: number }) => p.id)).toContain(payment.id);
  });

  it("List Payments offers the statuses as a checked list, sent as the one comma-separated value the spec declares", async () => {
    const template = db()
      .all("payments")
      .find((p) => p.active)!;
    db().insert("payments", { ...template, status: "Pending" });
    db().insert("payments", { ...template, status: "Exported" });
    const { data } = await act("listPayments", { statuses: ["Pending", "Exported"], fetchAll: true });
    expect(lastRequest().query).toMatchObject({ statuses: "Pending,Exported" });
    const expected = db()
      .all("payments")
      .filter((p) => p.active && ["Pending", "Exported"].includes(p.status));
    expect(expected).toHaveLength(2);
    expect(data.data.map((p: { id: number }) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
  });

  it("Create Payment applies it to an invoice (integer ids, numeric amount) and lowers the invoice balance", async () => {
    const invoice = db()
      .all("invoices")
      .find((i) => i.active && Number(i.balance) > 10)!;
    const { data } = await act("createPayment", {
      typeId: String(paymentType().id),
      invoiceId: String(invoice.id),
      amount: "10.00",
      memo: "Deposit",
      paidOn: "2025-02-03T10:00:00+02:00",
    });
    expect(lastRequest().body).toEqual({
      typeId: paymentType().id,
      memo: "Deposit",
      paidOn: "2025-02-03T08:00:00.000Z",
      splits: [{ invoiceId: invoice.id, amount: 10 }],
    });
    expect(data).toMatchObject({ typeId: paymentType().id, splits: [{ invoiceId: invoice.id, amount: 10 }] });
    expect(Number(db().get("invoices", invoice.id)!.balance)).toBeCloseTo(Number(invoice.balance) - 10, 2);
  });

  it.each([404, 405])("Create Payment answered %i says the endpoint is not available to this app or tenant", async (status) => {
    ctx.sandbox.faults.add({ method: "POST", path: `/accounting/v2/tenant/${tenant()}/payments`, status });
    const invoice = db().all("invoices")[0];
    const error = await failure(act("createPayment", { typeId: String(paymentType().id), invoiceId: String(invoice.id), amount: "1" }));
    expect(error.message).toMatch(/not available to this app or tenant/);
    expect(error.message).toContain(String(status));
  });

  it("Update Payment changes the memo (type and splits are required by the API on every update)", async () => {
    const payment = db()
      .all("payments")
      .find((p) => p.active && p.splits.length)!;
    const splits = payment.splits.map((s: { invoiceId: number; amount: number }) => ({ invoiceId: s.invoiceId, amount: s.amount }));
    const { data } = await act("updatePayment", {
      id: String(payment.id),
      typeId: String(payment.paymentTypeId),
      memo: "Corrected",
      splits: JSON.stringify(splits),
    });
    expect(lastRequest().body).toEqual({ typeId: payment.paymentTypeId, memo: "Corrected", splits });
    expect(data).toMatchObject({ id: payment.id, memo: "Corrected" });
    expect(db().get("payments", payment.id)!.memo).toBe("Corrected");
  });

  it("Update Payment on a missing payment names it", async () => {
    const invoice = db().all("invoices")[0];
    const error = await failure(
      act("updatePayment", { id: "7999999", typeId: String(paymentType().id), invoiceId: String(invoice.id), amount: "1" }),
    );
    expect(error.message).toMatch(/Payment 7999999 was not found/);
  });

  it("Update Payment Custom Fields writes the named fields", async () => {
    const payment = db().all("payments")[0];
    const result = await act("updatePaymentCustomFields", {
      paymentId: String(payment.id),
      customFields: [{ key: "Deposit Slip", value: "DS-9" }],
    });
    expect(result).toEqual({ data: {} });
    expect(lastRequest().body).toEqual({ operations: [{ objectId: payment.id, customFields: [{ name: "Deposit Slip", value: "DS-9" }] }] });
    expect(db().get("payments", payment.id)!.customFields).toContainEqual({ name: "Deposit Slip", value: "DS-9" });
  });

  it("Select Payment Type lists the active payment types alphabetically", async () => {
    const { result } = await source("selectPaymentType");
    const active = db()
      .all("payment-types")
      .filter((t) => t.active);
    expect(result.map((o) => o.label)).toEqual(active.map((t) => `${t.name} (ID: ${t.id})`).sort());
  });
});

describe("bad input fails before any request, naming the input", () => {
  const invoiceId = () => String(db().all("invoices")[0].id);
  it.each([
    ["listInvoices", "Total Greater", () => ({ totalGreater: "lots" })],
    [
      "listInvoices",
      'Additional Query Parameters": "status" is not a query parameter',
      () => ({ additionalQueryParameters: { status: "Posted" } }),
    ],
    ["createInvoices", "Adjustment To Invoice ID", () => ({ summary: "x" })],
    ["createInvoices", "Items", () => ({ adjustmentToId: invoiceId(), items: "[{description: 1}]" })],
    ["createInvoices", "Items", () => ({ adjustmentToId: invoiceId(), items: '[{"description":"x"}]' })],
    ["updateInvoice", "Invoice ID", () => ({ id: "x" })],
    ["updateInvoice", "Payments", () => ({ id: invoiceId(), payments: '[{"id":1,"settlementStatus":"Done"}]' })],
    ["updateInvoiceCustomFields", "Invoice ID", () => ({})],
    ["updateInvoiceCustomFields", "Custom Fields", () => ({ invoiceId: invoiceId() })],
    ["updateInvoiceItems", "Quantity", () => ({ invoiceId: invoiceId(), description: "x" })],
    [
      "updateInvoiceItems",
      "Additional Item Fields",
      () => ({ invoiceId: invoiceId(), description: "x", quantity: "1", additionalFields: "[1]" }),
    ],
    ["deleteInvoiceItem", "Item ID", () => ({ invoiceId: invoiceId(), itemId: "abc" })],
    [
      "listPayments",
      'Additional Query Parameters": "paidOn" is not a query parameter',
      () => ({ additionalQueryParameters: { paidOn: "2025-01-01" } }),
    ],
    ["listPayments", "Applied To Invoice IDs", () => ({ appliedToInvoiceIds: ["12", "x"] })],
    ["createPayment", "Invoice ID", () => ({ typeId: "601" })],
    ["createPayment", "Invoice ID", () => ({ typeId: "601", amount: "5" })],
    ["createPayment", "Payment Type ID", () => ({ invoiceId: invoiceId(), amount: "5" })],
    ["createPayment", "Splits", () => ({ typeId: "601", splits: '[{"invoiceId":1}]' })],
    ["updatePayment", "Payment Type ID", () => ({ id: "70001", invoiceId: invoiceId(), amount: "5" })],
    ["updatePaymentCustomFields", "Operations", () => ({ operations: "not json" })],
    ["listPayments", "Statuses", () => ({ statuses: ["Posted", "Paid"] })],
    ["listInvoices", "Order By Direction", () => ({ orderBy: "Id", orderByDirection: "down" })],
    // Field names the spec does not declare: ServiceTitan would ignore them and drop the value without an error.
    ["createInvoices", "Items", () => ({ adjustmentToId: invoiceId(), items: '[{"description":"x","quantity":1,"unitprice":5}]' })],
    ["updateInvoice", "Payments", () => ({ id: invoiceId(), payments: '[{"id":1,"settledOn":"2025-01-01"}]' })],
    [
      "updateInvoiceItems",
      "Additional Item Fields",
      () => ({ invoiceId: invoiceId(), description: "x", quantity: "1", additionalFields: '{"inventoryWarehousName":"Main"}' }),
    ],
    ["createPayment", "Splits", () => ({ typeId: "601", splits: '[{"invoiceId":1,"amount":5,"ammount":5}]' })],
    ["updateInvoiceCustomFields", "Operations", () => ({ operations: '[{"objectId":1,"customFields":[{"name":"PO","val":"1"}]}]' })],
    ["updatePayment", "Payment ID", () => ({ id: "-70001", typeId: "601", invoiceId: invoiceId(), amount: "5" })],
  ] as Array<[string, string, () => Record<string, unknown>]>)("%s refuses bad input naming %s (case %#)", async (key, input, params) => {
    await rejectsBeforeSending(() => act(key, params()), input);
  });
});
