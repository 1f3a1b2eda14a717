import { runAction, useSandbox } from "../support";
import { actionsOn, debugContext } from "./helpers";

describe("technicians, business units and user roles", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  const newTechnician = {
    name: "Nora Quinn",
    roleId: "403",
    positions: ["Service", "Installer"],
    licenseType: "ManagedTech",
    accountCreationMethod: "CreateLater",
  };

  it("List Technicians returns active technicians, by name", async () => {
    const all = await run("listTechnicians", {});
    expect(all.data.map((t: { id: number }) => t.id)).toEqual(
      db()
        .all("technicians", { active: true })
        .map((t) => t.id),
    );
    ctx.sandbox.resetStats();
    const named = await run("listTechnicians", { name: "Chen" });
    expect(named.data.map((t: { name: string }) => t.name)).toEqual(["Megan Chen"]);
    expect(only("GET", "/technicians").query).toEqual({ name: "Chen", active: "True" }); // Active defaults to True, ServiceTitan's default
  });

  it("creates a technician (body per spec, password not echoed) that Get Technician returns, then updates it", async () => {
    const created = await run("createTechnician", {
      ...newTechnician,
      businessUnitId: "101",
      email: "nora@example.com",
      dailyGoal: "1200.50",
      homeStreet: "1 Palm Rd",
      homeCity: "Tempe",
      homeZip: "85281",
      customFields: '[{ "typeId": 4, "value": "Blue team" }]',
    });
    expect(created).toEqual({ id: expect.any(Number) });
    expect(only("POST", "/technicians").body).toEqual({
      name: "Nora Quinn",
      roleId: 403,
      positions: ["Service", "Installer"],
      licenseType: "ManagedTech",
      accountCreationMethod: "CreateLater",
      businessUnitId: 101,
      email: "nora@example.com",
      dailyGoal: 1200.5,
      home: { street: "1 Palm Rd", city: "Tempe", zip: "85281" },
      customFields: [{ typeId: 4, value: "Blue team" }],
    });
    expect(await run("getTechnician", { id: String(created.id) })).toMatchObject({
      id: created.id,
      name: "Nora Quinn",
      businessUnitId: 101,
      roleIds: [403],
    });

    await run("updateTechnician", { id: String(created.id), team: "Green", accountLocked: "true" });
    expect(only("PATCH", `/technicians/${created.id}`).body).toEqual({ team: "Green", accountLocked: true });
    expect(await run("getTechnician", { id: String(created.id) })).toMatchObject({
      team: "Green",
      accountLocked: true,
      name: "Nora Quinn",
    });
  });

  it("sends a password only in the body, never in a debug log line", async () => {
    const { lines, context } = debugContext();
    const params = { ...newTechnician, accountCreationMethod: "AssignLoginAndPassword", login: "nora.q", password: "Tr0ub4dor&3" };
    await runAction("createTechnician", { connection: ctx.connection, ...params }, context);
    expect(only("POST", "/technicians").body).toMatchObject({
      accountCreationMethod: "AssignLoginAndPassword",
      login: "nora.q",
      password: "Tr0ub4dor&3",
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("Tr0ub4dor&3");
  });

  it("names the technician in a 404 on get and update", async () => {
    expect((await failure("getTechnician", { id: "1999" })).message).toMatch(/Technician 1999 was not found/);
    expect((await failure("updateTechnician", { id: "1998", team: "x" })).message).toMatch(/Technician 1998 was not found/);
  });

  it.each([
    ["createTechnician", "a missing role", { ...newTechnician, roleId: "" }, /Input "Role ID": is required/],
    [
      "createTechnician",
      "a position ServiceTitan does not know",
      { ...newTechnician, positions: ["Service", "Wizard"] },
      /Input "Positions": "Wizard" is not one of Installer/,
    ],
    [
      "createTechnician",
      "a half-filled home address",
      { ...newTechnician, homeZip: "85281" },
      /Input "Home Street": is required when any home address field is set/,
    ],
    [
      "createTechnician",
      "login and password missing for AssignLoginAndPassword",
      { ...newTechnician, accountCreationMethod: "AssignLoginAndPassword" },
      /Input "Login": is required with Account Creation Method AssignLoginAndPassword/,
    ],
    ["createTechnician", "a non-numeric daily goal", { ...newTechnician, dailyGoal: "lots" }, /Input "Daily Goal": "lots" is not a number/],
    [
      "updateTechnician",
      "a license type ServiceTitan does not know",
      { id: "1001", licenseType: "Gold" },
      /Input "License Type": "Gold" is not one of/,
    ],
    ["getTechnician", "a name instead of an id", { id: "Megan Chen" }, /Input "Technician ID": "Megan Chen"/],
    ["listTechnicians", "more than 50 ids", { ids: Array.from({ length: 51 }, (_, i) => String(1001 + i)) }, /Input "IDs": has 51 ids/],
    [
      "listBusinessUnits",
      "an Active value outside True/Any/False",
      { active: "All" },
      /Input "Active": "All" is not one of True, Any, False/,
    ],
    [
      "listUserRoles",
      "an employee type ServiceTitan does not know",
      { employeeType: "Contractor" },
      /Input "Employee Type": "Contractor" is not one of None, Employee, Technician, All/,
    ],
  ])("%s refuses %s before any request", async (key, _case, params, message) => {
    await expectRefused(key, params, message);
  });

  it("List Business Units returns active units by default and every unit with Active = Any", async () => {
    const active = await run("listBusinessUnits", {});
    const any = await run("listBusinessUnits", { active: "Any" });
    expect(active.data.map((u: { id: number }) => u.id)).toEqual(
      db()
        .all("business-units", { active: true })
        .map((u) => u.id),
    );
    expect(any.data).toHaveLength(db().all("business-units").length);
  });

  it("List User Roles filters by employee type", async () => {
    const roles = await run("listUserRoles", { employeeType: "Technician" });
    expect(roles.data.map((r: { name: string }) => r.name).sort()).toEqual(
      db()
        .all("user-roles", { employeeType: "Technician", active: true })
        .map((r) => r.name)
        .sort(),
    );
    expect(only("GET", "/user-roles").query).toEqual({ employeeType: "Technician", active: "True" });
  });
});
