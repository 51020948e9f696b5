import { SimError } from '../../app.js';
import { accepted, bool, int, list, noContent, str } from '../input.js';
import { allocateIp, netmask, randomMac } from '../ips.js';
import type { createRouter, Req } from '../router.js';
import { findMachine, GoneError, iso, liveMachine } from '../state.js';
import type { SimMachine, SimPackage } from '../types.js';
import { machineView } from '../views.js';

type Router = ReturnType<typeof createRouter>;

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;
const LIST_STATES = new Set(['provisioning', 'stopping', 'active', 'stopped', 'running', 'unknown', 'destroyed']);
const ACTIONS = new Set(['start', 'stop', 'reboot', 'resize', 'rename', 'enable_firewall', 'disable_firewall', 'enable_deletion_protection', 'disable_deletion_protection']);

function findPackage(r: Req, idOrName: string): SimPackage {
  const p = r.ctx.state.packages.get(idOrName) ?? [...r.ctx.state.packages.values()].find((x) => x.name === idOrName);
  if (!p) throw new SimError(409, 'InvalidArgument', `${idOrName} is not a valid package`);
  return p;
}

/** Records an audit entry; with `pending` it turns `success: "yes"` when the transition completes. */
export function audit(r: Req, m: SimMachine, action: string, pending = false, parameters?: Record<string, unknown>): void {
  m.audit.unshift({
    action, success: pending ? 'no' : 'yes', time: iso(r.now),
    caller: { type: 'signature', ip: '127.0.0.1', keyId: r.caller.keyId },
    ...(parameters ? { parameters } : {}),
  });
}

/** Machines: list (paged), count (HEAD), get (410 when deleted), create, actions, delete, audit, VNC, change feed. */
export function machineRoutes({ route }: Router, transitionMs: number): void {
  const view = (r: Req, m: SimMachine, credentials = false) => machineView(r.ctx.state, m, { credentials, version: r.version });
  // Any non-empty `credentials` value is truthy for the server, even "false" (protocols §3.5).
  const wantsCredentials = (r: Req) => r.input.credentials !== undefined && r.input.credentials !== '' && r.input.credentials !== false;

  route('GET', '/:login/machines', 'ListMachines', {}, (r) => {
    const limit = int(r.input, 'limit', { min: 1, max: 1000 }) ?? 1000;
    const offset = int(r.input, 'offset') ?? 0;
    const state = str(r.input, 'state');
    if (state !== undefined && !LIST_STATES.has(state)) throw new SimError(409, 'InvalidArgument', `${state} is not a valid state`);
    const tombstone = bool(r.input, 'tombstone') === true;
    const docker = bool(r.input, 'docker');
    const tagFilters = Object.entries(r.input).filter(([k]) => k.startsWith('tag.')).map(([k, v]) => [k.slice(4), String(v)] as const);
    let all = [...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id).map((m) => findMachine(r.ctx.state, r.account, m.id, r.now));
    if (r.input.tags === '*') {
      all = all.filter((m) => m.state !== 'deleted' && Object.keys(m.tags).length > 0);
    } else {
      all = all.filter((m) => {
        if (state === 'destroyed') return m.state === 'deleted';
        if (state === 'active') return m.state !== 'deleted';
        if (state !== undefined) return m.state === state;
        return tombstone || m.state !== 'deleted';
      });
      const f = (k: string) => str(r.input, k);
      all = all.filter((m) => {
        const v = machineView(r.ctx.state, m) as Record<string, unknown>;
        if (f('type') !== undefined && v.type !== f('type')) return false;
        if (f('brand') !== undefined && m.brand !== f('brand')) return false;
        if (f('name') !== undefined && m.name !== f('name')) return false;
        if (f('image') !== undefined && m.image !== f('image')) return false;
        if (f('memory') !== undefined && m.memory !== Number(f('memory'))) return false;
        if (docker !== undefined && docker !== false) return false;
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
    const m: SimMachine = {
      id, owner: r.account.id, name, brand: pkg.brand ?? String(image.requirements.brand ?? (str(r.input, 'brand') ?? 'joyent')),
      image: image.id, package: pkg.id, memory: pkg.memory, disk: pkg.disk, state: 'provisioning',
      transition: { to: 'running', at: r.now + transitionMs, audit: 'provision' },
      metadata, tags, pendingMetadata: [], pendingTags: [], credentials: { root: r.ctx.random.hex(8), admin: r.ctx.random.hex(8) },
      nics: [], firewall_enabled: bool(r.input, 'firewall_enabled') === true, deletion_protection: bool(r.input, 'deletion_protection') === true,
      snapshots: new Map(), disks: [], created: iso(r.now), updated: iso(r.now), audit: [], roleTags: [],
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
    audit(r, m, 'provision', true);
    return r.c.json(view(r, m), 201, { location: `/${r.account.login}/machines/${id}` });
  });

  route('POST', '/:login/machines/:machine', 'UpdateMachine', {}, (r) => {
    const m = liveMachine(r.ctx.state, r.account, r.params.machine!, r.now, (x) => view(r, x));
    const action = str(r.input, 'action');
    if (action === undefined) throw new SimError(409, 'MissingParameter', 'action is required');
    if (!ACTIONS.has(action)) throw new SimError(409, 'InvalidArgument', `${action} is not a valid action`);
    const later = (to: string, auditName = action) => {
      m.transition = { to, at: r.now + transitionMs, audit: auditName };
      audit(r, m, auditName, true);
    };
    switch (action) {
      case 'start':
        if (m.state !== 'running') later('running');
        else audit(r, m, 'start');
        break;
      case 'stop':
        if (m.state === 'running' || m.state === 'provisioning') {
          m.state = 'stopping';
          later('stopped');
        } else audit(r, m, 'stop');
        break;
      case 'reboot':
        later('running');
        break;
      case 'resize': {
        const pkg = findPackage(r, str(r.input, 'package', true));
        Object.assign(m, { package: pkg.id, memory: pkg.memory, disk: pkg.disk });
        audit(r, m, 'resize', false, { package: pkg.name });
        break;
      }
      case 'rename': {
        const name = str(r.input, 'name', true);
        if (!NAME.test(name)) throw new SimError(409, 'InvalidArgument', `name ${name} is invalid`);
        m.name = name;
        audit(r, m, 'rename', false, { name });
        break;
      }
      default:
        if (action.endsWith('firewall')) m.firewall_enabled = action.startsWith('enable');
        else m.deletion_protection = action.startsWith('enable');
        audit(r, m, action);
    }
    m.updated = iso(r.now);
    return accepted();
  });

  route('DELETE', '/:login/machines/:machine', 'DeleteMachine', {}, (r) => {
    const m = findMachine(r.ctx.state, r.account, r.params.machine!, r.now);
    if (m.state === 'deleted') throw new GoneError(view(r, m));
    if (m.deletion_protection) throw new SimError(409, 'CannotDestroyMachineError', 'Instance has "deletion_protection" enabled, preventing deletion');
    m.state = 'stopping';
    m.transition = { to: 'deleted', at: r.now + transitionMs, audit: 'destroy' };
    audit(r, m, 'destroy', true);
    return noContent();
  });

  route('GET', '/:login/machines/:machine/audit', 'MachineAudit', {}, (r) =>
    r.c.json(findMachine(r.ctx.state, r.account, r.params.machine!, r.now).audit.map((a) => ({ ...a }))),
  );

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
