/**
 * Every documented operation answers, also those without a hand-written handler:
 *  - an export feed gets a stateful collection of its own (records built from the feed's item schema), so the
 *    component's trigger and Export actions page through real change order and continueFrom tokens;
 *  - any other operation answers a valid response built from its response schema (a list answers a page of
 *    records), with its documented success status, a file's bytes, or a redirect to a file.
 * Requests are validated against the documents before they get here, like every other request.
 */
import type { CollectionDef } from "./resources";
import type { OperationInfo } from "./spec";
import type { Store } from "./store";
import { exportPage } from "./listing";
import type { HandlerContext, HandlerResult } from "./handlers/kit";
import { address, COMPANIES, EQUIPMENT, personName, phoneNumber, pick } from "./random";

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SAMPLE_TIME = "2025-01-06T14:00:00Z";
const SAMPLE_GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;

/** The non-null branch of a oneOf/anyOf (nullable wrappers), or the first one. */
const branch = (schema: Schema): Schema | undefined => {
  const variants: Schema[] | undefined = schema.oneOf ?? schema.anyOf;
  return variants?.find((v) => typeOf(v) !== "null" && v.type !== "null") ?? variants?.[0];
};

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** A field holding money (ServiceTitan sends some as numbers, some as strings such as "125.00"). */
const MONEY = /(price|amount|total|subtotal|cost|balance|tax|shipping)$/i;
const moneyOf = (id: number) => Math.round((89 + ((Number.isFinite(id) ? Math.abs(id) : 1) % 23) * 17.5) * 100) / 100;

const SERVICE_NAMES = [
  "AC Tune-Up",
  "Furnace Safety Inspection",
  "Water Heater Flush",
  "Drain Cleaning",
  "Panel Upgrade",
  "Duct Cleaning",
  "Thermostat Installation",
  "Capacitor Replacement",
] as const;
const ACCOUNT_NAMES = ["Service Revenue", "Accounts Receivable", "Cost of Goods Sold", "Inventory Asset", "Sales Tax Payable"] as const;
const SENTENCES = [
  "Customer asked us to call 30 minutes before arrival.",
  "Replaced the run capacitor and cleaned the condenser coil.",
  "Annual maintenance visit under the Comfort Club plan.",
  "Gate code 4321; dog in the back yard.",
  "Quoted a 16 SEER replacement; customer will decide next week.",
] as const;
const SOURCES = ["Phone", "Online Scheduler", "Referral", "Google Ads"] as const;
const MANUFACTURERS = ["Carrier", "Trane", "Lennox", "Rheem", "Goodman"] as const;

/**
 * A plausible text for a string field, by its name: people, companies, addresses, phone numbers, e-mails, money as
 * ServiceTitan sends it in strings ("125.00"), numbers, codes, notes. Deterministic per `id`.
 */
export function sampleText(name: string, recordId: number): string {
  const id = Number.isFinite(recordId) ? Math.abs(Math.trunc(recordId)) : 1; // a path id that is not a number ("text")
  const person = personName(id);
  const [first, last] = person.split(" ");
  const place = address(id);
  if (/email/i.test(name)) return `${first}.${last}@example.com`.toLowerCase();
  if (/phone|fax/i.test(name)) return phoneNumber(id);
  if (MONEY.test(name)) return moneyOf(id).toFixed(2);
  if (/street|address1?$/i.test(name)) return place.street;
  if (/^unit$|address2$/i.test(name)) return `Suite ${100 + (id % 9) * 10}`;
  if (/city$/i.test(name)) return place.city;
  if (/state$|province$/i.test(name)) return place.state;
  if (/zip$|postalCode$/i.test(name)) return place.zip;
  if (/country$/i.test(name)) return "USA";
  if (/^firstName$/i.test(name)) return first;
  if (/^lastName$/i.test(name)) return last;
  if (/(customer|contact|employee|technician|user|person|agent|tenant)Name$/i.test(name)) return person;
  if (/(vendor|company|business|supplier)Name$/i.test(name)) return pick(COMPANIES, id);
  if (/accountName$|account$/i.test(name)) return pick(ACCOUNT_NAMES, id);
  if (/part$/i.test(name)) return `${pick(MANUFACTURERS, id).slice(0, 3).toUpperCase()}-${1000 + (id % 9000)}`;
  if (/costType$|class$|group$|category$/i.test(name)) return pick(["HVAC", "Plumbing", "Electrical"], id);
  if (/number$/i.test(name)) return String(10000 + (id % 90000));
  if (/code$/i.test(name)) return `${words(name).split(" ")[0].slice(0, 4).toUpperCase()}-${100 + (id % 900)}`;
  if (/(^id|Id|^key|Key|^import|^external)$/.test(name) || /externalId|importId/i.test(name)) return `EXT-${id}`;
  if (/url$|path$|^image$|image$/i.test(name)) return `https://files.example.com/${words(name).replace(/ /g, "-")}/${id}.jpg`;
  if (/manufacturer$/i.test(name)) return pick(MANUFACTURERS, id);
  if (/^model$|modelNumber$/i.test(name)) return pick(EQUIPMENT, id)[1];
  if (/unitOfMeasure$/i.test(name)) return "Each";
  if (/currency$/i.test(name)) return "USD";
  if (/color$/i.test(name)) return "#1E90FF";
  if (/source$/i.test(name)) return pick(SOURCES, id);
  if (/time$/i.test(name)) return "08:00:00";
  if (/description|summary|memo|message|note|reason|paragraph|text|instructions|comment/i.test(name)) return pick(SENTENCES, id);
  if (/name$|^title$|label$/i.test(name)) return pick(SERVICE_NAMES, id);
  const text = words(name) || "text";
  return `${text[0].toUpperCase()}${text.slice(1)} ${id}`;
}

