/**
 * ServiceTitan V2 webhook deliveries, as the sandbox sends them: a CloudEvent (the envelope of the `CloudEvent_Of_*`
 * schemas in ServiceTitan's March 2026 OpenAPI files) serialised the way a .NET sender does, signed with an HMAC key.
 * Variants for tests and the demo: a redelivery of the same event, one changed byte, another tenant, no or a wrong
 * signature. Signing here uses node's crypto directly, independently of the component's verification code.
 *
 *   const delivery = buildDelivery({ type: "tn.jpm.job-completed", data: { job }, hmacKey });
 *   await harness.trigger("webhookTrigger", toTriggerPayload(delivery), { hmacKey });
 *   await sendDelivery("https://hooks.prismatic.io/trigger/…", delivery);   // a deployed flow
 */
import { createHmac, randomUUID } from "crypto";
import http from "http";
import https from "https";
import { TENANT_ID } from "./resources";
import type { CollectionName, Sandbox } from "./types";

export const SIGNATURE_HEADER = "x-servicetitan-signature";
export const SANDBOX_TENANT_NAME = "Sandbox Heating & Air";

export interface CloudEvent {
  specversion: "1.0";
  id: string;
  type: string;
  time: string;
  source: string;
  userassignedid: string;
  datacontenttype: string;
  data: Record<string, unknown>;
}

/** What goes over the wire: the exact bytes and the headers. */
export interface Delivery {
  body: Buffer;
  headers: Record<string, string>;
  /** The event the body holds (for building variants; the body is the truth). */
  event: CloudEvent;
}

export interface SignOptions {
  /** 32-64 characters, as the Developer Portal requires. Omitted: the delivery is not signed. */
  hmacKey?: string;
  encoding?: "hex" | "base64";
  /** Written before the digest, e.g. "sha256=". */
  prefix?: string;
  header?: string;
}

export interface DeliveryOptions extends SignOptions {
  /** e.g. "tn.jpm.job-completed" (the default). */
  type?: string;
  /** The event's resource(s), e.g. `{ job }`; tenantId and tenantName are added. */
  data?: Record<string, unknown>;
  tenantId?: number | string;
  tenantName?: string;
  /** `userassignedid`: one per occurrence of the event (random by default). */
  eventId?: string;
  /** `id`: one per delivery attempt (random by default). */
  deliveryId?: string;
  time?: string;
  contentType?: string;
}

/** HMAC-SHA256 of the bytes with the key's UTF-8 bytes. */
export const signBody = (body: Buffer | string, hmacKey: string, encoding: "hex" | "base64" = "hex"): string =>
  createHmac("sha256", hmacKey).update(body).digest(encoding);

/**
 * JSON as System.Text.Json writes it by default: compact, with non-ASCII and HTML-sensitive characters escaped
 * (é → \u00E9, ' → \u0027, < → \u003C). Re-serialising such a body with JSON.stringify changes its bytes, which is
 * exactly why signatures must be checked over the raw body.
 */
export const dotnetJson = (value: unknown): Buffer =>
  Buffer.from(
    JSON.stringify(value).replace(/[\u007f-\uffff<>&'+`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`),
    "utf8",
  );

const signed = (body: Buffer, headers: Record<string, string>, options: SignOptions): Record<string, string> => {
  const header = (options.header ?? SIGNATURE_HEADER).toLowerCase();
  const rest = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== header));
  if (!options.hmacKey) return rest;
  return { ...rest, [header]: `${options.prefix ?? ""}${signBody(body, options.hmacKey, options.encoding)}` };
};

export const buildDelivery = (options: DeliveryOptions = {}): Delivery => {
  const tenantId = options.tenantId ?? TENANT_ID;
  const event: CloudEvent = {
    specversion: "1.0",
    id: options.deliveryId ?? randomUUID(),
    type: options.type ?? "tn.jpm.job-completed",
    time: options.time ?? new Date().toISOString(),
    source: "https://webhooks.servicetitan.io",
    userassignedid: options.eventId ?? randomUUID(),
    datacontenttype: "application/json",
    data: { ...(options.data ?? {}), tenantId, tenantName: options.tenantName ?? SANDBOX_TENANT_NAME },
  };
  const body = dotnetJson(event);
  return { body, event, headers: signed(body, { "content-type": options.contentType ?? "application/json" }, options) };
};

