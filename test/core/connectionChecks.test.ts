import { ConnectionError } from "@prismatic-io/spectral";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { createServer, Socket } from "net";
import { createClient } from "../../src/client";
import { clearTokenCache } from "../../src/client/token";
import { ENVIRONMENTS, resolveConnection, serviceTitanConnection } from "../../src/connection";

/** The connection's own checks: what they refuse before any request, and what an unreachable token host says. */
const fields = {
  tokenUrl: ENVIRONMENTS.production.tokenUrl,
  clientId: "cid.abc",
  clientSecret: "cs-very-secret",
  tenant: "123456",
  applicationKey: "ak-very-secret",
  environment: "production",
};
const connectionWith = (overrides: Record<string, unknown>) => createConnection(serviceTitanConnection, { ...fields, ...overrides });
const refusal = (overrides: Record<string, unknown>): string => {
  try {
    resolveConnection(connectionWith(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(overrides)} to be refused`);
};

/** A port on this machine where nothing listens. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe("connection checks", () => {
  beforeEach(() => clearTokenCache());

  it("refuses an http:// Token URL, which would send the client secret in clear", () => {
    const message = refusal({ tokenUrl: "http://auth.servicetitan.io/connect/token" });
    expect(message).toMatch(/Token URL must use https:\/\//);
    expect(message).not.toContain(fields.clientSecret);
  });

  it.each(["http://127.0.0.1:8080/connect/token", "http://localhost:8080/connect/token", "http://[::1]:8080/connect/token"])(
    "accepts an http:// Token URL on this machine (a local simulator): %s",
    (tokenUrl) => {
      expect(resolveConnection(connectionWith({ tokenUrl })).tokenUrl).toBe(tokenUrl);
    },
  );

  it("refuses an http:// API Base URL Override on another machine (the token and app key would go in clear)", () => {
    expect(refusal({ baseUrl: "http://proxy.example.com" })).toMatch(/API Base URL Override must use https:\/\//);
    expect(resolveConnection(connectionWith({ baseUrl: "http://127.0.0.1:4010" })).apiHost).toBe("http://127.0.0.1:4010");
  });

  it("sees a Token URL of the other environment whatever its letter case", () => {
    const message = refusal({ tokenUrl: "HTTPS://Auth-Integration.ServiceTitan.io/connect/token" });
    expect(message).toMatch(/belongs to the integration environment but Environment is "production"/);
    expect(
      refusal({ environment: "integration", tokenUrl: ENVIRONMENTS.integration.tokenUrl, baseUrl: "https://API.ServiceTitan.io" }),
    ).toMatch(/is the production API host but Environment is "integration"/);
  });

  it("refuses a tenant id beyond a 64-bit integer, and accepts the largest one", () => {
    expect(refusal({ tenant: "9223372036854775808" })).toMatch(/Tenant ID/);
    expect(resolveConnection(connectionWith({ tenant: "9223372036854775807" })).tenant).toBe("9223372036854775807");
  });

  it.each([
    ["a host that does not exist (ENOTFOUND)", async () => "https://auth.servicetitan.invalid/connect/token"],
    ["a host where nothing answers (ECONNREFUSED)", async () => `http://127.0.0.1:${await closedPort()}/connect/token`],
  ])("a Token URL pointing at %s says the Token URL looks wrong, at once", async (_case, tokenUrl) => {
    const url = await tokenUrl();
    const client = createClient(connectionWith({ tokenUrl: url, baseUrl: "http://127.0.0.1:9" }));
    // Every attempt opens a socket: one connection means the token request was not retried as if the service were busy.
    const connects = jest.spyOn(Socket.prototype, "connect");
    try {
      const error = await client.request("GET /jpm/v2/tenant/{tenant}/jobs").catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.message).toMatch(/Token URL .*looks wrong/);
      expect(error.message).toContain(url);
      expect(error.message).not.toMatch(/busy|run the step again later/);
      expect(connects).toHaveBeenCalledTimes(1);
    } finally {
      connects.mockRestore();
    }
  });
});
