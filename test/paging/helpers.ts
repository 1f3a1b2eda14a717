import type { RecordedRequest, Sandbox } from "../../sandbox";

/** Runs `fn` and returns its result with the API requests the sandbox received meanwhile. */
export const during = async <T>(sandbox: Sandbox, fn: () => Promise<T>): Promise<{ result: T; requests: RecordedRequest[] }> => {
  const from = sandbox.requests.length;
  const result = await fn();
  return { result, requests: sandbox.requests.slice(from) };
};

export const pageOf = (request: RecordedRequest) => Number(request.query.page);
export const pageSizeOf = (request: RecordedRequest) => Number(request.query.pageSize);

/** The n highest ids (newest first) of records the API would list. */
export const newestIds = (ids: number[], n: number) => [...ids].sort((a, b) => b - a).slice(0, n);
