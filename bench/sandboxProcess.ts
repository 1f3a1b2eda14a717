/**
 * The sandbox in a process of its own, driven over IPC by bench/run.ts. On 2 cores this keeps the server's work
 * (filtering, serialising 5,000-record pages) off the client's event loop and out of its memory readings, as a
 * remote ServiceTitan would be.
 */
import { startSandbox, type CollectionName, type Sandbox, type SandboxOptions } from "../sandbox";
import type { Store } from "../sandbox/store";

let sandbox: Sandbox;

export const commands = {
  start: async (options: SandboxOptions) => {
    sandbox = await startSandbox(options);
    return { url: sandbox.url, tokenUrl: sandbox.tokenUrl, credentials: sandbox.credentials };
  },
  bulkInsert: (collection: CollectionName, count: number) => sandbox.db.bulkInsert(collection, count),
  truncate: (collection: CollectionName) => (sandbox.db as unknown as Store).truncate(collection),
  /** The collections list requests read since the last call (which collection backs a dropdown), and the filters the
   * first of those requests carried (a dropdown's fixed query, for the reference pager to send the same). */
  takeListed: () => {
    const store = sandbox.db as unknown as Store;
    const listed = [...store.listed];
    store.listed.clear();
    const { page: _p, pageSize: _s, includeTotal: _t, sort: _o, ...filters } = sandbox.requests[0]?.query ?? {};
    sandbox.resetStats();
    return { listed, filters };
  },
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
