import type { Connection } from "@prismatic-io/spectral";
import { createClient as createHttpClient } from "@prismatic-io/spectral/dist/clients/http";
import type { AxiosAdapter, AxiosRequestConfig, AxiosResponse } from "axios";
import axios, { getAdapter, isAxiosError } from "axios";
import { resolveConnection, type ResolvedConnection } from "../connection";
import { connectionError, foreignHostOf, redact, safeUrls, toConnectionError, toServiceTitanError } from "./errors";
import { operations, type OperationKey } from "./operations";
import { acquireSlot, tenantWindowKey } from "./rateLimit";
import { alreadyDone } from "./idempotency";
import { isRetryable, mayHaveActed, noteFailedAttempt, retryDelayMs } from "./retry";
import { canFetchTokens, ownAccessToken } from "./token";
import { checkBody, checkPath, checkQuery } from "./validate";

export { operations, isOperationKey, operationLabel, UNDOCUMENTED, type OperationKey, type OperationInfo } from "./operations";
export { RequestError, PART_LABELS, type RequestPart } from "./validate";

export interface RequestArgs {
  /** Values for the path's {placeholders} other than {tenant}. */
  path?: Record<string, unknown>;
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

/** Lists go out comma-separated (ids=1,2), except parameters the spec types as arrays, which repeat (statuses=a&statuses=b). */
const queryValue = (value: unknown, repeated: boolean): string | string[] =>
  Array.isArray(value) ? (repeated ? value.map(String) : value.join(",")) : String(value);

/** The operation's path with its {placeholders} filled (each checked and encoded), the tenant from the connection. */
export const buildPath = (operation: OperationKey, tenant: string, values: Record<string, unknown> = {}): string => {
  const checked = checkPath(operation, values);
  const [, template] = operation.split(" ");
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(name === "tenant" ? tenant : checked[name])));
};

/** The query as sent: declared names only, each value checked against its type (see validate.ts). */
export const buildQuery = (operation: OperationKey, query: Record<string, unknown> = {}): Record<string, string | string[]> => {
  const checked = checkQuery(operation, query);
  const types = new Map(operations[operation].query.map((q) => [q.name, q.type]));
  return Object.fromEntries(Object.entries(checked).map(([name, value]) => [name, queryValue(value, types.get(name) === "array")]));
};

export type ServiceTitanClient = ReturnType<typeof createClient>;

/**
 * The one request core. Every call: tenant in the path, ST-App-Key and bearer token, the per-tenant rate limit,
 * retries (via spectral's axios-retry based client), one token refresh on 401, and errors shaped for people.
 */
