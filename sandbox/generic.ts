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
      return /price|amount|total|cost|rate/i.test(name) ? 125.5 : 1;
    case "boolean":
      return name === "active";
    case "array":
      return depth > 2 ? [] : [sampleValue(schema.items, name.replace(/s$/, ""), id, depth + 1)];
    case "string":
      if (schema.format === "date-time" || /On$|Date$|^date/.test(name)) return SAMPLE_TIME;
      if (schema.format === "date") return SAMPLE_TIME.slice(0, 10);
      // One GUID per record (ids that are GUIDs must differ like integer ones).
      if (schema.format === "uuid" || schema.format === "guid") return `${SAMPLE_GUID.slice(0, 24)}${String(id).padStart(12, "0")}`;
      if (schema.format === "binary" || schema.format === "byte") return "";
      if (/email/i.test(name)) return `sample${id}@example.com`;
      if (/phone/i.test(name)) return "6025550100";
      return `Sample ${words(name) || "text"} ${id}`;
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
