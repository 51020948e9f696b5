import { isDryRunRequest } from '../../../core/dry-run.js';
import type { Logger } from '../../../core/types.js';
import { loadLlapi, textModeDecode, type LoadLlapiOptions } from '../../../node/index.js';
import { UPSTREAM_RETRY, type Llapi } from '../../../timesys/index.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { leafHelp, parseWords, type OptSpec } from './argparse.js';
import { stdoutIsTTY, toJson, writeBytes } from './output.js';
import { flag, isBranch, str, value, type Branch, type Leaf, type Node, type RunContext } from './tree.js';

/** Options given before the command, as upstream's `vigiles [options] <command>`. */
export const GLOBAL_OPTIONS: readonly OptSpec[] = [
  flag(['--dry-run'], 'dryRun', 'print each request instead of sending it'),
  value(['-u', '--url'], 'url', 'server URL (default: the key file, $LINUXLINK_SERVER, https://vigiles.lynx.com)', 'URL'),
  flag(['-i', '--insecure'], 'insecure', 'do not verify TLS certificates'),
  value(['-k', '--key-file'], 'keyFile', 'key file (default $VIGILES_KEY_FILE or ~/timesys/linuxlink_key)', 'PATH'),
  value(['-d', '--dash-config'], 'dashConfig', 'dashboard config (default $VIGILES_DASHBOARD_CONFIG)', 'PATH'),
  flag(['-f', '--no-format'], 'noFormat', 'print JSON on one line even on a terminal'),
  { ...flag(['--reveal'], 'reveal', 'show the signature in --dry-run output'), extra: true },
  {
    ...flag(['--upstream-retry'], 'upstreamRetry', 'retry like upstream: 5 attempts 5 s apart on 5xx and connection errors, POST included; progress on stderr'),
    extra: true,
  },
];

/** Test seams of {@link runVigiles}: client options applied last (a fake `sleep` between retries, a `fetch`). */
export type VigilesClientHooks = Pick<LoadLlapiOptions, 'sleep' | 'fetch'>;

/**
 * Upstream's retry notice, `(<n> of 5) Unable to connect to Vigiles Servers, retrying in 5 seconds`,
 * before each retry of `--upstream-retry`. Upstream prints it on stdout; it goes to stderr here, so
 * stdout stays the result alone (JSON a script can parse).
 */
function upstreamRetryProgress(io: CliIo): Logger {
  const attempts = (UPSTREAM_RETRY.retries ?? 0) + 1;
  return (event) => {
    if (event.type !== 'retry') return;
    const seconds = Math.round(event.delayMs / 100) / 10;
    io.stderr(`(${event.attempt} of ${attempts}) Unable to connect to Vigiles Servers, retrying in ${seconds} seconds\n`);
  };
}

const LEVELS: Record<string, number> = { DEBUG: 10, INFO: 20, WARNING: 30, WARN: 30, ERROR: 40, CRITICAL: 50 };

/**
 * Runs `opskit vigiles …`: global options, then the command path through `root`, then the leaf's
 * own words. Every failure throws (runCli prints it on stderr and exits 1, or 2 for usage), unlike
 * upstream's `main`, which prints errors and exits 0.
 */
