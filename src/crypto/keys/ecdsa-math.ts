import type { ErrorFactory } from '../args/check.js';
import type { EcCurve } from './curves.js';

// ECDSA private keys need P-256/384/521 arithmetic (noble's Weierstrass curves, a tenth of a
// Triton browser bundle) to derive and check their public point when parsed, and to sign without
// WebCrypto. An Ed25519 or RSA caller never needs it, so the parser and the pure signer reach it
// through what is installed here: `opskit/crypto/ecdsa` installs it when imported (the Node
// build, the browser bundle and generatePrivateKey do too). Without it they say what to import.

/** The import that installs the arithmetic, as the errors without it spell it. */
export const ECDSA_IMPORT = "import 'opskit/crypto/ecdsa'";

/** The ECDSA operations opskit needs beyond WebCrypto. */
export interface EcdsaMath {
  /** The uncompressed public point of a private scalar; throws when the scalar is out of range. */
  publicPoint(curve: EcCurve, d: Uint8Array): Uint8Array;
  /** Deterministic (RFC 6979) signature of a digest, DER-encoded. */
  sign(curve: EcCurve, digest: Uint8Array, d: Uint8Array): Uint8Array;
}

let installed: EcdsaMath | undefined;

/** Internal: puts the arithmetic in place (see opskit/crypto/ecdsa). */
export function setEcdsaMath(math: EcdsaMath): void {
  installed = math;
}

/** The installed arithmetic, or the error `error` makes, saying that `what` needs the import. */
export function ecdsaMath(what: string, error: ErrorFactory): EcdsaMath {
  if (installed) return installed;
  throw error(
    `${what} needs the P-256/P-384/P-521 arithmetic, which is not loaded in this build; add ${ECDSA_IMPORT} ` +
      '(once, anywhere in the program). Node, Deno and Bun have it without the import.',
  );
}
