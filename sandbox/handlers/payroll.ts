/**
 * /payroll/v2: Payroll. Stateful: payrolls, payroll adjustments, gross pay items, activity and timesheet codes, job
 * timesheets and payroll settings (so their export feeds page through the same records). Job splits, location
 * rates and non-job timesheets answer from their response schema (sandbox/generic.ts).
 *
 * Id ranges (back-finance): payroll-adjustments 330001, gross-pay-items 340001, jobs-timesheets 377501, payrolls
 * 394001, activity-codes 395001, timesheet-codes 396001, payroll-settings 399001 (internal: settings are keyed by
 * employee).
 */
import type { CollectionDef } from "../resources";
import { schemaCollection } from "../generic";
import { badRequest, notFound } from "../problem";
import type { Spec } from "../spec";
import type { SandboxRecord, Store } from "../store";
import { getOne, list, mustFind, mustRef, ok, remove, type Handler, type HandlerContext, type SandboxModule } from "./kit";

/** Gross pay item details the demo records leave empty (null, as ServiceTitan sends what does not apply). */
const GROSS_PAY_DETAILS = [
  "amountAdjustment",
  "startedOn",
  "endedOn",
  "paidDurationHours",
  "paidTimeType",
  "sourceEntityId",
  "payoutBusinessUnitName",
  "jobNumber",
  "jobTypeName",
  "projectNumber",
  "projectId",
  "invoiceNumber",
  "invoiceItemId",
  "customerId",
  "customerName",
  "locationId",
  "locationName",
  "locationAddress",
  "locationZip",
  "zoneName",
  "taxZoneName",
  "laborTypeId",
  "laborTypeCode",
  "budgetCodeId",
  "isPrevailingWageJob",
  "employeePayrollId",
  "memo",
];

const day = (date: string, hour = 8) => `${date}T${String(hour).padStart(2, "0")}:00:00Z`;

/** The person a payroll record is about: technicians are simulated, office employees are accepted as given. */
function checkEmployee(ctx: HandlerContext, type: unknown, id: unknown, field: string): void {
  if (type === "Technician") mustRef(ctx, "technicians", id, field);
}

const upTo = (field: string) => (r: SandboxRecord, value: unknown) =>
  !!r[field] && String(r[field]) <= new Date(String(value)).toISOString();

/** Gross pay items carry what their payroll and activity code say (whose, which code). */
function grossPayFields(ctx: HandlerContext): Record<string, unknown> {
  const { body } = ctx;
  const payroll = mustRef(ctx, "payrolls", body.payrollId, "payrollId");
  const code = mustRef(ctx, "activity-codes", body.activityCodeId, "activityCodeId");
  const invoice = body.invoiceId != null ? mustRef(ctx, "invoices", body.invoiceId, "invoiceId") : undefined;
  return {
    payrollId: payroll.id,
    employeeId: payroll.employeeId,
    employeeType: payroll.employeeType,
    amount: body.amount,
    activityCodeId: code.id,
    activityCode: code.code,
    activity: code.name,
    date: body.date,
    memo: body.memo ?? null,
    budgetCodeId: body.budgetCodeId ?? null,
    invoiceId: invoice?.id ?? null,
    invoiceNumber: invoice?.referenceNumber ?? null,
    grossPayItemType: "CustomBonus",
  };
}

/** Job timesheet create/update: the appointment must be one of the job's. */
function timesheetFields(ctx: HandlerContext, job: SandboxRecord): Record<string, unknown> {
  const { body } = ctx;
  const appointment = mustRef(ctx, "appointments", body.appointmentId, "appointmentId");
  if (appointment.jobId !== job.id)
    throw badRequest({ appointmentId: [`Appointment ${appointment.id} is not an appointment of job ${job.id}`] });
  mustRef(ctx, "technicians", body.technicianId, "technicianId");
  return {
    jobId: job.id,
    appointmentId: appointment.id,
    technicianId: body.technicianId,
    dispatchedOn: body.dispatchedOn,
    arrivedOn: body.arrivedOn,
    canceledOn: body.canceledOn ?? null,
    doneOn: body.doneOn ?? null,
  };
}

