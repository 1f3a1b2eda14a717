#!/usr/bin/env node
"use strict";
/**
 * Records a realistic example payload for every action: each action runs through the real component (spectral's
 * harness, input checks and error hook included) against a fresh demo sandbox, with inputs built automatically, and
 * what the step returns becomes the action's example in src/generated/examples.json (src/outputs.ts prefers it over
 * the schema-built one).
 *
 *   npm run examples                 record every action, rewrite the file
 *   npm run examples -- getJob …     record these actions only (the others keep their recorded example)
 *   npm run examples -- --check      exit 1 when the file differs from a fresh recording
 *
 * Inputs: a required input with a dropdown gets the dropdown's first record (its data source runs, with the inputs it
 * needs taken from the action's own), an enum its first value, a date a fixed day of the demo timeline, JSON its
 * example, other ids a record of the sandbox; HAND_INPUTS gives what that cannot guess. Deterministic: the sandbox runs
 * on a fixed clock, timestamps get ServiceTitan's 7-digit fractions from a hash of their value, generated GUIDs and
 * the sandbox's address are replaced, so the file only changes when an action or the sandbox does.
 */
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { runMain } = require("./run-main");
const { ROOT, loadComponent, registerTypeScript, connectionValue, sandboxConnectionFields } = require("./invoke");

const EXAMPLES_FILE = path.join(ROOT, "src", "generated", "examples.json");

/** The sandbox's wall clock while recording: after the demo timeline (which ends in March 2025). */
const CLOCK = "2025-04-01T16:30:00Z";
/** A day of the demo tenant's week for date inputs (Monday after the clock), and its end. */
const DAY_START = "2025-04-07T15:00:00Z";
const DAY_END = "2025-04-07T17:00:00Z";
/** What the recorded examples show instead of the sandbox's local address. */
const API_HOST = "https://api-integration.servicetitan.io";

// ---- inputs ---------------------------------------------------------------------------------------------------------

/** Build this optional input automatically too (as if it were required). */
const AUTO = Symbol("auto");

const BOOKING_PROVIDER = "7"; // the demo tenant's booking provider (sandbox/seed.ts DEMO_BOOKING_PROVIDER_ID)
const first =
  (collection, where) =>
  ({ db }) =>
    String(db.all(collection, where).find((r) => r.active !== false).id);
const guidOf =
  (collection) =>
  ({ db }) =>
    db.all(collection)[0].guid;
const pairs = (object) => Object.entries(object).map(([key, value]) => ({ key, value }));
/** Only journal entries created through the API can be replaced or deleted: create one, answer its id. */
const externalJournalEntry = async ({ db, run }) => {
  await run("createJournalEntry", { name: "Warranty reserve March 2025", status: "Open", versionId: "1", postDate: "2025-03-31" });
  return { id: db.all("journal-entries").find((r) => r.source === "External").guid };
};
const customFields = { customFields: pairs({ "PO Number": "PO-778" }) };
const tier = (from, to, percent) => ({ from, to, percent });
const ADDRESS = { street: "4821 E Indian School Rd", unit: "Unit 2", city: "Phoenix", state: "AZ", zip: "85018", country: "USA" };
const CUSTOM_FIELDS = JSON.stringify([{ typeId: 9001, value: "4321" }]);
const EXTERNAL_DATA = JSON.stringify({
  applicationGuid: "7d9a2f64-1c3e-4b8a-9f21-5e0c6a4b2d10",
  externalData: [{ key: "erpId", value: "A-2026" }],
});

/** A seeded finding's attachment (the finding and its attachment id). */
const findingAttachment = {
  id: ({ db }) => String(db.all("finding-attachments")[0].findingId),
  attachmentId: ({ db }) => String(db.all("finding-attachments")[0].id),
};
/** The demo tenant's Scheduling Pro router: no operation lists routers, its sessions name it. */
const router = ({ db }) => db.all("scheduler-sessions").find((s) => s.routerId).routerId;
/**
 * Inputs the automatic rules cannot guess, per action key: a record in the right state (an open lead, a sent PO), one
 * that must belong to another, an optional input ServiceTitan needs in practice (AUTO: built like a required one).
 * A function gets { db, inputs, run } (the sandbox's records, the inputs built so far, and `run(actionKey, inputs)`
 * to prepare state through another action); `$setup` runs first and may return inputs.
 */
