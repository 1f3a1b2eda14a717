import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { clearTokenCache } from "../src/client/token";
import { serviceTitanConnection } from "../src/connection";
import { startSandbox, type Sandbox, type SandboxOptions } from "../sandbox";

export const harness = createHarness(component);

/** A connection value pointing at the sandbox, as Prismatic would hand it to an action (no platform token: the core fetches one). */
export const sandboxConnection = (sandbox: Sandbox, fields: Record<string, unknown> = {}, token: Record<string, unknown> = {}) =>
  createConnection(
    serviceTitanConnection,
    {
      tokenUrl: sandbox.tokenUrl,
      clientId: sandbox.credentials.clientId,
      clientSecret: sandbox.credentials.clientSecret,
      tenant: sandbox.credentials.tenant,
      applicationKey: sandbox.credentials.appKey,
      environment: "integration",
      baseUrl: sandbox.url,
      requestTimeoutSeconds: "10",
      ...fields,
    },
    token,
  );

/**
 * Starts a sandbox for the suite and fails the suite if any request broke the OpenAPI spec (unless the test
 * meant to: call `expectViolations()` to take them).
 */
export const useSandbox = (options: SandboxOptions = {}) => {
  const ctx = {} as { sandbox: Sandbox; connection: ReturnType<typeof sandboxConnection> };
  beforeAll(async () => {
    ctx.sandbox = await startSandbox(options);
    ctx.connection = sandboxConnection(ctx.sandbox);
  });
  beforeEach(() => clearTokenCache());
  afterAll(async () => {
    const violations = ctx.sandbox?.violations ?? [];
    await ctx.sandbox?.close();
    expect(violations).toEqual([]);
  });
  return ctx;
};

/** Runs an action through the harness (input clean functions and the error hook apply). */
export const runAction = (key: string, params: Record<string, unknown>, context?: Parameters<typeof harness.action>[2]) =>
  harness.action(key, params, context);
export const runDataSource = (key: string, params: Record<string, unknown>) => harness.dataSource(key, params);
