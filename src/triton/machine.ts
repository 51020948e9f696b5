import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';
import { checkOptions } from '../core/options.js';
import { pathValueProblem } from '../core/path-params.js';
import { waitFor, type PollContext, type WaitOptions } from '../core/wait-for.js';
import type { DataCenter } from './data-center.js';
import { isPrivateIp } from './ips.js';
import { AFFINITY_OPTION, AUDIT_WAIT_OPTIONS, CREDENTIALS_OPTION, EXPIRES_OPTION, MACHINE_WAIT_OPTIONS, PCI_SLOT_OPTION, PRIMARY_OPTION, SHRINK_OPTION, TRITON_WAIT_OPTIONS } from './option-names.js';
import { pollMachineData, type AuditWaitOptions, type DiskTarget, type ExpectedValues, type TritonWaitOptions } from './methods/waiters.js';
import { Snapshot } from './snapshot.js';
import type { AuditEntry, Disk, FirewallRule, MachineData, MachineState, Migration, MigrationEstimate, Nic, Snapshot as SnapshotData, StringMap, Tags } from './types.js';

/** Options of {@link Machine.waitFor}: core `waitFor` options (interval, timeout, signal, onProgress, silent, sleep, now). */
export type MachineWaitOptions = Omit<WaitOptions<MachineData>, 'what'>;

/** Metadata as py-smartdc kept it: without `credentials` and `user-script` (those have their own accessors). */
function plainMetadata(meta: MachineData['metadata']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta ?? {})) if (k !== 'credentials' && k !== 'user-script' && typeof v === 'string') out[k] = v;
  return out;
}

/**
 * GetMachine within a wait (its signal and remaining time passed to the request), treating 410
 * Gone as the deleted machine it describes; the Machine's data follows each poll. A module
 * function, not a #private method, so a Machine wrapped in a Proxy still works.
 */
async function pollMachine(m: Machine, ctx: PollContext): Promise<MachineData> {
  const data = await pollMachineData(m.dc, m.id, ctx);
  m.data = data.state === 'deleted' ? { ...m.data, ...data } : data;
  return m.data;
}

/** Runs a DataCenter waiter and keeps this Machine's data when the waiter returns the machine. */
async function track<T>(m: Machine, result: Promise<T>): Promise<T> {
  const value = await result;
  if (value && typeof value === 'object' && (value as { id?: unknown }).id === m.id && 'state' in value) m.data = value as unknown as MachineData;
  return value;
}

/** Why `data` cannot be a Machine (its `id` goes into every URL the Machine builds), or undefined. */
function machineDataProblem(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'the machine is not an object';
  const problem = pathValueProblem((data as { id?: unknown }).id);
  return problem ? `the machine's id ${problem}` : undefined;
}

/**
 * A Machine for a machine object the server sent; a reply without a usable id is a ResponseError,
 * never a Machine whose later calls would address `/machines/` or `/machines/undefined`.
 * @internal
 */
export function machineFromReply(op: string, dc: DataCenter, data: unknown): Machine {
  const problem = machineDataProblem(data);
  if (problem) throw new ResponseError(op, problem);
  return new Machine(dc, data as MachineData);
}

/**
 * One machine (instance), as py-smartdc's `Machine`: every py-smartdc method camelCased, plus
 * rename, firewall and deletion-protection actions, NICs, disks, migrations, audit, and
 * `waitFor(state)` (where a 410 Gone counts as `deleted`).
 */
export class Machine {
  readonly dc: DataCenter;
  readonly id: string;
  /** The latest machine object the server sent. */
  data: MachineData;

  /** @throws ConfigError when `data` has no usable `id` (it addresses every later call). */
  constructor(dc: DataCenter, data: MachineData) {
    const problem = machineDataProblem(data);
    if (problem) throw new ConfigError(`new Machine(): ${problem}`);
    this.dc = dc;
    this.id = data.id;
    this.data = data;
  }

  /** py-smartdc `Machine.create_in_datacenter(dc, …)`: `dc.createMachine(…)`. */
  static createInDatacenter(dc: DataCenter, options: Parameters<DataCenter['createMachine']>[0]): Promise<Machine> {
    return dc.createMachine(options);
  }

