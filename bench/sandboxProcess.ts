/**
 * The sandbox in a process of its own, driven over IPC by bench/run.ts. On 2 cores this keeps the server's work
 * (filtering, serialising 5,000-record pages) off the client's event loop and out of its memory readings, as a
 * remote ServiceTitan would be.
 */
import { startSandbox, type CollectionName, type Sandbox, type SandboxOptions } from "../sandbox";

let sandbox: Sandbox;

export const commands = {
  start: async (options: SandboxOptions) => {
    sandbox = await startSandbox(options);
    return { url: sandbox.url, tokenUrl: sandbox.tokenUrl, credentials: sandbox.credentials };
  },
  bulkInsert: (collection: CollectionName, count: number) => sandbox.db.bulkInsert(collection, count),
  setLatency: (ms: number) => sandbox.setLatency(ms),
  setPageSizeCap: (n: number) => sandbox.setPageSizeCap(n),
  /** What the server saw since the last call, then a clean slate for the next run. */
  takeStats: () => {
    const stats = {
      requests: sandbox.requests.length,
      maxPerSecond: sandbox.maxRequestsPerWindow(1000),
      violations: sandbox.violations.map((v) => `${v.method} ${v.path}: ${v.errors.join("; ")}`),
    };
    sandbox.resetStats();
    return stats;
  },
  close: () => sandbox.close(),
};
export type Commands = typeof commands;

process.on("message", async ({ id, command, args }: { id: number; command: keyof Commands; args: unknown[] }) => {
  try {
    const result = await (commands[command] as (...a: unknown[]) => unknown)(...args);
    process.send!({ id, result });
  } catch (error) {
    process.send!({ id, error: error instanceof Error ? error.stack : String(error) });
  }
});
