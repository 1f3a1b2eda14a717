import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from "axios";
import { isRetryable, MAX_RETRY_WAIT_MS, retryDelayMs } from "../../src/client/retry";

/** An axios error as the adapter produces it: a method, optionally an answer, optionally axios-retry's count. */
const failure = ({
  method = "get",
  status,
  code,
  headers = {},
  data,
  retriesSoFar,
}: {
  method?: string;
  status?: number;
  code?: string;
  headers?: Record<string, string>;
  data?: unknown;
  retriesSoFar?: number;
}) => {
  const config = { method, headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
  if (retriesSoFar !== undefined) Object.assign(config, { "axios-retry": { retryCount: retriesSoFar } });
  const response = status === undefined ? undefined : { status, statusText: "", headers, data, config };
  return new AxiosError("failed", code, config, {}, response as never);
};

describe("retry policy", () => {
  it.each(
    (
      [
        ["a 429 on a POST (not processed)", { method: "post", status: 429 }, true],
        ["a 429 on a PATCH", { method: "patch", status: 429 }, true],
        ["a 503 on a GET", { status: 503 }, true],
        ["a 502 on a PUT", { method: "put", status: 502 }, true],
        ["a 504 on a DELETE", { method: "delete", status: 504 }, true],
        ["a 500 on a GET (a bug, not a blip)", { status: 500 }, false],
        ["a 503 on a POST (it may have been processed)", { method: "post", status: 503 }, false],
        ["a 502 on a PATCH", { method: "patch", status: 502 }, false],
        ["a dropped socket on a GET", { code: "ECONNRESET" }, true],
        ["a dropped socket on a POST", { method: "post", code: "ECONNRESET" }, false],
        ["a first timeout on a GET", { code: "ECONNABORTED", retriesSoFar: 0 }, true],
        ["a timeout on a GET already retried", { code: "ECONNABORTED", retriesSoFar: 1 }, false],
        ["a timeout on a POST", { method: "post", code: "ECONNABORTED" }, false],
        ["a cancelled GET", { code: "ERR_CANCELED" }, false],
        ["a redirect loop", { code: "ERR_FR_TOO_MANY_REDIRECTS" }, false],
        ["an invalid URL", { code: "ERR_INVALID_URL" }, false],
        ["a 400", { status: 400 }, false],
        ["a 404", { status: 404 }, false],
      ] as const
    ).map(([title, spec, expected]) => [`${title}: ${expected ? "retried" : "not retried"}`, spec, expected] as const),
  )("%s", (_, spec, expected) => {
    expect(isRetryable(failure(spec))).toBe(expected);
  });

  it("waits what Retry-After asks in seconds, plus at most 100 ms of jitter", () => {
    const delay = retryDelayMs(1, failure({ status: 429, headers: { "retry-after": "2" } }));
    expect(delay).toBeGreaterThanOrEqual(2000);
    expect(delay).toBeLessThanOrEqual(2100);
  });

  it("waits until a Retry-After HTTP date", () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    const delay = retryDelayMs(1, failure({ status: 429, headers: { "retry-after": date } }));
    expect(delay).toBeGreaterThan(28_000);
    expect(delay).toBeLessThanOrEqual(30_100);
  });

  it("reads 'Try again in N seconds' from the body when there is no header", () => {
    const delay = retryDelayMs(1, failure({ status: 429, data: { title: "Too many requests. Try again in 3 seconds.", status: 429 } }));
    expect(delay).toBeGreaterThanOrEqual(3000);
    expect(delay).toBeLessThanOrEqual(3100);
  });

  it("caps an excessive Retry-After", () => {
    expect(retryDelayMs(1, failure({ status: 429, headers: { "retry-after": "3600" } }))).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS + 100);
  });

  it("backs off exponentially with jitter when the server names no wait, bounded at 10 s", () => {
    const first = retryDelayMs(1, failure({ status: 503 }));
    const third = retryDelayMs(3, failure({ status: 503 }));
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(600);
    expect(third).toBeGreaterThanOrEqual(2000);
    expect(retryDelayMs(20, failure({ status: 503 }))).toBeLessThanOrEqual(10_000);
    const samples = new Set(Array.from({ length: 20 }, () => retryDelayMs(2, failure({ status: 503 }))));
    expect(samples.size).toBeGreaterThan(1); // jitter: concurrent callers do not retry in lockstep
  });
});
