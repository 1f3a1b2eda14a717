/**
 * Payroll against the sandbox: payrolls, payroll adjustments and gross pay items (stateful), job splits, location
 * rates, activity and timesheet codes, job timesheets (stateful), non-job timesheets, payroll settings (stateful),
 * and the payroll export feeds. Amounts go out exactly as given (a long-scale decimal string included).
 */
import { useSandbox } from "../support";
import { badInputFor, financeSuite, type Call } from "./finance-helpers";

const ctx = useSandbox();
const { run, runCall, expectRefused, picklist, failure, db } = financeSuite(ctx);

const KEYS = [
  "listPayrolls",
  "listTechnicianPayrolls",
  "listEmployeePayrolls",
  "listPayrollAdjustments",
  "getPayrollAdjustment",
  "createPayrollAdjustment",
  "listGrossPayItems",
  "createGrossPayItem",
  "updateGrossPayItem",
  "deleteGrossPayItem",
  "listJobSplits",
  "listJobSplitsOfJobs",
  "listLocationRates",
  "listActivityCodes",
  "getActivityCode",
  "listTimesheetCodes",
  "getTimesheetCode",
  "listJobTimesheets",
  "listJobTimesheetsOfJobs",
  "createJobTimesheet",
  "updateJobTimesheet",
  "listNonJobTimesheets",
  "listPayrollSettings",
  "getEmployeePayrollSettings",
  "updateEmployeePayrollSettings",
  "getTechnicianPayrollSettings",
  "updateTechnicianPayrollSettings",
  "exportPayrollAdjustments",
  "exportGrossPayItems",
  "exportJobSplits",
  "exportJobTimesheets",
  "exportActivityCodes",
  "exportTimesheetCodes",
  "exportPayrollSettings",
];

const EMPLOYEE = 401234; // an office employee (employees are back-office records the sandbox accepts as given)
const code = (value: string) => db().all("activity-codes", { code: value })[0];
const lastOf = (collection: string) => db().all(collection).slice(-1)[0];
const scheduled = () => db().all("jobs", { jobStatus: "Scheduled" })[0];
const appointmentOf = (jobId: number) => db().all("appointments", { jobId })[0];
const newTimesheet = () => db().all("jobs-timesheets", { jobId: scheduled().id })[0];