  get name(): string {
    return this.data.name;
  }
  get state(): MachineState {
    return this.data.state;
  }
  /** Deprecated `smartmachine`/`virtualmachine`. */
  get type(): MachineData['type'] {
    return this.data.type;
  }
  get brand(): string | undefined {
    return this.data.brand;
  }
  /** py-smartdc `dataset`: the image id. */
  get dataset(): string | undefined {
    return this.data.image;
  }
  get image(): string | undefined {
    return this.data.image;
  }
  get memory(): number | undefined {
    return this.data.memory;
  }
  get disk(): number | undefined {
    return this.data.disk;
  }
  get package(): string | undefined {
    return this.data.package;
  }
  get tags(): Tags {
    return this.data.tags ?? {};
  }
  /** Metadata without `credentials` and `user-script`. */
  get metadata(): Record<string, string> {
    return plainMetadata(this.data.metadata);
  }
  /** The boot script (`metadata.user-script`), if any. */
  get bootScript(): string | undefined {
    const s = this.data.metadata?.['user-script'];
    return typeof s === 'string' ? s : undefined;
  }
  get created(): Date | undefined {
    return this.data.created ? new Date(this.data.created) : undefined;
  }
  get updated(): Date | undefined {
    return this.data.updated ? new Date(this.data.updated) : undefined;
  }
  get primaryIp(): string | undefined {
    return this.data.primaryIp;
  }
  get firewallEnabled(): boolean {
    return this.data.firewall_enabled === true;
  }
  get deletionProtection(): boolean {
    return this.data.deletion_protection === true;
  }
  /** IP addresses as last seen (use {@link Machine.getIps} to refresh when empty, as py-smartdc's `ips`). */
  get ips(): string[] {
    return this.data.ips ?? [];
  }
  /** Public addresses (everything not private, IPv6 included). */
  get publicIps(): string[] {
    return this.ips.filter((ip) => !isPrivateIp(ip));
  }
  /** Private addresses (RFC 1918, loopback, IPv6 ULA and link-local). */
  get privateIps(): string[] {
    return this.ips.filter((ip) => isPrivateIp(ip));
  }

  /** py-smartdc `ips`: refreshes first when no address is known yet. */
  async getIps(): Promise<string[]> {
    if (this.ips.length === 0) await this.refresh();
    return this.ips;
  }

  /** GetMachine again (py-smartdc `refresh(credentials)`); a deleted machine throws its 410. */
  async refresh(options: { credentials?: boolean } = {}): Promise<this> {
    checkOptions('Machine.refresh()', options, CREDENTIALS_OPTION);
    this.data = await this.dc.getMachine(this.id, options);
    return this;
  }

  /** py-smartdc `status()`: refresh and return the state. */
  async status(): Promise<MachineState> {
    return (await this.refresh()).state;
  }

  /** py-smartdc `credentials()`: `{user: password}` (fetched with `credentials=true` unless known). */
  async credentials(): Promise<StringMap> {
    const known = this.data.metadata?.credentials;
    if (known && typeof known === 'object') return known as StringMap;
    await this.refresh({ credentials: true });
    const fetched = this.data.metadata?.credentials;
    return fetched && typeof fetched === 'object' ? (fetched as StringMap) : {};
  }

  /** StartMachine (202; the state changes asynchronously). */
  start(): Promise<void> {
    return this.dc.startMachine(this.id);
  }
  /** StopMachine. */
  stop(): Promise<void> {
    return this.dc.stopMachine(this.id);
  }
  /** RebootMachine. */
  reboot(): Promise<void> {
    return this.dc.rebootMachine(this.id);
  }
  /** ResizeMachine to a package (name, id or object). */
  resize(pkg: string | { id?: string; name?: string }): Promise<void> {
    return this.dc.resizeMachine(this.id, pkg);
  }
  /** RenameMachine. */
  rename(name: string): Promise<void> {
    return this.dc.renameMachine(this.id, name);
  }
  /** EnableMachineFirewall. */
  enableFirewall(): Promise<void> {
    return this.dc.enableMachineFirewall(this.id);
  }
  /** DisableMachineFirewall. */
  disableFirewall(): Promise<void> {
    return this.dc.disableMachineFirewall(this.id);
  }
  /** EnableMachineDeletionProtection (8.6+). */
  enableDeletionProtection(): Promise<void> {
    return this.dc.enableMachineDeletionProtection(this.id);
  }
  /** DisableMachineDeletionProtection (8.6+). */
  disableDeletionProtection(): Promise<void> {
    return this.dc.disableMachineDeletionProtection(this.id);
  }
  /** DeleteMachine. */
  delete(): Promise<void> {
    return this.dc.deleteMachine(this.id);
  }
  /** MachineAudit: actions taken on this machine. */
  audit(): Promise<AuditEntry[]> {
    return this.dc.machineAudit(this.id);
  }

