import { createServer, type IncomingHttpHeaders } from "http";
import type { AddressInfo } from "net";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import component from "../../src";
import { serviceTitanConnection } from "../../src/connection";
import { SEEN_STATE_KEY } from "../../src/triggers/webhook";
import { pruneSeen, SEEN_MAX_ENTRIES, SEEN_WINDOW_SECONDS } from "../../src/triggers/webhookEvent";
import {
  buildDelivery,
  forTenant,
  redeliver,
  sandboxDelivery,
  sendDelivery,
  signBody,
  tamper,
  toTriggerPayload,
  withSignature,
  type Delivery,
} from "../../sandbox/webhooks";
import { harness, useSandbox } from "../support";

/**
 * The V2 webhook trigger through spectral's harness (input cleaning and the error hook apply), fed with deliveries the
 * sandbox builds and signs independently of the trigger's own verification code. "The flow runs" = the trigger takes
 * the Event branch (the flow's steps hang there); every other answer is given by the trigger itself.
 */
const ctx = useSandbox();

const KEY = "st-whk-2f9c7a1e5b3d4f6a8c0e2b4d6f8a1c3e"; // 39 characters, like a Developer Portal key
const OTHER_KEY = "st-whk-0000000000aaaaaaaaaabbbbbbbbbbcccc";

type Result = {
  payload: { body: { data: Record<string, any> }; rawBody: { data: unknown } };
  response: { statusCode: number; contentType: string; body: string };
  branch: string;
  instanceState?: Record<string, unknown>;
};

/** One delivery through the trigger; `state` is the flow's instance state, carried between executions like Prismatic does. */
const deliver = async (
  delivery: Delivery | Record<string, unknown>,
  params: Record<string, unknown> = { hmacKey: KEY },
  state: Record<string, unknown> = {},
) => {
  // A silent logger of our own: spectral's loggerMock spies on the global console, so calls would pile up across tests.
  const logger = {
    debug: jest.fn(),
    info: jest.fn(),
    log: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    trace: jest.fn(),
    metric: jest.fn(),
  };
  const payload = "body" in delivery && Buffer.isBuffer(delivery.body) ? toTriggerPayload(delivery as Delivery) : delivery;
  const result = (await harness.trigger("webhookTrigger", payload as Parameters<typeof harness.trigger>[1], params, {
    logger: logger as never,
    instanceState: state,
  })) as unknown as Result;
  const logs = Object.values(logger)
    .flatMap((fn) => fn.mock.calls)
    .flat()
    .map(String)
    .join("\n");
  return {
    result,
    logs,
    status: result.response.statusCode,
    reply: JSON.parse(result.response.body),
    branch: result.branch,
    out: result.payload.body.data,
    state,
  };
};

const job = () => ctx.sandbox.db.get("jobs", 10001)!;
const signed = (options: Parameters<typeof buildDelivery>[0] = {}) =>
  buildDelivery({ data: { job: { id: 10001, summary: "Café d'Anjou: no <cooling>" } }, hmacKey: KEY, ...options });

/** The trigger refused: a 4xx, not the Event branch, nothing of the body kept or logged, no secret anywhere. */
const expectRefused = (run: Awaited<ReturnType<typeof deliver>>, status: number, delivery?: Delivery) => {
  expect(run.status).toBe(status);
  expect(run.branch).toBe("Refused");
  expect(run.reply.status).toBe("refused");
  expect(run.out).toEqual({ refused: expect.any(String), statusCode: status });
  expect(run.result.payload.rawBody.data).toBe("");
  expect(run.state[SEEN_STATE_KEY]).toBeUndefined();
  const everything = `${run.logs}\n${JSON.stringify(run.result)}`;
  expect(everything).not.toContain(KEY);
  if (delivery) {
    expect(everything).not.toContain(delivery.event.userassignedid);
    expect(everything).not.toContain("Anjou");
    const signature = delivery.headers["x-servicetitan-signature"];
    if (signature) expect(run.logs).not.toContain(signature);
  }
};

