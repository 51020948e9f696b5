import { Fernet, KeyParseError } from '../../crypto/index.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

/** Where a key came from, for error messages that must never show the key itself. */
type KeySource = '--key' | '--key-file' | 'OPSKIT_FERNET_KEY';

/**
 * Builds the Fernet instance from `--key`, `--key-file` or `$OPSKIT_FERNET_KEY`
 * (first found wins, but `--key` with `--key-file` is refused as ambiguous).
 */
export async function fernetFromOptions(
  values: Readonly<Record<string, string | boolean | undefined>>,
  io: CliIo,
): Promise<Fernet> {
  const inline = values.key as string | undefined;
  const file = values['key-file'] as string | undefined;
  if (inline !== undefined && file !== undefined) throw new UsageError('give either --key or --key-file, not both');
  let key: string;
  let source: KeySource;
  if (inline !== undefined) {
    key = inline;
    source = '--key';
  } else if (file !== undefined) {
    key = await readKeyFile(file, io);
    source = '--key-file';
  } else if (io.env.OPSKIT_FERNET_KEY !== undefined && io.env.OPSKIT_FERNET_KEY !== '') {
    key = io.env.OPSKIT_FERNET_KEY;
    source = 'OPSKIT_FERNET_KEY';
  } else {
    throw new UsageError('no key: pass --key-file FILE or --key KEY, or set OPSKIT_FERNET_KEY');
  }
  try {
    return new Fernet(key.trim());
  } catch (err) {
    // KeyParseError messages are written never to contain the key; anything else might.
    const detail = err instanceof KeyParseError ? `: ${err.message}` : '';
    throw new UsageError(`invalid key from ${source}${detail}`);
  }
}

async function readKeyFile(path: string, io: CliIo): Promise<string> {
  try {
    return new TextDecoder().decode(await io.readFile(path));
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    throw new Error(`cannot read key file ${JSON.stringify(path)}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}
