import type { AxiosError } from "axios";
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
