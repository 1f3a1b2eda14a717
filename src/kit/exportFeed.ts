import { input } from "@prismatic-io/spectral";
import { createHash } from "crypto";
import { isValid, parseISO } from "date-fns";
import { operations, type OperationKey, type ServiceTitanClient } from "../client";
import { InputError, ServiceTitanError } from "../client/errors";
import { exportPages } from "../client/paging";
import { exampleOf } from "../examples";
import { toBoolean } from "../inputs";
import { exportActionKey } from "./exportLinks";

export { exportActionKey };
import { filterInputFor } from "./listAction";
import { inQuery, operationAction, type Params, type Values } from "./operationAction";

/**
 * ServiceTitan's export feeds (`GET …/export/{resource}?from=…` → `{hasMore, continueFrom, data}`): every change to a
 * resource in change order, inactive and deleted records included. One table row per feed drives both the
 * "Export …" actions and the "New and Updated Records" trigger.
 */
export interface ExportFeed {
  /** The trigger's dropdown value and the action key's suffix ("customerContacts" → exportCustomerContacts). */
  key: string;
  /** Plural label: "Customer Contacts". */
  label: string;
  operation: OperationKey;
  /** Query the trigger always sends, e.g. `active: "Any"` where the feed would otherwise hide inactive records. */
  triggerQuery?: Values;
  /** The record's creation time when not `createdOn` (appointment assignments: `assignedOn`). */
  createdField?: string;
  /** What identifies a record that has no `id` (technician ratings: technicianId + jobId). */
  idFields?: string[];
  /** When a record changed, when not `modifiedOn`; null: the record carries no time (job history). */
  timeField?: string | null;
  /** Records are events (logs, status changes: no modifiedOn): each one is new, never an update. */
  events?: boolean;
}

/** Feed parameters handled by the factory itself; any other declared one becomes a spec-derived input. */
const FEED_PARAMS = new Set(["from", "includeRecentChanges"]);

/** The feed answers dates (they mean modifiedOn on or after) as well as its own continuation tokens. */
const looksLikeDate = (text: string) => /^\d{4}-\d{1,2}-\d{1,2}/.test(text);

/**
 * "From": a continueFrom token, passed through untouched (its format is ServiceTitan's business), or a date, which
 * must be a real one: a typo such as 2024-13-01 would otherwise restart the feed from its first record.
 */
export const fromInput = (label = "From") =>
  input({
    label,
    type: "string",
    required: false,
    example: "2024-01-01",
    comments:
      "Where to start reading: the continueFrom value returned by the previous call, or a date such as 2024-01-01 (changes made on or after it). Empty: from the very first record (the whole history).",
    clean: (value: unknown) => {
      const text = value === undefined || value === null ? "" : String(value).trim();
      if (!text) return undefined;
      if (looksLikeDate(text) && !isValid(parseISO(text))) {
        throw new InputError(
          label,
          `"${text}" looks like a date but is not a valid one; use a date such as 2024-01-01 or the continueFrom value of a previous export.`,
        );
      }
      if (/\s/.test(text)) throw new InputError(label, `"${text}" is neither a date nor a continueFrom value (those contain no spaces).`);
      return text;
    },
  });

/** A checkbox that is only sent when ticked (unticked is the feed's default). */
export const includeRecentChangesInput = input({
  label: "Include Recent Changes",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Receive changes within minutes instead of after about 15 minutes. ServiceTitan may then return the same change more than once on consecutive reads.",
  clean: (value: unknown) =>
    value === undefined || value === null || value === "" ? undefined : toBoolean("Include Recent Changes", value) || undefined,
});

