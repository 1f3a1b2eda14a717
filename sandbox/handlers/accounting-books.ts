/**
 * accounting/v2 beyond invoices and payments: the general ledger (GL accounts, account types, journal entries with
 * GUID ids and their lines), payables (AP bills, credits, payments, inventory bills, remittance vendors), credit
 * memos, bank deposits, payment terms and tax zones, and the "mark as exported" effect every accounting sync relies
 * on (syncStatus → Exported, the external reference kept).
 *
 * Id ranges (back-finance owns 300001–399999): gl-accounts 300001, journal-entries 310001 (internal; the API shows
 * GUIDs), ap-bills 320001, ap-credits 360001, ap-payments 362501, credit-memos 365001, credit-memo-items 367501,
 * bank-deposits 370001, inventory-bills 375001, gl-account-types 390001, payment-terms 391001, tax-zones 392001,
 * remittance-vendors 393001. Payroll and timesheets use the rest (see payroll.ts, timesheets.ts).
 */
import type { CollectionDef } from "../resources";
import { schemaCollection } from "../generic";
import { listPage } from "../listing";
import { badRequest, conflict, notFound, specViolation } from "../problem";
import type { Spec } from "../spec";
import type { SandboxRecord, Store } from "../store";
import {
  create,
  getOne,
  list,
  mustFind,
  mustRef,
  ok,
  update,
  type Handler,
  type HandlerContext,
  type HandlerTable,
  type Json,
} from "./kit";

// ---- exact decimal sums (journal entry summaries): money never goes through floating point here either ---------------

