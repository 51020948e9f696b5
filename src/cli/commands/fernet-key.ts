import { Fernet, KeyParseError } from '../../crypto/index.js';
import type { OptionValues } from '../command.js';
import type { CliIo } from '../io.js';
import { readInputFile } from '../read-file.js';
import { UsageError } from '../usage-error.js';

/** Where a key came from, for error messages that must never show the key itself. */
type KeySource = '--key' | '--key-file' | 'OPSKIT_FERNET_KEY';

/**
 * Builds the Fernet instance from `--key`, `--key-file` or `$OPSKIT_FERNET_KEY`
 * (first found wins, but `--key` with `--key-file` is refused as ambiguous).
 */
export async function fernetFromOptions(values: OptionValues, io: CliIo): Promise<Fernet> {
  const inline = typeof values.key === 'string' ? values.key : undefined;
  const file = typeof values['key-file'] === 'string' ? values['key-file'] : undefined;
  if (inline !== undefined && file !== undefined) throw new UsageError('give either --key or --key-file, not both');
  let key: string;
  let source: KeySource;
  if (inline !== undefined) {
    key = inline;
    source = '--key';
  } else if (file !== undefined) {
    key = keyFromFileText(new TextDecoder().decode(await readInputFile(io, file, 'key file')), file);
    source = '--key-file';
  } else if (io.env.OPSKIT_FERNET_KEY !== undefined && io.env.OPSKIT_FERNET_KEY !== '') {
    key = io.env.OPSKIT_FERNET_KEY;
    source = 'OPSKIT_FERNET_KEY';
  } else {
    throw new UsageError('no key: pass --key-file FILE (-k) or --key KEY, or set OPSKIT_FERNET_KEY');
  }
  try {
    return new Fernet(key.trim());
  } catch (err) {
    // KeyParseError messages are written never to contain the key; anything else might.
    const detail = err instanceof KeyParseError ? `: ${err.message}` : '';
    throw new UsageError(`invalid key from ${source}${detail}`);
  }
}

/**
 * The key in a key file: the raw key (what `generate-key --raw` or `-o` writes, a newline
 * allowed), or the JSON `{"key": …}` that `generate-key` prints.
 */
export function keyFromFileText(text: string, path: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new UsageError(`key file ${path}: starts with { but is not JSON; it holds the key, or {"key": …} as generate-key prints it`);
  }
  const key = (parsed as { key?: unknown } | null)?.key;
  if (typeof key !== 'string') throw new UsageError(`key file ${path}: the JSON has no "key" string`);
  return key;
}
