import type { Connection } from "@prismatic-io/spectral";
import { createClient as createHttpClient } from "@prismatic-io/spectral/dist/clients/http";
import type { AxiosError, AxiosRequestConfig, AxiosResponse } from "axios";
import { isAxiosError } from "axios";
import { exponentialDelay, retryAfter } from "axios-retry";
import { resolveConnection, type ResolvedConnection } from "../connection";
import operationTable from "../generated/operations.json";
import { InputError, redact, retryAfterFromBody, toConnectionError, toServiceTitanError } from "./errors";
import { acquireSlot, type Release } from "./rateLimit";
import { canFetchTokens, getAccessToken } from "./token";

/** "VERB /module/v2/tenant/{tenant}/…" exactly as the vendored specs declare it (generated, so a typo fails to compile). */
export type OperationKey = keyof typeof operationTable;
export interface OperationInfo {
  operationId: string;
  module: string;
  summary: string;
  pathParams: string[];
  query: Array<{
    name: string;
    required: boolean;
    type: string;
    format?: string;
    enum?: unknown[];
    items?: { type: string; enum?: unknown[] };
    description: string;
  }>;
  body: string | null;
  bodyRequired: boolean;
}
export const operations = operationTable as Record<OperationKey, OperationInfo>;

export interface RequestArgs {
  /** Values for the path's {placeholders} other than {tenant}. */
  path?: Record<string, string | number>;
  /** Query parameters; empty values are dropped, undeclared names are refused. */
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the path addresses, for a 404 message ("Job 42"). */
  subject?: string;
  responseType?: AxiosRequestConfig["responseType"];
  maxRedirects?: number;
}

export interface Logger {
  debug?: (...args: unknown[]) => void;
  info?: (...args: unknown[]) => void;
  warn?: (...args: unknown[]) => void;
}

export interface ClientOptions {
  /** Log each request and answer (secrets redacted). Actions pass `context.debug.enabled`. */
  debug?: boolean;
  logger?: Logger;
  /** Retries after the first attempt for retryable failures. */
  maxRetries?: number;
}

const MAX_RETRY_WAIT_MS = 60_000;
const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete"]);
const TRANSIENT_STATUS = new Set([502, 503, 504]);

/**
 * 429 means "not processed": safe to send again whatever the method. Gateway errors and network failures may
 * come after the server acted, so only idempotent methods are repeated; a POST/PATCH is never replayed blindly.
 */
export const isRetryable = (error: AxiosError): boolean => {
  const status = error.response?.status;
  if (status === 429) return true;
  if (!IDEMPOTENT.has((error.config?.method ?? "get").toLowerCase())) return false;
  return status === undefined ? error.code !== "ERR_CANCELED" : TRANSIENT_STATUS.has(status);
};

/** Waits what the server asked for (Retry-After seconds or date, or "Try again in N seconds"), else backoff with jitter. */
export const retryDelayMs = (retryNumber: number, error: AxiosError): number => {
  const asked = retryAfter(error) || (retryAfterFromBody(error.response?.data) ?? 0) * 1000;
  if (asked > 0) return Math.min(asked, MAX_RETRY_WAIT_MS) + Math.random() * 100;
  return Math.min(exponentialDelay(retryNumber, error, 250), 10_000);
};

const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
/** Lists go out comma-separated (ids=1,2), except parameters the spec types as arrays, which repeat (statuses=a&statuses=b). */
const queryValue = (value: unknown, repeated: boolean): string | string[] =>
  Array.isArray(value) ? (repeated ? value.map(String) : value.join(",")) : value instanceof Date ? value.toISOString() : String(value);

/** Fills {placeholders} of an operation path, encoding each value. */
export const buildPath = (operation: OperationKey, tenant: string, values: Record<string, string | number> = {}): string => {
  const [, template] = operation.split(" ");
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = name === "tenant" ? tenant : values[name];
    if (isEmpty(value)) throw new InputError(name, `is required to call ${operation}.`);
    return encodeURIComponent(String(value));
  });
};

/** Keeps the non-empty query values and refuses a name the operation does not declare (ServiceTitan would ignore it). */
export const buildQuery = (operation: OperationKey, query: Record<string, unknown> = {}): Record<string, string | string[]> => {
  const declared = operations[operation].query.map((q) => q.name);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (isEmpty(value)) continue;
    if (!declared.includes(name)) {
      throw new InputError(
        name,
        `is not a query parameter of ${operation}, so ServiceTitan would silently ignore it. Accepted: ${declared.join(", ") || "none"}.`,
      );
    }
    out[name] = queryValue(value, operations[operation].query.find((q) => q.name === name)?.type === "array");
  }
  return out;
};

