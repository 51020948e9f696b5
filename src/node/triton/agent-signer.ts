import type { HttpSigner } from '../../crypto/http-signature/signer.js';
import { SignatureError } from '../../crypto/errors/signature-error.js';
import { parseFingerprint } from '../../crypto/keys/fingerprint.js';
import { parseSshPublicBlob } from '../../crypto/keys/formats/ssh-public.js';
import type { PublicKey } from '../../crypto/keys/public-key.js';
import type { SignatureAlgorithm } from '../../crypto/keys/sign/algorithms.js';
import { derSeq, derUInt } from '../../crypto/keys/der.js';
import { SshReader } from '../../crypto/keys/ssh-wire.js';
import { AGENT, AgentClient } from './agent-client.js';

/** Options of {@link agentSigner}. */
export interface AgentSignerOptions {
  /** Agent socket (default `SSH_AUTH_SOCK`). */
  socket?: string;
  /** Which key: `aa:bb:…`, `MD5:…` or `SHA256:…` (default: the agent's first key). */
  fingerprint?: string;
  /** Hash for RSA keys: `sha256` (default, flag rsa-sha2-256), `sha512`, or `sha1` (plain ssh-rsa). */
  rsaHash?: 'sha1' | 'sha256' | 'sha512';
  env?: Readonly<Record<string, string | undefined>>;
}

/** The HTTP Signature algorithm and encoding of an SSH signature blob the agent returned. */
export function fromSshSignature(blob: Uint8Array, key: PublicKey): { algorithm: SignatureAlgorithm; signature: Uint8Array } {
  const r = new SshReader(blob, 'ssh-agent signature');
  const type = r.text();
  const sig = r.string();
  switch (type) {
    case 'rsa-sha2-256':
      return { algorithm: 'rsa-sha256', signature: sig };
    case 'rsa-sha2-512':
      return { algorithm: 'rsa-sha512', signature: sig };
    case 'ssh-rsa':
      return { algorithm: 'rsa-sha1', signature: sig };
    case 'ssh-ed25519':
      return { algorithm: 'ed25519-sha512', signature: sig };
  }
  const ec = /^ecdsa-sha2-nistp(256|384|521)$/.exec(type);
  if (ec) {
    // The agent hashes with the curve's hash (RFC 5656) and sends mpint r, mpint s; HTTP Signatures want DER.
    const inner = new SshReader(sig, 'ssh-agent ECDSA signature');
    const der = derSeq(derUInt(inner.mpint()), derUInt(inner.mpint()));
    const hash = ec[1] === '256' ? 'sha256' : ec[1] === '384' ? 'sha384' : 'sha512';
    return { algorithm: `ecdsa-${hash}` as SignatureAlgorithm, signature: der };
  }
  throw new SignatureError(`ssh-agent returned an unsupported signature type ${JSON.stringify(type.slice(0, 40))} for a ${key.type} key`);
}

/**
 * An HttpSigner backed by ssh-agent (`SSH_AUTH_SOCK`), as node-smartdc-auth does it: the key is
 * chosen by fingerprint; RSA keys are asked for `rsa-sha2-256` signatures. The private key never
 * leaves the agent.
 * @throws SignatureError when there is no agent, it holds no key, or none matches.
 */
export async function agentSigner(options: AgentSignerOptions = {}): Promise<HttpSigner> {
  const socket = options.socket ?? (options.env ?? process.env).SSH_AUTH_SOCK;
  if (!socket) throw new SignatureError('ssh-agent: SSH_AUTH_SOCK is not set');
  const client = new AgentClient(socket);
  const wanted = options.fingerprint === undefined ? undefined : parseFingerprint(options.fingerprint);
  const keys = (await client.identities()).flatMap((id) => {
    try {
      return [parseSshPublicBlob(id.blob, id.comment)];
    } catch {
      return []; // DSA, certificates, security-key types: not usable here.
    }
  });
  const key = wanted ? keys.find((k) => k.matches(wanted)) : keys[0];
  if (!key) throw new SignatureError(wanted ? `ssh-agent holds no key with fingerprint ${wanted.value}` : 'ssh-agent holds no usable key');
  const rsaHash = options.rsaHash ?? 'sha256';
  const flags = key.type !== 'rsa' ? 0 : rsaHash === 'sha256' ? AGENT.RSA_SHA2_256 : rsaHash === 'sha512' ? AGENT.RSA_SHA2_512 : 0;
  const algorithm: SignatureAlgorithm =
    key.type === 'rsa' ? (`rsa-${rsaHash}` as SignatureAlgorithm) : key.type === 'ed25519' ? 'ed25519-sha512' : (`ecdsa-${key.curve === 'nistp256' ? 'sha256' : key.curve === 'nistp384' ? 'sha384' : 'sha512'}` as SignatureAlgorithm);
  return {
    publicKey: key,
    algorithm,
    async sign(data) {
      return fromSshSignature(await client.sign(key.blob, data, flags), key);
    },
  };
}
