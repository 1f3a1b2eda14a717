/**
 * The HTTP side: token endpoint, then for every API request recording, rate limiting, latency, scripted
 * faults, auth, spec validation, tenant check and the handler, answering RFC 7807 problems throughout.
 */
import http, { type IncomingMessage, type ServerResponse } from "http";
import type { AddressInfo, Socket } from "net";
import { randomBytes } from "crypto";
import type { Fault, RecordedRequest, Sandbox, SandboxInfo, SpecViolation } from "./types";
import type { Spec } from "./spec";
import { Store } from "./store";
import { HANDLERS, FILES_PREFIX, type HandlerResult, type UploadedFile } from "./handlers";
import { HttpError, problem, SPEC_VIOLATION_TITLE, type FieldErrors } from "./problem";
import { parseMultipart } from "./multipart";
import { genericHandler } from "./generic";

export interface ServerSettings {
  tenant: string;
  pageSizeCap: number;
  latencyMs: number;
  rateLimitPerSecond?: number;
  tokenTtlSeconds: number;
  exportPageSize: number;
  serveInfo?: boolean;
  onRequest?: (request: RecordedRequest) => void;
}

interface Answer {
  status: number;
  body?: unknown;
  /** Bytes answered instead of JSON (file downloads). */
  file?: { data: Buffer; contentType: string; fileName?: string };
  /** The JSON text of the body, when already serialized (projected answers). */
  json?: string;
  headers?: Record<string, string>;
}

/** Scopes a ServiceTitan token would carry for the simulated resources. */
const SCOPES =
  "tn.jpm.jobs:rw tn.jpm.appointments:rw tn.jpm.projects:rw tn.dispatch.appointmentassignments:rw tn.crm.customers:rw tn.crm.locations:rw tn.crm.bookings:rw tn.accounting.invoices:rw tn.accounting.payments:rw tn.eqs.installedequipment:rw tn.settings.technicians:rw tn.settings.businessunits:r";

/** Where the OAuth client-credentials token is issued (the sandbox's token URL). */
const TOKEN_PATH = "/connect/token";
/** How another process (the local runner) learns this sandbox's credentials, when serveInfo is on. */
export const INFO_PATH = "/sandbox/info";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

const mediaType = (req: IncomingMessage) =>
  String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();

interface RequestBody {
  /** Parsed JSON, or the raw text when it did not parse (validation reports that). */
  value?: unknown;
  /** multipart/form-data parts. */
  files?: UploadedFile[];
  mediaType: string;
}

function parseBody(raw: Buffer, req: IncomingMessage): RequestBody {
  const type = mediaType(req);
  if (!raw.length) return { mediaType: type };
  if (type === "multipart/form-data") return { files: parseMultipart(raw, String(req.headers["content-type"])) ?? [], mediaType: type };
  const text = raw.toString("utf8");
  try {
    return { value: JSON.parse(text), mediaType: type };
  } catch {
    return { value: text, mediaType: type };
  }
}

