import { ConnectionError } from "@prismatic-io/spectral";
import { inspect } from "util";
import { createClient } from "../../src/client";
import { handleError, ServiceTitanError } from "../../src/client/errors";
import { slotsInFlight, tenantWindowKey } from "../../src/client/rateLimit";
import { clearTokenCache } from "../../src/client/token";
import { runAction, sandboxConnection, useSandbox } from "../support";

const JOBS = "GET /jpm/v2/tenant/{tenant}/jobs" as const;
const JOB = "GET /jpm/v2/tenant/{tenant}/jobs/{id}" as const;
const CUSTOMERS = "POST /crm/v2/tenant/{tenant}/customers" as const;
const TOKEN_PATH = "/connect/token";

const newCustomer = (name: string) => ({
  name,
  type: "Residential",
  address: { street: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" },
  locations: [{ name, address: { street: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" } }],
});

/** What Prismatic, a logger or a developer could print of a thrown error: its JSON and its full inspection. */
const everythingIn = (error: unknown) => `${JSON.stringify(error)}\n${inspect(error, { depth: 20 })}\n${(error as Error)?.message}`;

describe("request core under rate limits and flaky networks", () => {
  const ctx = useSandbox();
  const client = (fields: Record<string, unknown> = {}, token: Record<string, unknown> = {}) =>
    createClient(sandboxConnection(ctx.sandbox, fields, token), { maxRetries: 3 });
  const calls = (method: string, pathPart: RegExp) => ctx.sandbox.requests.filter((r) => r.method === method && pathPart.test(r.path));
  const inFlight = () => slotsInFlight(tenantWindowKey(ctx.sandbox.url, ctx.sandbox.credentials.tenant));

  beforeEach(() => {
    ctx.sandbox.faults.clear();
    ctx.sandbox.resetStats();
  });

  it("gives every rate-limit slot back, whatever failed or was retried: capacity never shrinks", async () => {
    const c = client();
    // More retried requests than the 60 slots: a slot kept by any first attempt would deadlock this burst.
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 503, times: 70 });
    const pages = await Promise.all(Array.from({ length: 70 }, () => c.request(JOBS, { query: { pageSize: 1 } })));
    expect(pages.every((page) => page.data.length === 1)).toBe(true);
    expect(calls("GET", /\/jobs$/)).toHaveLength(140);

    // Every other way an attempt ends: 429 then success, a dropped socket then success, a POST failing for good,
    // a 404, and a GET that times out once.
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 429, headers: { "Retry-After": "0" }, times: 5 });
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/10001$/, dropSocket: true });
    ctx.sandbox.faults.add({ method: "POST", path: /\/customers$/, status: 500 });
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/10002$/, delayMs: 2500 });
    const slow = client({ requestTimeoutSeconds: "1" });
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => c.request(JOBS, { query: { pageSize: 1 } })),
      c.request(JOB, { path: { id: 10001 } }),
      c.request(CUSTOMERS, { body: newCustomer("Failing For Good") }),
      c.request(JOB, { path: { id: 987654 }, subject: "Job 987654" }),
      slow.request(JOB, { path: { id: 10002 } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), "fulfilled", "rejected", "rejected", "fulfilled"]);
    expect(inFlight()).toBe(0);
    // And the full 60 are usable at once again.
    await Promise.all(Array.from({ length: 60 }, () => c.request(JOBS, { query: { pageSize: 1 } })));
    expect(inFlight()).toBe(0);
  });

  it("tries a GET that keeps timing out twice, not once per retry (each attempt waits the whole timeout)", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, delayMs: 2500, times: 4 });
    const c = client({ requestTimeoutSeconds: "1" });
    await expect(c.request(JOBS, { query: { pageSize: 1 } })).rejects.toThrow(/no answer within 1 s \(client timeout/);
    expect(calls("GET", /\/jobs$/)).toHaveLength(2);
  });

  it("a 401 arriving after a concurrent call already renewed the token reuses that token (one fetch)", async () => {
    const c = client();
    await c.request(JOBS, { query: { pageSize: 1 } });
    expect(ctx.sandbox.tokenRequests).toBe(1);
    ctx.sandbox.expireTokens();
    // The slow call leaves with the old token and is answered 401 long after the fast call renewed it.
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/10001$/, delayMs: 1500 });
    const slow = c.request(JOB, { path: { id: 10001 } });
    await c.request(JOBS, { query: { pageSize: 1 } });
    await slow;
    expect(calls("GET", /\/jobs\/10001$/).map((r) => r.status)).toEqual([401, 200]);
    expect(ctx.sandbox.tokenRequests).toBe(2);
  });

  it("once ServiceTitan rejects the platform's token, keeps to its own tokens (and renews them)", async () => {
    const c = client({}, { access_token: "platform-token-that-expired" });
    await c.request(JOBS, { query: { pageSize: 1 } }); // 401 with the platform token → own token → 200
    ctx.sandbox.expireTokens();
    await c.request(JOBS, { query: { pageSize: 1 } }); // 401 with the own token → a new own token, not the rejected one
    expect(calls("GET", /\/jobs$/).map((r) => r.status)).toEqual([401, 200, 401, 200]);
    expect(ctx.sandbox.tokenRequests).toBe(2);
  });

  it("asks a throttled or briefly unavailable token endpoint again, and the call succeeds", async () => {
    ctx.sandbox.faults.add({ path: TOKEN_PATH, status: 429, headers: { "Retry-After": "0" } });
    ctx.sandbox.faults.add({ path: TOKEN_PATH, status: 503 });
    const page = await client().request(JOBS, { query: { pageSize: 1 } });
    expect(page.data).toHaveLength(1);
    expect(ctx.sandbox.tokenRequests).toBe(3);
  });

  it("a token endpoint that stays down is an ordinary error saying to try later, not a misconfigured connection", async () => {
    ctx.sandbox.faults.add({ path: TOKEN_PATH, status: 503, times: 3 });
    const error = await client()
      .request(JOBS)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServiceTitanError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/Could not get an access token .*503.*3 attempts.*sign-in service is busy or unavailable/);
    expect(ctx.sandbox.tokenRequests).toBe(3);
    expect(ctx.sandbox.requests).toHaveLength(0);
  });

  it("rejected client credentials are a ConnectionError after a single token request", async () => {
    const error = await client({ clientSecret: "cs1.not-the-secret" })
      .request(JOBS)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/invalid_client.*Check the Client ID and Client Secret/);
    expect(ctx.sandbox.tokenRequests).toBe(1);
    expect(ctx.sandbox.requests).toHaveLength(0);
  });

  it("no thrown error object carries a secret, whether serialized, inspected or read", async () => {
    const { clientSecret, appKey } = ctx.sandbox.credentials;
    const platformToken = "platform-token-abcdef123456";
    const connection = sandboxConnection(ctx.sandbox, {}, { access_token: platformToken });
    const echo = `${clientSecret} ${appKey} ${platformToken}`;
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => errors.push(new Error("expected a failure")),
        (e) => errors.push(e),
      );

    // ServiceTitan echoing secrets in every text of a problem body.
    ctx.sandbox.faults.add({
      method: "GET",
      path: /\/jobs\/\d+$/,
      status: 400,
      body: { title: `bad ${echo}`, status: 400, traceId: `trace ${appKey}`, errors: { [`field ${clientSecret}`]: [`message ${echo}`] } },
    });
    await capture(runAction("getJob", { connection, id: "1" }));
    // 401 that survives a fresh token, and 403: ConnectionErrors holding the connection (secrets and token inside).
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/\d+$/, status: 401, times: 2 });
    await capture(runAction("getJob", { connection, id: "1" }));
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs\/\d+$/, status: 403 });
    await capture(runAction("getJob", { connection, id: "1" }));
    // A connection refused before any request, and credentials refused by the token endpoint.
    await capture(runAction("getJob", { connection: sandboxConnection(ctx.sandbox, { tenant: "acme" }), id: "1" }));
    await capture(runAction("getJob", { connection: sandboxConnection(ctx.sandbox, { clientId: "nobody" }), id: "1" }));
    // A token endpoint that stays down (no cached token to fall back on).
    clearTokenCache();
    ctx.sandbox.faults.add({ path: TOKEN_PATH, status: 503, times: 3 });
    await capture(runAction("getJob", { connection: sandboxConnection(ctx.sandbox), id: "1" }));

    // A ConnectionError raised anywhere else passes the component's error hook with its connection hidden too.
    errors.push(handleError(new ConnectionError(connection, "raised elsewhere")));

    expect(errors.map((e) => (e as Error).name)).toEqual([
      "ServiceTitanError",
      "ConnectionError",
      "ConnectionError",
      "ConnectionError",
      "ConnectionError",
      "ServiceTitanError",
      "ConnectionError",
    ]);
    for (const error of errors) {
      const text = everythingIn(error);
      for (const secret of [clientSecret, appKey, platformToken]) expect(text).not.toContain(secret);
    }
    // Prismatic still finds the connection on a ConnectionError, to flag it.
    expect((errors[1] as ConnectionError).connection).toBe(connection);
    expect((errors[5] as Error).message).toMatch(/sign-in service/);
    expect((errors[0] as ServiceTitanError).fieldErrors).toEqual({ "field [redacted]": ["message [redacted] [redacted] [redacted]"] });
  });
});
