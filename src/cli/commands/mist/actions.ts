import { ConfigError } from '../../../core/errors/config-error.js';
import { isDryRunRequest } from '../../../core/dry-run.js';
import type { AnyBackendOptions, Backend, Machine, MachineState } from '../../../mist/index.js';
import { parseDbYaml, syncDbYaml } from '../../../node/index.js';
import { durationOption } from '../../duration.js';
import { elapsed } from '../../progress.js';
import { UsageError } from '../../usage-error.js';
import { backendByNameOrId, backendOf, intOption, keyOf, machineOf } from './resolve.js';
import type { MistCli } from './session.js';
import { table } from './table.js';

/** A handler per canonical `action:target`. */
export type MistAction = (cli: MistCli) => Promise<void>;

const utf8 = (bytes: Uint8Array, what: string) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${what} is not UTF-8 text`);
  }
};

async function readText(cli: MistCli, path: string, what: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await cli.io.readFile(path);
  } catch (e) {
    throw new ConfigError(`cannot read ${what} ${path} (${(e as { code?: string }).code ?? (e as Error).message})`);
  }
  return utf8(bytes, `${what} ${path}`);
}

const machineRow = (m: Machine, backend: Backend) => [m.name, m.id, m.info.state, m.publicIps, backend.title];

/** In a dry run a list call resolves with its request: print it and stop. */
function dryRequest(cli: MistCli, value: unknown): boolean {
  if (!isDryRunRequest(value)) return false;
  cli.print(value);
  return true;
}

async function listBackends(cli: MistCli) {
  const all = await (await cli.client()).backends();
  if (dryRequest(cli, all)) return;
  const backends = [...all.values()];
  cli.print(
    backends.map((b) => b.info),
    () => (backends.length === 0 ? 'No backends found\n' : table(['Name', 'ID', 'Provider', 'State'], backends.map((b) => [b.title, b.id, b.provider, b.info.state]))),
  );
}

async function addBackend(cli: MistCli) {
  const title = cli.str('name');
  const provider = cli.str('provider');
  if (!title || !provider) throw new UsageError('add backend needs -n NAME and -p PROVIDER (see list providers)');
  const options: AnyBackendOptions = {};
  for (const name of ['apiurl', 'tenantName', 'region', 'computeEndpoint', 'machineIp', 'machineKey', 'machineUser'] as const) {
    const value = cli.str(name);
    if (value !== undefined) options[name] = value;
  }
  const machinePort = intOption(cli, 'machinePort', '--machine-port');
  const dockerPort = intOption(cli, 'dockerPort', '--docker-port');
  if (machinePort !== undefined) options.machinePort = machinePort;
  if (dockerPort !== undefined) options.dockerPort = dockerPort;
  const client = await cli.client();
  const backend = await (client.addBackend as (...a: unknown[]) => Promise<Backend>)(title, provider, cli.str('key') ?? '', cli.str('secret') ?? '', options);
  cli.print(isDryRunRequest(backend) ? backend : backend.info, () => `Added backend ${backend.title}\n`);
}

async function deleteBackend(cli: MistCli) {
  const backend = await backendByNameOrId(cli);
  const r = await backend.delete();
  cli.print(r ?? { deleted: backend.id }, () => `Deleted backend ${backend.title}\n`);
}

async function renameBackend(cli: MistCli) {
  const backend = await backendByNameOrId(cli);
  const newName = cli.str('newName');
  if (!newName) throw new UsageError('You have to provide new name (--new_name)');
  const old = backend.title;
  const r = await backend.rename(newName);
  cli.print(r ?? backend.info, () => `Renamed backend ${old} to ${newName}\n`);
}

async function showBackend(cli: MistCli) {
  const backend = await backendByNameOrId(cli);
  const machines = await backend.machines();
  if (isDryRunRequest(machines)) return cli.print(machines);
  const list = [...machines.values()];
  cli.print(
    { ...backend.info, machines: list.map((m) => m.info) },
    () =>
      `${table(['Title', 'ID', 'Provider', 'State'], [[backend.title, backend.id, backend.provider, backend.info.state]])}\nMachines:\n${table(
        ['Name', 'ID', 'State', 'Public Ips'],
        list.map((m) => [m.name, m.id, m.info.state, m.publicIps]),
      )}`,
  );
}

async function listMachines(cli: MistCli) {
  const client = await cli.client();
  const rows: [Machine, Backend][] = [];
  const all = cli.str('backend') ? undefined : await client.backends();
  if (isDryRunRequest(all)) return cli.print(all);
  const backends = all ? [...all.values()] : [await backendOf(cli)];
  for (const backend of backends) {
    const machines = await backend.machines();
    if (isDryRunRequest(machines)) return cli.print(machines);
    for (const m of machines.values()) rows.push([m, backend]);
  }
  cli.print(
    rows.map(([m, b]) => ({ ...m.info, backend: b.id })),
    () => table(['Name', 'ID', 'State', 'Public Ips', 'Backend Title'], rows.map(([m, b]) => machineRow(m, b))),
  );
}

/** After an action, `--wait` waits for the state it leads to, with a progress line (terminal or `--progress`). */
async function waitIfAsked(cli: MistCli, machine: Machine, state: MachineState) {
  const interval = durationOption(cli.opts.interval, '--interval', 2000);
  const timeout = durationOption(cli.opts.timeout, '--timeout', 300_000);
  if (cli.opts.wait !== true || cli.opts.dryRun === true) return;
  const line = cli.progress();
  try {
    await machine.waitForState(state, {
      interval,
      timeout,
      onProgress: (p) => line.update(`waiting for ${machine.name} to be ${state}: ${p.value?.state ?? '?'} (${elapsed(p.elapsedMs)})`),
    });
  } finally {
    line.done();
  }
}

const AFTER: Readonly<Record<string, MachineState>> = { start: 'running', stop: 'stopped', reboot: 'running', destroy: 'terminated' };
const DONE: Readonly<Record<string, string>> = { start: 'Started', stop: 'Stopped', reboot: 'Rebooted', destroy: 'Destroyed' };

const machineAction = (action: 'start' | 'stop' | 'reboot' | 'destroy'): MistAction => async (cli) => {
  const machine = await machineOf(cli);
  const r = await machine[action]();
  await waitIfAsked(cli, machine, AFTER[action] as MachineState);
  cli.print(r ?? machine.info, () => `${DONE[action]} machine ${machine.name}\n`);
};

async function probeMachine(cli: MistCli) {
  const machine = await machineOf(cli);
  const info = await machine.probe();
  if (dryRequest(cli, info)) return;
  cli.print(info, () => (info.uptime !== undefined ? `Uptime: ${info.uptime}\n` : 'Not probed\n'));
}

async function createMachine(cli: MistCli) {
  const backend = await backendOf(cli);
  const [name, image, size, key, location] = [cli.str('name'), cli.str('image'), cli.str('size'), cli.str('key'), cli.str('location')];
  if (!name || !image || !size || !key || !location) {
    throw new UsageError('You have to provide name (-n), image id (--image), size id (--size), location id (--location) and key (-k)');
  }
  const machine = await backend.createMachine(name, key, image, location, size);
  if (isDryRunRequest(machine)) return cli.print(machine);
  await waitIfAsked(cli, machine, 'running');
  cli.print(machine.info, () => `Created machine ${name}\n`);
}

const monitoring = (enable: boolean): MistAction => async (cli) => {
  const machine = await machineOf(cli);
  const reply = enable ? await machine.enableMonitoring() : await machine.disableMonitoring();
  cli.print(reply, () => `${enable ? 'Enabled monitoring to' : 'Disabled monitoring from'} machine ${machine.name}\n`);
};

async function getStats(cli: MistCli) {
  const machine = await machineOf(cli);
  const options: { start?: number; stop?: number; step?: number } = {};
  for (const [name, flag] of [['start', '--start'], ['stop', '--stop']] as const) {
    const v = intOption(cli, name, flag);
    if (v !== undefined) options[name] = v;
  }
  const step = durationOption(cli.opts.step, '--step');
  if (step !== undefined) {
    if (step % 1000 !== 0) throw new UsageError('--step must be whole seconds (10, 10s, 60s)');
    options.step = step / 1000;
  }
  const stats = await machine.getStats(options);
  if (dryRequest(cli, stats)) return;
  cli.print(stats, () =>
    table(
      ['Metric', 'Points', 'Last value'],
      Object.entries(stats).map(([id, s]) => [id, s.datapoints.length, [...s.datapoints].reverse().find((p) => p[0] !== null)?.[0] ?? '']),
    ),
  );
}

async function listPlugins(cli: MistCli) {
  const machine = await machineOf(cli);
  const metrics = await machine.availableMetrics();
  if (dryRequest(cli, metrics)) return;
  cli.print(metrics, () => table(['Plugin Name', 'Plugin ID'], Object.entries(metrics).map(([id, m]) => [m.name ?? '', id])));
}

async function addPlugin(cli: MistCli) {
  const machine = await machineOf(cli);
  const plugin = cli.str('plugin');
  if (!plugin) throw new UsageError('You have to provide plugin id or name (--plugin)');
  const file = cli.str('customPlugin');
  if (!file) {
    const r = await machine.addMetric(plugin);
    return cli.print(r ?? { metric_id: plugin }, () => `Added Plugin ${plugin} to monitored machine ${machine.name}\n`);
  }
  const code = await readText(cli, file, 'python plugin file');
  const reply = await machine.addPythonPlugin(plugin, code);
  cli.print(reply, () => `Added ${file} file as custom plugin\n`);
}

async function listKeys(cli: MistCli) {
  const all = await (await cli.client()).keys();
  if (dryRequest(cli, all)) return;
  const keys = [...all.values()];
  cli.print(
    keys.map((k) => k.info),
    () => (keys.length === 0 ? 'No keys found\n' : table(['Name', 'Is Default'], keys.map((k) => [k.id, k.isDefault]))),
  );
}

async function addKey(cli: MistCli) {
  const name = cli.str('name');
  if (!name) throw new UsageError('add key needs -n NAME');
  const client = await cli.client();
  let privateKey: string;
  if (cli.opts.auto === true) {
    const generated = await client.generateKey();
    if (isDryRunRequest(generated)) return cli.print(generated);
    privateKey = generated;
  } else {
    const file = cli.str('key');
    if (!file) throw new UsageError('add key needs -k FILE (a private key file) or -a to generate one');
    privateKey = (await readText(cli, file, 'private key file')).replace(/\n+$/, '');
  }
  const key = await client.addKey(name, privateKey);
  cli.print(isDryRunRequest(key) ? key : key.info, () => `Added key ${name}\n`);
}

async function deleteKey(cli: MistCli) {
  const key = await keyOf(cli);
  const name = key.id;
  const r = await key.delete();
  cli.print(r ?? { deleted: name }, () => `Deleted key ${name}\n`);
}

async function renameKey(cli: MistCli) {
  const newName = cli.str('newName');
  if (!newName) throw new UsageError('You have to provide new name for the key (--new_name)');
  const key = await keyOf(cli);
  const old = key.id;
  const r = await key.rename(newName);
  cli.print(r ?? key.info, () => `Renamed ${old} to ${newName}\n`);
}

async function showKey(cli: MistCli) {
  const key = await keyOf(cli);
  const pub = await key.public();
  if (dryRequest(cli, pub)) return;
  // The private half only when asked for: CLI output ends up in terminals, logs and tickets.
  const priv = cli.opts.reveal === true ? await key.private() : undefined;
  const value = { name: key.id, isDefault: key.isDefault, machines: key.machines, public: pub, ...(priv !== undefined ? { private: priv } : {}) };
  cli.print(value, () => `Name: ${key.id}\n\n${priv !== undefined ? `Private key:\n${priv}\n\n` : ''}Public key:\n${pub}\n`);
}

async function listProviders(cli: MistCli) {
  const providers = await (await cli.client()).supportedProviders();
  if (dryRequest(cli, providers)) return;
  cli.print(providers, () => table(['Title', 'Provider ID'], providers.map((p) => [p.title, p.provider])));
}

async function listImages(cli: MistCli) {
  const backend = await backendOf(cli);
  const search = cli.str('search');
  const found = !search || search === 'all' ? await backend.images() : await backend.searchImage(search);
  if (dryRequest(cli, found)) return;
  const images = search ? found : found.filter((i) => i.star === true);
  cli.print(images, () => table(['Name', 'ID'], images.map((i) => [i.name, i.id])));
}

async function listSizes(cli: MistCli) {
  const sizes = await (await backendOf(cli)).sizes();
  if (dryRequest(cli, sizes)) return;
  cli.print(sizes, () => table(['Name', 'ID'], sizes.map((s) => [s.name, s.id])));
}

async function listLocations(cli: MistCli) {
  const locations = await (await backendOf(cli)).locations();
  if (dryRequest(cli, locations)) return;
  cli.print(locations, () => table(['Name', 'ID'], locations.map((l) => [l.name, l.id])));
}

async function userInfo(cli: MistCli) {
  const client = await cli.client();
  // The account comes with the login, which a dry run does not send.
  if (client.dryRun) return cli.print({ dryRun: true, note: 'user info is read from the login reply; a dry run sends no login' });
  const details = client.userDetails ?? {};
  const plan = (details.current_plan ?? {}) as Record<string, unknown>;
  const user = (details.user_details ?? {}) as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toUTCString() : v);
  cli.print(details, () => {
    const shownPlan = { ...plan, started: time(plan.started), expiration: time(plan.expiration) };
    return `User Details:\n${table(Object.keys(user), [Object.values(user)])}\nCurrent Plan:\n${table(Object.keys(shownPlan), [Object.values(shownPlan)])}`;
  });
}

async function sync(cli: MistCli) {
  const path = cli.str('dbyaml') ?? cli.vars.at(-1);
  if (!path) throw new UsageError('sync needs --dbyaml FILE (a standalone server\'s db.yaml)');
  cli.note(`>>>Loading ${path}`);
  const db = parseDbYaml(await readText(cli, path, 'db.yaml'), path);
  if (cli.opts.dryRun === true) {
    // Its requests depend on each other's answers (what the server already has), so a dry run
    // lists what the file would import instead of printing requests.
    const associations = Object.entries(db.keypairs).flatMap(([id, k]) => (k.machines ?? []).map((m) => ({ key: id, backend: String(m[0]), machine: String(m[1]) })));
    return cli.print({ dryRun: true, keys: Object.keys(db.keypairs), backends: Object.keys(db.backends), associations });
  }
  const client = await cli.client();
  const report = await syncDbYaml(client, db, {
    onEvent: (e) => cli.note(`${e.kind} ${e.id}: ${e.outcome === 'found' ? 'found' : e.outcome === 'added' ? 'added' : `FAILED (${e.error?.message ?? 'unknown error'})`}`),
  });
  const summary = (list: typeof report.keys) => list.map((e) => ({ id: e.id, outcome: e.outcome, ...(e.error ? { error: e.error.message } : {}) }));
  cli.print({ keys: summary(report.keys), backends: summary(report.backends), associations: summary(report.associations) }, () =>
    table(['Kind', 'Id', 'Outcome'], [...report.keys, ...report.backends, ...report.associations].map((e) => [e.kind, e.id, e.error ? `failed: ${e.error.message}` : e.outcome])),
  );
  if (report.failed) throw new Error('sync finished with failures (see above)');
}

/** Every action of `opskit mist`, keyed by canonical `action:target`. */
export const MIST_ACTIONS: Readonly<Record<string, MistAction>> = {
  'list:backend': listBackends,
  'add:backend': addBackend,
  'delete:backend': deleteBackend,
  'rename:backend': renameBackend,
  'show:backend': showBackend,
  'list:machine': listMachines,
  'add:machine': createMachine,
  'start:machine': machineAction('start'),
  'stop:machine': machineAction('stop'),
  'reboot:machine': machineAction('reboot'),
  'destroy:machine': machineAction('destroy'),
  'probe:machine': probeMachine,
  'enable-monitoring:machine': monitoring(true),
  'disable-monitoring:machine': monitoring(false),
  'get-stats:machine': getStats,
  'list:plugin': listPlugins,
  'add:plugin': addPlugin,
  'list:key': listKeys,
  'add:key': addKey,
  'delete:key': deleteKey,
  'rename:key': renameKey,
  'show:key': showKey,
  'list:providers': listProviders,
  'list:images': listImages,
  'list:sizes': listSizes,
  'list:locations': listLocations,
  'user:info': userInfo,
  'show:info': userInfo,
  'sync:dbyaml': sync,
  'sync:': sync,
};