/** One page of a feed per call, for builders who run their own sync loop: `from` in → `data`, `continueFrom`, `hasMore` out. */
export const exportAction = (feed: ExportFeed) =>
  operationAction({
    label: `Export ${feed.label}`,
    description: `Read one page of the ${feed.label.toLowerCase()} export feed: changes in order, inactive and deleted records included. Pass the returned continueFrom as From on the next call; hasMore false means you are caught up (wait 5-10 minutes before asking again).`,
    operation: feed.operation,
    params: (): Params => ({
      from: inQuery(fromInput()),
      includeRecentChanges: inQuery(includeRecentChangesInput),
      ...Object.fromEntries(
        operations[feed.operation].query
          .filter((q) => !FEED_PARAMS.has(q.name))
          .map((q) => [q.name, inQuery(filterInputFor(feed.operation, q.name))]),
      ),
    }),
    examplePayload: exampleOf(feed.operation),
  });

/** Every feed of a table as actions keyed exportJobs, exportCustomers, … */
export const exportActions = (feeds: readonly ExportFeed[]) =>
  Object.fromEntries(feeds.map((feed) => [exportActionKey(feed), exportAction(feed)]));

// ---- Reading a feed for the trigger ------------------------------------------------------------------------------

export type ChangeType = "created" | "updated" | "deactivated";
export const CHANGE_TYPES: readonly ChangeType[] = ["created", "updated", "deactivated"];

export interface FeedRecord {
  id?: number;
  active?: boolean;
  createdOn?: string;
  modifiedOn?: string;
  [field: string]: unknown;
}

/** Creation and first save are not always the same instant in ServiceTitan; within this they count as one. */
const CREATED_TOLERANCE_MS = 1000;

/**
 * What a change did, from the record alone: inactive (deactivated or deleted: the feeds keep them) wins; otherwise
 * a record last modified when it was created is new; anything else is an update. An inactive record that changes
 * again is reported as deactivated again: the feed carries no history to tell.
 */
export const classify = (record: FeedRecord, createdField = "createdOn", events = false): ChangeType => {
  if (record.active === false) return "deactivated";
  if (events) return "created";
  const created = Date.parse(String(record[createdField] ?? ""));
  const modified = Date.parse(String(record.modifiedOn ?? ""));
  return Number.isFinite(created) && Number.isFinite(modified) && Math.abs(modified - created) <= CREATED_TOLERANCE_MS
    ? "created"
    : "updated";
};

/**
 * A change's identity: the record's identity + when it changed (the feeds may return one change twice, and a record
 * changed again is a new change). Compact (base 36) because sets of these live in the trigger's state. A record that
 * carries no time is identified by a digest of its content instead.
 */
export const changeKey = (record: FeedRecord, feed: Pick<ExportFeed, "idFields" | "timeField"> = {}): string => {
  const identity = (feed.idFields ?? ["id"]).map((field) => String(record[field])).join("-");
  if (feed.timeField === null) return `${identity}:#${createHash("sha1").update(JSON.stringify(record)).digest("base64url").slice(0, 10)}`;
  const time = record[feed.timeField ?? "modifiedOn"];
  const at = Date.parse(String(time ?? ""));
  return `${identity}:${Number.isFinite(at) ? at.toString(36) : String(time ?? "")}`;
};
/** When a record changed, as the feed says it (for the "last change read" hint). */
const changedAt = (record: FeedRecord | undefined, feed: ExportFeed): string | undefined =>
  record && feed.timeField !== null ? (record[feed.timeField ?? "modifiedOn"] as string | undefined) : undefined;
const keyTime = (key: string) => parseInt(key.slice(key.lastIndexOf(":") + 1), 36);

/** The trigger's state between runs (context.polling). Never a wall-clock time: positions are the feed's own tokens. */
export interface FeedState {
  /** Which feed the position belongs to: choosing another resource starts over. */
  feed?: string;
  /** Where the next read starts: the continueFrom of the last page read whole (or the look-back date at first). */
  from?: string;
  /** The first run found no position yet and is walking to the feed's end without delivering. */
  priming?: boolean;
  /**
   * Changes already taken from the page at `from` (at most one page's worth): when a run stopped inside it, or when
   * the feed's position did not move past it (continueFrom equal to `from`, or empty), so it is read again.
   */
  page?: string[];
  /** With includeRecentChanges: changes delivered lately, so a repeat is not delivered twice. Bounded: see RECENT_*. */
  recent?: string[];
  /** The Look-back Date the position was started or restarted from: setting another one restarts from it. */
  lookBack?: string;
  /** modifiedOn of the newest change read: only to tell a builder where to restart if ServiceTitan refuses `from`. */
  lastChange?: string;
}

