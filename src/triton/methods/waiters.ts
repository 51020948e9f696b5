import { ConfigError } from '../../core/errors/config-error.js';
import { HttpError } from '../../core/errors/http-error.js';
import { checkOptions } from '../../core/options.js';
import { waitFor, type PollContext, type WaitOptions } from '../../core/wait-for.js';
import type { TritonContext } from '../context.js';
import { TritonJobError } from '../job-failed-error.js';
import { AUDIT_WAIT_OPTIONS, TRITON_WAIT_OPTIONS } from '../option-names.js';
import type { AuditEntry, Disk, Image, MachineData, MachineState, Migration, Snapshot, StringMap, Tags, Volume } from '../types.js';

/**
 * Options of every Triton waiter: the core `waitFor` options (`interval`, `timeout`, `signal`,
 * `onProgress`, `silent`, `transient`, `now`, `sleep`). Defaults: every 2 s for up to 5 minutes.
 */
export type TritonWaitOptions<T> = Omit<WaitOptions<T>, 'what'>;

/** Options of {@link waiterMethods.waitForMachineAudit}: a wait plus the time the change was sent. */
export interface AuditWaitOptions extends TritonWaitOptions<AuditEntry | undefined> {
  /**
   * Only jobs finished after this (server time) count. Default: when the server answered this
   * DataCenter's latest change to the machine (its `Date` header).
   */
  since?: Date | number;
}

/** What a disk waiter waits for: a size and/or a state, or `deleted` (404). */
export type DiskTarget = { size?: number; state?: string } | 'deleted';

/** Metadata or tag values to wait for; `null` waits for a key to be gone. */
export type ExpectedValues<V> = Record<string, V | null> | ((values: Record<string, V>) => boolean);

/**
 * Request options that fit a poll into its wait: the wait's signal (so a poll in flight is
 * cancelled when the wait ends) and a total timeout no longer than what is left.
 * @internal
 */
export function pollCall(ctx: PollContext): { signal: AbortSignal; timeout?: { total: number } } {
  return Number.isFinite(ctx.remainingMs) ? { signal: ctx.signal, timeout: { total: Math.max(1, Math.floor(ctx.remainingMs)) } } : { signal: ctx.signal };
}

const is404 = (e: unknown) => e instanceof HttpError && e.status === 404;
const is410 = (e: unknown) => e instanceof HttpError && e.status === 410;

/** Runs a Triton wait: interval 2 s by default, option names checked, `what` for messages. */
function wait<T>(where: string, options: TritonWaitOptions<T>, what: string, poll: (ctx: PollContext) => Promise<T>, done: (v: T) => boolean): Promise<T> {
  checkOptions(where, options, TRITON_WAIT_OPTIONS);
  return waitFor((_attempt, ctx) => poll(ctx), done, { interval: 2000, ...options, what });
}

/** GetMachine within a wait; a 410 Gone is the deleted machine it describes. */
export async function pollMachineData(dc: TritonContext, machine: string, ctx: PollContext): Promise<MachineData> {
  try {
    return await dc.api.GET('/{login}/machines/{machine}', { params: { path: dc.p({ machine }) }, opskit: pollCall(ctx) });
  } catch (e) {
    if (!is410(e)) throw e;
    const body = (e as HttpError).body;
    return { ...(body && typeof body === 'object' ? (body as MachineData) : ({ id: machine } as MachineData)), state: 'deleted' };
  }
}

const matches = <V>(values: Record<string, V>, expected: ExpectedValues<V>): boolean =>
  typeof expected === 'function'
    ? expected(values)
    : Object.entries(expected).every(([k, v]) => (v === null ? !(k in values) : k in values && String(values[k]) === String(v)));

function checkExpected(where: string, expected: unknown): void {
  if (typeof expected === 'function') return;
  if (!expected || typeof expected !== 'object' || Array.isArray(expected)) throw new ConfigError(`${where}: expected must be an object of values (null for a removed key) or a predicate`);
}

/** Resolves with the first audit entry of `action` finished after `since`; a failed one throws. */
function auditDone(machine: string, action: string, since: number) {
  let found: AuditEntry | undefined;
  const pick = (entries: AuditEntry[]) => {
    found = entries.find((a) => a.action === action && Date.parse(a.time) > since);
    if (found && found.success !== 'yes') throw new TritonJobError(machine, action, found);
    return found;
  };
  return { pick, result: () => found };
}

