import type { ResourceModule } from "../../kit";
import { exportActions } from "../../kit/exportFeed";
import { payroll } from "./payroll";

/** Payroll's export feeds (change data capture) as "Export …" actions. */
const payrollExports: ResourceModule = {
  actions: exportActions([
    { key: "payrollAdjustments", label: "Payroll Adjustments", operation: "GET /payroll/v2/tenant/{tenant}/export/payroll-adjustments" },
    { key: "grossPayItems", label: "Gross Pay Items", operation: "GET /payroll/v2/tenant/{tenant}/export/gross-pay-items" },
    { key: "jobSplits", label: "Job Splits", operation: "GET /payroll/v2/tenant/{tenant}/export/jobs/splits" },
    { key: "jobTimesheets", label: "Job Timesheets", operation: "GET /payroll/v2/tenant/{tenant}/export/jobs/timesheets" },
    { key: "activityCodes", label: "Activity Codes", operation: "GET /payroll/v2/tenant/{tenant}/export/activity-codes" },
    { key: "timesheetCodes", label: "Timesheet Codes", operation: "GET /payroll/v2/tenant/{tenant}/export/timesheet-codes" },
    { key: "payrollSettings", label: "Payroll Settings", operation: "GET /payroll/v2/tenant/{tenant}/export/payroll-settings" },
  ]),
};

/** Payroll (/payroll/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const payrollResources: ResourceModule[] = [payroll, payrollExports];
