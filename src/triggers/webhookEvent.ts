import { createHash, createHmac, timingSafeEqual } from "crypto";

/**
 * The pieces of the V2 webhook trigger that do not depend on Prismatic: signature check over the raw bytes, the
 * CloudEvents envelope ServiceTitan's specs declare, and the window of events already delivered.
 */

/** Community code and guides name this header; ServiceTitan's public pages do not (so the trigger makes it an input). */
export const DEFAULT_SIGNATURE_HEADER = "x-servicetitan-signature";

/** With the default header, these names are tried too: each still has to carry a valid HMAC of the body. */
export const FALLBACK_SIGNATURE_HEADERS = [
  DEFAULT_SIGNATURE_HEADER,
  "servicetitan-signature",
  "x-st-signature",
  "st-signature",
  "x-signature",
];

export const SIGNATURE_ENCODINGS = ["auto", "hex", "base64"] as const;
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
// 32 bytes in base64 or base64url: 43 characters, one "=" of padding when present.
const BASE64_DIGEST = /^[A-Za-z0-9+/_-]{43}=?$/;
// Labels some senders put before the digest ("sha256=…", GitHub style); the digest itself never contains them.
const DIGEST_LABEL = /^(?:sha256|hmac-sha256|hmacsha256|v1)[=:]/i;
const MAX_CANDIDATES = 5;

/** The raw request bytes, whatever form the platform hands them in; undefined when there are none to verify. */
export const rawBytes = (raw: unknown): Buffer | undefined => {
  if (Buffer.isBuffer(raw)) return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (typeof raw === "string") return Buffer.from(raw, "utf8");
  // A Buffer that went through JSON on its way here.
  const serialized = raw as { type?: unknown; data?: unknown } | null;
  if (serialized && serialized.type === "Buffer" && Array.isArray(serialized.data)) return Buffer.from(serialized.data as number[]);
  return undefined;
};

/** A header's value(s), looked up case-insensitively. */
export const headerValues = (headers: Record<string, unknown> | undefined, name: string): string[] => {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {})
    .filter(([key]) => key.toLowerCase() === wanted)
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((value): value is string => typeof value === "string" && value.trim() !== "");
};

/** One claimed digest → its 32 bytes, or undefined when it is neither hex nor base64 of a SHA-256 HMAC. */
const decodeDigest = (claimed: string, encoding: SignatureEncoding): Buffer | undefined => {
  const text = claimed.trim().replace(DIGEST_LABEL, "");
  if (encoding !== "base64" && HEX_DIGEST.test(text)) return Buffer.from(text, "hex");
  if (encoding !== "hex" && BASE64_DIGEST.test(text)) return Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return undefined;
};

export type SignatureCheck = { valid: true; header: string } | { valid: false; problem: "missing" | "malformed" | "mismatch" };

/**
 * HMAC-SHA256 of the exact request bytes with the key's UTF-8 bytes, compared in constant time with every digest the
 * signature header(s) carry (hex or base64, an optional "sha256=" label, several comma-separated for key rotation).
 */
export const checkSignature = (
  body: Buffer,
  key: string,
  headers: Record<string, unknown> | undefined,
  options: { headerNames: string[]; encoding: SignatureEncoding },
): SignatureCheck => {
  const expected = createHmac("sha256", Buffer.from(key, "utf8")).update(body).digest();
  let sawHeader = false;
  let sawDigest = false;
  for (const name of options.headerNames) {
    const claimed = headerValues(headers, name)
      .flatMap((value) => value.split(","))
      .slice(0, MAX_CANDIDATES);
    const digests = claimed.map((c) => decodeDigest(c, options.encoding)).filter((d): d is Buffer => d !== undefined);
    sawHeader ||= claimed.length > 0;
    sawDigest ||= digests.length > 0;
    // Every candidate is compared (no early exit on the first mismatch), each comparison in constant time.
    const matches = digests.map((digest) => timingSafeEqual(digest, expected));
    if (matches.includes(true)) return { valid: true, header: name };
  }
  return { valid: false, problem: !sawHeader ? "missing" : sawDigest ? "mismatch" : "malformed" };
};

/** The names (never values) of headers that look like a signature, to help find ServiceTitan's actual header name. */
export const signatureLikeHeaders = (headers: Record<string, unknown> | undefined): string[] =>
  Object.keys(headers ?? {}).filter((name) => /sign|hmac|digest/i.test(name));

export const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** What the trigger delivers to the flow. */
export interface WebhookEvent {
  /** CloudEvents `type`, e.g. "tn.jpm.job-completed". */
  eventType: string;
  /** `userassignedid`: the same for every delivery attempt of one occurrence (ServiceTitan's de-duplication key). */
  eventId: string | null;
  /** CloudEvents `id`: identifies one delivery attempt; ServiceTitan may change it between attempts. */
  deliveryId: string | null;
  tenantId: number | string | null;
  tenantName: string | null;
  /** CloudEvents `time`: when the event occurred. */
  occurredOn: string | null;
  source: string | null;
  /** The event's `data`: the resource record(s) under their name (job, appointment, invoice …) plus tenantId/tenantName. */
  data: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const textOrNull = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null;

/**
 * A parsed body → the event, or the reason it is not one. Structured CloudEvents (attributes and `data` in the body,
 * as ServiceTitan's `CloudEvent_Of_*` schemas declare) or binary mode (attributes in `ce-*` headers, the body is the
 * data).
 */
export const readEvent = (body: unknown, headers: Record<string, unknown> | undefined): WebhookEvent | { problem: string } => {
  if (!isObject(body)) return { problem: "the body is JSON but not an object" };
  const ce = (name: string) => headerValues(headers, `ce-${name}`)[0];
  const binary = !("type" in body) && ce("type") !== undefined;
  const attribute = (name: string) => (binary ? ce(name) : body[name]);
  const eventType = textOrNull(attribute("type"));
  if (!eventType)
    return { problem: 'the body has no event "type" (a ServiceTitan V2 webhook is a CloudEvent such as tn.jpm.job-completed)' };
  const data = binary ? body : body.data;
  if (!isObject(data)) return { problem: `the ${eventType} event has no "data" object` };
  const tenantId = data.tenantId;
  return {
    eventType,
    eventId: textOrNull(attribute("userassignedid")),
    deliveryId: textOrNull(attribute("id")),
    tenantId: typeof tenantId === "number" || typeof tenantId === "string" ? tenantId : null,
    tenantName: textOrNull(data.tenantName),
    occurredOn: textOrNull(attribute("time")),
    source: textOrNull(attribute("source")),
    data,
  };
};

/**
 * Events already delivered: key → epoch seconds, kept in the flow's instance state. Bounded by age (24 h, longer than
 * any ServiceTitan retry or same-day replay) and by count, so the state stays small (about 100 KB at most).
 */
export const SEEN_WINDOW_SECONDS = 24 * 60 * 60;
export const SEEN_MAX_ENTRIES = 2000;
export type SeenWindow = Record<string, number>;

export const dedupeKey = (event: WebhookEvent, body: Buffer): string =>
  event.eventId ? `id:${event.eventId}` : `sha256:${sha256Hex(body)}`;

/** The window without entries older than 24 h or beyond the newest SEEN_MAX_ENTRIES. */
export const pruneSeen = (seen: unknown, nowSeconds: number): SeenWindow => {
  const entries = Object.entries(isObject(seen) ? seen : {}).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number" && nowSeconds - entry[1] < SEEN_WINDOW_SECONDS,
  );
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, SEEN_MAX_ENTRIES));
};
