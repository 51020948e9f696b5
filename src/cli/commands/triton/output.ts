import type { CliIo } from '../../io.js';
import { padTo, textWidth } from '../../text-width.js';
import { UsageError } from '../../usage-error.js';

/** A table column: header and how to read the cell from a row. */
export type Column<T> = [header: string, get: (row: T) => unknown];

/** How results are printed: JSON (the default), a table, or a table of chosen fields. */
export interface OutputFormat {
  kind: 'json' | 'table';
  /** Fields picked with `-o a,b,c` (read from each row by name, dots for nested fields). */
  fields?: string[];
  /** `-H`: no header row. */
  noHeader: boolean;
}

/**
 * `-o FORMAT`: `json` (the default), `table`, or a comma list of fields (a table of those, as
 * Joyent's `-o`); `-j` is Joyent's spelling of `-o json`.
 */
export function outputFormat(raw: string | undefined, json: boolean, noHeader: boolean): OutputFormat {
  if (json || raw === undefined || raw === 'json') return { kind: 'json', noHeader };
  if (raw === 'table') return { kind: 'table', noHeader };
  const fields = raw.split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.length === 0 || fields.some((f) => !/^[\w.-]+$/.test(f))) throw new UsageError('-o must be json, table, or a comma list of fields (e.g. -o id,name,state)');
  return { kind: 'table', fields, noHeader };
}

function field(row: unknown, path: string): unknown {
  let v: unknown = row;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function cell(v: unknown): string {
  if (v === undefined || v === null || v === '') return '-';
  if (Array.isArray(v)) return v.length === 0 ? '-' : v.map(cell).join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Prints a list: one JSON array line, or an aligned table (default columns, or the `-o` fields). */
export function printList<T>(io: CliIo, format: OutputFormat, rows: readonly T[], columns: readonly Column<T>[]): void {
  if (format.kind === 'json') return void io.stdout(`${JSON.stringify(rows)}\n`);
  const cols: Column<T>[] = format.fields ? format.fields.map((f) => [f.toUpperCase(), (r: T) => field(r, f)]) : [...columns];
  const table = [...(format.noHeader ? [] : [cols.map(([h]) => h)]), ...rows.map((r) => cols.map(([, get]) => cell(get(r))))];
  const widths = cols.map((_, i) => Math.max(0, ...table.map((r) => textWidth(r[i]!))));
  for (const r of table) io.stdout(`${r.map((c, i) => (i === r.length - 1 ? c : padTo(c, widths[i]!))).join('  ')}\n`);
}

/** Prints one object: a JSON line, or `key: value` lines (only the `-o` fields, when given). */
export function printObject(io: CliIo, format: OutputFormat, value: unknown): void {
  if (format.kind === 'json' || value === null || typeof value !== 'object' || Array.isArray(value)) return void io.stdout(`${JSON.stringify(value)}\n`);
  const entries = format.fields ? format.fields.map((f) => [f, field(value, f)] as const) : Object.entries(value as Record<string, unknown>);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  for (const [k, v] of entries) io.stdout(`${`${k}:`.padEnd(width + 1)} ${cell(v)}\n`);
}

/** A short human-readable age (`3m`, `2h`, `5d`) for table cells. */
export function age(iso: unknown, now: number): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return '-';
  const s = Math.max(0, Math.round((now - t) / 1000));
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.round(s / 60)}m` : s < 86400 ? `${Math.round(s / 3600)}h` : `${Math.round(s / 86400)}d`;
}
