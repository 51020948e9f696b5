import { parsePrivateKey, parsePublicKey, type PublicKey } from '../../../crypto/index.js';
import type { SimName } from '../../../sim/index.js';
import { parseKeyFile } from '../../../timesys/index.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';

/** What `--key FILE` adds to a simulator's options, and what the caller should be told about it. */
export interface CallerKey {
  /** Options for `createSim` (e.g. `{ keys: [line] }`). */
  options: Record<string, unknown>;
  /** Extra printed credentials (e.g. Triton's `keyId`), never a secret of the caller's. */
  credentials: Record<string, unknown>;
}

/** How each family's simulator signs a caller in, for the refusal of `--key` where it has no meaning. */
const SIGN_IN: Readonly<Record<string, string>> = {
  demo: "a password: --set password=…",
  turbonomic: 'a username and password: --set username=… --set password=…',
  mist: 'an e-mail and password: --set email=… --set password=…',
  synnefo: 'tokens: --set users=\'[{"name": "me@example.org", "token": "…"}]\'',
  pithos: 'tokens: --set users=\'[{"name": "me@example.org", "token": "…"}]\'',
};

/**
 * `--key FILE`: lets the caller sign in with a key they already have.
 * - Triton: an SSH public key (OpenSSH line or PEM; RSA, ECDSA or Ed25519), or a private key whose
 *   public half is registered (an encrypted one is read from `FILE.pub`). The private key never
 *   leaves the file; the simulator then generates none.
 * - Timesys: a Vigiles key file (`{"email", "organization_key" | "key"}`): the simulator's seeded
 *   user gets that e-mail and key, so the caller's own key file signs.
 * - Elsewhere: a UsageError saying how that family signs in instead.
 */
export async function callerKey(family: SimName, path: string, io: CliIo): Promise<CallerKey> {
  if (family === 'triton') {
    const publicKey = await tritonPublicKey(path, io);
    return { options: { keys: [publicKey.toString()] }, credentials: { keyId: publicKey.md5Fingerprint } };
  }
  if (family === 'timesys') {
    const text = await readText(path, io);
    let parsed: { email: string; key: string };
    try {
      parsed = parseKeyFile(text);
    } catch (e) {
      throw new UsageError(`--key ${path}: not a Vigiles key file (${(e as Error).message})`);
    }
    return { options: { email: parsed.email, key: parsed.key }, credentials: {} };
  }
  throw new UsageError(
    `--key applies to triton (your SSH public key) and timesys (your Vigiles key file); the ${family} simulator signs in with ${SIGN_IN[family] ?? 'its printed credentials'}`,
  );
}

async function tritonPublicKey(path: string, io: CliIo): Promise<PublicKey> {
  const text = await readText(path, io);
  try {
    return parsePublicKey(text);
  } catch {
    // Not a public key: perhaps the private half.
  }
  try {
    return parsePrivateKey(text).publicKey;
  } catch (e) {
    if (/PRIVATE KEY/.test(text)) {
      // Encrypted (or a kind we cannot read without a passphrase): ssh-keygen keeps the public half beside it.
      try {
        return parsePublicKey(await readText(`${path}.pub`, io));
      } catch {
        throw new UsageError(`--key ${path}: cannot read this private key (${(e as Error).message}) and there is no readable ${path}.pub; pass the public key file`);
      }
    }
  }
  throw new UsageError(`--key ${path}: not an SSH public key (OpenSSH or PEM) or private key`);
}

async function readText(path: string, io: CliIo): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    throw new UsageError(`--key ${path}: cannot read it (${(e as { code?: string }).code ?? (e as Error).message})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`--key ${path}: not a text file`);
  }
}