describe("ServiceTitan Webhook (V2): signature", () => {
  it("a correctly signed delivery runs the flow with the parsed event, verified", async () => {
    const delivery = sandboxDelivery(ctx.sandbox, "tn.jpm.job-completed", 10001, { hmacKey: KEY, time: "2026-03-02T16:28:55.8446003Z" });
    const run = await deliver(delivery);
    expect(run.status).toBe(200);
    expect(run.reply).toEqual({ status: "accepted" });
    expect(run.result.response.contentType).toBe("application/json");
    expect(run.branch).toBe("Event");
    expect(run.out).toEqual({
      eventType: "tn.jpm.job-completed",
      eventId: delivery.event.userassignedid,
      deliveryId: delivery.event.id,
      tenantId: 1000001,
      tenantName: "Sandbox Heating & Air",
      occurredOn: "2026-03-02T16:28:55.8446003Z",
      source: "https://webhooks.servicetitan.io",
      data: { job: job(), tenantId: 1000001, tenantName: "Sandbox Heating & Air" },
      verified: true,
    });
    expect(run.logs).toContain("tn.jpm.job-completed");
    expect(run.logs).not.toContain(KEY);
    expect(JSON.stringify(run.result)).not.toContain(KEY);
  });

  it("matches a digest computed independently (openssl dgst -sha256 -hmac) over the exact bytes", async () => {
    const body = Buffer.from('{"specversion":"1.0","type":"tn.jpm.job-completed","data":{"tenantId":1000001}}');
    const known = {
      body: Buffer.from('{"specversion":"1.0","type":"tn.jpm.job-completed"}'),
      digest: "f5d98398e00f671a9bdd9f70cd965b1db093d58146b7df5de75c3e131199683c",
    };
    expect(signBody(known.body, KEY)).toBe(known.digest);
    const payload = (digest: string) => ({
      headers: { "x-servicetitan-signature": digest },
      rawBody: { data: body, contentType: "application/json" },
      body: { data: JSON.parse(body.toString()) },
    });
    expect((await deliver(payload(signBody(body, KEY)))).branch).toBe("Event");
    const flipped = signBody(body, KEY).replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expectRefused(await deliver(payload(flipped)), 401);
  });

  it("accepts hex (either case) and base64/base64url digests, with or without a sha256= label", async () => {
    for (const variant of [
      signed({ encoding: "hex" }),
      signed({ encoding: "base64" }),
      signed({ encoding: "hex", prefix: "sha256=" }),
      signed({ encoding: "base64", prefix: "sha256=" }),
    ])
      expect((await deliver(variant)).branch).toBe("Event");
    const upper = signed();
    expect((await deliver(withSignature(upper, upper.headers["x-servicetitan-signature"].toUpperCase()))).branch).toBe("Event");
    const url = signed({ encoding: "base64" });
    const base64url = url.headers["x-servicetitan-signature"].replace(/\+/g, "-").replace(/\//g, "_").replace(/=$/, "");
    expect((await deliver(withSignature(url, base64url))).branch).toBe("Event");
  });

  it("a Signature Encoding other than auto takes only that encoding", async () => {
    expect((await deliver(signed({ encoding: "hex" }), { hmacKey: KEY, signatureEncoding: "hex" })).branch).toBe("Event");
    expectRefused(await deliver(signed({ encoding: "base64" }), { hmacKey: KEY, signatureEncoding: "hex" }), 401);
    expectRefused(await deliver(signed({ encoding: "hex" }), { hmacKey: KEY, signatureEncoding: "base64" }), 401);
  });

  it("reads the signature from the configured header, and with the default also from other common names", async () => {
    const custom = signed({ header: "x-st-hmac" });
    expect((await deliver(custom, { hmacKey: KEY, signatureHeader: "X-ST-HMAC" })).branch).toBe("Event");
    expectRefused(await deliver(custom), 401); // default header: x-st-hmac is not one it tries
    expect((await deliver(signed({ header: "ServiceTitan-Signature" }))).branch).toBe("Event");
    // A configured header means only that one.
    expectRefused(await deliver(signed(), { hmacKey: KEY, signatureHeader: "x-st-hmac" }), 401);
  });

  it("accepts a header holding several comma-separated digests when one is valid (key rotation)", async () => {
    const delivery = signed();
    const both = `${signBody(delivery.body, OTHER_KEY)}, ${delivery.headers["x-servicetitan-signature"]}`;
    expect((await deliver(withSignature(delivery, both))).branch).toBe("Event");
  });

  it("a wrong signature (another key) is refused with 401, the flow does not run, nothing leaks", async () => {
    const delivery = signed({ hmacKey: OTHER_KEY });
    const run = await deliver(delivery);
    expectRefused(run, 401, delivery);
    expect(run.reply).toEqual({ status: "refused", error: "signature missing or invalid" });
    expect(run.logs).toMatch(/refused \(401\): the signature does not match the body/);
  });

  it("a missing signature is refused with 401 and the log names the header looked for (names only)", async () => {
    const delivery = withSignature(signed(), undefined);
    const run = await deliver(delivery);
    expectRefused(run, 401, delivery);
    expect(run.logs).toMatch(/no x-servicetitan-signature header \(signature-like headers present: none\)/);
    const unsigned = buildDelivery();
    const elsewhere = withSignature(unsigned, signBody(unsigned.body, KEY), "x-webhook-hmac");
    const hinted = await deliver(elsewhere);
    expectRefused(hinted, 401, elsewhere);
    expect(hinted.logs).toContain("signature-like headers present: x-webhook-hmac");
  });

  it("a signature over a different body (one byte changed) is refused with 401", async () => {
    const original = signed();
    const changed = tamper(original);
    expect(changed.body.equals(original.body)).toBe(false);
    expect(changed.body.length).toBe(original.body.length);
    expect(() => JSON.parse(changed.body.toString())).not.toThrow(); // still a valid event: only the signature stops it
    expectRefused(await deliver(changed), 401, changed);
  });

  it("a re-serialised body (same JSON, other bytes) is refused: the signature covers the raw bytes", async () => {
    const original = signed();
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(original.body.toString("utf8"))));
    expect(reserialised.equals(original.body)).toBe(false);
    const delivery = { ...original, body: reserialised };
    expectRefused(await deliver(delivery), 401, delivery);
  });

  it("a signature header that is no digest at all is refused with 401", async () => {
    const delivery = withSignature(signed(), "definitely-not-a-digest");
    const run = await deliver(delivery);
    expectRefused(run, 401, delivery);
    expect(run.logs).toContain("not a hex or base64 HMAC-SHA256 digest");
  });

  it("with a key, a request whose raw bytes are not available is refused rather than checked against parsed JSON", async () => {
    const delivery = signed();
    const payload = {
      ...toTriggerPayload(delivery),
      rawBody: { data: JSON.parse(delivery.body.toString()), contentType: "application/json" },
    };
    const run = await deliver(payload);
    expectRefused(run, 401);
    expect(run.logs).toContain("raw request body was not available");
  });

  it("without an HMAC Key every delivery is accepted and marked unverified", async () => {
    const unsigned = buildDelivery({ data: { job: { id: 10002 } } });
    const run = await deliver(unsigned, {});
    expect(run.status).toBe(200);
    expect(run.branch).toBe("Event");
    expect(run.out).toMatchObject({ eventType: "tn.jpm.job-completed", eventId: unsigned.event.userassignedid, verified: false });
    expect(run.logs).toContain("not verified: no HMAC Key set");
    // Nothing is checked without a key: a signature made with any key changes nothing.
    expect((await deliver(signed({ hmacKey: OTHER_KEY }), {})).out.verified).toBe(false);
  });
});

