/**
 * Runs `task(i)` for i in `[0, count)` with at most `concurrency` running at once (kamaki's
 * `MAX_THREADS`). The first failure stops new tasks; the running ones are awaited before it is
 * rethrown, so nothing writes after the caller has seen the error. An aborted `signal` is a failure.
 */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < count) {
      if (signal?.aborted) {
        failure ??= { error: signal.reason };
        return;
      }
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const width = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
  await Promise.all(Array.from({ length: count === 0 ? 0 : width }, worker));
  if (failure) throw failure.error;
  signal?.throwIfAborted();
}
