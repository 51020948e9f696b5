import type { Command } from '../../command.js';
import type { KamakiOptionSpec } from './options.js';
import { UsageError } from '../../usage-error.js';
import { PithosClient, type TransferProgress } from '../../../synnefo/index.js';
import type { CliIo } from '../../io.js';
import { kamakiSession, type KamakiSession } from './session.js';

type Values = Readonly<Record<string, unknown>>;

/** The default container of kamaki's file commands. */
export const DEFAULT_CONTAINER = 'pithos';

/** A `file` command: the session, then the work. */
export function fileCommand(
  spec: Omit<Command, 'run' | 'options'> & { options?: Record<string, KamakiOptionSpec> },
  run: (k: KamakiSession, values: Values, args: readonly string[]) => Promise<number | void>,
): Command {
  return { ...spec, run: async (input) => run(await kamakiSession(input), input.values, input.positionals) };
}

/**
 * kamaki's remote paths: `/CONTAINER/PATH`, `/CONTAINER`, or `PATH` in the cloud's
 * `pithos_container` (default `pithos`).
 */
export function remotePath(k: KamakiSession, text: string | undefined): { container: string; path: string | undefined } {
  const fallback = k.cloud.options.pithos_container ?? DEFAULT_CONTAINER;
  if (text === undefined || text === '') return { container: fallback, path: undefined };
  if (!text.startsWith('/')) return { container: fallback, path: text };
  const rest = text.slice(1);
  const slash = rest.indexOf('/');
  if (slash < 0) return { container: rest, path: undefined };
  const container = rest.slice(0, slash);
  if (!container) throw new UsageError(`no container in ${JSON.stringify(text)}`);
  return { container, path: rest.slice(slash + 1) || undefined };
}

/** The object path, required. */
export function objectPath(k: KamakiSession, text: string | undefined, what = 'object'): { container: string; path: string } {
  const r = remotePath(k, text);
  if (!r.path) throw new UsageError(`an ${what} path is needed (/CONTAINER/PATH or PATH)`);
  return { container: r.container, path: r.path };
}

/** A PithosClient for the cloud's object store, the user's account and `container`. */
export async function pithosFor(k: KamakiSession, container: string, values: Values = {}): Promise<PithosClient> {
  const account = k.cloud.options.pithos_uuid ?? String((await k.astakos().userInfo()).id);
  const threads = values.threads === undefined ? undefined : positiveInt(values.threads, '--threads');
  return k.client(PithosClient, { account, container, ...(threads !== undefined ? { maxThreads: threads } : {}) });
}

export function positiveInt(v: unknown, name: string): number {
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n <= 0) throw new UsageError(`${name} must be a positive integer`);
  return n;
}

export function nonNegativeInt(v: unknown, name: string): number {
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`${name} must be a non-negative integer`);
  return Number(v);
}

const MiB = 1024 * 1024;

/**
 * kamaki's progress bar, on the session's progress line (a terminal, or `--progress`; never with
 * `--no-progress` or a dry run): the phase and every 10 %, e.g.
 * `upload photo.jpg: uploading 40% (2.0/5.0 MiB, 1/3 blocks)`.
 */
export function progressBar(k: KamakiSession, what: string): ((p: TransferProgress) => void) | undefined {
  if (k.dryRun) return undefined;
  const line = k.line();
  let last = '';
  return (p) => {
    const pct = p.totalBytes > 0 ? Math.floor((p.bytes / p.totalBytes) * 10) * 10 : p.bytes > 0 ? 100 : 0;
    if (`${p.phase}:${pct}` === last) return;
    last = `${p.phase}:${pct}`;
    const size = p.totalBytes > 0 ? `${(p.bytes / MiB).toFixed(1)}/${(p.totalBytes / MiB).toFixed(1)} MiB` : `${(p.bytes / MiB).toFixed(1)} MiB`;
    line.update(`${what}: ${p.phase} ${pct}% (${size}, ${p.blocks}/${p.totalBlocks} blocks)`);
  };
}

/** `KEY=VALUE` pairs of a repeatable option. */
export function pairs(list: readonly string[], name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${name} takes KEY=VALUE, got ${JSON.stringify(item)}`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** Comma list of an option, or undefined. */
export function commaList(v: unknown): string[] | undefined {
  return typeof v === 'string' && v !== '' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** Bytes to stdout, exactly (`file cat`). */
export async function writeBytes(io: CliIo, bytes: Uint8Array): Promise<void> {
  await io.stdoutBytes(bytes);
}