/** Payroll settings are keyed by person: found, or (for a technician) created with defaults on first use. */
function settingsOf(ctx: HandlerContext, type: "Technician" | "Employee", id: number, create: boolean): SandboxRecord {
  const collection = ctx.store.collection("payroll-settings");
  const found = collection.sortedById().find((r) => r.employeeType === type && r.employeeId === id);
  if (found) return found;
  if (type === "Technician") mustFind(ctx, "technicians", id);
  else if (!create) throw notFound("Employee", id);
  return ctx.store.create("payroll-settings", { employeeType: type, employeeId: id });
}

const getSettings =
  (type: "Technician" | "Employee", param: string): Handler =>
  (ctx) =>
    ok(settingsOf(ctx, type, ctx.params[param], false));

const putSettings =
  (type: "Technician" | "Employee", param: string): Handler =>
  (ctx) => {
    const record = settingsOf(ctx, type, ctx.params[param], true);
    const { body } = ctx;
    // Managers are office employees (not simulated here): accepted as given.
    if (body.payrollBusinessUnitId != null) mustRef(ctx, "business-units", body.payrollBusinessUnitId, "payrollBusinessUnitId");
    ctx.store.collection("payroll-settings").update(record, {
      externalPayrollId: body.externalPayrollId ?? null,
      hourlyRate: body.hourlyRate,
      managerId: body.managerId ?? null,
      payrollBusinessUnitId: body.payrollBusinessUnitId ?? null,
      hireDate: body.hireDate ?? null,
      ...(body.isIncludedInPayroll != null ? { isIncludedInPayroll: body.isIncludedInPayroll } : {}),
      ...(body.customFields
        ? {
            customFields: body.customFields.map((f: { typeId: number; value?: string }) => ({
              typeId: f.typeId,
              name: `Custom field ${f.typeId}`,
              value: f.value ?? null,
            })),
          }
        : {}),
    });
    return ok({ employeeId: record.employeeId });
  };

const payrollsOf =
  (type: "Technician" | "Employee", param: string): Handler =>
  (ctx) => {
    const id = ctx.params[param];
    if (type === "Technician") mustFind(ctx, "technicians", id);
    return list("payrolls", { scope: () => (r) => r.employeeType === type && r.employeeId === id })(ctx);
  };

