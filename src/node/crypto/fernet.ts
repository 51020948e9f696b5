import { ENGINE } from '../../crypto/fernet/engine.js';
import { Fernet as PortableFernet } from '../../crypto/fernet/fernet.js';
import { nodeFernetEngine } from './fernet-engine.js';

/**
 * {@link PortableFernet | Fernet} on node:crypto: the class `opskit/crypto` exports under its `node`
 * export condition (Node, Deno and Bun pick it). Same API, checks, errors and tokens; only the
 * primitives differ.
 */
export class Fernet extends PortableFernet {
  static readonly [ENGINE] = nodeFernetEngine;
}
