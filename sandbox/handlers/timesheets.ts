/**
 * /timesheets/v2: Timesheets. Stateful: activities (create, read, replace, delete), their types and categories, so
 * the export feeds page through the same records.
 *
 * Id ranges (back-finance): activities 350001, activity-categories 397001, activity-types 398001.
 */
import type { CollectionDef } from "../resources";
import { schemaCollection } from "../generic";
import { badRequest } from "../problem";
import type { Spec } from "../spec";
import type { Store } from "../store";
import { getOne, list, mustFind, mustRef, mustRefAll, ok, remove, type HandlerContext, type SandboxModule } from "./kit";

/** The fields an activity create/replace sets, with its references checked (400 naming the field otherwise). */
function activityFields(ctx: HandlerContext, employee?: { type: unknown; id: unknown }): Record<string, unknown> {
  const { body } = ctx;
  mustRef(ctx, "activity-types", body.activityTypeId, "activityTypeId");
  if (employee?.type === "Technician") mustRef(ctx, "technicians", employee.id, "employeeId");
  if (body.jobId != null) mustRef(ctx, "jobs", body.jobId, "jobId");
  if (body.appointmentId != null) mustRef(ctx, "appointments", body.appointmentId, "appointmentId");
  if (body.projectId != null) mustRef(ctx, "projects", body.projectId, "projectId");
  mustRefAll(ctx, "tag-types", body.tagTypes, "tagTypes");
  if (body.endTime && Date.parse(body.endTime) < Date.parse(body.startTime))
    throw badRequest({ endTime: ["The end time is before the start time"] });
  const { budgetCodeName: _name, milesDriven: _miles, nonJobEventAssignmentId: _event, ...fields } = body;
  return fields;
}

export const timesheets: SandboxModule = {
  handlers: {
    ActivitiesControllers_GetList: list("activities"),
    ActivitiesControllers_Get: getOne("activities"),
    ActivitiesControllers_Create: (ctx) => {
      const fields = activityFields(ctx, { type: ctx.body.employeeType, id: ctx.body.employeeId });
      return ok({ id: ctx.store.create("activities", { ...fields, modifiedById: null }).id });
    },
    ActivitiesControllers_Update: (ctx) => {
      const record = mustFind(ctx, "activities", ctx.params.id);
      ctx.store.collection("activities").update(record, activityFields(ctx));
      return ok({ id: record.id });
    },
    ActivitiesControllers_Delete: remove("activities"),
    ActivityCategories_GetList: list("activity-categories"),
    ActivityCategories_Get: getOne("activity-categories"),
    ActivityTypes_GetList: list("activity-types"),
    ActivityTypes_Get: getOne("activity-types"),
  },

  collections: (spec: Spec): CollectionDef[] => [
    schemaCollection(spec, {
      name: "activities",
      label: "Activity",
      firstId: 350001,
      softDelete: true,
      record: "timesheets/ActivitiesControllers_Get",
      defaults: () => ({
        endTime: null,
        jobId: null,
        appointmentId: null,
        projectId: null,
        projectLabel: null,
        laborTypeId: null,
        budgetCodeId: null,
        memo: null,
        tagTypes: [],
        startCoordinate: null,
        endCoordinate: null,
        modifiedById: null,
      }),
    }),
    schemaCollection(spec, {
      name: "activity-categories",
      label: "Activity category",
      firstId: 397001,
      record: "timesheets/ActivityCategories_Get",
    }),
    schemaCollection(spec, {
      name: "activity-types",
      label: "Activity type",
      firstId: 398001,
      record: "timesheets/ActivityTypes_Get",
      defaults: () => ({
        businessUnitId: null,
        laborTypeId: null,
        visibleToRoles: [],
        defaultTagTypeIds: [],
        isArchived: false,
        isDraft: false,
        isInUse: true,
        defaultMemo: null,
      }),
    }),
  ],

  seed: (store: Store) => {
    const categories = Object.fromEntries(
      [
        ["Travel", "Travel"],
        ["Meal", "Meal"],
        ["On job", "OnJobActivities"],
        ["Paid time off", "PaidTimeOff"],
        ["Shop", "Other"],
      ].map(([name, type]) => [type, store.create("activity-categories", { name, type, allowEdit: true, isDefault: type !== "Other" })]),
    );
    const allow = {
      tagAssociation: "Allow",
      jobAssociation: "DoNotAllow",
      projectAssociation: "DoNotAllow",
      projectLabelAssociation: "DoNotAllow",
      budgetCodeAssociation: "DoNotAllow",
      laborTypeAssociation: "DoNotAllow",
      memoAssociation: "Allow",
    };
    const types = [
      ["DRIVE", "Driving", "Travel", "car"],
      ["LUNCH", "Lunch break", "Meal", "utensils"],
      ["ONJOB", "Working on a job", "OnJobActivities", "wrench"],
      ["PTO", "Paid time off", "PaidTimeOff", "umbrella"],
      ["SHOP", "Shop time", "Other", "warehouse"],
    ].map(([code, description, category, icon]) =>
      store.create("activity-types", {
        code,
        description,
        icon,
        categoryId: categories[category].id,
        isUsersHomeBusinessUnit: true,
        isTechnicianProfileLaborType: true,
        dontAllowToChangeMemo: false,
        dontAllowToChangeTag: false,
        isDefault: true,
        ...allow,
        ...(code === "ONJOB" ? { jobAssociation: "Require" } : {}),
      }),
    );
    const technicians = store
      .collection("technicians")
      .sortedById()
      .filter((t) => t.active)
      .slice(0, 3);
    const completed = store
      .collection("jobs")
      .sortedById()
      .filter((j) => j.jobStatus === "Completed");
    technicians.forEach((technician, i) => {
      const date = `2025-03-1${i + 1}`;
      store.create("activities", {
        employeeId: technician.id,
        employeeType: "Technician",
        activityTypeId: types[0].id,
        startTime: `${date}T15:00:00Z`,
        endTime: `${date}T15:40:00Z`,
        memo: "Drive to first job",
        tagTypes: [],
      });
      store.create("activities", {
        employeeId: technician.id,
        employeeType: "Technician",
        activityTypeId: types[2].id,
        startTime: `${date}T15:40:00Z`,
        endTime: `${date}T17:30:00Z`,
        jobId: completed[i]?.id ?? null,
        memo: "AC tune-up",
        tagTypes: [],
      });
    });
  },
};
