import { ConnectionError } from "@prismatic-io/spectral";
import { createClient } from "../../src/client";
import { InputError, ServiceTitanError } from "../../src/client/errors";
import { listPages } from "../../src/client/paging";
import { runAction, sandboxConnection, useSandbox } from "../support";

const JOBS = "GET /jpm/v2/tenant/{tenant}/jobs" as const;
const JOB = "GET /jpm/v2/tenant/{tenant}/jobs/{id}" as const;
const CUSTOMERS = "POST /crm/v2/tenant/{tenant}/customers" as const;

const newCustomer = (name: string) => ({
  name,
  type: "Residential",
  address: { street: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" },
  locations: [{ name, address: { street: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" } }],
});

describe("request core", () => {
  const ctx = useSandbox();
  const client = () => createClient(sandboxConnection(ctx.sandbox), { maxRetries: 3 });
  const apiCalls = (method: string, pathPart: string) =>
    ctx.sandbox.requests.filter((r) => r.method === method && r.path.includes(pathPart));

  beforeEach(() => {
    ctx.sandbox.faults.clear();
    ctx.sandbox.resetStats();
  });

  it("puts the tenant in the path and sends ST-App-Key with a bearer token fetched once", async () => {
    const c = client();
    await c.request(JOBS, { query: { pageSize: 2 } });
    await c.request(JOBS, { query: { pageSize: 2 } });
    expect(ctx.sandbox.requests.map((r) => r.path)).toEqual([
      `/jpm/v2/tenant/${ctx.sandbox.credentials.tenant}/jobs`,
      `/jpm/v2/tenant/${ctx.sandbox.credentials.tenant}/jobs`,
    ]);
    expect(ctx.sandbox.tokenRequests).toBe(1);
  });

  it("refuses a query parameter the operation does not declare, before any request", async () => {
    await expect(client().request(JOBS, { query: { jobsIds: "1" } })).rejects.toThrow(InputError);
    await expect(client().request(JOBS, { query: { jobsIds: "1" } })).rejects.toThrow(
      /Input "Query Parameters": "jobsIds" is not a query parameter of GET/,
    );
    expect(ctx.sandbox.requests).toHaveLength(0);
  });

  it("refuses a path value that is not an id (no path tricks reach the URL), before any request", async () => {
    await expect(client().request(JOB, { path: { id: "1/../../customers" }, subject: "Job x" })).rejects.toThrow(
      /Input "Path Parameters": "id" must be a ServiceTitan id \(a whole number such as 12345\), got "1\/\.\.\/\.\.\/customers"/,
    );
    expect(ctx.sandbox.requests).toHaveLength(0);
  });

  it("retries a 429 honouring Retry-After in seconds, then succeeds", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 429, headers: { "Retry-After": "1" } });
    const page = await client().request(JOBS, { query: { pageSize: 1 } });
    expect(page.data).toHaveLength(1);
    const calls = apiCalls("GET", "/jobs");
    expect(calls.map((r) => r.status)).toEqual([429, 200]); // the wait itself: retry.test.ts (no timing assertions here)
  });

  it("retries a 429 whose Retry-After is an HTTP date", async () => {
    const date = new Date(Date.now() + 1500).toUTCString();
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 429, headers: { "Retry-After": date } });
    await client().request(JOBS, { query: { pageSize: 1 } });
    expect(apiCalls("GET", "/jobs").map((r) => r.status)).toEqual([429, 200]);
  });

  it("retries a 429 that only says 'Try again in N seconds' in its body", async () => {
    ctx.sandbox.faults.add({
      method: "GET",
      path: /\/jobs$/,
      status: 429,
      body: {
        type: "https://tools.ietf.org/html/rfc6585#section-4",
        title: "Too many requests. Try again in 1 seconds.",
        status: 429,
        traceId: "t-429",
      },
    });
    await client().request(JOBS, { query: { pageSize: 1 } });
    expect(apiCalls("GET", "/jobs").map((r) => r.status)).toEqual([429, 200]);
  });

  it("retries a POST answered 429 (not processed) and creates exactly one record", async () => {
    const before = ctx.sandbox.db.all("customers").length;
    ctx.sandbox.faults.add({ method: "POST", path: /\/customers$/, status: 429, headers: { "Retry-After": "1" } });
    await client().request(CUSTOMERS, { body: newCustomer("Rate Limited Once") });
    expect(ctx.sandbox.db.all("customers").length).toBe(before + 1);
  });

  it("retries a GET answered 503", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 503 });
    await client().request(JOBS, { query: { pageSize: 1 } });
    expect(apiCalls("GET", "/jobs").map((r) => r.status)).toEqual([503, 200]);
  });

  it("never replays a POST answered 500: one attempt, exactly one record, a clear error", async () => {
    const before = ctx.sandbox.db.all("customers").length;
    ctx.sandbox.faults.add({ method: "POST", path: /\/customers$/, status: 500, afterHandling: true });
    const error = await client()
      .request(CUSTOMERS, { body: newCustomer("Written Once") })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServiceTitanError);
    expect(error.status).toBe(500);
    expect(apiCalls("POST", "/customers")).toHaveLength(1);
    expect(ctx.sandbox.db.all("customers").length).toBe(before + 1);
  });

  it("never replays a POST whose socket dropped", async () => {
    ctx.sandbox.faults.add({ method: "POST", path: /\/customers$/, dropSocket: true });
    await expect(client().request(CUSTOMERS, { body: newCustomer("Dropped") })).rejects.toThrow(/network error/);
    expect(apiCalls("POST", "/customers")).toHaveLength(1);
  });

  it("refreshes an expired token once and succeeds", async () => {
    const c = client();
    await c.request(JOBS, { query: { pageSize: 1 } });
    ctx.sandbox.expireTokens();
    await c.request(JOBS, { query: { pageSize: 1 } });
    expect(apiCalls("GET", "/jobs").map((r) => r.status)).toEqual([200, 401, 200]);
    expect(ctx.sandbox.tokenRequests).toBe(2);
  });

  it("uses the platform's token when Prismatic provides one", async () => {
    const { access_token } = await fetchToken();
    const c = createClient(sandboxConnection(ctx.sandbox, {}, { access_token }));
    await c.request(JOBS, { query: { pageSize: 1 } });
    expect(ctx.sandbox.tokenRequests).toBe(1); // only the one this test fetched itself
  });

  it("turns a 401 that survives a fresh token into a ConnectionError naming the likely causes", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 401, times: 2 });
    const error = await client()
      .request(JOBS)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/Client ID and Secret.*Token URL and Environment/s);
  });

  it("turns a 403 into a ConnectionError about scopes", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 403 });
    const error = await client()
      .request(JOBS)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/scope/);
    expect(apiCalls("GET", "/jobs")).toHaveLength(1);
  });

  it("gives up on a slow POST at the client timeout without replaying it", async () => {
    ctx.sandbox.faults.add({ method: "POST", path: /\/customers$/, delayMs: 2500 });
    const c = createClient(sandboxConnection(ctx.sandbox, { requestTimeoutSeconds: "1" }));
    await expect(c.request(CUSTOMERS, { body: newCustomer("Slow") })).rejects.toThrow(/no answer within 1 s \(client timeout/);
    expect(apiCalls("POST", "/customers")).toHaveLength(1);
  });

  it("retries a GET that timed out once", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, delayMs: 2500 });
    const c = createClient(sandboxConnection(ctx.sandbox, { requestTimeoutSeconds: "1" }));
    const page = await c.request(JOBS, { query: { pageSize: 1 } });
    expect(page.data).toHaveLength(1);
  });

  it("shows status, title, every field message and the traceId of a 400", async () => {
    ctx.sandbox.faults.add({
      method: "POST",
      path: /\/customers$/,
      status: 400,
      body: {
        type: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        traceId: "00-abc123-01",
        errors: { Name: ["The Name field is required."], "Locations[0].Address.Zip": ["Zip is invalid.", "Zip is too long."] },
      },
    });
    const error = await client()
      .request(CUSTOMERS, { body: newCustomer("Invalid") })
      .catch((e) => e);
    expect(error.message).toContain("400");
    expect(error.message).toContain("One or more validation errors occurred.");
    expect(error.message).toContain("Name: The Name field is required.");
    expect(error.message).toContain("Locations[0].Address.Zip: Zip is invalid. Zip is too long.");
    expect(error.message).toContain("traceId: 00-abc123-01");
    expect(error.traceId).toBe("00-abc123-01");
  });

  it("names the resource and id on a 404", async () => {
    await expect(runAction("getJob", { connection: ctx.connection, id: "987654321" })).rejects.toThrow(/Job 987654321 was not found/);
  });

  it("puts no secret in errors or debug logs", async () => {
    const lines: string[] = [];
    const logger = { debug: (...a: unknown[]) => lines.push(a.join(" ")), info: (...a: unknown[]) => lines.push(a.join(" ")) };
    const { access_token } = await fetchToken();
    const connection = sandboxConnection(ctx.sandbox, {}, { access_token });
    ctx.sandbox.faults.add({
      method: "GET",
      path: /\/jobs\/\d+$/,
      status: 400,
      body: {
        title: `echo ${ctx.sandbox.credentials.appKey} ${access_token} ${ctx.sandbox.credentials.clientSecret}`,
        status: 400,
        traceId: "t",
      },
    });
    const error = await runAction("getJob", { connection, id: "1" }, { globalDebug: true, logger } as never).catch((e) => e);
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/\d+$/, status: 401, times: 2 });
    const connectionError = await runAction("getJob", { connection: sandboxConnection(ctx.sandbox), id: "1" }, {
      globalDebug: true,
      logger,
    } as never).catch((e) => e);
    const everything = [error.message, connectionError.message, JSON.stringify(error), ...lines].join("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [ctx.sandbox.credentials.clientSecret, ctx.sandbox.credentials.appKey, access_token]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.message).toContain("[redacted]");
  });

  it("keeps 20 concurrent page fetches under 60 requests per second", async () => {
    ctx.sandbox.setPageSizeCap(10);
    try {
      ctx.sandbox.db.bulkInsert("jobs", 1500);
      const total = ctx.sandbox.db.all("jobs").length;
      let records = 0;
      for await (const page of listPages(client(), JOBS, {}, { concurrency: 20 })) records += page.length;
      expect(records).toBe(total);
      expect(ctx.sandbox.requests.length).toBeGreaterThan(100);
      expect(ctx.sandbox.maxRequestsPerWindow(1000)).toBeLessThanOrEqual(60);
    } finally {
      ctx.sandbox.setPageSizeCap(5000);
    }
  });

  const fetchToken = async (): Promise<{ access_token: string }> => {
    const { credentials, tokenUrl } = ctx.sandbox;
    const response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }),
    });
    return (await response.json()) as { access_token: string };
  };
});
