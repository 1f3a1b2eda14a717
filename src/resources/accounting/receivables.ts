/**
 * Accounts receivable beyond invoice and payment writes: credit memos, bank deposits, marking invoices exported,
 * invoice tasks, payment statuses, and the reference lists (payment terms, payment types, tax zones).
 */
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/accounting";
import { decimalInput, idInput, idListInput, rulesJsonInput, specFields, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, inPath, listAction, namedPicklist, picklist, placeParams, type Params, type Values } from "../../kit";
import { amountFilter, batchIdInput, customFieldActions, documentLabel } from "./common";
import { markAsExportedAction } from "./exported";
import { invoiceIdInput } from "./invoices";

type Schemas = components["schemas"];

const customFieldFilters = ["customField.Fields", "customField.Operator"];
const creditMemoList = "GET /accounting/v2/tenant/{tenant}/credit-memos" as const;

/** Apply a credit memo: one invoice + amount from plain inputs, more as JSON. */
const splitParams: Params = {
  invoiceId: inBody(invoiceIdInput(false, "The invoice the credit is applied to (with Amount). Use Splits for several invoices.")),
  amount: inBody(decimalInput({ label: "Amount", comments: "How much of the credit goes to the invoice above, e.g. 25.00." })),
  splits: inBody(
    rulesJsonInput(
      {
        label: "Splits",
        shape: "array",
        comments: "More invoices as a JSON array of {invoiceId, amount}; added to Invoice ID + Amount.",
        example: JSON.stringify([{ invoiceId: 50001, amount: "25.00" }], null, 2),
      },
      {
        fields: specFields<Schemas["Accounting.V2.CreditMemos.CreditMemoAddSplitPublicRequest"]>()("invoiceId", "amount"),
        required: ["invoiceId", "amount"],
        integers: ["invoiceId"],
        numbers: ["amount"],
      },
    ),
  ),
};
const splitsBody = (v: Values) => {
  const { invoiceId, amount, splits } = placeParams(splitParams, v).body ?? {};
  if ((invoiceId === undefined) !== (amount === undefined)) {
    throw new InputError(
      invoiceId === undefined ? "Invoice ID" : "Amount",
      "is required with the other: a split is an invoice and the amount applied to it.",
    );
  }
  const all = [...(invoiceId !== undefined ? [{ invoiceId, amount }] : []), ...((splits as unknown[] | undefined) ?? [])];
  if (!all.length) throw new InputError("Invoice ID", "and Amount (or Splits) are required: the invoices the credit is applied to.");
  return { splits: all };
};