const SCALE = 10n ** 12n;
const toScaled = (value: unknown): bigint => {
  const text = typeof value === "number" ? value.toFixed(12) : String(value ?? "0");
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return 0n;
  const fraction = (match[3] ?? "").padEnd(12, "0").slice(0, 12);
  const scaled = BigInt(match[2] || "0") * SCALE + BigInt(fraction || "0");
  return match[1] ? -scaled : scaled;
};
const fromScaled = (value: bigint): number => {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${abs / SCALE}.${(abs % SCALE).toString().padStart(12, "0")}`.replace(/\.?0+$/, "");
  return Number(`${negative ? "-" : ""}${text}`);
};

// ---- mark as exported ---------------------------------------------------------------------------------------------

interface ExportRequest {
  id: unknown;
  externalId?: string | null;
  externalMessage?: string | null;
}

/**
 * `POST …/markasexported`: each record's syncStatus becomes Exported and the external reference is kept (exportId
 * where the record has one). Unknown ids fail one by one, as ServiceTitan reports them, without failing the call.
 */
function markAsExported(
  name: string,
  label: string,
  requests: (body: Json) => ExportRequest[],
  answer?: (id: unknown, success: boolean, errorMessage: string | null) => Record<string, unknown>,
): Handler {
  return (ctx) => {
    const collection = ctx.store.collection(name);
    const results = requests(ctx.body).map(({ id, externalId, externalMessage }) => {
      const record = typeof id === "number" ? collection.get(id) : undefined;
      if (!record || !record.active) return answer?.(id, false, `${label} with id ${id} not found`);
      collection.update(record, {
        syncStatus: "Exported",
        ...(externalId !== undefined ? { exportId: externalId } : {}),
        ...(externalMessage !== undefined ? { externalMessage } : {}),
      });
      return answer?.(id, true, null);
    });
    return answer ? ok(results) : ok();
  };
}

/** `PATCH …/custom-fields`: `{operations: [{objectId, customFields: [{name, value}]}]}` merged by name. */
export function updateCustomFieldsOf(name: string): Handler {
  return (ctx) => {
    const operations: Json[] = ctx.body.operations ?? [];
    const targets = operations.map((o, i) => mustRef(ctx, name, o.objectId, `operations[${i}].objectId`));
    operations.forEach((operation, i) => {
      const merged = new Map<string, string>(((targets[i].customFields as Json[]) ?? []).map((f) => [f.name, f.value]));
      for (const f of operation.customFields ?? []) merged.set(f.name, f.value ?? "");
      ctx.store.collection(name).update(targets[i], { customFields: [...merged].map(([n, value]) => ({ name: n, value })) });
    });
    return ok();
  };
}

// ---- journal entries (GUID ids) -----------------------------------------------------------------------------------

const JOURNAL_PAGE_MAX = 500;
const guidOf = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`;
const journalView = (record: SandboxRecord) => ({ ...record, id: record.guid });

function findJournalEntry(ctx: HandlerContext, guid: string): SandboxRecord {
  const record = ctx.store
    .collection("journal-entries")
    .sortedById()
    .find((r) => r.guid === String(guid).toLowerCase());
  if (!record || !record.active) throw notFound("Journal entry", guid);
  return record;
}

/** A page of rows that are not records (summary/detail lines), at most 500 each. */
function journalRows(ctx: HandlerContext, rows: Record<string, unknown>[]) {
  const records = rows.map((row, i) => ({ ...row, id: i + 1, active: true }) as unknown as SandboxRecord);
  const page = listPage(ctx.store, ctx.store.collection("journal-entries"), {
    op: ctx.op,
    query: ctx.query,
    pageSizeCap: Math.min(JOURNAL_PAGE_MAX, ctx.settings.pageSizeCap),
    records,
  });
  return ok(page);
}

const accountOf = (store: Store, id: unknown) => {
  const account = store.collection("gl-accounts").get(Number(id));
  return {
    id: Number(id),
    number: account?.number ?? null,
    name: account?.name ?? null,
    type: account?.type ?? null,
    subtype: account?.subtype ?? null,
  };
};
const businessUnitOf = (store: Store, id: unknown) =>
  id == null ? null : { id: Number(id), name: (store.collection("business-units").get(Number(id))?.name as string) ?? null };

/** Lines of a create/replace body: referenced GL accounts must exist (400 naming the line otherwise). */
function journalLines(ctx: HandlerContext, lines: Json[] | null | undefined): Json[] {
  return (lines ?? []).map((line, i) => {
    if (line.accountId != null) mustRef(ctx, "gl-accounts", line.accountId, `lines[${i}].accountId`);
    if (line.businessUnitId != null) mustRef(ctx, "business-units", line.businessUnitId, `lines[${i}].businessUnitId`);
    return { ...line };
  });
}

/** Custom fields as an object (name → value; null clears) merged into the record's [{name, value}]. */
const mergeCustomFields = (current: Json[] | null | undefined, changes: Record<string, unknown> | null | undefined) => {
  const merged = new Map<string, unknown>((current ?? []).map((f) => [f.name, f.value]));
  for (const [name, value] of Object.entries(changes ?? {})) merged.set(name, value === null || value === undefined ? null : String(value));
  return [...merged].map(([name, value]) => ({ name, value }));
};

const journalHandlers: HandlerTable = {
  JournalEntries_GetList: (ctx) => {
    const { ids, ...query } = ctx.query;
    const wanted =
      ids === undefined
        ? undefined
        : new Set(
            String(ids)
              .split(",")
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean),
          );
    if (wanted && wanted.size > 50) throw specViolation("ids", `at most 50 ids per request (got ${wanted.size})`);
    const collection = ctx.store.collection("journal-entries");
    const records = wanted ? collection.sortedById().filter((r) => wanted.has(r.guid)) : undefined;
    const page = listPage(ctx.store, collection, {
      op: ctx.op,
      query,
      pageSizeCap: Math.min(JOURNAL_PAGE_MAX, ctx.settings.pageSizeCap),
      records,
    });
    return ok({ ...page, data: page.data.map(journalView) });
  },
  JournalEntries_Get: (ctx) => ok(journalView(findJournalEntry(ctx, ctx.params.id))),
  JournalEntries_CreateJournalEntry: (ctx) => {
    const collection = ctx.store.collection("journal-entries");
    const number = Math.max(1000, ...collection.sortedById().map((r) => Number(r.number) || 0)) + 1;
    const { lines, customFields, ...fields } = ctx.body;
    ctx.store.create("journal-entries", {
      ...fields,
      number,
      source: "External",
      syncStatus: "NotSynced",
      lines: journalLines(ctx, lines),
      customFields: mergeCustomFields([], customFields),
      isEmpty: !(lines ?? []).length,
    });
    // The documents declare no answer body for a create.
    return ok();
  },
  JournalEntries_FullUpdate: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    if (record.source !== "External") throw conflict("Only external journal entries (created through the API) can be replaced");
    if (ctx.body.versionId !== record.versionId) {
      throw badRequest({
        versionId: [`Version ${ctx.body.versionId} is not the current version ${record.versionId} of the journal entry`],
      });
    }
    const { lines, customFields, versionId, ...fields } = ctx.body;
    ctx.store.collection("journal-entries").update(record, {
      ...fields,
      lines: journalLines(ctx, lines),
      customFields: mergeCustomFields(record.customFields, customFields),
      versionId: versionId + 1,
      isEmpty: !(lines ?? []).length,
    });
    return ok();
  },
  JournalEntries_Update: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    ctx.store.collection("journal-entries").update(record, {
      ...(ctx.body.status ? { status: ctx.body.status } : {}),
      ...(ctx.body.customFields !== undefined ? { customFields: mergeCustomFields(record.customFields, ctx.body.customFields) } : {}),
      versionId: record.versionId + 1,
    });
    return ok(journalView(record));
  },
  JournalEntries_DeleteJournalEntry: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    if (record.source !== "External") throw conflict("Only external journal entries (created through the API) can be deleted");
    ctx.store.collection("journal-entries").update(record, { active: false });
    return ok();
  },
  JournalEntries_SyncUpdate: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    const { syncStatus, versionId, message, customFields } = ctx.body;
    if (syncStatus === "Synced" && versionId !== record.versionId) {
      throw badRequest({ versionId: [`Synced needs the current version ${record.versionId}; got ${versionId ?? "none"}`] });
    }
    ctx.store.collection("journal-entries").update(record, {
      syncStatus,
      message: message ?? record.message,
      ...(syncStatus === "Synced" ? { lastSyncVersionId: versionId, exportedOn: ctx.store.now() } : {}),
      ...(customFields !== undefined ? { customFields: mergeCustomFields(record.customFields, customFields) } : {}),
    });
    return ok(journalView(record));
  },
  JournalEntries_GetSummary: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    const groups = new Map<string, { line: Json; debit: bigint; credit: bigint }>();
    for (const line of record.lines as Json[]) {
      const key = `${line.accountId}|${line.businessUnitId ?? ""}`;
      const group = groups.get(key) ?? { line, debit: 0n, credit: 0n };
      group.debit += toScaled(line.debit);
      group.credit += toScaled(line.credit);
      groups.set(key, group);
    }
    return journalRows(
      ctx,
      [...groups.values()].map(({ line, debit, credit }) => ({
        postDate: line.postDate ?? record.postDate,
        account: accountOf(ctx.store, line.accountId),
        debit: fromScaled(debit),
        credit: fromScaled(credit),
        memo: line.memo ?? null,
        businessUnit: businessUnitOf(ctx.store, line.businessUnitId),
      })),
    );
  },
  JournalEntries_GetDetails: (ctx) => {
    const record = findJournalEntry(ctx, ctx.params.id);
    return journalRows(
      ctx,
      (record.lines as Json[]).map((line) => ({
        ...line,
        postDate: line.postDate ?? record.postDate,
        account: accountOf(ctx.store, line.accountId),
        businessUnit: businessUnitOf(ctx.store, line.businessUnitId),
        transaction: line.appliedTo ?? null,
        transactionDate: line.postDate ?? record.postDate,
      })),
    );
  },
};

