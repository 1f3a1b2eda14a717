import { input, trigger, type Connection, type TriggerPayload } from "@prismatic-io/spectral";
import { InputError } from "../client/errors";
import { resolveConnection } from "../connection";
import { stringInput } from "../inputs";
import {
  DEFAULT_SIGNATURE_HEADER,
  FALLBACK_SIGNATURE_HEADERS,
  SIGNATURE_ENCODINGS,
  checkSignature,
  dedupeKey,
  pruneSeen,
  rawBytes,
  readEvent,
  signatureLikeHeaders,
  type SignatureEncoding,
  type WebhookEvent,
} from "./webhookEvent";

/** Where the events already delivered are kept: the flow's own instance state (see docs/triggers.md). */
export const SEEN_STATE_KEY = "serviceTitanWebhookSeen";

/** The flow's steps go on "Event"; "Skipped" and "Refused" are answered by the trigger and need no steps. */
export const WEBHOOK_BRANCHES = ["Event", "Skipped", "Refused"] as const;
type Branch = (typeof WEBHOOK_BRANCHES)[number];

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const EVENT_TYPE = /^[A-Za-z0-9._:/-]+$/;

const inputs = {
  hmacKey: input({
    label: "HMAC Key",
    type: "password",
    required: false,
    comments:
      "Recommended. The HMAC key entered for this event's callback URL in the ServiceTitan Developer Portal (32-64 characters). With it, a delivery without a valid signature is refused (401) and the flow's steps do not run. Without it every delivery is accepted and marked verified: false.",
    clean: (value: unknown): string | undefined => {
      if (isBlank(value)) return undefined;
      const key = String(value).trim();
      // The length only: a key never appears in a message.
      if (key.length < 32 || key.length > 64)
        throw new InputError(
          "HMAC Key",
          `is ${key.length} characters long; ServiceTitan's HMAC keys are 32 to 64 characters (Developer Portal → your app → the event's HMAC Key).`,
        );
      return key;
    },
  }),
  eventTypes: input({
    label: "Event Types",
    type: "string",
    collection: "valuelist",
    required: false,
    example: "tn.jpm.job-completed",
    comments:
      "Optional: run the flow only for these ServiceTitan event types (e.g. tn.jpm.job-completed, tn.crm.lead-created). Other deliveries are acknowledged (200) and skipped. Empty: every event sent to this URL.",
    clean: (value: unknown): string[] | undefined => {
      const items = (Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split(","))
        .map((item) => String(item ?? "").trim())
        .filter((item) => item !== "");
      const wrong = items.find((item) => !EVENT_TYPE.test(item));
      if (wrong !== undefined) throw new InputError("Event Types", `"${wrong}" is not an event type such as tn.jpm.job-completed.`);
      return items.length ? items.map((item) => item.toLowerCase()) : undefined;
    },
  }),
  connection: input({
    label: "Connection",
    type: "connection",
    required: false,
    comments: "Optional: a ServiceTitan connection. When set, deliveries for any other tenant than the connection's are refused (403).",
  }),
  signatureHeader: input({
    label: "Signature Header",
    type: "string",
    required: false,
    default: DEFAULT_SIGNATURE_HEADER,
    comments: `The request header carrying the HMAC signature. ServiceTitan does not document its name publicly; with the default, ${FALLBACK_SIGNATURE_HEADERS.slice(1).join(", ")} are tried too (each must still hold a valid signature).`,
    clean: (value: unknown): string => {
      const name = isBlank(value) ? DEFAULT_SIGNATURE_HEADER : String(value).trim().toLowerCase();
      if (!HEADER_NAME.test(name))
        throw new InputError("Signature Header", `"${name}" is not an HTTP header name such as ${DEFAULT_SIGNATURE_HEADER}.`);
      return name;
    },
  }),
  signatureEncoding: stringInput({
    label: "Signature Encoding",
    default: "auto",
    model: SIGNATURE_ENCODINGS.map((value) => ({
      label: { auto: "Hex or Base64 (either is accepted)", hex: "Hex only", base64: "Base64 only" }[value],
      value,
    })),
    comments:
      "How the HMAC-SHA256 digest is written in the header. ServiceTitan does not document it publicly: keep the default unless you know.",
  }),
};

type Output = Record<string, unknown>;

/** One answer: the branch the flow takes, what ServiceTitan receives, what the flow sees at payload.body.data. */
const answer = (payload: TriggerPayload, branch: Branch, statusCode: number, reply: Output, data: Output) => ({
  payload: {
    ...payload,
    body: { data, contentType: "application/json" },
    // A refused request is not ServiceTitan's: none of its body stays in the execution's results.
    ...(branch === "Refused" ? { rawBody: { data: "", contentType: payload.rawBody?.contentType } } : {}),
  },
  response: { statusCode, contentType: "application/json", body: JSON.stringify(reply) },
  branch,
});

