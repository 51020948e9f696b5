import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';
import { checkOptions } from '../core/options.js';
import type { Backend } from './backend.js';
import { checkIdList, INSPECT, optionalText, requireText } from './checks.js';
import type { components } from './generated/mist.js';
import type { MistClient } from './mist-client.js';
import { namesOf } from '../core/options.js';
import { isValidPluginId, pluginIdFromName } from './plugin-id.js';
import type { Association, MachineInfo, MachineState, Metrics, MonitoringReply, PluginReply, ProbeResult, Stats } from './types.js';
import { waitForMachine, type WaitForStateOptions } from './wait-for-state.js';

/** Keyword options of {@link Machine.probe}. */
export interface ProbeOptions {
  /** Key to SSH with (default: the keys associated with the machine). */
  keyId?: string | null;
  /** User to SSH as. */
  sshUser?: string | null;
}

/** Keyword options of {@link Machine.associateKey} and `Key.associateToMachine`. */
export interface AssociateKeyOptions {
  /** Address to deploy the key to (default: the machine's first public IP; the server requires one). */
  host?: string | null;
  /** User to log in as. */
  sshUser?: string | null;
  /** SSH port (default 22). */
  sshPort?: number;
}

/** Keyword options of {@link Machine.enableMonitoring} and {@link Machine.disableMonitoring}. */
export interface MonitoringOptions {
  /** Do not run the collectd (un)deploy command over SSH (the server's `no_ssh`). */
  noSsh?: boolean;
  /** Answer the deploy command without enabling anything (the server's `dry`). */
  dry?: boolean;
  /**
   * Hosted-service credentials for a standalone server that holds no hosted token yet (it logs
   * in with them first). Scrubbed from logs, errors and dry runs.
   */
  email?: string;
  password?: string;
}

/** Keyword options of {@link Machine.getStats}: unix seconds, computed when the call is made. */
export interface StatsOptions {
  /** Default: now. */
  start?: number;
  /** Default: `start + 10`. */
  stop?: number;
  /** Seconds between datapoints (default 10). */
  step?: number;
}

/** Keyword options of {@link Machine.addPythonPlugin}. */
export interface PythonPluginOptions {
  /** `gauge` (default) or `derive`. */
  valueType?: 'gauge' | 'derive';
  /** Unit shown with the metric. */
  unit?: string | null;
  /** The plugin id to use instead of the one derived from the name (see `pluginIdFromName`). */
  pluginId?: string;
}

export const PROBE_OPTIONS = namesOf<ProbeOptions>()('keyId', 'sshUser');
export const ASSOCIATE_OPTIONS = namesOf<AssociateKeyOptions>()('host', 'sshUser', 'sshPort');
const MONITORING_OPTIONS = namesOf<MonitoringOptions>()('noSsh', 'dry', 'email', 'password');
const STATS_OPTIONS = namesOf<StatsOptions>()('start', 'stop', 'step');
const PLUGIN_OPTIONS = namesOf<PythonPluginOptions>()('valueType', 'unit', 'pluginId');
/** mist.client's keyword names. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({ key_id: 'keyId', key: 'keyId', ssh_user: 'sshUser', ssh_port: 'sshPort', user: 'sshUser', port: 'sshPort', value_type: 'valueType', no_ssh: 'noSsh' });

type Action = 'reboot' | 'start' | 'stop' | 'destroy';

/**
 * One machine of a backend, as mist.client's `Machine`: actions, probe, key association,
 * monitoring, metrics, python plugins and stats, plus {@link Machine.waitForState} (providers
 * change state asynchronously after an action).
 */
export class Machine {
  readonly backend: Backend;
  readonly mistClient: MistClient;
  /** The machine as the server last listed it. */
  info: MachineInfo;
  name: string;
  readonly id: string;
  /** True once {@link Machine.probe} answered (mist.client's `probed`). */
  probed: boolean | undefined;

  /**
   * mist.client's `Machine(machine, backend)`: usually made by `Backend.machines()`.
   * @throws ConfigError when `machine` lacks a string id.
   */
  constructor(machine: MachineInfo, backend: Backend) {
    if (!machine || typeof machine.id !== 'string' || machine.id === '') throw new ConfigError('new Machine(): machine must have a string id');
    this.backend = backend;
    this.mistClient = backend.mistClient;
    this.id = machine.id;
    this.info = machine;
    this.name = machine.name;
    this.probed = undefined;
    if (this.mistClient.dryRun) return dryRunnable(this);
  }