// ---- the rest ------------------------------------------------------------------------------------------------------

const itemsOf = (body: Json, idField: string): ExportRequest[] =>
  (Array.isArray(body) ? body : []).map((item: Json) => ({
    id: item[idField],
    externalId: item.externalId,
    externalMessage: item.externalMessage,
  }));
const idsOf = (ids: unknown): ExportRequest[] => ((ids as unknown[] | null | undefined) ?? []).map((id) => ({ id }));

/** `POST credit-memos/{id}/splits`: the credit is applied to invoices, its balance goes down. */
const addCreditMemoSplits: Handler = (ctx) => {
  const memo = mustFind(ctx, "credit-memos", ctx.params.id);
  const splits: Json[] = (ctx.body.splits ?? []).filter(Boolean);
  let balance = toScaled(memo.balance);
  const applied = splits.map((split, i) => {
    const invoice = mustRef(ctx, "invoices", split.invoiceId, `splits[${i}].invoiceId`);
    balance -= toScaled(split.amount);
    return {
      appliedId: invoice.id * 10 + i,
      appliedTo: invoice.id,
      appliedAmount: split.amount,
      appliedOn: ctx.store.now().slice(0, 10),
      appliedBy: "API",
      appliedToReferenceNumber: invoice.referenceNumber ?? null,
    };
  });
  if (balance < 0n) throw badRequest({ splits: [`The splits add up to more than the credit memo's balance ${memo.balance}`] });
  ctx.store
    .collection("credit-memos")
    .update(memo, { appliedTo: [...((memo.appliedTo as Json[]) ?? []), ...applied], balance: fromScaled(balance) });
  return ok({ id: memo.id, splits: splits.map((s) => ({ invoiceId: s.invoiceId, amount: s.amount })) });
};

