// Runs tasks with the same key one after another (other keys run freely). A buyer's messages are
// stored and published in the order they arrived at this process, so the console receives them
// in sequence order even under load (CHAT-3); clients still merge by sequence number, which
// covers a buyer writing from tabs on different nodes.
const tails = new Map<string, Promise<unknown>>();

export function serializeByKey<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
