import axios from "axios";
import { connect, fetchToken, path, useSandbox } from "./helpers";

describe("sandbox auth", () => {
  const suite = useSandbox({ tokenTtlSeconds: 1 });
  beforeEach(() => suite.sandbox.resetStats());

  const jobs = () => `${suite.sandbox.url}${path(suite.sandbox, "jpm", "jobs")}`;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it("issues client-credentials tokens and counts token calls apart from API requests", async () => {
    const { clientId, clientSecret } = suite.sandbox.credentials;
    const { status, data } = await axios.post(
      suite.sandbox.tokenUrl,
      form({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    );
    expect(status).toBe(200);
    expect(data).toEqual({ access_token: expect.any(String), expires_in: 1, token_type: "Bearer", scope: expect.any(String) });
    expect(suite.sandbox.tokenRequests).toBe(1);
    expect(suite.sandbox.requests).toHaveLength(0);
    expect(suite.sandbox.credentials.tenant).toMatch(/^\d+$/);
    expect(suite.sandbox.tokenUrl).toBe(`${suite.sandbox.url}/connect/token`);
  });

  it("rejects wrong client credentials and grant types", async () => {
    const { clientId } = suite.sandbox.credentials;
    const wrongSecret = await axios.post(
      suite.sandbox.tokenUrl,
      form({ grant_type: "client_credentials", client_id: clientId, client_secret: "nope" }),
      { validateStatus: () => true },
    );
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.data).toEqual({ error: "invalid_client" });
    const wrongGrant = await axios.post(suite.sandbox.tokenUrl, form({ grant_type: "password", client_id: clientId }), {
      validateStatus: () => true,
    });
    expect(wrongGrant.status).toBe(400);
    expect(wrongGrant.data).toEqual({ error: "unsupported_grant_type" });
  });

  it("answers 401 RFC 7807 without a token, with an unknown token or without the app key", async () => {
    const noToken = await axios.get(jobs(), { headers: { "ST-App-Key": suite.sandbox.credentials.appKey }, validateStatus: () => true });
    expect(noToken.status).toBe(401);
    expect(noToken.data).toMatchObject({ status: 401, title: expect.any(String), traceId: expect.any(String), errors: {}, data: {} });

    const badToken = await axios.get(jobs(), {
      headers: { Authorization: "Bearer forged", "ST-App-Key": suite.sandbox.credentials.appKey },
      validateStatus: () => true,
    });
    expect(badToken.status).toBe(401);

    const token = await fetchToken(suite.sandbox);
    const noAppKey = await axios.get(jobs(), { headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true });
    expect(noAppKey.status).toBe(401);
    expect(noAppKey.data.title).toMatch(/ST-App-Key/);
    const wrongAppKey = await axios.get(jobs(), {
      headers: { Authorization: `Bearer ${token}`, "ST-App-Key": "ak1.wrong" },
      validateStatus: () => true,
    });
    expect(wrongAppKey.status).toBe(401);
  });

  it("expires tokens after tokenTtlSeconds", async () => {
    const api = await connect(suite.sandbox);
    expect((await api.get(jobs())).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await api.get(jobs())).status).toBe(401);
  });

  it("expireTokens() invalidates every issued token", async () => {
    const api = await connect(suite.sandbox);
    expect((await api.get(jobs())).status).toBe(200);
    suite.sandbox.expireTokens();
    expect((await api.get(jobs())).status).toBe(401);
    const fresh = await connect(suite.sandbox);
    expect((await fresh.get(jobs())).status).toBe(200);
  });

  it("answers 403 for a tenant the app is not authorized for", async () => {
    const api = await connect(suite.sandbox);
    const res = await api.get("/jpm/v2/tenant/999/jobs");
    expect(res.status).toBe(403);
    expect(res.data.title).toMatch(/tenant 999/);
    expect(suite.sandbox.violations).toHaveLength(0);
  });

  it("never records credentials", async () => {
    const api = await connect(suite.sandbox);
    await api.get(jobs(), { params: { pageSize: 1 } });
    await api.post(path(suite.sandbox, "jpm", "jobs"), { customerId: "x" });
    const recorded = JSON.stringify([suite.sandbox.requests, suite.sandbox.violations]);
    const token = String(api.defaults.headers.Authorization).replace("Bearer ", "");
    for (const secret of [token, suite.sandbox.credentials.appKey, suite.sandbox.credentials.clientSecret])
      expect(recorded).not.toContain(secret);
    expect(suite.sandbox.requests.map((r) => r.status)).toEqual([200, 400]);
  });
});
