/** What every handler shares: its context, and builders for the list / get / export operations. */
import type { Store, SandboxRecord, CollectionName } from "../store";
import type { OperationInfo, Spec } from "../spec";
import type { CollectionDef } from "../resources";
import { exportPage, listPage } from "../listing";
import { badRequest, notFound } from "../problem";

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface UploadedFile {
  field: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface HandlerContext {
  store: Store;
  op: OperationInfo;
  /** Path parameters, coerced to their declared types (`id` is a number). */
  params: Record<string, Json>;
  /** Declared query parameters, coerced (integers, booleans, arrays). */
  query: Record<string, Json>;
  /** Parsed JSON body (`{}` when none was sent). */
  body: Json;
  /** multipart/form-data parts (attachments upload only). */
  files: UploadedFile[];
  settings: { pageSizeCap: number; exportPageSize: number };
  /** The sandbox's own origin, for redirects. */
  baseUrl: string;
}

export interface HandlerResult {
  status?: number;
  /** A file answered as bytes (downloads) instead of JSON. */
  file?: { data: Buffer; contentType: string; fileName?: string };
  /** Projected onto the operation's response schema by the server. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;
export type HandlerTable = Record<string, Handler>;

/** One ServiceTitan module's simulation (see handlers/index.ts). */
export interface SandboxModule {
  handlers: HandlerTable;
  /** Stateful collections of the module's resources, built once the documents are loaded (e.g. schemaCollection). */
  collections?: (spec: Spec) => CollectionDef[];
  /** Demo records of those collections (default: SEED_RECORDS of each, built from the schema). */
  seed?: (store: Store) => void;
}

type View = (record: SandboxRecord, ctx: HandlerContext) => unknown;
type Scope = (ctx: HandlerContext) => (record: SandboxRecord) => boolean;

export const ok = (body?: unknown): HandlerResult => ({ status: 200, body });

/** The record or 404 "<Label> with id N not found" (soft-deleted records count as missing). */
export function mustFind(ctx: HandlerContext, name: CollectionName, id: number): SandboxRecord {
  const collection = ctx.store.collection(name);
  const record = collection.get(id);
  if (!record || (collection.def.softDelete && !record.active)) throw notFound(collection.def.label, id);
  return record;
}

/** A referenced id in a request body: unknown → 400 with the field's message, as ServiceTitan answers. */
export function mustRef(ctx: HandlerContext, name: CollectionName, id: unknown, field: string): SandboxRecord {
  const collection = ctx.store.collection(name);
  const record = typeof id === "number" ? collection.get(id) : undefined;
  if (!record || (collection.def.softDelete && !record.active)) {
    throw badRequest({ [field]: [`${collection.def.label} with id ${id} not found`] });
  }
  return record;
}

/** Each id of a list field must exist. */
export function mustRefAll(ctx: HandlerContext, name: CollectionName, ids: unknown, field: string): number[] {
  const list = (ids as number[] | undefined) ?? [];
  list.forEach((id, i) => mustRef(ctx, name, id, `${field}[${i}]`));
  return list;
}

/** Copies the body fields that map 1:1 onto the record (undefined ones skipped). */
export function pickDefined(body: Json, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (body[f] !== undefined) out[f] = body[f];
  return out;
}

/** `GET …/<resource>`: ServiceTitan's filters, sort and paging envelope over a collection. */
export function list(name: CollectionName, options: { scope?: Scope; view?: View } = {}): Handler {
  return (ctx) => {
    const page = listPage(ctx.store, ctx.store.collection(name), {
      op: ctx.op,
      query: ctx.query,
      pageSizeCap: ctx.settings.pageSizeCap,
      where: options.scope?.(ctx),
    });
    const { view } = options;
    return ok(view ? { ...page, data: page.data.map((r) => view(r, ctx)) } : page);
  };
}

/** `GET …/<resource>/{id}`. */
export function getOne(name: CollectionName, options: { idParam?: string; scope?: Scope; view?: View } = {}): Handler {
  return (ctx) => {
    const id = ctx.params[options.idParam ?? "id"];
    const record = mustFind(ctx, name, id);
    if (options.scope && !options.scope(ctx)(record)) throw notFound(ctx.store.collection(name).def.label, id);
    return ok(options.view ? options.view(record, ctx) : record);
  };
}

/** `GET …/export/<resource>`: change-ordered pages with continueFrom. */
export function exportFeed(name: CollectionName, options: { view?: View } = {}): Handler {
  return (ctx) => {
    const page = exportPage(ctx.store.collection(name), ctx.query, ctx.settings.exportPageSize);
    const { view } = options;
    return ok(view ? { ...page, data: page.data.map((r) => view(r, ctx)) } : page);
  };
}

/** `externalData` patches: `{applicationGuid, patchMode?, externalData:[{key,value}]}` onto a flat key/value list. */
export function applyExternalData(current: { key: string; value: string }[], patch: Json): { key: string; value: string }[] {
  if (!patch) return current;
  const incoming = (patch.externalData ?? []).map((e: Json) => ({ key: e.key, value: e.value ?? "" }));
  if (patch.patchMode !== "Merge") return incoming;
  const merged = new Map(current.map((e) => [e.key, e]));
  for (const e of incoming) merged.set(e.key, e);
  return [...merged.values()];
}

/** Custom field inputs `{typeId, value}` as records show them `{typeId, name, value}` (types are not simulated). */
export const customFields = (input: Json[] | undefined) =>
  (input ?? []).map((f) => ({ typeId: f.typeId, name: f.name ?? `Custom field ${f.typeId}`, value: f.value ?? "" }));

/** The custom fields and external data a body sets (external data patched onto the current record's). */
export function customAndExternalData(body: Json, current?: SandboxRecord): Record<string, unknown> {
  return {
    ...(body.customFields !== undefined ? { customFields: customFields(body.customFields) } : {}),
    ...(body.externalData !== undefined ? { externalData: applyExternalData(current?.externalData ?? [], body.externalData) } : {}),
  };
}

// ---- declarative writes (resources simulated from their schema: see generic.ts schemaCollection) -------------------

export interface WriteOptions {
  /** Body fields naming records of other collections: unknown ids answer 400 with the field, as ServiceTitan does. */
  refs?: Record<string, CollectionName>;
  /** Path parameters the record belongs to (e.g. `{id}` of `/leads/{id}/notes` → the note's leadId). */
  parent?: Record<string, string>;
  /** The answer: the record (default) or `{ id }`. */
  answer?: "record" | "id";
}

function checkRefs(ctx: HandlerContext, refs: WriteOptions["refs"] = {}): void {
  for (const [field, collection] of Object.entries(refs)) {
    const value = ctx.body?.[field];
    if (Array.isArray(value)) mustRefAll(ctx, collection, value, field);
    else if (value !== undefined && value !== null) mustRef(ctx, collection, value, field);
  }
}

const parentFields = (ctx: HandlerContext, parent: WriteOptions["parent"] = {}) =>
  Object.fromEntries(Object.entries(parent).map(([param, field]) => [field, ctx.params[param]]));

const answer = (record: SandboxRecord, options: WriteOptions) => ok(options.answer === "id" ? { id: record.id } : record);

/** `POST …/<resource>`: a new record from the body (plus its parent from the path). */
export function create(name: CollectionName, options: WriteOptions = {}): Handler {
  return (ctx) => {
    checkRefs(ctx, options.refs);
    return answer(ctx.store.create(name, { ...ctx.body, ...parentFields(ctx, options.parent) }), options);
  };
}

/** `PATCH|PUT …/<resource>/{id}`: the body's fields merged into the record. */
export function update(name: CollectionName, options: WriteOptions & { idParam?: string } = {}): Handler {
  return (ctx) => {
    const record = mustFind(ctx, name, ctx.params[options.idParam ?? "id"]);
    checkRefs(ctx, options.refs);
    ctx.store.collection(name).update(record, ctx.body ?? {});
    return answer(record, options);
  };
}

/** `DELETE …/<resource>/{id}`: deactivates the record (it leaves lists and appears inactive in export feeds). */
export function remove(name: CollectionName, options: { idParam?: string } = {}): Handler {
  return (ctx) => {
    const record = mustFind(ctx, name, ctx.params[options.idParam ?? "id"]);
    ctx.store.collection(name).update(record, { active: false });
    return ok();
  };
}

/** An action endpoint (`…/{id}/dismiss`, `…/{id}/sell`): sets fields on the record; `check` may refuse (409). */
export function setFields(
  name: CollectionName,
  changes: (record: SandboxRecord, ctx: HandlerContext) => Record<string, unknown>,
  options: { idParam?: string; check?: (record: SandboxRecord, ctx: HandlerContext) => void; answer?: "record" | "none" } = {},
): Handler {
  return (ctx) => {
    const record = mustFind(ctx, name, ctx.params[options.idParam ?? "id"]);
    options.check?.(record, ctx);
    ctx.store.collection(name).update(record, changes(record, ctx));
    return options.answer === "none" ? ok() : ok(record);
  };
}
