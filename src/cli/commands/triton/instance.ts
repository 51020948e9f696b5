import type { CreateMachineOptions, MachineData, MachineState } from '../../../triton/index.js';
import { UsageError } from '../../usage-error.js';
import { pairs, str, strs, typedPairs } from './args.js';
import { diskBranch, metadataBranch, migrationBranch, nicBranch, snapshotBranch, tagBranch } from './instance-parts.js';
import { age } from './output.js';
import type { Session } from './session.js';
import { flag, list, one, some, value, WAIT, YES, type Branch, type Leaf, type RunContext } from './tree.js';

const STATES = ['provisioning', 'ready', 'running', 'stopping', 'stopped', 'offline', 'deleted', 'failed', 'unknown'] as const;
const short = (id: string) => id.slice(0, 8);
const label = (m: Pick<MachineData, 'id' | 'name'>) => `${m.name} (${short(m.id)})`;

/** Columns of `instance list -o table` (Joyent's defaults, FLAGS as Joyent spells them). */
export function instanceColumns(now: number, imageNames: Map<string, string>) {
  return [
    ['SHORTID', (m: MachineData) => short(m.id)],
    ['NAME', (m: MachineData) => m.name],
    ['IMG', (m: MachineData) => imageNames.get(m.image ?? '') ?? (m.image ? short(m.image) : '-')],
    ['STATE', (m: MachineData) => m.state],
    ['FLAGS', (m: MachineData) => `${m.brand === 'bhyve' || m.brand === 'kvm' ? 'K' : ''}${m.firewall_enabled ? 'F' : ''}${m.deletion_protection ? 'P' : ''}` || '-'],
    ['AGE', (m: MachineData) => age(m.created, now)],
  ] as [string, (m: MachineData) => unknown][];
}

