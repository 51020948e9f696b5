/**
 * Monitoring data generated from the simulator's seed: the value of a metric at a time is a pure
 * function of (seed, machine, metric, time), so any window at any step is consistent with every
 * other window, and the same seed gives the same numbers in every run. Times after the clock's
 * now have no value yet (`null`), as a real time series.
 */

/** Built-in collectd metrics of a monitored machine: dotted id → what the server describes. */
export const BUILTIN_METRICS: Readonly<Record<string, { name: string; unit: string; max_value: number | null; min_value: number | null; priority: number; scale: [number, number] }>> = Object.freeze({
  'load.shortterm': { name: 'Load', unit: '', max_value: null, min_value: 0, priority: 0, scale: [0.05, 2.5] },
  'cpu.total.nonidle': { name: 'CPU', unit: '%', max_value: 100, min_value: 0, priority: 1, scale: [2, 85] },
  'memory.nonfree': { name: 'RAM', unit: 'B', max_value: null, min_value: 0, priority: 2, scale: [2e8, 7e8] },
  'disk.total.disk_octets.read': { name: 'Disk Read', unit: 'B/s', max_value: null, min_value: 0, priority: 3, scale: [0, 4e6] },
  'disk.total.disk_octets.write': { name: 'Disk Write', unit: 'B/s', max_value: null, min_value: 0, priority: 4, scale: [0, 6e6] },
  'network.eth0.if_octets.rx': { name: 'Net RX', unit: 'B/s', max_value: null, min_value: 0, priority: 5, scale: [1e3, 2e6] },
  'network.eth0.if_octets.tx': { name: 'Net TX', unit: 'B/s', max_value: null, min_value: 0, priority: 6, scale: [1e3, 1e6] },
  'processes.total': { name: 'Processes', unit: '', max_value: null, min_value: 0, priority: 7, scale: [60, 140] },
  'users.users': { name: 'Users', unit: '', max_value: null, min_value: 0, priority: 8, scale: [0, 3] },
});

/** The metrics monitoring starts with. */
export const DEFAULT_METRICS: readonly string[] = Object.freeze([
  'load.shortterm', 'cpu.total.nonidle', 'memory.nonfree', 'disk.total.disk_octets.read', 'disk.total.disk_octets.write',
  'network.eth0.if_octets.rx', 'network.eth0.if_octets.tx',
]);

/** Most datapoints one series may hold (a bigger window needs a bigger step). */
export const MAX_POINTS = 10_000;

/** FNV-1a then a mulberry32 round: a well-mixed 32-bit hash of the inputs, in [0, 1). */
function unit(seed: number, text: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The value of a metric of a machine at unix second `t`: a slow wave plus noise, within the metric's scale. */
export function valueAt(seed: number, machineId: string, metric: string, t: number): number {
  const [lo, hi] = BUILTIN_METRICS[metric]?.scale ?? [0, 100];
  const phase = unit(seed, `${machineId}|${metric}|phase`) * Math.PI * 2;
  const wave = (Math.sin(t / 900 + phase) + 1) / 2;
  const noise = unit(seed, `${machineId}|${metric}|${t}`);
  const v = lo + (hi - lo) * (0.7 * wave + 0.3 * noise);
  return Math.round(v * 1000) / 1000;
}

/** `[[value | null, t], …]` for every step from `start` to `stop` (inclusive). */
export function datapoints(seed: number, machineId: string, metric: string, start: number, stop: number, step: number, now: number): [number | null, number][] {
  const out: [number | null, number][] = [];
  for (let t = start; t <= stop; t += step) out.push([t > now ? null : valueAt(seed, machineId, metric, t), t]);
  return out;
}
