import { encodeBase64 } from '../../../crypto/encoding/base64.js';
import type { CliIo } from '../../io.js';

/** JSON text of a result: bytes (never expected in a result) as base64 rather than an index map. */
export function toJson(value: unknown, pretty: boolean): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { base64: encodeBase64(v) } : v), pretty ? 2 : undefined) ?? 'null';
}

/** Writes bytes exactly: to `path` (replaced, as upstream's `open(path, 'wb')`), or to stdout. */
export async function writeBytes(io: CliIo, bytes: Uint8Array, path: string | undefined): Promise<void> {
  if (path !== undefined) return io.writeFile(path, bytes, { exclusive: false, mode: 0o644 });
  await io.stdoutBytes(bytes);
}
