/**
 * settings/v2: business units, user roles, tag types, technicians, and (stateful, ids from 440001) employees with
 * their account actions. Activate/Deactivate set a person's `active`; the invitation and password-reset actions
 * answer Success (they only send e-mails).
 */
import type { Spec } from "../spec";
import type { Store } from "../store";
import { schemaCollection } from "../generic";
import { conflict } from "../problem";
import {
  customAndExternalData,
  customFields,
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  ok,
  pickDefined,
  type Handler,
  type HandlerContext,
  type HandlerTable,
  type Json,
} from "./kit";

/** Body fields shared by technician create and update (the password is never stored). */
function technicianFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  if (body.businessUnitId != null) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  if (body.roleId !== undefined) mustRef(ctx, "user-roles", body.roleId, "roleId");
  return {
    ...pickDefined(body, [
      "name",
      "phoneNumber",
      "email",
      "businessUnitId",
      "aadUserId",
      "team",
      "dailyGoal",
      "burdenRate",
      "jobFilter",
      "positions",
      "bio",
      "memo",
      "accountLocked",
    ]),
    ...(body.login !== undefined ? { loginName: body.login } : {}),
    ...(body.roleId !== undefined ? { roleIds: [body.roleId] } : {}),
    ...(body.licenseType !== undefined ? { isManagedTech: body.licenseType !== "NonManagedTech" } : {}),
    ...(body.home !== undefined ? { home: body.home && { ...body.home, streetAddress: body.home.street } } : {}),
    ...(body.customFields !== undefined ? { customFields: customFields(body.customFields) } : {}),
  };
}

export const settings: HandlerTable = {
  BusinessUnits_GetList: list("business-units"),
  /** Every business unit with its Intacct location, department and class (only units with ids= when given). */
  IntacctBusinessUnitMappings_Get: (ctx) => {
    const ids = ctx.query.ids === undefined ? undefined : new Set([ctx.query.ids].flat().map(Number));
    const units = ctx.store
      .all("business-units")
      .filter((u) => !ids || ids.has(u.id))
      .sort((a, b) => a.id - b.id);
    const { page, pageSize } = ctx.query as { page: number; pageSize: number };
    const data = units.slice((page - 1) * pageSize, page * pageSize).map((u) => ({
      id: u.id,
      name: u.name,
      active: u.active,
      tradeName: u.officialName ?? u.name,
      intacctLocationName: `${u.name} Location`,
      intacctLocationId: `LOC-${u.id}`,
      intacctDepartment: u.name,
      intacctClass: "Residential",
    }));
    return ok({ page, pageSize, hasMore: page * pageSize < units.length, totalCount: ctx.query.includeTotal ? units.length : null, data });
  },
  UserRoles_GetList: list("user-roles"),
  TagTypes_GetList: list("tag-types"),
  Technicians_GetList: list("technicians"),
  Technicians_Get: getOne("technicians"),

  Technicians_Create: (ctx) => {
    const technician = ctx.store.create("technicians", technicianFields(ctx, ctx.body));
    return ok({ id: technician.id });
  },

  Technicians_Update: (ctx) => {
    const technician = mustFind(ctx, "technicians", ctx.params.id);
    ctx.store.collection("technicians").update(technician, technicianFields(ctx, ctx.body));
    return ok({ id: technician.id });
  },

  Export_Technicians: exportFeed("technicians"),

  Technicians_AccountActions: accountAction("technicians"),

  BusinessUnits_Get: getOne("business-units"),
  BusinessUnits_Update: (ctx) => {
    const unit = mustFind(ctx, "business-units", ctx.params.id);
    ctx.store.collection("business-units").update(unit, customAndExternalData(ctx.body, unit));
    return ok({ id: unit.id });
  },

  TagTypes_Create: (ctx) => ok({ id: ctx.store.create("tag-types", ctx.body).id }),
  TagTypes_Update: (ctx) => {
    const tag = mustFind(ctx, "tag-types", ctx.params.id);
    ctx.store.collection("tag-types").update(tag, ctx.body);
    return ok({ id: tag.id });
  },

  Employees_GetList: list("employees"),
  Employees_Get: getOne("employees"),
  Employees_Create: (ctx) => ok({ id: ctx.store.create("employees", employeeFields(ctx, ctx.body)).id }),
  Employees_Update: (ctx) => {
    const employee = mustFind(ctx, "employees", ctx.params.id);
    ctx.store.collection("employees").update(employee, employeeFields(ctx, ctx.body));
    return ok({ id: employee.id });
  },
  Employees_AccountActions: accountAction("employees"),
  Export_BusinessUnits: exportFeed("business-units"),
  Export_TagTypes: exportFeed("tag-types"),
};

