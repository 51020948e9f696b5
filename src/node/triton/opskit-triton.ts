/**
 * `opskit/triton` as Node, Deno and Bun load it (the `node` export condition): the same exports as
 * src/triton/index.ts, and `DataCenter({ key, passphrase })` reads every key type and format,
 * encrypted and ECDSA keys included, with no `opskit/crypto/encrypted-keys` or `opskit/crypto/ecdsa`
 * import. Browser bundlers keep the default module, which leaves those out.
 * @packageDocumentation
 */
import { installAllKeyFormats } from '../crypto/key-formats.js';

installAllKeyFormats();

export * from '../../triton/index.js';
