/**
 * Timesheets against the sandbox: activities (create, read, replace, delete: stateful), activity categories and
 * types, and their export feeds.
 */
import { useSandbox } from "../support";
import { badInputFor, financeSuite, type Call } from "./finance-helpers";

const ctx = useSandbox();
const { run, runCall, expectRefused, picklist, failure, db } = financeSuite(ctx);

const KEYS = [
  "listTimesheetActivities",
  "getTimesheetActivity",
  "createTimesheetActivity",
  "updateTimesheetActivity",
  "deleteTimesheetActivity",
  "listActivityCategories",
  "getActivityCategory",
  "listActivityTypes",
  "getActivityType",
  "exportTimesheetActivities",
  "exportTimesheetActivityCategories",
  "exportTimesheetActivityTypes",
];

const type = (code: string) => db().all("activity-types", { code })[0];
const created = () => db().all("activities", { memo: "Supply house run" })[0];

describe("timesheets: each action sends the request its operation describes", () => {
  const calls: Call[] = [
    {
      key: "listTimesheetActivities",
      params: { modifiedOnOrAfter: "2024-01-01", pageSize: "4" },
      method: "GET",
      path: "/activities",
      query: { modifiedOnOrAfter: "2024-01-01T00:00:00.000Z", pageSize: "4", active: "True" },
      check: (page) => expect(page).toMatchObject({ pageSize: 4, hasMore: true }),
    },
    {
      key: "getTimesheetActivity",
      params: { id: "350002" },
      method: "GET",
      path: "/activities/350002",
      check: (activity) => expect(activity).toMatchObject({ id: 350002, employeeId: 1001, memo: "AC tune-up", tagTypes: [] }),
    },
    {
      key: "createTimesheetActivity",
      params: () => ({
        employeeId: "1002",
        employeeType: "Technician",
        activityTypeId: String(type("DRIVE").id),
        startTime: "2025-03-14T13:00:00-07:00",
        endTime: "2025-03-14T13:45:00-07:00",
        memo: "Supply house run",
        milesDriven: "12.5",
        tagTypes: ["502"],
      }),
      method: "POST",
      path: "/activities",
      body: () => ({
        employeeId: 1002,
        employeeType: "Technician",
        activityTypeId: type("DRIVE").id,
        startTime: "2025-03-14T20:00:00.000Z",
        endTime: "2025-03-14T20:45:00.000Z",
        memo: "Supply house run",
        milesDriven: 12.5,
        tagTypes: [502],
      }),
      check: async (data) => {
        expect(data).toEqual({ id: created().id });
        const read = await run("getTimesheetActivity", { id: String(data.id) });
        expect(read).toMatchObject({
          employeeId: 1002,
          activityTypeId: type("DRIVE").id,
          tagTypes: [502],
          endTime: "2025-03-14T20:45:00.000Z",
        });
      },
    },
    {
      key: "updateTimesheetActivity",
      params: () => ({
        id: String(created().id),
        activityTypeId: String(type("SHOP").id),
        startTime: "2025-03-14T20:00:00Z",
        endTime: "2025-03-14T21:15:00Z",
        memo: "Supply house run",
        active: "true",
      }),
      method: "PUT",
      path: () => `/activities/${created().id}`,
      // Tags are required by the API: none given sends an empty list.
      body: () => ({
        activityTypeId: type("SHOP").id,
        startTime: "2025-03-14T20:00:00.000Z",
        endTime: "2025-03-14T21:15:00.000Z",
        memo: "Supply house run",
        active: true,
        tagTypes: [],
      }),
      check: () => expect(created()).toMatchObject({ activityTypeId: type("SHOP").id, endTime: "2025-03-14T21:15:00.000Z", tagTypes: [] }),
    },
    {
      key: "deleteTimesheetActivity",
      params: () => ({ id: String(created().id) }),
      method: "DELETE",
      path: () => `/activities/${created().id}`,
      check: async () => {
        expect(created().active).toBe(false);
        expect((await failure("getTimesheetActivity", { id: String(created().id) })).message).toMatch(/Activity \d+ was not found/);
      },
    },
    {
      key: "listActivityCategories",
      params: { sort: "-Id" },
      method: "GET",
      path: "/activity-categories",
      query: { sort: "-Id", active: "True" },
      check: (page) =>
        expect(page.data.map((c: { name: string }) => c.name)).toEqual(["Shop", "Paid time off", "On job", "Meal", "Travel"]),
    },
    {
      key: "getActivityCategory",
      params: { id: "397001" },
      method: "GET",
      path: "/activity-categories/397001",
      check: (data) => expect(data).toMatchObject({ name: "Travel", type: "Travel" }),
    },
    {
      key: "listActivityTypes",
      params: { createdOnOrAfter: "2024-06-01T00:00:00Z" },
      method: "GET",
      path: "/activity-types",
      query: { createdOnOrAfter: "2024-06-01T00:00:00.000Z", active: "True" },
      check: (page) => expect(page.data.map((t: { code: string }) => t.code)).toEqual(["DRIVE", "LUNCH", "ONJOB", "PTO", "SHOP"]),
    },
    {
      key: "getActivityType",
      params: () => ({ id: String(type("ONJOB").id) }),
      method: "GET",
      path: () => `/activity-types/${type("ONJOB").id}`,
      check: (data) =>
        expect(data).toMatchObject({
          code: "ONJOB",
          jobAssociation: "Require",
          categoryId: db().all("activity-categories", { name: "On job" })[0].id,
        }),
    },
    {
      key: "exportTimesheetActivities",
      params: { from: "2024-01-01" },
      method: "GET",
      path: "/export/activities",
      query: { from: "2024-01-01" },
      // The deleted activity is the feed's latest change, inactive.
      check: (page) => expect(page.data.slice(-1)[0]).toMatchObject({ memo: "Supply house run", active: false }),
    },
    {
      key: "exportTimesheetActivityCategories",
      method: "GET",
      path: "/export/activity-categories",
      check: (page) => expect(page.data).toHaveLength(5),
    },
    {
      key: "exportTimesheetActivityTypes",
      method: "GET",
      path: "/export/activity-types",
      check: (page) => expect(page.data).toHaveLength(5),
    },
  ];

  it.each(calls.map((call, i) => [`${i + 1}. ${call.key}`, call] as const))("%s", async (_name, call) => {
    await runCall(call);
  });

  it("covers every timesheets action", () => {
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(KEYS));
  });
});

