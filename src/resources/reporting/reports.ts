import { dataSource, type InputFieldDefinition } from "@prismatic-io/spectral";
import type { ResourceModule } from "../../kit";
import {
  checkPaging,
  clientFor,
  inPath,
  listAction,
  operationAction,
  picklist,
  registerOperation,
  type Params,
  type Values,
} from "../../kit";
import { exampleOf } from "../../examples";
import { connectionInput, idInput, integerInput, keyValueInput, stringInput, switchInput } from "../../inputs";
import { reportParameters, type ReportDescription } from "./parameters";
import {
  DEFAULT_MAX_WAIT_SECONDS,
  LARGEST_REPORT_PAGE,
  REPORT_DATA,
  REPORT_RUN_SCHEMA,
  reportDataClient,
  rowObject,
  runReport,
  VALUE_ROWS_SCHEMA,
} from "./runReport";

/**
 * Reporting: report categories, the reports of a category, a report's description (its parameters and fields), the
 * values of a dynamic value set (the choices of a parameter such as business units or technicians), and Run Report.
 */

const CATEGORIES = "GET /reporting/v2/tenant/{tenant}/report-categories" as const;
const REPORTS = "GET /reporting/v2/tenant/{tenant}/report-category/{report_category}/reports" as const;
const REPORT = "GET /reporting/v2/tenant/{tenant}/report-category/{report_category}/reports/{reportId}" as const;
const DYNAMIC_SET = "GET /reporting/v2/tenant/{tenant}/dynamic-value-sets/{dynamicSetId}" as const;

/** Report categories are text ids ("accounting", "operations" …): a dropdown, or map one from List Report Categories. */
const categoryInput = () =>
  ({
    ...stringInput({
      label: "Report Category",
      required: true,
      example: "operations",
      comments: "The report category's id (not its name), e.g. operations: pick one or map the id from List Report Categories.",
    }),
    dataSource: "selectReportCategory",
  }) as InputFieldDefinition;

const reportIdInput = () =>
  idInput({
    label: "Report ID",
    required: true,
    dataSource: "selectReport",
    comments: "The report, within the chosen category: pick the Report Category first, then the report (or map its id).",
  });

const dynamicSetInput = () =>
  stringInput({
    label: "Dynamic Value Set",
    required: true,
    example: "business-units",
    comments:
      "The value set a report parameter takes its choices from: the parameter's acceptValues.dynamicSetId in Get Report (e.g. business-units, technicians).",
  });

const reportPath = (): Params => ({ reportCategory: inPath(categoryInput(), "report_category"), reportId: inPath(reportIdInput()) });
const reportName = (v: Values) => `Report ${v.reportId} of category ${v.reportCategory}`;

const runParams: Params = {
  ...reportPath(),
  parameters: {
    in: "body",
    input: keyValueInput({
      label: "Parameters",
      comments:
        "The report's parameters by name, e.g. From = 2025-01-01, To = 2025-01-31, BusinessUnitIds = 101,102 (Get Report lists each parameter's name, data type, whether it is required and the values it accepts; a list parameter takes a comma-separated list or a JSON array). Names are checked against the report's own parameters before it runs.",
    }),
  },
  fetchAll: {
    in: "query",
    input: switchInput({
      label: "Fetch All",
      comments: "Return every row (pages of up to 25,000 rows, read one after the other) instead of one page.",
    }),
  },
  maxRecords: {
    in: "query",
    input: integerInput({ label: "Max Records", min: 1, comments: "With Fetch All: stop after this many rows (empty: no cap)." }),
  },
  page: {
    in: "query",
    input: integerInput({ label: "Page", min: 1, example: "1", comments: "Page number (from 1) when not fetching all." }),
  },
  pageSize: {
    in: "query",
    input: integerInput({
      label: "Page Size",
      min: 1,
      max: LARGEST_REPORT_PAGE,
      example: "1000",
      comments: "Rows per page, up to 25,000 (ServiceTitan's default is 1,000; Fetch All uses 25,000 unless set).",
    }),
  },
  includeTotal: {
    in: "query",
    input: switchInput({ label: "Include Total", comments: "Also return totalCount, the number of rows of the report." }),
  },
  maxWaitSeconds: {
    in: "query",
    input: integerInput({
      label: "Max Wait (seconds)",
      min: 0,
      max: 840,
      default: String(DEFAULT_MAX_WAIT_SECONDS),
      comments:
        "ServiceTitan lets the same report run about once a minute per tenant and answers 429 with how long to wait. The run waits and continues for at most this many seconds in all, then fails with a message saying so (0: never wait). Keep it below the flow step's time limit.",
    }),
  },
};

const EXAMPLE_RUN = {
  data: {
    page: 1,
    pageSize: 2,
    hasMore: false,
    totalCount: 2,
    fields: [
      { name: "BusinessUnitName", label: "Business Unit" },
      { name: "CompletedRevenue", label: "Completed Revenue" },
    ],
    data: [
      { BusinessUnitName: "HVAC Service", CompletedRevenue: 48210.5 },
      { BusinessUnitName: "Plumbing Service", CompletedRevenue: 21980 },
    ],
    recordCount: 2,
    requests: 1,
    waitedSeconds: 0,
    capped: false,
    complete: true,
  },
};

