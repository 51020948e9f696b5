import { SimError } from '../../app.js';
import { accepted, bool, int, list, noContent, str, truthy } from '../input.js';
import { allocateIp, netmask, randomMac } from '../ips.js';
import { activeRoleNames } from '../rbac.js';
import type { createRouter, Req } from '../router.js';
import { auditView, findMachine, GoneError, iso, liveMachine, schedule, type JobSpec } from '../state.js';
import type { SimMachine, SimPackage, TritonState } from '../types.js';
import { machineView } from '../views.js';

type Router = ReturnType<typeof createRouter>;
/** How long the simulator's jobs take. */
export interface Timing {
  /** State changes: provisioning, start, stop, reboot, delete, snapshots, images, volumes. */
  transitionMs: number;
  /** Metadata, tags, rename, resize, firewall and deletion protection updates. */
  asyncMs: number;
}

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;
const LIST_STATES = new Set(['provisioning', 'stopping', 'active', 'stopped', 'running', 'unknown', 'destroyed']);
const ACTIONS = new Set(['start', 'stop', 'reboot', 'resize', 'rename', 'enable_firewall', 'disable_firewall', 'enable_deletion_protection', 'disable_deletion_protection']);
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function findPackage(r: Req, idOrName: string): SimPackage {
  const p = r.ctx.state.packages.get(idOrName) ?? [...r.ctx.state.packages.values()].find((x) => x.name === idOrName);
  if (!p) throw new SimError(409, 'InvalidArgument', `${idOrName} is not a valid package`);
  return p;
}

/** The audit `caller` of a request (lib/auth.js `_auditCtx`). */
export function callerOf(r: Req): Record<string, string> {
  return { type: 'signature', ip: '127.0.0.1', keyId: r.caller.keyId, ...(r.caller.user ? { user: r.caller.user.login } : {}) };
}

/** Queues a job for a request's caller (see {@link schedule}). */
export function job(r: Req, m: SimMachine, action: string, spec: Omit<JobSpec, 'caller'>): void {
  schedule(m, r.now, action, { ...spec, caller: callerOf(r) });
}

/** Drops a machine from the `refs` of the volumes it mounted (once it is destroyed). */
function releaseVolumes(state: TritonState, m: SimMachine): void {
  for (const id of m.volumes) {
    const v = state.volumes.get(id);
    if (v) v.refs = v.refs.filter((ref) => ref !== m.id);
  }
}

/**
 * CreateMachine `volumes`: `[{name, type?, mode?, mountpoint}]` (lib/machines.js validateVolume);
 * each must name a ready volume of the account. Returns the volume ids.
 */
function mountedVolumes(r: Req): string[] {
  const raw = r.input.volumes;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new SimError(409, 'InvalidArgument', 'volumes must be an array of objects');
  return raw.map((spec: unknown) => {
    const v = (spec && typeof spec === 'object' ? spec : {}) as Record<string, unknown>;
    if (v.type !== undefined && v.type !== 'tritonnfs') throw new SimError(409, 'InvalidArgument', `unknown volume type "${String(v.type)}"`);
    if (v.mode !== undefined && v.mode !== 'ro' && v.mode !== 'rw') throw new SimError(409, 'InvalidArgument', `volume mode for volume ${String(v.name)} must be one of ro, rw`);
    if (typeof v.name !== 'string' || !VOLUME_NAME.test(v.name)) throw new SimError(409, 'InvalidArgument', `invalid volume name ${JSON.stringify(v.name)}`);
    const mp = v.mountpoint;
    if (typeof mp !== 'string' || !mp.startsWith('/') || !/[^/]/.test(mp) || mp.includes('\0')) {
      throw new SimError(409, 'InvalidArgument', `invalid mount point for volume ${v.name}`);
    }
    const vol = [...r.ctx.state.volumes.values()].find((x) => x.owner_uuid === r.account.id && x.name === v.name && x.state !== 'deleted');
    if (!vol) throw new SimError(409, 'VolumesNotReachable', `volume ${v.name} does not exist`);
    return vol.id;
  });
}

