/** Types of scripts/demo.js (npm start). */
export const USES: { actions: string[]; dataSources: string[]; triggers: string[] };
export function missingKeys(component: Record<string, Record<string, unknown> | undefined>): string[];
export function main(
  argv: string[],
  io?: { stdout?: { isTTY?: boolean; write(text: string): unknown }; env?: Record<string, string | undefined> },
): Promise<number>;
