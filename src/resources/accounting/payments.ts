import { InputError, ServiceTitanError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/accounting";
import {
  booleanInput,
  dateTimeInput,
  decimalInput,
  enumInput,
  enumListInput,
  idInput,
  idListInput,
  rulesJsonInput,
  specEnum,
  specFields,
  stringInput,
} from "../../inputs";
import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, namedPicklist, operationAction, placeParams, type Params, type Values } from "../../kit";
import { customerIdInput } from "../crm/customers";
import { accountingCustomFields, invoiceIdInput } from "./invoices";

type Schemas = components["schemas"];
type PaymentType = Schemas["Accounting.V2.PaymentTypeResponse"];
const PAYMENT_STATUSES = specEnum<Schemas["Accounting.V2.PaymentStatus"]>()("Pending", "Posted", "Exported");

const paymentIdInput = (required: boolean, comments = "The payment's id (from List Payments or Create Payment).") =>
  idInput({ label: "Payment ID", required, dataSource: "selectPayment", comments });

/** PaymentCreateRequest / PaymentUpdateRequest: both require the type and the splits. */
const paymentFields = (updating: boolean): Params => ({
  typeId: inBody(
    idInput({
      label: "Payment Type ID",
      required: true,
      dataSource: "selectPaymentType",
      comments: updating
        ? "ServiceTitan requires the payment type on every update (Settings → Payment Types)."
        : "Cash, check, credit card … (Settings → Payment Types).",
    }),
  ),
  ...(updating ? { active: inBody(booleanInput({ label: "Active", comments: "False voids the payment." })) } : {}),
  memo: inBody(stringInput({ label: "Memo", comments: "A note on the payment." })),
  paidOn: inBody(dateTimeInput({ label: "Paid On", comments: "When the payment was received (ISO 8601, e.g. 2025-03-01); sent as UTC." })),
  authCode: inBody(stringInput({ label: "Auth Code", comments: "The card authorization code." })),
  checkNumber: inBody(stringInput({ label: "Check Number", comments: "The number of the check, for a payment by check." })),
  exportId: inBody(stringInput({ label: "Export ID", comments: "Your accounting system's id for this payment." })),
  status: inBody(
    enumInput({
      label: "Status",
      values: PAYMENT_STATUSES,
      comments: "Pending until posted; Exported once your accounting system has it.",
    }),
  ),
  // One split from plain inputs (the usual case), more as JSON.
  invoiceId: inBody(invoiceIdInput(false, "The invoice this payment pays (with Amount). Use Splits to spread it over several invoices.")),
  amount: inBody(decimalInput({ label: "Amount", comments: "How much of the payment goes to the invoice above, e.g. 125.50." })),
  splits: inBody(
    rulesJsonInput(
      {
        label: "Splits",
        shape: "array",
        comments: "How the payment is applied to invoices, as a JSON array of {invoiceId, amount}; added to Invoice ID + Amount.",
        example: JSON.stringify(
          [
            { invoiceId: 12345, amount: 100 },
            { invoiceId: 12346, amount: 25.5 },
          ],
          null,
          2,
        ),
      },
      {
        fields: specFields<Schemas["Accounting.V2.PaymentSplitApiModel"]>()("invoiceId", "amount", "invoiceNumber"),
        required: ["invoiceId", "amount"],
        integers: ["invoiceId"],
        numbers: ["amount"],
      },
    ),
  ),
});

/** The body with `splits` = the plain-input split followed by the JSON ones; the API requires at least one. */
const paymentBody = (params: Params, updating: boolean) => (v: Values) => {
  const { invoiceId, amount, splits, ...fields } = placeParams(params, v).body ?? {};
  if ((invoiceId === undefined) !== (amount === undefined)) {
    throw new InputError(
      invoiceId === undefined ? "Invoice ID" : "Amount",
      "is required with the other: a split is an invoice and the amount applied to it.",
    );
  }
  const all = [...(invoiceId !== undefined ? [{ invoiceId, amount }] : []), ...((splits as unknown[] | undefined) ?? [])];
  if (!all.length) {
    throw new InputError(
      "Invoice ID",
      `and Amount (or Splits) are required: ServiceTitan needs the invoices the payment applies to${updating ? " on every update" : ""}.`,
    );
  }
  return { ...fields, splits: all };
};

