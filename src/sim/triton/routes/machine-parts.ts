import { SimError } from '../../app.js';
import { accepted, bool, int, noContent, str } from '../input.js';
import { allocateIp, netmask, randomMac } from '../ips.js';
import type { createRouter, Req } from '../router.js';
import { iso, liveMachine, projected } from '../state.js';
import type { SimDisk, SimMachine, SimMigration, SimSnapshot } from '../types.js';
import { machineView } from '../views.js';
import { job, type Timing } from './machines.js';

type Router = ReturnType<typeof createRouter>;

/** Snapshots, metadata, tags, disks, NICs and migrations of one machine. */
export function machinePartRoutes({ route }: Router, { transitionMs, asyncMs }: Timing): void {
  const live = (r: Req): SimMachine => liveMachine(r.ctx.state, r.account, r.params.machine!, r.now, (m) => machineView(r.ctx.state, m, { version: r.version }));

  // ---- snapshots: queued until their job is done, then created; deleted once the delete job is done ----
  const snapView = (s: SimSnapshot, now: number) => ({
    name: s.name, state: s.deleteAt !== undefined ? 'deleted' : now >= s.readyAt ? 'created' : 'queued', created: iso(s.createdAt),
    updated: s.deleteAt !== undefined ? iso(s.deleteAt) : now >= s.readyAt ? iso(s.readyAt) : s.updated,
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
    const snap: SimSnapshot = { name, createdAt: r.now, readyAt: r.now + transitionMs, updated: iso(r.now) };
    m.snapshots.set(name, snap);
    job(r, m, 'create_snapshot', { after: transitionMs, parameters: { name } });
    return r.c.json(snapView(snap, r.now), 201, { location: `/${r.account.login}/machines/${m.id}/snapshots/${encodeURIComponent(name)}` });
  });
  route('GET', '/:login/machines/:machine/snapshots/:snapshot', 'GetMachineSnapshot', {}, (r) => r.c.json(snapView(snapshotOf(r, live(r)), r.now)));
  route('POST', '/:login/machines/:machine/snapshots/:snapshot', 'StartMachineFromSnapshot', {}, (r) => {
    const m = live(r);
    const snap = snapshotOf(r, m);
    if (r.now < snap.readyAt) throw new SimError(409, 'InvalidArgument', `snapshot ${snap.name} is not created yet`);
    m.state = 'stopping';
    job(r, m, 'rollback_snapshot', { after: transitionMs, parameters: { name: snap.name }, apply: (x) => void (x.state = 'running') });
    return accepted();
  });
  route('DELETE', '/:login/machines/:machine/snapshots/:snapshot', 'DeleteMachineSnapshot', {}, (r) => {
    const m = live(r);
    const snap = snapshotOf(r, m);
    if (snap.deleteAt !== undefined) throw new SimError(404, 'ResourceNotFound', `Snapshot ${snap.name} not found`);
    snap.deleteAt = r.now + asyncMs;
    job(r, m, 'delete_snapshot', { after: asyncMs, parameters: { name: snap.name }, apply: (x) => void x.snapshots.delete(snap.name) });
    return noContent();
  });

  // ---- metadata and tags: the reply shows the result; reads (and MachineAudit) catch up when the job is done ----
  const stringValues = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const withoutParams = (r: Req) => {
    const body = { ...(r.body ?? {}) };
    delete body.credentials;
    return body;
  };
  const setMetadata = (r: Req, m: SimMachine, action: string, metadata: Record<string, string>) =>
    job(r, m, action, { after: asyncMs, metadata, apply: (x) => void (x.metadata = { ...metadata }) });
  const setTags = (r: Req, m: SimMachine, action: string, tags: Record<string, string | number | boolean>) =>
    job(r, m, action, { after: asyncMs, tags, apply: (x) => void (x.tags = { ...tags }) });

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
    const next = { ...projected(m, 'metadata'), ...stringValues(withoutParams(r)) };
    setMetadata(r, m, 'set_metadata', next);
    return r.c.json(next);
  });
  route('DELETE', '/:login/machines/:machine/metadata/:key', 'DeleteMachineMetadata', {}, (r) => {
    const m = live(r);
    if (r.params.key === 'credentials') throw new SimError(409, 'InvalidArgument', 'credentials cannot be deleted');
    const next = projected(m, 'metadata');
    delete next[r.params.key!];
    setMetadata(r, m, 'remove_metadata', next);
    return noContent();
  });
  route('DELETE', '/:login/machines/:machine/metadata', 'DeleteAllMachineMetadata', {}, (r) => {
    // lib/metadata.js replaces the whole set: the job is audited as replace_metadata.
    setMetadata(r, live(r), 'replace_metadata', {});
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
    const next = { ...projected(m, 'tags'), ...(withoutParams(r) as Record<string, string>) };
    setTags(r, m, 'set_tags', next);
    return r.c.json(next);
  });
  route('PUT', '/:login/machines/:machine/tags', 'ReplaceMachineTags', {}, (r) => {
    const m = live(r);
    const next = { ...(withoutParams(r) as Record<string, string>) };
    setTags(r, m, 'replace_tags', next);
    return r.c.json(next);
  });
  route('DELETE', '/:login/machines/:machine/tags/:tag', 'DeleteMachineTag', {}, (r) => {
    const m = live(r);
    const next = projected(m, 'tags');
    if (!(r.params.tag! in next)) throw new SimError(404, 'ResourceNotFound', `tag ${r.params.tag} not found`);
    delete next[r.params.tag!];
    setTags(r, m, 'remove_tags', next);
    return noContent();
  });
  route('DELETE', '/:login/machines/:machine/tags', 'DeleteMachineTags', {}, (r) => {
    setTags(r, live(r), 'remove_tags', {});
    return noContent();
  });

  // ---- disks (bhyve; lib/endpoints/disks.js): changes need a stopped VM and run as jobs ----
  const bhyve = (r: Req) => {
    const m = live(r);
    if (m.brand !== 'bhyve') throw new SimError(409, 'InvalidArgument', 'Disk operations are supported only for BHYVE VMs');
    return m;
  };
  const stopped = (m: SimMachine) => {
    if (m.state !== 'stopped') throw new SimError(409, 'InvalidArgument', 'VM must be stopped');
  };
  // The state is faked from the VM's state and the disk's queued or running job, as CloudAPI does.
  const diskState = (d: SimDisk, m: SimMachine, now: number) =>
    d.deleteAt !== undefined ? 'deleting' : d.resize ? 'resizing' : now < d.readyAt ? 'creating' : m.state;
  const diskView = (d: SimDisk, m: SimMachine, now: number) => ({ id: d.id, pci_slot: d.pci_slot, size: d.size, boot: d.boot, state: diskState(d, m, now) });
  const diskOf = (r: Req, m: SimMachine) => {
    const d = m.disks.find((x) => x.id === r.params.disk);
    if (!d) throw new SimError(404, 'ResourceNotFound', `disk ${r.params.disk} not found`);
    return d;
  };
  route('GET', '/:login/machines/:machine/disks', 'ListMachineDisks', {}, (r) => {
    const m = bhyve(r);
    const disks = m.disks.map((d) => diskView(d, m, r.now));
    return r.c.json(disks, 200, { 'x-resource-count': String(disks.length) });
  });
  route('GET', '/:login/machines/:machine/disks/:disk', 'GetMachineDisk', {}, (r) => {
    const m = bhyve(r);
    return r.c.json(diskView(diskOf(r, m), m, r.now));
  });
  route('POST', '/:login/machines/:machine/disks', 'CreateMachineDisk', {}, (r) => {
    const m = bhyve(r);
    stopped(m);
    const pkg = r.ctx.state.packages.get(m.package);
    const free = (pkg?.disk ?? m.disk) - m.disks.reduce((n, d) => n + d.size, 0);
    if (r.input.size === 'remaining' && !pkg?.flexible_disk) throw new SimError(409, 'InvalidArgument', 'remaining is only supported for VMs created with flexible_disk_size packages');
    const size = r.input.size === 'remaining' ? free : int(r.input, 'size', { min: 1 });
    if (size === undefined) throw new SimError(409, 'MissingParameter', 'size must be specified');
    if (size > free || size <= 0) throw new SimError(409, 'InvalidArgument', `size ${size} exceeds the ${free} MiB left`);
    const slot = str(r.input, 'pci_slot');
    if (slot !== undefined && !/^[0-9]{1,3}:[0-9]{1,2}:[0-7]$/.test(slot)) throw new SimError(409, 'InvalidArgument', 'pci_slot has wrong format');
    const d: SimDisk = { id: r.ctx.random.uuid(), pci_slot: slot ?? `0:4:${m.disks.length}`, size, boot: false, readyAt: r.now + transitionMs };
    m.disks.push(d);
    job(r, m, 'unknown', { after: transitionMs, parameters: { add_disks: [d.id] } });
    return r.c.json(diskView(d, m, r.now), 201, { location: `/${r.account.login}/machines/${m.id}/disks/${d.id}` });
  });
  route('POST', '/:login/machines/:machine/disks/:disk', 'ResizeMachineDisk', {}, (r) => {
    const m = bhyve(r);
    stopped(m);
    const d = diskOf(r, m);
    const size = int(r.input, 'size', { min: 1 });
    if (size === undefined) throw new SimError(409, 'MissingParameter', 'size must be specified');
    if (size < d.size && bool(r.input, 'dangerous_allow_shrink') !== true) throw new SimError(409, 'InvalidArgument', 'Reducing disk size is a dangerous operation: set dangerous_allow_shrink');
    d.resize = { size, at: r.now + asyncMs };
    job(r, m, 'unknown', {
      after: asyncMs,
      parameters: { update_disks: [d.id] },
      apply: () => {
        d.size = size;
        d.resize = undefined;
      },
    });
    return r.c.json(diskView(d, m, r.now));
  });
  route('DELETE', '/:login/machines/:machine/disks/:disk', 'DeleteMachineDisk', {}, (r) => {
    const m = bhyve(r);
    stopped(m);
    const d = diskOf(r, m);
    if (d.boot) throw new SimError(409, 'InvalidArgument', 'the boot disk cannot be deleted');
    d.deleteAt = r.now + asyncMs;
    job(r, m, 'unknown', { after: asyncMs, parameters: { remove_disks: [d.id] }, apply: (x) => void (x.disks = x.disks.filter((y) => y !== d)) });
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
    job(r, m, 'add_nics', { after: 0 });
    return r.c.json(nicView(nic, m), 201, { location: `/${r.account.login}/machines/${m.id}/nics/${nic.mac.replace(/:/g, '')}` });
  });
  route('DELETE', '/:login/machines/:machine/nics/:mac', 'RemoveNic', { minApi: '7.2.0' }, (r) => {
    const m = live(r);
    const n = nicOf(r, m);
    m.nics = m.nics.filter((x) => x !== n);
    job(r, m, 'remove_nics', { after: 0 });
    return noContent();
  });

  // ---- migrations: each step runs as a job (state `running`), then lands in progress_history ----
  route('GET', '/:login/machines/:machine/migrate', 'MigrateMachineEstimate', {}, (r) => {
    const m = live(r);
    const size = m.disk * 1024 * 1024;
    return r.c.json({ size, transfer_bytes_second: 100 * 1024 * 1024, eta_ms: Math.round((size / (100 * 1024 * 1024)) * 1000) });
  });
  // action → [phase it runs, state when it is done]
  const STEPS: Record<string, [string, string]> = {
    begin: ['begin', 'paused'], sync: ['sync', 'paused'], switch: ['switch', 'successful'], automatic: ['switch', 'successful'],
  };
  const progressEvent = (mig: SimMigration, now: number): Record<string, unknown> | undefined => {
    const run = mig.running;
    if (!run) return undefined;
    const total = Math.max(1, run.finishAt - run.startedAt);
    const done = Math.min(total, Math.max(0, now - run.startedAt));
    return { type: 'progress', phase: run.phase, state: 'running', message: `${run.action}: ${Math.round((done / total) * 100)}%`, current_progress: Math.round((done / total) * 100), total_progress: 100, started_timestamp: iso(run.startedAt) };
  };
  /** Finishes the running step once its time has come: a history entry as VMAPI records it. */
  const settleMigration = (mig: SimMigration, now: number) => {
    const run = mig.running;
    if (!run || now < run.finishAt) return;
    mig.running = undefined;
    mig.state = run.endState;
    mig.progress_history.push({
      type: 'progress', phase: run.phase, state: 'success', message: `${run.action} finished`, current_progress: 100, total_progress: 100,
      started_timestamp: iso(run.startedAt), finished_timestamp: iso(run.finishAt), duration_ms: run.finishAt - run.startedAt,
    });
    if (run.endState === 'successful') {
      mig.finished_timestamp = iso(run.finishAt);
      mig.duration_ms = run.finishAt - Date.parse(mig.created_timestamp);
    }
  };
  const migrationOf = (r: Req, m: SimMachine): SimMigration => {
    if (!m.migration) throw new SimError(404, 'ResourceNotFound', 'VM migration not found');
    settleMigration(m.migration, r.now);
    return m.migration;
  };
  const migrationView = (mig: SimMigration) => {
    const { running: _running, ...rest } = mig;
    return { ...rest, progress_history: mig.progress_history.map((e) => ({ ...e })) };
  };
  route('POST', '/:login/machines/:machine/migrate', 'Migrate', {}, (r) => {
    const m = live(r);
    const action = str(r.input, 'action');
    if (action === undefined) throw new SimError(409, 'MissingParameter', '"action" must be specified');
    if (action === 'watch') {
      // A watch streams the step under way until it ends; finished steps are not replayed.
      const mig = migrationOf(r, m);
      const clock = r.ctx.clock;
      const encoder = new TextEncoder();
      const line = (o: unknown) => encoder.encode(`${JSON.stringify(o)}\n`);
      const body = new ReadableStream<Uint8Array>({
        async start(ctrl) {
          const first = progressEvent(mig, clock.now());
          if (first) ctrl.enqueue(line(first));
          // On a real clock the stream stays open until the step is done; a manual clock cannot be waited for.
          // (Timers may fire a millisecond early: loop until the clock has really reached the end.)
          while (mig.running && clock.mode === 'real' && clock.now() < mig.running.finishAt) {
            await new Promise((resolve) => setTimeout(resolve, Math.max(1, mig.running!.finishAt - clock.now() + 1)));
          }
          const was = mig.running;
          settleMigration(mig, clock.now());
          if (was && !mig.running) ctrl.enqueue(line(mig.progress_history[mig.progress_history.length - 1]));
          if (!mig.running) ctrl.enqueue(line({ type: 'end', phase: mig.phase, state: mig.state }));
          ctrl.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/x-json-stream' } });
    }
    if (!['begin', 'sync', 'switch', 'automatic', 'pause', 'abort', 'finalize'].includes(action)) throw new SimError(409, 'InvalidArgument', `${action} is not a valid migration action`);
    if (m.migration) settleMigration(m.migration, r.now);
    const mig = m.migration;
    if ((action === 'begin' || action === 'automatic') && mig && !['aborted', 'finished'].includes(mig.state)) throw new SimError(409, 'InvalidArgument', 'a migration is already in progress');
    if (action !== 'begin' && action !== 'automatic' && (!mig || ['aborted', 'finished'].includes(mig.state))) throw new SimError(409, 'InvalidArgument', 'no migration in progress');
    if (mig?.running && action !== 'pause' && action !== 'abort') throw new SimError(409, 'InvalidArgument', `cannot ${action} while the ${mig.running.phase} phase is running`);
    if (action === 'begin' || action === 'automatic') {
      m.migration = { machine: m.id, automatic: action === 'automatic', created_timestamp: iso(r.now), phase: 'begin', state: 'running', progress_history: [] };
    }
    const cur = m.migration!;
    if (action === 'pause' || action === 'abort') {
      cur.running = undefined;
      cur.state = action === 'pause' ? 'paused' : 'aborted';
    } else if (action === 'finalize') {
      if (cur.state !== 'successful') throw new SimError(409, 'InvalidArgument', 'only a successful migration can be finalized');
      cur.phase = 'finished';
      cur.state = 'finished';
      return new Response(null, { status: 200 });
    } else {
      const [phase, endState] = STEPS[action]!;
      // automatic runs begin, sync and switch in one go.
      const steps = action === 'automatic' ? 3 : 1;
      cur.phase = phase;
      cur.state = 'running';
      cur.running = { action, phase, startedAt: r.now, finishAt: r.now + steps * transitionMs, endState };
    }
    return r.c.json(migrationView(cur), 201);
  });
  route('GET', '/:login/migrations', 'ListMigrations', {}, (r) =>
    r.c.json([...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id && m.migration).map((m) => migrationView(migrationOf(r, m)))),
  );
  route('GET', '/:login/migrations/:machine', 'GetMigration', {}, (r) => r.c.json(migrationView(migrationOf(r, live(r)))));
}