const HAND_INPUTS = {
  addOrUpdateEstimateItem: {
    id: "200001",
    skuId: first("services"),
    description: "Replace run capacitor 45/5 MFD",
    quantity: "1",
    unitPrice: "189.00",
  },
  applyCreditMemo: { invoiceId: "50006", amount: "25.00" },
  approvePurchaseOrderRequest: { id: "470001" },
  callOperation: { operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}", pathParameters: pairs({ id: "10025" }) },
  cancelPurchaseOrder: { id: "460001" },
  createBookingByProvider: { bookingProvider: BOOKING_PROVIDER },
  createBookingContact: { bookingProvider: BOOKING_PROVIDER, id: "80001", type: "MobilePhone", value: "6025551234" },
  createCampaignCategory: { name: "Referral Programs" },
  createCustomer: {
    name: "Maria Garcia",
    type: "Residential",
    ...ADDRESS,
    contacts: JSON.stringify([
      { type: "MobilePhone", value: "6025550148", memo: "Cell, texts OK" },
      { type: "Email", value: "maria.garcia@example.com", memo: "Billing" },
    ]),
    customFields: CUSTOM_FIELDS,
    tagTypeIds: ["501"],
    externalData: EXTERNAL_DATA,
  },
  createInstalledEquipment: {
    locationId: "3001",
    name: "Carrier 16 SEER condenser",
    installedOn: "2025-03-28",
    serialNumber: "2325E41877",
    manufacturer: "Carrier",
    model: "24ACC636A003",
    cost: "3450.00",
    customFields: CUSTOM_FIELDS,
    attachments: JSON.stringify([
      { type: "Document", url: "InstalledEquipment/Documents/manual.pdf", fileName: "manual.pdf", alias: "Manual" },
    ]),
    tagTypeIds: ["501"],
  },
  createEstimate: { jobId: "10025", name: "AC replacement options", summary: "Two options for replacing the 15-year-old condenser." },
  createJob: {
    summary: "AC not cooling; check the capacitor.",
    customFields: CUSTOM_FIELDS,
    externalData: EXTERNAL_DATA,
    leadSourceJobId: "10001",
    leadSourceEmployeeId: "1001",
  },
  createLead: { callReasonId: AUTO, customerId: "2001", locationId: "3001" },
  createLeadFollowUp: { id: "100001" },
  createLocation: {
    customerId: "2001",
    name: "Rental property",
    ...ADDRESS,
    contacts: JSON.stringify([{ type: "Phone", value: "6025550190", memo: "Tenant" }]),
    customFields: CUSTOM_FIELDS,
    externalData: EXTERNAL_DATA,
  },
  createMaterialsMarkup: tier("100000.01", "250000", "12"),
  createPayment: { invoiceId: "50006", amount: "125.00", paidOn: "2025-04-02T15:00:00Z", memo: "Paid by check at the door" },
  createPayrollAdjustment: { employeeType: "Technician", employeeId: "1001", amount: "75.00", memo: "Tool allowance" },
  createProject: { locationId: "3001", name: "Whole-home HVAC replacement", customFields: CUSTOM_FIELDS, externalData: EXTERNAL_DATA },
  createPurchaseOrder: {
    items: ({ db }) =>
      JSON.stringify([
        {
          skuId: db.all("materials")[0].id,
          description: "16x25x1 pleated filter",
          vendorPartNumber: "FLT-16251",
          quantity: 10,
          cost: 4.25,
        },
      ]),
  },
  createPurchaseOrderMarkup: tier("100000.01", "250000", "8"),
  createPurchaseOrderType: { name: "Drop Ship", defaultRequiredDateDaysOffset: "3" },
  createReceipt: {
    purchaseOrderId: "460002",
    items: ({ db }) => {
      const [item] = db.get("purchase-orders", 460002).items;
      return JSON.stringify([{ purchaseOrderItemId: item.id, skuId: item.skuId, quantity: 1, cost: item.cost }]);
    },
  },
  createTimesheetActivity: { employeeType: "Technician", employeeId: "1001", jobId: "10025" },
  deleteAppointment: { id: ({ db }) => String(db.all("appointments", { jobId: 10026 })[1].id) },
  deleteBookingContact: { bookingProvider: BOOKING_PROVIDER, id: "80001", contactId: first("booking-contacts", { bookingId: 80001 }) },
  deleteCustomerNote: { id: "2001", noteId: "110003" },
  deleteInvoiceItem: { invoiceId: "50001", itemId: first("invoice-items", { invoiceId: 50001 }) },
  deleteJournalEntry: { $setup: externalJournalEntry },
  deleteLocationNote: { id: "3001", noteId: "110004" },
  detachJobEquipment: { $setup: ({ db }) => db.update("jobs", 10025, { equipmentIds: [90001] }), id: "10025", equipmentId: "90001" },
  detachJobFromProject: { jobId: "10032" },
  dismissBooking: { bookingProvider: BOOKING_PROVIDER, id: "80004", callReasonId: AUTO },
  dismissLead: { id: "100001" },
  createLocationFindingAttachment: {
    id: "500003",
    url: async ({ run }) => (await run("uploadFindingAsset", { file: PNG, fileName: "relief-valve.png" })).data.path,
  },
  deleteLocationFindingAttachment: findingAttachment,
  downloadFindingAsset: {
    path: async ({ run }) => (await run("uploadFindingAsset", { file: PNG, fileName: "relief-valve.png" })).data.path,
  },
  downloadInstalledEquipmentAttachment: {
    path: async ({ run }) => (await run("createInstalledEquipmentAttachment", { file: PDF, fileName: "warranty.pdf" })).data.path,
  },
  downloadPricebookImage: {
    path: async ({ run }) => (await run("uploadPricebookImage", { file: PNG, fileName: "condenser.png" })).data.path,
  },
  employeeAccountAction: { action: "SendPasswordResetLink" },
  getBookingByProvider: { bookingProvider: BOOKING_PROVIDER, id: "80001" },
  getCall: { id: "180001" }, // one with a customer (the telecom document does not let it be null)
  getCallRecording: { id: "180001" },
  getPreferredTechnician: { $setup: ({ db }) => db.update("locations", 3001, { preferredTechnicianId: 1003 }), id: "3001" },
  // The morning arrival window of one Monday, for the HVAC Service technicians.
  getCapacity: { startsOnOrAfter: "2025-04-07T08:00:00Z", endsOnOrBefore: "2025-04-07T12:00:00Z", businessUnitIds: ["101"] },
  getEmployeePayrollSettings: {
    $setup: ({ db }) =>
      db.insert("payroll-settings", { employeeType: "Employee", employeeId: 440001, externalPayrollId: "ADP-440001", hourlyRate: 24.5 }),
    employee: "440001",
  },
  getLocationFindingAttachment: findingAttachment,
  getRouterPerformance: { id: router, sessionCreatedOnOrAfter: "2025-01-01", sessionCreatedBefore: "2025-04-01" },
  getJournalEntry: { id: guidOf("journal-entries") },
  listAttachmentsOfInstalledEquipment: {
    $setup: ({ db }) =>
      db.update("installed-equipment", 90001, {
        attachments: [
          { type: "Document", url: "InstalledEquipment/Documents/warranty-90001.pdf", fileName: "warranty.pdf", alias: "Warranty" },
        ],
      }),
    id: "90001",
  },
  linkContact: { contactId: AUTO, locationId: "3002" },
  listBookingByProvider: { bookingProvider: BOOKING_PROVIDER },
  listBookingContactsByProvider: { bookingProvider: BOOKING_PROVIDER, id: "80001" },
  listInstalledEquipmentAttachments: {
    path: async ({ run }) => (await run("createInstalledEquipmentAttachment", { file: PDF, fileName: "warranty.pdf" })).data.path,
  },
  listRouterSessions: { id: router },
  listJournalEntryDetails: { id: guidOf("journal-entries") },
  listJournalEntrySummary: { id: guidOf("journal-entries") },
  markApBillsAsExported: { ids: AUTO },
  markApCreditsAsExported: { ids: AUTO },
  markApPaymentsAsExported: { ids: AUTO },
  markBankDepositsAsExported: { ids: AUTO },
  markCreditMemosAsExported: { ids: AUTO },
  markInventoryBillsAsExported: { ids: AUTO },
  markInvoicesAsExported: { ids: AUTO },
  markRecurringServiceEventIncomplete: {
    $setup: ({ run }) => run("markRecurringServiceEventComplete", { id: "235001", jobId: "10025" }),
    id: "235001",
    jobId: "10025",
  },
  rejectPurchaseOrderRequest: { id: "470002" },
  removeCustomerTag: { $setup: ({ db }) => db.update("customers", 2001, { tagTypeIds: [501] }), id: "2001", tagTypeId: "501" },
  removeJobCancellation: { id: "10031" },
  removeLocationTag: { $setup: ({ db }) => db.update("locations", 3001, { tagTypeIds: [501] }), id: "3001", tagTypeId: "501" },
  replaceJournalEntry: { $setup: externalJournalEntry, status: "Closed", versionId: "1", message: "Reclassified to warranty reserve" },
  runReport: { parameters: pairs({ From: "2025-01-01", To: "2025-03-31" }) },
  technicianAccountAction: { action: "SendPasswordResetLink" },
  unlinkContact: { contactId: "00000000-0000-4000-8000-000000120001", customerId: "2001" },
  unsellEstimate: { id: "200002" },
  updateApBillCustomFields: { billId: AUTO, ...customFields },
  updateApCreditCustomFields: { apCreditId: AUTO, ...customFields },
  updateApPaymentCustomFields: { apPaymentId: AUTO, ...customFields },
  updateBooking: { bookingProvider: BOOKING_PROVIDER, id: "80001", summary: "AC blowing warm air; customer prefers mornings" },
  updateBookingContact: {
    bookingProvider: BOOKING_PROVIDER,
    id: "80001",
    contactId: first("booking-contacts", { bookingId: 80001 }),
    value: "6025551999",
  },
  updateCall: { customerId: "2001", locationId: "3001" },
  updateCreditMemoCustomFields: { creditMemoId: AUTO, ...customFields },
  updateInventoryBillCustomFields: { inventoryBillId: AUTO, ...customFields },
  updateInvoiceCustomFields: { invoiceId: AUTO, ...customFields },
  updateJobTimesheet: {
    job: "10001",
    id: first("jobs-timesheets", { jobId: 10001 }),
    appointmentId: "20001",
    technicianId: "1001",
    dispatchedOn: "2025-01-09T14:30:00Z",
    arrivedOn: "2025-01-09T15:05:00Z",
  },
  updateJournalEntry: { id: guidOf("journal-entries"), status: "Closed" },
  updateJournalEntrySyncState: { id: guidOf("journal-entries") },
  updateLocationFindingAttachment: { ...findingAttachment, fileName: "coil-corrosion-closeup.jpg" },
  updateMaterialsMarkup: { id: "481001", ...tier("0", "100", "55") },
  updatePayment: { id: "70001", invoiceId: ({ db }) => String(db.get("payments", 70001).splits?.[0]?.invoiceId ?? 50001), amount: "89.00" },
  updatePaymentCustomFields: { paymentId: AUTO, ...customFields },
  updatePurchaseOrder: { id: "460001", memo: "Deliver to the back gate" },
  updatePurchaseOrderMarkup: { id: "484001", ...tier("0", "50", "30") },
  updatePurchaseOrderType: { defaultRequiredDateDaysOffset: "5" },
  getCampaignCostSummary: { from: "2025-01-01", to: "2025-04-01" }, // seeded costs are Jan–Mar 2025
  getEmailChannelCost: { from: "2025-01-01", to: "2025-04-01" },
  listCostsOfCampaign: { id: first("campaigns") }, // 160001 Google Ads has costs; the first dropdown entry has none
  unsuppressEmails: { emails: ({ db }) => [db.all("email-suppressions").find((s) => s.active).email] },
  suppressEmails: { emails: ["pat.lee@example.com"], reason: "Unsubscribe" },
  createZone: { name: "Downtown Phoenix", zips: ["85003", "85004"], cities: ["Phoenix"], businessUnits: ["101", "103"] },
  updateZone: { zoneId: "280003", cities: ["Mesa", "Gilbert", "Chandler"], zips: ["85201", "85202", "85233", "85224"] },
  createTeam: { name: "Commercial Crew" },
  updateArrivalWindow: { id: "282001", start: "07:00:00", duration: "03:00:00", businessUnitIds: ["101", "102"] },
  setArrivalWindowStatus: { id: "282003", isActive: "false" },
  updateArrivalWindowConfiguration: { configuration: "EndTimeOfArrivalWindow" },
  addOptOuts: { optOutType: "Global", contactNumbers: ["+16195550177", "(480) 555-0123"] },
  getOptOutStatus: { contactNumbers: ["+16195550101", "+16195550102", "+16195550177"] },
  listAllCustomerContacts: { customerIds: ["2001", "2002"] },
  listAllLocationContacts: { locationIds: ["3001", "3002"] },
  rateTechnicianForJob: { value: "9.5" },
  replaceContact: { name: "Avery Quinn", title: "Owner", isArchived: false },
  replaceContactMethod: { type: "MobilePhone", value: "6195550188", memo: "Cell" },
  updateContactMethodPreference: { preferenceName: "MarketingUpdates", value: "false" },
  listJobAttachments: {
    $setup: ({ run }) =>
      run("addJobAttachment", { id: "10025", file: PDF, fileName: "signed-work-order.pdf", contentType: "application/pdf" }),
    jobId: "10025",
  },
  downloadJobAttachment: {
    $setup: ({ run }) =>
      run("addJobAttachment", { id: "10025", file: PDF, fileName: "signed-work-order.pdf", contentType: "application/pdf" }),
    id: ({ db }) => String(db.all("job-attachments")[0].id),
  },
  updateAdjustmentCustomFields: { adjustmentId: AUTO, customFields: pairs({ Bin: "A-12" }) },
  updateReceiptCustomFields: { receiptId: AUTO, customFields: pairs({ Bin: "A-12" }) },
  updateReturnCustomFields: { returnId: AUTO, customFields: pairs({ Bin: "A-12" }) },
  updateTransferCustomFields: { transferId: AUTO, customFields: pairs({ Bin: "A-12" }) },
  updateVendorCustomFields: { vendorId: AUTO, customFields: pairs({ Bin: "A-12" }) },
  updateEquipmentType: { name: "Heat Pump (ducted)" },
  updateInvoiceTemplate: { name: "Comfort Club Silver – annual billing" },
  listAvailableSlots: { startUtc: "2025-04-07", endUtc: "2025-04-08", jobDurationInMinutes: "90", businessUnits: ["101"] },
  listContactsOfRecord: {
    relationshipId: ({ db }) => String(db.all("contact-relationships", { typeSlug: "customer" })[0].relatedEntityId),
  },
  createBudgetCode: {
    segmentItemIds: ({ db }) => ["01-200", "S", "TO"].map((code) => String(db.all("wbs-segment-items", { code })[0].id)),
  },
  createPartialBudgetCode: {
    segments: ({ db }) => {
      const segment = (name) => db.all("wbs-segments", { name })[0].id;
      const item = (code) => db.all("wbs-segment-items", { code })[0].id;
      return JSON.stringify([
        { segmentId: segment("Cost Code"), segmentItemId: item("01-200") },
        { segmentId: segment("Cost Type"), segmentItemId: item("L") },
        { segmentId: segment("Phase"), segmentItemId: null },
      ]);
    },
  },
};

