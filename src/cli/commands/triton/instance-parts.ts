import { waitFor } from '../../../core/wait-for.js';
import type { DataCenter, Disk, MachineData, Migration, Nic, StringMap, Tags } from '../../../triton/index.js';

/** A snapshot as the server sends it (the `Snapshot` export is py-smartdc's class). */
type Snapshot = Awaited<ReturnType<DataCenter['getMachineSnapshot']>>;
import { UsageError } from '../../usage-error.js';
import { pairs, str, typedPairs } from './args.js';
import type { Session } from './session.js';
import { flag, one, value, WAIT, YES, type Branch, type Leaf } from './tree.js';

const short = (id: string) => id.slice(0, 8);

async function target(s: Session, ref: string): Promise<MachineData> {
  return (await s.resolve()).instance(ref);
}

/** A `SUBCOMMAND INST` leaf that lists something of the instance. */
function lister<T>(summary: string, fetch: (s: Session, id: string) => Promise<T[]>, columns: [string, (x: T) => unknown][]): Leaf {
  return {
    summary,
    usage: 'INST',
    args: one,
    async run({ s, args }) {
      const m = await target(s, args[0]!);
      s.printList(await fetch(s, m.id), columns);
    },
  };
}

// ---- tags ------------------------------------------------------------------------------------

async function tagsChanged(s: Session, m: MachineData, expected: Parameters<NonNullable<Awaited<ReturnType<Session['dc']>>['waitForTags']>>[1]): Promise<Tags> {
  return (await s.dc()).waitForTags(m.id, expected, s.waitOptions<Tags>((p) => `waiting for the tags of ${m.name}: ${JSON.stringify(p.value ?? {})}`));
}

export const tagBranch: Branch = {
  summary: 'tags of an instance: list, get, set, replace-all, delete (changes apply asynchronously; -w waits)',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: 'all tags of an instance',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.dc()).listMachineTags((await target(s, args[0]!)).id));
      },
    },
    get: {
      summary: 'one tag value',
      usage: 'INST NAME',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const v = await (await s.dc()).getMachineTag((await target(s, args[0]!)).id, args[1]!);
        s.io.stdout(`${s.format.kind === 'json' ? JSON.stringify(v) : v}\n`);
      },
    },
    set: {
      summary: 'add or change tags (NAME=VALUE; true/false and numbers are typed)',
      usage: 'INST NAME=VALUE [NAME=VALUE …]',
      options: WAIT,
      args: { min: 2, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const tags = typedPairs(args.slice(1));
        const out = await (await s.writer()).addMachineTags(m.id, tags);
        if (s.dry(out)) return;
        s.print(opts.wait === true ? await tagsChanged(s, m, tags) : out);
      },
    },
    'replace-all': {
      summary: 'replace all tags of an instance with these',
      usage: 'INST NAME=VALUE [NAME=VALUE …]',
      options: WAIT,
      args: { min: 2, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const tags = typedPairs(args.slice(1));
        const out = await (await s.writer()).replaceMachineTags(m.id, tags);
        if (s.dry(out)) return;
        const same = (t: Tags) => JSON.stringify(Object.entries(t).sort()) === JSON.stringify(Object.entries(tags).sort());
        s.print(opts.wait === true ? await tagsChanged(s, m, same) : out);
      },
    },
    delete: {
      summary: 'delete tags (or all of them with -a)',
      usage: 'INST [NAME …]',
      options: [flag('all', 'delete every tag (Joyent\'s -a)', 'a'), ...WAIT],
      args: { min: 1, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const names = args.slice(1);
        if (opts.all === true ? names.length > 0 : names.length === 0) throw new UsageError('give tag names, or -a for all tags (not both)');
        const w = await s.writer();
        for (const n of opts.all === true ? [undefined] : names) {
          if (s.dry(await (n === undefined ? w.deleteMachineTags(m.id) : w.deleteMachineTag(m.id, n)))) continue;
        }
        if (s.dryRun) return;
        s.print(opts.wait === true ? await tagsChanged(s, m, opts.all === true ? (t) => Object.keys(t).length === 0 : Object.fromEntries(names.map((n) => [n, null]))) : { id: m.id, deleted: opts.all === true ? 'all' : names });
      },
    },
  },
};

// ---- metadata --------------------------------------------------------------------------------

async function metadataChanged(s: Session, m: MachineData, expected: Parameters<NonNullable<Awaited<ReturnType<Session['dc']>>['waitForMetadata']>>[1]): Promise<StringMap> {
  return (await s.dc()).waitForMetadata(m.id, expected, s.waitOptions<StringMap>((p) => `waiting for the metadata of ${m.name}: ${Object.keys(p.value ?? {}).join(', ') || '(none)'}`));
}