  /** @internal New facts from a machine list. */
  _refresh(info: MachineInfo): void {
    this.info = info;
    this.name = info.name;
  }

  /** The state as last listed (refresh with `backend.updateMachines()` or {@link Machine.waitForState}). */
  get state(): MachineState {
    return this.info.state;
  }

  /** Public addresses as last listed. */
  get publicIps(): string[] {
    return this.info.public_ips ?? [];
  }

  /** Private addresses as last listed. */
  get privateIps(): string[] {
    return this.info.private_ips ?? [];
  }

  /** Reboot (the state becomes `rebooting`, then `running`). */
  reboot(): Promise<void> {
    return act(this, 'reboot');
  }
  /** Start a stopped machine. */
  start(): Promise<void> {
    return act(this, 'start');
  }
  /** Stop a running machine. */
  stop(): Promise<void> {
    return act(this, 'stop');
  }
  /** Destroy the machine (it ends `terminated`). */
  destroy(): Promise<void> {
    return act(this, 'destroy');
  }

  /**
   * `POST …/probe`: ping, and SSH in for uptime, load, cores, users and addresses (only the ping
   * figures come back when SSH fails). `sshUser` goes in the query string, which the server reads,
   * as well as in the body, where mist.client put it.
   * @throws ConfigError when the machine has no public IP.
   */
  async probe(options: ProbeOptions = {}): Promise<ProbeResult> {
    const where = 'Machine.probe()';
    const o = checkOptions(where, options, PROBE_OPTIONS, ALIASES);
    const host = this.publicIps[0];
    if (host === undefined) throw new ConfigError(`${where}: machine ${this.id} has no public IP to probe`);
    const key = optionalText(where, 'keyId', o.keyId) ?? null;
    const sshUser = optionalText(where, 'sshUser', o.sshUser) ?? null;
    const result = await this.mistClient.api.POST('/backends/{backend}/machines/{machine}/probe', {
      params: { path: pathOf(this), query: sshUser === null ? {} : { ssh_user: sshUser } },
      body: { host, key, ssh_user: sshUser },
    });
    this.probed = true;
    return result;
  }

  /**
   * `PUT …/keys/{keyId}`: deploy a key to the machine and associate it; then the client's key list
   * again. Resolves with the key's associations. `host` defaults to the first public IP (the server
   * requires one); the server's `user`/`port` are sent beside mist.client's `ssh_user`/`ssh_port`.
   * @throws MistUnauthorizedError (`Couldn't authenticate to machine`), MistNotFoundError.
   */
  async associateKey(keyId: string, options: AssociateKeyOptions = {}): Promise<Association[]> {
    requireText('Machine.associateKey()', 'keyId', keyId);
    return associate(this.mistClient, this.backend.id, this.id, keyId, { host: this.publicIps[0], ...(options ?? {}) }, 'Machine.associateKey()');
  }

  /**
   * Enable monitoring (`POST …/monitoring` with `action: enable`). Resolves with the server's
   * `{host, deploy_kwargs, command}`. The server reads the machine name as `name`; mist.client's
   * `machine_name` is sent too.
   * @throws MistPaymentRequiredError past the plan's machine limit.
   */
  enableMonitoring(options: MonitoringOptions = {}): Promise<MonitoringReply> {
    return toggleMonitoring(this, 'enable', options);
  }

  /** Disable monitoring; resolves with `{cmd_output}`. */
  disableMonitoring(options: MonitoringOptions = {}): Promise<MonitoringReply> {
    return toggleMonitoring(this, 'disable', options);
  }

