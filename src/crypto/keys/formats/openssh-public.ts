import { KeyParseError } from '../../errors/key-parse-error.js';
import type { PublicKey } from '../public-key.js';
import { keyText } from '../key-text.js';
import { SshReader } from '../ssh-wire.js';
import { OPENSSH_MAGIC } from './openssh.js';
import { decodePem } from './pem.js';
import { parseSshPublicBlob } from './ssh-public.js';

/**
 * The public key stored in clear in an OpenSSH private key file, read without the passphrase:
 * lets a key store find the file for a fingerprint before asking to decrypt it.
 * @throws KeyParseError naming what is wrong (also when `text` is not a non-empty string).
 */
export function openSshPublicKey(text: string): PublicKey {
  const block = decodePem(keyText(text, 'openSshPublicKey: text', false));
  if (block.label !== 'OPENSSH PRIVATE KEY') throw new KeyParseError('not an OpenSSH private key');
  const body = block.body;
  if (OPENSSH_MAGIC.some((b, i) => body[i] !== b)) throw new KeyParseError('OpenSSH key: malformed (missing openssh-key-v1 magic)');
  const r = new SshReader(body.subarray(OPENSSH_MAGIC.length), 'OpenSSH key');
  r.string();
  r.string();
  r.string();
  if (r.u32() < 1) throw new KeyParseError('OpenSSH key: malformed (no key)');
  return parseSshPublicBlob(r.string());
}
