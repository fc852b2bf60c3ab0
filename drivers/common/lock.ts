/**
 * Serialises access to one port so two callers can never interleave bytes on the wire
 * (docs/design-anchors.md §7.9). FIFO; a failing task does not break the queue.
 */
export interface Lock {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly busy: boolean;
}

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      pending += 1;
      const result = tail.then(task, task);
      tail = result.then(
        () => (pending -= 1),
        () => (pending -= 1),
      );
      return result;
    },
    get busy() {
      return pending > 0;
    },
  };
}
