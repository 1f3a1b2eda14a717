/**
 * /reporting/v2: report categories, reports with their parameters and fields, report data and dynamic value sets,
 * simulated the way ServiceTitan behaves where it matters to a client:
 *  - data comes as positional rows with the field names alongside, paged by the QUERY's page/pageSize (default 1,000,
 *    at most 25,000; the spec's schema refuses a page in the body, which ServiceTitan would silently ignore);
 *  - a parameter the report does not have answers 400 "parameter not found"; a missing required one or a value of
 *    the wrong type answers 400 too;
 *  - the same report runs at most once per window (60 s by default) per tenant: a run is a request for page 1 (later
 *    pages continue the run); another run inside the window answers 429 with Retry-After and "Try again in N
 *    seconds". `reportRateLimit(db, …)` changes the window, or makes every page count.
 * "Invoice Item Detail" (495001) has 60,000 rows; the others are built from the demo data (business units,
 * technicians, jobs).
 */
import type { Store } from "../store";
import { HttpError, badRequest, notFound } from "../problem";
import { ok, type Handler, type HandlerContext, type SandboxModule } from "./kit";

type Row = unknown[];
type DataType = "String" | "Number" | "Boolean" | "Date" | "Time";

interface Parameter {
  name: string;
  label: string;
  dataType: DataType;
  isArray: boolean;
  isRequired: boolean;
  acceptValues?: { fields: Array<{ name: string; label: string }>; dynamicSetId?: string; values?: Row[] } | null;
}

interface Report {
  id: number;
  category: string;
  name: string;
  description: string;
  modifiedOn: string;
  parameters: Parameter[];
  fields: Array<{ name: string; label: string; dataType: DataType }>;
  /** Every row of a run with these (checked) parameters. */
  rows: (store: Store, params: Record<string, unknown>) => Row[];
}

const CATEGORIES = [
  { id: "accounting", name: "Accounting" },
  { id: "operations", name: "Operations" },
  { id: "marketing", name: "Marketing" },
];

const KEY_NAME = [
  { name: "Value", label: "Value" },
  { name: "Name", label: "Name" },
];
const param = (name: string, label: string, dataType: DataType, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  label,
  dataType,
  isArray: false,
  isRequired: false,
  acceptValues: null,
  ...extra,
});
const dateRange = [param("From", "From", "Date", { isRequired: true }), param("To", "To", "Date", { isRequired: true })];
const dynamic = (dynamicSetId: string) => ({ fields: KEY_NAME, dynamicSetId });

/** The row count of the big report: three pages of 25,000 at most. */
export const BIG_REPORT_ROWS = 60_000;
export const BIG_REPORT_ID = 495001;

const ITEMS = [
  ["HV-TUNE", "Furnace tune-up", "89.00"],
  ["HV-FLT16", "Pleated filter 16x25x1", "24.50"],
  ["PL-WH50", "50 gal water heater", "1450.00"],
  ["EL-BRK20", "20 A breaker", "38.75"],
  ["HV-CAP45", "Capacitor 45/5", "65.00"],
] as const;

const activeOf = (store: Store, name: string) =>
  store
    .collection(name)
    .sortedById()
    .filter((r) => r.active);