export const metadataBranch: Branch = {
  summary: 'metadata of an instance: list, get, set, delete (changes apply asynchronously; -w waits)',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: 'all metadata of an instance',
      usage: 'INST',
      options: [flag('credentials', 'include the generated passwords')],
      args: one,
      async run({ s, opts, args }) {
        s.print(await (await s.dc()).listMachineMetadata((await target(s, args[0]!)).id, opts.credentials === true ? { credentials: true } : {}));
      },
    },
    get: {
      summary: 'one metadata value',
      usage: 'INST KEY',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const v = await (await s.dc()).getMachineMetadata((await target(s, args[0]!)).id, args[1]!);
        s.io.stdout(`${s.format.kind === 'json' ? JSON.stringify(v) : v}\n`);
      },
    },
    set: {
      summary: 'add or change metadata (KEY=VALUE)',
      usage: 'INST KEY=VALUE [KEY=VALUE …]',
      options: WAIT,
      args: { min: 2, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const values = pairs(args.slice(1));
        const out = await (await s.writer()).updateMachineMetadata(m.id, values);
        if (s.dry(out)) return;
        s.print(opts.wait === true ? await metadataChanged(s, m, values) : out);
      },
    },
    delete: {
      summary: 'delete metadata keys (or all of them with -a; credentials stay)',
      usage: 'INST [KEY …]',
      options: [flag('all', 'delete every key (Joyent\'s -a)', 'a'), ...WAIT, ...YES],
      args: { min: 1, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const keys = args.slice(1);
        if (opts.all === true ? keys.length > 0 : keys.length === 0) throw new UsageError('give metadata keys, or -a for all of them (not both)');
        const w = await s.writer();
        for (const k of opts.all === true ? [undefined] : keys) {
          if (s.dry(await (k === undefined ? w.deleteAllMachineMetadata(m.id) : w.deleteMachineMetadata(m.id, k)))) continue;
        }
        if (s.dryRun) return;
        s.print(opts.wait === true ? await metadataChanged(s, m, opts.all === true ? (md) => Object.keys(md).length === 0 : Object.fromEntries(keys.map((k) => [k, null]))) : { id: m.id, deleted: opts.all === true ? 'all' : keys });
      },
    },
  },
};

// ---- snapshots -------------------------------------------------------------------------------

export const snapshotBranch: Branch = {
  summary: 'snapshots of an instance: list, get, create, delete, boot (roll back)',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: lister<Snapshot>('snapshots of an instance', async (s, id) => (await s.dc()).listMachineSnapshots(id), [['NAME', (x) => x.name], ['STATE', (x) => x.state], ['CREATED', (x) => x.created]]),
    get: {
      summary: 'one snapshot',
      usage: 'INST NAME',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        s.print(await (await s.dc()).getMachineSnapshot((await target(s, args[0]!)).id, args[1]!));
      },
    },
    create: {
      summary: 'create a snapshot; -w waits until it is created',
      usage: 'INST',
      options: [value('name', 'NAME', 'snapshot name (default: generated by the server)', 'n'), ...WAIT],
      args: one,
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const snap = await (await s.writer()).createMachineSnapshot(m.id, str(opts.name));
        if (s.dry(snap)) return;
        s.print(opts.wait === true ? await (await s.dc()).waitForSnapshot(m.id, snap.name, 'created', s.waitOptions<Snapshot | undefined>((p) => `waiting for snapshot ${snap.name}: ${p.value?.state ?? '?'}`)) : snap);
      },
    },
    delete: {
      summary: 'delete snapshots; -w waits until they are gone',
      usage: 'INST NAME [NAME …]',
      options: [...WAIT, ...YES],
      args: { min: 2, max: Infinity },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        for (const name of args.slice(1)) {
          if (s.dry(await (await s.writer()).deleteMachineSnapshot(m.id, name))) continue;
          if (opts.wait === true) await (await s.dc()).waitForSnapshot(m.id, name, 'deleted', s.waitOptions<Snapshot | undefined>((p) => `waiting for snapshot ${name} to be deleted: ${p.value?.state ?? 'gone'}`));
          s.print({ id: m.id, snapshot: name, action: 'delete', ...(opts.wait === true ? { state: 'deleted' } : {}) });
        }
      },
    },
    boot: {
      summary: 'roll an instance back to a snapshot and boot it (StartMachineFromSnapshot); -w waits until it runs',
      usage: 'INST NAME',
      options: WAIT,
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        if (s.dry(await (await s.writer()).startMachineFromSnapshot(m.id, args[1]!))) return;
        const after = opts.wait === true ? await (await s.dc()).waitForMachineState(m.id, 'running', s.waitOptions<MachineData>((p) => `waiting for ${m.name} to run from ${args[1]}: ${p.value?.state ?? '?'}`)) : undefined;
        s.print({ id: m.id, snapshot: args[1], action: 'boot', ...(after ? { state: after.state } : {}) });
      },
    },
  },
};

