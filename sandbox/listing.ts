/**
 * ServiceTitan's read semantics over a collection: list filters, sort, the paging envelope and the
 * export feeds' continuation tokens.
 */
import type { Collection, SandboxRecord, Store } from "./store";
import { toIso } from "./store";
import type { Filter } from "./resources";
import type { OperationInfo } from "./spec";
import { badRequest, specViolation } from "./problem";

type Query = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Page<T> {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount: number | null;
  data: T[];
}

export interface ExportPage<T> {
  hasMore: boolean;
  continueFrom: string;
  data: T[];
}

const MAX_IDS = 50;
const TIMESTAMPS = new Set(["createdOn", "modifiedOn"]);

const valueAt = (record: SandboxRecord, path: string): unknown =>
  path.includes(".") ? path.split(".").reduce<any>((o, k) => (o == null ? undefined : o[k]), record) : record[path]; // eslint-disable-line @typescript-eslint/no-explicit-any

const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : String(value).split(",")).map((s) => String(s).trim()).filter(Boolean);

function predicate(filter: Filter, value: unknown, store: Store): (r: SandboxRecord) => boolean {
  if (typeof filter === "function") return (r) => filter(r, value, store);
  if (typeof filter === "string") {
    const wanted = String(value).toLowerCase();
    return (r) => String(valueAt(r, filter)).toLowerCase() === wanted;
  }
  if ("in" in filter) {
    const set = new Set(listOf(value));
    return (r) => set.has(String(valueAt(r, filter.in)));
  }
  if ("any" in filter) {
    const set = new Set(listOf(value));
    return (r) => ((valueAt(r, filter.any) as unknown[]) || []).some((v) => set.has(String(v)));
  }
  if ("contains" in filter) {
    const needle = String(value).toLowerCase();
    return (r) =>
      String(valueAt(r, filter.contains) ?? "")
        .toLowerCase()
        .includes(needle);
  }
  if ("from" in filter || "before" in filter) {
    const field = "from" in filter ? filter.from : filter.before;
    const bound = toIso(value);
    // createdOn/modifiedOn are stored normalised (toISOString), so they compare as strings; others may not be.
    const at = TIMESTAMPS.has(field) ? (r: SandboxRecord) => r[field] as string : (r: SandboxRecord) => toIso(valueAt(r, field));
    return "from" in filter ? (r) => valueAt(r, field) != null && at(r) >= bound : (r) => valueAt(r, field) != null && at(r) < bound;
  }
  if ("above" in filter) return (r) => Number(valueAt(r, filter.above)) > Number(value);
  return (r) => Number(valueAt(r, (filter as { below: string }).below)) < Number(value);
}

/** `ids=1,2,3`: integers, at most 50 (the specs' documented maximum, so more is a client bug). */
export function parseIds(value: unknown, field = "ids"): Set<number> {
  const parts = listOf(value);
  if (parts.some((p) => !/^\d+$/.test(p))) throw specViolation(field, `must be a comma-separated list of integer ids, got "${value}"`);
  if (parts.length > MAX_IDS) throw specViolation(field, `at most ${MAX_IDS} ids per request (got ${parts.length})`);
  return new Set(parts.map(Number));
}

/** `active=True|False|Any` (case-insensitive like the API's enum binding); default True. */
export function activeFilter(value: unknown): ((r: SandboxRecord) => boolean) | undefined {
  const mode = value === undefined ? "true" : String(value).toLowerCase();
  if (mode === "any") return undefined;
  if (mode === "true") return (r) => r.active;
  if (mode === "false") return (r) => !r.active;
  throw badRequest({ active: [`The value '${value}' is not valid. Values: True, Any, False`] });
}

/** Generic filters every list shares, applied only when the operation declares the parameter. */
const COMMON: Record<string, Filter> = {
  createdOnOrAfter: { from: "createdOn" },
  createdBefore: { before: "createdOn" },
  modifiedOnOrAfter: { from: "modifiedOn" },
  modifiedBefore: { before: "modifiedOn" },
};

function sorter(
  op: OperationInfo,
  query: Query,
  sample: SandboxRecord | undefined,
): ((a: SandboxRecord, b: SandboxRecord) => number) | undefined {
  let field: string | undefined;
  let direction = 1;
  if (query.sort) {
    const m = /^([+-]?)\s*([A-Za-z.]+)$/.exec(String(query.sort).trim());
    if (!m) throw specViolation("sort", `must look like "+Field" or "-Field", got "${query.sort}"`);
    direction = m[1] === "-" ? -1 : 1;
    field = m[2];
    if (op.sortFields && !op.sortFields.some((f) => f.toLowerCase() === field!.toLowerCase())) {
      throw specViolation("sort", `"${field}" is not sortable here; available fields: ${op.sortFields.join(", ")}`);
    }
  } else if (query.orderBy) {
    field = String(query.orderBy);
    direction = /^desc/i.test(String(query.orderByDirection ?? "")) ? -1 : 1;
  }
  if (!field) return undefined;
  const wanted = field.toLowerCase();
  const key = sample ? Object.keys(sample).find((k) => k.toLowerCase() === wanted) : undefined;
  if (!key) return (a, b) => direction * (a.id - b.id);
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    const order = x === y ? 0 : x == null ? -1 : y == null ? 1 : x < y ? -1 : 1;
    return direction * order || a.id - b.id;
  };
}

