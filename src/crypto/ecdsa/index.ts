/**
 * `opskit/crypto/ecdsa`: ECDSA private keys (P-256, P-384, P-521) in browser bundles. Import it
 * once, for its effect, and `parsePrivateKey`, `keySigner` and Triton's `DataCenter({ key })` read
 * ECDSA private keys and can sign with them without WebCrypto:
 *
 * ```ts
 * import 'opskit/crypto/ecdsa';
 * ```
 *
 * It is separate so that a browser bundle which signs with an Ed25519 or RSA key leaves out noble's
 * Weierstrass arithmetic (a tenth of a Triton bundle); without it, an ECDSA private key is a
 * `KeyParseError` naming this import. Node, Deno and Bun (the `node` export condition of
 * `opskit/crypto`, `opskit/triton` and `opskit/node`) and the browser bundle `opskit/browser`
 * include it already. Public keys, `verifyWithKey` and `generatePrivateKey` need no import.
 * @packageDocumentation
 */
import { installEcdsa } from './install.js';

// The reason to import this module: package.json "sideEffects" lists it, so bundlers keep this call.
installEcdsa();

export { installEcdsa };