  /**
   * `GET …/stats?start&stop&step&v=2`: one series per metric. Defaults are computed at call time
   * (now, now + 10 s, step 10), from the client's clock; mist.client froze them at import and sent
   * them in a GET body the server never read.
   */
  async getStats(options: StatsOptions = {}): Promise<Stats> {
    const where = 'Machine.getStats()';
    const o = checkOptions(where, options, STATS_OPTIONS);
    const start = o.start ?? Math.floor(this.mistClient._state.now() / 1000);
    const stop = o.stop ?? start + 10;
    const step = o.step ?? 10;
    for (const [name, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`${where}: ${name} must be a number of unix seconds`);
    }
    if (step <= 0) throw new ConfigError(`${where}: step must be positive`);
    if (stop < start) throw new ConfigError(`${where}: stop is before start`);
    return (await this.mistClient.api.GET('/backends/{backend}/machines/{machine}/stats', {
      params: { path: pathOf(this), query: { start: Math.floor(start), stop: Math.floor(stop), step: Math.floor(step) || 1, v: 2 } },
    })) as Stats;
  }

  /** `GET …/metrics`: the metrics that can be added, keyed by dotted id (an object, not the list mist.client's docstring promised). */
  availableMetrics(): Promise<Metrics> {
    return this.mistClient.api.GET('/backends/{backend}/machines/{machine}/metrics', { params: { path: pathOf(this) } });
  }

  /** `PUT …/metrics` with `{metric_id}`. */
  async addMetric(metricId: string): Promise<void> {
    requireText('Machine.addMetric()', 'metricId', metricId);
    await this.mistClient.api.PUT('/backends/{backend}/machines/{machine}/metrics', { params: { path: pathOf(this) }, body: { metric_id: metricId } });
  }

  /** `DELETE …/metrics` with `{metric_id}`. */
  async removeMetric(metricId: string): Promise<void> {
    requireText('Machine.removeMetric()', 'metricId', metricId);
    await this.mistClient.api.DELETE('/backends/{backend}/machines/{machine}/metrics', { params: { path: pathOf(this) }, body: { metric_id: metricId } });
  }

  /**
   * Deploy a custom python plugin (mist.client's `add_python_plugin(name, python_file, …)`): the
   * code is the plugin's source text defining `read()` (read a file with `readPythonPlugin` from
   * `opskit/node`). The plugin id comes from the name (see `pluginIdFromName`). Resolves with
   * `{metric_id: "mist.python.<id>", stdout}`.
   * @throws ConfigError for a name with no usable character or a bad option; MistBadRequestError
   *   when the server's test of `read()` fails (with its output).
   */
  async addPythonPlugin(name: string, pythonCode: string, options: PythonPluginOptions = {}): Promise<PluginReply> {
    const where = 'Machine.addPythonPlugin()';
    const o = checkOptions(where, options, PLUGIN_OPTIONS, ALIASES);
    requireText(where, 'name', name);
    requireText(where, 'pythonCode', pythonCode);
    const valueType = o.valueType ?? 'gauge';
    if (valueType !== 'gauge' && valueType !== 'derive') throw new ConfigError(`${where}: valueType must be "gauge" or "derive"`);
    const plugin = o.pluginId ?? pluginIdFromName(name);
    if (!isValidPluginId(plugin)) throw new ConfigError(`${where}: pluginId may only hold a-z, 0-9 and "_", and may not start or end with "_"`);
    const body: components['schemas']['PluginRequest'] = {
      plugin_type: 'python',
      name,
      unit: optionalText(where, 'unit', o.unit) ?? null,
      value_type: valueType,
      read_function: pythonCode,
      host: hostOf(this, where),
    };
    return this.mistClient.api.POST('/backends/{backend}/machines/{machine}/plugins/{plugin}', { params: { path: { ...pathOf(this), plugin } }, body });
  }

  /** `DELETE …/plugins/{pluginId}`: undeploy a python plugin (a server route mist.client never called). */
  removePythonPlugin(pluginId: string): Promise<PluginReply> {
    const where = 'Machine.removePythonPlugin()';
    requireText(where, 'pluginId', pluginId);
    return this.mistClient.api.DELETE('/backends/{backend}/machines/{machine}/plugins/{plugin}', {
      params: { path: { ...pathOf(this), plugin: pluginId } },
      body: { plugin_type: 'python', host: hostOf(this, where) },
    });
  }

  /**
   * Polls the backend's machine list until this machine is in `state` (one of several, or a
   * predicate); a machine gone from the list counts as `terminated`. Throws TimeoutError after
   * `timeout` (default 5 minutes) unless `silent`; `signal` aborts. Polls every 2 s by default.
   */
  async waitForState(state: MachineState | readonly MachineState[] | ((machine: MachineInfo) => boolean), options: WaitForStateOptions = {}): Promise<this> {
    await waitForMachine(this, state, options);
    return this;
  }

