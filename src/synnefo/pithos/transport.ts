import type { BlockHashAlgorithm } from '../../crypto/merkle/algorithms.js';

/** A container's block settings (`X-Container-Block-Size`/`-Hash`); undefined on a plain Swift. */
export interface BlockInfo {
  blockSize: number;
  blockHash: BlockHashAlgorithm;
}

/** A hashmap as the server returns it (`GET …?hashmap&format=json`). */
export interface Hashmap {
  block_size: number;
  block_hash: string;
  bytes: number;
  hashes: string[];
}

/** Which version of an object every block request reads, so a download never mixes versions. */
export interface VersionPin {
  version?: string | undefined;
  ifMatch?: string | undefined;
}

/**
 * What the upload and download engines need from a server: the Pithos block protocol (§5, §6)
 * in a few calls. `PithosClient` implements it over the core chain; tests may drive the engines
 * with any implementation.
 */
export interface PithosTransport {
  /** One HEAD per container (cached by the client): undefined when the server is a plain Swift. */
  blockInfo(signal?: AbortSignal): Promise<BlockInfo | undefined>;
  /** Hashmap PUT: created (201) or the missing hashes (409). */
  putHashmap(body: { bytes: number; hashes: readonly string[] }, signal?: AbortSignal): Promise<{ created: true; headers: Record<string, string> } | { created: false; missing: string[] }>;
  /** One block POST; resolves with the hashes the server stored. */
  postBlock(block: Uint8Array, signal?: AbortSignal): Promise<string[]>;
  /** The object's hashmap and headers. */
  getHashmap(signal?: AbortSignal): Promise<{ hashmap: Hashmap; headers: Record<string, string> }>;
  /** Bytes `[start, end]` (inclusive) of the pinned version. */
  getRange(start: number, end: number, pin: VersionPin, signal?: AbortSignal): Promise<Uint8Array>;
}
