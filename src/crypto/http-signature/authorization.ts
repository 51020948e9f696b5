import { ConfigError } from '../../core/errors/config-error.js';
import { checkBoolean, fail } from '../args/check.js';
import { SignatureError } from '../errors/signature-error.js';

/** The parameters of an `Authorization: Signature …` header. */
export interface SignatureParams {
  keyId: string;
  algorithm: string;
  /** Signed header names, lowercase, in order. */
  headers: string[];
  /** Base64 signature. */
  signature: string;
  /** Other parameters (`created`, `expires`, `opaque`, …). */
  extra?: Record<string, string | number>;
}

// What may stand inside a quoted parameter and so in a header value: printable ASCII, no quote.
// A CR/LF could split the header; anything outside Latin-1 makes Headers.set throw a TypeError
// that quotes the whole Authorization value, signature included.
const QUOTABLE = /^[\x20\x21\x23-\x7e]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEADER_NAME = /^(?:\(request-target\)|[!#$%&'*+.^_`|~0-9a-z-]+)$/;

/** Internal: throws unless `value` can stand inside a quoted parameter of the header (`what` names it). */
export function checkQuotable(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(what, 'a string', value);
  if (value.includes('"')) throw new ConfigError(`${what} must not contain a double quote`);
  if (!QUOTABLE.test(value)) throw new ConfigError(`${what} must be non-empty printable ASCII (no control or non-ASCII characters)`);
  return value;
}

/**
 * Formats `Signature keyId="…",algorithm="…",headers="…",signature="…"`: the modern
 * (draft-cavage) syntax, parameters in http-signature's order, no spaces after commas (the
 * reference parser rejects them).
 * @throws ConfigError when a parameter cannot be put in the header as it is: not a string, a
 *   keyId or algorithm with a double quote, a control or non-ASCII character; header names that
 *   are not lowercase tokens; a signature that is not base64. Values are never quoted in messages.
 */
export function formatAuthorization(p: SignatureParams): string {
  const where = 'formatAuthorization: p';
  if (typeof p !== 'object' || p === null) fail(where, 'signature parameters ({ keyId, algorithm, headers, signature })', p);
  for (const [name, value] of [['keyId', p.keyId], ['algorithm', p.algorithm], ['signature', p.signature]] as const) checkQuotable(value, `${where}.${name}`);
  if (!BASE64.test(p.signature)) throw new ConfigError(`${where}.signature must be base64`);
  // An empty list would read as the default (date) to the server: a mismatch, never what was meant.
  if (!Array.isArray(p.headers) || p.headers.length === 0) fail(`${where}.headers`, 'a non-empty array of header names', p.headers);
  p.headers.forEach((h: unknown, i) => {
    if (typeof h !== 'string') fail(`${where}.headers[${i}]`, 'a string', h);
    if (!HEADER_NAME.test(h)) throw new ConfigError(`${where}.headers[${i}] must be a lowercase header name or (request-target)`);
  });
  return `Signature keyId="${p.keyId}",algorithm="${p.algorithm}",headers="${p.headers.join(' ')}",signature="${p.signature}"`;
}

/** A parsed Authorization header, in either syntax CloudAPI accepts. */
export interface ParsedAuthorization {
  /** `modern` = draft-cavage params; `legacy` = the 0.9 form with the signature after a space. */
  syntax: 'modern' | 'legacy';
  keyId: string;
  /** Lowercased. */
  algorithm: string;
  /** Signed header names; defaults to `date` (or `x-date` when that header was sent). */
  headers: string[];
  signature: string;
  params: Record<string, string | number>;
}

/** The arguments both parsers take, checked (their content errors keep http-signature's wording). */
function checkHeaderArgs(value: unknown, hasXDate: unknown, where: string): void {
  if (typeof value !== 'string') fail(`${where}: value`, 'the Authorization header value (a string)', value);
  checkBoolean(hasXDate, `${where}: hasXDate`);
}

/**
 * Parses the modern syntax with the same rules as Joyent's http-signature 1.4 parser: scheme
 * exactly `Signature`, parameter names letters only, `name="value"` or unquoted integers,
 * separated by a single comma with no spaces. Throws SignatureError("bad param format", …), with
 * the reference parser's messages (simulators answer with them); ConfigError when `value` is not
 * a string or `hasXDate` not a boolean.
 */
export function parseModernAuthorization(value: string, hasXDate = false): ParsedAuthorization {
  checkHeaderArgs(value, hasXDate, 'parseModernAuthorization');
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== 'Signature') throw new SignatureError('scheme was not "Signature"');
  const params: Record<string, string | number> = {};
  const s = value.slice(space + 1);
  let i = 0;
  while (i < s.length) {
    let name = '';
    while (i < s.length && /[A-Za-z]/.test(s[i]!)) name += s[i++];
    if (!name || s[i] !== '=') throw new SignatureError('bad param format');
    i++;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) throw new SignatureError('bad param format');
      params[name] = s.slice(i + 1, end);
      i = end + 1;
    } else {
      let digits = '';
      while (i < s.length && /[0-9]/.test(s[i]!)) digits += s[i++];
      if (!digits) throw new SignatureError('bad param format');
      params[name] = parseInt(digits, 10);
    }
    if (i < s.length) {
      if (s[i] !== ',') throw new SignatureError('bad param format');
      i++;
    }
  }
  for (const required of ['keyId', 'algorithm', 'signature'] as const) {
    if (typeof params[required] !== 'string' || params[required] === '') throw new SignatureError(`${required} was not specified`);
  }
  const headerList = typeof params.headers === 'string' && params.headers !== '' ? params.headers.split(' ') : [hasXDate ? 'x-date' : 'date'];
  return {
    syntax: 'modern',
    keyId: params.keyId as string,
    algorithm: (params.algorithm as string).toLowerCase(),
    headers: headerList.map((h) => h.toLowerCase()),
    signature: params.signature as string,
    params,
  };
}

/**
 * Parses the legacy 0.9 syntax CloudAPI still accepts (py-smartdc's):
 * `Signature keyId="…",algorithm="…" BASE64` — its signing string is the raw header values.
 * @throws SignatureError when `value` is not in that syntax; ConfigError when it is not a string
 *   or `hasXDate` not a boolean.
 */
export function parseLegacyAuthorization(value: string, hasXDate = false): ParsedAuthorization {
  checkHeaderArgs(value, hasXDate, 'parseLegacyAuthorization');
  const m = /^Signature ((?:[A-Za-z]+="[^"]*",?)+) ([A-Za-z0-9+/=]+)$/.exec(value);
  if (!m) throw new SignatureError('not a legacy signature header');
  const params: Record<string, string> = {};
  for (const p of m[1]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)) params[p[1]!] = p[2]!;
  if (!params.keyId || !params.algorithm) throw new SignatureError('keyId and algorithm are required');
  return {
    syntax: 'legacy',
    keyId: params.keyId,
    algorithm: params.algorithm.toLowerCase(),
    headers: (params.headers ? params.headers.split(' ') : [hasXDate ? 'x-date' : 'date']).map((h) => h.toLowerCase()),
    signature: m[2]!,
    params,
  };
}