const EXAMPLE_EVENT: WebhookEvent & { verified: boolean } = {
  eventType: "tn.jpm.job-completed",
  eventId: "5f0c1d8e-2b7a-4c3e-9a61-0d2f4b8e7c15",
  deliveryId: "b7e2a9c4-61d3-4f08-8e5a-3c9d1f7b2a60",
  tenantId: 1000001,
  tenantName: "Example Heating & Air",
  occurredOn: "2026-03-02T16:28:55.8446003Z",
  source: "https://webhooks.servicetitan.io",
  data: {
    job: { id: 10001, jobNumber: "10001", customerId: 2001, locationId: 3001, jobStatus: "Completed", businessUnitId: 101, jobTypeId: 201 },
    tenantId: 1000001,
    tenantName: "Example Heating & Air",
  },
  verified: true,
};

export const webhookTrigger = trigger({
  display: {
    label: "ServiceTitan Webhook (V2)",
    description:
      "Runs the flow when ServiceTitan sends a V2 webhook event (job completed, lead created, call completed …) to this flow's URL. Checks the HMAC signature over the exact request bytes, answers ServiceTitan at once, skips repeats of an event within 24 hours, and can keep to a list of event types and to the connection's tenant. Put the flow's steps on the Event branch.",
  },
  inputs,
  allowsBranching: true,
  staticBranchNames: [...WEBHOOK_BRANCHES],
  synchronousResponseSupport: "valid",
  scheduleSupport: "invalid",
  perform: async (context, payload, params) => {
    const log = context.logger;
    const key = params.hmacKey as string | undefined;
    const header = params.signatureHeader as string;
    const refuse = (statusCode: number, reply: string, why: string) => {
      // The reason only: never the body, the key or the signature received.
      log.warn(`ServiceTitan webhook refused (${statusCode}): ${why}.`);
      return answer(payload, "Refused", statusCode, { status: "refused", error: reply }, { refused: why, statusCode });
    };

    const raw = rawBytes(payload.rawBody?.data);
    if (key) {
      if (!raw) return refuse(401, "signature missing or invalid", "the raw request body was not available to check its signature");
      const check = checkSignature(raw, key, payload.headers, {
        headerNames: header === DEFAULT_SIGNATURE_HEADER ? FALLBACK_SIGNATURE_HEADERS : [header],
        encoding: params.signatureEncoding as SignatureEncoding,
      });
      if (!check.valid) {
        const present = signatureLikeHeaders(payload.headers);
        const why = {
          missing: `no ${header} header (signature-like headers present: ${present.join(", ") || "none"}); check Signature Header`,
          malformed: `the ${header} header is not a hex or base64 HMAC-SHA256 digest`,
          mismatch: "the signature does not match the body (another HMAC key, or the body was changed on the way)",
        }[check.problem];
        return refuse(401, "signature missing or invalid", why);
      }
    }

    // Without a key there may be no raw bytes (a platform that only passes the parsed body): fall back to that.
    const parsedBody = payload.body?.data;
    const bytes =
      raw ?? (isBlank(parsedBody) ? undefined : Buffer.from(typeof parsedBody === "string" ? parsedBody : JSON.stringify(parsedBody)));
    if (!bytes?.length) return refuse(400, "empty body", "the request has no body");
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString("utf8"));
    } catch {
      // The parser's message quotes the body: say only how long it was.
      return refuse(400, "body is not valid JSON", `the body is not valid JSON (${bytes.length} bytes)`);
    }
    const event = readEvent(body, payload.headers);
    if ("problem" in event) return refuse(400, "not a ServiceTitan V2 webhook event", event.problem);

    if (params.connection) {
      const tenant = resolveConnection(params.connection as Connection).tenant;
      if (String(event.tenantId) !== tenant)
        return refuse(
          403,
          "wrong tenant",
          `the ${event.eventType} event is for tenant ${event.tenantId ?? "(none given)"} but the connection is for tenant ${tenant}`,
        );
    }

    const delivered = { ...event, verified: Boolean(key) };
    const label = `ServiceTitan ${event.eventType} event ${event.eventId ?? "(no id)"}`;
    const wanted = params.eventTypes as string[] | undefined;
    if (wanted && !wanted.includes(event.eventType.toLowerCase())) {
      log.info(`${label} skipped: not one of the Event Types.`);
      return answer(
        payload,
        "Skipped",
        200,
        { status: "skipped", reason: "event type not selected" },
        { skipped: "event type", ...delivered },
      );
    }

    const now = Math.floor(Date.now() / 1000);
    const seen = pruneSeen(context.instanceState[SEEN_STATE_KEY], now);
    const seenKey = dedupeKey(event, bytes);
    if (seen[seenKey] !== undefined) {
      log.info(`${label} skipped: already delivered ${now - seen[seenKey]} s ago.`);
      return answer(payload, "Skipped", 200, { status: "skipped", reason: "duplicate" }, { skipped: "duplicate", ...delivered });
    }
    seen[seenKey] = now;
    // Persisted with the execution (spectral's own polling state is kept the same way); returned as well.
    context.instanceState[SEEN_STATE_KEY] = seen;

    log.info(`${label} accepted${key ? "" : " (not verified: no HMAC Key set)"}.`);
    return {
      ...answer(payload, "Event", 200, { status: "accepted" }, delivered),
      instanceState: { ...context.instanceState },
    };
  },
  examplePayload: {
    payload: { body: { data: EXAMPLE_EVENT, contentType: "application/json" } },
    response: { statusCode: 200, contentType: "application/json", body: '{"status":"accepted"}' },
    branch: "Event",
  } as never,
});
