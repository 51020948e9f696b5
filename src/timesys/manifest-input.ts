import { ConfigError } from '../core/errors/config-error.js';
import { decodeUtf8 } from '../crypto/encoding/utf8.js';

/**
 * An SBOM (or kernel / U-Boot config) to upload: its text, its bytes (UTF-8), a `Blob` or `File`
 * (browsers), or `{ path }`, which needs a `readText` option (`opskit/node`'s `loadLlapi` sets one).
 */
export type ManifestInput = string | Uint8Array | ArrayBuffer | Blob | { path: string };

/** Reads the input as the exact text that will be sent and signed. */
export async function manifestText(
  input: ManifestInput,
  what: string,
  readText: ((path: string) => Promise<string>) | undefined,
): Promise<string> {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return utf8(input, what);
  if (input instanceof ArrayBuffer) return utf8(new Uint8Array(input), what);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return utf8(new Uint8Array(await input.arrayBuffer()), what);
  if (input && typeof (input as { path?: unknown }).path === 'string') {
    if (!readText) throw new ConfigError(`${what}: reading a path needs a readText option (use loadLlapi from opskit/node)`);
    return readText((input as { path: string }).path);
  }
  throw new ConfigError(`${what} must be text, bytes, a Blob or { path }`);
}

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return decodeUtf8(bytes);
  } catch {
    // The form field is text; sending replacement characters would sign something the user never wrote.
    throw new ConfigError(`${what} is not valid UTF-8 text`);
  }
}
