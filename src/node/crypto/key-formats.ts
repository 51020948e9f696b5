import { installEcdsa } from '../../crypto/ecdsa/install.js';
import { installEncryptedKeys } from '../../crypto/encrypted-keys/install.js';

/**
 * Node, Deno and Bun read every key type and format with no extra import: bundle size does not
 * matter there, and a server-side caller should not have to learn that encrypted keys and ECDSA
 * private keys live behind `opskit/crypto/encrypted-keys` and `opskit/crypto/ecdsa`. Called at the
 * top of each Node-side entry that reads private keys (the `node` variants of opskit/crypto and
 * opskit/triton, opskit/node's Triton helpers, the CLI): a call, not a bare import, so no bundler
 * can drop it as a side-effect-only import.
 */
export function installAllKeyFormats(): void {
  installEncryptedKeys();
  installEcdsa();
}