/** A plausible value for a field, by its schema and name; ids follow `id` so records differ. */
export function sampleValue(schema: Schema | undefined, name: string, id: number, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  const inner = branch(schema);
  if (inner && !schema.properties) return sampleValue(inner, name, id, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part: Schema) => sampleValue(part, name, id, depth + 1)));
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null) ?? null;
  switch (typeOf(schema)) {
    case "integer":
      // References vary with the record, so records without an id of their own (keyed by technicianId + jobId …) differ.
      return name === "id" || /Id$/.test(name) ? id : /count|quantity/i.test(name) ? 1 : 0;
    case "number":
      return MONEY.test(name) ? moneyOf(id) : /rate|percent/i.test(name) ? 12.5 : 1;
    case "boolean":
      return name === "active";
    case "array":
      return depth > 2 ? [] : [sampleValue(schema.items, name.replace(/s$/, ""), id, depth + 1)];
    case "string":
      if (schema.format === "date") return SAMPLE_TIME.slice(0, 10);
      if (schema.format === "date-time" || /On$|Date$|^date/.test(name)) return SAMPLE_TIME;
      // One GUID per record (ids that are GUIDs must differ like integer ones).
      if (schema.format === "uuid" || schema.format === "guid") return `${SAMPLE_GUID.slice(0, 24)}${String(id).padStart(12, "0")}`;
      if (schema.format === "binary" || schema.format === "byte") return "";
      return sampleText(name, id);
    default:
      if (schema.properties) return sampleRecord(schema, id, depth + 1);
      return depth ? {} : null;
  }
}

/** Every declared property of an object schema, with plausible values. */
export function sampleRecord(schema: Schema | undefined, id: number, depth = 0): Record<string, unknown> {
  const target = schema && !schema.properties && branch(schema) ? branch(schema)! : schema;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries((target?.properties ?? {}) as Record<string, Schema>)) {
    out[name] = sampleValue(property, name, id, depth);
  }
  return out;
}

const isEnvelope = (schema: Schema | undefined, fields: string[]) => !!schema?.properties && fields.every((f) => f in schema.properties);
const itemsOf = (schema: Schema | undefined): Schema | undefined => schema?.properties?.data?.items;

