import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KeyParseError } from '../../crypto/errors/key-parse-error.js';
import { parseFingerprint } from '../../crypto/keys/fingerprint.js';
import { openSshPublicKey } from '../../crypto/keys/formats/openssh-public.js';
import { parsePrivateKey } from '../../crypto/keys/parse-private-key.js';
import type { PrivateKey } from '../../crypto/keys/private-key.js';
import { parsePublicKey } from '../../crypto/keys/parse-public-key.js';

/** Options of {@link loadKeyFromSshDir}. */
export interface LoadKeyOptions {
  /** `aa:bb:…`, `MD5:aa:bb:…` or `SHA256:…`. */
  fingerprint: string;
  /** Directory to search (default `~/.ssh`). */
  dir?: string;
  /** Passphrase for an encrypted key. */
  passphrase?: string;
  /** Key-derivation caps for encrypted keys (see `parsePrivateKey`). */
  maxBcryptRounds?: number;
  maxPbkdf2Iterations?: number;
}

/**
 * Finds the private key with a fingerprint in `~/.ssh` (as node-smartdc-auth's file keyring does):
 * first through `*.pub` files, then through OpenSSH private keys (whose public half is readable
 * without the passphrase), then by parsing unencrypted PEM keys.
 * @throws KeyParseError when no key matches (or the matching key needs a passphrase).
 */
export async function loadKeyFromSshDir(options: LoadKeyOptions): Promise<PrivateKey> {
  const dir = options.dir ?? join(homedir(), '.ssh');
  const fp = parseFingerprint(options.fingerprint);
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => undefined);
  const load = async (name: string) => {
    const text = await read(name);
    if (text === undefined) return undefined;
    const key = parsePrivateKey(text, {
      ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
      ...(options.maxBcryptRounds !== undefined ? { maxBcryptRounds: options.maxBcryptRounds } : {}),
      ...(options.maxPbkdf2Iterations !== undefined ? { maxPbkdf2Iterations: options.maxPbkdf2Iterations } : {}),
      comment: name,
    });
    return key.publicKey.matches(fp) ? key : undefined;
  };
  for (const name of names.filter((n) => n.endsWith('.pub'))) {
    const text = await read(name);
    try {
      if (text !== undefined && parsePublicKey(text).matches(fp) && names.includes(name.slice(0, -4))) {
        const key = await load(name.slice(0, -4));
        if (key) return key;
      }
    } catch (e) {
      if (e instanceof KeyParseError && /passphrase/.test(e.message)) throw e;
    }
  }
  for (const name of names.filter((n) => !n.endsWith('.pub'))) {
    const text = await read(name);
    if (text === undefined || !text.includes('-----BEGIN')) continue;
    try {
      if (text.includes('OPENSSH PRIVATE KEY')) {
        if (openSshPublicKey(text).matches(fp)) {
          const key = await load(name);
          if (key) return key;
        }
      } else {
        const key = await load(name);
        if (key) return key;
      }
    } catch (e) {
      // An encrypted key that matches and lacks its passphrase is the answer's problem, not a miss.
      if (e instanceof KeyParseError && /passphrase/.test(e.message) && text.includes('OPENSSH PRIVATE KEY')) throw e;
    }
  }
  throw new KeyParseError(`no private key with fingerprint ${fp.value} in ${dir}`);
}
