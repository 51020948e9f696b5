import { resolve } from 'node:path';
import { serveBuilt } from '../../../node/serve.js';
import { createSim, isSimName, simNames, type Sim, type SimName } from '../../../sim/index.js';
import { printJson, type Command, type OptionValues } from '../../command.js';
import { parsePort } from '../../input.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { callerKey } from './caller-key.js';
import { credentialFiles, type CredentialFile } from './credential-files.js';
import { detach, isDetachedChild, PID_FILE, quietAfterReady, removePidFile } from './detach.js';
import { isLoopbackHost } from './loopback.js';
import { optionTable } from './option-table.js';
import { NAMED_FLAGS, simOptions } from './sim-options.js';
import { writeCredentialFiles } from './write-files.js';

/** `opskit sim serve` (options as the help shows them; `--set` repeatable). */
export const serveCommand: Command = {
  summary: 'serve a simulator over HTTP until interrupted (or in the background with --detach)',
  usage: '<family> [--port N] [--host H] [--public] [--cors ORIGIN] [--seed N] [--set NAME=VALUE]... [--key FILE] [--write-credentials DIR [-f]] [--detach]',
  details: [
    'Prints one JSON line {"url": …, "credentials": …} once listening (with --write-credentials also "files"),',
    'then serves until SIGINT or SIGTERM. The credentials name the served URL.',
    '',
    '--detach serves in the background: the command returns once the simulator listens (and its files are',
    'written), printing the same line plus "pid". Stop it with kill PID, or with',
    "'opskit sim stop DIR' when --write-credentials DIR was given (the pid is in DIR/sim.pid).",
    '',
    `Families: ${simNames.join(', ')}.`,
    'Every option of the programmatic createSim(family, options) can be given with --set NAME=VALUE (repeatable;',
    "typed: numbers, durations such as 1.5s, true/false, JSON); 'opskit sim options FAMILY' lists them. The named",
    'flags set the common ones; their durations are seconds (--job-delay 1.5), as everywhere in opskit, while',
    "--set takes createSim's own values (--set jobDelayMs=1500).",
    '',
    '--key FILE registers your own key: triton takes an SSH public key (any algorithm; or a private key, whose',
    'public half is registered), timesys a Vigiles key file (its e-mail and key sign in). Other families refuse it.',
    "Without --key, triton generates an ECDSA key (--set keyType=ed25519 for Ed25519): node-smartdc's sdc-*",
    'misread about half of all Ed25519 key files.',
    '',
    '--write-credentials DIR writes the files the vendor CLIs and opskit read (mode 0600; existing files only',
    'with --force): triton_key + triton.env (TRITON_*/SDC_*, OPSKIT_TRITON_KEY_FILE), linuxlink_key +',
    'dashboard_config + timesys.env, the turboauth pair .turbo_services_api_creds/.key + .cred + turbo.env,',
    '.mist + mist.env, .kamakirc + kamaki.env, and credentials.json for every family.',
    '',
    '--dry-run checks everything and prints what would be served and written, without serving.',
    'The output holds credentials (a private key for triton): --host must be a loopback address unless --public.',
  ].join('\n'),
  options: {
    port: { type: 'string', valueName: 'N', description: 'TCP port (default 0: any free port)' },
    host: { type: 'string', valueName: 'H', description: 'interface to bind (default 127.0.0.1; others need --public)' },
    public: { type: 'boolean', description: 'allow --host to be an address other machines can reach' },
    cors: { type: 'string', valueName: 'ORIGIN', description: 'let browser pages on ORIGIN call it (comma list; * for any)' },
    ...Object.fromEntries(NAMED_FLAGS.map((f) => [f.flag, { type: 'string' as const, valueName: f.valueName, description: f.description }])),
    set: { type: 'string', multiple: true, aliases: ['option'], valueName: 'NAME=VALUE', description: "any createSim option (repeatable; alias --option); see 'opskit sim options FAMILY'" },
    key: { type: 'string', valueName: 'FILE', description: 'triton: your SSH public key; timesys: your Vigiles key file' },
    'write-credentials': { type: 'string', valueName: 'DIR', description: 'write the credential files of the vendor CLIs and opskit here' },
    force: { type: 'boolean', short: 'f', description: 'with --write-credentials: replace existing files' },
    detach: { type: 'boolean', description: 'serve in the background; return once it listens (prints its pid)' },
  },
  args: { min: 1, max: 1 },
  run: ({ values, positionals, io }) => runServe(values, positionals, io),
};

/** The settings of one `sim serve`, checked before anything listens. */
interface ServePlan {
  family: SimName;
  port: number;
  host: string;
  dir: string | undefined;
  options: Record<string, unknown>;
  key: Awaited<ReturnType<typeof callerKey>> | undefined;
  origins: string[] | '*' | undefined;
  servesUrl: boolean;
}

