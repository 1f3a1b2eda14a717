import type { IdVocabulary } from "../../kit/ids";

/** Accounting ids: invoices, payments and their types, the general ledger, payables and their terms. */
export const accountingIds: IdVocabulary = {
  invoiceId: {
    label: "Invoice ID",
    dataSource: "selectInvoice",
    comments: "The invoice's id (not its number): pick one or map it from a previous step.",
  },
  paymentTypeId: { label: "Payment Type ID", dataSource: "selectPaymentType", comments: "How it was paid (Settings → Payment Types)." },
  paymentId: {
    label: "Payment ID",
    dataSource: "selectPayment",
    comments: "A customer payment: pick one or map its id from a previous step.",
  },
  glAccountId: {
    label: "GL Account ID",
    dataSource: "selectGlAccount",
    comments: "A general ledger account (Accounting → Chart of Accounts): pick one or map its id.",
  },
  paymentTermId: {
    label: "Payment Term ID",
    dataSource: "selectPaymentTerm",
    comments: "Payment terms such as Net 30 (Settings → Accounting → Payment Terms).",
  },
  taxZoneId: { label: "Tax Zone ID", dataSource: "selectTaxZone", comments: "A sales tax zone and its rates (Settings → Tax Zones)." },
  journalEntryId: {
    label: "Journal Entry ID",
    dataSource: "selectJournalEntry",
    format: "guid",
    comments: "A journal entry's id, a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6: pick one or map it from List Journal Entries.",
  },
  remittanceVendorId: {
    label: "Remittance Vendor ID",
    dataSource: "selectRemittanceVendor",
    comments: "The vendor a payable is paid to (Accounting → Remittance Vendors).",
  },
  apCreditId: {
    label: "AP Credit ID",
    dataSource: "selectApCredit",
    comments: "A vendor credit (accounts payable): pick one or map its id.",
  },
  apPaymentId: { label: "AP Payment ID", dataSource: "selectApPayment", comments: "A payment to a vendor (accounts payable)." },
  creditMemoId: { label: "Credit Memo ID", dataSource: "selectCreditMemo", comments: "A customer credit memo: pick one or map its id." },
  depositId: { label: "Deposit ID", dataSource: "selectBankDeposit", comments: "A bank deposit: pick one or map its id." },
  bankDepositId: { label: "Bank Deposit ID", dataSource: "selectBankDeposit", comments: "A bank deposit: pick one or map its id." },
  inventoryBillId: {
    label: "Inventory Bill ID",
    dataSource: "selectInventoryBill",
    comments: "A bill for purchased inventory (materials and equipment): pick one or map its id.",
  },
};
