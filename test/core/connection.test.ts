import { ConnectionError } from "@prismatic-io/spectral";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { ENVIRONMENTS, resolveConnection, serviceTitanConnection } from "../../src/connection";
import { runAction, sandboxConnection, useSandbox } from "../support";

const fields = {
  tokenUrl: ENVIRONMENTS.production.tokenUrl,
  clientId: "cid.abc",
  clientSecret: "cs-very-secret",
  tenant: "123456",
  applicationKey: "ak-very-secret",
  environment: "production",
};
const connectionWith = (overrides: Record<string, unknown>) => createConnection(serviceTitanConnection, { ...fields, ...overrides });
const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionError);
    return (error as Error).message;
  }
  throw new Error("expected a ConnectionError");
};

describe("connection", () => {
  it("declares the OAuth 2.0 client-credentials inputs Prismatic requires plus tenant, app key and environment", () => {
    expect(serviceTitanConnection.oauth2Type).toBe("client_credentials");
    expect(Object.keys(serviceTitanConnection.inputs)).toEqual(
      expect.arrayContaining(["tokenUrl", "scopes", "clientId", "clientSecret", "tenant", "applicationKey", "environment", "baseUrl"]),
    );
    expect(serviceTitanConnection.inputs.clientSecret.type).toBe("password");
    expect(serviceTitanConnection.inputs.applicationKey.type).toBe("password");
    expect(serviceTitanConnection.inputs.scopes.shown).toBe(false);
  });

  it("derives the production and integration API hosts", () => {
    expect(resolveConnection(connectionWith({})).apiHost).toBe("https://api.servicetitan.io");
    const integration = resolveConnection(connectionWith({ environment: "integration", tokenUrl: ENVIRONMENTS.integration.tokenUrl }));
    expect(integration.apiHost).toBe("https://api-integration.servicetitan.io");
  });

  it("refuses a non-numeric tenant and says what a tenant id looks like", () => {
    const message = messageOf(() => resolveConnection(connectionWith({ tenant: "acme-hvac" })));
    expect(message).toMatch(/Tenant ID must be the numeric ServiceTitan tenant id/);
    expect(message).toContain('"acme-hvac"');
  });

  it("refuses a token URL of one environment with the other environment, naming both fixes", () => {
    const message = messageOf(() => resolveConnection(connectionWith({ tokenUrl: ENVIRONMENTS.integration.tokenUrl })));
    expect(message).toMatch(/belongs to the integration environment but Environment is "production"/);
    expect(message).toContain('Set Environment to "integration"');
    expect(message).toContain(ENVIRONMENTS.production.tokenUrl);
  });

  it("refuses a Token URL that is not a URL, naming the one to use, before any token request", () => {
    const message = messageOf(() => resolveConnection(connectionWith({ tokenUrl: "auth.servicetitan" })));
    expect(message).toMatch(
      /Token URL must be a URL such as https:\/\/auth\.servicetitan\.io\/connect\/token; "auth\.servicetitan" is not/,
    );
  });

  it("refuses an API host override of the other environment", () => {
    const message = messageOf(() =>
      resolveConnection(
        connectionWith({
          environment: "integration",
          tokenUrl: ENVIRONMENTS.integration.tokenUrl,
          baseUrl: ENVIRONMENTS.production.apiHost,
        }),
      ),
    );
    expect(message).toMatch(/is the production API host but Environment is "integration"/);
  });

  it("never puts the client secret or app key in a connection error", () => {
    const message = messageOf(() => resolveConnection(connectionWith({ tenant: "x", requestTimeoutSeconds: "abc" })));
    expect(message).not.toContain(fields.clientSecret);
    expect(message).not.toContain(fields.applicationKey);
  });

  describe("through an action", () => {
    const ctx = useSandbox();

    it("fails before any request when the tenant is not numeric", async () => {
      const before = ctx.sandbox.requests.length;
      const tokensBefore = ctx.sandbox.tokenRequests;
      await expect(runAction("getJob", { connection: sandboxConnection(ctx.sandbox, { tenant: "12ab" }), id: "1" })).rejects.toThrow(
        /Tenant ID must be the numeric/,
      );
      expect(ctx.sandbox.requests.length).toBe(before);
      expect(ctx.sandbox.tokenRequests).toBe(tokensBefore);
    });

    it("turns a wrong client secret into a ConnectionError without echoing the secret", async () => {
      const connection = sandboxConnection(ctx.sandbox, { clientSecret: "wrong-secret-value" });
      const error = await runAction("getJob", { connection, id: "1" }).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.message).toMatch(/Could not get an access token/);
      expect(error.message).not.toContain("wrong-secret-value");
    });
  });
});