/** The repeat memory keeps the last hour of changes (feed time, by modifiedOn), at most this many. */
export const RECENT_LIMIT = 2000;
const RECENT_WINDOW_MS = 60 * 60 * 1000;

const trimRecent = (keys: string[]): string[] => {
  const newest = keys.reduce((max, key) => Math.max(max, keyTime(key) || 0), 0);
  return keys.filter((key) => !(keyTime(key) < newest - RECENT_WINDOW_MS)).slice(-RECENT_LIMIT);
};

export interface ReadOptions {
  /** The most changes one run takes from the feed (delivered or filtered out by type); the rest waits. */
  maxRecords: number;
  includeRecentChanges: boolean;
  /**
   * First run, or a date other than the one the stored position started from: start here and deliver the history
   * (backfill, or a restart after ServiceTitan refused the stored position). Otherwise the first run starts now and
   * delivers nothing.
   */
  lookBack?: string;
  /** When the first run starts without a look-back date (ISO). */
  now: string;
  /**
   * Called before the first request of a fresh start with the position it starts from. The trigger saves it at
   * once, so a first run that fails still fixes its starting point: the next run delivers every change since then.
   */
  pin?: (state: FeedState) => void;
}

export interface ReadResult {
  /** New changes in feed order. */
  changes: Array<{ changeType: ChangeType; record: FeedRecord }>;
  state: FeedState;
  /** The run stopped at its cap and the feed has more. */
  more: boolean;
}

/**
 * ServiceTitan answers 400 when it no longer accepts a stored continueFrom (expired, or the feed was reset): say what
 * happened and how to resume, instead of a bare 400 on every scheduled run.
 */
async function* refusedPositionExplained<T>(
  pages: AsyncGenerator<T>,
  feed: ExportFeed,
  position: () => { from: string; lastChange?: string },
): AsyncGenerator<T> {
  try {
    yield* pages;
  } catch (error) {
    const { from, lastChange } = position();
    if (!(error instanceof ServiceTitanError) || error.status !== 400 || looksLikeDate(from)) throw error;
    throw new ServiceTitanError(
      `ServiceTitan refused the saved position in the ${feed.label} export feed (${error.message}). The position may have expired. ` +
        "Nothing was delivered and the saved position is unchanged. To resume, set the trigger's Look-back Date to the time from which " +
        `changes should be delivered${lastChange ? ` (the last change read was modified at ${lastChange})` : ""} and save: the next run restarts ` +
        "from that date, and changes made since then may be delivered again.",
      error.status,
      error.title,
      error.fieldErrors,
      error.traceId,
      error.request,
    );
  }
}

/**
 * Reads a feed from a stored position, at most `maxRecords` new changes, and returns them with the position to store.
 *
 * The feed only hands out a position (`continueFrom`) per page, so when the cap falls inside a page the state keeps
 * that page's own `from` plus the keys of the changes already taken from it; the next run reads the page again and
 * skips exactly those. Positions therefore never skip a change, and every change is delivered once.
 *
 * First run without a look-back date: the feed is read from the current time (the feed accepts a date), walking to
 * its end without delivering; on a huge tenant that is a page or two, not the whole history. With a look-back date
 * it starts there and delivers (backfill), `maxRecords` per run.
 */
