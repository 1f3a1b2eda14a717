/**
 * The general ledger against the sandbox: GL accounts (stateful), account types, journal entries (GUID ids,
 * stateful create/replace/update/sync/delete, summary and details) and their 500-record page limit.
 */
import { useSandbox } from "../support";
import { badInputFor, financeSuite, type Call } from "./finance-helpers";

const ctx = useSandbox();
const { run, runCall, expectRefused, picklist, failure, db } = financeSuite(ctx);

const account = (number: string) => db().all("gl-accounts", { number })[0];
const entry = (number: number) => db().all("journal-entries", { number })[0];
const entryNamed = (name: string) => db().all("journal-entries", { name })[0];

const KEYS = [
  "listGlAccounts",
  "getGlAccount",
  "createGlAccount",
  "updateGlAccount",
  "listGlAccountTypes",
  "listJournalEntries",
  "getJournalEntry",
  "createJournalEntry",
  "replaceJournalEntry",
  "updateJournalEntry",
  "deleteJournalEntry",
  "listJournalEntrySummary",
  "listJournalEntryDetails",
  "updateJournalEntrySyncState",
];

const NEW_ENTRY = "Warranty reserve March 2025";
const newEntry = () => entryNamed(NEW_ENTRY);

describe("GL accounts and journal entries: each action sends the request its operation describes", () => {
  const calls: Call[] = [
    {
      key: "listGlAccounts",
      params: { names: ["Service Revenue", "Payroll Expense"], types: "Income", includeTotal: true },
      method: "GET",
      path: "/gl-accounts",
      query: { names: "Service Revenue,Payroll Expense", types: "Income", active: "True", includeTotal: "true" },
      check: (page) => expect(page.data.map((a: { name: string }) => a.name)).toEqual(["Service Revenue"]),
    },
    {
      key: "getGlAccount",
      params: () => ({ accountId: String(account("4000").id) }),
      method: "GET",
      path: () => `/gl-accounts/${account("4000").id}`,
      check: (data) => expect(data).toMatchObject({ number: "4000", name: "Service Revenue", type: "Income" }),
    },
    {
      key: "createGlAccount",
      params: { name: "Warranty Reserve", number: "2300", type: "Other Current Liability", description: "Reserve for warranty callbacks" },
      method: "POST",
      path: "/gl-accounts",
      body: { name: "Warranty Reserve", number: "2300", type: "Other Current Liability", description: "Reserve for warranty callbacks" },
      check: async (data) => {
        expect(db().get("gl-accounts", data.id)).toMatchObject({ name: "Warranty Reserve", number: "2300", active: true });
        const read = await run("getGlAccount", { accountId: String(data.id) });
        expect(read).toMatchObject({ id: data.id, name: "Warranty Reserve", source: "PublicApi" });
      },
    },
    {
      key: "updateGlAccount",
      params: () => ({ accountId: String(account("2300").id), name: "Warranty Reserve (AZ)", active: "false" }),
      method: "PATCH",
      path: () => `/gl-accounts/${account("2300").id}`,
      body: { name: "Warranty Reserve (AZ)", active: false },
      check: async () => {
        expect(account("2300")).toMatchObject({
          name: "Warranty Reserve (AZ)",
          active: false,
          description: "Reserve for warranty callbacks",
        });
        const active = await run("listGlAccounts", { fetchAll: true });
        expect(active.data.map((a: { number: string }) => a.number)).not.toContain("2300");
      },
    },
    {
      key: "listGlAccountTypes",
      params: { names: ["Income", "Expense"] },
      method: "GET",
      path: "/gl-accounts/types",
      query: { names: "Income,Expense", active: "True" },
      check: (page) => expect(page.data.map((t: { name: string }) => t.name).sort()).toEqual(["Expense", "Income"]),
    },
    {
      key: "listJournalEntries",
      params: { statuses: ["Open"], syncStatuses: ["NotSynced"], numberFrom: "1002", sort: "-Number", postedFrom: "2025-03-01" },
      method: "GET",
      path: "/journal-entries",
      query: { statuses: "Open", syncStatuses: "NotSynced", numberFrom: "1002", sort: "-Number", postedFrom: "2025-03-01T00:00:00.000Z" },
      check: (page) => {
        expect(page.data.map((e: { number: number }) => e.number)).toEqual([1003, 1002]);
        for (const found of page.data) expect(found.id).toMatch(/^[0-9a-f-]{36}$/);
      },
    },
    {
      key: "listJournalEntries",
      params: () => ({ ids: [entry(1001).guid, entry(1003).guid] }),
      method: "GET",
      path: "/journal-entries",
      query: () => ({ ids: `${entry(1001).guid},${entry(1003).guid}` }),
      check: (page) => expect(page.data.map((e: { number: number }) => e.number)).toEqual([1001, 1003]),
    },
    {
      key: "getJournalEntry",
      params: () => ({ id: entry(1001).guid }),
      method: "GET",
      path: () => `/journal-entries/${entry(1001).guid}`,
      check: (data) => expect(data).toMatchObject({ id: entry(1001).guid, number: 1001, status: "Closed", syncStatus: "Synced" }),
    },
    {
      key: "listJournalEntrySummary",
      params: () => ({ id: entry(1001).guid }),
      method: "GET",
      path: () => `/journal-entries/${entry(1001).guid}/summary`,
      check: (page) => {
        const byNumber = Object.fromEntries(page.data.map((row: { account: { number: string } }) => [row.account.number, row]));
        expect(byNumber["1200"]).toMatchObject({ debit: 1340.25, credit: 0, businessUnit: { id: 101 } });
        expect(byNumber["4000"]).toMatchObject({ debit: 0, credit: 1234.1 });
        expect(byNumber["2200"]).toMatchObject({ credit: 106.15, businessUnit: null });
      },
    },
    {
      key: "listJournalEntryDetails",
      params: () => ({ id: entry(1003).guid, pageSize: "500" }),
      method: "GET",
      path: () => `/journal-entries/${entry(1003).guid}/details`,
      query: { pageSize: "500" },
      check: (page) =>
        expect(page.data.map((row: { debit: number; credit: number }) => [row.debit, row.credit])).toEqual([
          [1234.56, 0],
          [0, 1234.56],
        ]),
    },
    {
      key: "createJournalEntry",
      params: () => ({
        name: NEW_ENTRY,
        status: "Open",
        postDate: "2025-03-31",
        message: "Posted by the sync",
        customFields: '{"Batch": "42"}',
        lines: JSON.stringify([
          { accountId: String(account("6000").id), debit: "1234.5600000000000000000", credit: 0, memo: "Reserve", businessUnitId: 101 },
          { accountId: account("2200").id, debit: "0", credit: "1234.56", memo: "Reserve" },
        ]),
      }),
      method: "POST",
      path: "/journal-entries",
      body: undefined,
      check: async () => {
        const [sent] = ctx.sandbox.requests;
        expect(sent.body).toEqual({
          name: NEW_ENTRY,
          status: "Open",
          versionId: 1,
          message: "Posted by the sync",
          postDate: "2025-03-31",
          customFields: { Batch: "42" },
          lines: [
            { accountId: account("6000").id, debit: 1234.56, credit: 0, memo: "Reserve", businessUnitId: 101 },
            { accountId: account("2200").id, debit: 0, credit: 1234.56, memo: "Reserve" },
          ],
        });
        expect(newEntry()).toMatchObject({
          source: "External",
          syncStatus: "NotSynced",
          versionId: 1,
          customFields: [{ name: "Batch", value: "42" }],
        });
        const found = await run("listJournalEntries", { name: "Warranty reserve" });
        expect(found.data.map((e: { id: string }) => e.id)).toEqual([newEntry().guid]);
      },
    },
    {
      key: "replaceJournalEntry",
      params: () => ({
        id: newEntry().guid,
        name: NEW_ENTRY,
        status: "Open",
        versionId: "1",
        lines: JSON.stringify([
          { accountId: account("6000").id, debit: 99.5, credit: 0 },
          { accountId: account("2200").id, debit: 0, credit: 99.5 },
        ]),
      }),
      method: "PUT",
      path: () => `/journal-entries/${newEntry().guid}`,
      body: undefined,
      check: async () => {
        expect(newEntry()).toMatchObject({ versionId: 2, isEmpty: false });
        const details = await run("listJournalEntryDetails", { id: newEntry().guid });
        expect(details.data.map((row: { debit: number }) => row.debit)).toEqual([99.5, 0]);
      },
    },
    {
      key: "updateJournalEntry",
      params: () => ({ id: newEntry().guid, status: "Closed", customFields: '{"Batch": "43", "Reviewer": "JD"}' }),
      method: "PATCH",
      path: () => `/journal-entries/${newEntry().guid}`,
      body: { status: "Closed", customFields: { Batch: "43", Reviewer: "JD" } },
      check: (data) => {
        expect(data).toMatchObject({ status: "Closed", versionId: 3 });
        expect(data.customFields).toEqual([
          { name: "Batch", value: "43" },
          { name: "Reviewer", value: "JD" },
        ]);
      },
    },
    {
      key: "updateJournalEntrySyncState",
      params: () => ({ id: newEntry().guid, syncStatus: "Synced", versionId: "3", message: "Posted as JE-1042" }),
      method: "PATCH",
      path: () => `/journal-entries/${newEntry().guid}/sync`,
      body: { syncStatus: "Synced", versionId: 3, message: "Posted as JE-1042" },
      check: (data) => expect(data).toMatchObject({ syncStatus: "Synced", lastSyncVersionId: 3, message: "Posted as JE-1042" }),
    },
    {
      key: "deleteJournalEntry",
      params: () => ({ id: newEntry().guid }),
      method: "DELETE",
      path: () => `/journal-entries/${newEntry().guid}`,
      check: async () => {
        expect(newEntry().active).toBe(false);
        const error = await failure("getJournalEntry", { id: newEntry().guid });
        expect(error.message).toMatch(/Journal Entry .* was not found/);
      },
    },
  ];

  it.each(calls.map((call, i) => [`${i + 1}. ${call.key}`, call] as const))("%s", async (_name, call) => {
    await runCall(call);
  });

  it("covers every ledger action", () => {
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(KEYS));
  });
});

