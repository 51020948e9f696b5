import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { bcryptPbkdf } from '../../../src/crypto/index.js';
import { Blowfish } from '../../../src/crypto/keys/formats/blowfish.js';
import { piWords } from '../../../src/crypto/keys/formats/pi-words.js';

const enc = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// OpenBSD regress/lib/libutil/bcrypt_pbkdf vectors (also RustCrypto bcrypt-pbkdf's).
const VECTORS: [string, string, number, string][] = [
  ['password', 'salt', 4, '5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9'],
  ['password', '\0', 4, 'c12b566235eee04c212598970a579a67'],
  ['\0', 'salt', 4, '6051be18c2f4f82cbf0efee5471b4bb9'],
  ['password\0', 'salt\0', 4, '7410e44cf4fa07bfaac8a928b1727fac001375e7bf7384370f48efd121743050'],
  ['pass\0wor', 'sa\0l', 4, 'c2bffd9db38f6569efef4372f4de83c0'],
  ['pass\0word', 'sa\0lt', 4, '4ba4ac3925c0e8d7f0cdb6bb1684a56f'],
  ['password', 'salt', 8, 'e1367ec5151a33faac4cc1c144cd23fa15d5548493ecc99b9b5d9c0d3b27bec76227ea66088b849b20ab7aa478010246e74bba51723fefa9f9474d6508845e8d'],
  ['password', 'salt', 42, '833cf0dcf56db65608e8f0dc0ce882bd'],
  [
    'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
    'salis\0', 8, '10978b07253df57f71a162eb0e8ad30a',
  ],
];

test('bcrypt_pbkdf matches the OpenBSD vectors', () => {
  for (const [pass, salt, rounds, want] of VECTORS) {
    assert.equal(hex(bcryptPbkdf(enc(pass), enc(salt), rounds, want.length / 2)), want, `${JSON.stringify(pass.slice(0, 12))}/${rounds}`);
  }
});

test('bcrypt_pbkdf refuses what OpenBSD refuses (typed ConfigErrors, issue 8)', () => {
  assert.throws(() => bcryptPbkdf(new Uint8Array(0), enc('salt'), 4, 32), ConfigError);
  assert.throws(() => bcryptPbkdf(enc('p'), new Uint8Array(0), 4, 32), ConfigError);
  assert.throws(() => bcryptPbkdf(enc('p'), enc('s'), 0, 32), ConfigError);
  assert.throws(() => bcryptPbkdf(enc('p'), enc('s'), 4, 1025), ConfigError);
});

test('Blowfish state is π and encrypts the Schneier/Eric Young test vectors', () => {
  const pi = piWords(4);
  assert.deepEqual([...pi].map((w) => w.toString(16)), ['243f6a88', '85a308d3', '13198a2e', '3707344']);
  // Key 0x00…00 / plaintext 0x00…00 → 4EF997456198DD78 (after the standard key schedule:
  // ExpandKey with the key and an all-zero salt is exactly Blowfish's own key setup).
  const check = (keyHex: string, plainHex: string, cipherHex: string) => {
    const bf = new Blowfish();
    bf.expand0State(Buffer.from(keyHex, 'hex'));
    const p = Buffer.from(plainHex, 'hex');
    const block = new Uint32Array([p.readUInt32BE(0), p.readUInt32BE(4)]);
    bf.encryptBlock(block, 0);
    const out = Buffer.alloc(8);
    out.writeUInt32BE(block[0]!, 0);
    out.writeUInt32BE(block[1]!, 4);
    assert.equal(out.toString('hex'), cipherHex);
  };
  check('0000000000000000', '0000000000000000', '4ef997456198dd78');
  check('ffffffffffffffff', 'ffffffffffffffff', '51866fd5b85ecb8a');
  check('3000000000000000', '1000000000000001', '7d856f9a613063f2');
  check('0123456789abcdef', '1111111111111111', '61f9c3802281b096');
});