  /**
   * Polls until the machine is in `state` (one of several, or a predicate). 410 Gone counts as
   * `deleted`. Throws TimeoutError after `timeout` (default 5 minutes) unless `silent`.
   */
  async waitFor(state: MachineState | readonly MachineState[] | ((m: MachineData) => boolean), options: MachineWaitOptions = {}): Promise<this> {
    checkOptions('Machine.waitFor()', options, MACHINE_WAIT_OPTIONS);
    const done = typeof state === 'function' ? state : (m: MachineData) => (Array.isArray(state) ? state : [state]).includes(m.state);
    const what = typeof state === 'function' ? `machine ${this.id}` : `machine ${this.id} to be ${Array.isArray(state) ? state.join(' or ') : String(state)}`;
    await waitFor((_attempt, ctx) => pollMachine(this, ctx), done, { interval: 2000, ...options, what });
    return this;
  }

  /** Waits for the `reboot` job in MachineAudit (a reboot leaves no state to poll); see `DataCenter.waitForReboot`. */
  async waitForReboot(options: AuditWaitOptions = {}): Promise<AuditEntry> {
    checkOptions('Machine.waitForReboot()', options, AUDIT_WAIT_OPTIONS);
    return this.dc.waitForReboot(this.id, options);
  }
  /** Waits for a job of `action` in MachineAudit (`rename`, `set_metadata`, `delete_snapshot`, …). */
  async waitForAudit(action: string, options: AuditWaitOptions = {}): Promise<AuditEntry> {
    checkOptions('Machine.waitForAudit()', options, AUDIT_WAIT_OPTIONS);
    return this.dc.waitForMachineAudit(this.id, action, options);
  }
  /** Waits until the machine carries `name`. */
  async waitForRename(name: string, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    checkOptions('Machine.waitForRename()', options, TRITON_WAIT_OPTIONS);
    return track(this, this.dc.waitForRename(this.id, name, options));
  }
  /** Waits until the machine runs with package `pkg` (name or id). */
  async waitForResize(pkg: string, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    checkOptions('Machine.waitForResize()', options, TRITON_WAIT_OPTIONS);
    return track(this, this.dc.waitForResize(this.id, pkg, options));
  }
  /** Waits until the firewall is enabled (or disabled). */
  async waitForFirewall(enabled: boolean, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    checkOptions('Machine.waitForFirewall()', options, TRITON_WAIT_OPTIONS);
    return track(this, this.dc.waitForFirewall(this.id, enabled, options));
  }
  /** Waits until deletion protection is on (or off). */
  async waitForDeletionProtection(enabled: boolean, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    checkOptions('Machine.waitForDeletionProtection()', options, TRITON_WAIT_OPTIONS);
    return track(this, this.dc.waitForDeletionProtection(this.id, enabled, options));
  }
  /** Waits until the metadata holds `expected` (`null` for a removed key, or a predicate). */
  async waitForMetadata(expected: ExpectedValues<string>, options: TritonWaitOptions<StringMap> = {}): Promise<StringMap> {
    checkOptions('Machine.waitForMetadata()', options, TRITON_WAIT_OPTIONS);
    return this.dc.waitForMetadata(this.id, expected, options);
  }
  /** Waits until the tags hold `expected` (`null` for a removed tag, or a predicate). */
  async waitForTags(expected: ExpectedValues<string | number | boolean>, options: TritonWaitOptions<Tags> = {}): Promise<Tags> {
    checkOptions('Machine.waitForTags()', options, TRITON_WAIT_OPTIONS);
    return this.dc.waitForTags(this.id, expected, options);
  }
  /** Waits until a snapshot is `created` or `deleted`. */
  async waitForSnapshot(name: string, state: 'created' | 'deleted' = 'created', options: TritonWaitOptions<SnapshotData | undefined> = {}): Promise<SnapshotData | undefined> {
    checkOptions('Machine.waitForSnapshot()', options, TRITON_WAIT_OPTIONS);
    return this.dc.waitForSnapshot(this.id, name, state, options);
  }
  /** Waits until a disk's job is done (`{ size, state }`), or it is `deleted`. */
  async waitForDisk(disk: string, target: DiskTarget = {}, options: TritonWaitOptions<Disk | undefined> = {}): Promise<Disk | undefined> {
    checkOptions('Machine.waitForDisk()', options, TRITON_WAIT_OPTIONS);
    return this.dc.waitForDisk(this.id, disk, target, options);
  }
  /** Waits until no migration phase is running. */
  async waitForMigration(options: TritonWaitOptions<Migration> = {}): Promise<Migration> {
    checkOptions('Machine.waitForMigration()', options, TRITON_WAIT_OPTIONS);
    return this.dc.waitForMigration(this.id, options);
  }

