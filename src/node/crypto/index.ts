/**
 * `opskit/crypto` as Node, Deno and Bun load it (the `node` export condition): the same exports as
 * src/crypto/index.ts, with {@link Fernet} running on node:crypto. Browsers and bundlers for the
 * browser keep the pure-JavaScript module and its size.
 * @packageDocumentation
 */
export * from '../../crypto/index.js';
// An explicit export wins over the same name from `export *`.
export { Fernet } from './fernet.js';