/** Body fields of an employee create/update (the password is never stored). */
function employeeFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  if (body.businessUnitId != null) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  if (body.roleId !== undefined) mustRef(ctx, "user-roles", body.roleId, "roleId");
  return {
    ...pickDefined(body, [
      "name",
      "email",
      "phoneNumber",
      "mobilePhoneNumber",
      "businessUnitId",
      "aadUserId",
      "positions",
      "accountLocked",
    ]),
    ...(body.login !== undefined ? { loginName: body.login } : {}),
    ...(body.roleId !== undefined ? { roleIds: [body.roleId] } : {}),
    ...(body.accountCreationMethod !== undefined ? { accountCreationMethod: body.accountCreationMethod } : {}),
    ...(body.customFields !== undefined ? { customFields: customFields(body.customFields) } : {}),
  };
}

/** Activate / Deactivate a login (409 when it already is); SendInvite and SendPasswordResetLink only send e-mails. */
function accountAction(name: "employees" | "technicians"): Handler {
  return (ctx) => {
    const person = mustFind(ctx, name, ctx.params.id);
    const action = ctx.body.action;
    if (action === "Activate" || action === "Deactivate") {
      const active = action === "Activate";
      if (person.active === active) throw conflict(`The account of ${person.name} is already ${active ? "active" : "inactive"}`);
      if (ctx.body.truckId != null) mustRef(ctx, "trucks", ctx.body.truckId, "truckId");
      ctx.store.collection(name).update(person, { active, ...(ctx.body.truckId != null ? { truckId: ctx.body.truckId } : {}) });
    }
    return ok({ status: "Success" });
  };
}

/** Employees: a stateful collection built from the spec's employee schema. */
export const settingsCollections = (spec: Spec) => [
  schemaCollection(spec, {
    name: "employees",
    label: "Employee",
    firstId: 440_001,
    record: "settings/Employees_Get",
    filters: { name: { contains: "name" }, email: "email", userIds: { in: "userId" } },
    defaults: (_store, _fields, id) => ({ userId: id + 100_000, customFields: [], permissions: [], home: null, managerId: null }),
  }),
];

/** The office staff of the demo contractor. */
export const seedSettings = (store: Store) => {
  const employee = (name: string, role: string, roleId: number, positions: string[], active = true) =>
    store.create("employees", {
      name,
      firstName: name.split(" ")[0],
      lastName: name.split(" ").slice(1).join(" "),
      role,
      roleIds: [roleId],
      positions,
      businessUnitId: 101,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@sandbox-hvac.example`,
      phoneNumber: "4805550140",
      loginName: name.toLowerCase().replace(/[^a-z]+/g, ""),
      accountLocked: false,
      hourlyRate: 24.5,
      active,
    });
  employee("Dana Whitfield", "Dispatch", 402, ["Dispatcher"]);
  employee("Rosa Delgado", "CSR", 402, ["CSR"]);
  employee("Martin Osei", "Accounting", 401, ["Bookkeeper", "PayrollManager"]);
  employee("Priya Raman", "Admin", 401, ["GeneralManager"]);
  employee("Tom Becker", "CSR", 402, ["CSR"], false);
};