export interface ListOptions {
  op: OperationInfo;
  query: Query;
  pageSizeCap: number;
  /** Extra scoping (path parameters such as a customer's id or a booking provider). */
  where?: (r: SandboxRecord) => boolean;
  /** Records to list when not the whole collection (e.g. derived rows). */
  records?: SandboxRecord[];
}

/** Filters, sorts and pages a collection into ServiceTitan's envelope. Default order: ascending id. */
export function listPage(
  store: Store,
  collection: Collection,
  { op, query, pageSizeCap, where, records }: ListOptions,
): Page<SandboxRecord> {
  if (collection.def.name) store.listed.add(collection.def.name); // which collection answered a list (the benchmark's dropdown sweep reads it)
  const tests: ((r: SandboxRecord) => boolean)[] = [];
  if (where) tests.push(where);
  if (op.query.has("active")) {
    const active = activeFilter(query.active);
    if (active) tests.push(active);
  } else {
    tests.push((r) => r.active); // lists without an `active` parameter never show inactive (deleted) records
  }
  if (query.ids !== undefined) {
    const ids = parseIds(query.ids);
    tests.push((r) => ids.has(r.id));
  }
  const filters = { ...COMMON, ...collection.def.filters };
  for (const [name, value] of Object.entries(query)) {
    const filter = filters[name];
    if (filter && value !== undefined && value !== "") tests.push(predicate(filter, value, store));
  }

  const source = records ?? collection.sortedById();
  let matched = tests.length ? source.filter((r) => tests.every((t) => t(r))) : source;
  const compare = sorter(op, query, source[0]);
  if (compare) matched = [...matched].sort(compare);

  const page = Math.max(1, Number(query.page ?? 1));
  // The server grants at most its cap, and never more than the operation documents (500 for journal entries).
  const pageSize = Math.max(1, Math.min(Number(query.pageSize ?? 50), pageSizeCap, op.maxPageSize ?? Infinity));
  const start = (page - 1) * pageSize;
  return {
    page,
    pageSize,
    hasMore: start + pageSize < matched.length,
    totalCount: query.includeTotal === true ? matched.length : null,
    data: matched.slice(start, start + pageSize),
  };
}

// ---- export feeds -------------------------------------------------------------------------------

interface Position {
  /** Change sequence number already delivered (records with a higher one come next). */
  seq: number;
  /** Date floor from a `from=<date>` start, kept so continuation stays consistent with it. */
  since?: string;
}

const encodeToken = (p: Position): string =>
  Buffer.from(JSON.stringify({ v: 1, s: p.seq, ...(p.since ? { d: p.since } : {}) })).toString("base64url");

function decodeFrom(from: unknown): { position: Position; isToken: boolean } {
  if (from === undefined || from === "") return { position: { seq: 0 }, isToken: false };
  const text = String(from);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !isNaN(Date.parse(text))) return { position: { seq: 0, since: toIso(text) }, isToken: false };
  try {
    const token = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (token.v === 1 && Number.isInteger(token.s)) return { position: { seq: token.s, since: token.d }, isToken: true };
  } catch {
    // fall through to the 400 below
  }
  throw badRequest({ from: [`"${text}" is neither a continueFrom token nor a date`] });
}

/** Binary search: index of the first sequence number greater than `seq`. */
function firstAfter(seqs: number[], seq: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid] <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const RECENT_CHANGES_REPEAT = 2;

/**
 * One page of an export feed: records in change order (a record sits at its latest change), inactive
 * included. With includeRecentChanges each page starting from a token first repeats the (up to) two
 * records just before that position, as ServiceTitan "may return the same record more than once".
 */
export function exportPage(
  collection: Collection,
  query: Query,
  pageSize: number,
  where?: (r: SandboxRecord) => boolean,
): ExportPage<SandboxRecord> {
  const { position, isToken } = decodeFrom(query.from);
  let { records, seqs } = collection.byChange();
  const active = query.active !== undefined ? activeFilter(query.active) : undefined;
  const since = position.since;
  if (since || where || active) {
    const keep = records.map((r) => (!since || r.modifiedOn >= since) && (!where || where(r)) && (!active || active(r)));
    records = records.filter((_, i) => keep[i]);
    seqs = seqs.filter((_, i) => keep[i]);
  }
  const start = firstAfter(seqs, position.seq);
  const end = Math.min(start + pageSize, records.length);
  const repeated = query.includeRecentChanges === true && isToken ? records.slice(Math.max(0, start - RECENT_CHANGES_REPEAT), start) : [];
  const seq = end > start ? seqs[end - 1] : position.seq;
  return {
    hasMore: end < records.length,
    continueFrom: encodeToken({ seq, since }),
    data: [...repeated, ...records.slice(start, end)],
  };
}