const PDF = Buffer.from("%PDF-1.4\n% ServiceTitan example\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** Actions recorded without an example, and why (the test reports them). */
const NOT_RECORDED = {};

/** Realistic text for a text input, by its label. */
const TEXTS = [
  [/memo|note|text|comment|reason/i, "Customer asked us to call 30 minutes before arrival."],
  [/summary|description|instructions/i, "Annual AC tune-up: check refrigerant, replace filter, clean condenser coil."],
  [/e-?mail/i, "maria.garcia@example.com"],
  [/phone/i, "6025550148"],
  [/street|address/i, "4821 E Indian School Rd"],
  [/city/i, "Phoenix"],
  [/state/i, "AZ"],
  [/zip|postal/i, "85018"],
  [/country/i, "USA"],
  [/first name/i, "Maria"],
  [/last name/i, "Garcia"],
  [/name/i, "Spring Tune-Up Special"],
  [/code/i, "TUNEUP-25"],
  [/number/i, "1042"],
  [/color/i, "#1E90FF"],
];

const MONEY_LABEL = /price|amount|cost|tax|shipping|total|rate|hours|fee|balance/i;

const isBlank = (value) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** The collection a path `{param}` addresses ("/leads/{id}" → leads), if the sandbox has one of that name. */
const collectionOfPath = (operation, key, db) => {
  if (!operation) return undefined;
  const segments = operation.split(" ")[1].split("/");
  const at = segments.indexOf(`{${key}}`);
  if (at < 1) return undefined;
  const segment = segments[at - 1];
  return db.collections().find((name) => name === segment);
};

/** The first active record's id of a collection. */
const firstId = (db, collection) => {
  const record = db.all(collection).find((r) => r.active !== false);
  return record ? String(record.id) : undefined;
};

/** A value for one input (undefined: leave it empty). */
const autoValue = async ({ input, operation, inputs, runDataSource, db }) => {
  if (input.dataSource) {
    const options = await runDataSource(input.dataSource, inputs);
    const first = (options || []).find((o) => o && o.key !== "");
    if (first) return input.collection === "valuelist" ? [String(first.key)] : String(first.key);
  }
  if (input.model && input.model.length) {
    const first = input.model.find((m) => m.value !== "");
    if (first) return input.collection === "valuelist" ? [first.value] : first.value;
  }
  const fromPath = collectionOfPath(operation, input.key, db);
  if (fromPath) {
    const id = firstId(db, fromPath);
    if (id) return id;
  }
  const label = String(input.label);
  if (input.type === "data") return PDF;
  if (input.type === "boolean") return input.default === "true" ? "true" : "false";
  if (input.type === "code") return input.example || (input.comments && /array/i.test(input.comments) ? "[]" : "{}");
  if (/^\d{4}-\d\d-\d\d/.test(input.example || "") || /ISO 8601/.test(input.comments || "")) {
    return /End|To$|Before|Until/.test(label) ? DAY_END : DAY_START;
  }
  if (/\bIDs?$/.test(label) && input.example && /^[0-9a-f-]{36}$/.test(input.example)) return input.example;
  if (MONEY_LABEL.test(label)) return "125.00";
  if (/Offset|Days|Percent/.test(label)) return "3";
  if (input.example !== undefined && input.example !== "" && !/^12345$/.test(input.example)) return input.example;
  const text = TEXTS.find(([pattern]) => pattern.test(label));
  if (text) return input.collection === "valuelist" ? [text[1]] : text[1];
  if (/\bIDs?$|Quantity|Count|Number|Rating|Duration|Minutes|Hours/.test(label)) return input.collection === "valuelist" ? ["1"] : "1";
  return input.collection === "valuelist" ? ["Example"] : "Example";
};

/** Inputs for one action: the hand table's, then the automatic ones for the required inputs still empty. */
const buildInputs = async ({ key, definition, operation, runDataSource, run, db }) => {
  const { $setup, ...hand } = HAND_INPUTS[key] || {};
  const unknown = Object.keys(hand).filter((name) => !(definition.inputs || []).some((i) => i.key === name));
  if (unknown.length) throw new Error(`HAND_INPUTS.${key} names inputs the action does not have: ${unknown.join(", ")}`);
  const context = { db, run, inputs: {} };
  const inputs = { ...(($setup && (await $setup(context))) || {}) };
  context.inputs = inputs;
  // One short page of a list: enough to show a record's shape.
  if ((definition.inputs || []).some((i) => i.key === "fetchAll")) inputs.pageSize = "2";
  for (const input of definition.inputs || []) {
    if (input.type === "connection") continue;
    const given = hand[input.key];
    if (given !== undefined && given !== AUTO) {
      inputs[input.key] = typeof given === "function" ? await given(context) : given;
      continue;
    }
    if ((!input.required && given !== AUTO) || !isBlank(inputs[input.key]) || !isBlank(input.default)) continue;
    inputs[input.key] = await autoValue({ input, operation, inputs, runDataSource, db });
  }
  return inputs;
};

// ---- post-processing -------------------------------------------------------------------------------------------------

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONEY_FIELD = /(?:^|[a-z])(?:price|amount|total|subtotal|cost|balance|tax|salesTax|shipping)$/i;

const digits = (text, count) => {
  const hash = crypto.createHash("sha256").update(text).digest();
  let out = "";
  for (let i = 0; out.length < count; i++) out += String(hash[i] % 10);
  return out;
};

/** Fields that record when something happened (createdOn, modifiedOn, receivedOn, timeStamp …), not a planned time. */
const RECORDED_AT = /On$|^timeStamp$|At$/;

/**
 * A timestamp as ServiceTitan sends it. When something happened (createdOn, modifiedOn …): seven fractional digits
 * (.NET ticks), the same digits for the same instant so createdOn = modifiedOn stays visible. Planned times (an
 * appointment's start, a slot's end) and midnight (a date sent as a date-time) are whole seconds.
 */
const serviceTitanTime = (value, field = "") => {
  const match = TIMESTAMP.exec(value);
  if (!match) return value;
  if (!RECORDED_AT.test(field) || /T00:00:00/.test(value)) return `${match[1]}${match[2]}`;
  return `${match[1]}.${digits(match[1], 7)}${match[2]}`;
};

/** Money as ServiceTitan sends it: numbers with at most two decimals, numeric strings with exactly two. */
const money = (value) => {
  if (typeof value === "number") return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value).toFixed(2);
  return value;
};