describe("dropdowns", () => {
  it.each([["selectGlAccount"], ["selectGlAccountType"], ["selectGlAccountTypeName"], ["selectJournalEntry"]])(
    "%s lists records with labels",
    async (key) => {
      const options = await picklist(key);
      expect(options.length).toBeGreaterThan(1);
      for (const option of options) expect(option.label.trim()).not.toBe("");
      expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
    },
  );

  it("labels GL accounts with number and name, and journal entries newest first with their GUID as key", async () => {
    expect(await picklist("selectGlAccount")).toContainEqual({
      key: String(account("4000").id),
      label: `4000 · Service Revenue (ID: ${account("4000").id})`,
    });
    const entries = await picklist("selectJournalEntry");
    expect(entries[0]).toEqual({ key: entry(1003).guid, label: "#1003 Inventory receipt PO-2001 (2025-03-05, Open)" });
    expect(await picklist("selectGlAccountTypeName")).toContainEqual({ key: "Income", label: "Income" });
  });
});

describe("bad input is refused by name before any request", () => {
  it.each(KEYS.map((key) => [key, badInputFor(key)] as const))("%s", async (key, { params, message }) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["getJournalEntry", { id: "1001" }, /Input "Journal Entry ID": "1001" is not a GUID/],
    ["listJournalEntries", { ids: ["1001"] }, /Input "Journal Entry IDs": "1001" is not a journal entry id/],
    ["listJournalEntries", { pageSize: "501" }, /Input "Page Size": 501 is out of range; expected 1 to 500/],
    [
      "listJournalEntryDetails",
      { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", pageSize: "1000" },
      /Input "Page Size": 1000 is out of range/,
    ],
    [
      "createJournalEntry",
      { status: "Open", lines: '[{"accountId": 300001, "debit": "12345678901234567.89", "credit": 0}]' },
      /Input "Lines item 1.debit": "12345678901234567.89" has more digits than ServiceTitan's number fields keep/,
    ],
    [
      "createJournalEntry",
      { status: "Open", lines: '[{"accountId": 300001, "debit": 1, "credit": 0, "acount": 1}]' },
      /Input "Lines": item 1 has "acount"/,
    ],
    ["createJournalEntry", { status: "Open", lines: '[{"accountId": 300001, "debit": 1}]' }, /Input "Lines": item 1 needs "credit"/],
    [
      "updateJournalEntrySyncState",
      { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", syncStatus: "Synced" },
      /Input "Version": is required with Sync Status Synced/,
    ],
    ["createGlAccount", { name: "" }, /Input "Name": is required/],
    ["updateGlAccount", { accountId: "4000-A" }, /Input "GL Account ID": "4000-A" is not a whole number/],
  ])("%s %j", async (key, params, message) => {
    await expectRefused(key, params, message);
  });
});

describe("ServiceTitan's answers for records that are not there, or writes it refuses", () => {
  it("names the GL account and the journal entry in a 404", async () => {
    expect((await failure("getGlAccount", { accountId: "399999" })).message).toMatch(/GL Account 399999 was not found/);
    expect((await failure("getJournalEntry", { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" })).message).toMatch(
      /Journal Entry 3fa85f64-5717-4562-b3fc-2c963f66afa6 was not found/,
    );
  });

  it("passes on a stale version and an unknown GL account on a line", async () => {
    const created = await run("createJournalEntry", {
      name: "Stale test",
      status: "Open",
      lines: '[{"accountId": 300001, "debit": 5, "credit": 0}]',
    });
    expect(created).toEqual({});
    const id = entryNamed("Stale test").guid;
    expect((await failure("replaceJournalEntry", { id, status: "Open", versionId: "7" })).message).toMatch(
      /versionId.*not the current version 1/,
    );
    expect(
      (await failure("createJournalEntry", { status: "Open", lines: '[{"accountId": 399999, "debit": 5, "credit": 0}]' })).message,
    ).toMatch(/lines\[0\]\.accountId.*GL account with id 399999 not found/);
  });
});

describe("journal entries come 500 a page at most", () => {
  it("Fetch All reads 1,500+ entries in pages of at most 500, never asking for more", async () => {
    db().bulkInsert("journal-entries", 1500);
    const total = db()
      .all("journal-entries")
      .filter((e) => e.active).length;
    ctx.sandbox.resetStats();
    const result = await run("listJournalEntries", { fetchAll: true });
    expect(result).toMatchObject({ recordCount: total, complete: true });
    expect(new Set(result.data.map((e: { id: string }) => e.id)).size).toBe(total);
    const pages = ctx.sandbox.requests.filter((r) => r.path.endsWith("/journal-entries"));
    expect(pages).toHaveLength(Math.ceil(total / 500));
    for (const page of pages) expect(Number(page.query.pageSize)).toBeLessThanOrEqual(500);
    // A Page Size above the maximum is refused before asking (Fetch All takes it as an upper bound of 500 too).
    ctx.sandbox.resetStats();
    await run("listJournalEntries", { fetchAll: true, pageSize: "200", maxRecords: "450" });
    expect(ctx.sandbox.requests.map((r) => r.query.pageSize)).toEqual(["200", "200", "200"]);
  });

  it("the dropdown loads them all the same way", async () => {
    ctx.sandbox.resetStats();
    const options = await picklist("selectJournalEntry");
    expect(options.length).toBe(
      db()
        .all("journal-entries")
        .filter((e) => e.active).length,
    );
    for (const request of ctx.sandbox.requests) expect(Number(request.query.pageSize)).toBeLessThanOrEqual(500);
  });
});