export const readChanges = async (
  client: ServiceTitanClient,
  feed: ExportFeed,
  stored: FeedState,
  options: ReadOptions,
): Promise<ReadResult> => {
  const fresh = stored.feed !== feed.key || !stored.from || (options.lookBack !== undefined && options.lookBack !== stored.lookBack);
  const priming = fresh ? !options.lookBack : Boolean(stored.priming);
  let from = fresh ? (options.lookBack ?? options.now) : stored.from!;
  // The date the position came from outlives a cleared input: setting the same date again must not restart.
  const lookBack = options.lookBack ?? (fresh ? undefined : stored.lookBack);
  // A pinned start is a position like any other: read from it without priming, so nothing since then is withheld.
  if (fresh) options.pin?.({ feed: feed.key, from, ...(lookBack !== undefined ? { lookBack } : {}) });
  const seen = new Set([...(fresh ? [] : (stored.page ?? [])), ...(fresh ? [] : (stored.recent ?? []))]);
  let pageTaken = fresh ? [] : [...(stored.page ?? [])];
  const recent = fresh ? [] : [...(stored.recent ?? [])];
  const changes: ReadResult["changes"] = [];
  let taken = 0;
  let stoppedInside = false;
  let more = false;
  let lastChange = fresh ? undefined : stored.lastChange;

  const query = { ...feed.triggerQuery, from, includeRecentChanges: options.includeRecentChanges || undefined };
  const pages = exportPages<FeedRecord>(client, feed.operation, query);
  for await (const page of refusedPositionExplained(pages, feed, () => ({ from, lastChange }))) {
    const next = page.continueFrom && page.continueFrom !== from ? page.continueFrom : undefined;
    if (priming) {
      // Nothing is delivered while priming, so whole pages are skipped and positions stay page-aligned. Their keys
      // are remembered all the same: with includeRecentChanges the feed may repeat them on the next run.
      for (const record of page.data ?? []) recent.push(changeKey(record, feed));
      taken += page.data?.length ?? 0;
      lastChange = changedAt(page.data?.at(-1), feed) ?? lastChange;
      if (next) {
        from = next;
        pageTaken = [];
      } else pageTaken = (page.data ?? []).map((record) => changeKey(record, feed)); // read again next run: skip it then too
      if (page.hasMore && next && taken >= options.maxRecords) {
        more = true;
        break;
      }
      continue;
    }
    for (const record of page.data ?? []) {
      const key = changeKey(record, feed);
      if (seen.has(key)) continue; // delivered by an earlier run (same page read again, or a repeat)
      if (taken >= options.maxRecords) {
        stoppedInside = true;
        break;
      }
      seen.add(key);
      pageTaken.push(key);
      recent.push(key);
      taken++;
      lastChange = changedAt(record, feed) ?? lastChange;
      changes.push({ changeType: classify(record, feed.createdField, feed.events), record });
    }
    if (stoppedInside) {
      more = true;
      break;
    }
    // The whole page is delivered: the next position is the page's end. A position that did not move means the
    // next run reads this same page again, so all of it is remembered as taken.
    if (next) {
      from = next;
      pageTaken = [];
    } else pageTaken = (page.data ?? []).map((record) => changeKey(record, feed));
    if (page.hasMore && next && taken >= options.maxRecords) {
      more = true;
      break;
    }
  }

  const state: FeedState = { feed: feed.key, from };
  if (lookBack !== undefined) state.lookBack = lookBack;
  if (lastChange) state.lastChange = lastChange;
  if (priming && more) state.priming = true;
  if (pageTaken.length) state.page = pageTaken;
  // Only the includeRecentChanges feed repeats changes; without it the state stays one token (plus a partial page).
  const kept = options.includeRecentChanges ? trimRecent(recent) : [];
  if (kept.length) state.recent = kept;
  return { changes, state, more };
};

/** Changes grouped the way the trigger delivers them: `{created: [], updated: [], deactivated: []}`. */
export const groupChanges = (changes: ReadResult["changes"]) =>
  Object.fromEntries(CHANGE_TYPES.map((type) => [type, changes.filter((c) => c.changeType === type).map((c) => c.record)])) as Record<
    ChangeType,
    FeedRecord[]
  >;
