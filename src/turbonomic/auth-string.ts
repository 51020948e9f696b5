import { decodeBase64, encodeBase64 } from '../crypto/encoding/base64.js';
import { decodeUtf8, encodeUtf8 } from '../crypto/encoding/utf8.js';

/** `base64("user:password")`, standard alphabet, UTF-8: the HTTP Basic credential vmt-connect calls `auth`. */
export function encodeAuth(username: string, password: string): string {
  return encodeBase64(encodeUtf8(`${username}:${password}`));
}

/** Splits an auth string on its FIRST `:` (passwords may contain `:`); undefined when it is not base64 of `user:pass`. */
export function splitAuth(auth: string): { username: string; password: string } | undefined {
  let text: string;
  try {
    text = decodeUtf8(decodeBase64(auth.trim()));
  } catch {
    return undefined;
  }
  const at = text.indexOf(':');
  return at < 0 ? undefined : { username: text.slice(0, at), password: text.slice(at + 1) };
}
