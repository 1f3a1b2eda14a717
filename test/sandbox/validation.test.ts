import { loadSpec, startSandbox } from "../../sandbox";
import { path, useSandbox } from "./helpers";

const SPEC_TITLE = /^Sandbox: request violates the ServiceTitan OpenAPI spec/;

describe("sandbox spec validation", () => {
  const suite = useSandbox();
  beforeEach(() => suite.sandbox.resetStats());

  const jobs = () => path(suite.sandbox, "jpm", "jobs");
  const validJob = () => ({
    customerId: 2001,
    locationId: 3001,
    businessUnitId: 101,
    jobTypeId: 201,
    priority: "Normal",
    campaignId: 1,
    appointments: [{ start: "2026-12-01T15:00:00Z", end: "2026-12-01T17:00:00Z", technicianIds: [1001] }],
  });

  it("rejects and records an undeclared query parameter", async () => {
    const res = await suite.api.get(jobs(), { params: { pageSize: 5, jobStatuses: "Scheduled" } });
    expect(res.status).toBe(400);
    expect(res.data.title).toMatch(SPEC_TITLE);
    expect(res.data.errors).toEqual({ jobStatuses: ["is not a query parameter of Jobs_GetList"] });
    expect(suite.sandbox.violations).toEqual([
      { method: "GET", path: jobs(), operationId: "Jobs_GetList", errors: ["jobStatuses: is not a query parameter of Jobs_GetList"] },
    ]);
  });

  it("rejects query values of the wrong type or outside the enum", async () => {
    expect((await suite.api.get(jobs(), { params: { page: "two" } })).status).toBe(400);
    expect((await suite.api.get(jobs(), { params: { jobStatus: "Done" } })).data.errors.jobStatus[0]).toMatch(/must be one of: Scheduled/);
    expect((await suite.api.get(jobs(), { params: { modifiedOnOrAfter: "yesterday" } })).status).toBe(400);
    expect(suite.sandbox.violations).toHaveLength(3);
  });

  it("rejects a missing required query parameter", async () => {
    const res = await suite.api.get(path(suite.sandbox, "jpm", "jobs/cancel-reasons"));
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ ids: ["is required"] });
    expect(suite.sandbox.violations[0].operationId).toBe("Jobs_GetCancelReasons");
  });

  it("rejects a string where the body needs an integer (no coercion of bodies)", async () => {
    const res = await suite.api.post(jobs(), { ...validJob(), customerId: "2001" });
    expect(res.status).toBe(400);
    expect(res.data.title).toMatch(SPEC_TITLE);
    expect(res.data.errors).toEqual({ customerId: ["must be integer"] });
    expect(suite.sandbox.violations[0].errors).toEqual(["customerId: must be integer"]);
    expect(suite.sandbox.db.all("jobs")).toHaveLength(40); // nothing was created
  });

  it("rejects a body missing a required property, nested ones included", async () => {
    const { campaignId: _omit, ...body } = validJob();
    const res = await suite.api.post(jobs(), { ...body, appointments: [{ start: "2026-12-01T15:00:00Z" }] });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ campaignId: ["is required"], "appointments[0].end": ["is required"] });
    expect(suite.sandbox.violations).toHaveLength(1);
  });

  it("checks required fields of bodies that were not sent at all", async () => {
    const res = await suite.api.put(path(suite.sandbox, "jpm", "jobs/10001/cancel"));
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ reasonId: ["is required"], memo: ["is required"] });
  });

  it("rejects a non-JSON body where JSON is declared", async () => {
    const res = await suite.api.post(jobs(), "customerId=1", { headers: { "Content-Type": "text/plain" } });
    expect(res.status).toBe(400);
    expect(suite.sandbox.violations[0].errors[0]).toMatch(/content-type: must be application\/json/);
  });

  it("answers 404 for a path or verb no spec declares, and records it", async () => {
    const unknownPath = await suite.api.get(path(suite.sandbox, "jpm", "job"));
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.data.title).toMatch(SPEC_TITLE);
    const unknownVerb = await suite.api.delete(path(suite.sandbox, "jpm", "jobs/10001"));
    expect(unknownVerb.status).toBe(404);
    expect(suite.sandbox.violations.map((v) => v.errors[0])).toEqual([
      `path: no operation GET ${path(suite.sandbox, "jpm", "job")} in the ServiceTitan specs`,
      `path: no operation DELETE ${path(suite.sandbox, "jpm", "jobs/10001")} in the ServiceTitan specs`,
    ]);
  });

  it("rejects more than 50 ids and sort fields the operation does not list", async () => {
    const ids = Array.from({ length: 51 }, (_, i) => 10001 + i).join(",");
    expect((await suite.api.get(jobs(), { params: { ids } })).status).toBe(400);
    const sort = await suite.api.get(path(suite.sandbox, "crm", "customers"), { params: { sort: "+Name" } });
    expect(sort.status).toBe(400);
    expect(sort.data.errors.sort[0]).toMatch(/available fields: Id, ModifiedOn, CreatedOn/);
    expect(suite.sandbox.violations).toHaveLength(2);
  });

  it("records no violation for valid requests, and answers the ones it does not simulate from their response schema", async () => {
    expect(
      (await suite.api.get(jobs(), { params: { page: 1, pageSize: 10, includeTotal: true, jobStatus: "Completed", sort: "-Id" } })).status,
    ).toBe(200);
    expect((await suite.api.post(jobs(), validJob())).status).toBe(200);
    expect((await suite.api.patch(path(suite.sandbox, "jpm", "jobs/10001"), {})).status).toBe(200);
    const notSimulated = await suite.api.get(path(suite.sandbox, "jpm", "jobs/10001/notes"));
    expect(notSimulated.status).toBe(200);
    expect((await loadSpec()).checkResponse("jpm/Jobs_GetNotes", 200, notSimulated.data)).toEqual([]);
    expect(notSimulated.data).toMatchObject({
      page: 1,
      hasMore: false,
      data: expect.arrayContaining([expect.objectContaining({ text: expect.any(String) })]),
    });
    expect(suite.sandbox.violations).toEqual([]);
    expect(suite.sandbox.requests.map((r) => r.operationId)).toEqual(["Jobs_GetList", "Jobs_Create", "Jobs_Update", "Jobs_GetNotes"]);
  });

  it("answers business-rule errors as RFC 7807 400/404 without recording a violation", async () => {
    const unknownCustomer = await suite.api.post(jobs(), { ...validJob(), customerId: 99 });
    expect(unknownCustomer.status).toBe(400);
    expect(unknownCustomer.data).toMatchObject({
      status: 400,
      errors: { customerId: ["Customer with id 99 not found"] },
      traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
    });
    const missing = await suite.api.get(path(suite.sandbox, "jpm", "jobs/99"));
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ type: expect.any(String), title: "Job with id 99 not found", status: 404, errors: {}, data: {} });
    expect(suite.sandbox.violations).toEqual([]);
  });

  it("answers with the shapes the spec's response schemas declare", async () => {
    const spec = await loadSpec();
    const reads = [
      "jpm/jobs",
      "jpm/jobs/10001",
      "jpm/appointments",
      "jpm/projects",
      "jpm/job-types",
      "jpm/job-cancel-reasons",
      "jpm/export/jobs",
      "dispatch/appointment-assignments",
      "dispatch/export/appointment-assignments",
      "accounting/invoices",
      "accounting/payments",
      "accounting/payment-types",
      "accounting/export/invoice-items",
      "accounting/export/payments",
      "equipmentsystems/installed-equipment/90001",
      "equipmentsystems/export/installed-equipment",
      "settings/technicians",
      "settings/business-units",
      "settings/user-roles",
      "settings/tag-types",
      "crm/customers/2001",
      "crm/locations/3001",
      "crm/export/customers",
      "crm/export/customers/contacts",
      "crm/export/bookings",
    ];
    for (const read of reads) {
      const [module, ...rest] = read.split("/");
      const res = await suite.api.get(path(suite.sandbox, module, rest.join("/")));
      const { operationId } = suite.sandbox.requests[suite.sandbox.requests.length - 1];
      expect({ read, errors: spec.checkResponse(`${module}/${operationId}`, res.status, res.data) }).toEqual({ read, errors: [] });
    }
    const customers = await suite.api.get(path(suite.sandbox, "crm", "customers"));
    expect(spec.checkResponse("crm/Customers_GetList", 200, customers.data)).toEqual([]);
    const created = await suite.api.post(jobs(), validJob());
    expect(spec.checkResponse("jpm/Jobs_Create", 200, created.data)).toEqual([]);
  });
});
