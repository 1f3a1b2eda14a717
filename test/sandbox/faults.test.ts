import { connect, path, useSandbox } from "./helpers";

const newCustomer = {
  name: "Fault Tolerant LLC",
  address: { street: "1 Retry Rd", city: "Phoenix", state: "AZ", zip: "85004", country: "USA" },
  locations: [{ name: "Main", address: { street: "1 Retry Rd", city: "Phoenix", state: "AZ", zip: "85004", country: "USA" } }],
};

describe("sandbox faults", () => {
  const suite = useSandbox();
  beforeEach(() => {
    suite.sandbox.faults.clear();
    suite.sandbox.resetStats();
  });

  const jobs = () => path(suite.sandbox, "jpm", "jobs");

  it("answers a scripted status with headers, `times` times, then handles normally", async () => {
    suite.sandbox.faults.add({ path: jobs(), status: 429, headers: { "Retry-After": "2" }, times: 2 });
    const first = await suite.api.get(jobs());
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("2");
    expect(first.data).toMatchObject({ status: 429, title: "Too many requests. Try again in 1 seconds.", traceId: expect.any(String) });
    expect((await suite.api.get(jobs())).status).toBe(429);
    expect((await suite.api.get(jobs())).status).toBe(200);
    expect(suite.sandbox.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("matches faults by method and RegExp path, in order, with custom bodies", async () => {
    suite.sandbox.faults.add({ method: "POST", path: /\/customers$/, status: 503, body: { oops: true } });
    suite.sandbox.faults.add({ status: 500 });
    expect((await suite.api.get(path(suite.sandbox, "crm", "customers"))).status).toBe(500); // the POST fault does not match a GET
    const post = await suite.api.post(path(suite.sandbox, "crm", "customers"), newCustomer);
    expect(post.status).toBe(503);
    expect(post.data).toEqual({ oops: true });
  });

  it("delays answers past a client timeout, then handles the request normally", async () => {
    suite.sandbox.faults.add({ path: jobs(), delayMs: 1500 });
    await expect(suite.api.get(jobs(), { timeout: 100 })).rejects.toMatchObject({ code: "ECONNABORTED" });
    suite.sandbox.faults.add({ path: jobs(), delayMs: 150 });
    expect((await suite.api.get(jobs())).status).toBe(200);
    expect(suite.sandbox.requests).toHaveLength(2);
  });

  it("drops the socket without an answer", async () => {
    suite.sandbox.faults.add({ path: jobs(), dropSocket: true });
    await expect(suite.api.get(jobs())).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|ECONNABORTED/) });
    expect(suite.sandbox.requests[0].status).toBe(0);
    expect((await suite.api.get(jobs())).status).toBe(200);
  });

  it("afterHandling: the write happens, the answer fails (so a client must not replay the POST)", async () => {
    const before = suite.sandbox.db.count("customers");
    suite.sandbox.faults.add({ method: "POST", path: path(suite.sandbox, "crm", "customers"), status: 502, afterHandling: true });
    const res = await suite.api.post(path(suite.sandbox, "crm", "customers"), newCustomer);
    expect(res.status).toBe(502);
    expect(suite.sandbox.db.count("customers")).toBe(before + 1);
    expect(suite.sandbox.db.all("customers").pop()!.name).toBe("Fault Tolerant LLC");
    expect(suite.sandbox.requests[0]).toMatchObject({ method: "POST", status: 502, operationId: "Customers_Create" });
  });

  it("adds latency to every API answer", async () => {
    suite.sandbox.setLatency(1500);
    try {
      await expect(suite.api.get(jobs(), { timeout: 100 })).rejects.toMatchObject({ code: "ECONNABORTED" });
    } finally {
      suite.sandbox.setLatency(0);
    }
    expect((await suite.api.get(jobs(), { timeout: 1000 })).status).toBe(200);
  });

  it("applies faults to the token endpoint only when they name its path", async () => {
    const { clientId, clientSecret } = suite.sandbox.credentials;
    const form = () => new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    const token = () => suite.api.post(new URL(suite.sandbox.tokenUrl).pathname, form());
    suite.sandbox.faults.add({ status: 500 }); // no path: API requests only
    suite.sandbox.faults.add({ path: new URL(suite.sandbox.tokenUrl).pathname, status: 429, headers: { "Retry-After": "3" } });
    const throttled = await token();
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("3");
    expect(throttled.data).toEqual({ error: "temporarily_unavailable" });
    const granted = await token();
    expect(granted.status).toBe(200);
    expect(granted.data.access_token).toEqual(expect.any(String));
    expect(suite.sandbox.tokenRequests).toBe(2);
    expect((await suite.api.get(jobs())).status).toBe(500); // the path-less fault was still waiting for an API request
  });

  it("measures the busiest sliding window exactly", async () => {
    for (let i = 0; i < 5; i++) await suite.api.get(jobs(), { params: { pageSize: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    for (let i = 0; i < 3; i++) await suite.api.get(jobs(), { params: { pageSize: 1 } });
    expect(suite.sandbox.maxRequestsPerWindow()).toBe(5);
    expect(suite.sandbox.maxRequestsPerWindow(60_000)).toBe(8);
    const times = suite.sandbox.requests.map((r) => r.at);
    expect(suite.sandbox.maxRequestsPerWindow(times[4] - times[0] + 1)).toBe(5);
  });
});

describe("sandbox rate limit", () => {
  const suite = useSandbox({ rateLimitPerSecond: 5 });

  it("answers 429 with Retry-After beyond N requests per sliding second, then recovers", async () => {
    const api = await connect(suite.sandbox);
    const jobs = path(suite.sandbox, "jpm", "jobs");
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.get(jobs, { params: { pageSize: 1 } })));
    const limited = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(3);
    expect(limited[0].headers["retry-after"]).toBe("1");
    expect(limited[0].data.title).toBe("Too many requests. Try again in 1 seconds.");
    expect(suite.sandbox.maxRequestsPerWindow()).toBe(8);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await api.get(jobs)).status).toBe(200);
  });
});
