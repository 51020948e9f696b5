import { ConfigError } from './errors/config-error.js';
import { OpsError } from './errors/ops-error.js';
import { REDACTED } from './redact.js';

/**
 * The values an auth scheme produced lately (signatures, Authorization values). A scheme records
 * each one the moment it exists, before anything else can fail, and hands them out through its
 * `secrets()`, so every redactor that asks (logs, errors, dry runs) scrubs them. Bounded: a
 * long-running client signs without end, and only recent signatures can still be in flight or
 * replayed (a dated signature expires; an undated one is replayable only for its own request).
 */
export class RecentSecrets {
  readonly #values = new Set<string>();
  readonly #limit: number;

  constructor(limit = 64) {
    this.#limit = limit;
  }

  add(value: string): void {
    this.#values.delete(value);
    this.#values.add(value);
    if (this.#values.size > this.#limit) this.#values.delete(this.#values.values().next().value as string);
  }

  values(): string[] {
    return [...this.#values];
  }

  /** `text` with every recorded value (and every value of `extra`) replaced. */
  scrub(text: string, extra: readonly string[] = []): string {
    let out = text;
    for (const v of [...extra, ...this.#values]) if (v.length >= 4 && out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /**
   * What to throw when signing failed after a value was produced: our own errors pass through
   * when they quote nothing secret; anything else (a runtime TypeError from `Headers.set` quotes
   * the whole header) becomes a ConfigError with the secrets scrubbed and no cause or foreign
   * stack to leak them. `extra` adds the scheme's long-lived secrets (its key).
   */
  safeError(op: string, e: unknown, extra: readonly string[] = []): Error {
    const scrub = (text: string) => this.scrub(text, extra);
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof OpsError && !quotes(e, (text) => scrub(text) !== text)) return e;
    // Control characters escaped: the message stays one line (a CLI prints it as one).
    return new ConfigError(`${op}: signing failed: ${scrub(message).replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))}`);
  }
}

/** Whether the error's message or stack, or those of its causes, hold a recorded value. */
function quotes(e: unknown, holds: (text: string) => boolean, depth = 0): boolean {
  if (e === undefined || e === null || depth > 3) return false;
  if (!(e instanceof Error)) return holds(String(e));
  return holds(e.message) || holds(e.stack ?? '') || quotes((e as { cause?: unknown }).cause, holds, depth + 1);
}
