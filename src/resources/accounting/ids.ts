import type { IdVocabulary } from "../../kit/ids";

/** Accounting ids: invoices, payments and their types. */
export const accountingIds: IdVocabulary = {
  invoiceId: {
    label: "Invoice ID",
    dataSource: "selectInvoice",
    comments: "The invoice's id (not its number): pick one or map it from a previous step.",
  },
  paymentTypeId: { label: "Payment Type ID", dataSource: "selectPaymentType", comments: "How it was paid (Settings → Payment Types)." },
};