/**
 * What a step returned, as stable, shareable JSON: Buffers as a later step sees them, timestamps and money in
 * ServiceTitan's form, generated GUIDs numbered in order of appearance, the sandbox's address replaced.
 */
const normalise = (result, { key, sandboxUrl, stableGuids }) => {
  const guids = new Map();
  const guidFor = (value) => {
    if (stableGuids.has(value.toLowerCase())) return value;
    if (!guids.has(value)) {
      const hex = digits(`${key}:${guids.size}`, 32).replace(/[0-9]/g, (d) => "0123456789abcdef"[(Number(d) * 7) % 16]);
      guids.set(value, `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`);
    }
    return guids.get(value);
  };
  const walk = (value, field) => {
    if (Buffer.isBuffer(value)) return { type: "Buffer", data: [...value] };
    if (Array.isArray(value)) return value.map((item) => walk(item, field));
    if (value && typeof value === "object") {
      if (value.type === "Buffer" && Array.isArray(value.data)) return value;
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, walk(inner, name)]));
    }
    if (typeof value === "string") {
      let text = value.split(sandboxUrl).join(API_HOST);
      // Randomly generated file paths (uploads) carry a GUID inside them.
      text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (guid) => guidFor(guid));
      if (GUID.test(text)) return text;
      text = serviceTitanTime(text, field);
      return field && MONEY_FIELD.test(field) ? money(text) : text;
    }
    if (typeof value === "number" && field && MONEY_FIELD.test(field)) return money(value);
    return value;
  };
  return walk(result, undefined);
};

