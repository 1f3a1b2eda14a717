import type { OperationKey } from "../client";

/** Export actions by the feed operation they read, filled as exportAction builds them. */
const exportActions = new Map<string, { key: string; label: string }>();

export const registerExportAction = (operation: OperationKey, key: string, label: string): void => {
  exportActions.set(operation, { key, label });
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
  return exportActions.get(`GET ${base}/export/${plain}`) ?? exportActions.get(`GET ${base}/${plain}/export`);
};
