// Socket commands being handled right now, so that a shutdown answers every command it already
// took before it disconnects the sockets (OPS-5): an acknowledged message is stored, and one
// that was cut off is retried by the client with the same clientId on another node.

export interface InFlightCommands {
  /** Counts the work until it settles (whatever its outcome). */
  track(work: Promise<unknown>): void;
  readonly size: number;
  /** Resolves when nothing is in flight, or after timeoutMs; true when it emptied. */
  settled(timeoutMs: number): Promise<boolean>;
}

export function createInFlightCommands(): InFlightCommands {
  const running = new Set<Promise<unknown>>();
  const waiters = new Set<() => void>();
  return {
    track(work) {
      const settled = work.then(() => undefined, () => undefined);
      running.add(settled);
      void settled.then(() => {
        running.delete(settled);
        if (running.size === 0) waiters.forEach((wake) => wake());
      });
    },
    get size() {
      return running.size;
    },
    settled(timeoutMs) {
      if (running.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        waiters.add(wake);
      });
    },
  };
}
