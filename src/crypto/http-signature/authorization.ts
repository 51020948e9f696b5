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

/**
 * Formats `Signature keyId="…",algorithm="…",headers="…",signature="…"`: the modern
 * (draft-cavage) syntax, parameters in http-signature's order, no spaces after commas (the
 * reference parser rejects them).
 */
export function formatAuthorization(p: SignatureParams): string {
  for (const [name, value] of [['keyId', p.keyId], ['algorithm', p.algorithm]] as const) {
    if (value.includes('"')) throw new SignatureError(`${name} must not contain a double quote`);
  }
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

/**
 * Parses the modern syntax with the same rules as Joyent's http-signature 1.4 parser: scheme
 * exactly `Signature`, parameter names letters only, `name="value"` or unquoted integers,
 * separated by a single comma with no spaces. Throws SignatureError("bad param format", …).
 */
export function parseModernAuthorization(value: string, hasXDate = false): ParsedAuthorization {
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
 */
export function parseLegacyAuthorization(value: string, hasXDate = false): ParsedAuthorization {
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
