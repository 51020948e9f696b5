import { encodingError } from './encoding-error.js';

// Created on first use so that importing the module does nothing.
let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;

/** Encodes a string as UTF-8. Lone surrogates become U+FFFD, as in every TextEncoder. */
export function encodeUtf8(text: string): Uint8Array {
  if (typeof text !== 'string') throw encodingError('utf-8: expected a string');
  return (encoder ??= new TextEncoder()).encode(text);
}

/**
 * Decodes UTF-8 strictly. A byte order mark is kept, so decoding reverses {@link encodeUtf8}.
 * @throws OpsError with code `ENCODING` on invalid UTF-8 (it is never silently replaced).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw encodingError('utf-8: invalid byte sequence', error);
  }
}
