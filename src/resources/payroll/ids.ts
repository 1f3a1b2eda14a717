import type { IdVocabulary } from "../../kit/ids";

/** Payroll ids (see kit/ids.ts): payroll periods, what is paid (gross pay items, adjustments) and the codes it is paid by. */
export const payrollIds: IdVocabulary = {
  payrollId: {
    label: "Payroll ID",
    dataSource: "selectPayroll",
    comments: "A payroll period of one technician or employee: pick one or map its id from List Payrolls.",
  },
  activityCodeId: {
    label: "Activity Code ID",
    dataSource: "selectActivityCode",
    comments: "A payroll activity (earnings) code (Settings → Payroll → Activity Codes).",
  },
  timesheetCodeId: {
    label: "Timesheet Code ID",
    dataSource: "selectTimesheetCode",
    comments: "A timesheet code for non-job time, e.g. Meeting or PTO (Settings → Payroll → Timesheet Codes).",
  },
  payrollAdjustmentId: {
    label: "Payroll Adjustment ID",
    dataSource: "selectPayrollAdjustment",
    comments: "A payroll adjustment: pick one or map its id from List Payroll Adjustments.",
  },
  grossPayItemId: {
    label: "Gross Pay Item ID",
    dataSource: "selectGrossPayItem",
    comments: "A gross pay item: pick one or map its id from List Gross Pay Items.",
  },
  timesheetId: {
    label: "Timesheet ID",
    dataSource: "selectJobTimesheet",
    comments: "A job timesheet (a technician's dispatch, arrival and done times on a job): pick one of the job's timesheets.",
  },
};