/** Machines: list (paged), count (HEAD), get (410 when deleted), create, actions, delete, audit, VNC, change feed. */
export function machineRoutes({ route }: Router, timing: Timing): void {
  const { transitionMs, asyncMs } = timing;
  const view = (r: Req, m: SimMachine, credentials = false) => machineView(r.ctx.state, m, { credentials, version: r.version });
  // Any non-empty `credentials` value is truthy for the server, even "false" (protocols §3.5).
  const wantsCredentials = (r: Req) => truthy(r.input.credentials);

  route('GET', '/:login/machines', 'ListMachines', {}, (r) => {
    const limit = int(r.input, 'limit', { min: 1, max: 1000 }) ?? 1000;
    const offset = int(r.input, 'offset') ?? 0;
    const state = str(r.input, 'state');
    if (state !== undefined && !LIST_STATES.has(state)) throw new SimError(409, 'InvalidArgument', `${state} is not a valid state`);
    const type = str(r.input, 'type');
    if (type !== undefined && type !== 'smartmachine' && type !== 'virtualmachine') throw new SimError(409, 'InvalidArgument', `${type} is not a valid type`);
    // lib/machines.js tests `!req.params.tombstone`: any non-empty value lists destroyed machines too.
    const tombstone = truthy(r.input.tombstone);
    const dockerRaw = r.input.docker;
    if (dockerRaw !== undefined && typeof dockerRaw !== 'boolean' && dockerRaw !== 'true' && dockerRaw !== 'false') {
      throw new SimError(409, 'InvalidArgument', `${String(dockerRaw)} is not a valid boolean`);
    }
    const docker = dockerRaw === undefined ? undefined : dockerRaw === true || dockerRaw === 'true';
    const tagFilters = Object.entries(r.input).filter(([k]) => k.startsWith('tag.')).map(([k, v]) => [k.slice(4), String(v)] as const);
    let all = [...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id).map((m) => findMachine(r.ctx.state, r.account, m.id, r.now));
    if (r.input.tags === '*') {
      all = all.filter((m) => m.state !== 'deleted' && Object.keys(m.tags).length > 0);
    } else {
      all = all.filter((m) => {
        if (state === 'destroyed') return m.state === 'deleted';
        if (state === 'active' || state === 'provisioning' || state === 'stopping') return m.state !== 'deleted';
        if (state !== undefined) return m.state === state;
        return tombstone || m.state !== 'deleted';
      });
      const f = (k: string) => str(r.input, k);
      all = all.filter((m) => {
        const vm = m.brand === 'kvm' || m.brand === 'bhyve';
        if (type !== undefined && (type === 'virtualmachine') !== vm) return false;
        if (f('brand') !== undefined && m.brand !== f('brand')) return false;
        if (f('name') !== undefined && m.name !== f('name')) return false;
        if (f('image') !== undefined && m.image !== f('image')) return false;
        if (f('memory') !== undefined && m.memory !== Number(f('memory'))) return false;
        // The simulator makes no Docker containers.
        if (docker === true) return false;
        return tagFilters.every(([k, want]) => String(m.tags[k]) === want);
      });
    }
    const page = all.slice(offset, offset + limit);
    return r.c.json(page.map((m) => view(r, m, wantsCredentials(r))), 200, { 'x-query-limit': String(limit), 'x-resource-count': String(page.length) });
  });

  route('GET', '/:login/machines/:machine', 'GetMachine', {}, (r) => {
    const m = findMachine(r.ctx.state, r.account, r.params.machine!, r.now);
    if (m.state === 'deleted') return r.c.json(view(r, m), 410);
    return r.c.json(view(r, m, wantsCredentials(r)));
  });

  route('POST', '/:login/machines', 'CreateMachine', {}, (r) => {
    const st = r.ctx.state;
    const pkg = findPackage(r, str(r.input, 'package', true));
    if (r.input.image !== undefined && r.input.dataset !== undefined) throw new SimError(409, 'InvalidArgument', 'image and dataset cannot both be given');
    const imageId = str(r.input, 'image') ?? str(r.input, 'dataset');
    if (imageId === undefined) throw new SimError(409, 'MissingParameter', 'image is required');
    const image = st.images.get(imageId);
    if (!image || (!image.public && image.owner !== r.account.id)) throw new SimError(409, 'InvalidArgument', `image ${imageId} does not exist`);
    const id = r.ctx.random.uuid();
    const name = (str(r.input, 'name') ?? id.slice(0, 8)).replace('{{shortId}}', id.slice(0, 8));
    if (!NAME.test(name)) throw new SimError(409, 'InvalidArgument', `name ${name} is invalid`);
    const volumes = mountedVolumes(r);
    // Only flat `metadata.<key>` and `tag.<key>` keys count; nested objects are ignored (protocols §4).
    const metadata: Record<string, string> = {};
    const tags: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(r.input)) {
      const mk = /^metadata\.(\w[\w.-]*)$/.exec(k);
      if (mk) metadata[mk[1]!] = typeof v === 'string' ? v : JSON.stringify(v);
      else if (k.startsWith('tag.') && k.length > 4) tags[k.slice(4)] = v as string | number | boolean;
    }
    const fabric = [...st.networks.values()].find((n) => n.fabric && n.owner === r.account.id);
    const wanted = (list(r.input, 'networks') ?? [...[...st.networks.values()].filter((n) => n.public).slice(0, 1).map((n) => n.id), ...(fabric ? [fabric.id] : [])]).map((n) => {
      try {
        const obj = JSON.parse(n) as { ipv4_uuid?: string };
        return obj.ipv4_uuid ?? n;
      } catch {
        return n;
      }
    });
    // Role tags: the `role-tag` parameter or header, else the roles a sub-user acts with (lib/resources.js).
    const roleTagParam = list(r.input, 'role-tag') ?? r.c.req.header('role-tag')?.split(',').map((t) => t.trim()).filter(Boolean);
    const m: SimMachine = {
      id, owner: r.account.id, name, brand: pkg.brand ?? String(image.requirements.brand ?? (str(r.input, 'brand') ?? 'joyent')),
      image: image.id, package: pkg.id, memory: pkg.memory, disk: pkg.disk, state: 'provisioning',
      metadata, tags, credentials: { root: r.ctx.random.hex(8), admin: r.ctx.random.hex(8) },
      nics: [], firewall_enabled: bool(r.input, 'firewall_enabled') === true, deletion_protection: bool(r.input, 'deletion_protection') === true,
      snapshots: new Map(), disks: [], created: iso(r.now), updated: iso(r.now), jobs: [],
      roleTags: roleTagParam ?? (r.caller.user ? activeRoleNames(r.account, r.caller.user, r.input['as-role']) : []), volumes,
    };
    wanted.forEach((netId, i) => {
      const net = st.networks.get(netId);
      if (!net || (net.fabric && net.owner !== r.account.id)) throw new SimError(409, 'InvalidArgument', `network ${netId} does not exist`);
      m.nics.push({ mac: randomMac(r.ctx.random), ip: allocateIp(st, net), network: net.id, primary: i === 0, netmask: netmask(net.subnet), gateway: net.gateway ?? '' });
    });
    if (m.brand === 'bhyve') {
      m.disks.push({ id: r.ctx.random.uuid(), pci_slot: '0:4:0', size: 10240, boot: true, readyAt: r.now });
      // Flexible-disk packages leave room for more disks (CreateMachineDisk).
      m.disks.push({ id: r.ctx.random.uuid(), pci_slot: '0:4:1', size: pkg.flexible_disk ? (pkg.disk - 10240) / 2 : pkg.disk - 10240, boot: false, readyAt: r.now });
    }
    st.machines.set(id, m);
    for (const v of volumes) st.volumes.get(v)!.refs.push(id);
    job(r, m, 'provision', { after: transitionMs, apply: (x) => void (x.state = 'running') });
    return r.c.json(view(r, m), 201, { location: `/${r.account.login}/machines/${id}` });
  });

  route('POST', '/:login/machines/:machine', 'UpdateMachine', {}, (r) => {
    const m = liveMachine(r.ctx.state, r.account, r.params.machine!, r.now, (x) => view(r, x));
    const action = str(r.input, 'action');
    if (action === undefined) throw new SimError(409, 'MissingParameter', 'action is required');
    if (!ACTIONS.has(action)) throw new SimError(409, 'InvalidArgument', `${action} is not a valid action`);
    const toState = (state: string) => (x: SimMachine) => void (x.state = state);
    switch (action) {
      case 'start':
        job(r, m, 'start', { after: m.state === 'running' ? 0 : transitionMs, apply: toState('running') });
        break;
      case 'stop':
        if (m.state === 'running' || m.state === 'provisioning') m.state = 'stopping';
        job(r, m, 'stop', { after: m.state === 'stopped' ? 0 : transitionMs, apply: toState('stopped') });
        break;
      case 'reboot':
        // The state stays `running`: clients wait for the `reboot` audit entry (protocols §6.9).
        job(r, m, 'reboot', { after: transitionMs, apply: toState('running') });
        break;
      case 'resize': {
        const pkg = findPackage(r, str(r.input, 'package', true));
        job(r, m, 'resize', { after: asyncMs, parameters: { package: pkg.name }, apply: (x) => void Object.assign(x, { package: pkg.id, memory: pkg.memory, disk: pkg.disk }) });
        break;
      }
      case 'rename': {
        const name = str(r.input, 'name', true);
        if (!NAME.test(name)) throw new SimError(409, 'InvalidArgument', `name ${name} is invalid`);
        job(r, m, 'rename', { after: asyncMs, parameters: { name }, apply: (x) => void (x.name = name) });
        break;
      }
      case 'enable_deletion_protection':
      case 'disable_deletion_protection': {
        const on = action.startsWith('enable');
        job(r, m, action, { after: asyncMs, apply: (x) => void (x.deletion_protection = on) });
        break;
      }
      default: {
        // Firewall updates carry a payload lib/audit.js has no name for: they are audited as `unknown`.
        const on = action.startsWith('enable');
        job(r, m, 'unknown', { after: asyncMs, parameters: { firewall_enabled: on }, apply: (x) => void (x.firewall_enabled = on) });
      }
    }
    return accepted();
  });

  route('DELETE', '/:login/machines/:machine', 'DeleteMachine', {}, (r) => {
    const m = findMachine(r.ctx.state, r.account, r.params.machine!, r.now);
    if (m.state === 'deleted') throw new GoneError(view(r, m));
    if (m.deletion_protection) throw new SimError(409, 'CannotDestroyMachineError', 'Instance has "deletion_protection" enabled, preventing deletion');
    m.state = 'stopping';
    job(r, m, 'destroy', {
      after: transitionMs,
      apply: (x) => {
        x.state = 'deleted';
        releaseVolumes(r.ctx.state, x);
      },
    });
    return noContent();
  });

  route('GET', '/:login/machines/:machine/audit', 'MachineAudit', {}, (r) => r.c.json(auditView(findMachine(r.ctx.state, r.account, r.params.machine!, r.now), r.now)));

  // WebSockets are out of reach of a fetch-based simulator: authentication is checked, then the
  // missing upgrade is refused, which is also what the real server does with a plain GET.
  route('GET', '/:login/machines/:machine/vnc', 'ConnectMachineVNC', { versions: ['8.4.0'] }, (r) => {
    const m = liveMachine(r.ctx.state, r.account, r.params.machine!, r.now, (x) => view(r, x));
    if (m.brand !== 'kvm' && m.brand !== 'bhyve') throw new SimError(400, 'MachineHasNoVNCError', `Instance type ${m.brand} does not support VNC connections`);
    if (m.state !== 'running') throw new SimError(400, 'MachineStoppedError', 'Cannot connect to a stopped machine');
    throw new SimError(400, 'UpgradeRequiredError', 'VNC connect endpoint is a websocket and must be upgraded');
  });

  route('GET', '/:login/changefeed', 'GetChangefeed', {}, () => {
    throw new SimError(400, 'UpgradeRequiredError', 'Changefeed endpoint is a websocket and must be upgraded');
  });
}
