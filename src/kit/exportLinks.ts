import { operations, type OperationKey } from "../client";
import { feedOperations } from "../client/operations";

/** "exportJobs" for the feed keyed "jobs": the Export action of a feed (src/resources/exports.ts). */
export const exportActionKey = (feed: { key: string }) => `export${feed.key[0].toUpperCase()}${feed.key.slice(1)}`;

/** Export actions by the feed operation they read, from the generated feed table (built on first use). */
let exportActions: Map<string, { key: string; label: string }> | undefined;
const exportActionOf = (feedOperation: string) => {
  exportActions ??= new Map(
    feedOperations.map((key) => {
      const feed = operations[key].feed!;
      return [key, { key: exportActionKey(feed), label: `Export ${feed.label}` }];
    }),
  );
  return exportActions.get(feedOperation);
};

/**
 * The Export action that reads the change feed of a list operation's records, if this component has one. Feeds sit
 * at `{module}/v2/tenant/{tenant}/export/{resource}` (path parameters dropped: customers/{id}/contacts →
 * export/customers/contacts) or, for a few, at `{resource}/export`.
 */
export const exportActionFor = (listOperation: OperationKey): { key: string; label: string } | undefined => {
  const [, path] = listOperation.split(" ");
  const match = /^(\/[^/]+\/v2\/tenant\/\{tenant\})\/(.+)$/.exec(path);
  if (!match) return undefined;
  const [, base, resource] = match;
  const plain = resource
    .split("/")
    .filter((segment) => !segment.startsWith("{"))
    .join("/");
  return exportActionOf(`GET ${base}/export/${plain}`) ?? exportActionOf(`GET ${base}/${plain}/export`);
};
