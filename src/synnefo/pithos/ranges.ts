import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A user range (`range: '0-99,200-,-50'`, kamaki's `range_str`, with or without `bytes=`) as
 * sorted, merged, inclusive `[start, end]` pairs inside an object of `size` bytes. Ranges past
 * the end are cut to it (as kamaki's `_range_up` does); a range wholly outside is dropped.
 */
export function parseUserRanges(text: string, size: number): Array<[number, number]> {
  const body = text.trim().replace(/^bytes=/i, '');
  if (body === '') throw new ConfigError('range is empty');
  const out: Array<[number, number]> = [];
  for (const part of body.split(',')) {
    const m = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) throw new ConfigError(`range ${JSON.stringify(part.trim())} is not "a-b", "a-" or "-n"`);
    let start: number;
    let end: number;
    if (m[1] === '') {
      const n = Number(m[2]);
      start = Math.max(0, size - n);
      end = size - 1;
    } else {
      start = Number(m[1]);
      end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
      if (m[2] !== '' && Number(m[2]) < start) throw new ConfigError(`range ${JSON.stringify(part.trim())} ends before it starts`);
    }
    if (start <= end && start < size) out.push([start, end]);
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of out) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The parts of `ranges` inside `[start, end]` (inclusive). */
export function intersect(ranges: ReadonlyArray<[number, number]>, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s <= e) out.push([s, e]);
  }
  return out;
}