async function plan(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<ServePlan> {
  const family = positionals[0] as string;
  if (!isSimName(family)) throw new UsageError(`unknown simulator ${JSON.stringify(family)}; known: ${simNames.join(', ')}`);
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const port = text('port') !== undefined ? parsePort(text('port') as string) : 0;
  const host = text('host') ?? '127.0.0.1';
  if (!isLoopbackHost(host) && values.public !== true) {
    throw new UsageError(`--host ${host} would let other machines use the simulator and read its printed credentials (a private key for triton); pass --public to do that anyway, or bind a loopback address (127.0.0.1, ::1)`);
  }
  const dir = text('write-credentials');
  if (values.force === true && dir === undefined) throw new UsageError('--force goes with --write-credentials');

  const named = Object.fromEntries(NAMED_FLAGS.map((f) => [f.flag, text(f.flag)]));
  const sets = Array.isArray(values.set) ? values.set : typeof values.set === 'string' ? [values.set] : [];
  const options = simOptions(family, named, sets);
  const keyFile = text('key');
  const key = keyFile === undefined ? undefined : await callerKey(family, keyFile, io);
  if (key) {
    for (const name of Object.keys(key.options)) {
      if (name in options) throw new UsageError(`--key sets ${name}; do not give it with --set as well`);
    }
    Object.assign(options, key.options);
  }
  // node-smartdc 9.0.1's sshpk misreads about half of all Ed25519 key files: a served Triton
  // generates an ECDSA key unless asked otherwise, so every vendor CLI reads what it writes.
  if (family === 'triton' && key === undefined && !('keyType' in options)) options.keyType = 'ecdsa';

  const servesUrl = Object.entries(optionTable(family)).some(([, e]) => e.kind.type === 'served-url');
  const cors = text('cors');
  const origins = cors === undefined ? undefined : cors === '*' ? ('*' as const) : cors.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins !== undefined && origins !== '*' && origins.some((o) => !/^https?:\/\/[^/]+$/.test(o))) {
    throw new UsageError('--cors takes origins like http://localhost:5173 (scheme and host, no path), comma-separated, or *');
  }
  return { family, port, host, dir: dir === undefined ? undefined : resolve(dir), options, key, origins, servesUrl };
}

/** Runs `sim serve`; resolves with 0 after SIGINT/SIGTERM (at once with --detach or --dry-run). */
export async function runServe(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<number> {
  const p = await plan(values, positionals, io);
  if (values['dry-run'] === true) return dryRun(p, io);
  if (values.detach === true) return detach(io, p.family, values);
  const served = await serveBuilt((url) => build(p.family, { ...p.options, ...(p.servesUrl && { url }) }), {
    port: p.port,
    host: p.host,
    ...(p.origins && { cors: { origins: p.origins } }),
  });
  try {
    if (!isLoopbackHost(p.host)) io.stderr(`opskit: serving ${p.family} on ${served.url}, reachable from other machines (--public)\n`);
    const credentials = { ...servedCredentials(served.sim.credentials, served.sim.url, served.url), ...(p.key?.credentials ?? {}) };
    const out: Record<string, unknown> = { url: served.url, credentials };
    if (p.dir !== undefined) {
      const files = await credentialFiles({ family: p.family, sim: served.sim, url: served.url, credentials, dir: p.dir });
      if (isDetachedChild(io)) files.push({ name: PID_FILE, text: `${process.pid}\n` });
      out.files = await writeCredentialFiles(p.dir, files, values.force === true);
      const env = files.find((f) => f.name.endsWith('.env'));
      io.stderr(`opskit: wrote ${files.length} files to ${p.dir}${env ? `; '. ${resolve(p.dir, env.name)}' points the CLIs at the simulator` : ''}\n`);
    }
    if (isDetachedChild(io)) out.pid = process.pid;
    printJson(io, out);
    if (isDetachedChild(io)) quietAfterReady();
    await io.waitForStop();
  } finally {
    await served.close();
    if (p.dir !== undefined && isDetachedChild(io)) await removePidFile(p.dir);
  }
  return 0;
}

/** `--dry-run`: the simulator is built (which checks its options) but not served; nothing is written. */
async function dryRun(p: ServePlan, io: CliIo): Promise<number> {
  const url = `http://${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port || 'PORT'}`;
  const sim = build(p.family, { ...p.options, ...(p.servesUrl && { url }) });
  let files: CredentialFile[] = [];
  if (p.dir !== undefined) files = await credentialFiles({ family: p.family, sim, url, credentials: servedCredentials(sim.credentials, sim.url, url), dir: p.dir });
  printJson(io, {
    dryRun: true,
    family: p.family,
    url,
    // Values as given, except anything that looks like a secret.
    options: Object.fromEntries(Object.entries(p.options).map(([k, v]) => [k, /password|secret|token|key$|^key/i.test(k) && k !== 'keyType' ? '[REDACTED]' : v])),
    ...(p.dir !== undefined && { files: files.map((f) => resolve(p.dir as string, f.name)) }),
  });
  return 0;
}

/** `createSim`, with a bad option (a RangeError or ConfigError of the family) as a usage error. */
function build(family: SimName, options: Record<string, unknown>): Sim {
  try {
    // By name at run time: the string overload's options are checked by the option table instead.
    return (createSim as (name: string, options?: Record<string, unknown>) => Sim)(family, options);
  } catch (e) {
    throw new UsageError(`${family} simulator: ${(e as Error).message}`);
  }
}

/** Credentials that name the simulator's in-process URL (an auth URL) point at the served one instead. */
export function servedCredentials(credentials: Record<string, unknown>, simUrl: string, servedUrl: string): Record<string, unknown> {
  const base = simUrl.replace(/\/+$/, '');
  return Object.fromEntries(
    Object.entries(credentials).map(([k, v]) => [k, typeof v === 'string' && v.startsWith(base) ? `${servedUrl.replace(/\/+$/, '')}${v.slice(base.length)}` : v]),
  );
}