describe("ServiceTitan Webhook (V2): de-duplication", () => {
  it("the same event delivered again is acknowledged (200) and skipped; a new event runs", async () => {
    const state: Record<string, unknown> = {};
    const first = signed();
    expect((await deliver(first, undefined, state)).branch).toBe("Event");
    expect(Object.keys(state[SEEN_STATE_KEY] as object)).toEqual([`id:${first.event.userassignedid}`]);

    const again = await deliver(first, undefined, state);
    expect(again.status).toBe(200);
    expect(again.branch).toBe("Skipped");
    expect(again.reply).toEqual({ status: "skipped", reason: "duplicate" });
    expect(again.out).toMatchObject({ skipped: "duplicate", eventId: first.event.userassignedid, verified: true });

    // ServiceTitan's retry: a new delivery id, the same userassignedid, signed again.
    const retry = redeliver(first, { hmacKey: KEY });
    expect(retry.event.id).not.toBe(first.event.id);
    expect((await deliver(retry, undefined, state)).branch).toBe("Skipped");

    expect((await deliver(signed(), undefined, state)).branch).toBe("Event");
    expect(Object.keys(state[SEEN_STATE_KEY] as object)).toHaveLength(2);
  });

  it("returns the updated instance state too (persisted with the execution)", async () => {
    const run = await deliver(signed(), undefined, { other: "kept" });
    expect(run.result.instanceState).toMatchObject({ other: "kept", [SEEN_STATE_KEY]: expect.any(Object) });
  });

  it("an event without an id is recognised by a SHA-256 of its raw body", async () => {
    const state: Record<string, unknown> = {};
    const event = { specversion: "1.0", type: "tn.crm.lead-created", data: { lead: { id: 5 }, tenantId: 1000001 } };
    const body = Buffer.from(JSON.stringify(event));
    const payload = (bytes: Buffer) => ({
      headers: { "x-servicetitan-signature": signBody(bytes, KEY) },
      rawBody: { data: bytes },
      body: { data: {} },
    });
    const first = await deliver(payload(body), undefined, state);
    expect(first.branch).toBe("Event");
    expect(first.out.eventId).toBeNull();
    expect(Object.keys(state[SEEN_STATE_KEY] as object)[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await deliver(payload(body), undefined, state)).branch).toBe("Skipped");
    expect((await deliver(payload(Buffer.from(JSON.stringify({ ...event, time: "2026-01-01T00:00:00Z" }))), undefined, state)).branch).toBe(
      "Event",
    );
  });

  it("forgets events after 24 hours and keeps at most 2,000", () => {
    const now = 2_000_000_000;
    const window = pruneSeen({ fresh: now - 60, old: now - SEEN_WINDOW_SECONDS - 1, junk: "x" }, now);
    expect(window).toEqual({ fresh: now - 60 });
    const many = Object.fromEntries(Array.from({ length: SEEN_MAX_ENTRIES + 50 }, (_, i) => [`id:${i}`, now - i]));
    const kept = pruneSeen(many, now);
    expect(Object.keys(kept)).toHaveLength(SEEN_MAX_ENTRIES);
    expect(kept["id:0"]).toBe(now); // the newest stay
    expect(kept[`id:${SEEN_MAX_ENTRIES + 49}`]).toBeUndefined();
    expect(pruneSeen(undefined, now)).toEqual({});
  });

  it("an event seen more than 24 hours ago runs again", async () => {
    const delivery = signed();
    const state: Record<string, unknown> = {
      [SEEN_STATE_KEY]: { [`id:${delivery.event.userassignedid}`]: Math.floor(Date.now() / 1000) - SEEN_WINDOW_SECONDS - 5 },
    };
    expect((await deliver(delivery, undefined, state)).branch).toBe("Event");
  });
});