const updateCreditMemo: Handler = (ctx) => {
  const memo = mustFind(ctx, "credit-memos", ctx.params.id);
  const { active, summary, date, businessUnitId } = ctx.body;
  const unit = businessUnitId != null ? mustRef(ctx, "business-units", businessUnitId, "businessUnitId") : undefined;
  ctx.store.collection("credit-memos").update(memo, {
    ...(active !== undefined ? { active } : {}),
    ...(summary !== undefined ? { description: summary } : {}),
    ...(date !== undefined ? { date: String(date).slice(0, 10) } : {}),
    ...(unit ? { businessUnit: { id: unit.id, name: unit.name } } : {}),
  });
  return ok({ id: memo.id, active: memo.active, summary: memo.description, date: memo.date, businessUnitId: memo.businessUnit?.id ?? 0 });
};

const updatePaymentStatus: Handler = (ctx) => {
  const payments = (ctx.body.paymentIds as number[]).map((id, i) => mustRef(ctx, "payments", id, `paymentIds[${i}]`));
  for (const payment of payments) ctx.store.collection("payments").update(payment, { status: ctx.body.status });
  return ok();
};

/** Deposits list the payments deposited in them. */
const depositTransactions: Handler = (ctx) => {
  const deposit = mustFind(ctx, "bank-deposits", ctx.params.id);
  return list("payments", { scope: () => (r) => r.deposit?.id === deposit.id })(ctx);
};

export const accountingBooks: HandlerTable = {
  ...journalHandlers,
  GlAccounts_GetList: list("gl-accounts"),
  GlAccounts_GetAccount: getOne("gl-accounts", { idParam: "accountId" }),
  GlAccounts_CreateAccount: create("gl-accounts"),
  GlAccounts_UpdateAccount: update("gl-accounts", { idParam: "accountId" }),
  GlAccounts_GetTypeList: list("gl-account-types"),

  ApBills_GetListPaginated: list("ap-bills"),
  ApBills_GetById: getOne("ap-bills", { idParam: "billId" }),
  ApBills_MarkAsExported: markAsExported(
    "ap-bills",
    "AP bill",
    (b) => idsOf(b.billIds),
    (billId, success, errorMessage) => ({ billId, success, errorMessage }),
  ),
  ApBills_UpdateCustomFields: updateCustomFieldsOf("ap-bills"),
  ApCredits_GetList: list("ap-credits"),
  ApCredits_MarkAsExported: markAsExported(
    "ap-credits",
    "AP credit",
    (b) => itemsOf(b, "apCreditId"),
    (apCreditId, success, errorMessage) => ({ apCreditId, success, errorMessage }),
  ),
  ApCredits_UpdateCustomFields: updateCustomFieldsOf("ap-credits"),
  ApPayments_GetList: list("ap-payments"),
  ApPayments_MarkAsExported: markAsExported(
    "ap-payments",
    "AP payment",
    (b) => itemsOf(b, "apPaymentId"),
    (apPaymentId, success, errorMessage) => ({ apPaymentId, success, errorMessage }),
  ),
  ApPayments_UpdateCustomFields: updateCustomFieldsOf("ap-payments"),
  InventoryBills_GetListPaginated: list("inventory-bills"),
  // The older list: the same filters and paging, the page's records as a bare array (no envelope).
  InventoryBills_GetList: async (ctx) => ok(((await list("inventory-bills")(ctx)).body as { data: unknown[] }).data),
  InventoryBills_MarkAsExported: markAsExported(
    "inventory-bills",
    "Inventory bill",
    (b) => idsOf(b.inventoryBillIds),
    (inventoryBillId, success, errorMessage) => ({ inventoryBillId, success, errorMessage }),
  ),
  InventoryBills_UpdateCustomFields: updateCustomFieldsOf("inventory-bills"),
  RemittanceVendors_GetList: list("remittance-vendors"),
  RemittanceVendors_GetById: getOne("remittance-vendors"),

  CreditMemos_GetCreditMemosList: list("credit-memos"),
  CreditMemos_GetCreditMemoItemsList: (ctx) => {
    const memo = mustFind(ctx, "credit-memos", ctx.params.id);
    return list("credit-memo-items", { scope: () => (r) => r.creditMemoId === memo.id })(ctx);
  },
  CreditMemos_GetCreditMemosItemsList: list("credit-memo-items"),
  CreditMemos_UpdateCreditMemo: updateCreditMemo,
  CreditMemos_AddCreditMemoSplits: addCreditMemoSplits,
  CreditMemos_MarkAsExported: markAsExported(
    "credit-memos",
    "Credit memo",
    (b) => itemsOf(b, "creditMemoId"),
    (creditMemoId, success, errorMessage) => ({ creditMemoId, success, errorMessage }),
  ),
  CreditMemos_UpdateCustomFields: updateCustomFieldsOf("credit-memos"),

  Deposits_GetList: list("bank-deposits"),
  Deposits_GetTransactionsList: depositTransactions,
  Deposits_MarkAsExported: markAsExported("bank-deposits", "Bank deposit", (b) => idsOf(b.ids)),

  Invoices_MarkAsExported: markAsExported(
    "invoices",
    "Invoice",
    (b) => itemsOf(b, "invoiceId"),
    (invoiceId, success, errorMessage) => ({ invoiceId, success, errorMessage }),
  ),
  Payments_UpdateStatus: updatePaymentStatus,
  PaymentTypes_Get: getOne("payment-types"),
  PaymentTerms_GetList: list("payment-terms"),
  PaymentTerms_GetPaymentTermModel: getOne("payment-terms", { idParam: "paymentTermId" }),
  TaxZones_GetList: list("tax-zones"),
};