export async function runVigiles(argv: readonly string[], io: CliIo, root: Branch, hooks: VigilesClientHooks = {}): Promise<number> {
  const usage = 'opskit vigiles [global options] <command> [<subcommand>] [arguments] [options]';
  const globals = parseWords(argv, GLOBAL_OPTIONS, [], usage, true);
  const path: string[] = [];
  let node: Node = root;
  let at = globals.rest;
  while (isBranch(node)) {
    const word = argv[at];
    if (word === undefined || word.startsWith('-')) {
      const wantsHelp = globals.help || word === '-h' || word === '--help';
      (wantsHelp ? io.stdout : io.stderr)(branchHelp(path, node));
      // Upstream prints usage and exits 1 when no command is given.
      if (wantsHelp) return 0;
      if (path.length === 0) return 1;
      throw new UsageError(`${['vigiles', ...path].join(' ')}: a subcommand is required (${Object.keys(node.children).join(', ')})`);
    }
    const next: Node | undefined = Object.prototype.hasOwnProperty.call(node.children, word) ? node.children[word] : undefined;
    if (!next) throw new UsageError(`${['vigiles', ...path].join(' ')}: invalid choice: '${word}' (choose from ${Object.keys(node.children).join(', ')})`);
    path.push(word);
    node = next;
    at++;
  }
  const leaf: Leaf = node;
  const leafUsage = `opskit vigiles ${path.join(' ')}${(leaf.args ?? []).map((a) => ` ${a.optional ? '[' : ''}${a.name}${a.variadic ? ' ...' : ''}${a.optional ? ']' : ''}`).join('')}${leaf.options?.length ? ' [options]' : ''}`;
  const parsed = parseWords(argv.slice(at), leaf.options ?? [], leaf.args ?? [], leafUsage);
  if (globals.help || parsed.help) {
    io.stdout(leafHelp(leafUsage, leaf.summary, leaf.options ?? [], leaf.details));
    return 0;
  }
  const g = globals.opts;
  const level = LEVELS[(io.env.LOG_LEVEL ?? 'INFO').toUpperCase()] ?? 20;
  const log = (name: string, n: number) => (message: string) => {
    if (n >= level) io.stderr(`${new Date().toISOString()} : timesys : ${name} : ${message}\n`);
  };
  const warn = log('WARNING', 30);
  if (g.insecure === true) {
    // Node's fetch has no per-request switch; the CLI process is ours, so turn verification off for it.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    warn('Insecure requests are enabled. TLS certificates will not be verified.');
  }
  if (g.dryRun === true) warn('Dry Run mode is enabled. No requests will be made.');
  let client: Promise<Llapi> | undefined;
  const pretty = g.noFormat !== true && stdoutIsTTY(io);
  const print = (v: unknown) => io.stdout(`${toJson(v, pretty)}\n`);
  const ctx: RunContext = {
    opts: parsed.opts,
    args: parsed.args,
    io,
    llapi: () =>
      (client ??= loadLlapi({
        keyFile: str(g.keyFile),
        dashboardConfig: str(g.dashConfig),
        url: str(g.url),
        dryRun: g.dryRun === true,
        reveal: g.reveal === true,
        ...(g.upstreamRetry === true && { retry: 'upstream' as const, logger: upstreamRetryProgress(io) }),
        ...hooks,
        env: io.env,
        readFile: io.readFile,
        onWarning: warn,
      })),
    print,
    async save(result, outfile, toStdout) {
      // A dry run has nothing to save; upstream crashes here ('dict' object has no attribute 'endswith').
      if (isDryRunRequest(result)) return print(result);
      await writeBytes(io, result, toStdout ? undefined : outfile);
    },
    readText: async (p) => textModeDecode(await readOrFail(io, p), p),
    info: log('INFO', 20),
    warn,
  };
  if (leaf.needsKey !== false) await ctx.llapi();
  await leaf.run(ctx);
  return 0;
}

async function readOrFail(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    throw new Error(`Unable to read file: ${path} (${(e as { code?: string }).code ?? (e as Error).message})`);
  }
}

function branchHelp(path: readonly string[], branch: Branch): string {
  const rows = Object.entries(branch.children).map(([name, n]): [string, string] => [name, n.summary]);
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = [`usage: opskit vigiles ${path.length ? `[global options] ${path.join(' ')} ` : '[global options] '}<command> ...`, '', branch.summary, '', 'commands:'];
  lines.push(...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`));
  if (path.length === 0) {
    lines.push('', 'global options (before the command):');
    const opts = GLOBAL_OPTIONS.map((o): [string, string] => [`${o.flags.join(', ')}${o.kind === 'flag' ? '' : ` ${o.metavar}`}`, o.help]);
    const w = Math.max(...opts.map(([l]) => l.length));
    lines.push(...opts.map(([l, r]) => `  ${l.padEnd(w)}  ${r}`));
  }
  return `${lines.join('\n')}\n`;
}
