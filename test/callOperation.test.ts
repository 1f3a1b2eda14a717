import { operations, type OperationKey } from "../src/client";
import { schemasOf } from "../src/client/operations";
import { ServiceTitanError } from "../src/client/errors";
import { runAction, useSandbox } from "./support";

/**
 * "Call ServiceTitan API" over the whole generated table: every operation of the 25 modules once, with inputs built
 * from its spec (the required path, query and body values), must reach the sandbox as exactly that verb and path
 * with no spec violation. Then the refusals: each bad input is named and nothing is sent.
 */
type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The smallest valid value of a compact schema: required fields only, ids 1, enums' first value, dates as RFC 3339. */
const minimal = (schema: Schema | undefined, defs: Record<string, Schema>, depth = 0): unknown => {
  if (!schema || depth > 12) return undefined;
  if (schema.$ref) return minimal(defs[String(schema.$ref).replace("#/$defs/", "")], defs, depth + 1);
  const variants: Schema[] | undefined = schema.oneOf ?? schema.anyOf;
  if (variants) return minimal(variants.find((v) => v.type !== "null") ?? variants[0], defs, depth + 1);
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "array") return schema.minItems ? [minimal(schema.items, defs, depth + 1)] : [];
  if (type === "object" || schema.properties) {
    return Object.fromEntries((schema.required ?? []).map((name: string) => [name, minimal(schema.properties?.[name], defs, depth + 1)]));
  }
  if (type === "integer") return Math.max(1, schema.minimum ?? 1);
  if (type === "number") return Math.max(1, schema.minimum ?? 1);
  if (type === "boolean") return false;
  if (schema.format === "date-time") return "2025-01-06T14:00:00Z";
  if (schema.format === "date") return "2025-01-06";
  if (schema.format === "uuid" || schema.format === "guid" || schema.format === "email") return textFor(schema.format);
  if (schema.pattern === "^#([0-9A-Fa-f]{6})$") return "#1E90FF"; // the one pattern the specs declare: a color
  return "text".padEnd(schema.minLength ?? 0, "x");
};

const GUID_VALUE = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const textFor = (format?: string) =>
  format === "guid" || format === "uuid"
    ? GUID_VALUE
    : format === "email"
      ? "someone@example.com"
      : format === "date-time" || format === "date"
        ? "2025-01-06T14:00:00Z"
        : "text";

const queryValue = (q: (typeof operations)[OperationKey]["query"][number]): unknown => {
  if (q.name === "ids") return "1,2";
  if (q.enum) return q.enum[0];
  if (q.type === "array") return [q.items?.enum?.[0] ?? (q.items?.type === "integer" ? "1" : "text")];
  if (q.type === "integer" || q.type === "number") return String(Math.max(1, q.minimum ?? 1));
  if (q.type === "boolean") return "true";
  return textFor(q.format);
};

/**
 * An id the demo tenant has for a path parameter: the first record of the collection named like the path segment
 * before it ("/leads/{id}" → leads), else 1 (the sandbox then answers 404, a business answer).
 */
const idFor = (path: string, name: string): string => {
  const segments = path.split("/");
  const segment = segments[segments.indexOf(`{${name}}`) - 1] ?? "";
  const collection = ctx.sandbox.db.collections().find((c) => c === segment);
  const record = collection ? ctx.sandbox.db.all(collection).find((r) => r.active) : undefined;
  return String(record?.id ?? 1);
};

