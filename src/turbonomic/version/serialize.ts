import { VMTFormatError } from '../errors/vmt-format-error.js';

function part(raw: string): number {
  // Python's int() accepts surrounding whitespace and nothing but digits (signs aside).
  const t = raw.trim();
  if (!/^\+?\d+$/.test(t)) throw new VMTFormatError(`invalid version part ${JSON.stringify(raw)}`);
  return Number(t);
}

/**
 * Upstream's `serialize_version`: the first four dotted parts, part 0 as written, parts 1–3
 * as integers zero-padded to two digits, missing parts `00`, further parts ignored.
 * `7.21.2` → `7210200`, `6.3.5.0.1` → `6030500`, `8.8.08` → `8080800`.
 */
export function serializeVersion(version: string): string {
  const parts = version.split('.').slice(0, 4);
  let out = parts[0] ?? '';
  for (let i = 1; i < 4; i++) {
    const p = parts[i];
    out += p === undefined ? '00' : String(part(p)).padStart(2, '0');
  }
  return out;
}

/** The four numeric parts upstream compares (5th and later parts ignored, missing parts 0). */
export function versionParts(version: string): [number, number, number, number] {
  const parts = version.split('.');
  const n = (i: number): number => (parts[i] === undefined ? 0 : part(parts[i] as string));
  return [n(0), n(1), n(2), n(3)];
}

/**
 * Compares two versions on their first four parts: negative, 0 or positive. Same answers as
 * upstream's `int(serialize_version(a)) - int(serialize_version(b))` whenever every part is
 * below 100, where upstream's packed integers start to overlap (`7.100` would sort below `7.99`).
 */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < 4; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