export const payroll: SandboxModule = {
  handlers: {
    Payrolls_GetList: list("payrolls"),
    Payrolls_GetTechnicianPayrolls: payrollsOf("Technician", "technician"),
    Payrolls_GetEmployeePayrolls: payrollsOf("Employee", "employee"),

    PayrollAdjustments_GetList: list("payroll-adjustments"),
    PayrollAdjustments_Get: getOne("payroll-adjustments"),
    PayrollAdjustments_Create: (ctx) => {
      const { body } = ctx;
      checkEmployee(ctx, body.employeeType, body.employeeId, "employeeId");
      if (body.activityCodeId != null) mustRef(ctx, "activity-codes", body.activityCodeId, "activityCodeId");
      if (body.invoiceId != null) mustRef(ctx, "invoices", body.invoiceId, "invoiceId");
      if (body.amount == null && (body.hours == null || body.rate == null)) {
        throw badRequest({ amount: ["An adjustment needs an amount, or hours and a rate"] });
      }
      const record = ctx.store.create("payroll-adjustments", { ...body, amount: body.amount ?? null });
      return ok({ id: record.id });
    },

    GrossPayItems_GetList: list("gross-pay-items"),
    GrossPayItems_Create: (ctx) => ok({ id: ctx.store.create("gross-pay-items", grossPayFields(ctx)).id }),
    GrossPayItems_Update: (ctx) => {
      const record = mustFind(ctx, "gross-pay-items", ctx.params.id);
      ctx.store.collection("gross-pay-items").update(record, grossPayFields(ctx));
      return ok({ id: record.id });
    },
    GrossPayItems_Delete: remove("gross-pay-items"),

    ActivityCodes_GetList: list("activity-codes"),
    ActivityCodes_Get: getOne("activity-codes"),
    TimesheetCodes_GetList: list("timesheet-codes"),
    TimesheetCodes_Get: getOne("timesheet-codes"),

    Timesheets_GetJobTimesheets: (ctx) => {
      const job = mustFind(ctx, "jobs", ctx.params.job);
      return list("jobs-timesheets", { scope: () => (r) => r.jobId === job.id })(ctx);
    },
    Timesheets_GetJobTimesheetsByJobs: list("jobs-timesheets"),
    Timesheets_CreateJobTimesheet: (ctx) => {
      const job = mustFind(ctx, "jobs", ctx.params.job);
      return ok({ id: ctx.store.create("jobs-timesheets", timesheetFields(ctx, job)).id });
    },
    Timesheets_UpdateJobTimesheet: (ctx) => {
      const job = mustFind(ctx, "jobs", ctx.params.job);
      const timesheet = mustFind(ctx, "jobs-timesheets", ctx.params.id);
      if (timesheet.jobId !== job.id) throw notFound("Timesheet", ctx.params.id);
      ctx.store.collection("jobs-timesheets").update(timesheet, timesheetFields(ctx, job));
      return ok({ id: timesheet.id });
    },

    PayrollSettings_GetPayrollSettingsList: list("payroll-settings"),
    PayrollSettings_GetEmployeePayrollSettings: getSettings("Employee", "employee"),
    PayrollSettings_UpdateEmployeePayrollSettings: putSettings("Employee", "employee"),
    PayrollSettings_GetTechnicianPayrollSettings: getSettings("Technician", "technician"),
    PayrollSettings_UpdateTechnicianPayrollSettings: putSettings("Technician", "technician"),
  },

  collections: (spec: Spec): CollectionDef[] => [
    schemaCollection(spec, {
      name: "payrolls",
      label: "Payroll",
      firstId: 394001,
      record: "payroll/Payrolls_GetList",
      defaults: () => ({ burdenRate: null, managerApprovedOn: null }),
      filters: {
        status: "status",
        employeeType: "employeeType",
        startedOnOrAfter: { from: "startedOn" },
        endedOnOrBefore: upTo("endedOn"),
        approvedOnOrAfter: { from: "managerApprovedOn" },
      },
    }),
    schemaCollection(spec, {
      name: "payroll-adjustments",
      label: "Payroll adjustment",
      firstId: 330001,
      record: "payroll/PayrollAdjustments_Get",
      defaults: () => ({ type: "Direct", memo: null, activityCodeId: null, invoiceId: null, hours: null, rate: null, quantity: null }),
      filters: { employeeIds: { in: "employeeId" }, postedOnOrAfter: { from: "postedOn" }, postedOnOrBefore: upTo("postedOn") },
    }),
    schemaCollection(spec, {
      name: "gross-pay-items",
      label: "Gross pay item",
      firstId: 340001,
      softDelete: true,
      record: "payroll/GrossPayItems_GetList",
      defaults: () => ({
        ...Object.fromEntries(GROSS_PAY_DETAILS.map((field) => [field, null])),
        jobId: 0,
      }),
      filters: {
        employeeId: "employeeId",
        employeeType: "employeeType",
        payrollIds: { in: "payrollId" },
        dateOnOrAfter: { from: "date" },
        dateOnOrBefore: upTo("date"),
      },
    }),
    schemaCollection(spec, { name: "activity-codes", label: "Activity code", firstId: 395001, record: "payroll/ActivityCodes_Get" }),
    schemaCollection(spec, { name: "timesheet-codes", label: "Timesheet code", firstId: 396001, record: "payroll/TimesheetCodes_Get" }),
    schemaCollection(spec, {
      name: "jobs-timesheets",
      label: "Timesheet",
      firstId: 377501,
      record: "payroll/Timesheets_GetJobTimesheetsByJobs",
      filters: { jobIds: { in: "jobId" }, technicianId: "technicianId" },
    }),
    schemaCollection(spec, {
      name: "payroll-settings",
      label: "Payroll settings",
      firstId: 399001,
      record: "payroll/PayrollSettings_GetEmployeePayrollSettings",
      defaults: () => ({
        externalPayrollId: null,
        hourlyRate: 0,
        managerId: null,
        payrollBusinessUnitId: null,
        isIncludedInPayroll: true,
        hireDate: null,
        customFields: [],
      }),
      filters: { employeeType: "employeeType" },
    }),
  ],

  seed: (store: Store) => {
    const codes = [
      ["REG", "Regular time", "Timesheet"],
      ["OT", "Overtime", "Timesheet"],
      ["SPIFF", "Sales spiff", "Commission"],
      ["REIMB", "Mileage reimbursement", "Reimbursement"],
    ].map(([code, name, earningCategory]) =>
      store.create("activity-codes", { code, name, earningCategory, isDiscretionary: code === "SPIFF" }),
    );
    [
      ["MTG", "Shop meeting", "Paid"],
      ["TRN", "Training", "Paid"],
      ["PTO", "Paid time off", "PaidTimeOff"],
    ].forEach(([code, description, type]) =>
      store.create("timesheet-codes", {
        code,
        description,
        type,
        applicableEmployeeType: "All",
        rateInfo: { hourlyRate: "EmployeeHourlyRate", customHourlyRate: null, rateMultiplier: 1 },
      }),
    );
    const technicians = store
      .collection("technicians")
      .sortedById()
      .filter((t) => t.active)
      .slice(0, 4);
    const payrolls: SandboxRecord[] = [];
    for (const technician of technicians) {
      for (const [start, end, status] of [
        ["2025-03-03", "2025-03-09", "Approved"],
        ["2025-03-10", "2025-03-16", "Pending"],
      ]) {
        payrolls.push(
          store.create("payrolls", {
            employeeId: technician.id,
            employeeType: "Technician",
            startedOn: day(start, 0),
            endedOn: day(end, 23),
            status,
            burdenRate: 0.18,
            managerApprovedOn: status === "Approved" ? day("2025-03-10", 17) : null,
          }),
        );
      }
    }
    const invoices = store.collection("invoices").sortedById();
    payrolls.slice(0, 6).forEach((p, i) => {
      const code = codes[i % 2 ? 2 : 0];
      store.create("gross-pay-items", {
        payrollId: p.id,
        employeeId: p.employeeId,
        employeeType: p.employeeType,
        employeePayrollId: `ADP-${p.employeeId}`,
        date: p.startedOn,
        activityCodeId: code.id,
        activityCode: code.code,
        activity: code.name,
        amount: i % 2 ? 75 : 1234.56,
        grossPayItemType: i % 2 ? "InvoiceRelatedBonus" : "TimesheetTime",
        paidDurationHours: i % 2 ? null : 38.5,
        paidTimeType: i % 2 ? null : "Regular",
        jobId: i % 2 ? (invoices[i].job?.id ?? 0) : 0,
        invoiceId: i % 2 ? invoices[i].id : null,
        businessUnitName: "HVAC Service",
        memo: i % 2 ? "Spiff on a maintenance agreement" : null,
      });
    });
    [
      [technicians[0], "2025-03-07", 150, "Spiff: agreement sold", codes[2]],
      [technicians[1], "2025-03-07", -50, "Uniform deduction", null],
      [technicians[2], "2025-03-14", 42.35, "Mileage", codes[3]],
    ].forEach(([technician, date, amount, memo, code]) =>
      store.create("payroll-adjustments", {
        employeeType: "Technician",
        employeeId: (technician as SandboxRecord).id,
        postedOn: day(date as string, 12),
        amount,
        memo,
        activityCodeId: (code as SandboxRecord | null)?.id ?? null,
        type: "Direct",
      }),
    );
    // Timesheets of the first completed jobs: the first appointment's assigned technician.
    const assignments = store.collection("appointment-assignments").sortedById();
    for (const job of store
      .collection("jobs")
      .sortedById()
      .filter((j) => j.jobStatus === "Completed")
      .slice(0, 5)) {
      const assignment = assignments.find((a) => a.jobId === job.id);
      const appointment = assignment && store.collection("appointments").get(assignment.appointmentId);
      if (!assignment || !appointment) continue;
      const start = Date.parse(String(appointment.start));
      store.create("jobs-timesheets", {
        jobId: job.id,
        appointmentId: appointment.id,
        technicianId: assignment.technicianId,
        dispatchedOn: new Date(start - 30 * 60_000).toISOString(),
        arrivedOn: new Date(start).toISOString(),
        doneOn: new Date(start + 90 * 60_000).toISOString(),
        canceledOn: null,
      });
    }
    store
      .collection("technicians")
      .sortedById()
      .filter((t) => t.active)
      .forEach((technician, i) =>
        store.create("payroll-settings", {
          employeeType: "Technician",
          employeeId: technician.id,
          externalPayrollId: `ADP-${technician.id}`,
          hourlyRate: 28 + i,
          hireDate: day(`20${18 + (i % 6)}-0${1 + (i % 9)}-15`, 0),
          isIncludedInPayroll: true,
          customFields: [],
        }),
      );
  },
};
