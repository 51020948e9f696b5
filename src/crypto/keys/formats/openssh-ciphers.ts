import { cbc, ctr, gcm } from '@noble/ciphers/aes.js';
import { KeyParseError } from '../../errors/key-parse-error.js';

/** A cipher openssh-key-v1 files may use for their private section. */
export interface OpenSshCipher {
  name: string;
  keyLength: number;
  ivLength: number;
  blockSize: number;
  /** Bytes of authentication tag stored after the encrypted section (GCM). */
  tagLength: number;
  decrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array, tag: Uint8Array): Uint8Array;
  encrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): { data: Uint8Array; tag: Uint8Array };
}

const none = new Uint8Array(0);

function ctrCipher(name: string, keyLength: number): OpenSshCipher {
  return {
    name, keyLength, ivLength: 16, blockSize: 16, tagLength: 0,
    decrypt: (key, iv, data) => ctr(key, iv).decrypt(data),
    encrypt: (key, iv, data) => ({ data: ctr(key, iv).encrypt(data), tag: none }),
  };
}

function cbcCipher(name: string, keyLength: number): OpenSshCipher {
  return {
    name, keyLength, ivLength: 16, blockSize: 16, tagLength: 0,
    // OpenSSH pads the section itself (1, 2, 3, …), so the cipher must not add or strip padding.
    decrypt: (key, iv, data) => cbc(key, iv, { disablePadding: true }).decrypt(data),
    encrypt: (key, iv, data) => ({ data: cbc(key, iv, { disablePadding: true }).encrypt(data), tag: none }),
  };
}

function gcmCipher(name: string, keyLength: number): OpenSshCipher {
  return {
    name, keyLength, ivLength: 12, blockSize: 16, tagLength: 16,
    decrypt(key, iv, data, tag) {
      const joined = new Uint8Array(data.length + tag.length);
      joined.set(data);
      joined.set(tag, data.length);
      return gcm(key, iv).decrypt(joined);
    },
    encrypt(key, iv, data) {
      const sealed = gcm(key, iv).encrypt(data);
      return { data: sealed.subarray(0, data.length), tag: sealed.subarray(data.length) };
    },
  };
}

const CIPHERS: readonly OpenSshCipher[] = [
  ctrCipher('aes128-ctr', 16),
  ctrCipher('aes192-ctr', 24),
  ctrCipher('aes256-ctr', 32),
  cbcCipher('aes128-cbc', 16),
  cbcCipher('aes192-cbc', 24),
  cbcCipher('aes256-cbc', 32),
  gcmCipher('aes128-gcm@openssh.com', 16),
  gcmCipher('aes256-gcm@openssh.com', 32),
];

/** Names of the ciphers opskit reads in OpenSSH private keys. */
export const OPENSSH_CIPHERS: readonly string[] = CIPHERS.map((c) => c.name);

/** The cipher called `name`, or a KeyParseError listing the supported ones. */
export function openSshCipher(name: string): OpenSshCipher {
  const c = CIPHERS.find((x) => x.name === name);
  if (!c) throw new KeyParseError(`OpenSSH key: unsupported cipher ${JSON.stringify(name.slice(0, 40))} (supported: none, ${OPENSSH_CIPHERS.join(', ')})`);
  return c;
}
