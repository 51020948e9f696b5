import { setEcdsaMath } from '../keys/ecdsa-math.js';
import { nobleCurve } from '../keys/nist-curves.js';

/**
 * Lets `parsePrivateKey` read ECDSA (P-256/384/521) private keys, whose public point it derives and
 * checks, and lets ECDSA keys sign in pure JavaScript (`backend: 'pure'`, `signWithKeySync`, or no
 * WebCrypto). Importing `opskit/crypto/ecdsa` already calls it; calling it again changes nothing.
 */
export function installEcdsa(): void {
  setEcdsaMath({
    publicPoint: (curve, d) => nobleCurve(curve).getPublicKey(d, false),
    sign: (curve, digest, d) => nobleCurve(curve).sign(digest, d, { prehash: false, format: 'der' }),
  });
}
