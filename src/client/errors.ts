import { ConnectionError, type Connection } from "@prismatic-io/spectral";
import { isAxiosError } from "axios";
import { retryAfter } from "axios-retry";

/** A builder's mistake caught before any request is sent: names the input, what is wrong, what is expected. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`Input "${input}": ${problem}`);
    this.name = "InputError";
  }
}

/** RFC 7807 body ServiceTitan answers errors with. */
interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  traceId?: string;
  errors?: Record<string, string[] | string>;
  data?: unknown;
}

/** Every failed ServiceTitan call becomes one of these: status, title, field messages and traceId in the message. */
export class ServiceTitanError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly title: string | undefined,
    readonly fieldErrors: Record<string, string[]>,
    readonly traceId: string | undefined,
    readonly request: string,
    /** The host that answered when it was not ServiceTitan's (a file storage reached through a redirect). */
    readonly foreignHost?: string,
    /** How long a 429 asked to wait (its Retry-After header, or "Try again in N seconds"), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ServiceTitanError";
  }
}

/** ServiceTitan's hosts: any *.servicetitan.io, plus the connection's API host (a proxy or the local sandbox). */
const isServiceTitanUrl = (url: URL, apiHost?: string): boolean => {
  if (url.hostname === "servicetitan.io" || url.hostname.endsWith(".servicetitan.io")) return true;
  try {
    return apiHost !== undefined && new URL(apiHost).origin === url.origin;
  } catch {
    return false;
  }
};

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/**
 * A URL fit for a message or log line: another host's query string is hidden, because that is where a signed
 * storage link carries its signature (sig=, X-Amz-Signature= …).
 */
export const safeUrl = (text: string, apiHost?: string): string => {
  const url = parseUrl(text);
  if (!url || !url.search || isServiceTitanUrl(url, apiHost)) return text;
  return `${url.origin}${url.pathname}?[redacted]`;
};

/** Every absolute URL in a text made safe (see safeUrl). */
export const safeUrls = (text: string, apiHost?: string): string =>
  text.replace(/https?:\/\/[^\s"'<>()]+/g, (match) => {
    const [, url, punctuation] = /^(.*?)([.,:;!?]*)$/.exec(match)!; // "…/file?sig=x:" ends a sentence, not the URL
    return `${safeUrl(url, apiHost)}${punctuation}`;
  });

/** The values of another host's query string: an error body may echo them (a storage service quoting the signature). */
const queryValuesOf = (text: string | undefined, apiHost?: string): string[] => {
  const url = text ? parseUrl(text) : undefined;
  if (!url || !url.search || isServiceTitanUrl(url, apiHost)) return [];
  return [url.search.slice(1), ...[...url.searchParams.values()].filter((value) => value.length >= 8)];
};

/** The absolute URL that answered a request: the last hop when axios followed redirects, else the one asked. */
export const answeredUrl = (error: unknown): string | undefined => {
  if (!isAxiosError(error)) return undefined;
  const request = (error.response?.request ?? error.request) as { res?: { responseUrl?: string } } | undefined;
  if (request?.res?.responseUrl) return request.res.responseUrl;
  const { baseURL, url } = error.config ?? {};
  if (!url) return undefined;
  try {
    return new URL(url, baseURL).toString();
  } catch {
    return undefined;
  }
};

/** The host (host:port) of the answering URL when it is not ServiceTitan's, else undefined. */
export const foreignHostOf = (error: unknown, apiHost?: string): string | undefined => {
  const url = parseUrl(answeredUrl(error) ?? "");
  return url && !isServiceTitanUrl(url, apiHost) ? url.host : undefined;
};

/**
 * A ConnectionError (Prismatic flags the instance's connection as misconfigured). Its `connection` holds the client
 * secret, app key and token, so it is kept out of JSON.stringify and console output of the error; Prismatic still
 * finds it on the object.
 */
export const connectionError = (connection: Connection, message: string): ConnectionError =>
  hideConnection(new ConnectionError(connection, message));

const hideConnection = (error: ConnectionError): ConnectionError =>
  Object.defineProperty(error, "connection", { value: error.connection, enumerable: false, writable: true, configurable: true });

/** Replaces every secret (client secret, token, app key) in a text. */
export const redact = (text: string, secrets: Array<string | undefined>): string =>
  secrets.reduce<string>((out, secret) => (secret && secret.length >= 4 ? out.split(secret).join("[redacted]") : out), text);

const asProblem = (data: unknown): ProblemDetails => {
  if (data && typeof data === "object" && !Buffer.isBuffer(data)) return data as ProblemDetails;
  if (typeof data === "string" && data.trim().startsWith("{")) {
    try {
      return JSON.parse(data) as ProblemDetails;
    } catch {
      return { title: data.slice(0, 300) };
    }
  }
  if (Buffer.isBuffer(data)) return asProblem(data.toString("utf8"));
  return typeof data === "string" && data ? { title: data.slice(0, 300) } : {};
};

const fieldMessages = (errors: ProblemDetails["errors"]): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(errors ?? {}).map(([field, messages]) => [field, Array.isArray(messages) ? messages.map(String) : [String(messages)]]),
  );

