/**
 * In-memory state: one collection per ServiceTitan resource, each keeping its records in change order
 * (what the export feeds page through) next to an id index (what lists page through).
 */
import { COLLECTIONS, type CollectionDef, type CollectionName, type FakeContext } from "./resources";

export type { CollectionName } from "./resources";

/** A stored record: the resource's spec fields (superset of list/get/export shapes) plus bookkeeping. */
export type SandboxRecord = { id: number; active: boolean; createdOn: string; modifiedOn: string } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BulkInsertResult {
  firstId: number;
  lastId: number;
  count: number;
}

/** Direct state access for tests, the demo and benchmarks. Returned records are copies. */
export interface SandboxDb {
  /** The record with that id (inactive and deleted ones included), or undefined. */
  get(collection: CollectionName, id: number): SandboxRecord | undefined;
  /** Every record of a collection in id order (inactive included); `where` narrows by field equality. */
  all(collection: CollectionName, where?: Record<string, unknown>): SandboxRecord[];
  count(collection: CollectionName): number;
  /** Creates a record as the API would: defaults filled in, new id, createdOn/modifiedOn = now, end of the change order. */
  insert(collection: CollectionName, fields?: Record<string, unknown>): SandboxRecord;
  /** Merges `changes` (modifiedOn = now unless given) and moves the record to the end of the change order. */
  update(collection: CollectionName, id: number, changes: Record<string, unknown>): SandboxRecord;
  /** Inserts `count` cheap but realistic records; `fields` overrides every record (e.g. one shared modifiedOn). */
  bulkInsert(collection: CollectionName, count: number, fields?: Record<string, unknown>): BulkInsertResult;
  /**
   * Freezes "now" for records written afterwards (ISO date-time); `null` returns to the wall clock (or to the
   * sandbox's fixed `clock` option when it was started with one).
   */
  setClock(now: string | Date | null): void;
  /** Bytes of an uploaded installed-equipment attachment, by the `path` the upload returned. */
  file(path: string): { data: Buffer; fileName: string; contentType: string } | undefined;
  collections(): CollectionName[];
  /** The whole state as JSON-ready data (what npm run sandbox -- --state saves). */
  snapshot(): StoreSnapshot;
  /** Replaces the whole state with a snapshot. */
  restore(snapshot: StoreSnapshot): void;
}

export const toIso = (value: unknown): string => new Date(value as string).toISOString();

/** A store as plain JSON (npm run sandbox -- --state FILE): records in change order with their sequence numbers. */
export interface StoreSnapshot {
  version: 1;
  seq: number;
  collections: Record<string, { nextId: number; records: Array<[seq: number, record: SandboxRecord]> }>;
  files: Record<string, { data: string; fileName: string; contentType: string }>;
}

export class Collection {
  /** Iteration order is change order: every write deletes and re-sets the key. */
  private readonly byId = new Map<number, SandboxRecord>();
  private readonly seqById = new Map<number, number>();
  private nextId: number;
  /** Ascending id; ids only grow, so appending keeps it sorted. */
  private readonly idOrder: SandboxRecord[] = [];
  private changeOrder: { records: SandboxRecord[]; seqs: number[] } | null = null;
  private readonly groups = new Map<string, Map<unknown, SandboxRecord[]>>();

  constructor(
    readonly def: CollectionDef,
    private readonly store: Store,
  ) {
    this.nextId = def.firstId;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): SandboxRecord | undefined {
    return this.byId.get(id);
  }

  allocateId(): number {
    return this.nextId++;
  }

  /** Adds a fully built record (id from allocateId) at the end of the change order. */
  add(record: SandboxRecord): SandboxRecord {
    this.changed(record);
    this.idOrder.push(record);
    return record;
  }

  /** Applies changes in place; modifiedOn moves to now unless the change sets it. */
  update(record: SandboxRecord, changes: Record<string, unknown>): SandboxRecord {
    Object.assign(record, changes);
    record.modifiedOn = changes.modifiedOn !== undefined ? toIso(changes.modifiedOn) : this.store.now();
    if (changes.createdOn !== undefined) record.createdOn = toIso(changes.createdOn);
    this.changed(record);
    return record;
  }