// ---- NICs ------------------------------------------------------------------------------------

export const nicBranch: Branch = {
  summary: 'NICs of an instance: list, get, create, delete (adding or removing one reboots it)',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: lister<Nic>('NICs of an instance', async (s, id) => (await s.dc()).listNics(id), [['MAC', (n) => n.mac], ['IP', (n) => n.ip], ['NETWORK', (n) => (n.network ? short(n.network) : '-')], ['PRIMARY', (n) => n.primary], ['STATE', (n) => n.state]]),
    get: {
      summary: 'one NIC by MAC address (with or without colons)',
      usage: 'INST MAC',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        s.print(await (await s.dc()).getNic((await target(s, args[0]!)).id, args[1]!));
      },
    },
    create: {
      summary: 'add a NIC on a network; -w waits until it is running',
      usage: 'INST NETWORK',
      options: [flag('primary', 'make it the primary NIC', 'p'), ...WAIT],
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const r = await s.resolve();
        const [m, net] = await Promise.all([r.instance(args[0]!), r.networkId(args[1]!)]);
        const nic = await (await s.writer()).addNic(m.id, net, opts.primary === true ? { primary: true } : {});
        if (s.dry(nic)) return;
        if (opts.wait !== true) return s.print(nic);
        const dc = await s.dc();
        s.print(await waitFor((_a, ctx) => dc.api.GET('/{login}/machines/{machine}/nics/{mac}', { params: { path: dc.p({ machine: m.id, mac: nic.mac.replace(/:/g, '') }) }, opskit: { signal: ctx.signal } }), (n) => n.state === 'running', {
          ...s.waitOptions<Nic>((p) => `waiting for NIC ${nic.mac}: ${p.value?.state ?? '?'}`),
          what: `NIC ${nic.mac} of ${m.name} to be running`,
        }));
      },
    },
    delete: {
      summary: 'remove a NIC by MAC address',
      usage: 'INST MAC',
      options: YES,
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const m = await target(s, args[0]!);
        if (s.dry(await (await s.writer()).removeNic(m.id, args[1]!))) return;
        s.print({ id: m.id, nic: args[1], action: 'delete' });
      },
    },
  },
};

// ---- disks -----------------------------------------------------------------------------------

const waitDisk = async (s: Session, m: MachineData, disk: string, target_: Parameters<Awaited<ReturnType<Session['dc']>>['waitForDisk']>[2]) =>
  (await s.dc()).waitForDisk(m.id, disk, target_, s.waitOptions<Disk | undefined>((p) => `waiting for disk ${short(disk)} of ${m.name}: ${p.value ? `${p.value.state}, ${p.value.size} MiB` : 'gone'}`));