/** Reads a file named on the command line as text; a missing file is a usage error naming it. */
export async function readText(s: Session, path: string, what: string): Promise<string> {
  try {
    return new TextDecoder().decode(await s.io.readFile(path));
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : 'unreadable'}`);
  }
}

/** Waits for a machine state with one progress line per poll. */
export async function waitState(s: Session, m: Pick<MachineData, 'id' | 'name'>, states: readonly MachineState[]): Promise<MachineData> {
  const dc = await s.dc();
  return dc.waitForMachineState(m.id, states, s.waitOptions<MachineData>((p) => `waiting for ${label(m)} to be ${states.join(' or ')}: ${p.value?.state ?? '?'}`));
}

/** Prints what an action did to an instance: the machine after the wait, or the action taken. */
function report(s: Session, m: Pick<MachineData, 'id' | 'name'>, action: string, after?: MachineData): void {
  s.print({ id: m.id, name: after?.name ?? m.name, action, ...(after ? { state: after.state } : {}) });
}

type Change = (ctx: RunContext, m: MachineData) => Promise<void>;

/** A Joyent-style action on one or more instances (start, stop, reboot, delete, firewall, …), `-w` to wait. */
function action(summary: string, name: string, change: Change, details?: string): Leaf {
  return {
    summary,
    usage: 'INST [INST …]',
    ...(details ? { details } : {}),
    options: [...WAIT, ...(name === 'delete' ? YES : [])],
    args: some,
    async run(ctx) {
      const r = await ctx.s.resolve();
      for (const ref of ctx.args) await change(ctx, await r.instance(ref));
    },
  };
}

const stateAction = (name: 'start' | 'stop', target: MachineState): Change => async (ctx, m) => {
  const w = await ctx.s.writer();
  if (ctx.s.dry(await (name === 'start' ? w.startMachine(m.id) : w.stopMachine(m.id)))) return;
  report(ctx.s, m, name, ctx.opts.wait === true ? await waitState(ctx.s, m, [target]) : undefined);
};

const toggle = (what: 'firewall' | 'deletion protection', on: boolean): Change => async (ctx, m) => {
  const w = await ctx.s.writer();
  const sent = what === 'firewall'
    ? await (on ? w.enableMachineFirewall(m.id) : w.disableMachineFirewall(m.id))
    : await (on ? w.enableMachineDeletionProtection(m.id) : w.disableMachineDeletionProtection(m.id));
  if (ctx.s.dry(sent)) return;
  let after: MachineData | undefined;
  if (ctx.opts.wait === true) {
    const dc = await ctx.s.dc();
    const opts = ctx.s.waitOptions<MachineData>((p) => `waiting for ${what} of ${label(m)} to be ${on ? 'on' : 'off'}: ${what === 'firewall' ? p.value?.firewall_enabled : p.value?.deletion_protection}`);
    after = await (what === 'firewall' ? dc.waitForFirewall(m.id, on, opts) : dc.waitForDeletionProtection(m.id, on, opts));
  }
  report(ctx.s, m, `${on ? 'enable' : 'disable'} ${what}`, after);
};

/** `-m`/`-M`/`--script`/`--cloud-config` → CreateMachine metadata (Joyent's forms: k=v, JSON object, @FILE). */
async function metadataFrom(ctx: RunContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of strs(ctx.opts.metadata)) {
    if (item.startsWith('{')) {
      let obj: unknown;
      try {
        obj = JSON.parse(item);
      } catch {
        throw new UsageError('-m: a value starting with { must be a JSON object');
      }
      for (const [k, v] of Object.entries(obj as Record<string, unknown>)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    } else if (item.startsWith('@')) {
      Object.assign(out, await metadataFile(ctx.s, item.slice(1)));
    } else {
      Object.assign(out, pairs([item], 'KEY=VALUE for -m'));
    }
  }
  for (const item of strs(ctx.opts['metadata-file'])) {
    const [k, path] = Object.entries(pairs([item], 'KEY=FILE for -M'))[0]!;
    out[k] = await readText(ctx.s, path, 'metadata file');
  }
  const script = str(ctx.opts.script);
  if (script !== undefined) out['user-script'] = await readText(ctx.s, script, 'script');
  const cloudConfig = str(ctx.opts['cloud-config']);
  if (cloudConfig !== undefined) out['cloud-init:user-data'] = await readText(ctx.s, cloudConfig, 'cloud-config file');
  return out;
}

async function metadataFile(s: Session, path: string): Promise<Record<string, string>> {
  const text = await readText(s, path, 'metadata file');
  try {
    const obj = JSON.parse(text) as unknown;
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  } catch {
    // key=value lines, as Joyent's CLI also reads
  }
  return pairs(text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')), `KEY=VALUE lines in ${path}`);
}

/** `-v NAME:/MOUNTPOINT[:ro|rw]` → a CreateMachine volume. */
function volumeArg(spec: string): { name: string; type: 'tritonnfs'; mountpoint: string; mode: string } {
  const m = /^([^:]+):(\/[^:]*)(?::(ro|rw))?$/.exec(spec);
  if (!m) throw new UsageError(`-v must be NAME:/MOUNTPOINT[:ro|rw], got ${JSON.stringify(spec.slice(0, 60))}`);
  return { name: m[1]!, type: 'tritonnfs', mountpoint: m[2]!, mode: m[3] ?? 'rw' };
}

const create: Leaf = {
  summary: 'create an instance (CreateMachine) from an image and a package',
  usage: 'IMAGE PACKAGE',
  details: [
    'IMAGE and PACKAGE take a name, short id or UUID (IMAGE also name@version). Networks (-N) take',
    'names or ids, several per option as a comma list. -a is Joyent\'s --affinity here (not --account).',
    'Examples:',
    '  opskit triton instance create -n web1 -m role=web --script boot.sh -N sim-public \\',
    '      -w base-64-lts sample-512M',
    '  opskit triton instance create -b bhyve --disk \'{"size": 10240}\' \\',
    '      ubuntu-certified-22.04 sample-bhyve-flexible-4G',
  ].join('\n'),
  options: [
    value('name', 'NAME', 'instance name (default: the first 8 characters of its id)', 'n'),
    value('brand', 'BRAND', 'bhyve or kvm, for images that run as either', 'b'),
    list('tag', 'KEY=VALUE', 'a tag (repeat for more; true/false and numbers are typed)', 't'),
    list('affinity', 'RULE', 'an affinity rule such as instance!=web* (Joyent\'s -a; repeat for more)', 'a'),
    list('network', 'NETWORK', 'network name or id (repeat, or a comma list); default: the account\'s', 'N'),
    list('metadata', 'DATA', 'metadata: KEY=VALUE, a JSON object, or @FILE (repeat for more)', 'm'),
    list('metadata-file', 'KEY=FILE', 'metadata KEY read from FILE (repeat for more)', 'M'),
    value('script', 'FILE', 'user-script (metadata user-script) read from FILE'),
    value('cloud-config', 'FILE', 'cloud-init user data (metadata cloud-init:user-data) read from FILE'),
    flag('firewall', 'enable the cloud firewall'),
    flag('deletion-protection', 'enable deletion protection'),
    flag('encrypted', 'place the instance on an encrypted compute node'),
    flag('delegate-dataset', 'give the instance a delegated ZFS dataset'),
    flag('allow-shared-images', 'allow an image shared with this account'),
    list('volume', 'NAME:/MOUNT[:ro|rw]', 'mount an NFS volume (repeat for more)', 'v'),
    list('disk', 'JSON', 'a bhyve disk such as {"size": 10240} (repeat for more)'),
    ...WAIT,
  ],
  args: { min: 2, max: 2 },
  async run(ctx) {
    const { s, opts } = ctx;
    const r = await s.resolve();
    const [image, pkg] = await Promise.all([r.image(ctx.args[0]!), r.package(ctx.args[1]!)]);
    const networks = await Promise.all(strs(opts.network).flatMap((n) => n.split(',')).filter(Boolean).map((n) => r.networkId(n)));
    const disks = strs(opts.disk).map((d) => {
      try {
        return JSON.parse(d) as Record<string, unknown>;
      } catch {
        throw new UsageError('--disk must be a JSON object such as {"size": 10240}');
      }
    });
    const brand = str(opts.brand);
    if (brand !== undefined && brand !== 'bhyve' && brand !== 'kvm') throw new UsageError('--brand must be bhyve or kvm');
    const options: CreateMachineOptions = {
      image: image.id,
      package: pkg.id,
      ...(str(opts.name) ? { name: str(opts.name)! } : {}),
      ...(brand ? { brand } : {}),
      tags: typedPairs(strs(opts.tag)),
      metadata: await metadataFrom(ctx),
      ...(networks.length ? { networks } : {}),
      ...(strs(opts.affinity).length ? { affinity: strs(opts.affinity) } : {}),
      ...(opts.firewall === true ? { firewallEnabled: true } : {}),
      ...(opts['deletion-protection'] === true ? { deletionProtection: true } : {}),
      ...(opts.encrypted === true ? { encrypted: true } : {}),
      ...(opts['delegate-dataset'] === true ? { delegateDataset: true } : {}),
      ...(opts['allow-shared-images'] === true ? { allowSharedImages: true } : {}),
      ...(strs(opts.volume).length ? { volumes: strs(opts.volume).map(volumeArg) as never } : {}),
      ...(disks.length ? { disks: disks as never } : {}),
    };
    const created = await (await s.writer()).createMachine(options);
    if (s.dry(created)) return;
    s.note(`Creating instance ${label(created.data)} from ${image.name}@${image.version}, package ${pkg.name}`);
    s.print(opts.wait === true ? await waitState(s, created.data, ['running']) : created.data);
  },
};

const list_: Leaf = {
  summary: 'list instances (every page); filters as FIELD=VALUE or options',
  usage: '[FIELD=VALUE …]',
  details: 'Filters: name, state, image (name or id), brand, memory, type, tag.KEY=VALUE. Deleted instances only with --tombstone.',
  options: [
    value('state', 'STATE', 'only instances in this state'),
    value('name', 'NAME', 'only instances with this exact name'),
    flag('tombstone', 'include deleted instances (CloudAPI tombstone)'),
  ],
  args: { min: 0, max: Infinity },
  async run({ s, opts, args }) {
    const dc = await s.dc();
    const f = pairs(args, 'FIELD=VALUE');
    const tags = Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('tag.')).map(([k, v]) => [k.slice(4), v]));
    const image = f.image ? (await (await s.resolve()).image(f.image)).id : undefined;
    const state = str(opts.state) ?? f.state;
    if (state !== undefined && ![...STATES, 'active', 'destroyed'].includes(state)) throw new UsageError(`--state must be one of ${STATES.join(', ')}`);
    const machines = await dc.listMachines({
      ...(state ? { state: state as never } : {}),
      ...(str(opts.name) ?? f.name ? { name: str(opts.name) ?? f.name } : {}),
      ...(image ? { image } : {}),
      ...(f.brand ? { brand: f.brand as never } : {}),
      ...(f.type ? { type: f.type as never } : {}),
      ...(f.memory ? { memory: Number(f.memory) } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
      ...(opts.tombstone === true ? { tombstone: true } : {}),
    }).all();
    const names = new Map((s.format.kind === 'table' ? await dc.listImages({ state: 'all' as never }) : []).map((i) => [i.id, `${i.name}@${i.version}`]));
    s.printList(machines, instanceColumns(Date.now(), names));
  },
};

const get: Leaf = {
  summary: 'show an instance (GetMachine); a deleted one is shown with state deleted',
  usage: 'INST',
  options: [flag('credentials', 'include the generated passwords (metadata.credentials)')],
  args: one,
  async run({ s, opts, args }) {
    const m = await (await s.resolve()).instance(args[0]!);
    s.print(opts.credentials === true && m.state !== 'deleted' ? await (await s.dc()).getMachine(m.id, { credentials: true }) : m);
  },
};

const wait: Leaf = {
  summary: 'wait until instances are in a state (default running); a deleted instance counts as deleted',
  usage: 'INST [INST …]',
  details: 'Polls GetMachine every --interval, with one progress line per poll on stderr, until --timeout.',
  options: [list('state', 'STATE', 'state to wait for (repeat, or a comma list, for any of several)', 's')],
  args: some,
  async run({ s, opts, args }) {
    const states = (strs(opts.state).flatMap((x) => x.split(',')).filter(Boolean) as MachineState[]);
    const want = states.length ? states : (['running'] as MachineState[]);
    for (const st of want) if (!STATES.includes(st as (typeof STATES)[number])) throw new UsageError(`--state must be one of ${STATES.join(', ')}`);
    const r = await s.resolve();
    for (const ref of args) {
      const m = await r.instance(ref);
      s.print(want.includes(m.state) ? m : await waitState(s, m, want));
    }
  },
};

export const instanceBranch: Branch = {
  summary: 'instances (machines): list, create, change, wait, and their tags, metadata, snapshots, NICs, disks, migrations',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: list_,
    get,
    create,
    delete: action('delete instances (DeleteMachine); -w waits until they are gone', 'delete', async (ctx, m) => {
      if (m.state === 'deleted') return report(ctx.s, m, 'delete', m);
      if (ctx.s.dry(await (await ctx.s.writer()).deleteMachine(m.id))) return;
      report(ctx.s, m, 'delete', ctx.opts.wait === true ? await waitState(ctx.s, m, ['deleted']) : undefined);
    }),
    start: action('start instances; -w waits until they run', 'start', stateAction('start', 'running')),
    stop: action('stop instances; -w waits until they are stopped', 'stop', stateAction('stop', 'stopped')),
    reboot: action('reboot instances; -w waits for the finished reboot job in MachineAudit', 'reboot', async (ctx, m) => {
      if (ctx.s.dry(await (await ctx.s.writer()).rebootMachine(m.id))) return;
      if (ctx.opts.wait !== true) return report(ctx.s, m, 'reboot');
      // A reboot changes no state: the job in MachineAudit is the only witness (protocols §6.9).
      const dc = await ctx.s.dc();
      const entry = await dc.waitForReboot(m.id, ctx.s.waitOptions((p) => `waiting for the reboot of ${label(m)}: ${p.value ? 'done' : 'not finished yet'}`));
      ctx.s.print({ id: m.id, name: m.name, action: 'reboot', finished: entry.time });
    }, 'The state never leaves running, so -w watches MachineAudit for the reboot job finished after the request.'),
    resize: {
      summary: 'resize an instance to another package; -w waits until it runs with it',
      usage: 'INST PACKAGE',
      options: WAIT,
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const r = await s.resolve();
        const [m, pkg] = await Promise.all([r.instance(args[0]!), r.package(args[1]!)]);
        if (s.dry(await (await s.writer()).resizeMachine(m.id, pkg.id))) return;
        report(s, m, 'resize', opts.wait === true ? await (await s.dc()).waitForResize(m.id, pkg.name, s.waitOptions<MachineData>((p) => `waiting for ${label(m)} to run ${pkg.name}: ${p.value?.package ?? '?'}`)) : undefined);
      },
    },
    rename: {
      summary: 'rename an instance; -w waits until the new name shows',
      usage: 'INST NEWNAME',
      options: WAIT,
      args: { min: 2, max: 2 },
      async run({ s, opts, args }) {
        const m = await (await s.resolve()).instance(args[0]!);
        if (s.dry(await (await s.writer()).renameMachine(m.id, args[1]!))) return;
        report(s, m, 'rename', opts.wait === true ? await (await s.dc()).waitForRename(m.id, args[1]!, s.waitOptions<MachineData>((p) => `waiting for ${label(m)} to be named ${args[1]}: ${p.value?.name ?? '?'}`)) : undefined);
      },
    },
    'enable-firewall': action('enable the cloud firewall of instances; -w waits until it is on', 'enable-firewall', toggle('firewall', true)),
    'disable-firewall': action('disable the cloud firewall of instances; -w waits until it is off', 'disable-firewall', toggle('firewall', false)),
    'enable-deletion-protection': action('enable deletion protection; -w waits until it is on', 'enable-deletion-protection', toggle('deletion protection', true)),
    'disable-deletion-protection': action('disable deletion protection; -w waits until it is off', 'disable-deletion-protection', toggle('deletion protection', false)),
    fwrules: {
      summary: 'firewall rules that apply to an instance',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        const id = await (await s.resolve()).instanceId(args[0]!);
        s.printList(await (await s.dc()).listMachineFirewallRules(id), [['SHORTID', (f) => f.id.slice(0, 8)], ['ENABLED', (f) => f.enabled], ['RULE', (f) => f.rule]]);
      },
    },
    ip: {
      summary: 'print the primary IP of an instance',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        const m = await (await s.resolve()).instance(args[0]!);
        if (!m.primaryIp) throw new Error(`instance ${label(m)} has no primary IP yet (state ${m.state})`);
        s.io.stdout(`${s.format.kind === 'json' ? JSON.stringify(m.primaryIp) : m.primaryIp}\n`);
      },
    },
    audit: {
      summary: 'actions taken on an instance (MachineAudit), newest first',
      usage: 'INST',
      args: one,
      async run({ s, args }) {
        const id = await (await s.resolve()).instanceId(args[0]!);
        s.printList(await (await s.dc()).machineAudit(id), [['TIME', (a) => a.time], ['ACTION', (a) => a.action], ['SUCCESS', (a) => a.success]]);
      },
    },
    vnc: {
      summary: 'print a pre-signed WebSocket URL for the VNC console of a bhyve or kvm instance',
      usage: 'INST',
      details: 'opskit opens no socket itself (Joyent\'s CLI proxies one on localhost): hand the URL to a WebSocket VNC client.',
      args: one,
      async run({ s, args }) {
        const id = await (await s.resolve()).instanceId(args[0]!);
        const url = await (await s.dc()).vncUrl(id);
        s.io.stdout(`${s.format.kind === 'json' ? JSON.stringify({ url }) : url}\n`);
      },
    },
    wait,
    tag: tagBranch,
    metadata: metadataBranch,
    snapshot: snapshotBranch,
    nic: nicBranch,
    disk: diskBranch,
    migration: migrationBranch,
  },
};

/** Joyent's top-level shortcuts: `triton ls`, `triton create`, `triton delete`, `triton start`, … */
export const instanceShortcuts = {
  instances: instanceBranch.children.list!,
  create: instanceBranch.children.create!,
  delete: instanceBranch.children.delete!,
  start: instanceBranch.children.start!,
  stop: instanceBranch.children.stop!,
  reboot: instanceBranch.children.reboot!,
  ip: instanceBranch.children.ip!,
};

