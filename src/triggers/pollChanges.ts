import { pollingTrigger, type TriggerPayload } from "@prismatic-io/spectral";
import { InputError } from "../client/errors";
import { exampleOf } from "../examples";
import { clientFor } from "../kit";
import {
  CHANGE_TYPES,
  groupChanges,
  includeRecentChangesInput,
  readChanges,
  type ChangeType,
  type ExportFeed,
  type FeedRecord,
  type FeedState,
} from "../kit/exportFeed";
import { connectionInput, dateTimeInput, integerInput, stringInput, switchInput } from "../inputs";
import { EXPORT_FEEDS, feedModule } from "../resources/exports";

/**
 * ServiceTitan asks export feeds to be polled every 5-10 minutes. A component trigger cannot carry a default schedule
 * (the flow sets it), so this is what the description recommends and what code-native flows can use.
 */
export const RECOMMENDED_SCHEDULE = "*/5 * * * *";
export const DEFAULT_MAX_RECORDS_PER_RUN = 1000;

const feeds: Record<string, ExportFeed> = Object.fromEntries(EXPORT_FEEDS.map((feed) => [feed.key, feed]));

/** In a batched flow the run continues page by page: the cursor carries the state the next page starts from. */
type Cursor = { state: FeedState };

const capitalized = (type: ChangeType) => `${type[0].toUpperCase()}${type.slice(1)}` as Capitalize<ChangeType>;
const changeTypeInput = (type: ChangeType, what: string) =>
  switchInput({ label: `Include ${capitalized(type)} Records`, default: "true", comments: what });

/** A customer from the customers feed's example, read when the example payload is (publishing, docs). */
const example = () => (exampleOf("GET /crm/v2/tenant/{tenant}/export/customers").data as { data?: FeedRecord[] }).data?.[0] ?? {};

export const pollChangesTrigger = pollingTrigger({
  display: {
    label: "New and Updated Records",
    description: `Runs the flow with the ServiceTitan records created, updated or deactivated since the last run, read from ServiceTitan's export feed: each change once, none skipped, also across failed runs (the first run's starting point is kept even when that run fails). Schedule it every 5-10 minutes.`,
  },
  inputs: {
    connection: connectionInput,
    resource: stringInput({
      label: "Resource",
      required: true,
      model: EXPORT_FEEDS.map((feed) => ({ label: `${feedModule(feed)} · ${feed.label}`, value: feed.key })),
      comments: "Which ServiceTitan records to watch. To watch several, use one flow per resource.",
    }),
    lookBackDate: dateTimeInput({
      label: "Look-back Date",
      comments:
        "First run: also deliver the changes made since this date (backfill, up to Max Records Per Run per run). Empty: start at the flow's first run; changes made from then on are delivered, even if that first run fails. Setting a different date later restarts the trigger from that date (to re-sync, or to resume if ServiceTitan refuses the saved position); clearing it, or setting the same date again, does not.",
    }),
    maxRecordsPerRun: integerInput({
      label: "Max Records Per Run",
      default: String(DEFAULT_MAX_RECORDS_PER_RUN),
      min: 1,
      max: 10_000,
      comments: "The most changes one run takes from ServiceTitan. The rest is delivered by the next runs, in order, nothing skipped.",
    }),
    includeRecentChanges: includeRecentChangesInput,
    includeCreated: changeTypeInput("created", "Deliver records created since the last run (created and last modified at the same time)."),
    includeUpdated: changeTypeInput("updated", "Deliver changes to existing records."),
    includeDeactivated: changeTypeInput("deactivated", "Deliver records that are now inactive: deactivated or deleted in ServiceTitan."),
  },
  // A flow may process a large drain in batches (one execution per batch of changes): the items are the changes,
  // each as {changeType, record}, and a run stopped by its cap continues with the next page instead of waiting for
  // the schedule.
  triggerResolverSupport: "valid",
  batchConfig: { batchSize: 100 },
  triggerResolver: {
    resolveItems: (_context, result) => {
      const grouped = (result.payload.body?.data ?? {}) as Partial<Record<ChangeType, FeedRecord[]>>;
      return CHANGE_TYPES.flatMap((changeType) => (grouped[changeType] ?? []).map((record) => ({ changeType, record })));
    },
    getNextPaginationState: (_context, result) => (result.payload.paginationState as Cursor | undefined) ?? null,
  },
  perform: async (context, payload, params) => {
    const feed = feeds[params.resource!];
    const wanted = CHANGE_TYPES.filter((type) => params[`include${capitalized(type)}`]);
    if (!wanted.length)
      throw new InputError(
        "Include Created / Updated / Deactivated Records",
        "tick at least one: otherwise the trigger never delivers anything.",
      );
    const cursor = (payload as TriggerPayload<Cursor>).paginationState;
    const stored = cursor?.state ?? (context.polling.getState() as FeedState);
    // Global debug reaches a trigger both through its context and its payload.
    const client = clientFor(params.connection, { logger: context.logger, globalDebug: context.debug?.enabled || payload.globalDebug });
    const { changes, state, more } = await readChanges(client, feed, stored, {
      maxRecords: params.maxRecordsPerRun ?? DEFAULT_MAX_RECORDS_PER_RUN,
      includeRecentChanges: Boolean(params.includeRecentChanges),
      lookBack: params.lookBackDate,
      now: new Date().toISOString(),
      // A fresh start is saved before its first request: if this run fails, the next one starts from the same
      // point and delivers everything changed since, instead of starting again from its own "now".
      pin: (start) => context.polling.setState(start as Record<string, unknown>),
    });
    // Moved only once the run succeeded: a failed run (after its retries) leaves the position where it was.
    context.polling.setState(state as Record<string, unknown>);
    const delivered = changes.filter((change) => wanted.includes(change.changeType));
    if (more)
      context.logger.info(`ServiceTitan ${feed.label}: stopped at Max Records Per Run (${changes.length} read); the next run continues.`);
    return {
      payload: {
        ...payload,
        body: { data: groupChanges(delivered), contentType: "application/json" },
        // Batched flows only: where the next page of this run starts.
        paginationState: more ? ({ state } satisfies Cursor) : undefined,
      },
      polledNoChanges: delivered.length === 0,
    };
  },
  examplePayload: {
    payload: {
      body: {
        get data() {
          return { created: [example()], updated: [], deactivated: [] };
        },
      },
    },
    polledNoChanges: false,
  } as never,
});
