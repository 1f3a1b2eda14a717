/** settings/v2: business units, user roles, tag types, technicians. */
import {
  customFields,
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  ok,
  pickDefined,
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
  Export_BusinessUnits: exportFeed("business-units"),
  Export_TagTypes: exportFeed("tag-types"),
};