export const reports: ResourceModule = {
  actions: {
    listReportCategories: listAction({
      label: "List Report Categories",
      description: "Retrieve the report categories (their ids are what the report actions take)",
      operation: CATEGORIES,
      examplePayload: exampleOf(CATEGORIES),
    }),
    listReports: listAction({
      label: "List Reports",
      description: "Retrieve the reports of a report category",
      operation: REPORTS,
      path: { reportCategory: inPath(categoryInput(), "report_category") },
      examplePayload: exampleOf(REPORTS),
    }),
    getReport: operationAction({
      label: "Get Report",
      description:
        "Retrieve a report's description: its parameters (names, data types, required, accepted values) and the fields of its rows",
      operation: REPORT,
      params: reportPath(),
      subject: reportName,
      examplePayload: exampleOf(REPORT),
    }),
    runReport: operationAction({
      label: "Run Report",
      description:
        "Run a report with its parameters and return its rows as objects keyed by the report's field names (one page, or every row with Fetch All). Parameters are checked against the report's description first; ServiceTitan's once-a-minute limit per report is waited out up to Max Wait (seconds)",
      operation: REPORT_DATA,
      params: runParams,
      examplePayload: EXAMPLE_RUN,
      output: { schema: REPORT_RUN_SCHEMA },
      perform: async (client, values, context) => {
        const { reportCategory, reportId, fetchAll, maxRecords, page, pageSize, includeTotal, maxWaitSeconds } = values as {
          reportCategory: string;
          reportId: number;
          fetchAll: boolean;
          maxRecords?: number;
          page?: number;
          pageSize?: number;
          includeTotal: boolean;
          maxWaitSeconds?: number;
        };
        checkPaging(values);
        const path = { report_category: reportCategory, reportId };
        // The report's own parameter list: a name it does not have is refused here, not by ServiceTitan's 400.
        const report = await client.request<ReportDescription>(REPORT, { path, subject: reportName(values) });
        const parameters = reportParameters(report, values.parameters as Record<string, unknown> | undefined);
        const data = reportDataClient(values.connection, { debug: Boolean(context.debug?.enabled), logger: context.logger });
        const run = await runReport(
          data,
          {
            path,
            parameters,
            what: `report "${report.name}" (ID ${reportId})`,
            fetchAll,
            page,
            pageSize,
            includeTotal,
            maxRecords,
            maxWaitSeconds: maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS,
          },
          context.logger,
        );
        return { reportId, reportCategory, reportName: report.name, ...run };
      },
    }),
    listDynamicValues: operationAction({
      label: "List Dynamic Values",
      description: "Retrieve the values of a dynamic value set (the choices of a report parameter, such as business units or technicians)",
      operation: DYNAMIC_SET,
      params: { dynamicSetId: inPath(dynamicSetInput()) },
      subject: (v) => `Dynamic value set ${v.dynamicSetId}`,
      output: { schema: VALUE_ROWS_SCHEMA },
      examplePayload: {
        data: {
          fields: [
            { name: "Value", label: "Value" },
            { name: "Name", label: "Name" },
          ],
          data: [{ Value: 101, Name: "HVAC Service" }],
          recordCount: 1,
        },
      },
      perform: async (client, values) => {
        const rows = await dynamicSetRows(client, String(values.dynamicSetId));
        return { fields: rows.fields, data: rows.rows.map((row) => rowObject(rows.fields, row)), recordCount: rows.rows.length };
      },
    }),
  },
  dataSources: {
    selectReportCategory: picklist<{ id: string; name?: string | null }>({
      label: "Select Report Category",
      description: "Select a report category from a dropdown menu",
      operation: CATEGORIES,
      option: (c) => ({ key: String(c.id), label: `${String(c.name ?? "").trim() || c.id} (${c.id})` }),
      order: "label",
      example: [{ key: "operations", label: "Operations (operations)" }],
    }),
    selectReport: picklist<{ id: number; name?: string | null }>({
      label: "Select Report",
      description: "Select a report of a report category from a dropdown menu",
      operation: REPORTS,
      params: { reportCategory: inPath(categoryInput(), "report_category") },
      option: (r) => ({ key: String(r.id), label: `${String(r.name ?? "").trim() || "Unnamed"} (ID: ${r.id})` }),
      order: "label",
      example: [{ key: "1", label: "Revenue by Business Unit (ID: 1)" }],
    }),
    selectDynamicValue: registerOperation(
      dataSource({
        display: {
          label: "Select Dynamic Value",
          description: "Select a value of a dynamic value set (the choices of a report parameter) from a dropdown menu",
        },
        dataSourceType: "picklist",
        inputs: { connection: connectionInput, dynamicSetId: dynamicSetInput() },
        examplePayload: { result: [{ key: "101", label: "HVAC Service" }] },
        perform: async (context, values) => {
          const client = clientFor((values as Values).connection, context);
          const { rows } = await dynamicSetRows(client, String((values as Values).dynamicSetId));
          // Each row is [key, display name] (the set's first field is the key, the second its label).
          return { result: rows.map((row) => ({ key: String(row[0]), label: String(row[1] ?? "").trim() || String(row[0]) })) };
        },
      }),
      DYNAMIC_SET,
    ),
  },
};

/** Every row of a dynamic value set (they are short lists: business units, technicians …), a page at a time. */
const dynamicSetRows = async (client: ReturnType<typeof clientFor>, dynamicSetId: string) => {
  const rows: unknown[][] = [];
  let fields: Array<{ name: string; label?: string }> = [];
  for (let page = 1; page <= 20; page++) {
    const answer = await client.request<{ hasMore: boolean; data: unknown[][]; fields: typeof fields }>(DYNAMIC_SET, {
      path: { dynamicSetId },
      query: { page, pageSize: 5000 },
      subject: `Dynamic value set ${dynamicSetId}`,
    });
    fields = answer.fields ?? fields;
    rows.push(...(answer.data ?? []));
    if (!answer.hasMore || !answer.data?.length) break;
  }
  return { fields, rows };
};
