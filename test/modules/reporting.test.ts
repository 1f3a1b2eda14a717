import { BIG_REPORT_ID, BIG_REPORT_ROWS, reportRateLimit } from "../../sandbox/handlers/reporting";
import { runAction, useSandbox } from "../support";
import { actionsOn, debugContext } from "../resources-a/helpers";

/** Reporting: categories, reports, descriptions, dynamic value sets, and Run Report against the sandbox's reports. */
describe("reporting", () => {
  const ctx = useSandbox();
  const { run, calls, only, expectRefused, failure, picklist } = actionsOn(ctx);
  const dataPath = (category: string, id: number) => `/report-category/${category}/reports/${id}/data`;
  const dataRequests = (category: string, id: number) => calls("POST", dataPath(category, id));
  /** Runs Run Report with a quiet logger, returning the result and the lines logged. */
  const runReport = async (params: Record<string, unknown>) => {
    const { lines, context } = debugContext();
    const result = (await runAction("runReport", { connection: ctx.connection, ...params }, context)) as { data: any };
    return { result: result.data, lines };
  };
  const month = { From: "2025-01-01", To: "2025-01-31" };

  beforeEach(() => {
    ctx.sandbox.resetStats();
    ctx.sandbox.faults.clear();
    reportRateLimit(ctx.sandbox.db, { windowMs: 60_000, countPages: false });
  });

  describe("categories, reports and descriptions", () => {
    it("lists the report categories and the reports of one", async () => {
      const categories = await run("listReportCategories", {});
      expect(categories.data.map((c: { id: string }) => c.id)).toEqual(["accounting", "operations", "marketing"]);
      const reports = await run("listReports", { reportCategory: "accounting", fetchAll: true });
      expect(reports.data.map((r: { id: number }) => r.id)).toContain(BIG_REPORT_ID);
      expect(calls("GET", "/report-category/accounting/reports")[0].query).toMatchObject({ page: "1", includeTotal: "true" });
    });

    it("returns a report's description: parameters and fields", async () => {
      const report = await run("getReport", { reportCategory: "accounting", reportId: String(BIG_REPORT_ID) });
      expect(report.parameters.map((p: { name: string }) => p.name)).toEqual(["From", "To", "BusinessUnitIds", "IncludeAdjustments"]);
      expect(report.parameters[2]).toMatchObject({ isArray: true, acceptValues: { dynamicSetId: "business-units" } });
      expect(report.fields[0]).toEqual({ name: "InvoiceId", label: "Invoice ID", dataType: "Number" });
      only("GET", `/report-category/accounting/reports/${BIG_REPORT_ID}`);
    });

    it("names the report in a 404 and refuses a report id that is not a number", async () => {
      expect((await failure("getReport", { reportCategory: "marketing", reportId: String(BIG_REPORT_ID) })).message).toMatch(
        new RegExp(`Report ${BIG_REPORT_ID} of category marketing was not found`),
      );
      await expectRefused(
        "getReport",
        { reportCategory: "accounting", reportId: "invoice-items" },
        /Input "Report ID": "invoice-items" is not a whole number/,
      );
      await expectRefused("listReports", { reportCategory: "" }, /Input "Report Category": is required/);
    });

    it("lists a dynamic value set's values as objects keyed by its field names", async () => {
      const values = await run("listDynamicValues", { dynamicSetId: "business-units" });
      expect(values.fields.map((f: { name: string }) => f.name)).toEqual(["Value", "Name"]);
      expect(values.data[0]).toEqual({ Value: 101, Name: "HVAC Service" });
      expect(only("GET", "/dynamic-value-sets/business-units").query).toEqual({ page: "1", pageSize: "5000" });
      expect((await failure("listDynamicValues", { dynamicSetId: "zones" })).message).toMatch(/Dynamic value set zones was not found/);
    });

    it("offers categories, reports of a category and dynamic values as dropdowns", async () => {
      const categories = await picklist("selectReportCategory");
      expect(categories).toContainEqual({ key: "accounting", label: "Accounting (accounting)" });
      const reports = await picklist("selectReport", { reportCategory: "accounting" });
      expect(reports).toContainEqual({ key: String(BIG_REPORT_ID), label: `Invoice Item Detail (ID: ${BIG_REPORT_ID})` });
      expect(reports.every((r) => r.label.trim())).toBe(true);
      expect(await picklist("selectReport", { reportCategory: "marketing" })).toEqual([
        { key: "495005", label: "Campaign Summary (ID: 495005)" },
      ]);
      const technicians = await picklist("selectDynamicValue", { dynamicSetId: "technicians" });
      expect(technicians.length).toBeGreaterThan(5);
      expect(technicians.every((t) => /^\d+$/.test(t.key) && t.label.trim())).toBe(true);
    });
  });

  describe("Run Report", () => {
    it(`returns a report of ${BIG_REPORT_ROWS.toLocaleString("en-US")} rows whole, as objects, in 3 data requests (paging in the query)`, async () => {
      const { result } = await runReport({
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: month,
        fetchAll: true,
      });
      expect(result).toMatchObject({
        reportName: "Invoice Item Detail",
        recordCount: BIG_REPORT_ROWS,
        totalCount: BIG_REPORT_ROWS,
        complete: true,
      });
      expect(result.data).toHaveLength(BIG_REPORT_ROWS);
      expect(Object.keys(result.data[0])).toEqual([
        "InvoiceId",
        "InvoiceDate",
        "BusinessUnitId",
        "ItemCode",
        "Description",
        "Quantity",
        "UnitPrice",
        "Taxable",
      ]);
      expect(result.data[0]).toEqual({
        InvoiceId: 700000,
        InvoiceDate: "2025-01-01",
        BusinessUnitId: 101,
        ItemCode: "HV-TUNE",
        Description: "Furnace tune-up",
        Quantity: 1,
        UnitPrice: 89,
        Taxable: true,
      });
      expect(result.data[BIG_REPORT_ROWS - 1].InvoiceId).toBe(700000 + Math.floor((BIG_REPORT_ROWS - 1) / 3));
      const data = dataRequests("accounting", BIG_REPORT_ID);
      expect(data).toHaveLength(3);
      expect(result.requests).toBe(3);
      expect(data.map((r) => r.query)).toEqual([
        { page: "1", pageSize: "25000", includeTotal: "true" },
        { page: "2", pageSize: "25000" },
        { page: "3", pageSize: "25000" },
      ]);
      // The body holds only the parameters; paging in it would be ignored by ServiceTitan.
      expect(data[0].body).toEqual({
        parameters: [
          { name: "From", value: "2025-01-01" },
          { name: "To", value: "2025-01-31" },
        ],
      });
      // The description is read once, before the run, to check the parameters.
      expect(calls("GET", `/report-category/accounting/reports/${BIG_REPORT_ID}`)).toHaveLength(1);
    });

    it("converts parameters to their report types: numbers, lists, booleans, and a label of the accepted values to its key", async () => {
      const { result } = await runReport({
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: [
          { key: "from", value: "2025-01-01" },
          { key: "To", value: "2025-01-31" },
          { key: "BusinessUnitIds", value: "102, 103" },
          { key: "IncludeAdjustments", value: "TRUE" },
        ],
        pageSize: "10",
      });
      expect(result.data).toHaveLength(10);
      expect(new Set(result.data.map((r: { BusinessUnitId: number }) => r.BusinessUnitId))).toEqual(new Set([102, 103]));
      expect(result.hasMore).toBe(true);
      const [request] = dataRequests("accounting", BIG_REPORT_ID);
      expect(request.query).toEqual({ page: "1", pageSize: "10" });
      expect(request.body).toEqual({
        parameters: [
          { name: "From", value: "2025-01-01" },
          { name: "To", value: "2025-01-31" },
          { name: "BusinessUnitIds", value: [102, 103] },
          { name: "IncludeAdjustments", value: true },
        ],
      });

      const revenue = await runReport({
        reportCategory: "accounting",
        reportId: "495002",
        parameters: { ...month, DateType: "Invoice Date" },
      });
      expect(dataRequests("accounting", 495002)[0].body).toEqual({
        parameters: [...Object.entries(month).map(([name, value]) => ({ name, value })), { name: "DateType", value: 2 }],
      });
      expect(revenue.result.data[0]).toEqual({
        BusinessUnitId: 101,
        BusinessUnitName: "HVAC Service",
        CompletedRevenue: 48210.5,
        JobsCompleted: 120,
      });
    });

    it("reads one page when not fetching all, with page and page size in the query", async () => {
      const { result } = await runReport({
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: month,
        page: "3",
        pageSize: "1000",
        includeTotal: true,
      });
      expect(result).toMatchObject({ page: 3, pageSize: 1000, hasMore: true, totalCount: BIG_REPORT_ROWS, recordCount: 1000 });
      expect(result.data[0].InvoiceId).toBe(700000 + Math.floor(2000 / 3));
      expect(dataRequests("accounting", BIG_REPORT_ID)[0].query).toEqual({ page: "3", pageSize: "1000", includeTotal: "true" });
    });

    it("stops at Max Records and says so", async () => {
      const { result } = await runReport({
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: month,
        fetchAll: true,
        maxRecords: "30000",
      });
      expect(result).toMatchObject({ recordCount: 30000, capped: true, complete: false });
      expect(result.incompleteReason).toMatch(/Max Records stopped the report at 30,000 rows/);
      expect(dataRequests("accounting", BIG_REPORT_ID).map((r) => r.query)).toEqual([
        { page: "1", pageSize: "25000", includeTotal: "true" },
        { page: "2", pageSize: "25000" },
      ]);
    });

    it("refuses a parameter typo before the report runs, naming the report's parameters", async () => {
      const error = await failure("runReport", {
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: { Form: "2025-01-01", To: "2025-01-31" },
      });
      expect(error.message).toMatch(
        /Input "Parameters": "Form" is not a parameter of report "Invoice Item Detail" \(ID 495001\); did you mean "From"\?/,
      );
      expect(error.message).toMatch(
        /Its parameters: From \(Date, required\), To \(Date, required\), BusinessUnitIds \(Number list\), IncludeAdjustments \(Boolean\)/,
      );
      expect(dataRequests("accounting", BIG_REPORT_ID)).toHaveLength(0);
    });

    it("refuses a missing required parameter, a value of the wrong type and a value the report does not accept", async () => {
      const report = { reportCategory: "accounting", reportId: String(BIG_REPORT_ID) };
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ From: "2025-01-01" }, /requires To \(Date, required\)/],
        [{ ...month, BusinessUnitIds: "101, hvac" }, /"BusinessUnitIds" \(Number list\) item 2 must be a number/],
        [{ ...month, IncludeAdjustments: "yes" }, /"IncludeAdjustments" \(Boolean\) must be true or false/],
        [{ From: "January", To: "2025-01-31" }, /"From" \(Date\) must be a date/],
      ];
      for (const [parameters, message] of cases) {
        await expect(runReport({ ...report, parameters })).rejects.toThrow(message);
      }
      await expect(
        runReport({ reportCategory: "accounting", reportId: "495002", parameters: { ...month, DateType: "Payment Date" } }),
      ).rejects.toThrow(/"DateType" \(Number\) accepts only 1 \(Job Completion Date\), 2 \(Invoice Date\)/);
      expect(ctx.sandbox.requests.filter((r) => r.method === "POST")).toHaveLength(0);
    });

    it("refuses Page Size above 25,000 and Page with Fetch All before any request", async () => {
      await expectRefused(
        "runReport",
        { reportCategory: "accounting", reportId: "495001", pageSize: "30000" },
        /Input "Page Size": 30000 is out of range; expected 1 to 25000/,
      );
      await expectRefused(
        "runReport",
        { reportCategory: "accounting", reportId: "495001", fetchAll: true, page: "2" },
        /Input "Page": cannot be combined with Fetch All/,
      );
      await expectRefused(
        "runReport",
        { reportCategory: "accounting", reportId: "495001", maxWaitSeconds: "-1" },
        /Input "Max Wait \(seconds\)"/,
      );
    });

    it("waits out a 429 with Retry-After (the once-a-minute limit per report) and completes the run", async () => {
      reportRateLimit(ctx.sandbox.db, { windowMs: 1000 });
      const report = { reportCategory: "marketing", reportId: "495005", parameters: month };
      await runReport(report);
      const { result, lines } = await runReport(report);
      expect(result).toMatchObject({ recordCount: 3, requests: 1, waitedSeconds: 1 });
      expect(result.data[0]).toEqual({ CampaignName: "Google Ads - Repair", Leads: 184, BookedJobs: 97, Revenue: 61250.4 });
      expect(dataRequests("marketing", 495005).map((r) => r.status)).toEqual([200, 429, 200]);
      expect(lines.join("\n")).toMatch(
        /report "Campaign Summary" \(ID 495005\): ServiceTitan's report rate limit \(429\); waiting 1 s as it asked/,
      );
    });

    it("waits out a 429 on a later page of Fetch All too", async () => {
      ctx.sandbox.faults.add({ method: "POST", path: /\/data$/, query: { page: "2" }, status: 429, headers: { "retry-after": "1" } });
      const { result } = await runReport({
        reportCategory: "accounting",
        reportId: String(BIG_REPORT_ID),
        parameters: month,
        fetchAll: true,
        maxRecords: "50000",
      });
      expect(result).toMatchObject({ recordCount: 50000, requests: 2, waitedSeconds: 1 });
      expect(dataRequests("accounting", BIG_REPORT_ID).map((r) => [r.query.page, r.status])).toEqual([
        ["1", 200],
        ["2", 429],
        ["2", 200],
      ]);
    });

    it("says clearly when ServiceTitan asks to wait longer than Max Wait", async () => {
      const report = { reportCategory: "operations", reportId: "495003", parameters: month };
      await runReport(report);
      const error = await failure("runReport", { ...report, maxWaitSeconds: "5" });
      expect(error.status).toBe(429);
      expect(error.message).toMatch(
        /ServiceTitan limits how often the same report may run \(about once a minute per report and tenant\): report "Technician Performance" \(ID 495003\) was refused with 429 and ServiceTitan asked to wait (59|60) s, more than what is left of Max Wait \(seconds\) = 5 \(0 s already waited\)\. Run it again later or raise Max Wait \(seconds\)\./,
      );
      expect(dataRequests("operations", 495003).map((r) => r.status)).toEqual([200, 429]);
    });

    it("is answered 400 'parameter not found' by the sandbox when the check is bypassed (Raw Request)", async () => {
      const tenant = ctx.sandbox.credentials.tenant;
      const error = await failure("rawRequest", {
        method: "POST",
        url: `/reporting/v2/tenant/${tenant}${dataPath("accounting", 495002)}`,
        data: JSON.stringify({ parameters: [{ name: "Form", value: "2025-01-01" }] }),
        responseType: "json",
      });
      expect(error.message).toMatch(/400.*Report parameter 'Form' not found/);
    });
  });
});