  /** Public facts (no client). */
  toJSON(): MachineInfo {
    return this.info;
  }

  [INSPECT](): string {
    return `Machine ${JSON.stringify({ id: this.id, name: this.name, state: this.info.state, backend: this.backend.id })}`;
  }
}

// Module functions rather than #private members: Machines are often wrapped in Proxies (dry run,
// user instrumentation), and #private members refuse a Proxy as receiver.
function pathOf(m: Machine): { backend: string; machine: string } {
  return { backend: m.backend.id, machine: m.id };
}

function hostOf(m: Machine, where: string): string {
  const host = m.publicIps[0];
  if (host === undefined) throw new ConfigError(`${where}: machine ${m.id} has no public IP (the server needs one to reach it)`);
  return host;
}

/**
 * One action; the reply is the backend's whole machine list, which refills the backend's cache
 * (mist.client threw it away and listed the machines again: two requests per action).
 */
async function act(m: Machine, action: Action): Promise<void> {
  const list = await m.mistClient.api.POST('/backends/{backend}/machines/{machine}', {
    params: { path: pathOf(m) },
    body: { action },
    opskit: { op: `Machine.${action}` },
  });
  const machines = m.backend._adoptMachines(checkIdList<MachineInfo>(`Machine.${action}`, list));
  const fresh = machines.get(m.id);
  if (fresh && fresh !== m) m._refresh(fresh.info);
}

async function toggleMonitoring(m: Machine, action: 'enable' | 'disable', given: MonitoringOptions): Promise<MonitoringReply> {
  const where = action === 'enable' ? 'Machine.enableMonitoring()' : 'Machine.disableMonitoring()';
  const options = checkOptions(where, given, MONITORING_OPTIONS, ALIASES);
  const dnsName = (m.info.extra as { dns_name?: unknown } | undefined)?.dns_name;
  const body: components['schemas']['MonitoringRequest'] = {
    action,
    name: m.name,
    machine_name: m.name,
    public_ips: m.publicIps,
    dns_name: typeof dnsName === 'string' && dnsName !== '' ? dnsName : 'n/a',
  };
  if (options.noSsh !== undefined) body.no_ssh = options.noSsh === true;
  if (options.dry !== undefined) body.dry = options.dry === true;
  if (options.email !== undefined) body.email = requireText(where, 'email', options.email);
  if (options.password !== undefined) {
    body.password = requireText(where, 'password', options.password);
    m.mistClient._state.auth.addSecret(options.password);
  }
  const reply = await m.mistClient.api.POST('/backends/{backend}/machines/{machine}/monitoring', {
    params: { path: pathOf(m) },
    body,
    opskit: { op: action === 'enable' ? 'Machine.enableMonitoring' : 'Machine.disableMonitoring' },
  });
  if (!reply || typeof reply !== 'object') throw new ResponseError(where, 'the reply is not a JSON object');
  return reply;
}

/** `PUT /backends/{b}/machines/{m}/keys/{k}` for Machine.associateKey and Key.associateToMachine. @internal */
export async function associate(
  client: MistClient,
  backendId: string,
  machineId: string,
  keyId: string,
  given: AssociateKeyOptions,
  where: string,
): Promise<Association[]> {
  const options = checkOptions(where, given, ASSOCIATE_OPTIONS, ALIASES);
  const host = optionalText(where, 'host', options.host) ?? null;
  const sshUser = optionalText(where, 'sshUser', options.sshUser) ?? null;
  const sshPort = options.sshPort ?? 22;
  if (!Number.isInteger(sshPort) || sshPort <= 0 || sshPort > 65535) throw new ConfigError(`${where}: sshPort must be a TCP port number`);
  const associations = await client.api.PUT('/backends/{backend}/machines/{machine}/keys/{key}', {
    params: { path: { backend: backendId, machine: machineId, key: keyId } },
    body: { host, ssh_user: sshUser, ssh_port: sshPort, user: sshUser, port: sshPort },
    opskit: { op: where.replace(/\(\)$/, '') },
  });
  await client.updateKeys();
  return associations as Association[];
}
