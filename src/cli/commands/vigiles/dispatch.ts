import { ConfigError } from '../../../core/errors/config-error.js';
import { isDryRunRequest } from '../../../core/dry-run.js';
import type { Logger } from '../../../core/types.js';
import { loadLlapi, textModeDecode, type LoadLlapiOptions } from '../../../node/index.js';
import { UPSTREAM_RETRY, type Llapi } from '../../../timesys/index.js';
import { columns, parityNote, wrap } from '../../help.js';
import type { CliIo } from '../../io.js';
import { progress } from '../../progress.js';
import { fileProblem, readInputFile } from '../../read-file.js';
import { checkServiceUrl } from '../../service-url.js';
import { setTarget } from '../../target.js';
import { UsageError } from '../../usage-error.js';
import { leafHelp, parseWords, type OptSpec } from './argparse.js';
import { toJson, writeBytes } from './output.js';
import { flag, isBranch, str, value, type Branch, type Leaf, type Node, type RunContext } from './tree.js';

/** The upstream CLI whose options `opskit vigiles` keeps. */
export const VIGILES_PARITY = "the vigiles CLI of Timesys' timesys package";

/**
 * opskit's additions, accepted anywhere on the line (upstream's argparse takes global options
 * only before the command): `--dry-run` and `--reveal` after the command too, and `--progress`.
 */
export const ANYWHERE_OPTIONS: readonly OptSpec[] = [
  { ...flag(['--dry-run'], 'dryRun', 'print each request instead of sending it'), extra: true },
  { ...flag(['--reveal'], 'reveal', 'show the signature in --dry-run output'), extra: true },
  { ...flag(['--progress'], 'progress', 'job progress on stderr even when it is not a terminal'), extra: true },
];

