import { ConfigError } from '../core/errors/config-error.js';
import { NetworkError } from '../core/errors/network-error.js';
import { KeyParseError } from '../crypto/errors/key-parse-error.js';
import type { CliIo } from './io.js';
import { targetOf, type Target } from './target.js';
import { UsageError } from './usage-error.js';

/**
 * The exit code of a failure, the same in every group: 2 for a mistake in the command line or
 * the setup (an unknown option, a missing URL, account, key or file, a malformed key or config
 * file, a bad identifier), 1 for everything the server, the network or the data said.
 */
export function exitCodeOf(err: unknown): 1 | 2 {
  return err instanceof UsageError || err instanceof ConfigError || err instanceof KeyParseError ? 2 : 1;
}

/** The one line `opskit: …` says about a failure; network errors name the server and the fix. */
export function describeError(err: unknown, io: CliIo): string {
  const message = err instanceof Error ? err.message || err.name : String(err);
  const network = networkCause(err);
  const target = targetOf(io);
  return network && target ? `${message}; ${networkHint(network, target)}` : message;
}

/** The NetworkError behind a failure (vendor errors such as Turbonomic's VMTConnectionError wrap it). */
function networkCause(err: unknown): NetworkError | undefined {
  for (let cur: unknown = err, depth = 0; cur !== undefined && cur !== null && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof NetworkError) return cur;
  }
  return undefined;
}

/** Codes and messages of an error and its causes (Node puts the useful ones a level or two down). */
function facts(err: unknown): { codes: Set<string>; text: string } {
  const codes = new Set<string>();
  let text = '';
  for (let cur: unknown = err, depth = 0; cur !== undefined && cur !== null && depth < 6; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
    text += ` ${(cur as { message?: unknown }).message ?? ''}`;
  }
  return { codes, text };
}

const has = (codes: Set<string>, text: string, names: readonly string[]) => names.some((n) => codes.has(n) || text.includes(n));

/** What to do about a network error, given the server the command was pointed at. */
export function networkHint(err: unknown, target: Target): string {
  let url: URL | undefined;
  try {
    url = new URL(target.url);
  } catch {
    url = undefined;
  }
  const where = url ? url.origin : target.url;
  const { codes, text } = facts(err);
  const https = url?.protocol === 'https:';
  if (https && (has(codes, text, ['ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO']) || /wrong version number|packet length too long/i.test(text))) {
    return `${where} does not speak TLS: if it is a plain-HTTP server (a simulator), use http://${url?.host} in ${target.setting} (in code: an http:// url, or ssl: false for Turbonomic)`;
  }
  if (has(codes, text, ['ECONNREFUSED'])) {
    return `nothing is listening at ${where}: is the server running, and are the host and port in ${target.setting} right?`;
  }
  if (has(codes, text, ['ENOTFOUND', 'EAI_AGAIN'])) {
    return `the host of ${where} cannot be resolved: check ${target.setting}`;
  }
  if (has(codes, text, ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])) {
    return `the TLS certificate of ${where} is not trusted: trust its CA with NODE_EXTRA_CA_CERTS=ca.pem${target.insecureFlag ? `, or pass ${target.insecureFlag} to skip the check` : ''}`;
  }
  if (!https && (has(codes, text, ['ECONNRESET', 'UND_ERR_SOCKET', 'HPE_INVALID_CONSTANT']) || /other side closed|socket hang up/i.test(text))) {
    return `${where} closed the connection: if it is an HTTPS server, use https://${url?.host ?? '…'} in ${target.setting}`;
  }
  if (has(codes, text, ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'])) {
    return `${where} did not answer: check ${target.setting} and that the server can be reached from here`;
  }
  return `while talking to ${where} (${target.setting})`;
}
