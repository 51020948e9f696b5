import { decodeBase64, encodeBase64 } from '../../encoding/base64.js';
import { KeyParseError } from '../../errors/key-parse-error.js';

/** One PEM block: its label (`RSA PRIVATE KEY`), RFC 1421 headers and DER body. */
export interface PemBlock {
  label: string;
  /** `Proc-Type`, `DEK-Info`, … (names as written). */
  headers: Record<string, string>;
  body: Uint8Array;
}

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/;

/** The label of the first PEM block in `text`, or undefined when there is none. */
export function pemLabel(text: string): string | undefined {
  return BEGIN.exec(text)?.[1];
}

/** Decodes the first PEM block. Errors never quote the text, which holds a key. */
export function decodePem(text: string): PemBlock {
  const begin = BEGIN.exec(text);
  if (!begin) throw new KeyParseError('PEM: no -----BEGIN----- line');
  const label = begin[1]!;
  const endMarker = `-----END ${label}-----`;
  const start = begin.index + begin[0].length;
  const end = text.indexOf(endMarker, start);
  if (end < 0) throw new KeyParseError(`PEM: no END line for ${label}`);
  const lines = text.slice(start, end).split(/\r?\n/).map((l) => l.trim());
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  // RFC 1421 headers ("Proc-Type: 4,ENCRYPTED") come first, then a blank line.
  if (i < lines.length && /^[A-Za-z-]+:/.test(lines[i]!)) {
    for (; i < lines.length && lines[i] !== ''; i++) {
      const colon = lines[i]!.indexOf(':');
      headers[lines[i]!.slice(0, colon).trim()] = lines[i]!.slice(colon + 1).trim();
    }
  }
  const b64 = lines.slice(i).join('');
  let body: Uint8Array;
  try {
    body = decodeBase64(b64);
  } catch {
    throw new KeyParseError(`PEM: ${label} body is not valid base64`);
  }
  return { label, headers, body };
}

/** Encodes DER as a PEM block with 64-character lines. */
export function encodePem(label: string, body: Uint8Array): string {
  const b64 = encodeBase64(body);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
