/** Types of test/setup/quietEnvironment.js. */
export function holdConsole(console: Record<string, (...args: unknown[]) => unknown>): { flush(print: boolean): void };