  private changed(record: SandboxRecord): void {
    this.byId.delete(record.id);
    this.byId.set(record.id, record);
    this.seqById.set(record.id, ++this.store.seq);
    this.changeOrder = null;
    this.groups.clear();
  }

  /** All records, ascending id. */
  sortedById(): SandboxRecord[] {
    return this.idOrder;
  }

  /** All records in change order with their change sequence numbers (ascending). */
  byChange(): { records: SandboxRecord[]; seqs: number[] } {
    if (!this.changeOrder) {
      const records = [...this.byId.values()];
      this.changeOrder = { records, seqs: records.map((r) => this.seqById.get(r.id)!) };
    }
    return this.changeOrder;
  }

  dump(): StoreSnapshot["collections"][string] {
    return { nextId: this.nextId, records: [...this.byId.values()].map((record) => [this.seqById.get(record.id)!, record]) };
  }

  /** Replaces the content with a dump (records given in change order, as dump() writes them). */
  load({ nextId, records }: StoreSnapshot["collections"][string]): void {
    this.byId.clear();
    this.seqById.clear();
    for (const [seq, record] of records) {
      this.byId.set(record.id, record);
      this.seqById.set(record.id, seq);
    }
    this.idOrder.length = 0;
    for (const record of [...this.byId.values()].sort((a, b) => a.id - b.id)) this.idOrder.push(record);
    this.nextId = nextId;
    this.changeOrder = null;
    this.groups.clear();
  }

  /** Records grouped by a field's value (cached until the next write), e.g. invoice items by invoiceId. */
  groupBy(field: string): Map<unknown, SandboxRecord[]> {
    let groups = this.groups.get(field);
    if (!groups) {
      groups = new Map();
      for (const record of this.sortedById()) {
        const key = record[field];
        const list = groups.get(key);
        if (list) list.push(record);
        else groups.set(key, [record]);
      }
      this.groups.set(field, groups);
    }
    return groups;
  }
}

export class Store implements SandboxDb {
  seq = 0;
  /** Collections a list request read since the set was last cleared (bench: which collection backs a dropdown). */
  readonly listed = new Set<string>();
  private clock: string | null = null;
  /** The sandbox's own "wall clock" when started with a fixed `clock` (deterministic seeds and examples). */
  private wallClock: string | null = null;
  private readonly colls = new Map<CollectionName, Collection>();
  readonly files = new Map<string, { data: Buffer; fileName: string; contentType: string }>();

  /** The hand-written collections, plus `extra` ones (the generic export-feed collections, see generic.ts). */
  constructor(extra: CollectionDef[] = []) {
    for (const def of [...Object.values(COLLECTIONS), ...extra]) this.colls.set(def.name, new Collection(def, this));
  }

  now(): string {
    return this.clock ?? this.wallClock ?? new Date().toISOString();
  }

  /** Replaces the wall clock with a fixed time (what `setClock(null)` returns to); `null`: the real clock again. */
  fixWallClock(now: string | Date | null): void {
    this.wallClock = now === null ? null : toIso(now);
  }

  collection(name: CollectionName): Collection {
    const c = this.colls.get(name);
    if (!c) throw new Error(`Unknown sandbox collection "${name}" (known: ${[...this.colls.keys()].join(", ")})`);
    return c;
  }

  /** Builds a complete record from partial fields (the resource's defaults) and stores it. */
  create(name: CollectionName, fields: Record<string, unknown> = {}): SandboxRecord {
    const collection = this.collection(name);
    const createdOn = fields.createdOn !== undefined ? toIso(fields.createdOn) : this.now();
    const modifiedOn = fields.modifiedOn !== undefined ? toIso(fields.modifiedOn) : createdOn;
    return collection.add(this.finish(collection, fields, collection.allocateId(), createdOn, modifiedOn));
  }

  /** build() plus bookkeeping and any extra fields given; assigned, not spread (see CollectionDef.build). */
  private finish(
    collection: Collection,
    fields: Record<string, unknown>,
    id: number,
    createdOn: string,
    modifiedOn: string,
  ): SandboxRecord {
    const { def } = collection;
    const record = def.build(this, fields, id) as SandboxRecord;
    record.id = id;
    record.active = fields.active === undefined ? true : (fields.active as boolean);
    record.createdOn = createdOn;
    record.modifiedOn = modifiedOn;
    for (const key in fields) {
      if (!(key in record) && !def.inputs?.includes(key)) record[key] = fields[key];
    }
    return record;
  }

