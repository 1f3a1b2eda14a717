import type { SandboxOptions } from "../../sandbox";
import { runAction, runDataSource, useSandbox } from "../support";

/**
 * One sandbox per suite plus the calls every resource-B test makes: actions and data sources through the harness
 * (inputs' clean and the error hook apply), the last request the sandbox saw, and "bad input fails before sending".
 */
export const resourceSuite = (options: SandboxOptions = {}) => {
  const ctx = useSandbox(options);
  const act = (key: string, params: Record<string, unknown> = {}) =>
    runAction(key, { connection: ctx.connection, ...params }) as Promise<{ data: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const source = (key: string, params: Record<string, unknown> = {}) =>
    runDataSource(key, { connection: ctx.connection, ...params }) as Promise<{ result: Array<{ key: string; label: string }> }>;
  const requests = () => ctx.sandbox.requests;
  const lastRequest = () => ctx.sandbox.requests[ctx.sandbox.requests.length - 1];
  const tenant = () => ctx.sandbox.credentials.tenant;

  /** The action fails with an error naming `input`, and the sandbox saw no request at all. */
  const rejectsBeforeSending = async (run: () => Promise<unknown>, input: string) => {
    const before = ctx.sandbox.requests.length;
    const error = await run().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeDefined();
    expect(error!.message).toContain(`Input "${input}`);
    expect(ctx.sandbox.requests.length).toBe(before);
  };
  const failure = (run: Promise<unknown>) =>
    run.then(
      () => {
        throw new Error("expected the call to fail");
      },
      (e: Error) => e,
    );

  return { ctx, act, source, requests, lastRequest, tenant, rejectsBeforeSending, failure };
};
