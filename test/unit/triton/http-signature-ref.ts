// Joyent's reference parser and verifier (devDependency `http-signature`, as CloudAPI runs it).
import { createRequire } from 'node:module';

interface Parsed {
  scheme: string;
  algorithm: string;
  keyId: string;
  signingString: string;
  params: { keyId: string; algorithm: string; headers: string[]; signature: string };
}
interface HttpSignature {
  parseRequest(req: { method: string; url: string; httpVersion: string; headers: Record<string, string> }, options?: Record<string, unknown>): Parsed;
  verifySignature(parsed: Parsed, pubkey: string): boolean;
}

export const httpSignature = createRequire(import.meta.url)('http-signature') as HttpSignature;

/**
 * Parses a request as http-signature 1.4 does (CloudAPI's algorithm list) and verifies it against
 * an OpenSSH public key line. Returns the parse result, throws what the parser throws.
 */
export function referenceVerify(
  request: { method: string; url: string; headers: Headers | Record<string, string> },
  publicKey: string,
): { ok: boolean; parsed: Parsed } {
  const headers: Record<string, string> = {};
  new Headers(request.headers as HeadersInit).forEach((v, k) => (headers[k] = v));
  const u = request.url.startsWith('/') ? request.url : new URL(request.url).pathname + new URL(request.url).search;
  const parsed = httpSignature.parseRequest(
    { method: request.method, url: u, httpVersion: '1.1', headers },
    { algorithms: ['rsa-sha1', 'rsa-sha256', 'rsa-sha512', 'ecdsa-sha256', 'ecdsa-sha384', 'ecdsa-sha512', 'ed25519-sha512'] },
  );
  return { ok: httpSignature.verifySignature(parsed, publicKey), parsed };
}
