import { runAction, runDataSource, useSandbox } from "../support";

type Ctx = ReturnType<typeof useSandbox>;

/** Actions and data sources of one suite's sandbox, plus the checks every resource test repeats. */
export const actionsOn = (ctx: Ctx) => {
  const run = async <T = any>(key: string, params: Record<string, unknown> = {}): Promise<T> =>
    ((await runAction(key, { connection: ctx.connection, ...params })) as { data: T }).data;

  /** Records the sandbox received for this path (after the tenant), e.g. `calls("PATCH", "/jobs/10001")`. */
  const calls = (method: string, pathEnd: string) =>
    ctx.sandbox.requests.filter((r) => r.method === method && r.path.endsWith(`/tenant/${ctx.sandbox.credentials.tenant}${pathEnd}`));

  /** The one request an action just sent (asserts there was exactly one). */
  const only = <T = any>(method: string, pathEnd: string) => {
    const matching = calls(method, pathEnd);
    expect(matching).toHaveLength(1);
    return matching[0] as (typeof matching)[number] & { body: T };
  };

  /** The action fails with an error naming the input, and nothing reached the sandbox (not even a token request). */
  const expectRefused = async (key: string, params: Record<string, unknown>, message: RegExp) => {
    const requests = ctx.sandbox.requests.length;
    const tokens = ctx.sandbox.tokenRequests;
    await expect(run(key, params)).rejects.toThrow(message);
    expect(ctx.sandbox.requests).toHaveLength(requests);
    expect(ctx.sandbox.tokenRequests).toBe(tokens);
  };

  /** The error an action fails with. */
  const failure = async (key: string, params: Record<string, unknown>): Promise<Error & { status?: number }> => {
    try {
      await run(key, params);
    } catch (error) {
      return error as Error & { status?: number };
    }
    throw new Error(`${key} did not fail`);
  };

  const picklist = async (key: string, params: Record<string, unknown> = {}) =>
    ((await runDataSource(key, { connection: ctx.connection, ...params })) as { result: Array<{ key: string; label: string }> }).result;

  const secrets = () => [ctx.sandbox.credentials.clientSecret, ctx.sandbox.credentials.appKey];

  return { run, calls, only, expectRefused, failure, picklist, secrets };
};

/** A run context with debug logging on (spectral also reports metrics through the logger) and the lines logged. */
export const debugContext = () => {
  const lines: string[] = [];
  const log = (...a: unknown[]) => lines.push(a.join(" "));
  return {
    lines,
    context: { globalDebug: true, logger: { debug: log, info: log, warn: log, error: log, metric: () => undefined } } as never,
  };
};
