import type { Fault, RecordedRequest, Sandbox } from "../../sandbox";

/** Runs `fn` and returns its result with the API requests the sandbox received meanwhile. */
export const during = async <T>(sandbox: Sandbox, fn: () => Promise<T>): Promise<{ result: T; requests: RecordedRequest[] }> => {
  const from = sandbox.requests.length;
  const result = await fn();
  return { result, requests: sandbox.requests.slice(from) };
};

/**
 * Makes the n-th API request from now (1 = the next) answer with `fault`. The sandbox's faults match by method and
 * path only, and every page of a list has the same path, so the fault is armed the moment that request arrives
 * (the sandbox records a request before it looks for a fault).
 */
export const faultOnRequest = (sandbox: Sandbox, n: number, fault: Fault): void => {
  const requests = sandbox.requests;
  const target = requests.length + n;
  requests.push = (...entries: RecordedRequest[]) => {
    const length = Array.prototype.push.apply(requests, entries);
    if (length >= target) {
      Reflect.deleteProperty(requests, "push"); // back to Array.prototype.push
      sandbox.faults.add({ ...fault, times: 1 });
    }
    return length;
  };
};

export const pageOf = (request: RecordedRequest) => Number(request.query.page);
export const pageSizeOf = (request: RecordedRequest) => Number(request.query.pageSize);

/** The n highest ids (newest first) of records the API would list. */
export const newestIds = (ids: number[], n: number) => [...ids].sort((a, b) => b - a).slice(0, n);
