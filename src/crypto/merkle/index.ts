// Pithos+ block hashing: trailing-NUL-stripped block digests and the Merkle root (X-Object-Hash).
export { blockHashAlgorithm, digestLength, BLOCK_HASH_ALGORITHMS, type BlockHashAlgorithm } from './algorithms.js';
export { rstripNul, blockHash, blockHashAsync, blockHashHex, blockCount, blockHashes } from './block-hash.js';
export { merkleRoot, merkleRootHex } from './merkle.js';
