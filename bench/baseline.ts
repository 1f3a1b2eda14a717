/**
 * The reference component's paging, for comparison. It goes through the same request core (auth, rate limit,
 * retries), so only the paging strategy differs: fixed-size pages asked one after another, the asked size assumed
 * granted (it never reads the echoed `pageSize`).
 */
import type { OperationKey, ServiceTitanClient } from "../src/client";
import type { ListPage } from "../src/client/paging";

/** Picklists: 9 sequential pages of 1,000, so at most 9,000 records. */
export const REFERENCE_PICKLIST = { pageSize: 1000, pages: 9 };
/** Fetch All: 500-record pages, one after another, until `hasMore` is false. */
export const REFERENCE_FETCH_ALL = { pageSize: 500 };

const sequentialPages = async <T>(
  client: ServiceTitanClient,
  operation: OperationKey,
  pageSize: number,
  maxPages: number,
  onRecord: (record: T) => void,
  filters: Record<string, unknown> = {},
) => {
  for (let page = 1; page <= maxPages; page++) {
    const body = await client.request<ListPage<T>>(operation, { query: { ...filters, page, pageSize } });
    for (const record of body.data) onRecord(record);
    if (!body.hasMore) return;
  }
};

export const baselinePicklist = async <T extends { id: number }>(
  client: ServiceTitanClient,
  operation: OperationKey,
  label: (record: T) => string,
  /** The dropdown's own fixed filters (a required one such as activeOnly), so both read the same list. */
  filters: Record<string, unknown> = {},
) => {
  const result: Array<{ key: string; label: string }> = [];
  await sequentialPages<T>(
    client,
    operation,
    REFERENCE_PICKLIST.pageSize,
    REFERENCE_PICKLIST.pages,
    (r) => result.push({ key: String(r.id), label: label(r) }),
    filters,
  );
  return result;
};

export const baselineFetchAll = async <T>(client: ServiceTitanClient, operation: OperationKey) => {
  const records: T[] = [];
  await sequentialPages<T>(client, operation, REFERENCE_FETCH_ALL.pageSize, Number.POSITIVE_INFINITY, (r) => records.push(r));
  return records;
};
