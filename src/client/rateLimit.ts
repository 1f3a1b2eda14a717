/**
 * ServiceTitan allows 60 requests per second per app and tenant, counted when requests ARRIVE. We only know when a
 * request leaves and when its answer comes back, so a request occupies a slot from the moment it leaves until one
 * second after its answer: whatever the network delays, no 61 requests can then arrive within one second.
 * One window per tenant, shared by every client in the process, so concurrent pages and parallel steps count together.
 */
export const REQUESTS_PER_SECOND = 60;
const WINDOW_MS = 1000;

/** Call when the request's answer (or failure) arrived. */
export type Release = () => void;

class ArrivalWindow {
  /** When each counted request's answer came back; Infinity while it is in flight. */
  private readonly answeredAt: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private wake?: () => void;

  constructor(private readonly limit: number) {}

  /** Slots taken and not yet released: requests in flight. */
  get inFlight(): number {
    return this.answeredAt.filter((at) => at === Infinity).length;
  }

  /** Resolves with a release function when one more request may leave. Callers are served in arrival order. */
  acquire(): Promise<Release> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<Release> {
    for (;;) {
      const now = Date.now();
      for (let i = this.answeredAt.length - 1; i >= 0; i--) if (now - this.answeredAt[i] >= WINDOW_MS) this.answeredAt.splice(i, 1);
      if (this.answeredAt.length < this.limit) {
        this.answeredAt.push(Infinity);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          // In-flight markers are interchangeable: turn any one of them into this answer's time.
          const i = this.answeredAt.indexOf(Infinity);
          if (i >= 0) this.answeredAt[i] = Date.now();
          this.wake?.();
        };
      }
      const earliest = Math.min(...this.answeredAt);
      const waitMs = Number.isFinite(earliest) ? earliest + WINDOW_MS - now + 1 : WINDOW_MS;
      // Sleep until the oldest answer leaves the window, or until an in-flight request is answered.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

const windows = new Map<string, ArrivalWindow>();

/** The window of one tenant on one API host. */
export const tenantWindowKey = (apiHost: string, tenant: string): string => `${apiHost}|${tenant}`;

/** Requests holding a slot of `key`'s window right now (0 when idle: a higher number at rest is a leak). */
export const slotsInFlight = (key: string): number => windows.get(key)?.inFlight ?? 0;

/** Waits for a slot in `key`'s window (see tenantWindowKey); call the returned function when answered. */
export const acquireSlot = (key: string, limit = REQUESTS_PER_SECOND): Promise<Release> => {
  let window = windows.get(key);
  if (!window) {
    window = new ArrivalWindow(limit);
    windows.set(key, window);
  }
  return window.acquire();
};
