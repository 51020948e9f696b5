import { writeFile } from 'node:fs/promises';
import { encodeBase64 } from '../../../crypto/encoding/base64.js';
import type { CliIo } from '../../io.js';

/** Optional extras a CliIo may offer; the process's streams and files are used otherwise. */
export interface ByteIo {
  stdoutIsTTY?: boolean;
  stdoutBytes?(bytes: Uint8Array): void;
  writeFile?(path: string, bytes: Uint8Array): Promise<void>;
}

/** JSON text of a result: bytes (never expected in a result) as base64 rather than an index map. */
export function toJson(value: unknown, pretty: boolean): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { base64: encodeBase64(v) } : v), pretty ? 2 : undefined) ?? 'null';
}

/** Whether stdout is a terminal (pretty JSON for people, one line for pipes). */
export function stdoutIsTTY(io: CliIo): boolean {
  const extra = (io as CliIo & ByteIo).stdoutIsTTY;
  return extra ?? process.stdout.isTTY === true;
}

/** Writes bytes exactly: to `path`, or to stdout. */
export async function writeBytes(io: CliIo, bytes: Uint8Array, path: string | undefined): Promise<void> {
  const extra = io as CliIo & ByteIo;
  if (path !== undefined) {
    await (extra.writeFile ? extra.writeFile(path, bytes) : writeFile(path, bytes));
    return;
  }
  if (extra.stdoutBytes) {
    extra.stdoutBytes(bytes);
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
}
