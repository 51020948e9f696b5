import { printJson } from '../../command.js';
import type { CliIo } from '../../io.js';

/** Prints rows as an aligned text table (the default), or the raw objects as JSON with `-o json`. */
export function printRows<T>(io: CliIo, json: boolean, items: readonly T[], columns: [string, (item: T) => unknown][]): void {
  if (json) return printJson(io, items);
  const rows = [columns.map(([h]) => h.toUpperCase()), ...items.map((item) => columns.map(([, get]) => format(get(item))))];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) io.stdout(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`);
}

/** One object: JSON, or `key: value` lines. */
export function printObject(io: CliIo, json: boolean, value: Record<string, unknown>): void {
  if (json) return printJson(io, value);
  const width = Math.max(0, ...Object.keys(value).map((k) => k.length));
  for (const [k, v] of Object.entries(value)) io.stdout(`${k.padEnd(width)}  ${format(v)}\n`);
}

function format(v: unknown): string {
  if (v === undefined || v === null) return '-';
  if (Array.isArray(v)) return v.map(format).join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** `k=v` arguments → an object (values stay strings). */
export function pairs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new Error(`expected KEY=VALUE, got ${JSON.stringify(a.slice(0, 40))}`);
    out[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return out;
}