describe("ServiceTitan Webhook (V2): event types, tenant, body", () => {
  it("Event Types: other types are acknowledged (200) and skipped, listed ones run (case-insensitive)", async () => {
    const params = { hmacKey: KEY, eventTypes: ["TN.JPM.Job-Completed", "tn.crm.lead-created"] };
    const state: Record<string, unknown> = {};
    const other = await deliver(signed({ type: "tn.tlc.call-completed" }), params, state);
    expect(other.status).toBe(200);
    expect(other.branch).toBe("Skipped");
    expect(other.reply).toEqual({ status: "skipped", reason: "event type not selected" });
    expect(other.out).toMatchObject({ skipped: "event type", eventType: "tn.tlc.call-completed" });
    expect(state[SEEN_STATE_KEY]).toBeUndefined();
    expect((await deliver(signed(), params, state)).branch).toBe("Event");
    expect(
      (await deliver(signed({ type: "tn.crm.lead-created" }), { ...params, eventTypes: "tn.crm.lead-created, tn.jpm.job-completed" }))
        .branch,
    ).toBe("Event");
  });

  it("with a connection, a delivery for another tenant is refused (403); its own tenant runs", async () => {
    const params = { hmacKey: KEY, connection: ctx.connection };
    const own = signed();
    expect((await deliver(own, params)).branch).toBe("Event");
    const other = forTenant(own, 2000002, { hmacKey: KEY });
    const run = await deliver(other, params);
    expectRefused(run, 403, other);
    expect(run.reply).toEqual({ status: "refused", error: "wrong tenant" });
    expect(run.logs).toContain("is for tenant 2000002 but the connection is for tenant 1000001");
    // No connection, no tenant check.
    expect((await deliver(other)).branch).toBe("Event");
    // No request reached ServiceTitan for the check.
    expect(ctx.sandbox.requests.filter((r) => r.path.includes("/tenant/"))).toEqual([]);
  });

  it("a correctly signed body that is not JSON gets a clear 400, no crash, nothing of it logged", async () => {
    const body = Buffer.from('{"type":"tn.jpm.job-completed","data":{"secretNote":"Anjou"'); // cut short
    const payload = {
      headers: { "x-servicetitan-signature": signBody(body, KEY) },
      rawBody: { data: body },
      body: { data: body.toString() },
    };
    const run = await deliver(payload);
    expectRefused(run, 400);
    expect(run.reply).toEqual({ status: "refused", error: "body is not valid JSON" });
    expect(run.out.refused).toBe(`the body is not valid JSON (${body.length} bytes)`);
    expect(`${run.logs}${JSON.stringify(run.result)}`).not.toContain("Anjou");
  });

  it("JSON that is not a V2 event gets a 400 naming what is missing", async () => {
    for (const [text, reason] of [
      ["[1,2]", "not an object"],
      ['{"data":{}}', 'no event "type"'],
      ['{"type":"tn.jpm.job-completed"}', 'has no "data" object'],
    ]) {
      const body = Buffer.from(text);
      const run = await deliver({
        headers: { "x-servicetitan-signature": signBody(body, KEY) },
        rawBody: { data: body },
        body: { data: {} },
      });
      expectRefused(run, 400);
      expect(run.out.refused).toContain(reason);
    }
  });

  it("reads a binary-mode CloudEvent (attributes in ce-* headers, the body is the data)", async () => {
    const body = Buffer.from(JSON.stringify({ call: { id: 77 }, tenantId: 1000001, tenantName: "T" }));
    const headers = {
      "ce-type": "tn.tlc.call-completed",
      "ce-id": "d-1",
      "ce-userassignedid": "e-1",
      "ce-time": "2026-03-02T10:00:00Z",
      "x-servicetitan-signature": signBody(body, KEY, "base64"),
    };
    const run = await deliver({ headers, rawBody: { data: body }, body: { data: {} } });
    expect(run.branch).toBe("Event");
    expect(run.out).toMatchObject({
      eventType: "tn.tlc.call-completed",
      eventId: "e-1",
      deliveryId: "d-1",
      tenantId: 1000001,
      data: { call: { id: 77 } },
    });
  });

  it("handles a 1 MB delivery: verified and parsed, and refused when one byte changes", async () => {
    const notes = Array.from({ length: 12_500 }, (_, i) => ({
      id: i,
      text: `Note ${i}: checked the condenser, coil and filter; all fine.`,
    }));
    const big = signed({ data: { job: { id: 10001, notes } } });
    expect(big.body.length).toBeGreaterThan(1_000_000);
    const run = await deliver(big);
    expect(run.branch).toBe("Event");
    expect((run.out.data.job as { notes: unknown[] }).notes).toHaveLength(12_500);
    expectRefused(await deliver(tamper(big)), 401);
  });

  it("sendDelivery puts the exact bytes on the wire: what a server receives still verifies", async () => {
    let received: { body: Buffer; headers: IncomingHttpHeaders } | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received = { body: Buffer.concat(chunks), headers: request.headers };
        response.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const delivery = signed();
      const answer = await sendDelivery(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, delivery);
      expect(answer.status).toBe(200);
      expect(received!.body.equals(delivery.body)).toBe(true);
      const run = await deliver({
        headers: received!.headers as Record<string, string>,
        rawBody: { data: received!.body },
        body: { data: JSON.parse(received!.body.toString()) },
      });
      expect(run.branch).toBe("Event");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("ServiceTitan Webhook (V2): inputs and definition", () => {
  it("refuses an HMAC Key of the wrong length by naming the input, never the key", async () => {
    const short = "too-short-key";
    const error = await harness.trigger("webhookTrigger", toTriggerPayload(signed()), { hmacKey: short }).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(
      /Input "HMAC Key": is 13 characters long; ServiceTitan's HMAC keys are 32 to 64 characters/,
    );
    expect(JSON.stringify(error)).not.toContain(short);
    expect(String((error as Error).message)).not.toContain(short);
  });

  it("refuses a malformed event type or header name by naming the input", async () => {
    await expect(harness.trigger("webhookTrigger", toTriggerPayload(signed()), { eventTypes: ["job completed"] })).rejects.toThrow(
      /Input "Event Types": "job completed" is not an event type/,
    );
    await expect(harness.trigger("webhookTrigger", toTriggerPayload(signed()), { signatureHeader: "x bad" })).rejects.toThrow(
      /Input "Signature Header": "x bad" is not an HTTP header name/,
    );
    await expect(harness.trigger("webhookTrigger", toTriggerPayload(signed()), { signatureEncoding: "hexa" })).rejects.toThrow(
      /Input "Signature Encoding": "hexa" is not one of auto, hex, base64/,
    );
  });

  it("is a branching webhook trigger that answers synchronously", () => {
    const definition = component.triggers.webhookTrigger as Record<string, any>;
    expect(definition.display.label).toBe("ServiceTitan Webhook (V2)");
    expect(definition.allowsBranching).toBe(true);
    expect(definition.staticBranchNames).toEqual(["Event", "Skipped", "Refused"]);
    expect(definition.synchronousResponseSupport).toBe("valid");
    expect(definition.scheduleSupport).toBe("invalid");
    const inputs = Object.fromEntries(definition.inputs.map((i: Record<string, unknown>) => [i.key, i]));
    expect(inputs.hmacKey).toMatchObject({ type: "password", required: false });
    expect(inputs.connection).toMatchObject({ type: "connection", required: false });
    expect(inputs.signatureHeader.default).toBe("x-servicetitan-signature");
    expect(inputs.signatureEncoding.default).toBe("auto");
    expect(definition.examplePayload.branch).toBe("Event");
  });

  it("a connection with a non-numeric tenant is reported as a connection problem", async () => {
    const connection = createConnection(serviceTitanConnection, { ...ctx.connection.fields, tenant: "acme" });
    await expect(harness.trigger("webhookTrigger", toTriggerPayload(signed()), { hmacKey: KEY, connection })).rejects.toThrow(
      /Tenant ID must be the numeric/,
    );
  });
});
