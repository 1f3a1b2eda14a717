import type { AxiosError, AxiosRequestConfig } from "axios";
import { exponentialDelay, retryAfter } from "axios-retry";
import { retryAfterFromBody } from "./errors";

/** The longest wait honoured from a Retry-After; beyond it we try again anyway (and may be told to wait again). */
export const MAX_RETRY_WAIT_MS = 60_000;
const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete"]);
const TRANSIENT_STATUS = new Set([502, 503, 504]);
/** Failures without an answer that no retry can fix: a cancelled call, a bad URL or option, a redirect loop. */
const PERMANENT_CODES = new Set([
  "ERR_CANCELED",
  "ERR_INVALID_URL",
  "ERR_BAD_OPTION",
  "ERR_BAD_OPTION_VALUE",
  "ERR_NOT_SUPPORT",
  "ERR_FR_TOO_MANY_REDIRECTS",
  "ERR_FR_MAX_BODY_LENGTH_EXCEEDED",
]);

export const isTimeout = (error: AxiosError): boolean => !error.response && (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT");

/** Retries axios-retry already made for this call (its state travels on the config). */
const retriesSoFar = (error: AxiosError): number =>
  (error.config as { "axios-retry"?: { retryCount?: number } } | undefined)?.["axios-retry"]?.retryCount ?? 0;

/**
 * 429 means "not processed": safe to send again whatever the method. Gateway errors and network failures may
 * come after the server acted, so only idempotent methods are repeated; a POST/PATCH is never replayed blindly.
 * A timeout is retried once at most: each attempt waits the whole client timeout, and a server that needed that
 * long once will likely need it again.
 */
export const isRetryable = (error: AxiosError): boolean => {
  const status = error.response?.status;
  if (status === 429) return true;
  if (!IDEMPOTENT.has((error.config?.method ?? "get").toLowerCase())) return false;
  if (status !== undefined) return TRANSIENT_STATUS.has(status);
  if (error.code && PERMANENT_CODES.has(error.code)) return false;
  return isTimeout(error) ? retriesSoFar(error) === 0 : true;
};

/** Waits what the server asked for (Retry-After seconds or date, or "Try again in N seconds"), else backoff with jitter. */
export const retryDelayMs = (retryNumber: number, error: AxiosError): number => {
  const asked = retryAfter(error) || (retryAfterFromBody(error.response?.data) ?? 0) * 1000;
  if (asked > 0) return Math.min(asked, MAX_RETRY_WAIT_MS) + Math.random() * 100;
  return Math.min(exponentialDelay(retryNumber, error, 250), 10_000);
};

/** Where a request's config remembers the first failure after which ServiceTitan may have acted. */
const MAY_HAVE_ACTED = "serviceTitanMayHaveActed";

/**
 * Called before each retry: a 5xx or a lost answer may come after ServiceTitan carried the request out (a 429 never
 * does), so the retry may meet the first attempt's effect. The config travels with every retry of the request.
 */
export const noteFailedAttempt = (error: AxiosError, config: AxiosRequestConfig): void => {
  const status = error.response?.status;
  const record = config as Record<string, unknown>;
  if (status !== 429 && record[MAY_HAVE_ACTED] === undefined)
    record[MAY_HAVE_ACTED] = status ? String(status) : (error.code ?? "no answer");
};

/** How an earlier attempt of this request failed after ServiceTitan may have acted ("503", "ECONNRESET"), if one did. */
export const mayHaveActed = (config: AxiosRequestConfig | undefined): string | undefined =>
  (config as Record<string, unknown> | undefined)?.[MAY_HAVE_ACTED] as string | undefined;