/** Options given before the command, as upstream's `vigiles [options] <command>`. */
export const GLOBAL_OPTIONS: readonly OptSpec[] = [
  flag(['--dry-run'], 'dryRun', 'print each request instead of sending it'),
  value(['-u', '--url'], 'url', 'server URL (default: the key file, $LINUXLINK_SERVER, https://vigiles.lynx.com)', 'URL'),
  flag(['-i', '--insecure'], 'insecure', 'do not verify TLS certificates'),
  value(['-k', '--key-file'], 'keyFile', 'key file (default $VIGILES_KEY_FILE or ~/timesys/linuxlink_key)', 'PATH'),
  value(['-d', '--dash-config'], 'dashConfig', 'dashboard config (default $VIGILES_DASHBOARD_CONFIG)', 'PATH'),
  flag(['-f', '--no-format'], 'noFormat', 'print JSON on one line even on a terminal'),
  { ...flag(['--reveal'], 'reveal', 'show the signature in --dry-run output'), extra: true },
  { ...flag(['--progress'], 'progress', 'job progress on stderr even when it is not a terminal'), extra: true },
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
  const g = { ...globals.opts };
  while (isBranch(node)) {
    // opskit's additions may also come between the command words.
    const between = parseWords(argv.slice(at), ANYWHERE_OPTIONS, [], usage, true);
    Object.assign(g, between.opts);
    at += between.rest;
    const word = argv[at];
    if (word === undefined || word.startsWith('-')) {
      const wantsHelp = globals.help || between.help || word === '-h' || word === '--help';
      (wantsHelp ? io.stdout : io.stderr)(branchHelp(path, node));
      if (wantsHelp) return 0;
      // Upstream exits 1 here; a missing command is a usage mistake, exit 2 as in every opskit group.
      if (path.length === 0) return 2;
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
  const own = leaf.options ?? [];
  // The additions after the command, unless the command has an option of that spelling.
  const anywhere = ANYWHERE_OPTIONS.filter((a) => !own.some((o) => o.flags.some((f) => a.flags.includes(f))));
  const parsed = parseWords(argv.slice(at), [...own, ...anywhere], leaf.args ?? [], leafUsage);
  if (globals.help || parsed.help) {
    io.stdout(leafHelp(leafUsage, leaf.summary, own, leaf.details, VIGILES_PARITY));
    return 0;
  }
  for (const a of anywhere) if (parsed.opts[a.dest] !== undefined) g[a.dest] = parsed.opts[a.dest];
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
  const urlOption = str(g.url);
  if (urlOption !== undefined) checkServiceUrl(urlOption, '-u/--url');
  else if (io.env.LINUXLINK_SERVER) checkServiceUrl(io.env.LINUXLINK_SERVER, 'LINUXLINK_SERVER');
  let client: Promise<Llapi> | undefined;
  const pretty = g.noFormat !== true && io.stdoutIsTTY;
  const line = progress(io, g.progress === true);
  const print = (v: unknown) => {
    line.done();
    io.stdout(`${toJson(v, pretty)}\n`);
  };
  const ctx: RunContext = {
    opts: parsed.opts,
    args: parsed.args,
    io,
    llapi: () =>
      (client ??= connect(io, {
        keyFile: str(g.keyFile),
        dashboardConfig: str(g.dashConfig),
        url: urlOption,
        dryRun: g.dryRun === true,
        reveal: g.reveal === true,
        ...(g.upstreamRetry === true && { retry: 'upstream' as const, logger: upstreamRetryProgress(io) }),
        ...hooks,
        env: io.env,
        readFile: io.readFile,
        onWarning: warn,
      }, urlOption !== undefined ? '-u/--url' : io.env.LINUXLINK_SERVER ? 'LINUXLINK_SERVER' : 'server_url of the key file (or -u URL)')),
    print,
    async save(result, outfile, toStdout) {
      // A dry run has nothing to save; upstream crashes here ('dict' object has no attribute 'endswith').
      if (isDryRunRequest(result)) return print(result);
      await writeBytes(io, result, toStdout ? undefined : outfile);
    },
    readText: async (p) => textModeDecode(await readInputFile(io, p, 'file'), p),
    info: log('INFO', 20),
    warn,
    progress: (text) => line.update(text),
  };
  if (leaf.needsKey !== false) await ctx.llapi();
  await leaf.run(ctx);
  line.done();
  return 0;
}

/**
 * Builds the client from the key file and dashboard config. An unreadable file is one clear
 * usage error naming it and the option that sets it (upstream prints a raw errno).
 */
async function connect(io: CliIo, options: LoadLlapiOptions, setting: string): Promise<Llapi> {
  let llapi: Llapi;
  try {
    llapi = await loadLlapi(options);
  } catch (e) {
    const m = e instanceof ConfigError ? /^Unable to read (key file|dashboard config|.+?): (.+) \(([A-Z]+)\)$/.exec(e.message) : null;
    if (!m) throw e;
    const hint = m[1] === 'key file' ? '; pass -k FILE or set VIGILES_KEY_FILE' : m[1] === 'dashboard config' ? '; pass -d FILE or set VIGILES_DASHBOARD_CONFIG' : '';
    throw new UsageError(`cannot read ${m[1]} ${m[2]}: ${fileProblem({ code: m[3] })}${hint}`);
  }
  checkServiceUrl(llapi.url, setting);
  setTarget(io, { url: llapi.url, setting, insecureFlag: '-i/--insecure' });
  return llapi;
}

function branchHelp(path: readonly string[], branch: Branch): string {
  const rows = Object.entries(branch.children).map(([name, n]): [string, string] => [name, n.summary]);
  const lines = [`Usage: opskit vigiles ${path.length ? `[global options] ${path.join(' ')} ` : '[global options] '}<command> ...`, '', ...wrap(branch.summary), '', 'Commands:', ...columns(rows)];
  if (path.length === 0) {
    lines.push('', 'Global options (before the command; --dry-run, --reveal and --progress also after it):');
    lines.push(...columns([...GLOBAL_OPTIONS.map((o): [string, string] => [`${o.flags.join(', ')}${o.kind === 'flag' ? '' : ` ${o.metavar}`}`, o.help]), ['-h, --help', 'show help (also after any command)']]));
    lines.push('', ...wrap(parityNote(VIGILES_PARITY)), 'Exit codes: 0 done, 1 failed (server, network, data), 2 usage or setup mistake.');
  }
  lines.push('', `Run 'opskit vigiles ${path.length ? `${path.join(' ')} ` : ''}<command> --help' for a command's options.`);
  return `${lines.join('\n')}\n`;
}