/**
 * Waiters for every asynchronous change CloudAPI makes (protocols §6.9). State that changes is
 * polled directly (GetMachine, ListMachineMetadata, GetMachineSnapshot, GetImage, …); a change
 * that leaves nothing to see (a reboot) is found in MachineAudit: the job of that action finished
 * after the change was sent. Every waiter takes `{ interval, timeout, signal, onProgress }`,
 * passes its signal and remaining time to each poll, and throws `TimeoutError` (or resolves
 * silently with `silent: true`); a job or resource that failed throws {@link TritonJobError}.
 */
export const waiterMethods = {
  /** Polls GetMachine until the machine is in `state` (one of several, or a predicate); 410 Gone counts as `deleted`. */
  async waitForMachineState(
    this: TritonContext,
    machine: string,
    state: MachineState | readonly MachineState[] | ((m: MachineData) => boolean),
    options: TritonWaitOptions<MachineData> = {},
  ): Promise<MachineData> {
    const done = typeof state === 'function' ? state : (m: MachineData) => (Array.isArray(state) ? state : [state]).includes(m.state);
    const what = typeof state === 'function' ? `machine ${machine}` : `machine ${machine} to be ${Array.isArray(state) ? state.join(' or ') : String(state)}`;
    return wait('DataCenter.waitForMachineState()', options, what, (ctx) => pollMachineData(this, machine, ctx), done);
  },

  /**
   * Polls MachineAudit until a job of `action` (`reboot`, `rename`, `set_metadata`,
   * `delete_snapshot`, …) finished after `since`, and resolves with its entry. A failed job
   * throws {@link TritonJobError}. Without `since`, the server's time of this DataCenter's latest
   * change to the machine is used; a ConfigError says so when there was none.
   */
  async waitForMachineAudit(this: TritonContext, machine: string, action: string, options: AuditWaitOptions = {}): Promise<AuditEntry> {
    checkOptions('DataCenter.waitForMachineAudit()', options, AUDIT_WAIT_OPTIONS);
    const { since: sinceOpt, ...rest } = options;
    const since = sinceOpt instanceof Date ? sinceOpt.getTime() : sinceOpt ?? this.changes.get(machine);
    if (since === undefined || !Number.isFinite(since)) {
      throw new ConfigError(`DataCenter.waitForMachineAudit(): no change to machine ${machine} was sent through this DataCenter; pass since (the time the change was sent)`);
    }
    const audit = auditDone(machine, action, since);
    await wait(
      'DataCenter.waitForMachineAudit()',
      rest,
      `the ${action} job of machine ${machine}`,
      async (ctx) => audit.pick(await this.api.GET('/{login}/machines/{machine}/audit', { params: { path: this.p({ machine }) }, opskit: pollCall(ctx) })),
      (found) => found !== undefined,
    );
    return audit.result() as AuditEntry;
  },

  /** Waits for the `reboot` job (a reboot changes no state: MachineAudit is the only witness). */
  async waitForReboot(this: TritonContext, machine: string, options: AuditWaitOptions = {}): Promise<AuditEntry> {
    checkOptions('DataCenter.waitForReboot()', options, AUDIT_WAIT_OPTIONS);
    return waiterMethods.waitForMachineAudit.call(this, machine, 'reboot', options);
  },

  /** Polls GetMachine until the machine carries `name` (RenameMachine is asynchronous). */
  async waitForRename(this: TritonContext, machine: string, name: string, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    return wait('DataCenter.waitForRename()', options, `machine ${machine} to be named ${name}`, (ctx) => pollMachineData(this, machine, ctx), (m) => m.name === name);
  },

  /** Polls GetMachine until the machine runs with package `pkg` (a name or id; ResizeMachine is asynchronous). */
  async waitForResize(this: TritonContext, machine: string, pkg: string, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    checkOptions('DataCenter.waitForResize()', options, TRITON_WAIT_OPTIONS);
    // GetMachine names the package; an id is looked up once.
    const name = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(pkg) ? (await this.api.GET('/{login}/packages/{package}', { params: { path: this.p({ package: pkg }) } })).name : pkg;
    return wait('DataCenter.waitForResize()', options, `machine ${machine} to run package ${name}`, (ctx) => pollMachineData(this, machine, ctx), (m) => m.package === name);
  },

  /** Polls GetMachine until the firewall is enabled (or disabled). */
  async waitForFirewall(this: TritonContext, machine: string, enabled: boolean, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    return wait('DataCenter.waitForFirewall()', options, `the firewall of machine ${machine} to be ${enabled ? 'on' : 'off'}`, (ctx) => pollMachineData(this, machine, ctx), (m) => (m.firewall_enabled === true) === enabled);
  },

  /** Polls GetMachine until deletion protection is on (or off). */
  async waitForDeletionProtection(this: TritonContext, machine: string, enabled: boolean, options: TritonWaitOptions<MachineData> = {}): Promise<MachineData> {
    return wait('DataCenter.waitForDeletionProtection()', options, `deletion protection of machine ${machine} to be ${enabled ? 'on' : 'off'}`, (ctx) => pollMachineData(this, machine, ctx), (m) => (m.deletion_protection === true) === enabled);
  },

  /**
   * Polls ListMachineMetadata until it holds `expected` (`{ key: value }`, `null` for a removed
   * key, or a predicate). Metadata writes are asynchronous on the server.
   */
  async waitForMetadata(this: TritonContext, machine: string, expected: ExpectedValues<string>, options: TritonWaitOptions<StringMap> = {}): Promise<StringMap> {
    checkExpected('DataCenter.waitForMetadata()', expected);
    return wait(
      'DataCenter.waitForMetadata()',
      options,
      `the metadata of machine ${machine}`,
      async (ctx) => (await this.api.GET('/{login}/machines/{machine}/metadata', { params: { path: this.p({ machine }), query: {} }, opskit: pollCall(ctx) })) as StringMap,
      (meta) => matches(meta, expected),
    );
  },

  /** Polls ListMachineTags until they hold `expected` (`{ tag: value }`, `null` for a removed tag, or a predicate). */
  async waitForTags(this: TritonContext, machine: string, expected: ExpectedValues<string | number | boolean>, options: TritonWaitOptions<Tags> = {}): Promise<Tags> {
    checkExpected('DataCenter.waitForTags()', expected);
    return wait(
      'DataCenter.waitForTags()',
      options,
      `the tags of machine ${machine}`,
      (ctx) => this.api.GET('/{login}/machines/{machine}/tags', { params: { path: this.p({ machine }) }, opskit: pollCall(ctx) }),
      (tags) => matches(tags as Record<string, string | number | boolean>, expected),
    );
  },

  /**
   * Polls GetMachineSnapshot until the snapshot is `created` (the default) or, for `deleted`,
   * gone (404). A snapshot in state `failed` throws {@link TritonJobError}.
   */
  async waitForSnapshot(this: TritonContext, machine: string, snapshot: string, state: 'created' | 'deleted' = 'created', options: TritonWaitOptions<Snapshot | undefined> = {}): Promise<Snapshot | undefined> {
    if (state !== 'created' && state !== 'deleted') throw new ConfigError(`DataCenter.waitForSnapshot(): state must be created or deleted, got ${JSON.stringify(state)}`);
    return wait(
      'DataCenter.waitForSnapshot()',
      options,
      `snapshot ${snapshot} of machine ${machine} to be ${state}`,
      async (ctx) => {
        try {
          const snap = await this.api.GET('/{login}/machines/{machine}/snapshots/{snapshot}', { params: { path: this.p({ machine, snapshot }) }, opskit: pollCall(ctx) });
          if (snap.state === 'failed') throw new TritonJobError(machine, 'snapshot', snap as unknown as Record<string, unknown>, `snapshot ${snapshot} of machine ${machine} failed`);
          return snap;
        } catch (e) {
          if (state === 'deleted' && is404(e)) return undefined;
          throw e;
        }
      },
      (snap) => (state === 'deleted' ? snap === undefined : snap?.state === 'created'),
    );
  },

  /** Polls GetImage until the image is `active` (or another state); `failed` throws, `deleted` waits for 404. */
  async waitForImage(this: TritonContext, image: string, state: string = 'active', options: TritonWaitOptions<Image | undefined> = {}): Promise<Image | undefined> {
    return wait(
      'DataCenter.waitForImage()',
      options,
      `image ${image} to be ${state}`,
      async (ctx) => {
        try {
          const img = await this.api.GET('/{login}/images/{image}', { params: { path: this.p({ image }) }, opskit: pollCall(ctx) });
          if (img.state === 'failed' && state !== 'failed') throw new TritonJobError(image, 'image', img as unknown as Record<string, unknown>, `image ${image} failed${img.error ? `: ${JSON.stringify(img.error)}` : ''}`);
          return img;
        } catch (e) {
          if (state === 'deleted' && is404(e)) return undefined;
          throw e;
        }
      },
      (img) => (state === 'deleted' ? img === undefined : img?.state === state),
    );
  },

  /** Polls GetVolume until the volume is `ready` (or another state); `failed` throws, `deleted` waits for 404. */
  async waitForVolume(this: TritonContext, volume: string, state: string = 'ready', options: TritonWaitOptions<Volume | undefined> = {}): Promise<Volume | undefined> {
    return wait(
      'DataCenter.waitForVolume()',
      options,
      `volume ${volume} to be ${state}`,
      async (ctx) => {
        try {
          const vol = await this.api.GET('/{login}/volumes/{volume}', { params: { path: this.p({ volume }) }, opskit: pollCall(ctx) });
          if (vol.state === 'failed' && state !== 'failed') throw new TritonJobError(volume, 'volume', vol as unknown as Record<string, unknown>, `volume ${volume} failed`);
          return vol;
        } catch (e) {
          if (state === 'deleted' && is404(e)) return undefined;
          throw e;
        }
      },
      (vol) => (state === 'deleted' ? vol === undefined : vol?.state === state),
    );
  },

  /**
   * Polls GetMachineDisk until no job is under way on the disk (not `creating`, `resizing` or
   * `deleting`) and it has the `size` and/or `state` asked for; `deleted` waits for 404.
   */
  async waitForDisk(this: TritonContext, machine: string, disk: string, target: DiskTarget = {}, options: TritonWaitOptions<Disk | undefined> = {}): Promise<Disk | undefined> {
    if (target !== 'deleted' && (typeof target !== 'object' || target === null)) throw new ConfigError('DataCenter.waitForDisk(): target must be { size?, state? } or "deleted"');
    if (target !== 'deleted') checkOptions('DataCenter.waitForDisk() target', target, ['size', 'state']);
    const busy = new Set(['creating', 'resizing', 'deleting']);
    return wait(
      'DataCenter.waitForDisk()',
      options,
      `disk ${disk} of machine ${machine}${target === 'deleted' ? ' to be deleted' : ''}`,
      async (ctx) => {
        try {
          const d = await this.api.GET('/{login}/machines/{machine}/disks/{disk}', { params: { path: this.p({ machine, disk }) }, opskit: pollCall(ctx) });
          if (d.state === 'failed') throw new TritonJobError(disk, 'disk', d as unknown as Record<string, unknown>, `disk ${disk} of machine ${machine} failed`);
          return d;
        } catch (e) {
          if (target === 'deleted' && is404(e)) return undefined;
          throw e;
        }
      },
      (d) => {
        if (target === 'deleted') return d === undefined;
        if (!d || busy.has(String(d.state))) return false;
        return (target.size === undefined || d.size === target.size) && (target.state === undefined || d.state === target.state);
      },
    );
  },

  /** Polls GetMigration until no phase is running (the state is `paused`, `successful`, `failed`, `aborted` or `finished`). */
  async waitForMigration(this: TritonContext, machine: string, options: TritonWaitOptions<Migration> = {}): Promise<Migration> {
    return wait(
      'DataCenter.waitForMigration()',
      options,
      `the migration of machine ${machine}`,
      (ctx) => this.api.GET('/{login}/migrations/{machine}', { params: { path: this.p({ machine }) }, opskit: pollCall(ctx) }),
      (mig) => mig.state !== 'running',
    );
  },
};