// ---- collections and demo records -----------------------------------------------------------------------------------

const syncFilters = { syncStatuses: { in: "syncStatus" }, syncStatus: "syncStatus" } as const;

export const accountingCollections = (spec: Spec): CollectionDef[] => [
  schemaCollection(spec, {
    name: "gl-accounts",
    label: "GL account",
    firstId: 300001,
    record: "accounting/GlAccounts_GetAccount",
    defaults: () => ({ source: "PublicApi", isIntacctGroup: false, isIntacctBankAccount: false, defaultAccountType: null, subtype: null }),
    filters: {
      names: { in: "name" },
      numbers: { in: "number" },
      types: { in: "type" },
      subtypes: { in: "subtype" },
      source: "source",
      description: { contains: "description" },
    },
  }),
  schemaCollection(spec, {
    name: "journal-entries",
    label: "Journal entry",
    firstId: 310001,
    record: "accounting/JournalEntries_Get",
    defaults: (_store, fields, id) => ({
      guid: guidOf(id),
      status: "Open",
      versionId: 1,
      lastSyncVersionId: null,
      exportedOn: null,
      exportedBy: null,
      url: null,
      message: null,
      lines: [],
      customFields: [],
      isEmpty: !(fields.lines as unknown[] | undefined)?.length,
    }),
    filters: {
      statuses: { in: "status" },
      syncStatuses: { in: "syncStatus" },
      name: { contains: "name" },
      numberFrom: (r, v) => Number(r.number) >= Number(v),
      numberTo: (r, v) => Number(r.number) <= Number(v),
      postedFrom: (r, v) => !!r.postDate && String(r.postDate) >= String(v).slice(0, 10),
      postedTo: (r, v) => !!r.postDate && String(r.postDate) <= String(v).slice(0, 10),
    },
  }),
  schemaCollection(spec, {
    name: "ap-bills",
    label: "AP bill",
    firstId: 320001,
    record: "accounting/ApBills_GetById",
    defaults: (_store, fields) => ({
      syncStatus: "Pending",
      status: "Unreconciled",
      billType: "ApBill",
      source: "API",
      doNotPay: false,
      customFields: [],
      dateCanceled: null,
      canceledBy: null,
      vendorInvoiceTotal: fields.billAmount ?? null,
      otherAmount: null,
      createdBy: "Office",
      shipToDescription: null,
      budgetCodeId: null,
      postDate: null,
      earlyDiscountDate: null,
      dateReconciled: null,
    }),
    filters: {
      ...syncFilters,
      statuses: { in: "status" },
      sources: { in: "source" },
      billNumber: { contains: "referenceNumber" },
      jobNumber: { contains: "jobNumber" },
    },
  }),
  schemaCollection(spec, {
    name: "ap-credits",
    label: "AP credit",
    firstId: 360001,
    record: "accounting/ApCredits_GetList",
    defaults: () => ({
      syncStatus: "Pending",
      status: "Unreconciled",
      paymentStatus: "Unpaid",
      splits: [],
      customFields: [],
      canceledOn: null,
      inventoryReturnId: null,
      jobId: null,
      batch: null,
      businessUnit: null,
      remittanceVendor: null,
      budgetCodeId: null,
    }),
    filters: syncFilters,
  }),
  schemaCollection(spec, {
    name: "ap-payments",
    label: "AP payment",
    firstId: 362501,
    record: "accounting/ApPayments_GetList",
    defaults: () => ({
      syncStatus: "Pending",
      status: "Paid",
      method: "AccountingSystem",
      splits: [],
      customFields: [],
      errorMessage: null,
      approvedDate: null,
      printCheck: false,
      batch: null,
      glAccount: null,
      businessUnit: null,
      remittanceVendor: null,
    }),
    filters: syncFilters,
  }),
  schemaCollection(spec, {
    name: "credit-memos",
    label: "Credit memo",
    firstId: 365001,
    record: "accounting/CreditMemos_GetCreditMemosList",
    defaults: () => ({ syncStatus: "Pending", appliedTo: [], customFields: [], exportId: null, importId: null }),
    filters: {
      businessUnitIds: { in: "businessUnit.id" },
      appliedToInvoiceIds: (r, v) => {
        const wanted = new Set(String(v).split(","));
        return ((r.appliedTo as Json[]) ?? []).some((a) => wanted.has(String(a.appliedTo)));
      },
    },
  }),
  schemaCollection(spec, {
    name: "credit-memo-items",
    label: "Credit memo item",
    firstId: 367501,
    record: "accounting/CreditMemos_GetCreditMemosItemsList",
    filters: { creditMemoIds: { in: "creditMemoId" }, businessUnitIds: { in: "businessUnit.id" } },
  }),
  schemaCollection(spec, {
    name: "bank-deposits",
    label: "Bank deposit",
    firstId: 370001,
    record: "accounting/Deposits_GetList",
    defaults: () => ({ syncStatus: "Pending", depositStatus: "Deposited", reviewStatus: "Reviewed", importId: null }),
    filters: { syncStatus: "syncStatus", depositStatus: "depositStatus", reviewStatus: "reviewStatus" },
  }),
  schemaCollection(spec, {
    name: "inventory-bills",
    label: "Inventory bill",
    firstId: 375001,
    record: "accounting/InventoryBills_GetListPaginated",
    defaults: () => ({
      syncStatus: "Pending",
      landedCostMethod: "None",
      customFields: [],
      createdBy: "Office",
      termName: "Net 30",
      shipToDescription: null,
      budgetCodeId: null,
      postDate: null,
      dueDate: null,
      dateReconciled: null,
    }),
    filters: { ...syncFilters, billNumber: { contains: "referenceNumber" }, jobNumber: { contains: "jobNumber" } },
  }),
  schemaCollection(spec, {
    name: "gl-account-types",
    label: "GL account type",
    firstId: 390001,
    record: "accounting/GlAccounts_GetTypeList",
    filters: { names: { in: "name" } },
  }),
  schemaCollection(spec, {
    name: "payment-terms",
    label: "Payment term",
    firstId: 391001,
    record: "accounting/PaymentTerms_GetPaymentTermModel",
  }),
  schemaCollection(spec, { name: "tax-zones", label: "Tax zone", firstId: 392001, record: "accounting/TaxZones_GetList" }),
  schemaCollection(spec, {
    name: "remittance-vendors",
    label: "Remittance vendor",
    firstId: 393001,
    record: "accounting/RemittanceVendors_GetById",
  }),
];

