import { checkBytes, checkInteger } from '../../args/check.js';
import { SignatureError } from '../../errors/signature-error.js';
import { derChildren, derSeq, derUInt, derUnsigned, expectDer, TAG } from '../der.js';

/**
 * IEEE P1363 `r ‖ s` (what WebCrypto returns) → ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`
 * (what sshpk, http-signature and CloudAPI expect in `signature=`).
 */
export function p1363ToDer(raw: Uint8Array): Uint8Array {
  checkBytes(raw, 'p1363ToDer: raw');
  if (raw.length % 2 !== 0 || raw.length === 0) throw new SignatureError('p1363ToDer: raw must be r ‖ s (an even, non-zero number of bytes)');
  const half = raw.length / 2;
  return derSeq(derUInt(raw.subarray(0, half)), derUInt(raw.subarray(half)));
}

/** DER `SEQUENCE { r, s }` → `r ‖ s`, each padded to `size` bytes. */
export function derToP1363(der: Uint8Array, size: number): Uint8Array {
  checkBytes(der, 'derToP1363: der');
  // 66 bytes is P-521's; anything up to 1 KiB is accepted so other curves can use this too.
  checkInteger(size, 'derToP1363: size', 1, 1024);
  const what = 'ECDSA signature';
  try {
    const seq = expectDer(der, 0, TAG.SEQUENCE, what);
    if (seq.end !== der.length) throw new SignatureError(`${what}: trailing bytes`);
    const [r, s, extra] = derChildren(seq, what);
    if (extra !== undefined) throw new SignatureError(`${what}: malformed`);
    const out = new Uint8Array(2 * size);
    const rb = derUnsigned(r, what);
    const sb = derUnsigned(s, what);
    if (rb.length > size || sb.length > size) throw new SignatureError(`${what}: integer too long for the curve`);
    out.set(rb, size - rb.length);
    out.set(sb, 2 * size - sb.length);
    return out;
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw new SignatureError(`${what}: malformed DER`);
  }
}
