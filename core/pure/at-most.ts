/**
 * Waits for `work`, but no longer than `ms`; the work goes on in the background. Resolves with
 * `{ done: true, value }`, or `{ done: false }` when the time ran out first; a rejection of `work`
 * within the time rejects. The resident is never kept waiting
 * on the network longer than a screen can reasonably pause.
 */
export async function atMost<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