describe("payroll: each action sends the request its operation describes", () => {
  const calls: Call[] = [
    {
      key: "listPayrolls",
      params: { employeeType: "Technician", status: "Approved", startedOnOrAfter: "2025-03-01", includeTotal: true },
      method: "GET",
      path: "/payrolls",
      query: {
        employeeType: "Technician",
        status: "Approved",
        startedOnOrAfter: "2025-03-01T00:00:00.000Z",
        active: "True",
        includeTotal: "true",
      },
      check: (page) => {
        expect(page.totalCount).toBe(4);
        for (const payroll of page.data) expect(payroll).toMatchObject({ employeeType: "Technician", status: "Approved" });
      },
    },
    {
      key: "listTechnicianPayrolls",
      params: { technician: "1001" },
      method: "GET",
      path: "/technicians/1001/payrolls",
      check: (page) => expect(page.data.map((p: { employeeId: number }) => p.employeeId)).toEqual([1001, 1001]),
    },
    {
      key: "listEmployeePayrolls",
      params: { employee: String(EMPLOYEE), status: "Paid" },
      method: "GET",
      path: `/employees/${EMPLOYEE}/payrolls`,
      query: { status: "Paid", active: "True" },
      check: (page) => expect(page.data).toEqual([]),
    },
    {
      key: "listPayrollAdjustments",
      params: { employeeIds: ["1001", "1002"], postedOnOrAfter: "2025-03-01" },
      method: "GET",
      path: "/payroll-adjustments",
      query: { employeeIds: "1001,1002", postedOnOrAfter: "2025-03-01T00:00:00.000Z", active: "True" },
      check: (page) => expect(page.data.map((a: { amount: number }) => a.amount)).toEqual([150, -50]),
    },
    {
      key: "getPayrollAdjustment",
      params: { id: "330001", employeeType: "Technician" },
      method: "GET",
      path: "/payroll-adjustments/330001",
      query: { employeeType: "Technician" },
      check: (adjustment) => expect(adjustment).toMatchObject({ id: 330001, employeeId: 1001, amount: 150, memo: "Spiff: agreement sold" }),
    },
    {
      key: "createPayrollAdjustment",
      params: () => ({
        employeeType: "Technician",
        employeeId: "1003",
        postedOn: "2025-03-21",
        amount: "1234.5600000000000000000",
        memo: "Q1 bonus",
        activityCodeId: String(code("SPIFF").id),
      }),
      method: "POST",
      path: "/payroll-adjustments",
      body: () => ({
        employeeType: "Technician",
        employeeId: 1003,
        postedOn: "2025-03-21T00:00:00.000Z",
        amount: 1234.56,
        memo: "Q1 bonus",
        activityCodeId: code("SPIFF").id,
      }),
      check: async (data) => {
        expect(data).toEqual({ id: lastOf("payroll-adjustments").id });
        const read = await run("getPayrollAdjustment", { id: String(data.id) });
        expect(read).toMatchObject({ employeeId: 1003, amount: 1234.56, memo: "Q1 bonus", type: "Direct" });
      },
    },
    {
      key: "listGrossPayItems",
      params: { payrollIds: ["394001", "394002"], employeeId: "1001", dateOnOrAfter: "2025-03-01" },
      method: "GET",
      path: "/gross-pay-items",
      query: { payrollIds: "394001,394002", employeeId: "1001", dateOnOrAfter: "2025-03-01T00:00:00.000Z" },
      check: (page) => expect(page.data.map((i: { amount: number }) => i.amount)).toEqual([1234.56, 75]),
    },
    {
      key: "createGrossPayItem",
      params: () => ({ payrollId: "394004", amount: "75.00", activityCodeId: String(code("SPIFF").id), date: "2025-03-12", memo: "Spiff" }),
      method: "POST",
      path: "/gross-pay-items",
      body: () => ({ payrollId: 394004, amount: 75, activityCodeId: code("SPIFF").id, date: "2025-03-12T00:00:00.000Z", memo: "Spiff" }),
      check: (data) =>
        expect(db().get("gross-pay-items", data.id)).toMatchObject({
          payrollId: 394004,
          employeeId: 1002,
          activityCode: "SPIFF",
          amount: 75,
        }),
    },
    {
      key: "updateGrossPayItem",
      params: () => ({
        id: String(lastOf("gross-pay-items").id),
        payrollId: "394004",
        amount: "80.25",
        activityCodeId: String(code("SPIFF").id),
        date: "2025-03-13",
      }),
      method: "PUT",
      path: () => `/gross-pay-items/${lastOf("gross-pay-items").id}`,
      body: () => ({ payrollId: 394004, amount: 80.25, activityCodeId: code("SPIFF").id, date: "2025-03-13T00:00:00.000Z" }),
      check: () => expect(lastOf("gross-pay-items")).toMatchObject({ amount: 80.25, date: "2025-03-13T00:00:00.000Z", memo: null }),
    },
    {
      key: "deleteGrossPayItem",
      params: () => ({ id: String(lastOf("gross-pay-items").id) }),
      method: "DELETE",
      path: () => `/gross-pay-items/${lastOf("gross-pay-items").id}`,
      check: async () => {
        expect(lastOf("gross-pay-items").active).toBe(false);
        const page = await run("listGrossPayItems", { payrollIds: ["394004"] });
        expect(page.data.map((i: { id: number }) => i.id)).not.toContain(lastOf("gross-pay-items").id);
      },
    },
    {
      key: "listJobSplits",
      params: { job: "10001", sort: "-Id" },
      method: "GET",
      path: "/jobs/10001/splits",
      query: { sort: "-Id", active: "True" },
    },
    {
      key: "listJobSplitsOfJobs",
      params: { jobIds: ["10001", "10002"], modifiedOnOrAfter: "2025-03-01" },
      method: "GET",
      path: "/jobs/splits",
      query: { jobIds: "10001,10002", modifiedOnOrAfter: "2025-03-01T00:00:00.000Z", active: "True" },
    },
    {
      key: "listLocationRates",
      params: { locationIds: ["3001"] },
      method: "GET",
      path: "/locations/rates",
      query: { locationIds: "3001", active: "True" },
    },
    {
      key: "listActivityCodes",
      params: { active: "Any" },
      method: "GET",
      path: "/activity-codes",
      query: { active: "Any" },
      check: (page) => expect(page.data.map((c: { code: string }) => c.code)).toEqual(["REG", "OT", "SPIFF", "REIMB"]),
    },
    {
      key: "getActivityCode",
      params: () => ({ id: String(code("REIMB").id) }),
      method: "GET",
      path: () => `/activity-codes/${code("REIMB").id}`,
      check: (data) => expect(data).toMatchObject({ code: "REIMB", earningCategory: "Reimbursement" }),
    },
    {
      key: "listTimesheetCodes",
      params: { sort: "+Id" },
      method: "GET",
      path: "/timesheet-codes",
      query: { sort: "+Id", active: "True" },
      check: (page) => expect(page.data[2]).toMatchObject({ code: "PTO", type: "PaidTimeOff", rateInfo: { rateMultiplier: 1 } }),
    },
    {
      key: "getTimesheetCode",
      params: { id: "396001" },
      method: "GET",
      path: "/timesheet-codes/396001",
      check: (data) => expect(data).toMatchObject({ code: "MTG", description: "Shop meeting" }),
    },
    {
      key: "listJobTimesheets",
      params: { job: "10001", technicianId: "1001" },
      method: "GET",
      path: "/jobs/10001/timesheets",
      query: { technicianId: "1001", active: "True" },
      check: (page) => expect(page.data).toEqual([expect.objectContaining({ jobId: 10001, technicianId: 1001 })]),
    },
    {
      key: "listJobTimesheetsOfJobs",
      params: { jobIds: ["10001", "10002", "10003"] },
      method: "GET",
      path: "/jobs/timesheets",
      query: { jobIds: "10001,10002,10003", active: "True" },
      check: (page) => expect(page.data.length).toBeGreaterThan(0),
    },
    {
      key: "createJobTimesheet",
      params: () => ({
        job: String(scheduled().id),
        appointmentId: String(appointmentOf(scheduled().id).id),
        technicianId: "1005",
        dispatchedOn: "2025-06-01T08:00:00-07:00",
        arrivedOn: "2025-06-01T08:35:00-07:00",
      }),
      method: "POST",
      path: () => `/jobs/${scheduled().id}/timesheets`,
      body: () => ({
        appointmentId: appointmentOf(scheduled().id).id,
        technicianId: 1005,
        dispatchedOn: "2025-06-01T15:00:00.000Z",
        arrivedOn: "2025-06-01T15:35:00.000Z",
      }),
      check: (data) => expect(data).toEqual({ id: newTimesheet().id }),
    },
    {
      key: "updateJobTimesheet",
      params: () => ({
        job: String(scheduled().id),
        id: String(newTimesheet().id),
        appointmentId: String(appointmentOf(scheduled().id).id),
        technicianId: "1005",
        dispatchedOn: "2025-06-01T15:00:00Z",
        arrivedOn: "2025-06-01T15:35:00Z",
        doneOn: "2025-06-01T17:10:00Z",
      }),
      method: "PUT",
      path: () => `/jobs/${scheduled().id}/timesheets/${newTimesheet().id}`,
      check: async () => {
        expect(newTimesheet()).toMatchObject({ doneOn: "2025-06-01T17:10:00.000Z", technicianId: 1005 });
        const page = await run("listJobTimesheets", { job: String(scheduled().id) });
        expect(page.data.map((t: { doneOn: string }) => t.doneOn)).toEqual(["2025-06-01T17:10:00.000Z"]);
      },
    },
    {
      key: "listNonJobTimesheets",
      params: { employeeId: "1001", employeeType: "Technician" },
      method: "GET",
      path: "/non-job-timesheets",
      query: { employeeId: "1001", employeeType: "Technician", active: "True" },
    },
    {
      key: "listPayrollSettings",
      params: { employeeType: "Technician" },
      method: "GET",
      path: "/payroll-settings",
      check: (result) =>
        expect(result.data.length).toBe(
          db()
            .all("technicians")
            .filter((t) => t.active).length,
        ),
    },
    {
      key: "updateEmployeePayrollSettings",
      params: {
        employee: String(EMPLOYEE),
        hourlyRate: "24.75",
        externalPayrollId: "ADP-E-1234",
        hireDate: "2024-02-01",
        payrollBusinessUnitId: "101",
      },
      method: "PUT",
      path: `/employees/${EMPLOYEE}/payroll-settings`,
      body: { hourlyRate: 24.75, externalPayrollId: "ADP-E-1234", hireDate: "2024-02-01T00:00:00.000Z", payrollBusinessUnitId: 101 },
      check: (data) => expect(data).toEqual({ employeeId: EMPLOYEE }),
    },
    {
      key: "getEmployeePayrollSettings",
      params: { employee: String(EMPLOYEE) },
      method: "GET",
      path: `/employees/${EMPLOYEE}/payroll-settings`,
      check: (data) =>
        expect(data).toMatchObject({ employeeId: EMPLOYEE, employeeType: "Employee", hourlyRate: 24.75, externalPayrollId: "ADP-E-1234" }),
    },
    {
      key: "updateTechnicianPayrollSettings",
      params: {
        technician: "1001",
        hourlyRate: "32.50",
        externalPayrollId: "ADP-1001",
        isIncludedInPayroll: "true",
        customFields: '[{"typeId": 7, "value": "Union 469"}]',
      },
      method: "PUT",
      path: "/technicians/1001/payroll-settings",
      body: {
        hourlyRate: 32.5,
        externalPayrollId: "ADP-1001",
        isIncludedInPayroll: true,
        customFields: [{ typeId: 7, value: "Union 469" }],
      },
    },
    {
      key: "getTechnicianPayrollSettings",
      params: { technician: "1001" },
      method: "GET",
      path: "/technicians/1001/payroll-settings",
      check: (data) =>
        expect(data).toMatchObject({ employeeId: 1001, hourlyRate: 32.5, customFields: [{ typeId: 7, value: "Union 469" }] }),
    },
    {
      key: "exportPayrollAdjustments",
      params: { from: "2024-01-01", includeRecentChanges: true },
      method: "GET",
      path: "/export/payroll-adjustments",
      query: { from: "2024-01-01", includeRecentChanges: "true" },
      check: (page) => expect(page.data.map((a: { memo: string }) => a.memo)).toContain("Q1 bonus"),
    },
    {
      key: "exportGrossPayItems",
      method: "GET",
      path: "/export/gross-pay-items",
      // The deleted item is in the feed, inactive.
      check: (page) =>
        expect(page.data.find((i: { id: number }) => i.id === lastOf("gross-pay-items").id)).toMatchObject({ active: false }),
    },
    { key: "exportJobSplits", method: "GET", path: "/export/jobs/splits" },
    {
      key: "exportJobTimesheets",
      method: "GET",
      path: "/export/jobs/timesheets",
      check: (page) => expect(page.data.length).toBeGreaterThan(0),
    },
    { key: "exportActivityCodes", method: "GET", path: "/export/activity-codes", check: (page) => expect(page.data).toHaveLength(4) },
    { key: "exportTimesheetCodes", method: "GET", path: "/export/timesheet-codes", check: (page) => expect(page.data).toHaveLength(3) },
    {
      key: "exportPayrollSettings",
      method: "GET",
      path: "/export/payroll-settings",
      // The last change is the employee whose settings were just written.
      check: (page) => expect(page.data.slice(-1)[0]).toMatchObject({ employeeId: 1001, hourlyRate: 32.5 }),
    },
  ];

  it.each(calls.map((call, i) => [`${i + 1}. ${call.key}`, call] as const))("%s", async (_name, call) => {
    await runCall(call);
  });

  it("covers every payroll action", () => {
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(KEYS));
  });
});

