import { SimError } from '../../app.js';
import { accepted, bool, int, noContent, str } from '../input.js';
import { allocateIp, netmask, randomMac } from '../ips.js';
import type { createRouter, Req } from '../router.js';
import { iso, liveMachine } from '../state.js';
import type { SimMachine } from '../types.js';
import { machineView } from '../views.js';
import { audit } from './machines.js';

type Router = ReturnType<typeof createRouter>;

/** Snapshots, metadata, tags, disks, NICs and migrations of one machine. */
export function machinePartRoutes({ route }: Router, transitionMs: number, asyncMs: number): void {
  const live = (r: Req): SimMachine => liveMachine(r.ctx.state, r.account, r.params.machine!, r.now, (m) => machineView(r.ctx.state, m, { version: r.version }));

  // ---- snapshots: queued until the clock passes readyAt, then created ----
  const snapView = (s: { name: string; createdAt: number; readyAt: number; updated: string }, now: number) => ({
    name: s.name, state: now >= s.readyAt ? 'created' : 'queued', created: iso(s.createdAt), updated: now >= s.readyAt ? iso(s.readyAt) : s.updated,
  });
  const snapshotOf = (r: Req, m: SimMachine) => {
    const s = m.snapshots.get(r.params.snapshot!);
    if (!s) throw new SimError(404, 'ResourceNotFound', `Snapshot ${r.params.snapshot} not found`);
    return s;
  };
  route('GET', '/:login/machines/:machine/snapshots', 'ListMachineSnapshots', {}, (r) => r.c.json([...live(r).snapshots.values()].map((s) => snapView(s, r.now))));
  route('POST', '/:login/machines/:machine/snapshots', 'CreateMachineSnapshot', {}, (r) => {
    const m = live(r);
    if (m.brand === 'kvm') throw new SimError(409, 'InvalidArgument', 'kvm instances do not support snapshots');
    const name = str(r.input, 'name') ?? `snapshot-${r.ctx.random.hex(4)}`;
    if (m.snapshots.has(name)) throw new SimError(409, 'InvalidArgument', `snapshot ${name} already exists`);
    const snap = { name, createdAt: r.now, readyAt: r.now + transitionMs, updated: iso(r.now) };
    m.snapshots.set(name, snap);
    audit(r, m, 'snapshot', false, { name });
    return r.c.json(snapView(snap, r.now), 201, { location: `/${r.account.login}/machines/${m.id}/snapshots/${encodeURIComponent(name)}` });
  });
  route('GET', '/:login/machines/:machine/snapshots/:snapshot', 'GetMachineSnapshot', {}, (r) => r.c.json(snapView(snapshotOf(r, live(r)), r.now)));
  route('POST', '/:login/machines/:machine/snapshots/:snapshot', 'StartMachineFromSnapshot', {}, (r) => {
    const m = live(r);
    snapshotOf(r, m);
    m.transition = { to: 'running', at: r.now + transitionMs, audit: 'rollback' };
    audit(r, m, 'rollback', true, { name: r.params.snapshot });
    return accepted();
  });
  route('DELETE', '/:login/machines/:machine/snapshots/:snapshot', 'DeleteMachineSnapshot', {}, (r) => {
    const m = live(r);
    m.snapshots.delete(snapshotOf(r, m).name);
    return noContent();
  });

  // ---- metadata and tags: the reply shows the result, reads catch up after asyncMs ----
  const projected = <T>(current: T, pending: { value: T }[]): T => (pending.length ? pending[pending.length - 1]!.value : current);
  const later = <T>(list_: { at: number; value: T }[], now: number, value: T) => list_.push({ at: now + asyncMs, value });
  const stringValues = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const withoutParams = (r: Req) => {
    const body = { ...(r.body ?? {}) };
    delete body.credentials;
    return body;
  };

  route('GET', '/:login/machines/:machine/metadata', 'ListMachineMetadata', {}, (r) => {
    const m = live(r);
    const wants = r.input.credentials !== undefined && r.input.credentials !== '' && r.input.credentials !== false;
    return r.c.json({ ...m.metadata, ...(wants ? { credentials: { ...m.credentials } } : {}) });
  });
  route('GET', '/:login/machines/:machine/metadata/:key', 'GetMachineMetadata', {}, (r) => {
    const v = live(r).metadata[r.params.key!];
    if (v === undefined) throw new SimError(404, 'ResourceNotFound', `${r.params.key} is not metadata`);
    return r.c.json(v);
  });
  route('POST', '/:login/machines/:machine/metadata', 'UpdateMachineMetadata', {}, (r) => {
    const m = live(r);
    const next = { ...projected(m.metadata, m.pendingMetadata), ...stringValues(withoutParams(r)) };
    later(m.pendingMetadata, r.now, next);
    return r.c.json(next);
  });
  route('DELETE', '/:login/machines/:machine/metadata/:key', 'DeleteMachineMetadata', {}, (r) => {
    const m = live(r);
    if (r.params.key === 'credentials') throw new SimError(409, 'InvalidArgument', 'credentials cannot be deleted');
    const next = { ...projected(m.metadata, m.pendingMetadata) };
    delete next[r.params.key!];
    later(m.pendingMetadata, r.now, next);
    return noContent();
  });
  route('DELETE', '/:login/machines/:machine/metadata', 'DeleteAllMachineMetadata', {}, (r) => {
    later(live(r).pendingMetadata, r.now, {});
    return noContent();
  });

  route('GET', '/:login/machines/:machine/tags', 'ListMachineTags', {}, (r) => r.c.json(live(r).tags));
  route('GET', '/:login/machines/:machine/tags/:tag', 'GetMachineTag', {}, (r) => {
    const v = live(r).tags[r.params.tag!];
    if (v === undefined) throw new SimError(404, 'ResourceNotFound', `tag ${r.params.tag} not found`);
    if ((r.c.req.header('accept') ?? '').includes('text/plain')) return r.c.text(String(v));
    return r.c.json(v);
  });
  route('POST', '/:login/machines/:machine/tags', 'AddMachineTags', {}, (r) => {
    const m = live(r);
    const next = { ...projected(m.tags, m.pendingTags), ...(withoutParams(r) as Record<string, string>) };
    later(m.pendingTags, r.now, next);
    return r.c.json(next);
  });
  route('PUT', '/:login/machines/:machine/tags', 'ReplaceMachineTags', {}, (r) => {
    const m = live(r);
    const next = { ...(withoutParams(r) as Record<string, string>) };
    later(m.pendingTags, r.now, next);
    return r.c.json(next);
  });
  route('DELETE', '/:login/machines/:machine/tags/:tag', 'DeleteMachineTag', {}, (r) => {
    const m = live(r);
    const next = { ...projected(m.tags, m.pendingTags) };
    if (!(r.params.tag! in next)) throw new SimError(404, 'ResourceNotFound', `tag ${r.params.tag} not found`);
    delete next[r.params.tag!];
    later(m.pendingTags, r.now, next);
    return noContent();
  });
  route('DELETE', '/:login/machines/:machine/tags', 'DeleteMachineTags', {}, (r) => {
    later(live(r).pendingTags, r.now, {});
    return noContent();
  });

  // ---- disks (bhyve) ----
  const bhyve = (r: Req) => {
    const m = live(r);
    if (m.brand !== 'bhyve') throw new SimError(409, 'InvalidArgument', 'disks are only supported for bhyve instances');
    return m;
  };
  const diskView = (d: SimMachine['disks'][number], now: number) => ({ id: d.id, pci_slot: d.pci_slot, size: d.size, boot: d.boot, state: now >= d.readyAt ? 'running' : 'creating' });
  const diskOf = (r: Req, m: SimMachine) => {
    const d = m.disks.find((x) => x.id === r.params.disk);
    if (!d) throw new SimError(404, 'ResourceNotFound', `disk ${r.params.disk} not found`);
    return d;
  };
  route('GET', '/:login/machines/:machine/disks', 'ListMachineDisks', {}, (r) => {
    const disks = bhyve(r).disks.map((d) => diskView(d, r.now));
    return r.c.json(disks, 200, { 'x-resource-count': String(disks.length) });
  });
  route('GET', '/:login/machines/:machine/disks/:disk', 'GetMachineDisk', {}, (r) => r.c.json(diskView(diskOf(r, bhyve(r)), r.now)));
  route('POST', '/:login/machines/:machine/disks', 'CreateMachineDisk', {}, (r) => {
    const m = bhyve(r);
    const pkg = r.ctx.state.packages.get(m.package);
    const free = (pkg?.disk ?? m.disk) - m.disks.reduce((n, d) => n + d.size, 0);
    const size = r.input.size === 'remaining' ? free : int(r.input, 'size', { min: 1 });
    if (size === undefined) throw new SimError(409, 'MissingParameter', 'size is required');
    if (size > free || size <= 0) throw new SimError(409, 'InvalidArgument', `size ${size} exceeds the ${free} MiB left`);
    const d = { id: r.ctx.random.uuid(), pci_slot: str(r.input, 'pci_slot') ?? `0:4:${m.disks.length}`, size, boot: false, readyAt: r.now + transitionMs };
    m.disks.push(d);
    return r.c.json(diskView(d, r.now), 201);
  });
  route('POST', '/:login/machines/:machine/disks/:disk', 'ResizeMachineDisk', {}, (r) => {
    const m = bhyve(r);
    const d = diskOf(r, m);
    const size = int(r.input, 'size', { min: 1 });
    if (size === undefined) throw new SimError(409, 'MissingParameter', 'size is required');
    if (size < d.size && bool(r.input, 'dangerous_allow_shrink') !== true) throw new SimError(409, 'InvalidArgument', 'shrinking a disk needs dangerous_allow_shrink');
    d.size = size;
    return r.c.json(diskView(d, r.now));
  });
  route('DELETE', '/:login/machines/:machine/disks/:disk', 'DeleteMachineDisk', {}, (r) => {
    const m = bhyve(r);
    const d = diskOf(r, m);
    if (d.boot) throw new SimError(409, 'InvalidArgument', 'the boot disk cannot be deleted');
    m.disks = m.disks.filter((x) => x !== d);
    return noContent();
  });

  // ---- NICs ----
  const nicView = (n: SimMachine['nics'][number], m: SimMachine) => ({ ...n, state: m.state === 'provisioning' ? 'provisioning' : m.state === 'stopped' ? 'stopped' : 'running' });
  const nicOf = (r: Req, m: SimMachine) => {
    const mac = r.params.mac!.toLowerCase();
    if (!/^[0-9a-f]{12}$/.test(mac)) throw new SimError(409, 'InvalidArgument', 'mac must be 12 hex digits without colons');
    const n = m.nics.find((x) => x.mac.replace(/:/g, '') === mac);
    if (!n) throw new SimError(404, 'ResourceNotFound', `nic ${r.params.mac} not found`);
    return n;
  };
  route('GET', '/:login/machines/:machine/nics', 'ListNics', { minApi: '7.2.0' }, (r) => {
    const m = live(r);
    return r.c.json(m.nics.map((n) => nicView(n, m)), 200, { 'x-resource-count': String(m.nics.length) });
  });
  route('GET', '/:login/machines/:machine/nics/:mac', 'GetNic', { minApi: '7.2.0' }, (r) => {
    const m = live(r);
    return r.c.json(nicView(nicOf(r, m), m));
  });
  route('POST', '/:login/machines/:machine/nics', 'AddNic', { minApi: '7.2.0' }, (r) => {
    const m = live(r);
    const raw = r.input.network;
    const netId = typeof raw === 'object' && raw !== null ? String((raw as { ipv4_uuid?: unknown }).ipv4_uuid ?? '') : str(r.input, 'network', true);
    const net = r.ctx.state.networks.get(netId);
    if (!net || (net.fabric && net.owner !== r.account.id)) throw new SimError(409, 'InvalidArgument', `network ${netId} does not exist`);
    const primary = bool(r.input, 'primary') === true;
    if (primary) for (const n of m.nics) n.primary = false;
    const nic = { mac: randomMac(r.ctx.random), ip: allocateIp(r.ctx.state, net), network: net.id, primary, netmask: netmask(net.subnet), gateway: net.gateway ?? '' };
    m.nics.push(nic);
    audit(r, m, 'add_nics');
    return r.c.json(nicView(nic, m), 201, { location: `/${r.account.login}/machines/${m.id}/nics/${nic.mac.replace(/:/g, '')}` });
  });
  route('DELETE', '/:login/machines/:machine/nics/:mac', 'RemoveNic', { minApi: '7.2.0' }, (r) => {
    const m = live(r);
    const n = nicOf(r, m);
    m.nics = m.nics.filter((x) => x !== n);
    audit(r, m, 'remove_nics');
    return noContent();
  });

  // ---- migrations (each action moves the phase at once; `watch` streams the history) ----
  route('GET', '/:login/machines/:machine/migrate', 'MigrateMachineEstimate', {}, (r) => {
    const m = live(r);
    const size = m.disk * 1024 * 1024;
    return r.c.json({ size, transfer_bytes_second: 100 * 1024 * 1024, eta_ms: Math.round((size / (100 * 1024 * 1024)) * 1000) });
  });
  const PHASE: Record<string, [string, string]> = {
    begin: ['begin', 'paused'], sync: ['sync', 'paused'], switch: ['switch', 'successful'], automatic: ['switch', 'successful'],
    pause: ['', 'paused'], abort: ['', 'aborted'], finalize: ['finished', 'finished'],
  };
  route('POST', '/:login/machines/:machine/migrate', 'Migrate', {}, (r) => {
    const m = live(r);
    const action = str(r.input, 'action');
    if (action === undefined) throw new SimError(409, 'MissingParameter', '"action" must be specified');
    if (action === 'watch') {
      if (!m.migration) throw new SimError(404, 'ResourceNotFound', 'no migration for this instance');
      const lines = [...m.migration.progress_history, { type: 'end', phase: m.migration.phase, state: m.migration.state }];
      return new Response(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { status: 200, headers: { 'content-type': 'application/x-json-stream' } });
    }
    const step = PHASE[action];
    if (!step) throw new SimError(409, 'InvalidArgument', `${action} is not a valid migration action`);
    if (action !== 'begin' && action !== 'automatic' && !m.migration) throw new SimError(409, 'InvalidArgument', 'no migration in progress');
    m.migration ??= { machine: m.id, automatic: action === 'automatic', created_timestamp: iso(r.now), phase: 'begin', state: 'running', progress_history: [] };
    if (step[0]) m.migration.phase = step[0];
    m.migration.state = step[1];
    m.migration.progress_history.push({ type: 'progress', phase: m.migration.phase, state: m.migration.state, message: `${action} done`, current_progress: 100, total_progress: 100, finished_timestamp: iso(r.now) });
    if (action === 'finalize') return new Response(null, { status: 200 });
    return r.c.json({ ...m.migration }, 201);
  });
  route('GET', '/:login/migrations', 'ListMigrations', {}, (r) =>
    r.c.json([...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id && m.migration).map((m) => ({ ...m.migration }))),
  );
  route('GET', '/:login/migrations/:machine', 'GetMigration', {}, (r) => {
    const m = live(r);
    if (!m.migration) throw new SimError(404, 'ResourceNotFound', 'no migration for this instance');
    return r.c.json({ ...m.migration });
  });
}
