import { p256, p384, p521 } from '@noble/curves/nist.js';
import type { EcCurve } from './curves.js';

// Apart from curves.ts (names and sizes only) so that importing the curve table does not load
// noble's Weierstrass arithmetic: only ECDSA work needs it (see ecdsa-math.ts).

/** The noble implementation of a curve. */
export function nobleCurve(curve: EcCurve) {
  return curve === 'nistp256' ? p256 : curve === 'nistp384' ? p384 : p521;
}