describe("dropdowns", () => {
  it.each([
    ["selectPayroll", {}],
    ["selectPayrollAdjustment", {}],
    ["selectGrossPayItem", {}],
    ["selectActivityCode", {}],
    ["selectTimesheetCode", {}],
    ["selectJobTimesheet", { job: "10001" }],
  ])("%s lists records with labels", async (key, params) => {
    const options = await picklist(key, params);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.label.trim()).not.toBe("");
    expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  });

  it("labels payrolls by person and period, newest first, and codes by code and name", async () => {
    const payrolls = await picklist("selectPayroll");
    expect(payrolls[0].label).toMatch(/^Technician 10\d\d: 2025-03-10 – 2025-03-16 \(Pending\) \(ID: 3940\d\d\)$/);
    expect(await picklist("selectActivityCode")).toContainEqual({
      key: String(code("REG").id),
      label: `REG — Regular time (ID: ${code("REG").id})`,
    });
  });
});

describe("bad input is refused by name before any request", () => {
  it.each(KEYS.map((key) => [key, badInputFor(key)] as const))("%s", async (key, { params, message }) => {
    await expectRefused(key, params, message);
  });

  it.each([
    [
      "createPayrollAdjustment",
      { employeeType: "Technician", employeeId: "1001", postedOn: "2025-03-01", amount: "99999999999999.99" },
      /Input "Amount": "99999999999999.99" has more digits than ServiceTitan's number fields keep/,
    ],
    [
      "createPayrollAdjustment",
      { employeeType: "Contractor", employeeId: "1001", postedOn: "2025-03-01" },
      /Input "Employee Type": "Contractor" is not one of Technician, Employee/,
    ],
    [
      "createGrossPayItem",
      { payrollId: "394001", amount: "ten", activityCodeId: "395001", date: "2025-03-01" },
      /Input "Amount": "ten" is not a number/,
    ],
    [
      "createJobTimesheet",
      {
        job: "10001",
        appointmentId: "20001",
        technicianId: "1001",
        dispatchedOn: "2025-03-01T10:00:00Z",
        arrivedOn: "2025-03-01T09:00:00Z",
      },
      /Input "Arrived On": must not be before Dispatched On/,
    ],
    ["listTechnicianPayrolls", { technician: "Marcus" }, /Input "Technician ID": "Marcus" is not a whole number/],
    [
      "updateTechnicianPayrollSettings",
      { technician: "1001", hourlyRate: "30", customFields: '[{"value": "x"}]' },
      /Input "Custom Fields": item 1 has no typeId/,
    ],
  ])("%s %j", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it("passes on ServiceTitan's refusals: an unknown payroll, an appointment of another job", async () => {
    const unknown = await failure("createGrossPayItem", {
      payrollId: "399998",
      amount: "1",
      activityCodeId: String(code("REG").id),
      date: "2025-03-01",
    });
    expect(unknown.message).toMatch(/payrollId.*Payroll with id 399998 not found/);
    const other = await failure("createJobTimesheet", {
      job: String(scheduled().id),
      appointmentId: "20001",
      technicianId: "1001",
      dispatchedOn: "2025-03-01T09:00:00Z",
      arrivedOn: "2025-03-01T10:00:00Z",
    });
    expect(other.message).toMatch(/appointmentId.*not an appointment of job/);
  });
});
