import { installEcdsa } from '../../crypto/ecdsa/install.js';
import { installEncryptedKeys } from '../../crypto/encrypted-keys/install.js';

/**
 * Node, Deno and Bun read every key type and format with no extra import: bundle size does not
 * matter there, and a server-side caller should not have to learn that encrypted keys and ECDSA
 * private keys live behind `opskit/crypto/encrypted-keys` and `opskit/crypto/ecdsa`. Called at the top of each Node-build module that reads private
 * keys (a call, not a bare import, so no bundler can drop it as a side-effect-only import).
 */
export function installAllKeyFormats(): void {
  installEncryptedKeys();
  installEcdsa();
}
