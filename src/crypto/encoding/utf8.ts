import { checkBytes, checkTextOrBytes, checkWellFormed, fail } from '../args/check.js';
import { encodingError } from './encoding-error.js';

// Created on first use so that importing the module does nothing.
let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;
let loose: TextDecoder | undefined;

/**
 * Encodes a string as UTF-8.
 * @throws OpsError with code `ENCODING` when `text` is not a string or has a lone surrogate
 *   (which has no UTF-8 form; TextEncoder would silently write U+FFFD instead).
 */
export function encodeUtf8(text: string): Uint8Array {
  if (typeof text !== 'string') fail('encodeUtf8: text', 'a string', text, encodingError);
  return (encoder ??= new TextEncoder()).encode(checkWellFormed(text, 'encodeUtf8: text', encodingError));
}

/**
 * Decodes UTF-8 strictly. A byte order mark is kept, so decoding reverses {@link encodeUtf8}.
 * @throws OpsError with code `ENCODING` when `bytes` is not a Uint8Array or is invalid UTF-8
 *   (it is never silently replaced).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8Text(checkBytes(bytes, 'decodeUtf8: bytes', encodingError));
}

/** Internal: {@link decodeUtf8} without the argument check, for callers that hold real bytes. */
export function utf8Text(bytes: Uint8Array): string {
  // A replacing decoder is faster than a fatal one (about 1.3× in Node 20 and Bun, 6× in Deno on
  // 64 KiB) and gives the same text for valid input; only text that holds U+FFFD, which bad input turns into,
  // is decoded again strictly to tell a bad byte from a real U+FFFD.
  const text = (loose ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes);
  if (!text.includes('\uFFFD')) return text;
  decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw encodingError('utf-8: invalid byte sequence', error);
  }
}

/**
 * Internal: an argument that may be text or bytes, as bytes (text UTF-8 encoded). `what` names
 * the function and argument in the ConfigError a wrong type or a lone surrogate gets.
 */
export function utf8Bytes(value: unknown, what: string): Uint8Array {
  const checked = checkTextOrBytes(value, what);
  return typeof checked === 'string' ? (encoder ??= new TextEncoder()).encode(checked) : checked;
}
