import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';

/** How results are printed: `json` (one line, the default) or `pretty` (indented). */
export type OutputFormat = 'json' | 'pretty';

/** Reads `--output-format` (kamaki's name; `pretty_print` is accepted for `pretty`). */
export function outputFormat(value: unknown): OutputFormat {
  if (value === undefined) return 'json';
  if (value === 'json') return 'json';
  if (value === 'pretty' || value === 'pretty_print') return 'pretty';
  throw new UsageError('--output-format must be json or pretty');
}

const REDACTED = '[REDACTED]';

/**
 * Prints one result as JSON on stdout with every secret (the cloud's tokens, and any other the
 * session learned) replaced by `[REDACTED]`: kamaki prints the token back in `user
 * authenticate` and `user list -l`; opskit never prints a secret.
 */
export function printResult(io: CliIo, value: unknown, format: OutputFormat, secrets: Iterable<string>): void {
  let text = format === 'pretty' ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  if (text === undefined) text = 'null';
  for (const s of secrets) if (s.length >= 4) text = text.split(s).join(REDACTED);
  io.stdout(`${text}\n`);
}