/** ServiceTitan's retry of the same event: same `userassignedid`, a new delivery `id`, signed again. */
export const redeliver = (delivery: Delivery, options: SignOptions = {}): Delivery => {
  const event = { ...delivery.event, id: randomUUID() };
  const body = dotnetJson(event);
  return { body, event, headers: signed(body, delivery.headers, options) };
};

/** The same event for another tenant, correctly signed (the app's HMAC key is the same for every tenant). */
export const forTenant = (delivery: Delivery, tenantId: number | string, options: SignOptions = {}): Delivery => {
  const event = { ...delivery.event, id: randomUUID(), userassignedid: randomUUID(), data: { ...delivery.event.data, tenantId } };
  const body = dotnetJson(event);
  return { body, event, headers: signed(body, delivery.headers, options) };
};

/** One byte of the body changed (a character of the event id: still valid JSON), the signature left as it was. */
export const tamper = (delivery: Delivery): Delivery => {
  const body = Buffer.from(delivery.body);
  const at = body.indexOf('"userassignedid":"') + '"userassignedid":"'.length;
  body[at] = body[at] === 0x61 ? 0x62 : 0x61; // "a", or "b" where it was "a"
  return { ...delivery, body };
};

/** The same bytes with another signature header value, or none. */
export const withSignature = (delivery: Delivery, signature: string | undefined, header = SIGNATURE_HEADER): Delivery => {
  const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([name]) => name.toLowerCase() !== header));
  return { ...delivery, headers: signature === undefined ? headers : { ...headers, [header]: signature } };
};

/**
 * The delivery as Prismatic hands it to a trigger: the raw bytes in `rawBody.data`, the parsed JSON in `body.data`
 * (or the text when it is not JSON).
 */
export const toTriggerPayload = (delivery: Pick<Delivery, "body" | "headers">) => {
  const contentType = delivery.headers["content-type"] ?? "application/json";
  const text = delivery.body.toString("utf8");
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Left as text, as a platform would.
  }
  return { headers: { ...delivery.headers }, rawBody: { data: delivery.body, contentType }, body: { data: parsed, contentType } };
};

/** POSTs the delivery's exact bytes and headers to a URL (a deployed flow's webhook URL, or a local receiver). */
export const sendDelivery = (url: string, delivery: Delivery): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === "https:" ? https : http).request(
      target,
      { method: "POST", headers: { ...delivery.headers, "content-length": String(delivery.body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    request.on("error", reject);
    request.end(delivery.body);
  });

/** Which sandbox collection backs an event type's resource, and the name it carries in the event's data. */
const RESOURCES: Array<[RegExp, CollectionName, string]> = [
  [/^tn\.jpm\.job-appointment-/, "appointments", "appointment"],
  [/^tn\.jpm\.job-/, "jobs", "job"],
  [/^tn\.crm\.booking-/, "bookings", "booking"],
  [/^tn\.acc\.invoice-/, "invoices", "invoice"],
];

/** A delivery about a record of the sandbox, e.g. `sandboxDelivery(sandbox, "tn.jpm.job-completed", 10001, { hmacKey })`. */
export const sandboxDelivery = (sandbox: Pick<Sandbox, "db">, type: string, id: number, options: DeliveryOptions = {}): Delivery => {
  const match = RESOURCES.find(([pattern]) => pattern.test(type));
  if (!match) throw new Error(`The sandbox has no records behind ${type}; it simulates ${RESOURCES.map(([p]) => p.source).join(", ")}.`);
  const [, collection, name] = match;
  const record = sandbox.db.get(collection, id);
  if (!record) throw new Error(`The sandbox has no ${collection} record ${id}.`);
  return buildDelivery({ ...options, type, data: { [name]: record, ...(options.data ?? {}) } });
};