  // ---- SandboxDb -------------------------------------------------------------------------------

  get(name: CollectionName, id: number): SandboxRecord | undefined {
    const record = this.collection(name).get(id);
    return record && { ...record };
  }

  all(name: CollectionName, where: Record<string, unknown> = {}): SandboxRecord[] {
    const entries = Object.entries(where);
    return this.collection(name)
      .sortedById()
      .filter((r) => entries.every(([k, v]) => r[k] === v))
      .map((r) => ({ ...r }));
  }

  count(name: CollectionName): number {
    return this.collection(name).size;
  }

  insert(name: CollectionName, fields: Record<string, unknown> = {}): SandboxRecord {
    return { ...this.create(name, fields) };
  }

  update(name: CollectionName, id: number, changes: Record<string, unknown>): SandboxRecord {
    const record = this.collection(name).get(id);
    if (!record) throw new Error(`${name}: no record with id ${id}`);
    const { id: _ignored, ...fields } = changes; // ids are fixed
    return { ...this.collection(name).update(record, fields) };
  }

  bulkInsert(name: CollectionName, count: number, fields: Record<string, unknown> = {}): BulkInsertResult {
    const collection = this.collection(name);
    const { def } = collection;
    // Spread createdOn over the past year, ascending with the ids, so date filters have something to cut.
    const end = this.wallClock ? Date.parse(this.wallClock) : Date.now();
    const step = count > 0 ? Math.floor((365 * 86_400_000) / count) : 0;
    const start = end - step * count;
    const createdOn = fields.createdOn !== undefined ? toIso(fields.createdOn) : undefined;
    const modifiedOn = fields.modifiedOn !== undefined ? toIso(fields.modifiedOn) : undefined;
    const ctx: FakeContext = { store: this, refs: new Map() };
    const hasOverrides = Object.keys(fields).length > 0;
    let firstId = 0;
    let lastId = 0;
    for (let i = 0; i < count; i++) {
      const created = createdOn ?? new Date(start + i * step).toISOString();
      const input = hasOverrides ? Object.assign(def.fake(ctx, i), fields) : def.fake(ctx, i);
      const record = collection.add(this.finish(collection, input, collection.allocateId(), created, modifiedOn ?? created));
      if (i === 0) firstId = record.id;
      lastId = record.id;
    }
    return { firstId, lastId, count };
  }

  /** Removes every record of a collection (the benchmark frees each dropdown's 12,000 records after measuring). */
  truncate(name: CollectionName): void {
    this.colls.set(name, new Collection(this.collection(name).def, this));
  }

  setClock(now: string | Date | null): void {
    this.clock = now === null ? null : toIso(now);
  }

  file(path: string) {
    return this.files.get(path);
  }

  collections(): CollectionName[] {
    return [...this.colls.keys()];
  }

  /** Everything a restart needs to carry on where it stopped (export-feed positions included). */
  snapshot(): StoreSnapshot {
    return {
      version: 1,
      seq: this.seq,
      collections: Object.fromEntries([...this.colls].map(([name, collection]) => [name, collection.dump()])),
      files: Object.fromEntries([...this.files].map(([path, file]) => [path, { ...file, data: file.data.toString("base64") }])),
    };
  }

  /** Replaces the whole state with a snapshot; collections it does not name are emptied. */
  restore(snapshot: StoreSnapshot): void {
    if (snapshot?.version !== 1 || !snapshot.collections) throw new Error("not a sandbox state snapshot (version 1)");
    for (const [name, collection] of this.colls) {
      collection.load(snapshot.collections[name] ?? { nextId: collection.def.firstId, records: [] });
    }
    this.files.clear();
    for (const [path, file] of Object.entries(snapshot.files ?? {}))
      this.files.set(path, { ...file, data: Buffer.from(file.data, "base64") });
    this.seq = snapshot.seq;
  }
}