describe("dropdowns", () => {
  it.each([["selectTimesheetActivity"], ["selectActivityCategory"], ["selectActivityType"]])(
    "%s lists records with labels",
    async (key) => {
      const options = await picklist(key);
      expect(options.length).toBeGreaterThan(1);
      for (const option of options) expect(option.label.trim()).not.toBe("");
    },
  );

  it("labels activity types by code and description", async () => {
    expect(await picklist("selectActivityType")).toContainEqual({
      key: String(type("DRIVE").id),
      label: `DRIVE — Driving (ID: ${type("DRIVE").id})`,
    });
  });
});

describe("bad input is refused by name before any request", () => {
  it.each(KEYS.map((key) => [key, badInputFor(key)] as const))("%s", async (key, { params, message }) => {
    await expectRefused(key, params, message);
  });

  it.each([
    [
      "createTimesheetActivity",
      {
        employeeId: "1001",
        employeeType: "Technician",
        activityTypeId: "398001",
        startTime: "2025-03-14T10:00:00Z",
        endTime: "2025-03-14T09:00:00Z",
      },
      /Input "End Time": must not be before Start Time/,
    ],
    [
      "createTimesheetActivity",
      { employeeId: "1001", employeeType: "Technician", activityTypeId: "398001", startTime: "yesterday" },
      /Input "Start Time": "yesterday" is not a date/,
    ],
    [
      "createTimesheetActivity",
      { employeeId: "1001", employeeType: "Technician", activityTypeId: "398001", startTime: "2025-03-14", tagTypes: ["VIP"] },
      /Input "Tag Type IDs": "VIP" is not a whole number/,
    ],
    [
      "updateTimesheetActivity",
      { id: "350001", activityTypeId: "398001", startTime: "2025-03-14", active: "maybe" },
      /Input "Active": "maybe" is not true or false/,
    ],
  ])("%s %j", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it("passes on ServiceTitan's refusal of an unknown activity type", async () => {
    const error = await failure("createTimesheetActivity", {
      employeeId: "1001",
      employeeType: "Technician",
      activityTypeId: "398999",
      startTime: "2025-03-14",
    });
    expect(error.message).toMatch(/activityTypeId.*Activity type with id 398999 not found/);
  });
});