export const createClient = (connection: Connection, options: ClientOptions = {}) => {
  const resolved: ResolvedConnection = resolveConnection(connection);
  /** Every token this client used: redacted from messages like the other secrets. */
  const tokens = new Set<string>();
  const secrets = () => [resolved.clientSecret, resolved.applicationKey, resolved.platformToken, ...tokens];
  const logger = options.logger ?? {};
  // Log lines carry no secret and no other host's signed query string.
  const clean = (message: string) => safeUrls(redact(message, secrets()), resolved.apiHost);
  const log = (message: string): void => {
    if (options.debug) (logger.debug ?? logger.info)?.(clean(message));
  };
  /** Worth a line whether or not debug is on. */
  const note = (message: string): void => (logger.info ?? logger.warn)?.(clean(message));

  // The platform's token until ServiceTitan rejects it, then tokens of our own (client credentials).
  let platformToken = resolved.platformToken;
  let accessToken: string | undefined;
  const useToken = async (rejected?: string): Promise<string> => {
    if (rejected !== undefined && rejected === platformToken) platformToken = undefined;
    if (platformToken) return platformToken;
    if (rejected !== undefined && !canFetchTokens(resolved)) {
      throw connectionError(
        connection,
        "ServiceTitan rejected the access token (401) and the connection has no Client ID/Client Secret to fetch a new one: fill in Client ID, Client Secret and Token URL.",
      );
    }
    const token = await ownAccessToken(resolved, rejected);
    tokens.add(token);
    return token;
  };
  /** The token an attempt carried (concurrent calls may have moved on to a newer one meanwhile). */
  const tokenOf = (config?: AxiosRequestConfig): string | undefined =>
    /^Bearer (.+)$/.exec(String(config?.headers?.Authorization ?? ""))?.[1];

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
      onRetry: (count, error, config) => {
        noteFailedAttempt(error, config);
        log(`retry ${count} of ${String(config.method).toUpperCase()} ${config.url} after ${error.response?.status ?? error.code}`);
      },
    },
  });
  // A redirect to another host (attachment downloads answer 302) must not carry the app key; axios drops Authorization itself.
  http.defaults.sensitiveHeaders = ["ST-App-Key"];

  // The rate limit lives in the adapter, the one place every attempt passes exactly once (the first, axios-retry's
  // retries, the retry after a token refresh; redirects stay inside it): a slot is taken when the attempt leaves
  // and given back when it is answered or fails, whatever the failure, so no attempt can keep one for good.
  const windowKey = tenantWindowKey(resolved.apiHost, resolved.tenant);
  const transport: AxiosAdapter = getAdapter(http.defaults.adapter);
  http.defaults.adapter = async (config) => {
    const release = await acquireSlot(windowKey);
    try {
      return await transport(config);
    } finally {
      release();
    }
  };
  http.interceptors.request.use((config) => {
    if (accessToken) config.headers.Authorization = `Bearer ${accessToken}`;
    const query = config.params ? new URLSearchParams(config.params).toString() : "";
    log(`→ ${String(config.method).toUpperCase()} ${config.url}${query ? ` ${query}` : ""}`);
    return config;
  });
  // Registered after axios-retry's: a failure is logged once, as it finally ends (retries log their own line).
  http.interceptors.response.use(
    (response) => {
      log(`← ${response.status} ${String(response.config.method).toUpperCase()} ${response.config.url}`);
      return response;
    },
    (error) => {
      const config = isAxiosError(error) ? error.config : undefined;
      log(`← ${error?.response?.status ?? error?.code ?? "no answer"} ${String(config?.method).toUpperCase()} ${config?.url}`);
      return Promise.reject(error);
    },
  );

  /**
   * Sends a request through the whole pipeline and shapes any failure. `operation` (when the request is one of the
   * specs') lets a retry that meets its own first attempt's effect count as success (see idempotency.ts).
   */
  const send = async (config: AxiosRequestConfig, subject?: string, operation?: OperationKey): Promise<AxiosResponse> => {
    const request = `${String(config.method ?? "GET").toUpperCase()} ${config.url}`;
    accessToken ??= await useToken();
    try {
      return await http.request(config);
    } catch (error) {
      let failure = error;
      // Only ServiceTitan's own 401 is about our token; a host reached through a redirect has its own reasons.
      if (isAxiosError(error) && error.response?.status === 401 && !foreignHostOf(error, resolved.apiHost)) {
        // Token expired or revoked: replace the token this attempt carried (concurrent callers share one fetch) and
        // try once more.
        accessToken = await useToken(tokenOf(error.config) ?? accessToken);
        try {
          return await http.request(config);
        } catch (retryError) {
          failure = retryError;
        }
      }
      const shaped = toServiceTitanError(failure, {
        request,
        subject,
        secrets: secrets(),
        timeoutMs: resolved.timeoutMs,
        apiHost: resolved.apiHost,
      });
      const failedConfig = isAxiosError(failure) ? failure.config : undefined;
      // Reads change nothing: only a retried write (DELETE, PUT) can meet its own first attempt's effect.
      const earlier = /^(GET|HEAD|OPTIONS) /.test(request) ? undefined : mayHaveActed(failedConfig);
      if (earlier) {
        const done = operation && alreadyDone(operation, shaped);
        if (done) {
          note(
            `${request}: the first attempt (answered ${earlier}) ${done}; the retry's ${shaped.status} confirms it, so this is a success.`,
          );
          // What a successful call of these operations returns: an empty answer.
          return { status: 200, statusText: "OK", data: "", headers: {}, config: failedConfig } as AxiosResponse;
        }
        shaped.message += ` Note: an earlier attempt answered ${earlier} and may have been carried out by ServiceTitan; check before running it again.`;
      }
      // ServiceTitan's own 401/403 mean the connection is misconfigured; another host's are ordinary errors.
      if ((shaped.status === 401 || shaped.status === 403) && !shaped.foreignHost)
        throw toConnectionError(connection, shaped, resolved.tenant);
      throw shaped;
    }
  };

  /** Calls one operation of the specs and returns the whole response. */
  const call = (operation: OperationKey, args: RequestArgs = {}): Promise<AxiosResponse> => {
    if (!(operation in operations)) throw new Error(`Unknown ServiceTitan operation ${operation}`);
    const [method] = operation.split(" ");
    const url = buildPath(operation, resolved.tenant, args.path);
    const params = buildQuery(operation, args.query);
    checkBody(operation, args.body);
    return send(
      {
        method,
        url,
        params,
        paramsSerializer: { indexes: null }, // repeated names without brackets: statuses=a&statuses=b
        data: args.body,
        headers: args.headers,
        responseType: args.responseType,
        maxRedirects: args.maxRedirects,
      },
      args.subject,
      operation,
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
    /**
     * A request to another host that ServiceTitan redirected to (a signed file-storage link): sent without the
     * token and app key, logged like the others, and a failure names that host with its signed query hidden.
     */
    external: async (config: AxiosRequestConfig): Promise<AxiosResponse> => {
      const request = `${String(config.method ?? "GET").toUpperCase()} ${config.url}`;
      log(`→ ${request}`);
      try {
        const response = await axios.request({ timeout: resolved.timeoutMs, ...config });
        log(`← ${response.status} ${request}`);
        return response;
      } catch (error) {
        const context = { request, secrets: secrets(), timeoutMs: resolved.timeoutMs, apiHost: resolved.apiHost };
        const shaped = toServiceTitanError(error, context);
        log(`← ${shaped.status ?? "no answer"} ${request}`);
        throw shaped;
      }
    },
  };
};