/**
 * ServiceTitan serialises every property it declares, null included, while the sandbox leaves out what a record does
 * not hold: a property the action's output schema declares nullable and the answer omits is shown as null.
 */
const withDeclaredNulls = (value, schema) => {
  if (!schema || typeof schema !== "object") return value;
  if (Array.isArray(value)) return schema.items ? value.map((item) => withDeclaredNulls(item, schema.items)) : value;
  if (!value || typeof value !== "object" || !schema.properties) return value;
  const out = {};
  for (const [name, inner] of Object.entries(value)) out[name] = withDeclaredNulls(inner, schema.properties[name]);
  for (const [name, property] of Object.entries(schema.properties)) {
    const nullable = Array.isArray(property.type) && property.type.includes("null");
    if (!(name in out) && nullable) out[name] = null;
  }
  return out;
};

/**
 * The demo records a little fuller, as a real tenant's are: custom fields, external data, tags and attachments where
 * a record has an empty list of them, and a lead source on every other job. Written with their own modifiedOn, so the
 * change order is the only thing that moves.
 */
const enrich = (db) => {
  const account = (type) => {
    const { id, name, number, type: kind, defaultAccountType } = db.all("gl-accounts").find((a) => a.defaultAccountType === type);
    return { id, name, number, type: kind, detailType: defaultAccountType };
  };
  const [revenue, undeposited] = [account("Revenue"), account("UndepositedFunds")];
  const fill = {
    customFields: (r) => [{ id: 9001, typeId: 9001, name: "Gate Code", value: `${4000 + (r.id % 1000)}` }],
    externalData: (r) => [{ key: "erpId", value: `A-${r.id}` }],
  };
  for (const name of db.collections()) {
    for (const record of db.all(name)) {
      const changes = {};
      for (const [field, make] of Object.entries(fill)) {
        if (Array.isArray(record[field]) && record[field].length === 0) changes[field] = make(record);
      }
      if (name === "installed-equipment") {
        changes.tags = [
          { id: 9501, ownerId: record.id, typeId: 501, typeName: "VIP", memo: "", color: "#F5A623", textColor: "#FFFFFF", code: "VIP" },
        ];
        changes.attachments = [
          {
            type: "Document",
            url: `InstalledEquipment/Documents/manual-${record.id}.pdf`,
            fileName: "manual.pdf",
            alias: "Owner's manual",
          },
        ];
      }
      if (name === "payments" && !record.generalLedgerAccount) changes.generalLedgerAccount = undeposited;
      if (name === "invoice-items" && !record.generalLedgerAccount) {
        changes.generalLedgerAccount = revenue;
        if (record.id % 2 === 1) changes.itemGroup = { rootId: record.id, name: "Good / Better / Best" };
      }
      if (name === "invoices" && !record.salesTaxCode) changes.salesTaxCode = { id: 9201, name: "Phoenix 8.6%", taxRate: 8.6 };
      if (name === "jobs" && record.id % 2 === 0 && !record.jobGeneratedLeadSource) {
        changes.jobGeneratedLeadSource = { jobId: record.id - 1, employeeId: 1001 };
      }
      if (Object.keys(changes).length) db.update(name, record.id, { ...changes, modifiedOn: record.modifiedOn });
    }
  }
};

