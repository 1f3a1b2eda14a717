import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";
import { checkDropdowns, runCases, type Case } from "./supplyHelpers";

/** Settings additions: employees and their account actions, technician account actions, tag types, business units. */
describe("settings: employees, account actions, tag types, business units", () => {
  const ctx = useSandbox();
  const { expectRefused, failure } = actionsOn(ctx);
  const guid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  const created: Record<string, number> = {};
  // Seed: employees 440001 Dana Whitfield … 440005 Tom Becker (inactive); technicians 1001 …; business units 101 …

  const cases: Case[] = [
    {
      key: "listEmployees",
      params: { name: "ro", active: "Any" },
      method: "GET",
      path: "/employees",
      query: { name: "ro", active: "Any" },
      check: (page) => expect(page.data.map((e: { name: string }) => e.name)).toEqual(["Rosa Delgado"]),
    },
    {
      key: "getEmployee",
      params: { id: "440003" },
      method: "GET",
      path: "/employees/440003",
      check: (e) => expect(e).toMatchObject({ name: "Martin Osei", roleIds: [401], businessUnitId: 101 }),
    },
    {
      key: "createEmployee",
      params: {
        name: "Alex Kim",
        email: "alex.kim@sandbox-hvac.example",
        accountCreationMethod: "AssignLoginAndPassword",
        login: "alexkim",
        password: "S3cret!pass",
        roleId: "402",
        positions: ["CSR", "Dispatcher"],
        businessUnitId: "103",
        customFields: '[{ "typeId": 9001, "value": "Night shift" }]',
      },
      method: "POST",
      path: "/employees",
      body: {
        name: "Alex Kim",
        email: "alex.kim@sandbox-hvac.example",
        accountCreationMethod: "AssignLoginAndPassword",
        login: "alexkim",
        password: "S3cret!pass",
        roleId: 402,
        positions: ["CSR", "Dispatcher"],
        businessUnitId: 103,
        customFields: [{ typeId: 9001, value: "Night shift" }],
      },
      check: (answer, db) => {
        created.employee = answer.id;
        const employee = db.get("employees", answer.id)!;
        expect(employee).toMatchObject({
          name: "Alex Kim",
          loginName: "alexkim",
          roleIds: [402],
          positions: ["CSR", "Dispatcher"],
          active: true,
        });
        expect(JSON.stringify(employee)).not.toContain("S3cret");
      },
    },
    {
      key: "updateEmployee",
      params: () => ({ id: String(created.employee), mobilePhoneNumber: "4805550177", accountLocked: "true" }),
      method: "PATCH",
      path: () => `/employees/${created.employee}`,
      body: { mobilePhoneNumber: "4805550177", accountLocked: true },
      check: (_a, db) =>
        expect(db.get("employees", created.employee)).toMatchObject({ mobilePhoneNumber: "4805550177", accountLocked: true }),
    },
    {
      key: "employeeAccountAction",
      params: () => ({ id: String(created.employee), action: "Deactivate" }),
      method: "POST",
      path: () => `/employees/${created.employee}/account-actions`,
      body: { action: "Deactivate" },
      check: (answer, db) => {
        expect(answer).toEqual({ status: "Success" });
        expect(db.get("employees", created.employee)?.active).toBe(false);
      },
    },
    {
      key: "technicianAccountAction",
      params: { id: "1012", action: "Activate", licenseType: "ManagedTechnician", truckId: "491002" },
      method: "POST",
      path: "/technicians/1012/account-actions",
      body: { action: "Activate", licenseType: "ManagedTechnician", truckId: 491002 },
      check: (_a, db) => expect(db.get("technicians", 1012)).toMatchObject({ active: true, truckId: 491002 }),
    },
    {
      key: "listTagTypes",
      params: { active: "Any", sort: "-Id" },
      method: "GET",
      path: "/tag-types",
      check: (page) => expect(page.data[0].id).toBe(506),
    },
    {
      key: "createTagType",
      params: { name: "Financing approved", color: "#2E7D32", importance: "High", isConversionOpportunity: "true" },
      method: "POST",
      path: "/tag-types",
      body: { name: "Financing approved", color: "#2E7D32", importance: "High", isConversionOpportunity: true },
      check: (answer, db) => {
        created.tag = answer.id;
        expect(db.get("tag-types", answer.id)).toMatchObject({ name: "Financing approved", importance: "High" });
      },
    },
    {
      key: "updateTagType",
      params: () => ({ id: String(created.tag), color: "#1B5E20", isVisibleOnDispatchBoard: "true" }),
      method: "PATCH",
      path: () => `/tag-types/${created.tag}`,
      body: { color: "#1B5E20", isVisibleOnDispatchBoard: true },
      check: (_a, db) => expect(db.get("tag-types", created.tag)).toMatchObject({ color: "#1B5E20", isVisibleOnDispatchBoard: true }),
    },
    {
      key: "getBusinessUnit",
      params: { id: "102" },
      method: "GET",
      path: "/business-units/102",
      check: (unit) => expect(unit).toMatchObject({ id: 102, name: "HVAC Install" }),
    },
    {
      key: "updateBusinessUnit",
      params: {
        id: "102",
        externalData: `{ "applicationGuid": "${guid}", "patchMode": "Merge", "externalData": [{ "key": "glDept", "value": "200" }] }`,
      },
      method: "PATCH",
      path: "/business-units/102",
      body: { externalData: { applicationGuid: guid, patchMode: "Merge", externalData: [{ key: "glDept", value: "200" }] } },
      check: (_a, db) => expect(db.get("business-units", 102)?.externalData).toEqual([{ key: "glDept", value: "200" }]),
    },
  ];
  runCases(ctx, cases);

  it("reads an employee created through the API back, and feeds employees' changes to the export feed", async () => {
    const { run } = actionsOn(ctx);
    expect(await run("getEmployee", { id: String(created.employee) })).toMatchObject({ name: "Alex Kim", active: false });
    const tenant = ctx.sandbox.credentials.tenant;
    const feed = await run("rawRequest", { method: "GET", url: `/settings/v2/tenant/${tenant}/export/employees`, responseType: "json" });
    expect(feed.data.map((e: { id: number }) => e.id)).toContain(created.employee);
  });

  it("refuses bad input before any request, and ServiceTitan's conflicts after", async () => {
    const employee = { name: "X", email: "x@example.com", roleId: "402", positions: ["CSR"] };
    await expectRefused(
      "createEmployee",
      { ...employee, accountCreationMethod: "AssignLoginAndPassword", login: "x" },
      /Input "Password": is required with Account Creation Method AssignLoginAndPassword/,
    );
    await expectRefused(
      "createEmployee",
      { ...employee, accountCreationMethod: "CreateLater", positions: ["Plumber"] },
      /Input "Positions"/,
    );
    await expectRefused(
      "employeeAccountAction",
      { id: "440001", action: "Suspend" },
      /Input "Action": "Suspend" is not one of Activate, Deactivate, SendInvite, SendPasswordResetLink/,
    );
    await expectRefused(
      "technicianAccountAction",
      { id: "1001", action: "Activate", truckId: "Truck 12" },
      /Input "Truck ID": "Truck 12" is not a whole number/,
    );
    await expectRefused(
      "updateBusinessUnit",
      { id: "101", externalData: '{ "applicationGuid": "nope", "externalData": [] }' },
      /Input "External Data": needs applicationGuid/,
    );
    await expectRefused("createTagType", { name: "No color" }, /Input "Color": is required/);
    await expectRefused("getEmployee", { id: "Dana" }, /Input "Employee ID": "Dana" is not a whole number/);
    expect((await failure("employeeAccountAction", { id: "440005", action: "Deactivate" })).message).toMatch(/409.*already inactive/);
    expect((await failure("createEmployee", { ...employee, roleId: "499", accountCreationMethod: "CreateLater" })).message).toMatch(
      /400.*roleId: User role with id 499 not found/,
    );
  });

  describe("dropdowns", () => {
    checkDropdowns(ctx, [["selectEmployee", {}, /^Dana Whitfield \(ID: 440001\)$/]]);
  });
});
