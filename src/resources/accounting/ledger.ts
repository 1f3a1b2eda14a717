/**
 * The general ledger: GL accounts and their types, and journal entries (ServiceTitan's postings, which an accounting
 * sync reads, and external entries it writes back). Journal entry ids are GUIDs, and their lists take at most 500
 * records a page (the pager reads that from the spec).
 */
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/accounting";
import { GUID, idListInput, integerInput, refinedInput, rulesJsonInput, specFields, stringInput, stringListInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, namedPicklist, picklist, type Values } from "../../kit";

type Schemas = components["schemas"];
type JournalEntry = Schemas["Accounting.V2.JournalEntryResponse"];

const glAccountPath = {
  accountId: { label: "GL Account ID", dataSource: "selectGlAccount", comments: "The general ledger account: pick one or map its id." },
};

/** A GL account type or subtype by name (the create/update body takes names, not ids). */
const accountTypeInput = (label: "Type" | "Subtype", comments: string): InputFieldDefinition => ({
  ...stringInput({ label, comments }),
  dataSource: "selectGlAccountTypeName",
});

/** Several texts (names, numbers), at most 50, as the GL lists take them. */
const namesInput = (label: string, comments: string) => stringListInput({ label, comments: `${comments} One per entry (at most 50).` });

/** Journal entry ids (GUIDs), at most 50. */
const journalEntryIdsInput = (): InputFieldDefinition => {
  const base = stringListInput({ label: "Journal Entry IDs", comments: "Only these journal entries (GUIDs, at most 50)." });
  return refinedInput({ ...base, dataSource: "selectJournalEntry" } as InputFieldDefinition, (list: string[]) => {
    const wrong = list.find((id) => !GUID.test(id));
    if (wrong)
      throw new InputError(
        "Journal Entry IDs",
        `"${wrong}" is not a journal entry id (a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6).`,
      );
    if (list.length > 50) throw new InputError("Journal Entry IDs", `has ${list.length} ids; ServiceTitan accepts at most 50.`);
    return list;
  });
};

/** A journal entry's version: a counter ServiceTitan bumps on every change (not a record id, so no dropdown). */
const versionInput = (required: boolean, comments: string, initial?: string) =>
  inBody(integerInput({ label: "Version", required, min: 0, comments, ...(initial ? { default: initial } : {}) }), "versionId");

const LINE_ID_FIELDS = [
  "accountId",
  "businessUnitId",
  "customerId",
  "vendorId",
  "inventoryLocationId",
  "jobId",
  "customerLocationId",
  "paymentTypeId",
  "projectId",
  "budgetCodeId",
  "employeeId",
  "serviceAgreementId",
];

/** The lines of an external journal entry; amounts as numbers or exact decimal strings ("1234.5600000000000000000"). */
const linesInput = (required: boolean) =>
  inBody(
    rulesJsonInput(
      {
        label: "Lines",
        shape: "array",
        required,
        comments:
          "The entry's lines as a JSON array: each needs debit and credit (0 on the other side) and usually accountId (a GL account id), plus optional memo, postDate, quantity, unitAmount, businessUnitId, customerId, jobId … appliedTo {id, type} and sku {id, type}. Amounts may be numbers or decimal strings; they are never rounded (a value with more than about 15 significant digits is refused).",
        example: JSON.stringify(
          [
            { accountId: 300001, debit: "1250.00", credit: 0, memo: "Warranty reserve", businessUnitId: 101 },
            { accountId: 300002, debit: 0, credit: "1250.00", memo: "Warranty reserve" },
          ],
          null,
          2,
        ),
      },
      {
        fields: specFields<Schemas["Accounting.V2.JournalEntryLineCreateRequest"]>()(
          "postDate",
          "accountId",
          "debit",
          "credit",
          "memo",
          "quantity",
          "unitAmount",
          "externalObjects",
          "businessUnitId",
          "customerId",
          "vendorId",
          "inventoryLocationId",
          "jobId",
          "customerLocationId",
          "paymentTypeId",
          "projectId",
          "budgetCodeId",
          "employeeId",
          "serviceAgreementId",
          "appliedTo",
          "sku",
        ),
        required: ["debit", "credit"],
        integers: LINE_ID_FIELDS,
        numbers: ["debit", "credit", "quantity", "unitAmount"],
      },
    ),
  );

const journalEntryWrite = {
  versionId: versionInput(true, "The entry's version: 1 for a new entry.", "1"),
  lines: linesInput(false),
};

const journalEntryLabel = (entry: JournalEntry) =>
  `#${entry.number}${entry.name ? ` ${entry.name}` : ""}${entry.postDate ? ` (${entry.postDate.slice(0, 10)}, ${entry.status})` : ` (${entry.status})`}`;