/** Every GUID the demo seed holds (they are stable; only GUIDs a run generates get renumbered). */
const seedGuids = (db) => {
  const found = new Set();
  const walk = (value) => {
    if (typeof value === "string") {
      for (const guid of value.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) || []) found.add(guid.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const name of db.collections()) walk(db.all(name));
  return found;
};

// ---- recording -------------------------------------------------------------------------------------------------------

const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  trace: () => undefined,
  metric: () => undefined,
};

/**
 * Runs `keys` (default: every action) and returns { examples: {key → result}, failures: {key → why} }.
 * Each action gets a fresh demo sandbox on the fixed clock, so one action's writes never show in another's example.
 */
const recordExamples = async ({ component, operations = {}, keys, onProgress = () => undefined } = {}) => {
  registerTypeScript();
  const { startSandbox } = require(path.join(ROOT, "sandbox"));
  const { createHarness } = require("@prismatic-io/spectral/dist/testing");
  const harness = createHarness(component);
  const examples = {};
  const failures = {};
  const chosen = keys || Object.keys(component.actions).sort();
  let stableGuids;
  for (const [index, key] of chosen.entries()) {
    onProgress(index, chosen.length, key);
    if (NOT_RECORDED[key]) {
      failures[key] = NOT_RECORDED[key];
      continue;
    }
    const definition = component.actions[key];
    const sandbox = await startSandbox({ seed: "demo", clock: CLOCK });
    enrich(sandbox.db);
    stableGuids ??= seedGuids(sandbox.db);
    try {
      const connection = connectionValue(component, sandboxConnectionFields(sandbox).fields);
      const runDataSource = async (dataSourceKey, actionInputs) => {
        const ds = component.dataSources[dataSourceKey];
        const params = {};
        for (const input of ds.inputs || []) {
          if (input.type === "connection") continue;
          // The dropdown's own inputs (the customer whose contacts it lists …) from the action's inputs that pick the
          // same kind of record.
          const same = (definition.inputs || []).find(
            (i) => i.dataSource && i.dataSource === input.dataSource && !isBlank(actionInputs[i.key]),
          );
          if (same) params[input.key] = [].concat(actionInputs[same.key])[0];
          else if (input.required && input.dataSource) {
            const options = await runDataSource(input.dataSource, actionInputs);
            if (options && options[0]) params[input.key] = String(options[0].key);
          }
        }
        const result = await harness.dataSource(dataSourceKey, { connection, ...params });
        return result && result.result;
      };
      const run = (other, inputs) => harness.action(other, { connection, ...inputs }, { logger: quietLogger });
      const inputs = await buildInputs({ key, definition, operation: operations[key], runDataSource, run, db: sandbox.db });
      sandbox.resetStats();
      const result = await harness.action(key, { connection, ...inputs }, { logger: quietLogger });
      if (sandbox.violations.length) throw new Error(`broke the spec: ${JSON.stringify(sandbox.violations[0])}`);
      const schema = JSON.parse(definition.outputSchema.schema);
      const complete =
        result && typeof result === "object" && "data" in result ? { ...result, data: withDeclaredNulls(result.data, schema) } : result;
      examples[key] = normalise(complete, { key, sandboxUrl: sandbox.url, stableGuids });
    } catch (error) {
      failures[key] = (error && error.message ? error.message : JSON.stringify(error)).split("\n")[0].slice(0, 300);
    } finally {
      await sandbox.close();
    }
  }
  return { examples, failures };
};

