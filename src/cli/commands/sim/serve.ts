import { resolve } from 'node:path';
import { serveBuilt } from '../../../node/serve.js';
import { createSim, isSimName, simNames, type Sim, type SimName } from '../../../sim/index.js';
import { printJson, type Command } from '../../command.js';
import { parsePort } from '../../input.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { callerKey } from './caller-key.js';
import { credentialFiles } from './credential-files.js';
import { isLoopbackHost } from './loopback.js';
import { optionTable } from './option-table.js';
import { NAMED_FLAGS, simOptions } from './sim-options.js';
import { writeCredentialFiles } from './write-files.js';

/** What `sim serve` parsed: flags as strings/booleans, `--set` as a list. */
export interface ServeArgs {
  values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  positionals: readonly string[];
}

/** `opskit sim serve` (options as the help shows them; parsed by the group's dispatch, `--set` repeatable). */
export const serveCommand: Command = {
  summary: 'serve a simulator over HTTP until interrupted',
  usage: '<family> [--port N] [--host H] [--public] [--cors ORIGIN] [--seed N] [--set NAME=VALUE]... [--key FILE] [--write-credentials DIR [--force]]',
  details: [
    'Prints one JSON line {"url": …, "credentials": …} once listening (with --write-credentials also "files"),',
    'then serves until SIGINT or SIGTERM. The credentials name the served URL.',
    '',
    `Families: ${simNames.join(', ')}.`,
    'Every option of the programmatic createSim(family, options) can be given with --set NAME=VALUE (repeatable;',
    "typed: numbers, durations such as 1.5s, true/false, JSON); 'opskit sim options FAMILY' lists them. The named",
    'flags set the common ones.',
    '',
    '--key FILE registers your own key: triton takes an SSH public key (any algorithm; or a private key, whose',
    'public half is registered), timesys a Vigiles key file (its e-mail and key sign in). Other families refuse it.',
    '',
    '--write-credentials DIR writes the files the vendor CLIs and opskit read (mode 0600; existing files only',
    'with --force): triton_key + triton.env (TRITON_*/SDC_*), linuxlink_key + dashboard_config + timesys.env,',
    'the turboauth pair .turbo_services_api_creds/.key + .cred + turbo.env, .mist + mist.env, .kamakirc +',
    'kamaki.env, and credentials.json for every family.',
    '',
    'The output holds credentials (a private key for triton): --host must be a loopback address unless --public.',
  ].join('\n'),
  options: {
    port: { type: 'string', valueName: 'N', description: 'TCP port (default 0: any free port)' },
    host: { type: 'string', valueName: 'H', description: 'interface to bind (default 127.0.0.1; others need --public)' },
    public: { type: 'boolean', description: 'allow --host to be an address other machines can reach' },
    cors: { type: 'string', valueName: 'ORIGIN', description: 'let browser pages on ORIGIN call it (comma list; * for any)' },
    ...Object.fromEntries(NAMED_FLAGS.map((f) => [f.flag, { type: 'string' as const, valueName: f.valueName, description: f.description }])),
    set: { type: 'string', valueName: 'NAME=VALUE', description: "any createSim option (repeatable; alias --option); see 'opskit sim options FAMILY'" },
    option: { type: 'string', valueName: 'NAME=VALUE', description: 'the same as --set' },
    key: { type: 'string', valueName: 'FILE', description: 'triton: your SSH public key; timesys: your Vigiles key file' },
    'write-credentials': { type: 'string', valueName: 'DIR', description: 'write the credential files of the vendor CLIs and opskit here' },
    force: { type: 'boolean', description: 'with --write-credentials: replace existing files' },
  },
  args: { min: 1, max: 1 },
  run: (input) => runServe({ values: input.values, positionals: input.positionals }, input.io),
};

/** Runs `sim serve`; resolves with 0 after SIGINT/SIGTERM. */
export async function runServe({ values, positionals }: ServeArgs, io: CliIo): Promise<number> {
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
  const sets = [...list(values.set), ...list(values.option)];
  const options = simOptions(family, named, sets);
  const keyFile = text('key');
  const key = keyFile === undefined ? undefined : await callerKey(family, keyFile, io);
  if (key) {
    for (const name of Object.keys(key.options)) {
      if (name in options) throw new UsageError(`--key sets ${name}; do not give it with --set as well`);
    }
    Object.assign(options, key.options);
  }

  const servesUrl = Object.entries(optionTable(family)).some(([, e]) => e.kind.type === 'served-url');
  const cors = text('cors');
  const origins = cors === undefined ? undefined : cors === '*' ? ('*' as const) : cors.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins !== undefined && origins !== '*' && origins.some((o) => !/^https?:\/\/[^/]+$/.test(o))) {
    throw new UsageError('--cors takes origins like http://localhost:5173 (scheme and host, no path), comma-separated, or *');
  }
  const served = await serveBuilt((url) => build(family, { ...options, ...(servesUrl && { url }) }), { port, host, ...(origins && { cors: { origins } }) });
  try {
    if (!isLoopbackHost(host)) io.stderr(`opskit: serving ${family} on ${served.url}, reachable from other machines (--public)\n`);
    const credentials = { ...servedCredentials(served.sim.credentials, served.sim.url, served.url), ...(key?.credentials ?? {}) };
    const out: Record<string, unknown> = { url: served.url, credentials };
    if (dir !== undefined) {
      const absolute = resolve(dir);
      const files = await credentialFiles({ family, sim: served.sim, url: served.url, credentials, dir: absolute });
      out.files = await writeCredentialFiles(absolute, files, values.force === true);
      const env = files.find((f) => f.name.endsWith('.env'));
      io.stderr(`opskit: wrote ${files.length} files to ${absolute}${env ? `; '. ${resolve(absolute, env.name)}' points the CLIs at the simulator` : ''}\n`);
    }
    printJson(io, out);
    await io.waitForStop();
  } finally {
    await served.close();
  }
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

function list(value: string | boolean | string[] | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** Credentials that name the simulator's in-process URL (an auth URL) point at the served one instead. */
export function servedCredentials(credentials: Record<string, unknown>, simUrl: string, servedUrl: string): Record<string, unknown> {
  const base = simUrl.replace(/\/+$/, '');
  return Object.fromEntries(
    Object.entries(credentials).map(([k, v]) => [k, typeof v === 'string' && v.startsWith(base) ? `${servedUrl.replace(/\/+$/, '')}${v.slice(base.length)}` : v]),
  );
}