export type ServiceTitanClient = ReturnType<typeof createClient>;

/**
 * The one request core. Every call: tenant in the path, ST-App-Key and bearer token, the per-tenant rate limit,
 * retries (via spectral's axios-retry based client), one token refresh on 401, and errors shaped for people.
 */
export const createClient = (connection: Connection, options: ClientOptions = {}) => {
  const resolved: ResolvedConnection = resolveConnection(connection);
  const secrets = [resolved.clientSecret, resolved.applicationKey, resolved.platformToken];
  const logger = options.logger ?? {};
  const log = (message: string): void => {
    if (options.debug) (logger.debug ?? logger.info)?.(redact(message, secrets));
  };
  let accessToken: string | undefined;

  const http = createHttpClient({
    baseUrl: resolved.apiHost,
    timeout: resolved.timeoutMs,
    headers: { "ST-App-Key": resolved.applicationKey, Accept: "application/json" },
    debug: false, // spectral's debug logging prints headers, secrets included; we log our own redacted lines.
    retryConfig: {
      retries: options.maxRetries ?? 5,
      retryCondition: isRetryable,
      retryDelay: retryDelayMs,
      shouldResetTimeout: true,
      onRetry: (count, error, config) =>
        log(`retry ${count} of ${String(config.method).toUpperCase()} ${config.url} after ${error.response?.status ?? error.code}`),
    },
  });
  // A redirect to another host (attachment downloads answer 302) must not carry the app key; axios drops Authorization itself.
  http.defaults.sensitiveHeaders = ["ST-App-Key"];
  const windowKey = `${resolved.apiHost}|${resolved.tenant}`;
  const releases = new WeakMap<object, Release>();
  const answered = (config?: object) => {
    if (config) releases.get(config)?.();
  };
  http.interceptors.request.use(async (config) => {
    answered(config); // a retry re-sends the same config: its previous attempt has been answered by now
    releases.set(config, await acquireSlot(windowKey)); // every attempt, retries included, takes a slot
    if (accessToken) config.headers.Authorization = `Bearer ${accessToken}`;
    log(
      `→ ${String(config.method).toUpperCase()} ${config.url}${config.params ? ` ${new URLSearchParams(config.params).toString()}` : ""}`,
    );
    return config;
  });
  http.interceptors.response.use(
    (response) => {
      answered(response.config);
      log(`← ${response.status} ${String(response.config.method).toUpperCase()} ${response.config.url}`);
      return response;
    },
    (error) => {
      answered(error?.config);
      return Promise.reject(error);
    },
  );

  /** Sends a request through the whole pipeline and shapes any failure. */
  const send = async (config: AxiosRequestConfig, subject?: string): Promise<AxiosResponse> => {
    const request = `${String(config.method ?? "GET").toUpperCase()} ${config.url}`;
    accessToken ??= await getAccessToken(resolved);
    try {
      return await http.request(config);
    } catch (error) {
      let failure = error;
      if (isAxiosError(error) && error.response?.status === 401 && canFetchTokens(resolved)) {
        // Token expired or revoked: fetch one fresh token (shared by concurrent callers) and try once more.
        accessToken = await getAccessToken(resolved, accessToken);
        try {
          return await http.request(config);
        } catch (retryError) {
          failure = retryError;
        }
      }
      const shaped = toServiceTitanError(failure, { request, subject, secrets: [...secrets, accessToken], timeoutMs: resolved.timeoutMs });
      if (shaped.status === 401 || shaped.status === 403) throw toConnectionError(connection, shaped, resolved.tenant);
      throw shaped;
    }
  };

  /** Calls one operation of the specs and returns the whole response. */
  const call = (operation: OperationKey, args: RequestArgs = {}): Promise<AxiosResponse> => {
    if (!(operation in operations)) throw new Error(`Unknown ServiceTitan operation ${operation}`);
    const [method] = operation.split(" ");
    return send(
      {
        method,
        url: buildPath(operation, resolved.tenant, args.path),
        params: buildQuery(operation, args.query),
        paramsSerializer: { indexes: null }, // repeated names without brackets: statuses=a&statuses=b
        data: args.body,
        headers: args.headers,
        responseType: args.responseType,
        maxRedirects: args.maxRedirects,
      },
      args.subject,
    );
  };

  return {
    tenant: resolved.tenant,
    apiHost: resolved.apiHost,
    environment: resolved.environment,
    /** Calls one operation and returns the response body. */
    request: async <T = any>(operation: OperationKey, args?: RequestArgs): Promise<T> => (await call(operation, args)).data as T,
    call,
    /** Any request on the API host (Raw Request): same auth, rate limit, retries and error shaping. */
    raw: (config: AxiosRequestConfig) => send(config),
  };
};
