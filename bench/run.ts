// `npm run bench`: runs every bench/*.bench.ts, one after the other, each in a fresh Node process
// of its own (a bench's heap, JIT state and leftover garbage do not tax the next one's timings: in
// one process the Fernet 64 B row once read 0.98× Python after the chain bench, 1.3–1.7× alone),
// and prints ONE markdown table. Every comparison with its reference is made inside one bench, side by side.
// Always exits 0: budgets are reported (ok? column), not enforced here.
//
//   npm run bench                 # all
//   npm run bench -- size fernet  # only bench files whose name contains one of the words
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import os from 'node:os';

/** One measured number (docs/contracts.md). */
export interface Row {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The same quantity measured for the reference implementation; ratio = value / reference. */
  reference?: number;
  /** What the ratio compares against, e.g. `× node:crypto`. */
  ratioLabel?: string;
  /** `≥ 0.5×` / `>= 0.9x` (on the ratio) or `≤ 5 kB` / `<= 7 kB` (on the value). */
  budget?: string;
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));

const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1000, KB: 1000, KiB: 1024, MB: 1e6, MiB: 1024 * 1024 };

/** true/false when the budget can be judged, undefined when it cannot be read. */
export function meetsBudget(row: Row): boolean | undefined {
  if (!row.budget) return undefined;
  const m = /^\s*(≥|>=|≤|<=|>|<)\s*([\d.]+)\s*(×|x|[A-Za-z/%]+)?\s*$/.exec(row.budget);
  if (!m) return undefined;
  const [, op, num, unit] = m;
  let limit = Number(num);
  let actual: number;
  if (unit === '×' || unit === 'x') {
    if (row.reference === undefined || row.reference === 0) return undefined;
    actual = row.value / row.reference;
  } else {
    actual = row.value;
    if (unit && unit !== row.unit) {
      const from = UNIT_BYTES[unit];
      const to = UNIT_BYTES[row.unit];
      if (from === undefined || to === undefined) return undefined;
      limit = (limit * from) / to;
    }
  }
  if (!Number.isFinite(actual)) return false;
  switch (op) {
    case '≥':
    case '>=':
      return actual >= limit;
    case '>':
      return actual > limit;
    case '≤':
    case '<=':
      return actual <= limit;
    default:
      return actual < limit;
  }
}

/** 3 significant digits for small numbers, thousands separators for large ones. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return Math.round(v).toLocaleString('en-US');
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v === 0 ? '0' : v.toPrecision(3);
}

function table(rows: Row[]): string {
  const head = ['group', 'name', 'value', 'unit', 'reference', 'ratio', 'budget', 'ok?'];
  const body = rows.map((r) => {
    const ratio = r.reference !== undefined && r.reference !== 0 ? r.value / r.reference : undefined;
    const ok = meetsBudget(r);
    return [
      r.group,
      r.name,
      formatNumber(r.value),
      r.unit,
      r.reference === undefined ? '' : formatNumber(r.reference),
      ratio === undefined ? '' : `${ratio.toFixed(2)}${r.ratioLabel ? ` ${r.ratioLabel}` : '×'}`,
      r.budget ?? '',
      ok === undefined ? (r.budget ? '?' : '') : ok ? 'yes' : '**NO**',
    ];
  });
  const all = [head, ...body].map((cells) => cells.map((c) => c.replace(/\|/g, '\\|')));
  const widths = head.map((_, i) => Math.max(3, ...all.map((r) => r[i]!.length)));
  const right = new Set([2, 4, 5]);
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}

/** The marker before a child's JSON rows on its stdout (whatever else it prints goes to the console). */
const ROWS = '@@opskit-bench-rows ';

/** Child mode: runs one bench file and prints its rows as JSON. */
async function child(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { run?: () => Promise<Row[]> };
  if (typeof mod.run !== 'function') throw new Error('does not export run(): Promise<Row[]>');
  const rows = await mod.run();
  console.log(ROWS + JSON.stringify(rows));
}

/** Runs one bench file in a fresh process (the same Node, with tsx) and returns its rows. */
function runIsolated(file: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(ROWS));
      if (code !== 0 || !line) return reject(new Error(`exited with ${code}${line ? '' : ', no rows'}: ${out.trim().split('\n').slice(-5).join(' / ')}`));
      process.stdout.write(out.split('\n').filter((l) => l && !l.startsWith(ROWS)).map((l) => `${l}\n`).join(''));
      resolve(JSON.parse(line.slice(ROWS.length)) as Row[]);
    });
  });
}

async function main(): Promise<void> {
  const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = (await readdir(benchDir))
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => words.length === 0 || words.some((w) => f.includes(w)))
    .sort();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`opskit benchmarks — Node ${process.version}, ${os.availableParallelism()} × ${cpu}, ${new Date().toISOString()}`);
  const rows: Row[] = [];
  for (const file of files) {
    const started = Date.now();
    try {
      const got = await runIsolated(file);
      rows.push(...got);
      console.error(`${file}: ${got.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      console.error(`${file}: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      rows.push({ group: file.replace(/\.bench\.ts$/, ''), name: `failed: ${err instanceof Error ? err.message : String(err)}`, value: Number.NaN, unit: '' });
    }
  }
  console.log('');
  console.log(table(rows));
  const judged = rows.filter((r) => meetsBudget(r) !== undefined);
  const missed = judged.filter((r) => meetsBudget(r) === false);
  console.log('');
  console.log(`${judged.length} budgets checked, ${missed.length} missed${missed.length ? `: ${missed.map((r) => `${r.group} / ${r.name}`).join('; ')}` : ''}`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1]!);
else await main();
