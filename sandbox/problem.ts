/** RFC 7807 problem bodies shaped like ServiceTitan's: {type, title, status, traceId, errors, data}. */
import { randomBytes } from "crypto";

export type FieldErrors = Record<string, string[]>;

export const SPEC_VIOLATION_TITLE = "Sandbox: request violates the ServiceTitan OpenAPI spec";

const TYPES: Record<number, string> = {
  400: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
  401: "https://tools.ietf.org/html/rfc7235#section-3.1",
  403: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
  404: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
  409: "https://tools.ietf.org/html/rfc7231#section-6.5.8",
  429: "https://tools.ietf.org/html/rfc6585#section-4",
  500: "https://tools.ietf.org/html/rfc7231#section-6.6.1",
  501: "https://tools.ietf.org/html/rfc7231#section-6.6.2",
  502: "https://tools.ietf.org/html/rfc7231#section-6.6.3",
  503: "https://tools.ietf.org/html/rfc7231#section-6.6.4",
  504: "https://tools.ietf.org/html/rfc7231#section-6.6.5",
};

const TITLES: Record<number, string> = {
  400: "One or more validation errors occurred.",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too many requests. Try again in 1 seconds.",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** W3C trace-context id, the format ServiceTitan support asks for. */
const traceId = () => `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`;

export function problem(status: number, title?: string, errors: FieldErrors = {}, data: Record<string, unknown> = {}) {
  return {
    type: TYPES[status] ?? "about:blank",
    title: title ?? TITLES[status] ?? `HTTP ${status}`,
    status,
    traceId: traceId(),
    errors,
    data,
  };
}

/** Thrown by handlers; the server turns it into a problem response (and records violations). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: FieldErrors = {},
    /** True when the request broke the spec: recorded in `sandbox.violations`. */
    readonly violation = false,
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export const notFound = (label: string, id: unknown) => new HttpError(404, `${label} with id ${id} not found`);

export const badRequest = (errors: FieldErrors, title = TITLES[400]) => new HttpError(400, title, errors);

export const conflict = (title: string) => new HttpError(409, title);

export const specViolation = (field: string, message: string) => new HttpError(400, SPEC_VIOLATION_TITLE, { [field]: [message] }, true);
