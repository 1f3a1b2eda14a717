/**
 * ServiceTitan allows 60 requests per second per app and tenant. A sliding window per tenant (shared by every
 * client in the process, so concurrent pages and parallel actions count together) keeps us under it instead of
 * collecting 429s.
 */
export const REQUESTS_PER_SECOND = 60;
const WINDOW_MS = 1000;

class SlidingWindow {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly limit: number) {}

  /** Resolves when one more request may leave. Callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.sent.length && now - this.sent[0] >= WINDOW_MS) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return;
      }
      // +1 ms: the oldest request must have fully left the window, not just touched its edge.
      await new Promise((resolve) => setTimeout(resolve, this.sent[0] + WINDOW_MS - now + 1));
    }
  }
}

const windows = new Map<string, SlidingWindow>();

/** Waits for a slot in `key`'s window (key = API host + tenant). */
export const acquireSlot = (key: string, limit = REQUESTS_PER_SECOND): Promise<void> => {
  let window = windows.get(key);
  if (!window) {
    window = new SlidingWindow(limit);
    windows.set(key, window);
  }
  return window.acquire();
};