/** The export feed's resource, the collection that backs it: "/crm/v2/tenant/{tenant}/export/leads" → "leads". */
export const feedCollectionName = (op: OperationInfo): string | undefined => {
  if (op.method !== "GET" || !isEnvelope(op.responseSchema, ["hasMore", "continueFrom", "data"])) return undefined;
  const tail = /\/export\/(.+)$/.exec(op.path)?.[1] ?? /\/tenant\/\{tenant\}\/(.+)\/export$/.exec(op.path)?.[1];
  return tail?.replace(/\//g, "-");
};

/** Collections for the export feeds no handler covers, with ids in ranges of their own (from 1,000,001). */
export function feedCollections(operations: OperationInfo[], known: Set<string>): CollectionDef[] {
  const byName = new Map<string, Schema | undefined>();
  for (const op of operations) {
    const name = feedCollectionName(op);
    if (name && !known.has(name) && !byName.has(name)) byName.set(name, itemsOf(op.responseSchema));
  }
  return [...byName.keys()].sort().map((name, index) => {
    const item = byName.get(name);
    return {
      name: name as CollectionDef["name"],
      label: words(name.replace(/-/g, " ")).replace(/^\w/, (c) => c.toUpperCase()),
      firstId: 1_000_001 + index * 100_000,
      build: (_store: Store, fields: Record<string, unknown>, id: number) => ({ ...sampleRecord(item, id), ...fields }),
      fake: () => ({}),
    };
  });
}

/** The record schema of an operation's answer: a list's or feed's items, or the answer itself. */
export const recordSchemaOf = (op: OperationInfo | undefined): Schema | undefined =>
  op && (itemsOf(op.responseSchema) && isEnvelope(op.responseSchema, ["hasMore", "data"]) ? itemsOf(op.responseSchema) : op.responseSchema);

export interface SchemaCollectionSpec extends Pick<CollectionDef, "label" | "firstId" | "filters" | "softDelete" | "inputs"> {
  name: string;
  /** "module/OperationId" of the operation whose answer shows one record (a get, or a list); its schema builds records. */
  record: string;
  /** Fields every new record gets unless given (e.g. a status). */
  defaults?: (store: Store, fields: Record<string, unknown>, id: number) => Record<string, unknown>;
}

/**
 * A stateful collection whose records are built from the spec's record schema: every declared field gets a
 * plausible value, then the defaults, then the fields given (a create's body). For resources simulated with a few
 * declarative lines (see handlers/kit.ts: create, update, remove, setFields).
 */
export const schemaCollection = (
  spec: { operation(id: string): OperationInfo | undefined },
  options: SchemaCollectionSpec,
): CollectionDef => {
  const op = spec.operation(options.record);
  if (!op) throw new Error(`sandbox: no operation ${options.record} for collection ${options.name}`);
  const schema = recordSchemaOf(op);
  const { name, record: _record, defaults, ...rest } = options;
  return {
    ...rest,
    name: name as CollectionDef["name"],
    build: (store, fields, id) => ({ ...sampleRecord(schema, id), ...defaults?.(store, fields, id), ...fields }),
    fake: () => ({}),
  };
};

/** A stateful collection of records kept as created (no schema behind them: sub-records, write-only resources). */
export const plainCollection = (name: string, label: string, firstId: number): CollectionDef => ({
  name: name as CollectionDef["name"],
  label,
  firstId,
  build: (_store, fields) => ({ ...fields }),
  fake: () => ({}),
});

/** Records every feed collection starts with, so a first read has something to page through. */
export const FEED_SEED_RECORDS = 3;

/** The handler of an operation nobody simulates by hand. */
export function genericHandler(op: OperationInfo): (ctx: HandlerContext) => HandlerResult {
  const feed = feedCollectionName(op);
  if (feed) {
    return (ctx) => ({ status: 200, body: exportPage(ctx.store.collection(feed), ctx.query, ctx.settings.exportPageSize) });
  }
  return (ctx) => {
    if (op.responseKind === "redirect") {
      // Like a signed storage link: a file served without the API's auth.
      const file = `generic/${op.module}-${op.operationId}.bin`;
      ctx.store.files.set(file, {
        data: Buffer.from(`sandbox ${op.operationId}`),
        fileName: `${op.operationId}.bin`,
        contentType: "application/octet-stream",
      });
      return { status: 302, headers: { location: `${ctx.baseUrl}/sandbox-files/${file}` } };
    }
    if (op.responseKind === "file")
      return {
        status: op.successStatus,
        file: { data: Buffer.from(`sandbox ${op.operationId}`), contentType: "application/octet-stream" },
      };
    const schema = op.responseSchema;
    if (!schema) return { status: op.successStatus };
    if (isEnvelope(schema, ["page", "pageSize", "hasMore", "data"])) {
      const pageSize = Math.min(Number(ctx.query.pageSize ?? 50), ctx.settings.pageSizeCap);
      const data = [1, 2].slice(0, pageSize).map((id) => sampleRecord(itemsOf(schema), id));
      return {
        status: op.successStatus,
        body: {
          page: Number(ctx.query.page ?? 1),
          pageSize,
          hasMore: false,
          totalCount: ctx.query.includeTotal === true ? data.length : null,
          data,
        },
      };
    }
    const id = Number(ctx.params.id ?? 1);
    const body =
      typeOf(schema) === "array"
        ? [sampleValue(schema.items, "item", 1)]
        : typeOf(schema) === "object" || schema.properties || schema.oneOf
          ? sampleRecord(schema, id)
          : sampleValue(schema, "value", id);
    return { status: op.successStatus, body };
  };
}