export const ledger: ResourceModule = {
  actions: {
    // ---- GL accounts ---------------------------------------------------------------------------------------------
    listGlAccounts: listAction({
      label: "List GL Accounts",
      description: "The chart of accounts: general ledger accounts with number, type, subtype and source, filtered by name, number, type …",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts",
      dataSource: "selectGlAccount",
      filters: {
        names: namesInput("Names", "Only accounts with these names."),
        numbers: namesInput("Numbers", "Only accounts with these account numbers."),
        types: namesInput("Types", "Only accounts of these types (e.g. Income, Expense, Bank)."),
        subtypes: namesInput("Subtypes", "Only accounts of these subtypes."),
      },
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/gl-accounts"),
    }),
    getGlAccount: derivedAction({
      label: "Get GL Account",
      description: "One general ledger account.",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts/{accountId}",
      inputs: glAccountPath,
    }),
    createGlAccount: derivedAction({
      label: "Create GL Account",
      description: "Add a general ledger account to ServiceTitan's chart of accounts (e.g. one created in your accounting system).",
      operation: "POST /accounting/v2/tenant/{tenant}/gl-accounts",
      inputs: {
        name: { required: true, comments: "The account's name, e.g. Service Revenue." },
        number: { comments: "The account number in your chart of accounts, e.g. 4000." },
        type: inBody(accountTypeInput("Type", "The account type, e.g. Income or Expense (pick one of List GL Account Types).")),
        subtype: inBody(accountTypeInput("Subtype", "The account subtype, where the type has subtypes.")),
      },
    }),
    updateGlAccount: derivedAction({
      label: "Update GL Account",
      description: "Change a general ledger account's name, number, description, type or subtype, or deactivate it (Active false).",
      operation: "PATCH /accounting/v2/tenant/{tenant}/gl-accounts/{accountId}",
      inputs: {
        ...glAccountPath,
        type: inBody(accountTypeInput("Type", "The new account type (pick one of List GL Account Types).")),
        subtype: inBody(accountTypeInput("Subtype", "The new account subtype.")),
        active: { comments: "False deactivates the account (it leaves lists and dropdowns)." },
      },
    }),
    listGlAccountTypes: listAction({
      label: "List GL Account Types",
      description: "The account types and subtypes (a subtype names its parentTypeId) that GL accounts take.",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts/types",
      dataSource: "selectGlAccountType",
      filters: { names: namesInput("Names", "Only types with these names.") },
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/gl-accounts/types"),
    }),

    // ---- Journal entries -----------------------------------------------------------------------------------------
    listJournalEntries: listAction({
      label: "List Journal Entries",
      description:
        "Journal entries (ServiceTitan's postings to the general ledger) filtered by dates, numbers, status, sync status, transaction types, customer, vendor … ServiceTitan returns at most 500 a page; Fetch All reads every page.",
      operation: "GET /accounting/v2/tenant/{tenant}/journal-entries",
      filters: {
        ids: journalEntryIdsInput(),
        exportedBy: idListInput({
          label: "Exported By User IDs",
          dataSource: "selectEmployee",
          comments: "Only entries exported by these users (their employee ids, at most 50).",
        }),
        refNumber: namesInput("Reference Numbers", "Only entries with a transaction of these reference numbers."),
      },
      // A nested query (customField.name=value) the core does not build.
      omit: ["customField"],
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/journal-entries"),
    }),
    getJournalEntry: derivedAction({
      label: "Get Journal Entry",
      description:
        "One journal entry: number, status, sync status, version and custom fields (its lines: Journal Entry Summary or Details).",
      operation: "GET /accounting/v2/tenant/{tenant}/journal-entries/{id}",
    }),
    createJournalEntry: derivedAction({
      label: "Create Journal Entry",
      description:
        "Create an external journal entry (e.g. a manual adjustment from your accounting system) with its lines. ServiceTitan answers without the new entry's id: find it with List Journal Entries (Name).",
      operation: "POST /accounting/v2/tenant/{tenant}/journal-entries",
      inputs: {
        name: { comments: "A name for the entry, e.g. Warranty reserve March 2025." },
        message: { comments: "A note on the entry." },
        postDate: { comments: "The date the entry posts on (e.g. 2025-03-31)." },
        customFields: {
          comments: 'Custom field values as a JSON object of name → value, e.g. {"Batch": "42"}.',
          example: '{"Batch": "42"}',
        },
        ...journalEntryWrite,
      },
    }),
    replaceJournalEntry: derivedAction({
      label: "Replace Journal Entry",
      description:
        "Rewrite an external journal entry (one created through the API) whole: its lines become exactly the Lines given (to add a line, give all the lines plus the new one). Entries ServiceTitan posted itself cannot be replaced.",
      operation: "PUT /accounting/v2/tenant/{tenant}/journal-entries/{id}",
      inputs: {
        customFields: { comments: "Custom field values as a JSON object of name → value.", example: '{"Batch": "42"}' },
        ...journalEntryWrite,
        versionId: versionInput(true, "The version you read (Get Journal Entry's versionId): ServiceTitan refuses a stale one."),
      },
    }),
    updateJournalEntry: derivedAction({
      label: "Update Journal Entry",
      description: "Open or close a journal entry, or set its custom fields (fields not named keep their values).",
      operation: "PATCH /accounting/v2/tenant/{tenant}/journal-entries/{id}",
      inputs: {
        customFields: {
          comments: 'Custom fields to set, as a JSON object of name → value, e.g. {"Batch": "42"}.',
          example: '{"Batch": "42"}',
        },
      },
    }),
    deleteJournalEntry: derivedAction({
      label: "Delete Journal Entry",
      description: "Delete an external journal entry (one created through the API).",
      operation: "DELETE /accounting/v2/tenant/{tenant}/journal-entries/{id}",
    }),
    listJournalEntrySummary: listAction({
      label: "List Journal Entry Summary",
      description:
        "A journal entry's lines summed by GL account and business unit: what to post as one entry in your books. At most 500 a page.",
      operation: "GET /accounting/v2/tenant/{tenant}/journal-entries/{id}/summary",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/journal-entries/{id}/summary"),
    }),
    listJournalEntryDetails: listAction({
      label: "List Journal Entry Details",
      description:
        "A journal entry's lines by GL account, business unit, transaction (invoice, payment, bill …) and pricebook item, with customer, job and vendor. At most 500 a page.",
      operation: "GET /accounting/v2/tenant/{tenant}/journal-entries/{id}/details",
      examplePayload: exampleOf("GET /accounting/v2/tenant/{tenant}/journal-entries/{id}/details"),
    }),
    updateJournalEntrySyncState: derivedAction({
      label: "Update Journal Entry Sync State",
      description:
        "Report what your accounting sync did with a journal entry: Synced (with the version you posted), InProgress, Error (with a message), Excluded …",
      operation: "PATCH /accounting/v2/tenant/{tenant}/journal-entries/{id}/sync",
      inputs: {
        versionId: versionInput(
          false,
          "Required with Sync Status Synced: the version you posted (Get Journal Entry's versionId). Not used otherwise.",
        ),
        message: { comments: "What happened, e.g. Posted as JE-1042, or the error your accounting system gave." },
        customFields: { comments: "Custom fields to set, as a JSON object of name → value.", example: '{"External JE": "JE-1042"}' },
      },
      body: (v: Values) => {
        if (v.syncStatus === "Synced" && v.versionId === undefined) {
          throw new InputError("Version", "is required with Sync Status Synced: the version of the entry you posted.");
        }
        return Object.fromEntries(
          [
            ["syncStatus", v.syncStatus],
            ["versionId", v.versionId],
            ["message", v.message],
            ["customFields", v.customFields],
          ].filter(([, value]) => value !== undefined),
        );
      },
    }),
  },
  dataSources: {
    selectGlAccount: picklist<Schemas["Accounting.V2.GlAccountExtendedResponse"]>({
      label: "Select GL Account",
      description: "Select a general ledger account from a dropdown menu (number and name)",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts",
      query: { active: "True" },
      option: (account) => ({
        key: String(account.id),
        label: `${[account.number, account.name].filter((part) => String(part ?? "").trim()).join(" · ") || "Unnamed"} (ID: ${account.id})`,
      }),
      order: "label",
      example: [
        { key: "300001", label: "1000 · Operating Checking (ID: 300001)" },
        { key: "300004", label: "4000 · Service Revenue (ID: 300004)" },
      ],
    }),
    selectGlAccountType: namedPicklist<Schemas["Accounting.V2.GlAccountTypeResponse"]>({
      label: "Select GL Account Type",
      description: "Select a GL account type (by id) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts/types",
      query: { active: "True" },
      example: [{ key: "390001", label: "Income (ID: 390001)" }],
    }),
    selectGlAccountTypeName: picklist<Schemas["Accounting.V2.GlAccountTypeResponse"]>({
      label: "Select GL Account Type Name",
      description: "Select a GL account type or subtype by name (what Create/Update GL Account take) from a dropdown menu",
      operation: "GET /accounting/v2/tenant/{tenant}/gl-accounts/types",
      query: { active: "True" },
      option: (type) => ({ key: String(type.name ?? ""), label: String(type.name ?? "") }),
      order: "label",
      example: [
        { key: "Expense", label: "Expense" },
        { key: "Income", label: "Income" },
      ],
    }),
    selectJournalEntry: picklist<JournalEntry>({
      label: "Select Journal Entry",
      description: "Select a journal entry from a dropdown menu, newest first",
      operation: "GET /accounting/v2/tenant/{tenant}/journal-entries",
      query: { sort: "-Number" },
      option: (entry) => ({ key: String(entry.id), label: journalEntryLabel(entry) }),
      order: "api",
      example: [{ key: "3fa85f64-5717-4562-b3fc-2c963f66afa6", label: "#1042 Sales March 2025 (2025-03-31, Open)" }],
    }),
  },
};
