/**
 * What the accounting, payroll and timesheets suites share: a table of calls (each action once, with the request it
 * must send), a sweep proving every new action refuses a bad input before any request, and a sweep over the new
 * dropdowns. Each suite has its own sandbox (useSandbox fails it on any spec violation).
 */
import component from "../../src";
import { actionOperations } from "../../src/resources";
import { actionsOn } from "../resources-a/helpers";
import { useSandbox } from "../support";

type Ctx = ReturnType<typeof useSandbox>;
type Input = { key: string; label: string | { value: string }; required?: boolean; type: string; collection?: string };

export interface Call {
  key: string;
  params?: Record<string, unknown> | (() => Record<string, unknown>);
  method: string;
  /** The path after /tenant/{tenant}. */
  path: string | (() => string);
  query?: Record<string, unknown> | (() => Record<string, unknown>);
  body?: unknown | (() => unknown);
  /** What the answer or the sandbox's state must show afterwards. */
  check?: (data: any) => void | Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const financeSuite = (ctx: Ctx) => {
  const helpers = actionsOn(ctx);

  /** Runs the call and checks the one request it sent: verb, path, query and body exactly. */
  const runCall = async (call: Call) => {
    ctx.sandbox.resetStats();
    const params = typeof call.params === "function" ? call.params() : (call.params ?? {});
    const data = await helpers.run(call.key, params);
    const path = typeof call.path === "function" ? call.path() : call.path;
    const sent = helpers.calls(call.method, path);
    expect(sent).toHaveLength(1);
    expect(ctx.sandbox.requests.every((r) => r.status < 400)).toBe(true);
    if (call.query) expect(sent[0].query).toEqual(typeof call.query === "function" ? call.query() : call.query);
    if (call.body !== undefined) expect(sent[0].body).toEqual(typeof call.body === "function" ? call.body() : call.body);
    await call.check?.(data);
    return data;
  };
  return { ...helpers, runCall, db: () => ctx.sandbox.db };
};

/** The action keys whose operation lies in one of these API modules (the suite's scope). */
export const actionsOfModules = (...modules: string[]) =>
  Object.entries(actionOperations)
    .filter(([, operation]) => modules.some((m) => operation.split(" ")[1].startsWith(`/${m}/`)))
    .map(([key]) => key);

const labelOf = (input: Input) => (typeof input.label === "string" ? input.label : input.label.value);

/**
 * One bad input per action, refused by name before any request: a list gets a Page Size that is not a number, an
 * action with required inputs gets none of them, the others (mark as exported …) get nothing to act on.
 */
export const badInputFor = (key: string): { params: Record<string, unknown>; message: RegExp } => {
  const inputs = (component.actions[key].inputs as unknown as Input[]).filter((i) => i.type !== "connection");
  const required = inputs.filter((i) => i.required && !(i as { default?: string }).default);
  if (required.length) {
    const labels = required.map((i) => labelOf(i).replace(/[()]/g, "\\$&")).join("|");
    return { params: {}, message: new RegExp(`Input "(${labels})"`) };
  }
  if (inputs.some((i) => i.key === "pageSize"))
    return { params: { pageSize: "fifty" }, message: /Input "Page Size": "fifty" is not a whole number/ };
  if (inputs.some((i) => i.key === "from"))
    return { params: { from: "2024-13-45" }, message: /Input "From": "2024-13-45" looks like a date but is not/ };
  const ids = inputs.find((i) => / IDs?$/.test(labelOf(i)));
  if (ids) return { params: {}, message: new RegExp(`Input "${labelOf(ids)}"`) };
  throw new Error(`${key}: no bad input to try`);
};
