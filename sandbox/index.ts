/**
 * A local ServiceTitan API simulator on 127.0.0.1 for tests, the demo and benchmarks. See README.md.
 *
 *   const sandbox = await startSandbox();
 *   // token: POST sandbox.tokenUrl; API: `${sandbox.url}/jpm/v2/tenant/${sandbox.credentials.tenant}/jobs`
 *   await sandbox.close();
 */
import { loadSpec } from "./spec";
import { Store } from "./store";
import { SandboxServer } from "./server";
import { seedDemo } from "./seed";
import { COLLECTIONS, TENANT_ID } from "./resources";
import { FEED_SEED_RECORDS, feedCollections } from "./generic";
import { HANDLERS, MODULES } from "./handlers";
import type { Sandbox, SandboxOptions } from "./types";

export * from "./types";
export { DEMO_BOOKING_PROVIDER_ID, OTHER_BOOKING_PROVIDER_ID, DEMO_START } from "./seed";
export { loadSpec } from "./spec";

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const spec = await loadSpec();
  // Collections the modules declare (built from the spec), then one per export feed nobody simulates (generic.ts).
  const byModule = Object.values(MODULES).map((module) => ({ module, defs: module.collections?.(spec) ?? [] }));
  const declared = byModule.flatMap(({ defs }) => defs);
  const generic = feedCollections(
    spec.all().filter((op) => !HANDLERS[op.module]?.[op.operationId]),
    new Set([...Object.keys(COLLECTIONS), ...declared.map((def) => def.name)]),
  );
  const store = new Store([...declared, ...generic]);
  if (options.clock) store.fixWallClock(options.clock);
  if ((options.seed ?? "demo") === "demo") {
    seedDemo(store);
    for (const { module, defs } of byModule) {
      if (module.seed) module.seed(store);
      else for (const def of defs) store.bulkInsert(def.name, FEED_SEED_RECORDS);
    }
    for (const def of generic) store.bulkInsert(def.name, FEED_SEED_RECORDS);
  }
  const server = new SandboxServer(store, spec, {
    tenant: String(TENANT_ID),
    pageSizeCap: options.pageSizeCap ?? 5000,
    latencyMs: options.latencyMs ?? 0,
    rateLimitPerSecond: options.rateLimitPerSecond,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 900,
    exportPageSize: options.exportPageSize ?? 500,
    serveInfo: options.serveInfo ?? false,
    onRequest: options.onRequest,
  });
  await server.listen(options.port ?? 0);
  return server;
}
