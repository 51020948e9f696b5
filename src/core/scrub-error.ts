/**
 * A copy of what a runtime threw, safe to keep as an error's `cause`: message and stack scrubbed
 * of secrets (undici quotes URLs and header values in its messages), the machine-readable fields
 * (`code`, `errno`, `syscall`) kept, its own cause treated the same way. The original is dropped,
 * because `util.inspect` and loggers print every level of a cause chain.
 */
export function scrubError(e: unknown, scrub: (text: string) => string, depth = 0): Error | undefined {
  if (e === undefined || e === null) return undefined;
  if (!(e instanceof Error)) return new Error(scrub(String(e)));
  const copy = new Error(scrub(e.message));
  copy.name = e.name;
  copy.stack = e.stack === undefined ? undefined : scrub(e.stack);
  const fields = e as unknown as Record<string, unknown>;
  for (const key of ['code', 'errno', 'syscall']) {
    const v = fields[key];
    if (typeof v === 'string' || typeof v === 'number') (copy as unknown as Record<string, unknown>)[key] = typeof v === 'string' ? scrub(v) : v;
  }
  const inner = (e as { cause?: unknown }).cause;
  if (inner !== undefined && depth < 3) {
    const c = scrubError(inner, scrub, depth + 1);
    if (c) Object.defineProperty(copy, 'cause', { value: c, writable: true, configurable: true, enumerable: false });
  }
  return copy;
}