const sortKeys = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
const serialise = (examples) => `${JSON.stringify(sortKeys(examples), null, 2)}\n`;

const main = async (argv, io = {}) => {
  const stdout = io.stdout || process.stdout;
  const stderr = io.stderr || process.stderr;
  const check = argv.includes("--check");
  const only = argv.filter((a) => !a.startsWith("--"));
  const loaded = loadComponent("src");
  const operations = loaded.module.actionOperations || {};
  for (const key of only) if (!loaded.component.actions[key]) throw new Error(`No action has the key "${key}".`);
  const previous = fs.existsSync(EXAMPLES_FILE) ? JSON.parse(fs.readFileSync(EXAMPLES_FILE, "utf8")) : {};
  const started = Date.now();
  const { examples, failures } = await recordExamples({
    component: loaded.component,
    operations,
    keys: only.length ? only : undefined,
    onProgress: (i, n) => i % 50 === 0 && stderr.write(`recording ${i + 1}–${Math.min(i + 50, n)} of ${n}…\n`),
  });
  const merged = only.length ? { ...previous, ...examples } : examples;
  const total = Object.keys(loaded.component.actions).length;
  for (const [key, why] of Object.entries(failures)) stderr.write(`no example for ${key}: ${why}\n`);
  stderr.write(
    `${Object.keys(merged).length} of ${total} actions have an example (${Object.keys(failures).length} not recorded now) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const text = serialise(merged);
  if (check) {
    const current = fs.existsSync(EXAMPLES_FILE) ? fs.readFileSync(EXAMPLES_FILE, "utf8") : "";
    if (current !== text) {
      stderr.write("src/generated/examples.json is out of date: run npm run examples\n");
      return 1;
    }
    stdout.write("examples are up to date\n");
    return 0;
  }
  fs.writeFileSync(EXAMPLES_FILE, text);
  stdout.write(`wrote ${path.relative(ROOT, EXAMPLES_FILE)}\n`);
  return 0;
};

module.exports = {
  EXAMPLES_FILE,
  CLOCK,
  HAND_INPUTS,
  NOT_RECORDED,
  AUTO,
  buildInputs,
  normalise,
  serviceTitanTime,
  money,
  recordExamples,
  serialise,
  main,
};

if (require.main === module) runMain(main);
