import { actionsOn } from "../resources-a/helpers";
import type { useSandbox } from "../support";

type Ctx = ReturnType<typeof useSandbox>;

/** What the module suites share: one call and the one request it sent, refusals, dropdowns. */
export const moduleSuite = (ctx: Ctx) => {
  const actions = actionsOn(ctx);

  /** Runs an action on fresh stats and returns its data with the one request it sent (asserted: verb and path end). */
  const call = async <T = any>(key: string, params: Record<string, unknown>, method: string, pathEnd: string) => {
    ctx.sandbox.resetStats();
    const data = await actions.run<T>(key, params);
    return { data, request: actions.only(method, pathEnd) };
  };

  /** A dropdown's options: at least one, every label non-empty and every key an id. */
  const options = async (key: string, params: Record<string, unknown> = {}) => {
    const result = await actions.picklist(key, params);
    expect(result.length).toBeGreaterThan(0);
    for (const option of result) {
      expect(option.label.trim()).not.toBe("");
      expect(option.key).toMatch(/^\d+$/);
    }
    return result;
  };

  return { ...actions, call, options, db: () => ctx.sandbox.db };
};
