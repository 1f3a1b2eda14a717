/** Public types of the sandbox (see README.md). */
import type { SandboxDb } from "./store";

export type { SandboxDb, SandboxRecord, CollectionName, BulkInsertResult, StoreSnapshot } from "./store";

export interface SandboxOptions {
  /** Largest page the server grants (default 5000); larger requests get this many and `pageSize` echoes it. */
  pageSizeCap?: number;
  /** Added to every API response (default 0); also settable later via setLatency. */
  latencyMs?: number;
  /** When set, more than N API requests in any 1000 ms sliding window answer 429 (default: only counted). */
  rateLimitPerSecond?: number;
  /** Token lifetime (default 900). */
  tokenTtlSeconds?: number;
  /** "demo" (default): the deterministic data set described in README.md; "empty": reference-free start. */
  seed?: "demo" | "empty";
  /**
   * A fixed wall clock (ISO date-time) for the whole run: seeding and every write read it instead of the real
   * time, so two runs give the same data (npm run examples). Default: the real clock.
   */
  clock?: string;
  /** Records per export-feed page (default 500). */
  exportPageSize?: number;
  /** Port on 127.0.0.1 (default 0: a free one). npm run sandbox uses a fixed one so the runner finds it. */
  port?: number;
  /**
   * Serve GET /sandbox/info (URL, token URL, credentials, request and violation counts) so a separate process, the
   * local runner, can use this sandbox. Off by default: tests share the sandbox object itself.
   */
  serveInfo?: boolean;
  /** Called once each API request is answered (npm run sandbox logs them). */
  onRequest?: (request: RecordedRequest) => void;
}

/** What GET /sandbox/info answers (serveInfo). */
export interface SandboxInfo {
  url: string;
  tokenUrl: string;
  credentials: { clientId: string; clientSecret: string; appKey: string; tenant: string };
  requests: number;
  violations: SpecViolation[];
}

export interface Fault {
  method?: string;
  /**
   * Exact path (without query) or a RegExp tested against it; omitted = any API request. The token endpoint
   * (`/connect/token`) only takes faults whose path matches it explicitly.
   */
  path?: string | RegExp;
  /** Query values the request must carry (e.g. `{ page: "6" }` to fail one page of a list); omitted = any. */
  query?: Record<string, string>;
  /** Answer with this status instead of handling (or after handling, with afterHandling). */
  status?: number;
  headers?: Record<string, string>;
  /** Body of the faulty answer; default an RFC 7807 problem with `status`. */
  body?: unknown;
  /** Wait before answering (or before handling when no status is given). */
  delayMs?: number;
  /** Destroy the socket without any response. */
  dropSocket?: boolean;
  /** Run the real handler first (state changes), then answer with `status`. */
  afterHandling?: boolean;
  /** How many matching requests this fault consumes (default 1). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  /** Final HTTP status; 0 when the socket was dropped by a fault. */
  status: number;
  /** Arrival time, ms since epoch. */
  at: number;
  operationId?: string;
}

export interface SpecViolation {
  method: string;
  path: string;
  operationId?: string;
  errors: string[];
}

export interface Sandbox {
  url: string;
  tokenUrl: string;
  credentials: { clientId: string; clientSecret: string; appKey: string; tenant: string };
  db: SandboxDb;
  faults: { add(fault: Fault): void; clear(): void };
  requests: RecordedRequest[];
  tokenRequests: number;
  violations: SpecViolation[];
  maxRequestsPerWindow(windowMs?: number): number;
  resetStats(): void;
  expireTokens(): void;
  setLatency(ms: number): void;
  setPageSizeCap(n: number): void;
  close(): Promise<void>;
}
