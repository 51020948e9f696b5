import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { OpsError } from '../../core/errors/ops-error.js';

/**
 * Block hash algorithms a Pithos+ server may announce in `X-Container-Block-Hash` (a Python
 * hashlib name; `sha256` by default, `sha1` on old deployments).
 */
export type BlockHashAlgorithm = 'sha256' | 'sha1' | 'sha224' | 'sha384' | 'sha512' | 'md5';

type SyncHash = (data: Uint8Array) => Uint8Array;

const SYNC: Readonly<Record<BlockHashAlgorithm, SyncHash>> = { sha256, sha1, sha224, sha384, sha512, md5 };
const DIGEST_LENGTH: Readonly<Record<BlockHashAlgorithm, number>> = { sha256: 32, sha1: 20, sha224: 28, sha384: 48, sha512: 64, md5: 16 };
/** WebCrypto names, for the algorithms WebCrypto has. */
const WEB_NAMES: Readonly<Partial<Record<BlockHashAlgorithm, string>>> = { sha256: 'SHA-256', sha1: 'SHA-1', sha384: 'SHA-384', sha512: 'SHA-512' };

/** The algorithm names {@link blockHashAlgorithm} accepts. */
export const BLOCK_HASH_ALGORITHMS: readonly BlockHashAlgorithm[] = Object.freeze(Object.keys(SYNC) as BlockHashAlgorithm[]);

/**
 * Validates an algorithm name as a server sends it (case-insensitive, `sha-256` spelt either way).
 * @throws OpsError with code `UNSUPPORTED_HASH` for any other name.
 */
export function blockHashAlgorithm(name: string): BlockHashAlgorithm {
  const n = String(name).trim().toLowerCase().replace(/-/g, '');
  if ((BLOCK_HASH_ALGORITHMS as readonly string[]).includes(n)) return n as BlockHashAlgorithm;
  throw new OpsError(`unsupported block hash algorithm ${JSON.stringify(String(name).slice(0, 40))}; supported: ${BLOCK_HASH_ALGORITHMS.join(', ')}`, { code: 'UNSUPPORTED_HASH' });
}

/** Length in bytes of one digest of `algorithm`. */
export function digestLength(algorithm: BlockHashAlgorithm): number {
  return DIGEST_LENGTH[algorithm];
}

/** Synchronous pure-JavaScript digest (noble). */
export function digestSync(algorithm: BlockHashAlgorithm, data: Uint8Array): Uint8Array {
  return SYNC[algorithm](data);
}

/** WebCrypto's `subtle`, when this runtime (or origin) has one with `digest`. */
function subtle(): SubtleCrypto | undefined {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  return typeof s?.digest === 'function' ? s : undefined;
}

// Below this size a WebCrypto call costs more (a Promise, a copy) than hashing in JavaScript.
const NATIVE_FROM = 64 * 1024;

/**
 * Digest of `data`, natively (WebCrypto, ~10× faster on large blocks) when the runtime has it and
 * the input is large, in pure JavaScript otherwise (non-secure browser origins, sha224, md5).
 */
export async function digest(algorithm: BlockHashAlgorithm, data: Uint8Array, options: { native?: boolean } = {}): Promise<Uint8Array> {
  const web = WEB_NAMES[algorithm];
  const s = options.native === false || web === undefined || data.length < NATIVE_FROM ? undefined : subtle();
  if (s === undefined) return digestSync(algorithm, data);
  return new Uint8Array(await s.digest(web as string, data as Uint8Array<ArrayBuffer>));
}
