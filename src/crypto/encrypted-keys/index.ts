/**
 * `opskit/crypto/encrypted-keys`: passphrase-protected private keys. Import it once, for its effect,
 * and `parsePrivateKey`, `keySigner` and Triton's `DataCenter({ key, passphrase })` read encrypted
 * OpenSSH keys (bcrypt_pbkdf + AES-CTR/CBC/GCM), encrypted PKCS#8 (PBES2) and OpenSSL's legacy
 * `DEK-Info` PEM:
 *
 * ```ts
 * import 'opskit/crypto/encrypted-keys';
 * ```
 *
 * It is separate so that a browser bundle which signs with a plain key leaves out AES, bcrypt_pbkdf,
 * PBKDF2 and MD5 (a fifth of a Triton bundle); without it, an encrypted key is a `KeyParseError`
 * naming this import. Node, Deno and Bun (the `node` export condition of `opskit/crypto`,
 * `opskit/triton` and `opskit/node`) and the browser bundle `opskit/browser` include it already.
 * @packageDocumentation
 */
import { installEncryptedKeys } from './install.js';

// The reason to import this module: package.json "sideEffects" lists it, so bundlers keep this call.
installEncryptedKeys();

export { installEncryptedKeys };
