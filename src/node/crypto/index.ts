/**
 * `opskit/crypto` as Node, Deno and Bun load it (the `node` export condition): the same exports as
 * src/crypto/index.ts, with {@link Fernet} running on node:crypto and every key type and format
 * readable (no `opskit/crypto/encrypted-keys` or `opskit/crypto/ecdsa` import needed here).
 * Browsers and bundlers for the browser keep the pure-JavaScript module and its size.
 * @packageDocumentation
 */
import { installAllKeyFormats } from './key-formats.js';

installAllKeyFormats();

export * from '../../crypto/index.js';
// An explicit export wins over the same name from `export *`.
export { Fernet } from './fernet.js';
