import type { SandboxDb } from "../../sandbox";
import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

type Ctx = ReturnType<typeof useSandbox>;

/** One action call of a table: what it sends, and what it changed. */
export interface Case {
  key: string;
  /** The inputs, or a function giving them when they depend on an earlier case (an id it created). */
  params: Record<string, unknown> | (() => Record<string, unknown>);
  method: string;
  /** The path after /tenant/{tenant} (a function when it holds a created id). */
  path: string | (() => string);
  query?: Record<string, unknown>;
  /** The exact body sent (`undefined`: not checked). */
  body?: unknown;
  /** What the result and the sandbox's state must show afterwards. */
  check?: (result: any, db: SandboxDb) => void | Promise<void>;
}

/**
 * Runs a table of cases in order (later cases may use what earlier ones created): each sends exactly one request,
 * to the expected verb and path, with the expected query and body, and its effect is checked.
 */
export const runCases = (ctx: Ctx, cases: Case[]) => {
  const { run, only } = actionsOn(ctx);
  it.each(cases.map((c) => [c.key, c] as const))("%s", async (_key, c) => {
    ctx.sandbox.resetStats();
    const result = await run(c.key, typeof c.params === "function" ? c.params() : c.params);
    const request = only(c.method, typeof c.path === "function" ? c.path() : c.path);
    expect(request.status).toBeLessThan(400);
    if (c.query !== undefined) expect(request.query).toEqual(c.query);
    if (c.body !== undefined) expect(request.body).toEqual(c.body);
    await c.check?.(result, ctx.sandbox.db);
  });
};

/** Every dropdown of the table returns records, each with a non-empty label. */
export const checkDropdowns = (ctx: Ctx, dropdowns: Array<[string, Record<string, unknown>?, RegExp?]>) => {
  const { picklist } = actionsOn(ctx);
  it.each(dropdowns.map(([key, params, label]) => [key, params ?? {}, label] as const))("dropdown %s", async (key, params, label) => {
    const options = await picklist(key, params);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      expect(option.key).toMatch(/^\d+$/);
      expect(option.label.trim()).not.toBe("");
    }
    if (label) expect(options.map((o) => o.label)).toContainEqual(expect.stringMatching(label));
  });
};