  /** py-smartdc `poll_until(state, interval=2)`: polls every `interval` seconds with no time limit. */
  pollUntil(state: MachineState, interval = 2): Promise<this> {
    return this.waitFor(state, { interval: interval * 1000, timeout: Infinity });
  }

  /** py-smartdc `poll_while(state, interval=2)`: polls while the machine is in `state`. */
  pollWhile(state: MachineState, interval = 2): Promise<this> {
    return this.waitFor((m) => m.state !== state, { interval: interval * 1000, timeout: Infinity });
  }

  // ---- metadata --------------------------------------------------------------------------

  /** py-smartdc `get_metadata()`: ListMachineMetadata. */
  async getMetadata(): Promise<Record<string, string>> {
    return plainMetadata(await this.dc.listMachineMetadata(this.id));
  }
  /** GetMachineMetadata: one value. */
  getMetadataValue(key: string): Promise<string> {
    return this.dc.getMachineMetadata(this.id, key);
  }
  /** py-smartdc `update_metadata(**kw)`: adds or replaces keys; returns all metadata. */
  updateMetadata(values: Record<string, string>): Promise<Record<string, string>> {
    return this.dc.updateMachineMetadata(this.id, values);
  }
  /** py-smartdc `delete_metadata_at_key(key)`: DeleteMachineMetadata, then the remaining metadata. */
  async deleteMetadataAtKey(key: string): Promise<Record<string, string>> {
    await this.dc.deleteMachineMetadata(this.id, key);
    return this.getMetadata();
  }
  /** py-smartdc `delete_all_metadata()`: all keys but `credentials`; then the remaining metadata. */
  async deleteAllMetadata(): Promise<Record<string, string>> {
    await this.dc.deleteAllMachineMetadata(this.id);
    return this.getMetadata();
  }
  /** py-smartdc `set_boot_script(filename)`: takes the script text (read files with `opskit/node`). */
  setBootScript(script: string): Promise<Record<string, string>> {
    return this.updateMetadata({ 'user-script': script });
  }
  /** py-smartdc `delete_boot_script()`. */
  async deleteBootScript(): Promise<void> {
    await this.dc.deleteMachineMetadata(this.id, 'user-script');
  }

  // ---- tags --------------------------------------------------------------------------------

  /** py-smartdc `get_tags()`: ListMachineTags. */
  getTags(): Promise<Tags> {
    return this.dc.listMachineTags(this.id);
  }
  /** py-smartdc `add_tags(**kw)`: AddMachineTags (asynchronous on the server). */
  addTags(tags: Tags): Promise<Tags> {
    return this.dc.addMachineTags(this.id, tags);
  }
  /** ReplaceMachineTags. */
  replaceTags(tags: Tags): Promise<Tags> {
    return this.dc.replaceMachineTags(this.id, tags);
  }
  /** py-smartdc `get_tag(tag)`: the value as text (sent with `Accept: text/plain`, which py-smartdc forgot). */
  getTag(tag: string): Promise<string> {
    return this.dc.getMachineTag(this.id, tag);
  }
  /** py-smartdc `delete_tag(tag)`. */
  deleteTag(tag: string): Promise<void> {
    return this.dc.deleteMachineTag(this.id, tag);
  }
  /** py-smartdc `delete_all_tags()`. */
  deleteAllTags(): Promise<void> {
    return this.dc.deleteMachineTags(this.id);
  }

  // ---- snapshots -----------------------------------------------------------------------------

