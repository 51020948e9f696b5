import { KeyParseError } from '../errors/key-parse-error.js';
import { keyText } from './key-text.js';
import { decodePem, pemLabel } from './formats/pem.js';
import { parsePkcs1Public } from './formats/pkcs1.js';
import { parseSpki } from './formats/pkcs8.js';
import { parseSshPublicLine } from './formats/ssh-public.js';
import { PublicKey } from './public-key.js';

/**
 * Parses a public key: an OpenSSH line (`ssh-ed25519 AAAA… comment`, as in `id_*.pub` and
 * `authorized_keys`), or PEM `BEGIN PUBLIC KEY` (SPKI) / `BEGIN RSA PUBLIC KEY` (PKCS#1).
 * @throws KeyParseError naming what is wrong (also when `text` is not a non-empty string).
 */
export function parsePublicKey(text: string): PublicKey {
  keyText(text, 'parsePublicKey: text', false);
  const label = pemLabel(text);
  if (label === undefined) return parseSshPublicLine(text.trim().split(/\r?\n/)[0] ?? '');
  const block = decodePem(text);
  if (label === 'PUBLIC KEY') return new PublicKey(parseSpki(block.body));
  if (label === 'RSA PUBLIC KEY') return new PublicKey(parsePkcs1Public(block.body));
  throw new KeyParseError(`unsupported PEM label ${JSON.stringify(label)} for a public key`);
}
