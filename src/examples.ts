import type { OperationKey } from "./client";
import generated from "./generated/examples.json";

/**
 * An action's example payload: `{ data: <the operation's success response> }`, built from the spec's response
 * schema by `npm run generate`, so it has exactly the shape ServiceTitan returns.
 */
export const exampleOf = (operation: OperationKey): { data: unknown } => ({
  data: (generated as Record<string, unknown>)[operation] ?? {},
});