/** Valid inputs for one operation, from its spec (and, for ids, the demo tenant's records). */
const inputsFor = (key: OperationKey) => {
  const op = operations[key];
  const [, path] = key.split(" ");
  const pathParameters = Object.fromEntries(
    op.pathParams.filter((p) => p.name !== "tenant").map((p) => [p.name, p.type === "integer" ? idFor(path, p.name) : textFor(p.format)]),
  );
  const queryParameters = Object.fromEntries(op.query.filter((q) => q.required).map((q) => [q.name, queryValue(q)]));
  const { defs, requests } = schemasOf(op.module);
  const body =
    op.body === "json" && (op.bodyRequired || requests[key]) ? minimal(requests[key] as Schema, defs as Record<string, Schema>) : undefined;
  return { operation: key, pathParameters, queryParameters, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
};

const ctx = useSandbox();
const KEYS = (Object.keys(operations) as OperationKey[]).filter((key) => operations[key].body !== "multipart");

describe("Call ServiceTitan API: every operation of the 25 modules", () => {
  const outcomes: Record<string, number> = {};
  afterAll(() => {
    // Most operations succeed (459 of 580 when written); the others are the sandbox's business answers (no such
    // record, a state conflict …), never violations.
    expect(outcomes.ok).toBeGreaterThan(KEYS.length * 0.7);
  });

  it.each(KEYS)("%s reaches the sandbox as declared, with no spec violation", async (key) => {
    const before = ctx.sandbox.requests.length;
    let status = 200;
    try {
      await runAction("callOperation", { connection: ctx.connection, ...inputsFor(key) });
    } catch (error) {
      // A business answer (no such record, a state conflict, a referenced id that does not exist) is fine; a spec
      // violation is not (the sandbox records it, and the check below fails).
      if (
        !(error instanceof ServiceTitanError) ||
        ![400, 404, 409].includes(error.status ?? 0) ||
        /violates the ServiceTitan OpenAPI spec/.test(error.message)
      )
        throw error;
      status = error.status!;
    }
    outcomes[status === 200 ? "ok" : "business"] = (outcomes[status === 200 ? "ok" : "business"] ?? 0) + 1;
    const [verb, template] = key.split(" ");
    const sent = ctx.sandbox.requests.slice(before).filter((r) => !r.path.startsWith("/sandbox-files/"));
    expect(sent).toHaveLength(1);
    const pattern = new RegExp(`^${template.replace(/\{tenant\}/, ctx.sandbox.credentials.tenant).replace(/\{[^}]+\}/g, "[^/]+")}$`);
    expect({ method: sent[0].method, path: sent[0].path }).toEqual({ method: verb, path: expect.stringMatching(pattern) });
    expect(ctx.sandbox.violations).toEqual([]);
  });
});

describe("Call ServiceTitan API refuses bad input before any request, naming the input and the field", () => {
  const call = async (inputs: Record<string, unknown>) => {
    const before = ctx.sandbox.requests.length;
    const error = await runAction("callOperation", { connection: ctx.connection, ...inputs }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(ctx.sandbox.requests.length).toBe(before);
    return error?.message;
  };
  const JOB = "GET /jpm/v2/tenant/{tenant}/jobs/{id}";
  const JOBS = "GET /jpm/v2/tenant/{tenant}/jobs";
  const CREATE_LEAD = "POST /crm/v2/tenant/{tenant}/leads";
  const lead = { campaignId: 1, summary: "Wants a quote" };

  it.each([
    [
      "an unknown operation",
      { operation: "GET /jpm/v2/tenant/{tenant}/jobz" },
      /Input "Operation": "GET \/jpm\/v2\/tenant\/\{tenant\}\/jobz" is not a ServiceTitan operation/,
    ],
    [
      "a lower-case verb, with a suggestion",
      { operation: "get /jpm/v2/tenant/{tenant}/jobs" },
      /Did you mean "GET \/jpm\/v2\/tenant\/\{tenant\}\/jobs"\?/,
    ],
    ["an empty operation", { operation: "" }, /Input "Operation": is required/],
    ["a missing path parameter", { operation: JOB }, /Input "Path Parameters": "id" is required to call GET/],
    [
      "an unknown path parameter",
      { operation: JOB, pathParameters: { id: "1", jobId: "2" } },
      /Input "Path Parameters": "jobId" is not a path parameter of GET .*it takes id/,
    ],
    [
      "a non-integer id",
      { operation: JOB, pathParameters: { id: "12ab" } },
      /Input "Path Parameters": "id" must be a ServiceTitan id \(a whole number such as 12345\), got "12ab"/,
    ],
    ["a zero id", { operation: JOB, pathParameters: { id: "0" } }, /"id" must be a ServiceTitan id/],
    [
      "an undeclared query name",
      { operation: JOBS, queryParameters: { jobsIds: "1" } },
      /Input "Query Parameters": "jobsIds" is not a query parameter of GET .*silently ignore/,
    ],
    ["a misspelled filter", { operation: JOBS, queryParameters: { customerID: "1" } }, /"customerID" is not a query parameter/],
    [
      "a wrong query type",
      { operation: JOBS, queryParameters: { customerId: "abc" } },
      /Input "Query Parameters": "customerId" must be a whole number, got "abc"/,
    ],
    [
      "a wrong query enum",
      { operation: JOBS, queryParameters: { jobStatus: "Done" } },
      /"jobStatus" must be one of Scheduled, Dispatched, InProgress, Hold, Completed, Canceled, got "Done"/,
    ],
    ["a wrong boolean", { operation: JOBS, queryParameters: { includeTotal: "yes" } }, /"includeTotal" must be true or false, got "yes"/],
    [
      "a date that is not one",
      { operation: JOBS, queryParameters: { createdOnOrAfter: "yesterday" } },
      /"createdOnOrAfter" must be a date or date-time/,
    ],
    [
      "more than 50 ids",
      { operation: JOBS, queryParameters: { ids: Array.from({ length: 51 }, (_, i) => i + 1).join(",") } },
      /"ids" takes at most 50 ids per request, got 51/,
    ],
    [
      "a sort field the list does not offer",
      { operation: JOBS, queryParameters: { sort: "-Name" } },
      /cannot sort by "Name"; sortable fields: Id, ModifiedOn, CreatedOn/,
    ],
    [
      "a body on a GET",
      { operation: JOBS, body: '{"x": 1}' },
      /Input "Body": GET \/jpm\/v2\/tenant\/\{tenant\}\/jobs takes no request body/,
    ],
    ["malformed JSON", { operation: CREATE_LEAD, body: '{"summary": "x",' }, /Input "Body": is not valid JSON/],
    [
      "a missing body",
      { operation: CREATE_LEAD },
      /Input "Body": POST \/crm\/v2\/tenant\/\{tenant\}\/leads needs a JSON request body with campaignId, summary/,
    ],
    [
      "a missing required body field",
      { operation: CREATE_LEAD, body: JSON.stringify({ summary: "x" }) },
      /Input "Body": field "campaignId" is required/,
    ],
    [
      "a body id as a string",
      { operation: CREATE_LEAD, body: JSON.stringify({ ...lead, customerId: "12" }) },
      /Input "Body": field "customerId" must be a whole number, got "12"/,
    ],
    [
      "an unknown body field",
      { operation: CREATE_LEAD, body: JSON.stringify({ ...lead, sumary: "typo" }) },
      /Input "Body": field "sumary" is not a field ServiceTitan knows here \(it would silently drop it\); fields: customerId, locationId, campaignId/,
    ],
    [
      "a body enum ServiceTitan does not know",
      { operation: CREATE_LEAD, body: JSON.stringify({ ...lead, priority: "Asap" }) },
      /field "priority" must be one of Low, Normal, High, Urgent, got "Asap"/,
    ],
    [
      "a nested field of the wrong type",
      {
        operation: "POST /jpm/v2/tenant/{tenant}/jobs",
        body: JSON.stringify({
          customerId: 1,
          locationId: 1,
          businessUnitId: 1,
          jobTypeId: 1,
          priority: "Normal",
          campaignId: 1,
          appointments: [{ start: "2025-01-06T14:00:00Z", end: 5 }],
        }),
      },
      /field "appointments\[0\]\.end" must be a string/,
    ],
    ["a body that is not an object", { operation: CREATE_LEAD, body: "[1, 2]" }, /Input "Body": the body must be an object, got \[1,2\]/],
    [
      "Fetch All on an operation that is not a list",
      { operation: JOB, pathParameters: { id: "1" }, fetchAll: true },
      /Input "Fetch All": only applies to list operations/,
    ],
    ["Max Records without Fetch All", { operation: JOBS, maxRecords: "5" }, /Input "Max Records": only applies with Fetch All/],
    [
      "a file upload",
      { operation: "POST /pricebook/v2/tenant/{tenant}/images" },
      /Input "Operation": POST \/pricebook\/v2\/tenant\/\{tenant\}\/images uploads a file/,
    ],
  ])("%s", async (_case, inputs, expected) => {
    expect(await call(inputs)).toMatch(expected);
  });
});

describe("Call ServiceTitan API reads every page", () => {
  it("Fetch All over a list returns every record through the list pager", async () => {
    ctx.sandbox.db.bulkInsert("technicians", 120);
    const technicians = ctx.sandbox.db.all("technicians").length;
    const { data } = (await runAction("callOperation", {
      connection: ctx.connection,
      operation: "GET /settings/v2/tenant/{tenant}/technicians",
      queryParameters: { active: "Any" },
      fetchAll: true,
    })) as { data: { data: unknown[]; recordCount: number; complete: boolean } };
    expect(data).toMatchObject({ recordCount: technicians, complete: true });
  });

  it("Fetch All over an export feed follows continueFrom until caught up, and Max Records stops it where the next call resumes", async () => {
    ctx.sandbox.db.bulkInsert("leads", 30);
    const leads = ctx.sandbox.db.all("leads").length;
    const feed = "GET /crm/v2/tenant/{tenant}/export/leads";
    const all = (await runAction("callOperation", { connection: ctx.connection, operation: feed, fetchAll: true })) as {
      data: { data: Array<{ id: number }>; hasMore: boolean };
    };
    expect(all.data.data).toHaveLength(leads);
    expect(all.data.hasMore).toBe(false);
    const first = (await runAction("callOperation", { connection: ctx.connection, operation: feed, fetchAll: true, maxRecords: "10" })) as {
      data: { data: Array<{ id: number }>; hasMore: boolean; continueFrom: string };
    };
    expect(first.data.data).toHaveLength(10);
    expect(first.data.hasMore).toBe(true);
    const rest = (await runAction("callOperation", {
      connection: ctx.connection,
      operation: feed,
      queryParameters: { from: first.data.continueFrom },
      fetchAll: true,
    })) as { data: { data: Array<{ id: number }> } };
    expect(new Set([...first.data.data, ...rest.data.data].map((r) => r.id)).size).toBe(leads);
  });

  it("a file download answers the bytes", async () => {
    const result = (await runAction("callOperation", {
      connection: ctx.connection,
      operation: "GET /telecom/v2/tenant/{tenant}/calls/{id}/recording",
      pathParameters: { id: String(ctx.sandbox.db.all("calls").find((call) => call.leadCall?.recordingUrl)?.id) },
    })) as { data: Buffer; contentType: string };
    expect(Buffer.isBuffer(result.data)).toBe(true);
    expect(result.contentType).toBe("audio/mpeg");
  });
});