  /** py-smartdc `raw_snapshot_data(name)`. */
  rawSnapshotData(name: string): ReturnType<DataCenter['getMachineSnapshot']> {
    return this.dc.getMachineSnapshot(this.id, name);
  }
  /** py-smartdc `snapshot(name)`. */
  async snapshot(name: string): Promise<Snapshot> {
    return new Snapshot(this, await this.rawSnapshotData(name));
  }
  /** py-smartdc `snapshots()`. */
  async snapshots(): Promise<Snapshot[]> {
    return (await this.dc.listMachineSnapshots(this.id)).map((s) => new Snapshot(this, s));
  }
  /** py-smartdc `create_snapshot(name)`: starts `queued`; poll until `created`. */
  async createSnapshot(name?: string): Promise<Snapshot> {
    return new Snapshot(this, await this.dc.createMachineSnapshot(this.id, name));
  }
  /** py-smartdc `start_from_snapshot(name)`. */
  startFromSnapshot(name: string): Promise<void> {
    return this.dc.startMachineFromSnapshot(this.id, name);
  }

  // ---- firewall, NICs, disks, migrations, VNC ------------------------------------------------

  /** ListMachineFirewallRules. */
  firewallRules(): Promise<FirewallRule[]> {
    return this.dc.listMachineFirewallRules(this.id);
  }
  /** ListNics. */
  nics(): Promise<Nic[]> {
    return this.dc.listNics(this.id);
  }
  /** GetNic (MAC with or without colons). */
  nic(mac: string): Promise<Nic> {
    return this.dc.getNic(this.id, mac);
  }
  /** AddNic on a network (the machine reboots). */
  async addNic(network: string | { ipv4_uuid: string; ipv4_ips?: string[] }, options: { primary?: boolean } = {}): Promise<Nic> {
    checkOptions('Machine.addNic()', options, PRIMARY_OPTION);
    return this.dc.addNic(this.id, network, options);
  }
  /** RemoveNic. */
  removeNic(mac: string): Promise<void> {
    return this.dc.removeNic(this.id, mac);
  }
  /** ListMachineDisks (bhyve). */
  disks(): Promise<Disk[]> {
    return this.dc.listMachineDisks(this.id);
  }
  /** GetMachineDisk. */
  getDisk(disk: string): Promise<Disk> {
    return this.dc.getMachineDisk(this.id, disk);
  }
  /** CreateMachineDisk: MiB or `remaining`. */
  async createDisk(size: number | 'remaining', options: { pciSlot?: string } = {}): Promise<Disk> {
    checkOptions('Machine.createDisk()', options, PCI_SLOT_OPTION);
    return this.dc.createMachineDisk(this.id, size, options);
  }
  /** ResizeMachineDisk. */
  async resizeDisk(disk: string, size: number, options: { dangerousAllowShrink?: boolean } = {}): Promise<Disk> {
    checkOptions('Machine.resizeDisk()', options, SHRINK_OPTION);
    return this.dc.resizeMachineDisk(this.id, disk, size, options);
  }
  /** DeleteMachineDisk. */
  deleteDisk(disk: string): Promise<void> {
    return this.dc.deleteMachineDisk(this.id, disk);
  }
  /** Migrate: begin, sync, switch, automatic, pause, abort or finalize. */
  async migrate(action: Parameters<DataCenter['migrate']>[1], options: { affinity?: string[] } = {}): Promise<Migration> {
    checkOptions('Machine.migrate()', options, AFFINITY_OPTION);
    return this.dc.migrate(this.id, action, options);
  }
  /** MigrateMachineEstimate. */
  migrationEstimate(): Promise<MigrationEstimate> {
    return this.dc.migrateMachineEstimate(this.id);
  }
  /** GetMigration. */
  migration(): Promise<Migration> {
    return this.dc.getMigration(this.id);
  }
  /** A pre-signed `wss://` URL for this machine's VNC console (ConnectMachineVNC). */
  async vncUrl(options: { expires?: number } = {}): Promise<string> {
    checkOptions('Machine.vncUrl()', options, EXPIRES_OPTION);
    return this.dc.vncUrl(this.id, options);
  }

  /** Same machine (py-smartdc compares ids, with another Machine or a dict). */
  equals(other: Machine | { id: string }): boolean {
    return this.id === other.id;
  }

  toJSON(): MachineData {
    return this.data;
  }
}