export const diskBranch: Branch = {
  summary: 'disks of a bhyve instance: list, get, add, resize, delete (the instance must be stopped)',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: lister<Disk>('disks of an instance', async (s, id) => (await s.dc()).listMachineDisks(id), [['SHORTID', (d) => short(String(d.id))], ['SIZE', (d) => d.size], ['BOOT', (d) => d.boot], ['STATE', (d) => d.state], ['PCI', (d) => d.pci_slot]]),
    get: {
      summary: 'one disk',
      usage: 'INST DISK',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        s.print(await (await s.dc()).getMachineDisk((await target(s, args[0]!)).id, args[1]!));
      },
    },
    add: {
      summary: 'add a disk of SIZE MiB (or "remaining"); -w waits until it is created',
      usage: 'INST SIZE',
      options: [value('pci-slot', 'SLOT', 'PCI slot such as 0:4:5'), ...WAIT],
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const size = args[1] === 'remaining' ? 'remaining' : Number(args[1]);
        if (size !== 'remaining' && !(Number.isInteger(size) && size > 0)) throw new UsageError('SIZE must be a whole number of MiB, or remaining');
        const disk = await (await s.writer()).createMachineDisk(m.id, size, str(opts['pci-slot']) ? { pciSlot: str(opts['pci-slot'])! } : {});
        if (s.dry(disk)) return;
        s.print(opts.wait === true ? await waitDisk(s, m, String(disk.id), size === 'remaining' ? {} : { size }) : disk);
      },
    },
    resize: {
      summary: 'resize a disk to SIZE MiB; -w waits until it has that size',
      usage: 'INST DISK SIZE',
      options: [flag('dangerous-allow-shrink', 'allow a smaller size (data past it is lost)'), ...WAIT],
      args: { min: 3, max: 3 },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        const size = Number(args[2]);
        if (!(Number.isInteger(size) && size > 0)) throw new UsageError('SIZE must be a whole number of MiB');
        const disk = await (await s.writer()).resizeMachineDisk(m.id, args[1]!, size, opts['dangerous-allow-shrink'] === true ? { dangerousAllowShrink: true } : {});
        if (s.dry(disk)) return;
        s.print(opts.wait === true ? await waitDisk(s, m, args[1]!, { size }) : disk);
      },
    },
    delete: {
      summary: 'delete a disk; -w waits until it is gone',
      usage: 'INST DISK',
      options: [...WAIT, ...YES],
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const m = await target(s, args[0]!);
        if (s.dry(await (await s.writer()).deleteMachineDisk(m.id, args[1]!))) return;
        if (opts.wait === true) await waitDisk(s, m, args[1]!, 'deleted');
        s.print({ id: m.id, disk: args[1], action: 'delete', ...(opts.wait === true ? { state: 'deleted' } : {}) });
      },
    },
  },
};

// ---- migrations ------------------------------------------------------------------------------

function migrate(action: 'begin' | 'sync' | 'switch' | 'automatic' | 'pause' | 'abort' | 'finalize', summary: string, wait: boolean): Leaf {
  return {
    summary,
    usage: 'INST',
    options: [...(action === 'begin' || action === 'automatic' ? [value('affinity', 'RULE', 'affinity rule for the target server (Joyent\'s -a)', 'a')] : []), ...(wait ? WAIT : [])],
    args: one,
    async run({ s, opts, args }) {
      const m = await target(s, args[0]!);
      const affinity = str(opts.affinity);
      const out = await (await s.writer()).migrate(m.id, action, affinity ? { affinity: [affinity] } : {});
      if (s.dry(out)) return;
      s.print(wait && opts.wait === true ? await (await s.dc()).waitForMigration(m.id, s.waitOptions<Migration>((p) => `waiting for the ${p.value?.phase ?? action} phase of ${m.name}: ${p.value?.state ?? '?'}`)) : out ?? { id: m.id, action });
    },
  };
}

export const migrationBranch: Branch = {
  summary: 'migrations of an instance to another server: begin, sync, switch, automatic, pause, abort, finalize, watch',
  aliases: { ls: 'list' },
  children: {
    list: {
      summary: 'migrations of the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listMigrations(), [['MACHINE', (x) => short(x.machine)], ['PHASE', (x) => x.phase], ['STATE', (x) => x.state], ['AUTOMATIC', (x) => x.automatic], ['CREATED', (x) => x.created_timestamp]]);
      },
    },
    get: {
      summary: 'the migration of an instance',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.dc()).getMigration((await target(s, args[0]!)).id));
      },
    },
    estimate: {
      summary: 'how long a migration of the instance would take (MigrateMachineEstimate)',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.dc()).migrateMachineEstimate((await target(s, args[0]!)).id));
      },
    },
    begin: migrate('begin', 'begin a migration (reserve the target, copy the first time); -w waits for the phase', true),
    sync: migrate('sync', 'copy what changed since the last sync; -w waits for the phase', true),
    switch: migrate('switch', 'stop, copy the rest and run the instance on the target; -w waits for the phase', true),
    automatic: migrate('automatic', 'begin, sync and switch in one go; -w waits until it is done', true),
    pause: migrate('pause', 'pause a running migration phase', false),
    abort: migrate('abort', 'abort a migration', false),
    finalize: migrate('finalize', 'remove the source of a successful migration', false),
    watch: {
      summary: 'the progress events of the running phase, to its end',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        const events = await (await s.dc()).watchMigration((await target(s, args[0]!)).id);
        s.printList(events, [['TYPE', (e) => e.type], ['PHASE', (e) => e.phase], ['STATE', (e) => e.state], ['PROGRESS', (e) => (e.current_progress === undefined ? '-' : `${e.current_progress}/${e.total_progress}`)], ['MESSAGE', (e) => e.message]]);
      },
    },
  },
};
