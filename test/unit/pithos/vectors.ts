// The worked vectors of the Pithos+ block/hashmap protocol: B = 4 MiB, sha256, block hashes after
// stripping trailing NUL bytes, Merkle root over the raw digests padded with zero digests to a
// power of two. Sources (public): the Synnefo Object API guide (docs/object-api-guide.rst, "each
// hash is computed after trimming trailing null bytes", the empty-object X-Object-Hash example),
// Synnefo's reference Merkle function (snf-pithos-app/pithos/api/test/util/__init__.py `merkle`),
// kamaki's `_pithos_hash` (kamaki/clients/pithos/__init__.py). The values were computed with
// Python's hashlib following those rules; the tests also re-derive them with node:crypto.
export const B = 4194304;
export const TEN = '0123456789';
export const H_TEN = '84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882';
export const MD5_TEN = '781e5e245d69b566979b86e28d23f2c7';
export const H_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** sha256 of b"a" * B. */
export const H_A = '299285fc41a44cdb038b9fdaf494c76ca9d0c866672b2b266c1a0c17dda60a05';
/** sha256 of b"b" * B. */
export const H_B = '61d678b48de600e6922df82ac9fb5d208d19e98064d0d1d5c14a2ee50481c593';
/** Merkle root of [H_A, H_TEN] (b"a"*B + b"0123456789"). */
export const MERKLE_2 = '71b61bd1db509a6bfd46327e0d5018bc0f4a408e8851312a507d13956578e8e8';
/** What a reimplementation gets when it hashes the HEX TEXT of the two leaves (wrong). */
export const MERKLE_2_WRONG_HEX = 'edd4ab77049191932bcf695023d1c33d453908296aaebe28eec8bd2d4369a9be';
/** Merkle root of [H_A, H_B, H_TEN]: sha256(sha256(h0‖h1) ‖ sha256(h2‖0³²)). */
export const MERKLE_3 = '0cf1a2efb3267eeeaf71497400684a94db8535310a481e450c0b91ded9b9bef4';
/** The hashmap PUT body of the 10-byte object, exactly. */
export const PUT_BODY_TEN = `{"bytes":10,"hashes":["${H_TEN}"]}`;
