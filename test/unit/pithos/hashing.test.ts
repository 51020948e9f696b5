// The 15 worked vectors of the Pithos+ upload protocol (block hashes, Merkle roots, the empty object,
// all-zero blocks, the hashmap PUT body and the 409 → POST → 201 exchange), checked against
// opskit/crypto and re-derived with node:crypto as an independent implementation.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import {
  blockCount, blockHash, blockHashAlgorithm, blockHashes, blockHashHex, decodeHex, encodeHex, encodeUtf8, merkleRoot, merkleRootHex, rstripNul,
} from '../../../src/crypto/index.js';
import { B, H_A, H_B, H_EMPTY, H_TEN, MD5_TEN, MERKLE_2, MERKLE_2_WRONG_HEX, MERKLE_3, TEN } from './vectors.js';

const fill = (ch: string, n: number) => new Uint8Array(n).fill(ch.charCodeAt(0));
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

test('vector 1: sha256 of the 10-byte block "0123456789"', async () => {
  assert.equal(await blockHashHex(encodeUtf8(TEN)), H_TEN);
  assert.equal(encodeHex(blockHash(encodeUtf8(TEN))), H_TEN);
  assert.equal(sha256(TEN).toString('hex'), H_TEN);
});

test('vector 2: the same block with trailing NULs hashes the same (rstrip, not strip)', async () => {
  const padded = new Uint8Array([...encodeUtf8(TEN), 0, 0, 0]);
  assert.equal(await blockHashHex(padded), H_TEN);
  assert.equal(rstripNul(padded).length, 10);
  // Leading NULs are data: stripping both ends (kamaki's resume bug) would be wrong.
  const leading = new Uint8Array([0, ...encodeUtf8(TEN)]);
  assert.notEqual(await blockHashHex(leading), H_TEN);
  assert.equal(await blockHashHex(leading), sha256(leading).toString('hex'));
});

test('vector 3: one short block → one hash (ceil(size/B) blocks, last block not padded)', async () => {
  assert.deepEqual(await blockHashes(encodeUtf8(TEN), B), [H_TEN]);
  assert.equal(blockCount(10, B), 1);
  assert.equal(blockCount(0, B), 0);
  assert.equal(blockCount(B, B), 1);
  assert.equal(blockCount(B + 1, B), 2);
});

test('vector 4: X-Object-Hash of a one-block object is that block hash', () => {
  assert.equal(merkleRootHex([H_TEN]), H_TEN);
});

test('vector 5: the MD5 of the 10 bytes (only the listing checksum, never the ETag by default)', () => {
  assert.equal(createHash('md5').update(TEN).digest('hex'), MD5_TEN);
});

test('vector 6: the empty object: no blocks, Merkle root sha256("")', () => {
  assert.equal(merkleRootHex([]), H_EMPTY);
  assert.equal(sha256('').toString('hex'), H_EMPTY);
});

test('vector 7: an all-zero 4 MiB block hashes to sha256("")', async () => {
  assert.equal(await blockHashHex(new Uint8Array(B)), H_EMPTY);
  assert.equal(await blockHashHex(new Uint8Array(B), 'sha256', { native: false }), H_EMPTY);
});

test('vectors 8–9: the two blocks of b"a"*B + b"0123456789"', async () => {
  const data = new Uint8Array(B + 10);
  data.set(fill('a', B));
  data.set(encodeUtf8(TEN), B);
  assert.deepEqual(await blockHashes(data, B), [H_A, H_TEN]);
  assert.equal(sha256(fill('a', B)).toString('hex'), H_A);
});

test('vector 10: the two-leaf Merkle root hashes the binary digests', () => {
  assert.equal(merkleRootHex([H_A, H_TEN]), MERKLE_2);
  assert.equal(sha256(Buffer.concat([decodeHex(H_A), decodeHex(H_TEN)])).toString('hex'), MERKLE_2);
});

test('vector 11: hashing the hex text instead gives the wrong value, which we never produce', () => {
  assert.equal(sha256(H_A + H_TEN).toString('hex'), MERKLE_2_WRONG_HEX);
  assert.notEqual(merkleRootHex([H_A, H_TEN]), MERKLE_2_WRONG_HEX);
});

test('vector 12: the middle block b"b"*B', async () => {
  assert.equal(await blockHashHex(fill('b', B)), H_B);
  assert.equal(sha256(fill('b', B)).toString('hex'), H_B);
});

test('vector 13: three leaves are padded with a zero digest to four', () => {
  assert.equal(merkleRootHex([H_A, H_B, H_TEN]), MERKLE_3);
  const left = sha256(Buffer.concat([decodeHex(H_A), decodeHex(H_B)]));
  const right = sha256(Buffer.concat([decodeHex(H_TEN), new Uint8Array(32)]));
  assert.equal(sha256(Buffer.concat([left, right])).toString('hex'), MERKLE_3);
});

test('Merkle roots of 5..9 leaves match an independent node:crypto implementation', () => {
  const ref = (leaves: Buffer[]): Buffer => {
    if (leaves.length === 0) return sha256('');
    if (leaves.length === 1) return leaves[0]!;
    let n = 2;
    while (n < leaves.length) n *= 2;
    let level = [...leaves, ...Array.from({ length: n - leaves.length }, () => Buffer.alloc(32))];
    while (level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) next.push(sha256(Buffer.concat([level[i]!, level[i + 1]!])));
      level = next;
    }
    return level[0]!;
  };
  for (let n = 5; n <= 9; n++) {
    const leaves = Array.from({ length: n }, (_, i) => sha256(`leaf ${i}`));
    assert.equal(encodeHex(merkleRoot(leaves.map((l) => new Uint8Array(l)))), ref(leaves).toString('hex'), `${n} leaves`);
  }
});

test('other algorithms: sha1 block hashes strip NULs too; unknown names are refused', async () => {
  assert.equal(await blockHashHex(encodeUtf8('abc\0\0'), 'sha1'), createHash('sha1').update('abc').digest('hex'));
  assert.equal(merkleRootHex([], 'sha1'), createHash('sha1').update('').digest('hex'));
  assert.equal(blockHashAlgorithm('SHA256'), 'sha256');
  assert.equal(blockHashAlgorithm('sha-1'), 'sha1');
  assert.throws(() => blockHashAlgorithm('whirlpool'), /unsupported block hash algorithm "whirlpool"/);
});
