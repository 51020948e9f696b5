import { ResponseError } from '../../core/errors/response-error.js';

// Byte classes for the array splitter: a table lookup per byte outside strings.
const OTHER = 0;
const QUOTE = 1;
const OPEN = 2;
const CLOSE_OBJECT = 3;
const CLOSE_ARRAY = 4;
const COMMA = 5;
const SPACE = 6;
// Built on first use, so importing the module costs nothing.
let classes: Uint8Array | undefined;
function byteClasses(): Uint8Array {
  if (classes) return classes;
  const t = new Uint8Array(256);
  t[0x22] = QUOTE;
  t[0x7b] = OPEN;
  t[0x5b] = OPEN;
  t[0x7d] = CLOSE_OBJECT;
  t[0x5d] = CLOSE_ARRAY;
  t[0x2c] = COMMA;
  for (const c of [0x20, 0x0a, 0x0d, 0x09]) t[c] = SPACE;
  return (classes = t);
}

let decoder: TextDecoder | undefined;
const decode = (bytes: Uint8Array): string => (decoder ??= new TextDecoder()).decode(bytes);

/**
 * Parses a JSON body. A top-level array, which is what every Turbonomic list page is, is parsed
 * element by element: one page of 500 entities is a ~250 kB string that V8 would put in its
 * large-object space, where only full collections free it; hundreds of small element strings die
 * young instead. This keeps the heap flat while paging through a million entities.
 * Anything else (and any malformed array) goes through a single `JSON.parse`.
 * @throws ResponseError naming `op` when the body is not JSON.
 */
export function parseJsonBytes(bytes: Uint8Array, op: string): unknown {
  const CLASS = byteClasses();
  let first = 0;
  while (first < bytes.length && CLASS[bytes[first] as number] === SPACE) first++;
  if (first === bytes.length) return undefined;
  if (bytes[first] === 0x5b) {
    const items = splitArray(bytes, first);
    if (items !== undefined) return items;
  }
  try {
    return JSON.parse(decode(bytes));
  } catch (e) {
    throw new ResponseError(op, `body is not valid JSON (${(e as Error).message.slice(0, 120)})`);
  }
}

/** The elements of the array starting at `at`, or undefined when the text is not a well-formed array. */
function splitArray(b: Uint8Array, at: number): unknown[] | undefined {
  const CLASS = byteClasses();
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let afterComma = false;
  // One element's text, parsed on its own; malformed text makes the caller fall back to JSON.parse.
  const push = (end: number): boolean => {
    if (start < 0) return false;
    try {
      out.push(JSON.parse(decode(b.subarray(start, end))));
    } catch {
      return false;
    }
    start = -1;
    return true;
  };
  for (let i = at + 1; i < b.length; i++) {
    const kind = CLASS[b[i] as number];
    if (kind === OTHER) {
      if (start < 0) start = i;
    } else if (kind === QUOTE) {
      if (start < 0) start = i;
      i = stringEnd(b, i + 1);
      if (i < 0) return undefined;
    } else if (kind === OPEN) {
      if (start < 0) start = i;
      depth++;
    } else if (kind === CLOSE_OBJECT || kind === CLOSE_ARRAY) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (kind !== CLOSE_ARRAY) return undefined;
      if (start >= 0) {
        if (!push(i)) return undefined;
      } else if (afterComma) return undefined; // `[1,]`
      for (let j = i + 1; j < b.length; j++) if (CLASS[b[j] as number] !== SPACE) return undefined;
      return out;
    } else if (kind === COMMA && depth === 0) {
      if (!push(i)) return undefined;
      afterComma = true;
    }
  }
  return undefined;
}

/** Index of the quote closing a string whose text starts at `from` (native search; escapes honoured), or -1. */
function stringEnd(b: Uint8Array, from: number): number {
  for (let q = b.indexOf(0x22, from); q >= 0; q = b.indexOf(0x22, q + 1)) {
    let slashes = 0;
    while (b[q - 1 - slashes] === 0x5c) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return -1;
}
