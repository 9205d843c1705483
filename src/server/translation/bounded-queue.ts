// SET-3, issue 13 item 3: translations run off the request path, in this process, bounded. At most
// `concurrency` tasks run at once; tasks of one key (a conversation) run one after another, in
// the order they were pushed, so a conversation's detected language is decided by its messages
// in order; at most `maxPending` wait, and a push beyond that is refused (the caller logs it; the
// message is stored and delivered either way, and a member can ask for its translation again).
export interface BoundedQueue {
  /** False when the queue is full: the task was not taken. */
  push(key: string, task: () => Promise<void>): boolean;
  /** Tasks waiting or running. */
  size(): number;
  /** Resolves once nothing waits or runs (tests, shutdown). */
  idle(): Promise<void>;
}

export function createBoundedQueue(options: { concurrency: number; maxPending: number; onError?: (error: unknown) => void }): BoundedQueue {
  const waiting: Array<{ key: string; task: () => Promise<void> }> = [];
  const busyKeys = new Set<string>();
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const next = () => {
    while (running < options.concurrency) {
      // The oldest task whose conversation is not already being translated.
      const index = waiting.findIndex((item) => !busyKeys.has(item.key));
      if (index === -1) break;
      const [item] = waiting.splice(index, 1);
      running += 1;
      busyKeys.add(item!.key);
      void item!.task().catch((error: unknown) => options.onError?.(error)).finally(() => {
        running -= 1;
        busyKeys.delete(item!.key);
        next();
        settleIdle();
      });
    }
  };

  return {
    push(key, task) {
      if (waiting.length + running >= options.maxPending) return false;
      waiting.push({ key, task });
      next();
      return true;
    },
    size: () => waiting.length + running,
    idle: () => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}
