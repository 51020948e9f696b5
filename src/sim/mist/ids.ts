import { sha1 } from '@noble/hashes/legacy.js';

const B58 = '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const utf8 = new TextEncoder();

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** SHA-1 of UTF-8 text, as lowercase hex. */
export function sha1Hex(text: string): string {
  return hex(sha1(utf8.encode(text)));
}

/**
 * A backend id the way the server derives it: SHA-1 of `provider + region + apikey` (Docker:
 * `provider + title + apiurl`; bare metal: `provider + machine name`) as a number, in the server's
 * base-58 alphabet. The same account added twice gets the same id: `409 Backend exists`.
 */
export function backendIdOf(concat: string): string {
  let n = BigInt(`0x${sha1Hex(concat)}`);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out;
}
