import { SimError } from '../app.js';
import { unit } from './hash.js';
import type { Json } from './types.js';

const DAY = 86_400_000;

/** Units and capacities of the statistics the simulator knows. */
const KNOWN: Readonly<Record<string, { units: string; capacity: number }>> = {
  CPU: { units: 'MHz', capacity: 76_800 },
  Mem: { units: 'KB', capacity: 536_870_912 },
  VCPU: { units: 'MHz', capacity: 4_800 },
  VMem: { units: 'KB', capacity: 8_388_608 },
  StorageAmount: { units: 'MB', capacity: 2_097_152 },
  StorageAccess: { units: 'IOPS', capacity: 50_000 },
  numVMs: { units: '', capacity: 0 },
  numHosts: { units: '', capacity: 0 },
};

/** Statistics shown when a request names none. */
export function defaultStats(className: string | undefined): string[] {
  switch (className) {
    case 'VirtualMachine':
      return ['VCPU', 'VMem', 'StorageAmount'];
    case 'Storage':
      return ['StorageAmount', 'StorageAccess'];
    default:
      return ['CPU', 'Mem'];
  }
}

/** Parses a stats time: epoch ms (number or digits) or relative (`-1d`, `+2h`, `-30m`). */
export function parseTime(value: unknown, now: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value;
  const s = String(value).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([+-])(\d+)([smhdwMy])$/.exec(s);
  if (!m) throw new SimError(400, 'BAD_REQUEST', `invalid date ${JSON.stringify(s)}`);
  const ms: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY, M: 30 * DAY, y: 365 * DAY };
  return now + (m[1] === '-' ? -1 : 1) * Number(m[2]) * (ms[m[3] as string] as number);
}

/** One StatApiDTO for `subject` at time `t` (deterministic). */
export function stat(seed: number, subject: string, name: string, t: number): Json {
  const known = KNOWN[name] ?? { units: '', capacity: 100 };
  const salt = [...`${subject}/${name}`].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7);
  const base = unit(seed, Math.floor(t / DAY), salt);
  const cap = known.capacity || 100;
  const avg = Math.round(cap * (0.2 + 0.6 * base) * 100) / 100;
  const max = Math.round(Math.min(cap, avg * 1.3) * 100) / 100;
  const min = Math.round(avg * 0.6 * 100) / 100;
  const out: Json = { name, displayName: name, units: known.units, value: avg, values: { avg, max, min, total: avg } };
  if (known.capacity) out.capacity = { avg: cap, max: cap, min: cap, total: cap };
  return out;
}

/** The snapshot dates of a period: one CURRENT snapshot without dates, else daily points (at most 31). */
export function periodDates(period: Json | undefined, now: number): { t: number; epoch: string }[] {
  const start = parseTime(period?.startDate, now);
  const end = parseTime(period?.endDate, now) ?? now;
  if (start === undefined) return [{ t: now, epoch: 'CURRENT' }];
  if (end < start) throw new SimError(400, 'BAD_REQUEST', 'endDate is before startDate');
  const out: { t: number; epoch: string }[] = [];
  const step = Math.max(DAY, Math.ceil((end - start) / 30));
  for (let t = start; t <= end && out.length < 31; t += step) out.push({ t, epoch: t > now ? 'PROJECTED' : 'HISTORICAL' });
  if (out.length === 0) out.push({ t: start, epoch: start > now ? 'PROJECTED' : 'HISTORICAL' });
  return out;
}

/** Names requested by a `statistics` list, or the defaults. */
export function statNames(statistics: unknown, className: string | undefined): string[] {
  if (!Array.isArray(statistics) || statistics.length === 0) return defaultStats(className);
  return statistics.map((s) => {
    const name = (s as Json)?.name;
    if (typeof name !== 'string' || name === '') throw new SimError(400, 'BAD_REQUEST', 'every statistic needs a name');
    return name;
  });
}

/** StatSnapshotApiDTOs of one subject over a period. */
export function snapshots(seed: number, subject: string, names: readonly string[], dates: readonly { t: number; epoch: string }[]): Json[] {
  return dates.map(({ t, epoch }) => ({ date: new Date(t).toISOString(), epoch, statistics: names.map((n) => stat(seed, subject, n, t)) }));
}