const createParams = paymentFields(false);
const createBody = paymentBody(createParams, false);
const updateParams: Params = { id: inPath(paymentIdInput(true)), ...paymentFields(true) };
const customFields = accountingCustomFields("payment", "paymentId", paymentIdInput(false, "The payment whose custom fields change."));

export const payments: ResourceModule = {
  actions: {
    listPayments: listAction({
      label: "List Payments",
      description: "Retrieve a list of payments",
      operation: "GET /accounting/v2/tenant/{tenant}/payments",
      dataSource: "selectPayment",
      filters: {
        customerId: customerIdInput(false, "Only this customer's payments."),
        appliedToInvoiceIds: idListInput({
          label: "Applied To Invoice IDs",
          dataSource: "selectInvoice",
          comments: "Only payments applied to these invoices.",
        }),
        appliedToReferenceNumber: stringInput({
          label: "Applied To Reference Number",
          comments: "Only payments applied to the invoice with this number.",
        }),
        businessUnitIds: idListInput({
          label: "Business Unit IDs",
          dataSource: "selectBusinessUnit",
          comments: "Only payments of these business units.",
        }),
        // The spec types this filter as one comma-separated string: the chosen values go out joined (statuses=Pending,Posted).
        statuses: enumListInput({ label: "Statuses", values: PAYMENT_STATUSES, comments: "Only payments in these statuses (empty: all)." }),
        totalGreater: decimalInput({ label: "Total Greater", comments: "Payments of at least this amount." }),
        totalLess: decimalInput({ label: "Total Less", comments: "Payments of at most this amount." }),
      },
      // Custom-field filters need a nested query (customField.Fields[name]=value) the core does not build.
      omit: ["customField.Fields", "customField.Operator"],
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/payments"),
    }),
    createPayment: operationAction({
      label: "Create Payment",
      description: "Create a payment in Service Titan",
      operation: "POST /accounting/v2/tenant/{tenant}/payments",
      params: createParams,
      perform: async (client, v) => {
        const body = createBody(v);
        try {
          return await client.request("POST /accounting/v2/tenant/{tenant}/payments", { body });
        } catch (error) {
          // ServiceTitan answers 404/405 when payment creation is not enabled for the app or tenant: say so, not "not found".
          if (error instanceof ServiceTitanError && (error.status === 404 || error.status === 405)) {
            throw new ServiceTitanError(
              `Creating payments is not available to this app or tenant (ServiceTitan answered ${error.status}). Check that your app has write ` +
                `access to Accounting payments (Developer Portal → My Apps → scopes) and ask ServiceTitan whether the endpoint is enabled for this tenant. Details: ${error.message}`,
              error.status,
              error.title,
              error.fieldErrors,
              error.traceId,
              error.request,
            );
          }
          throw error;
        }
      },
      examplePayload: exampleOf("POST /accounting/v2/tenant/{tenant}/payments"),
    }),
    updatePayment: operationAction({
      label: "Update Payment",
      description: "Update a specified payment",
      operation: "PATCH /accounting/v2/tenant/{tenant}/payments/{id}",
      params: updateParams,
      body: paymentBody(updateParams, true),
      subject: (v) => `Payment ${v.id}`,
      examplePayload: exampleOf("PATCH /accounting/v2/tenant/{tenant}/payments/{id}"),
    }),
    updatePaymentCustomFields: operationAction({
      label: "Update Payment Custom Fields",
      description: "Update custom fields for specified payments",
      operation: "PATCH /accounting/v2/tenant/{tenant}/payments/custom-fields",
      params: customFields.params,
      body: customFields.body,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectPaymentType: namedPicklist<PaymentType>({
      label: "Select Payment Type",
      description: "Select a payment type (cash, check, credit card …) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/payment-types",
      query: { active: "True" },
      example: [
        { key: "1", label: "Cash (ID: 1)" },
        { key: "2", label: "Check (ID: 2)" },
      ],
    }),
  },
};