export const receivables: ResourceModule = {
  actions: {
    // ---- Credit memos --------------------------------------------------------------------------------------------
    listCreditMemos: listAction({
      label: "List Credit Memos",
      description:
        "Customer credit memos with totals, balances and the invoices they were applied to, filtered by dates, business unit, batch, amounts …",
      operation: creditMemoList,
      dataSource: "selectCreditMemo",
      filters: {
        appliedToInvoiceIds: idListInput({
          label: "Applied To Invoice IDs",
          dataSource: "selectInvoice",
          comments: "Only credit memos applied to these invoices.",
        }),
        batchId: batchIdInput(),
      },
      omit: [...customFieldFilters, "totalFilter.Amount", "totalFilter.Comparer", "balanceFilter.Amount", "balanceFilter.Comparer"],
      path: () => ({
        ...amountFilter(creditMemoList, "totalFilter", "total", "Total"),
        ...amountFilter(creditMemoList, "balanceFilter", "balance", "Balance"),
      }),
      examplePayload: exampleOf(creditMemoList),
    }),
    listCreditMemoItems: listAction({
      label: "List Credit Memo Items",
      description: "The lines of one credit memo (pricebook item, quantity, price, GL accounts).",
      operation: "GET /accounting/v2/tenant/{tenant}/credit-memos/{id}/items",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/credit-memos/{id}/items"),
    }),
    listCreditMemoItemsOfMemos: listAction({
      label: "List Credit Memo Items of Several Memos",
      description: "The lines of several credit memos at once (each line names its creditMemoId), or of all of them.",
      operation: "GET /accounting/v2/tenant/{tenant}/credit-memos/credit-memo-items",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/credit-memos/credit-memo-items"),
    }),
    updateCreditMemo: derivedAction({
      label: "Update Credit Memo",
      description: "Change a credit memo's summary, date or business unit, or void it (Active false).",
      operation: "PATCH /accounting/v2/tenant/{tenant}/credit-memos/{id}",
      inputs: { active: { comments: "False voids the credit memo." }, summary: { comments: "Text shown on the credit memo." } },
    }),
    applyCreditMemo: derivedAction({
      label: "Apply Credit Memo to Invoices",
      description: "Apply a credit memo's balance to one or more invoices (splits of invoice and amount).",
      operation: "POST /accounting/v2/tenant/{tenant}/credit-memos/{id}/splits",
      inputs: splitParams,
      body: splitsBody,
    }),
    markCreditMemosAsExported: markAsExportedAction({
      label: "Mark Credit Memos as Exported",
      description:
        "After posting credit memos to your accounting system: set their sync status to Exported and store your system's reference for each. Answers one {creditMemoId, success, errorMessage} per memo.",
      operation: "POST /accounting/v2/tenant/{tenant}/credit-memos/markasexported",
      what: "Credit Memos",
      dataSource: "selectCreditMemo",
      body: { items: "creditMemoId" },
    }),
    ...customFieldActions({
      key: "CreditMemo",
      label: "Credit Memo",
      base: "credit-memos",
      idKey: "creditMemoId",
      idInput: idInput({
        label: "Credit Memo ID",
        dataSource: "selectCreditMemo",
        comments: "The credit memo whose custom fields change.",
      }),
    }),

    // ---- Bank deposits -------------------------------------------------------------------------------------------
    listBankDeposits: listAction({
      label: "List Bank Deposits",
      description:
        "Bank deposits (batches of customer payments deposited together) with gross, fees and net amounts, filtered by dates, status and amount.",
      operation: "GET /accounting/v2/tenant/{tenant}/bank-deposits",
      dataSource: "selectBankDeposit",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/bank-deposits"),
    }),
    listBankDepositTransactions: listAction({
      label: "List Bank Deposit Transactions",
      description: "The payments in one bank deposit, with customer, amounts and the invoices they were applied to.",
      operation: "GET /accounting/v2/tenant/{tenant}/bank-deposits/{id}/transactions",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/bank-deposits/{id}/transactions"),
    }),
    markBankDepositsAsExported: markAsExportedAction({
      label: "Mark Bank Deposits as Exported",
      description: "After posting bank deposits to your accounting system: set their sync status to Exported.",
      operation: "POST /accounting/v2/tenant/{tenant}/bank-deposits/markasexported",
      what: "Bank Deposits",
      dataSource: "selectBankDeposit",
      body: { ids: "ids" },
    }),

    // ---- Invoices: exported, tasks, custom field types --------------------------------------------------------------
    markInvoicesAsExported: markAsExportedAction({
      label: "Mark Invoices as Exported",
      description:
        "After posting invoices to your accounting system: set their sync status to Exported and store your system's reference for each (External References). Answers one {invoiceId, success, errorMessage} per invoice.",
      operation: "POST /accounting/v2/tenant/{tenant}/invoices/markasexported",
      what: "Invoices",
      dataSource: "selectInvoice",
      body: { items: "invoiceId" },
    }),
    listInvoiceCustomFieldTypes: listAction({
      label: "List Invoice Custom Field Types",
      description:
        "The custom fields invoices can carry (name, data type and dropdown options): the names Update Invoice Custom Fields takes.",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices/custom-fields",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/invoices/custom-fields"),
    }),
    listInvoiceTasks: listAction({
      label: "List Invoice Tasks",
      description: "The tasks of an invoice (review, follow-up …) with status, assignee and due date.",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/tasks",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/tasks"),
    }),
    createInvoiceTask: derivedAction({
      label: "Create Invoice Task",
      description: "Create tasks on an invoice from a task template; answers the new tasks' ids.",
      operation: "POST /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/tasks",
      inputs: {
        templateId: inBody(
          stringInput({
            label: "Task Template",
            required: true,
            comments: "The id of the task template to create the tasks from, as ServiceTitan shows it.",
          }),
          "templateId",
        ),
        variables: {
          comments: "Values for the template's variables, as a JSON object of name → value.",
          example: '{"reason": "Missing signature"}',
        },
      },
    }),
    updateInvoiceTask: derivedAction({
      label: "Update Invoice Task",
      description: "Rename an invoice task, change its status, assignee, due date or description.",
      operation: "PATCH /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/tasks/{taskId}",
      inputs: {
        taskId: {
          label: "Invoice Task ID",
          dataSource: "selectInvoiceTask",
          comments: "The task (a GUID): pick one of the invoice's tasks or map it from List Invoice Tasks.",
        },
        assigneeId: { comments: "The GUID of the user the task is assigned to (the assigneeId of a task you read)." },
      },
    }),

    // ---- Payments: status, custom field types ----------------------------------------------------------------------
    updatePaymentStatus: derivedAction({
      label: "Update Payment Status",
      description: "Set several customer payments to Pending, Posted or Exported at once (e.g. Exported after posting them to your books).",
      operation: "POST /accounting/v2/tenant/{tenant}/payments/status",
      inputs: { paymentIds: { comments: "The payments to change, one id per entry (or comma-separated)." } },
    }),
    listPaymentCustomFieldTypes: listAction({
      label: "List Payment Custom Field Types",
      description:
        "The custom fields payments can carry (name, data type and dropdown options): the names Update Payment Custom Fields takes.",
      operation: "GET /accounting/v2/tenant/{tenant}/payments/custom-fields",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/payments/custom-fields"),
    }),

    // ---- Reference lists -----------------------------------------------------------------------------------------
    listPaymentTypes: listAction({
      label: "List Payment Types",
      description: "How customers pay: cash, check, credit card …",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-types",
      dataSource: "selectPaymentType",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/payment-types"),
    }),
    getPaymentType: derivedAction({
      label: "Get Payment Type",
      description: "One payment type.",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-types/{id}",
    }),
    listPaymentTerms: listAction({
      label: "List Payment Terms",
      description: "Payment terms (Net 30 …) with their due-day rule, early-payment discount and interest settings.",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-terms",
      dataSource: "selectPaymentTerm",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/payment-terms"),
    }),
    getPaymentTerm: derivedAction({
      label: "Get Payment Term",
      description: "One payment term with its due-day rule, discount and interest settings.",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-terms/{paymentTermId}",
    }),
    listTaxZones: listAction({
      label: "List Tax Zones",
      description: "Sales tax zones and their rates (as fractions, e.g. 0.086).",
      operation: "GET /accounting/v2/tenant/{tenant}/tax-zones",
      dataSource: "selectTaxZone",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/tax-zones"),
    }),
  },
  dataSources: {
    selectCreditMemo: picklist<Schemas["Accounting.V2.CreditMemos.CreditMemoPublicResponse"]>({
      label: "Select Credit Memo",
      description: "Select a credit memo from a dropdown menu, newest first",
      operation: creditMemoList,
      query: { sort: "-Id" },
      option: (memo) => ({ key: String(memo.id), label: documentLabel("Credit memo", memo.referenceNumber, memo.customer?.name, memo.id) }),
      order: "api",
      example: [{ key: "365001", label: "Credit memo CM-1001 — Jane Doe (ID: 365001)" }],
    }),
    selectBankDeposit: picklist<Schemas["Accounting.V2.DetailedDepositResponse"]>({
      label: "Select Bank Deposit",
      description: "Select a bank deposit from a dropdown menu, newest first",
      operation: "GET /accounting/v2/tenant/{tenant}/bank-deposits",
      query: { sort: "-Id" },
      option: (deposit) => ({
        key: String(deposit.id),
        label: `${String(deposit.name ?? "").trim() || "Deposit"}${deposit.depositDate ? ` (${deposit.depositDate.slice(0, 10)})` : ""} (ID: ${deposit.id})`,
      }),
      order: "api",
      example: [{ key: "370001", label: "Deposit 2025-03-03 (2025-03-03) (ID: 370001)" }],
    }),
    selectPayment: picklist<Schemas["Accounting.V2.DetailedPaymentResponse"]>({
      label: "Select Payment",
      description: "Select a customer payment from a dropdown menu, newest first",
      operation: "GET /accounting/v2/tenant/{tenant}/payments",
      query: { sort: "-Id" },
      option: (payment) => ({
        key: String(payment.id),
        label: `${documentLabel("Payment", payment.referenceNumber, payment.customer?.name, payment.id).replace(/ \(ID: \d+\)$/, "")}${payment.total ? ` ${payment.total}` : ""} (ID: ${payment.id})`,
      }),
      order: "api",
      example: [{ key: "70001", label: "Payment 1001 — John Doe 125.50 (ID: 70001)" }],
    }),
    selectInvoiceTask: picklist<Schemas["Accounting.V2.GetInvoiceTasksResponse"] & { id?: string }>({
      label: "Select Invoice Task",
      description: "Select one of an invoice's tasks from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/invoices/{invoiceId}/tasks",
      params: { invoiceId: inPath(invoiceIdInput(true, "The invoice whose tasks are listed.")) },
      option: (task) => ({
        key: String(task.taskId),
        label: `${String(task.name ?? "").trim() || "Task"}${task.status ? ` (${task.status})` : ""}`,
      }),
      order: "label",
      example: [{ key: "3fa85f64-5717-4562-b3fc-2c963f66afa6", label: "Review invoice (Open)" }],
    }),
    selectPaymentTerm: namedPicklist<Schemas["Accounting.V2.PaymentTermAPIModel"] & { id: number }>({
      label: "Select Payment Term",
      description: "Select a payment term (Net 30 …) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-terms",
      example: [{ key: "391001", label: "Net 30 (ID: 391001)" }],
    }),
    selectTaxZone: namedPicklist<Schemas["Accounting.V2.TaxZoneResponse"]>({
      label: "Select Tax Zone",
      description: "Select a sales tax zone from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/tax-zones",
      query: { active: "True" },
      example: [{ key: "392001", label: "Phoenix (ID: 392001)" }],
    }),
  },
};