/** The seconds a 429 asks us to wait when only the body says so ("… Try again in 3 seconds."). */
export const retryAfterFromBody = (data: unknown): number | undefined => {
  const { title } = asProblem(data);
  const match = /try again in (\d+(?:\.\d+)?) second/i.exec(title ?? "");
  return match ? Number(match[1]) : undefined;
};

export interface ErrorContext {
  /** e.g. "GET /jpm/v2/tenant/1/jobs/5" */
  request: string;
  /** A person's name for what was addressed, e.g. "Job 5": used for a 404. */
  subject?: string;
  secrets: Array<string | undefined>;
  timeoutMs?: number;
  /** The connection's API host: answers from any other host (redirect targets) are named as such. */
  apiHost?: string;
}

/** Turns whatever a call threw into a ServiceTitanError whose message a low-code builder can act on. */
export const toServiceTitanError = (error: unknown, context: ErrorContext): ServiceTitanError => {
  if (error instanceof ServiceTitanError) return error;
  const { apiHost } = context;
  // Another host's signed query (and its values, which its error body may quote) never reaches the message.
  const answered = answeredUrl(error);
  const hidden = [...queryValuesOf(answered, apiHost), ...queryValuesOf(context.request.split(" ")[1], apiHost)];
  const clean = (text: string) => safeUrls(redact(redact(text, hidden), context.secrets), apiHost);
  const request = clean(context.request);
  const foreignHost = foreignHostOf(error, apiHost);
  const redirected = foreignHost !== undefined && answered !== undefined && !context.request.includes(new URL(answered).origin);
  const who = foreignHost
    ? `The host ${foreignHost} (not ServiceTitan${redirected ? "; reached through a redirect" : ""})`
    : "ServiceTitan";
  if (!isAxiosError(error) || !error.response) {
    const code = isAxiosError(error) ? error.code : undefined;
    const reason =
      code === "ECONNABORTED" || code === "ETIMEDOUT"
        ? `no answer within ${Math.round((context.timeoutMs ?? 0) / 1000)} s (client timeout; raise "Request Timeout (seconds)" on the connection if ServiceTitan needs longer)`
        : `network error${code ? ` ${code}` : ""}: ${(error as Error)?.message ?? String(error)}`;
    return new ServiceTitanError(
      clean(`${foreignHost ? `Request to ${foreignHost} (not ServiceTitan)` : "ServiceTitan request"} ${request} failed: ${reason}`),
      undefined,
      undefined,
      {},
      undefined,
      request,
      foreignHost,
    );
  }
  const { status, statusText } = error.response;
  const problem = asProblem(error.response.data);
  const fields = fieldMessages(problem.errors);
  const title = problem.title ?? statusText;
  const parts = [
    status === 404 && context.subject && !foreignHost
      ? `${context.subject} was not found in ServiceTitan (404 for ${request})`
      : `${who} answered ${status}${statusText ? ` ${statusText}` : ""} for ${request}${redirected ? ` (redirected to ${answered})` : ""}`,
  ];
  if (title) parts.push(`: ${title}`);
  const fieldText = Object.entries(fields)
    .map(([field, messages]) => `${field || "request"}: ${messages.join(" ")}`)
    .join("; ");
  if (fieldText) parts.push(` — ${fieldText}`);
  if (problem.traceId) parts.push(` (traceId: ${problem.traceId})`);
  // Every text the error carries is cleaned, not only its message: the whole object may be serialized.
  const cleanFields = Object.fromEntries(Object.entries(fields).map(([field, messages]) => [clean(field), messages.map(clean)]));
  return new ServiceTitanError(
    clean(parts.join("")),
    status,
    title ? clean(title) : undefined,
    cleanFields,
    problem.traceId === undefined ? undefined : clean(String(problem.traceId)),
    request,
    foreignHost,
    status === 429 ? retryAfter(error) || (retryAfterFromBody(error.response.data) ?? 0) * 1000 || undefined : undefined,
  );
};

/** 401 after a fresh token and 403 are configuration problems: Prismatic marks the connection. */
export const toConnectionError = (connection: Connection, error: ServiceTitanError, tenant: string): ConnectionError => {
  const detail = `${error.message}`;
  const advice =
    error.status === 403
      ? "ServiceTitan refused access (403). The app most likely lacks the API scope for this resource (Developer Portal → My Apps → Edit → scopes, e.g. tn.jpm.jobs:r / tn.jpm.jobs:w), or the tenant has not granted the app access (Settings → Integrations → API Application Access)."
      : `ServiceTitan rejected the credentials (401) even with a freshly issued token. Check that the Client ID and Secret were generated for tenant ${tenant}, that Token URL and Environment are the same environment (production vs integration (test)), and that Application Key is your app's key.`;
  return connectionError(connection, `${advice} ${detail}`);
};

/**
 * The component's error hook (whatever it returns is thrown). Our own errors are already shaped; anything else
 * (an unexpected axios error, a bug) is reduced to an Error whose message carries no request headers.
 */
export const handleError = (error: unknown): unknown => {
  if (error instanceof ConnectionError) return hideConnection(error); // whoever created it
  if (error instanceof ServiceTitanError || error instanceof InputError || (error as { name?: string })?.name === "ConnectionError")
    return error;
  if (isAxiosError(error))
    return toServiceTitanError(error, {
      request: `${error.config?.method?.toUpperCase() ?? ""} ${error.config?.url ?? ""}`.trim(),
      secrets: [],
    });
  return error;
};