/** What `requests` records of a body: JSON as sent, uploads as name/type/size (never their bytes). */
function recordable(body: RequestBody): unknown {
  if (!body.files) return body.value;
  return Object.fromEntries(
    body.files.map((f) => [
      f.field,
      f.fileName ? { fileName: f.fileName, contentType: f.contentType, size: f.data.length } : f.data.toString("utf8"),
    ]),
  );
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export class SandboxServer implements Sandbox {
  url = "";
  tokenUrl = "";
  readonly credentials: Sandbox["credentials"];
  readonly requests: RecordedRequest[] = [];
  readonly violations: SpecViolation[] = [];
  readonly faults = {
    add: (fault: Fault) => void this.faultList.push({ ...fault, remaining: fault.times ?? 1 }),
    clear: () => void (this.faultList.length = 0),
  };

  private tokenCalls = 0;
  private readonly tokens = new Map<string, number>(); // token -> expiry (ms epoch)
  private readonly faultList: (Fault & { remaining: number })[] = [];
  /** Arrival times inside the current rate-limit window (oldest first). */
  private readonly window: number[] = [];
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly db: Store,
    private readonly spec: Spec,
    private readonly settings: ServerSettings,
  ) {
    this.credentials = {
      clientId: `cid.sandbox${randomBytes(6).toString("hex")}`,
      clientSecret: `cs1.${randomBytes(24).toString("base64url")}`,
      appKey: `ak1.${randomBytes(12).toString("hex")}`,
      tenant: settings.tenant,
    };
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((error) => {
        console.error("sandbox: unexpected error", error);
        if (!res.headersSent) this.send(res, { status: 500, body: problem(500, "Sandbox internal error") });
      });
    });
    // Longer than clients' idle keep-alive, so a reused socket is not closed under them (ECONNRESET races).
    this.server.keepAliveTimeout = 65_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject); // EADDRINUSE for a fixed port
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.tokenUrl = `${this.url}${TOKEN_PATH}`;
  }

  // ---- Sandbox controls ---------------------------------------------------------------------------

  get tokenRequests(): number {
    return this.tokenCalls;
  }

  maxRequestsPerWindow(windowMs = 1000): number {
    let max = 0;
    for (let start = 0, end = 0; end < this.requests.length; end++) {
      while (this.requests[end].at - this.requests[start].at >= windowMs) start++;
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  resetStats(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.tokenCalls = 0;
  }

  expireTokens(): void {
    this.tokens.clear();
  }

  setLatency(ms: number): void {
    this.settings.latencyMs = ms;
  }

  setPageSizeCap(n: number): void {
    this.settings.pageSizeCap = n;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The local sandbox's own random credentials: not secrets of any real system. */
  info(): SandboxInfo {
    return {
      url: this.url,
      tokenUrl: this.tokenUrl,
      credentials: this.credentials,
      requests: this.requests.length,
      violations: this.violations,
    };
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (url.pathname === TOKEN_PATH) return this.token(req, res);
    if (url.pathname === INFO_PATH && this.settings.serveInfo) return this.send(res, { status: 200, body: this.info() });
    if (url.pathname.startsWith(FILES_PREFIX) && req.method === "GET") return this.file(url.pathname, res);
    return this.api(req, res, url);
  }

  private send(res: ServerResponse, { status, body, headers = {}, file, json }: Answer): void {
    if (file) {
      res.writeHead(status, {
        "content-type": file.contentType,
        "content-length": file.data.length,
        ...(file.fileName ? { "content-disposition": `attachment; filename="${file.fileName.replace(/"/g, "")}"` } : {}),
        ...headers,
      });
      return void res.end(file.data);
    }
    const payload = json ?? (body === undefined ? "" : JSON.stringify(body));
    res.writeHead(status, {
      ...(payload ? { "content-type": "application/json; charset=utf-8" } : {}),
      "content-length": Buffer.byteLength(payload),
      ...headers,
    });
    res.end(payload);
  }

  /** OAuth 2.0 client credentials (form body, or HTTP Basic for the client). Not an API request. */
  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.tokenCalls++;
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    // Only faults that name this path apply here: the token endpoint is throttled and fails on its own.
    const fault = this.takeFault((req.method ?? "POST").toUpperCase(), TOKEN_PATH, new URLSearchParams(), { explicitPath: true });
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.dropSocket) return void req.socket.destroy();
    if (fault?.status !== undefined) {
      return this.send(res, { status: fault.status, headers: fault.headers, body: fault.body ?? { error: "temporarily_unavailable" } });
    }
    if (req.method !== "POST") return this.send(res, { status: 405, body: { error: "invalid_request" } });
    let clientId = form.get("client_id");
    let clientSecret = form.get("client_secret");
    const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ""));
    if (basic) [clientId, clientSecret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    if (form.get("grant_type") !== "client_credentials") return this.send(res, { status: 400, body: { error: "unsupported_grant_type" } });
    if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
      return this.send(res, { status: 400, body: { error: "invalid_client" } });
    }
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, Date.now() + this.settings.tokenTtlSeconds * 1000);
    this.send(res, {
      status: 200,
      body: { access_token: token, expires_in: this.settings.tokenTtlSeconds, token_type: "Bearer", scope: SCOPES },
    });
  }

  /** Attachment bytes behind the 302 of GET …/installed-equipment/attachments (no API auth, like a signed URL). */
  private file(pathname: string, res: ServerResponse): void {
    const path = decodeURIComponent(pathname.slice(FILES_PREFIX.length));
    const file = this.db.files.get(path);
    if (!file) return this.send(res, { status: 404, body: problem(404, `File ${path} not found`) });
    res.writeHead(200, {
      "content-type": file.contentType,
      "content-length": file.data.length,
      "content-disposition": `attachment; filename="${file.fileName.replace(/"/g, "")}"`,
    });
    res.end(file.data);
  }

  private async api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const body = parseBody(await readBody(req), req);
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      body: recordable(body),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(entry);
    if (this.settings.onRequest) res.once("finish", () => this.settings.onRequest!(entry));
    const limited = this.overRateLimit(entry.at);

    const { latencyMs } = this.settings;
    if (latencyMs > 0) await sleep(latencyMs);
    if (limited) {
      const answer = { status: 429, headers: { "retry-after": "1" }, body: problem(429, "Too many requests. Try again in 1 seconds.") };
      entry.status = answer.status;
      return this.send(res, answer);
    }

    const fault = this.takeFault(method, url.pathname, url.searchParams);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.dropSocket) {
      entry.status = 0;
      req.socket.destroy();
      return;
    }
    const faultAnswer = (): Answer => ({ status: fault!.status!, headers: fault!.headers, body: fault!.body ?? problem(fault!.status!) });
    if (fault?.status !== undefined && !fault.afterHandling) {
      entry.status = fault.status;
      return this.send(res, faultAnswer());
    }

    let answer: Answer;
    try {
      answer = await this.process(req, url, body, entry);
    } catch (error) {
      console.error(`sandbox: ${entry.method} ${entry.path} failed`, error);
      answer = { status: 500, body: problem(500, "Sandbox internal error") };
    }
    if (fault?.afterHandling && fault.status !== undefined) answer = faultAnswer(); // the write happened; the answer "failed"
    entry.status = answer.status;
    this.send(res, answer);
  }

  /** Sliding 1000 ms window over arrivals; counted always, enforced when rateLimitPerSecond is set. */
  private overRateLimit(now: number): boolean {
    this.window.push(now);
    while (this.window.length && this.window[0] <= now - 1000) this.window.shift();
    const limit = this.settings.rateLimitPerSecond;
    return limit !== undefined && this.window.length > limit;
  }

  /** The first fault matching the request, consumed once. `explicitPath`: only faults whose path is given (token endpoint). */
  private takeFault(
    method: string,
    path: string,
    query: URLSearchParams,
    { explicitPath = false } = {},
  ): (Fault & { remaining: number }) | undefined {
    const index = this.faultList.findIndex(
      (f) =>
        (!explicitPath || f.path !== undefined) &&
        (!f.method || f.method.toUpperCase() === method) &&
        Object.entries(f.query ?? {}).every(([name, value]) => query.get(name) === value) &&
        (f.path === undefined ||
          (typeof f.path === "string" ? f.path === path : new RegExp(f.path.source, f.path.flags.replace("g", "")).test(path))),
    );
    if (index === -1) return undefined;
    const fault = this.faultList[index];
    if (--fault.remaining <= 0) this.faultList.splice(index, 1);
    return fault;
  }

  private violation(entry: RecordedRequest, status: number, errors: FieldErrors): Answer {
    const messages = Object.entries(errors).flatMap(([field, list]) => list.map((m) => `${field}: ${m}`));
    this.violations.push({ method: entry.method, path: entry.path, operationId: entry.operationId, errors: messages });
    const title = entry.operationId ? `${SPEC_VIOLATION_TITLE} (${entry.operationId})` : SPEC_VIOLATION_TITLE;
    return { status, body: problem(status, title, errors) };
  }

  /** Auth, routing, validation, tenant, handler. */
  private async process(req: IncomingMessage, url: URL, sent: RequestBody, entry: RecordedRequest): Promise<Answer> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
    const expiry = bearer ? this.tokens.get(bearer) : undefined;
    if (!expiry || expiry <= Date.now()) {
      const title = bearer ? "The access token is invalid or has expired" : "Missing Bearer access token";
      return { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' }, body: problem(401, title) };
    }
    if (req.headers["st-app-key"] !== this.credentials.appKey) {
      return { status: 401, body: problem(401, "Missing or invalid ST-App-Key header") };
    }

    const match = this.spec.match(entry.method, url.pathname);
    if (!match) return this.violation(entry, 404, { path: [`no operation ${entry.method} ${url.pathname} in the ServiceTitan specs`] });
    const { op } = match;
    entry.operationId = op.operationId;

    // Body: JSON where the spec declares one; multipart only for the uploads (declared as JSON with a binary file).
    const upload = op.upload && sent.files !== undefined;
    const body = sent.value ?? {};
    if (!upload && (sent.value !== undefined || sent.files)) {
      const empty = typeof sent.value === "object" && sent.value !== null && !Array.isArray(sent.value) && !Object.keys(sent.value).length;
      if (!op.jsonBody && !empty) return this.violation(entry, 400, { body: [`${op.operationId} declares no request body`] });
      if (op.jsonBody && sent.mediaType !== "application/json") {
        return this.violation(entry, 400, { "content-type": [`must be application/json, got "${sent.mediaType || "none"}"`] });
      }
    }

    const outcome = this.spec.validate(op, {
      method: entry.method,
      path: url.pathname,
      rawQuery: url.search.slice(1),
      headers: req.headers,
      body: op.jsonBody && !upload ? body : undefined,
    });
    if (Object.keys(outcome.errors).length) return this.violation(entry, 400, outcome.errors);

    // A token belongs to one tenant: another tenant is a permission problem, not a missing record.
    if (String(outcome.params.tenant) !== this.settings.tenant) {
      return { status: 403, body: problem(403, `The app is not authorized for tenant ${outcome.params.tenant}`) };
    }

    const handler = HANDLERS[op.module]?.[op.operationId] ?? genericHandler(op);
    try {
      const result: HandlerResult = await handler({
        store: this.db,
        op,
        params: outcome.params,
        query: outcome.query,
        body,
        files: sent.files ?? [],
        settings: { pageSizeCap: this.settings.pageSizeCap, exportPageSize: this.settings.exportPageSize },
        baseUrl: this.url,
      });
      const status = result.status ?? 200;
      if (result.file) return { status, file: result.file, headers: result.headers };
      if (result.body === undefined || status >= 300) return { status, body: result.body, headers: result.headers };
      return { status, json: this.spec.serialize(op, result.body), headers: result.headers };
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.violation) return this.violation(entry, error.status, error.errors);
      return { status: error.status, headers: error.headers, body: problem(error.status, error.title, error.errors) };
    }
  }
}
