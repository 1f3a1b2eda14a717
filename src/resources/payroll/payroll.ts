/**
 * Payroll: pay periods, what is paid in them (gross pay items, payroll adjustments), the codes pay is booked under,
 * job splits and location rates, timesheets, and each person's payroll settings: what a payroll provider sync reads
 * and writes back.
 */
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/payroll";
import { checkTimeOrder, customFieldsInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import {
  bodyParams,
  derivedAction,
  inBody,
  listAction,
  operationAction,
  pathParams,
  picklist,
  placeParams,
  type Params,
  type Values,
} from "../../kit";
import { employeeIdInput, employeeIdsInput, employeePath, employeeTweak, jobPath, technicianPath } from "./common";

type Schemas = components["schemas"];
type Payroll = Schemas["Payroll.V2.Payrolls.PayrollResponse"];

const day = (value: unknown) => String(value ?? "").slice(0, 10);

/** Payroll settings updates: PUT replaces the settings, so the body is what the builder gives. */
const settingsInputs = {
  managerId: employeeTweak("The employee who manages this person (Settings → Employees).", "Manager ID"),
  payrollBusinessUnitId: {
    label: "Payroll Business Unit ID",
    dataSource: "selectBusinessUnit",
    comments: "The business unit payroll books this employee under (employees only).",
  },
  hourlyRate: { comments: "The hourly rate, e.g. 32.50 (given exactly; never rounded)." },
  externalPayrollId: {
    label: "ID in Payroll System",
    comments: "This person’s id in your payroll system (ServiceTitan calls it externalPayrollId).",
  },
  customFields: inBody(
    customFieldsInput({
      comments:
        "Custom payroll fields (technicians only) as a JSON array of { typeId, value }; typeId is the custom field's id (the customFields of Get … Payroll Settings).",
    }),
  ),
};
const SETTINGS_NOTE =
  "ServiceTitan replaces the settings with what is sent: read them first (Get … Payroll Settings) and give every value you want to keep.";

/** Job timesheet create/update (ServiceTitan's March 2026 documents): dispatch ≤ arrival ≤ done. */
const timesheetOrder = (v: Values) => {
  checkTimeOrder(v, { start: "dispatchedOn", end: "arrivedOn" }, { label: "Arrived On", message: "must not be before Dispatched On." });
  checkTimeOrder(v, { start: "arrivedOn", end: "doneOn" }, { label: "Done On", message: "must not be before Arrived On." });
};
const jobTimesheetWrite = (
  operation: "POST /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets" | "PUT /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets/{id}",
) => {
  const params: Params = {
    ...pathParams(operation),
    // {job} has no "Id" the vocabulary could key on.
    job: jobPath(),
    ...bodyParams(operation, {
      appointmentId: { comments: "The appointment of the job the technician worked." },
      technicianId: { comments: "The technician whose time this is." },
    }),
  };
  return { params, body: (v: Values) => (timesheetOrder(v), placeParams(params, v).body) };
};

const createTimesheet = jobTimesheetWrite("POST /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets");
const updateTimesheet = jobTimesheetWrite("PUT /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets/{id}");

const payrollLabel = (payroll: Payroll) =>
  `${payroll.employeeType ?? "Employee"} ${payroll.employeeId}: ${day(payroll.startedOn)} – ${day(payroll.endedOn)}${payroll.status ? ` (${payroll.status})` : ""} (ID: ${payroll.id})`;

export const payroll: ResourceModule = {
  actions: {
    // ---- Payrolls ------------------------------------------------------------------------------------------------
    listPayrolls: listAction({
      label: "List Payrolls",
      description: "Pay periods of technicians and employees (start, end, status, approval), filtered by dates, status and employee type.",
      operation: "GET /payroll/v2/tenant/{tenant}/payrolls",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/payrolls"),
    }),
    listTechnicianPayrolls: listAction({
      label: "List Technician Payrolls",
      description: "One technician's pay periods.",
      operation: "GET /payroll/v2/tenant/{tenant}/technicians/{technician}/payrolls",
      path: { technician: technicianPath() },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/technicians/{technician}/payrolls"),
    }),
    listEmployeePayrolls: listAction({
      label: "List Employee Payrolls",
      description: "One office employee's pay periods.",
      operation: "GET /payroll/v2/tenant/{tenant}/employees/{employee}/payrolls",
      path: { employee: employeePath() },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/employees/{employee}/payrolls"),
    }),

    // ---- Payroll adjustments -------------------------------------------------------------------------------------
    listPayrollAdjustments: listAction({
      label: "List Payroll Adjustments",
      description: "One-off additions to or deductions from pay (bonuses, advances …), filtered by employee and posting date.",
      operation: "GET /payroll/v2/tenant/{tenant}/payroll-adjustments",
      filters: { employeeIds: employeeIdsInput("Only adjustments of these technicians or employees.") },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/payroll-adjustments"),
    }),
    getPayrollAdjustment: derivedAction({
      label: "Get Payroll Adjustment",
      description: "One payroll adjustment.",
      operation: "GET /payroll/v2/tenant/{tenant}/payroll-adjustments/{id}",
    }),
    createPayrollAdjustment: derivedAction({
      label: "Create Payroll Adjustment",
      description:
        "Add a one-off amount to a technician's or employee's pay (a bonus, an advance, a correction), or hours at a rate. Amounts are sent exactly as given. Answers the new adjustment's id.",
      operation: "POST /payroll/v2/tenant/{tenant}/payroll-adjustments",
      inputs: {
        employeeId: employeeTweak(),
        postedOn: { comments: "When the adjustment posts to payroll (ISO 8601, e.g. 2025-03-14); sent as UTC." },
        amount: { comments: "The amount, e.g. 150.00 (negative to deduct)." },
        hours: { comments: "Hours, for an adjustment paid by the hour (with Rate)." },
        rate: { comments: "Hourly rate, with Hours." },
      },
    }),

    // ---- Gross pay items -----------------------------------------------------------------------------------------
    listGrossPayItems: listAction({
      label: "List Gross Pay Items",
      description:
        "Everything that makes up gross pay (timesheet time, invoice-related bonuses, custom bonuses, salary, reimbursements) with job, customer and amounts: the main feed of a payroll sync.",
      operation: "GET /payroll/v2/tenant/{tenant}/gross-pay-items",
      filters: { employeeId: employeeIdInput(false) },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/gross-pay-items"),
    }),
    createGrossPayItem: derivedAction({
      label: "Create Gross Pay Item",
      description: "Add an amount to a payroll period under an activity code (e.g. a custom bonus). Answers the new item's id.",
      operation: "POST /payroll/v2/tenant/{tenant}/gross-pay-items",
      inputs: {
        amount: { comments: "The amount, e.g. 75.00 (given exactly; never rounded)." },
        date: { comments: "The date of the item (ISO 8601, e.g. 2025-03-14); sent as UTC." },
        budgetCodeId: { comments: "A project budget code's id (Job Planning → Budget Codes), if you track them." },
      },
    }),
    updateGrossPayItem: derivedAction({
      label: "Update Gross Pay Item",
      description:
        "Rewrite a gross pay item: ServiceTitan replaces it with what is sent (payroll, amount, activity code and date are required).",
      operation: "PUT /payroll/v2/tenant/{tenant}/gross-pay-items/{id}",
      inputs: {
        amount: { comments: "The amount, e.g. 75.00 (given exactly; never rounded)." },
        budgetCodeId: { comments: "A project budget code's id (Job Planning → Budget Codes), if you track them." },
      },
    }),
    deleteGrossPayItem: derivedAction({
      label: "Delete Gross Pay Item",
      description: "Delete a gross pay item.",
      operation: "DELETE /payroll/v2/tenant/{tenant}/gross-pay-items/{id}",
    }),

    // ---- Job splits and location rates ---------------------------------------------------------------------------
    listJobSplits: listAction({
      label: "List Job Splits",
      description: "How a job's revenue is split between technicians (for commissions): one record per technician and share.",
      operation: "GET /payroll/v2/tenant/{tenant}/jobs/{job}/splits",
      path: { job: jobPath() },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/jobs/{job}/splits"),
    }),
    listJobSplitsOfJobs: listAction({
      label: "List Job Splits of Several Jobs",
      description: "The technician splits of several jobs at once (or of all jobs, by date).",
      operation: "GET /payroll/v2/tenant/{tenant}/jobs/splits",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/jobs/splits"),
    }),
    listLocationRates: listAction({
      label: "List Location Rates",
      description: "Hourly labor rates that apply at specific locations (e.g. prevailing wage sites), by labor type.",
      operation: "GET /payroll/v2/tenant/{tenant}/locations/rates",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/locations/rates"),
    }),

    // ---- Activity codes and timesheet codes ----------------------------------------------------------------------
    listActivityCodes: listAction({
      label: "List Activity Codes",
      description: "Payroll activity (earnings) codes: what pay is booked under (timesheet, commission, reimbursement).",
      operation: "GET /payroll/v2/tenant/{tenant}/activity-codes",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/activity-codes"),
    }),
    getActivityCode: derivedAction({
      label: "Get Activity Code",
      description: "One payroll activity code.",
      operation: "GET /payroll/v2/tenant/{tenant}/activity-codes/{id}",
    }),
    listTimesheetCodes: listAction({
      label: "List Timesheet Codes",
      description: "Codes for non-job time (meetings, training, PTO …) with whether and how they are paid.",
      operation: "GET /payroll/v2/tenant/{tenant}/timesheet-codes",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/timesheet-codes"),
    }),
    getTimesheetCode: derivedAction({
      label: "Get Timesheet Code",
      description: "One timesheet code with its rate.",
      operation: "GET /payroll/v2/tenant/{tenant}/timesheet-codes/{id}",
    }),

    // ---- Timesheets ----------------------------------------------------------------------------------------------
    listJobTimesheets: listAction({
      label: "List Job Timesheets",
      description: "A job's timesheets: when each technician was dispatched, arrived, and was done (or canceled).",
      operation: "GET /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets",
      path: { job: jobPath() },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets"),
    }),
    listJobTimesheetsOfJobs: listAction({
      label: "List Job Timesheets of Several Jobs",
      description: "The timesheets of several jobs at once (or of all jobs, by date or technician).",
      operation: "GET /payroll/v2/tenant/{tenant}/jobs/timesheets",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/jobs/timesheets"),
    }),
    createJobTimesheet: operationAction({
      label: "Create Job Timesheet",
      description: "Record a technician's time on a job: dispatched, arrived, done (or canceled). Answers the new timesheet's id.",
      operation: "POST /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets",
      params: createTimesheet.params,
      body: createTimesheet.body,
      examplePayload: exampleOf("POST /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets"),
    }),
    updateJobTimesheet: operationAction({
      label: "Update Job Timesheet",
      description: "Rewrite a job timesheet's times (ServiceTitan replaces them with what is sent).",
      operation: "PUT /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets/{id}",
      params: updateTimesheet.params,
      body: updateTimesheet.body,
      examplePayload: exampleOf("PUT /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets/{id}"),
    }),
    listNonJobTimesheets: listAction({
      label: "List Non-Job Timesheets",
      description: "Time not spent on jobs (meetings, training, PTO …) under a timesheet code, per technician or employee.",
      operation: "GET /payroll/v2/tenant/{tenant}/non-job-timesheets",
      filters: { employeeId: employeeIdInput(false) },
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/non-job-timesheets"),
    }),

    // ---- Payroll settings ----------------------------------------------------------------------------------------
    listPayrollSettings: listAction({
      label: "List Payroll Settings",
      description: "Everyone's payroll settings: hourly rate, payroll id in your payroll system, manager, hire date, included in payroll.",
      operation: "GET /payroll/v2/tenant/{tenant}/payroll-settings",
      examplePayload: exampleOf("GET /payroll/v2/tenant/{tenant}/payroll-settings"),
    }),
    getEmployeePayrollSettings: derivedAction({
      label: "Get Employee Payroll Settings",
      description: "An office employee's payroll settings.",
      operation: "GET /payroll/v2/tenant/{tenant}/employees/{employee}/payroll-settings",
      inputs: { employee: employeePath() },
    }),
    updateEmployeePayrollSettings: derivedAction({
      label: "Update Employee Payroll Settings",
      description: `Set an office employee's payroll settings. ${SETTINGS_NOTE}`,
      operation: "PUT /payroll/v2/tenant/{tenant}/employees/{employee}/payroll-settings",
      inputs: { employee: employeePath(), ...settingsInputs },
    }),
    getTechnicianPayrollSettings: derivedAction({
      label: "Get Technician Payroll Settings",
      description: "A technician's payroll settings, with their custom payroll fields.",
      operation: "GET /payroll/v2/tenant/{tenant}/technicians/{technician}/payroll-settings",
      inputs: { technician: technicianPath() },
    }),
    updateTechnicianPayrollSettings: derivedAction({
      label: "Update Technician Payroll Settings",
      description: `Set a technician's payroll settings and custom payroll fields. ${SETTINGS_NOTE}`,
      operation: "PUT /payroll/v2/tenant/{tenant}/technicians/{technician}/payroll-settings",
      inputs: { technician: technicianPath(), ...settingsInputs },
    }),
  },
  dataSources: {
    selectPayroll: picklist<Payroll>({
      label: "Select Payroll",
      description: "Select a payroll period (whose, from – to, status) from a dropdown menu, newest first",
      operation: "GET /payroll/v2/tenant/{tenant}/payrolls",
      query: { sort: "-Id" },
      option: (p) => ({ key: String(p.id), label: payrollLabel(p) }),
      order: "api",
      example: [{ key: "394001", label: "Technician 1001: 2025-03-03 – 2025-03-09 (Approved) (ID: 394001)" }],
    }),
    selectPayrollAdjustment: picklist<Schemas["Payroll.V2.PayrollAdjustments.PayrollAdjustmentResponse"]>({
      label: "Select Payroll Adjustment",
      description: "Select a payroll adjustment from a dropdown menu, newest first",
      operation: "GET /payroll/v2/tenant/{tenant}/payroll-adjustments",
      query: { sort: "-Id" },
      option: (a) => ({
        key: String(a.id),
        label: `${a.memo?.trim() || a.type || "Adjustment"} ${a.amount} — ${a.employeeType ?? "Employee"} ${a.employeeId}, ${day(a.postedOn)} (ID: ${a.id})`,
      }),
      order: "api",
      example: [{ key: "330001", label: "Spiff 150 — Technician 1001, 2025-03-14 (ID: 330001)" }],
    }),
    selectGrossPayItem: picklist<Schemas["Payroll.V2.GrossPayItems.GrossPayItemResponse"]>({
      label: "Select Gross Pay Item",
      description: "Select a gross pay item from a dropdown menu, newest first",
      operation: "GET /payroll/v2/tenant/{tenant}/gross-pay-items",
      query: { sort: "-Id" },
      option: (item) => ({
        key: String(item.id),
        label: `${item.activityCode?.trim() || item.activity?.trim() || item.grossPayItemType || "Item"} ${item.amount} — ${item.employeeType ?? "Employee"} ${item.employeeId ?? "?"}, ${day(item.date)} (ID: ${item.id})`,
      }),
      order: "api",
      example: [{ key: "340001", label: "BONUS 75 — Technician 1001, 2025-03-14 (ID: 340001)" }],
    }),
    selectActivityCode: picklist<Schemas["Payroll.V2.PayrollActivityCodes.PayrollActivityCodeResponse"]>({
      label: "Select Activity Code",
      description: "Select a payroll activity (earnings) code from a dropdown menu",
      operation: "GET /payroll/v2/tenant/{tenant}/activity-codes",
      query: { active: "True" },
      option: (code) => ({
        key: String(code.id),
        label: `${[code.code, code.name].filter((p) => String(p ?? "").trim()).join(" — ") || "Unnamed"} (ID: ${code.id})`,
      }),
      order: "label",
      example: [{ key: "395001", label: "REG — Regular time (ID: 395001)" }],
    }),
    selectTimesheetCode: picklist<Schemas["Payroll.V2.TimesheetCodes.TimesheetCodeResponse"]>({
      label: "Select Timesheet Code",
      description: "Select a timesheet code (meeting, training, PTO …) from a dropdown menu",
      operation: "GET /payroll/v2/tenant/{tenant}/timesheet-codes",
      query: { active: "True" },
      option: (code) => ({
        key: String(code.id),
        label: `${[code.code, code.description].filter((p) => String(p ?? "").trim()).join(" — ") || "Unnamed"} (ID: ${code.id})`,
      }),
      order: "label",
      example: [{ key: "396001", label: "MTG — Shop meeting (ID: 396001)" }],
    }),
    selectJobTimesheet: picklist<Schemas["Payroll.V2.Timesheets.JobTimesheetResponse"]>({
      label: "Select Job Timesheet",
      description: "Select one of a job's timesheets from a dropdown menu",
      operation: "GET /payroll/v2/tenant/{tenant}/jobs/{job}/timesheets",
      params: { job: jobPath() },
      option: (t) => ({
        key: String(t.id),
        label: `Technician ${t.technicianId}${t.dispatchedOn ? `, dispatched ${t.dispatchedOn.slice(0, 16).replace("T", " ")}` : ""} (ID: ${t.id})`,
      }),
      order: "api",
      example: [{ key: "377501", label: "Technician 1001, dispatched 2025-03-14 08:05 (ID: 377501)" }],
    }),
  },
};