const REPORTS: Report[] = [
  {
    id: BIG_REPORT_ID,
    category: "accounting",
    name: "Invoice Item Detail",
    description: "Every invoice item in the period, one row per item.",
    modifiedOn: "2025-01-02T10:00:00Z",
    parameters: [
      ...dateRange,
      param("BusinessUnitIds", "Business Units", "Number", { isArray: true, acceptValues: dynamic("business-units") }),
      param("IncludeAdjustments", "Include Adjustment Invoices", "Boolean"),
    ],
    fields: [
      { name: "InvoiceId", label: "Invoice ID", dataType: "Number" },
      { name: "InvoiceDate", label: "Invoice Date", dataType: "Date" },
      { name: "BusinessUnitId", label: "Business Unit ID", dataType: "Number" },
      { name: "ItemCode", label: "Item Code", dataType: "String" },
      { name: "Description", label: "Description", dataType: "String" },
      { name: "Quantity", label: "Quantity", dataType: "Number" },
      { name: "UnitPrice", label: "Unit Price", dataType: "Number" },
      { name: "Taxable", label: "Taxable", dataType: "Boolean" },
    ],
    rows: (store, params) => {
      const units = activeOf(store, "business-units").map((b) => b.id);
      const wanted = params.BusinessUnitIds as number[] | undefined;
      const start = Date.parse(String(params.From));
      const rows: Row[] = [];
      for (let i = 0; i < BIG_REPORT_ROWS; i++) {
        const unit = units[i % units.length] ?? 101;
        if (wanted && !wanted.includes(unit)) continue;
        const [code, description, price] = ITEMS[i % ITEMS.length];
        const date = new Date(start + (i % 28) * 86_400_000).toISOString().slice(0, 10);
        rows.push([700_000 + Math.floor(i / 3), date, unit, code, description, 1 + (i % 4), Number(price), i % 5 !== 2]);
      }
      return rows;
    },
  },
  {
    id: 495002,
    category: "accounting",
    name: "Revenue by Business Unit",
    description: "Completed revenue and jobs per business unit.",
    modifiedOn: "2025-01-02T10:00:00Z",
    parameters: [
      ...dateRange,
      param("DateType", "Date Type", "Number", {
        acceptValues: {
          fields: KEY_NAME,
          values: [
            [1, "Job Completion Date"],
            [2, "Invoice Date"],
          ],
        },
      }),
    ],
    fields: [
      { name: "BusinessUnitId", label: "Business Unit ID", dataType: "Number" },
      { name: "BusinessUnitName", label: "Business Unit", dataType: "String" },
      { name: "CompletedRevenue", label: "Completed Revenue", dataType: "Number" },
      { name: "JobsCompleted", label: "Jobs Completed", dataType: "Number" },
    ],
    rows: (store) =>
      activeOf(store, "business-units").map((b, i) => [b.id, b.name, Math.round((48210.5 - i * 9120.25) * 100) / 100, 120 - i * 17]),
  },
  {
    id: 495003,
    category: "operations",
    name: "Technician Performance",
    description: "Completed jobs, revenue and average ticket per technician.",
    modifiedOn: "2025-01-03T10:00:00Z",
    parameters: [
      ...dateRange,
      param("TechnicianIds", "Technicians", "Number", { isArray: true, acceptValues: dynamic("technicians") }),
      param("IncludeInactive", "Include Inactive Technicians", "Boolean"),
    ],
    fields: [
      { name: "TechnicianId", label: "Technician ID", dataType: "Number" },
      { name: "TechnicianName", label: "Technician", dataType: "String" },
      { name: "CompletedJobs", label: "Completed Jobs", dataType: "Number" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
      { name: "AverageTicket", label: "Average Ticket", dataType: "Number" },
    ],
    rows: (store, params) => {
      const wanted = params.TechnicianIds as number[] | undefined;
      return store
        .collection("technicians")
        .sortedById()
        .filter((t) => (params.IncludeInactive === true || t.active) && (!wanted || wanted.includes(t.id)))
        .map((t, i) => {
          const jobs = 40 - i * 2;
          const revenue = Math.round(jobs * (412.35 + i * 11) * 100) / 100;
          return [t.id, t.name, jobs, revenue, Math.round((revenue / jobs) * 100) / 100];
        });
    },
  },
  {
    id: 495004,
    category: "operations",
    name: "Jobs by Status",
    description: "Jobs with their status and customer.",
    modifiedOn: "2025-01-03T10:00:00Z",
    parameters: [
      param("Status", "Status", "String", {
        acceptValues: {
          fields: KEY_NAME,
          values: [
            ["Scheduled", "Scheduled"],
            ["Completed", "Completed"],
            ["Canceled", "Canceled"],
            ["Hold", "On Hold"],
          ],
        },
      }),
      param("AsOf", "As Of", "Date"),
    ],
    fields: [
      { name: "JobId", label: "Job ID", dataType: "Number" },
      { name: "JobNumber", label: "Job #", dataType: "String" },
      { name: "Status", label: "Status", dataType: "String" },
      { name: "CustomerId", label: "Customer ID", dataType: "Number" },
      { name: "Total", label: "Total", dataType: "Number" },
    ],
    rows: (store, params) =>
      store
        .collection("jobs")
        .sortedById()
        .filter((j) => !params.Status || j.jobStatus === params.Status)
        .map((j) => [j.id, j.jobNumber, j.jobStatus, j.customerId, j.total ?? 0]),
  },
  {
    id: 495005,
    category: "marketing",
    name: "Campaign Summary",
    description: "Leads, booked jobs and revenue per campaign.",
    modifiedOn: "2025-01-04T10:00:00Z",
    parameters: [...dateRange, param("StartTime", "Day Starts At", "Time")],
    fields: [
      { name: "CampaignName", label: "Campaign", dataType: "String" },
      { name: "Leads", label: "Leads", dataType: "Number" },
      { name: "BookedJobs", label: "Booked Jobs", dataType: "Number" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
    ],
    rows: () => [
      ["Google Ads - Repair", 184, 97, 61250.4],
      ["Yard Signs", 22, 15, 9875],
      ["Referral Program", 41, 33, 24110.75],
    ],
  },
];

const DYNAMIC_SETS: Record<string, (store: Store) => Row[]> = {
  "business-units": (store) => activeOf(store, "business-units").map((b) => [b.id, b.name]),
  technicians: (store) => activeOf(store, "technicians").map((t) => [t.id, t.name]),
  "job-types": (store) => activeOf(store, "job-types").map((t) => [t.id, t.name]),
};

// ---- the per-report rate limit --------------------------------------------------------------------------------

export interface ReportRateLimit {
  /** How long one run blocks another of the same report (default 60,000 ms: "about once a minute"). */
  windowMs: number;
  /** Count every data request as a run, not only page 1 (default false). */
  countPages: boolean;
}

const limits = new WeakMap<Store, { settings: ReportRateLimit; lastRun: Map<number, number> }>();
const stateOf = (store: Store) => {
  let state = limits.get(store);
  if (!state) limits.set(store, (state = { settings: { windowMs: 60_000, countPages: false }, lastRun: new Map() }));
  return state;
};

/** Changes the sandbox's report rate limit (tests use a short window); forgets earlier runs. Returns the settings. */
export function reportRateLimit(db: unknown, settings: Partial<ReportRateLimit> = {}): ReportRateLimit {
  const state = stateOf(db as Store);
  Object.assign(state.settings, settings);
  state.lastRun.clear();
  return { ...state.settings };
}

function throttle(store: Store, report: Report, page: number): void {
  const { settings, lastRun } = stateOf(store);
  if (page > 1 && !settings.countPages) return; // later pages continue the run
  const now = Date.now();
  const last = lastRun.get(report.id);
  if (last !== undefined && now - last < settings.windowMs) {
    const wait = Math.max(1, Math.ceil((settings.windowMs - (now - last)) / 1000));
    throw new HttpError(429, `Too many requests. Try again in ${wait} seconds.`, {}, false, { "retry-after": String(wait) });
  }
  lastRun.set(report.id, now);
}

// ---- requests ---------------------------------------------------------------------------------------------------

const paged = (ctx: HandlerContext, rows: unknown[], defaultSize: number, cap: number) => {
  const page = Math.max(1, Number(ctx.query.page ?? 1));
  const pageSize = Math.max(1, Math.min(Number(ctx.query.pageSize ?? defaultSize), cap));
  const start = (page - 1) * pageSize;
  return {
    page,
    pageSize,
    hasMore: start + pageSize < rows.length,
    totalCount: ctx.query.includeTotal === true ? rows.length : null,
    data: rows.slice(start, start + pageSize),
  };
};

function reportOf(ctx: HandlerContext): Report {
  const category = String(ctx.params.report_category);
  if (!CATEGORIES.some((c) => c.id === category)) throw new HttpError(404, `Report category ${category} not found`);
  const report = REPORTS.find((r) => r.id === Number(ctx.params.reportId) && r.category === category);
  if (!report) throw notFound("Report", `${ctx.params.reportId} in category ${category}`);
  return report;
}

const TYPE_CHECKS: Record<DataType, (value: unknown) => boolean> = {
  String: (v) => typeof v === "string",
  Number: (v) => typeof v === "number" && Number.isFinite(v),
  Boolean: (v) => typeof v === "boolean",
  Date: (v) => typeof v === "string" && !isNaN(Date.parse(v)),
  Time: (v) => typeof v === "string" && /^\d{1,2}:\d{2}(:\d{2})?$/.test(v),
};

/** The body's parameters checked as ServiceTitan does: names known, required given, values of their type. */
function checkedParameters(report: Report, body: { parameters?: Array<{ name: string; value?: unknown }> }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  (body.parameters ?? []).forEach((given, i) => {
    const p = report.parameters.find((d) => d.name === given.name);
    if (!p)
      throw badRequest(
        { [`parameters[${i}].name`]: [`Parameter '${given.name}' not found`] },
        `Report parameter '${given.name}' not found`,
      );
    const items = p.isArray ? given.value : [given.value];
    if (!Array.isArray(items) || !items.every(TYPE_CHECKS[p.dataType])) {
      throw badRequest(
        { [`parameters[${i}].value`]: [`Must be ${p.isArray ? "an array of " : ""}${p.dataType}`] },
        `Invalid value for report parameter '${p.name}'`,
      );
    }
    const allowed = p.acceptValues?.values?.map((row) => row[0]);
    if (allowed && !items.every((item) => allowed.includes(item))) {
      throw badRequest(
        { [`parameters[${i}].value`]: [`Must be one of ${allowed.join(", ")}`] },
        `Invalid value for report parameter '${p.name}'`,
      );
    }
    values[p.name] = given.value;
  });
  const missing = report.parameters.find((p) => p.isRequired && values[p.name] === undefined);
  if (missing)
    throw badRequest({ parameters: [`Parameter '${missing.name}' is required`] }, `Required report parameter '${missing.name}' is missing`);
  return values;
}

const describe = (report: Report) => {
  const { rows: _rows, category: _category, ...description } = report;
  return description;
};

const handlers: Record<string, Handler> = {
  ReportCategories_GetCategories: (ctx) => ok(paged(ctx, CATEGORIES, 50, ctx.settings.pageSizeCap)),
  ReportCategoryReports_GetReports: (ctx) => {
    const category = String(ctx.params.report_category);
    if (!CATEGORIES.some((c) => c.id === category)) throw new HttpError(404, `Report category ${category} not found`);
    const reports = REPORTS.filter((r) => r.category === category).map((r) => ({ id: r.id, name: r.name, description: r.description }));
    return ok(paged(ctx, reports, 50, ctx.settings.pageSizeCap));
  },
  ReportCategoryReports_Get: (ctx) => ok(describe(reportOf(ctx))),
  ReportCategoryReports_GetData: (ctx) => {
    const report = reportOf(ctx);
    const params = checkedParameters(report, ctx.body ?? {});
    throttle(ctx.store, report, Math.max(1, Number(ctx.query.page ?? 1)));
    const rows = report.rows(ctx.store, params);
    // The report's own page limit (25,000; default 1,000), not the lists' cap.
    return ok({ ...paged(ctx, rows, 1000, 25_000), fields: report.fields.map(({ name, label }) => ({ name, label })) });
  },
  DynamicValueSets_GetDynamicSet: (ctx) => {
    const set = DYNAMIC_SETS[String(ctx.params.dynamicSetId)];
    if (!set) throw new HttpError(404, `Dynamic value set ${ctx.params.dynamicSetId} not found`);
    return ok({ ...paged(ctx, set(ctx.store), 50, ctx.settings.pageSizeCap), fields: KEY_NAME });
  },
};

export const reporting: SandboxModule = { handlers };