// Demo records: a small contractor's books in March 2025. Money is kept as ServiceTitan sends it: strings with its
// long scale on bills ("1234.5600000000000000000"), numbers elsewhere.
const VENDORS = ["Ferguson Supply", "Johnstone Supply", "Carrier Enterprise"];

export function seedAccountingBooks(store: Store): void {
  const types = [
    "Bank",
    "Accounts Receivable",
    "Other Current Asset",
    "Accounts Payable",
    "Other Current Liability",
    "Income",
    "Cost of Goods Sold",
    "Expense",
  ].map((name) => store.create("gl-account-types", { name, parentTypeId: null }));
  store.create("gl-account-types", { name: "Checking", parentTypeId: types[0].id });
  const accounts = [
    ["1000", "Operating Checking", "Bank", "Checking", "CheckingAccount"],
    ["1100", "Undeposited Funds", "Other Current Asset", null, "UndepositedFunds"],
    ["1200", "Accounts Receivable", "Accounts Receivable", null, "AccountsReceivable"],
    ["1300", "Inventory Asset", "Other Current Asset", null, "Inventory"],
    ["2000", "Accounts Payable", "Accounts Payable", null, "AccountsPayable"],
    ["2200", "Sales Tax Payable", "Other Current Liability", null, "SalesTaxPayable"],
    ["4000", "Service Revenue", "Income", null, "Revenue"],
    ["4100", "Equipment Sales", "Income", null, null],
    ["5000", "Cost of Goods Sold - Materials", "Cost of Goods Sold", null, "CostOfGoodsSoldMaterials"],
    ["6000", "Payroll Expense", "Expense", null, "PayrollLabor"],
  ].map(([number, name, type, subtype, defaultAccountType]) =>
    store.create("gl-accounts", {
      number,
      name,
      type,
      subtype,
      defaultAccountType,
      description: `${name} (${type})`,
      source: "AccountingSystem",
    }),
  );
  store.create("gl-accounts", {
    number: "6900",
    name: "Old Vehicle Lease",
    type: "Expense",
    description: "Closed in 2024",
    active: false,
    source: "AccountingSystem",
  });
  const [checking, , receivable, inventory, payable, salesTax, revenue] = accounts;
  const line = (
    account: SandboxRecord,
    debit: number | string,
    credit: number | string,
    memo: string,
    businessUnitId: number | null = 101,
  ) => ({
    accountId: account.id,
    debit,
    credit,
    memo,
    businessUnitId,
  });
  store.create("journal-entries", {
    name: "Sales 2025-03-03",
    number: 1001,
    source: "ServiceTitan",
    status: "Closed",
    syncStatus: "Synced",
    versionId: 2,
    lastSyncVersionId: 2,
    postDate: "2025-03-03",
    exportedOn: "2025-03-04T06:00:00Z",
    lines: [
      line(receivable, 1340.25, 0, "Invoices 50001–50003"),
      line(revenue, 0, 1234.1, "Invoices 50001–50003"),
      line(salesTax, 0, 106.15, "Sales tax", null),
    ],
  });
  store.create("journal-entries", {
    name: "Payments 2025-03-04",
    number: 1002,
    source: "ServiceTitan",
    status: "Open",
    syncStatus: "NotSynced",
    postDate: "2025-03-04",
    lines: [line(checking, 980.5, 0, "Deposit 2025-03-04"), line(receivable, 0, 980.5, "Payments 70001–70004")],
  });
  store.create("journal-entries", {
    name: "Inventory receipt PO-2001",
    number: 1003,
    source: "ServiceTitan",
    status: "Open",
    syncStatus: "NotSynced",
    postDate: "2025-03-05",
    lines: [line(inventory, 1234.56, 0, "Receipt PO-2001"), line(payable, 0, 1234.56, "Ferguson Supply")],
  });

  const bill = (i: number, fields: Record<string, unknown>) => ({
    referenceNumber: `BILL-${1040 + i}`,
    vendorNumber: `INV-${88120 + i}`,
    summary: "Materials for March jobs",
    billDate: `2025-03-0${i + 1}T00:00:00Z`,
    dueDate: `2025-04-0${i + 1}T00:00:00Z`,
    termName: "Net 30",
    vendor: { id: 400001 + (i % 3), name: VENDORS[i % 3] },
    businessUnit: { id: 101, name: "HVAC Service" },
    taxZone: null,
    remittanceVendorInfo: null,
    batch: null,
    shipTo: null,
    purchaseOrderId: null,
    jobId: null,
    jobNumber: null,
    items: [],
    expenseItems: [],
    ...fields,
  });
  store.create(
    "ap-bills",
    bill(0, { billAmount: "1234.5600000000000000000", taxAmount: "98.7600000000000000000", shippingAmount: "0.0000000000000000000" }),
  );
  store.create(
    "ap-bills",
    bill(1, { billAmount: "842.1000000000000000000", taxAmount: "67.3700000000000000000", shippingAmount: "25.0000000000000000000" }),
  );
  store.create("ap-bills", bill(2, { billAmount: "96.4000000000000000000", taxAmount: "7.7100000000000000000", syncStatus: "Exported" }));
  store.create("ap-bills", bill(3, { billAmount: "3150.0000000000000000000", taxAmount: "0.0000000000000000000", syncStatus: "Posted" }));
  VENDORS.forEach((name, i) =>
    store.create("remittance-vendors", {
      name,
      customerId: `V-${100 + i}`,
      isApproved: true,
      isVerified: i < 2,
      contactInfo: {
        firstName: "Accounts",
        lastName: "Receivable",
        phone: `60255501${10 + i}`,
        email: `ar@${name.split(" ")[0].toLowerCase()}.example`,
        fax: null,
      },
      address: { street: `${1200 + i * 100} W Buckeye Rd`, unit: null, city: "Phoenix", state: "AZ", zip: "85009", country: "USA" },
    }),
  );
  store.create("ap-credits", {
    number: "VC-301",
    referenceNumber: "RMA-5521",
    memo: "Returned damaged coil",
    amount: 412.5,
    appliedAmount: 0,
    date: "2025-03-06T00:00:00Z",
    vendor: { id: 400001, name: VENDORS[0] },
  });
  store.create("ap-credits", {
    number: "VC-302",
    referenceNumber: "RMA-5530",
    memo: "Price adjustment",
    amount: 38.2,
    appliedAmount: 38.2,
    date: "2025-03-07T00:00:00Z",
    vendor: { id: 400002, name: VENDORS[1] },
  });
  store.create("ap-payments", {
    name: "CHK-5001",
    amount: 1234.56,
    date: "2025-03-10T00:00:00Z",
    vendor: { id: 400001, name: VENDORS[0] },
  });
  store.create("ap-payments", { name: "ACH-5002", amount: 842.1, date: "2025-03-11T00:00:00Z", vendor: { id: 400002, name: VENDORS[1] } });

  const invoices = store.collection("invoices").sortedById();
  [0, 1, 2].forEach((i) => {
    const invoice = invoices[i];
    const memo = store.create("credit-memos", {
      referenceNumber: `CM-${1001 + i}`,
      date: `2025-03-1${i}`,
      subTotal: 50 + i * 25,
      salesTax: 0,
      total: 50 + i * 25,
      balance: 50 + i * 25,
      customer: invoice.customer,
      location: invoice.location,
      customerAddress: invoice.customerAddress,
      locationAddress: invoice.locationAddress,
      businessUnit: invoice.businessUnit,
      description: "Goodwill credit",
      salesTaxCode: null,
      batch: null,
      createdBy: "Office",
      modifiedBy: "Office",
    });
    store.create("credit-memo-items", {
      creditMemoId: memo.id,
      description: "Goodwill credit",
      quantity: 1,
      cost: 0,
      price: memo.total,
      total: memo.total,
      type: "Service",
      skuName: "CREDIT",
      skuId: 1,
      taxable: false,
      businessUnit: invoice.businessUnit,
      revenueGeneralLedgerAccount: { id: revenue.id, name: revenue.name, number: revenue.number, type: revenue.type },
      expensesGeneralLedgerAccount: null,
      createdBy: "Office",
    });
  });
  const deposits = ["2025-03-03", "2025-03-10"].map((date, i) =>
    store.create("bank-deposits", {
      name: `Deposit ${date}`,
      depositDate: `${date}T00:00:00Z`,
      grossAmount: i ? 1530.75 : 980.5,
      fees: i ? 12.4 : 0,
      netAmount: i ? 1518.35 : 980.5,
      bankAccount: { id: checking.id, name: checking.name, number: checking.number, type: checking.type, detailType: null },
      feeAccount: null,
      batch: null,
      reviewedOn: `${date}T18:00:00Z`,
      createdBy: "Office",
    }),
  );
  // The first payments went into the first deposit.
  for (const payment of store.collection("payments").sortedById().slice(0, 4)) {
    store.collection("payments").update(payment, { deposit: { id: deposits[0].id, name: deposits[0].name } });
  }
  ["PO-2001", "PO-2002", "PO-2003"].forEach((po, i) =>
    store.create("inventory-bills", {
      referenceNumber: po,
      vendorNumber: `INV-7731${i}`,
      summary: `Receipt of ${po}`,
      billDate: `2025-03-0${i + 4}T00:00:00Z`,
      billAmount: ["1234.5600000000000000000", "318.0000000000000000000", "77.2500000000000000000"][i],
      taxAmount: "0.0000000000000000000",
      shippingAmount: "0.0000000000000000000",
      otherAmount: null,
      vendor: { id: 400001 + i, name: VENDORS[i] },
      businessUnit: { id: 101, name: "HVAC Service" },
      syncStatus: i === 2 ? "Exported" : "Pending",
      items: [],
      batch: null,
      taxZone: null,
      shipTo: null,
      jobId: null,
      jobNumber: null,
      purchaseOrderId: null,
    }),
  );
  [
    ["Due on Receipt", 0, true],
    ["Net 15", 15, false],
    ["Net 30", 30, false],
  ].forEach(([name, dueDay, isCustomerDefault]) =>
    store.create("payment-terms", {
      name,
      dueDayType: "NumberOfDays",
      dueDay,
      isCustomerDefault,
      isVendorDefault: name === "Net 30",
      inUse: true,
      paymentTermDiscountModel: {
        id: null,
        discountApplyTo: null,
        discount: null,
        discountType: null,
        account: null,
        applyBy: null,
        applyByValue: null,
      },
      interestSettings: {
        id: null,
        rateType: "Percentage",
        flatRateValue: null,
        percentageRateValue: 1.5,
        chargeMethod: "Total",
        frequency: "Monthly",
        gracePeriod: 10,
        targetInvoices: ["JobInvoices"],
        taskId: 0,
        taskDisplayName: "Late fee",
      },
    }),
  );
  [
    ["Phoenix", 0.086],
    ["Tempe", 0.081],
  ].forEach(([name, rate], i) =>
    store.create("tax-zones", {
      name,
      color: 3066993 + i,
      isTaxRateSeparated: false,
      isMultipleTaxZone: false,
      rates: [{ id: 392101 + i, taxName: `${name} sales tax`, taxBaseType: ["Subtotal"], taxRate: rate, salesTaxItem: `${name} Tax` }],
    }),
  );
}
