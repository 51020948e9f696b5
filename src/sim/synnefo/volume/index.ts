import type { Context, Hono } from 'hono';
import { attribute, changesSince, createServiceApp, empty, fault, jsonBody, methodNotAllowed, modifiedSince, reply } from '../cyclades-http.js';
import { visibleImage } from '../cyclades-images.js';
import { attachVolume } from '../cyclades-ops.js';
import type { SnapshotRecord, VolumeRecord } from '../cyclades-records.js';
import { begin, type CycladesRequest } from '../cyclades-request.js';
import { configureCyclades, cycladesState, nextId, ownedServer, type CycladesServiceOptions } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { snapshotView, volumeTypeView, volumeView } from './views.js';

const GB = 2 ** 30;

function ownedVolume(r: CycladesRequest, id: string): VolumeRecord {
  const v = r.state.volumes.get(Number(id));
  if (!v || v.deleted || v.userId !== r.user.uuid) throw fault.itemNotFound(`Volume ${id} not found`);
  return v;
}

function ownedSnapshot(r: CycladesRequest, id: string): SnapshotRecord {
  const s = r.state.snapshots.get(id);
  if (!s || s.deleted || s.userId !== r.user.uuid) throw fault.itemNotFound(`Snapshot ${id} not found`);
  return s;
}

function stringMap(value: unknown, name: string): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw fault.badRequest(`Malformed request. Invalid '${name}' field`);
  }
  return { ...(value as Record<string, string>) };
}

function volumeRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (detail: boolean) => (c: Context) => {
    const r = begin(host, c);
    const since = changesSince(c, r.now);
    const mine = [...r.state.volumes.values()].filter((v) => v.userId === r.user.uuid).sort((a, b) => a.id - b.id);
    return reply({ volumes: modifiedSince(mine, since).map((v) => volumeView(r.state, v, detail)) });
  };
  app.get('/volumes', list(false));
  app.get('/volumes/', list(false));
  app.get('/volumes/detail', list(true));
  app.post('/volumes', async (c) => {
    const r = begin(host, c);
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'volume', 'object')!;
    const rawSize = attribute(spec, 'size');
    const size = typeof rawSize === 'number' ? rawSize : typeof rawSize === 'string' && /^\d+$/.test(rawSize) ? Number(rawSize) : Number.NaN;
    if (!Number.isInteger(size) || size <= 0) throw fault.badRequest(`Volume 'size' needs to be a positive integer value. '${String(rawSize)}' cannot be accepted.`);
    const name = attribute<string>(spec, 'display_name', 'string')!;
    const description = attribute<string>(spec, 'display_description', 'string', false) ?? '';
    const project = attribute<string>(spec, 'project', 'string', false) ?? r.user.defaultProject;
    const serverId = spec.server_id;
    const server = serverId === undefined || serverId === null ? undefined : ownedServer(r.state, r.user, String(serverId));
    if (server && (server.deleted || server.task?.action === 'DESTROY')) throw fault.badRequest(`Server '${server.id}' has been deleted.`);
    const typeRaw = spec.volume_type;
    let typeId: number;
    if (typeRaw === undefined || typeRaw === null) {
      if (!server) throw fault.badRequest("Malformed request. Missing attribute 'volume_type'.");
      typeId = r.state.flavors.get(server.flavorId)!.volumeTypeId;
    } else {
      typeId = Number(typeRaw);
      if (!r.state.volumeTypes.has(typeId)) throw fault.itemNotFound(`Volume type ${String(typeRaw)} not found`);
    }
    const type = r.state.volumeTypes.get(typeId)!;
    if (!type.detachable && !server) throw fault.badRequest(`Volume type '${type.name}' is not detachable: 'server_id' is required`);
    let snapshotId: string | null = null;
    if (spec.snapshot_id !== undefined && spec.snapshot_id !== null) {
      if (!r.state.snapshotsEnabled) throw fault.notImplemented('Creating a volume from a snapshot is not supported');
      const snap = ownedSnapshot(r, String(spec.snapshot_id));
      if (snap.status !== 'AVAILABLE') throw fault.badRequest(`Snapshot '${snap.id}' is not available`);
      if (size < snap.size) throw fault.badRequest('Volume size cannot be smaller than the snapshot size');
      snapshotId = snap.id;
    }
    const imageId = spec.imageRef === undefined || spec.imageRef === null ? null : visibleImage(r.state, r.user, String(spec.imageRef)).id;
    const metadata = spec.metadata === undefined ? {} : stringMap(spec.metadata, 'metadata');
    const volume: VolumeRecord = {
      id: nextId(r.state, 'volume'), name, description, size, userId: r.user.uuid, project, sharedToProject: false, status: 'creating',
      pending: { status: server ? 'in_use' : 'available', at: r.now + r.state.timings.volumeMs }, serverId: null, deviceIndex: null, typeId,
      imageId, snapshotId, sourceVolid: null, metadata, deleteOnTermination: server !== undefined, root: false, created: r.now, updated: r.now, deleted: false,
    };
    // Created on a server, it is attached once built (`creating` → `in_use`).
    if (server) attachVolume(r.state, server, volume, r.now, true);
    host.charge(r.user, { 'cyclades.disk': size * GB }, project);
    if (server) server.updated = r.now;
    r.state.volumes.set(volume.id, volume);
    return reply({ volume: volumeView(r.state, volume, false) }, 202);
  });
  app.get('/volumes/:id{[0-9]+}', (c) => {
    const r = begin(host, c);
    return reply({ volume: volumeView(r.state, ownedVolume(r, c.req.param('id')), true) });
  });
  app.put('/volumes/:id{[0-9]+}', async (c) => {
    const r = begin(host, c);
    const v = ownedVolume(r, c.req.param('id'));
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'volume', 'object')!;
    if (typeof spec.display_name === 'string') v.name = spec.display_name;
    if (typeof spec.display_description === 'string') v.description = spec.display_description;
    if (spec.delete_on_termination !== undefined) v.deleteOnTermination = spec.delete_on_termination === true;
    if (spec.metadata !== undefined) v.metadata = stringMap(spec.metadata, 'metadata');
    v.updated = r.now;
    return reply({ volume: volumeView(r.state, v, true) });
  });
  app.delete('/volumes/:id{[0-9]+}', (c) => {
    const r = begin(host, c);
    const v = ownedVolume(r, c.req.param('id'));
    if (v.root) throw fault.badRequest('Cannot delete the root volume of a server; delete the server.');
    if (v.status !== 'available' && v.status !== 'in_use' && v.status !== 'error') {
      throw fault.badRequest(`Cannot delete volume while volume is in '${v.status}' status.`);
    }
    host.charge(r.user, { 'cyclades.disk': -v.size * GB }, v.project);
    v.status = 'deleting';
    v.pending = { status: 'deleted', at: r.now + r.state.timings.volumeMs };
    v.updated = r.now;
    return empty(202);
  });
  app.post('/volumes/:id{[0-9]+}/action', async (c) => {
    const r = begin(host, c);
    const v = ownedVolume(r, c.req.param('id'));
    const body = await jsonBody(c);
    const args = attribute<Record<string, unknown>>(body, 'reassign', 'object', false);
    if (!args) throw fault.badRequest('Unsupported action');
    const project = attribute<string>(args, 'project', 'string')!;
    if (v.root) throw fault.badRequest('Cannot reassign the root volume of a server; reassign the server.');
    if (project !== v.project) {
      host.charge(r.user, { 'cyclades.disk': v.size * GB }, project);
      host.charge(r.user, { 'cyclades.disk': -v.size * GB }, v.project);
      v.project = project;
    }
    v.sharedToProject = args.shared_to_project === true;
    v.updated = r.now;
    return empty(200);
  });
}

function snapshotRoutes(app: Hono, host: SynnefoSimHost): void {
  const enabled = (r: CycladesRequest) => {
    if (!r.state.snapshotsEnabled) throw fault.badRequest('API endpoint not found');
    return r;
  };
  const list = (detail: boolean) => (c: Context) => {
    const r = enabled(begin(host, c));
    const since = changesSince(c, r.now);
    const mine = [...r.state.snapshots.values()].filter((s) => s.userId === r.user.uuid);
    return reply({ snapshots: modifiedSince(mine, since).map((s) => snapshotView(r.state, s, detail)) });
  };
  app.get('/snapshots', list(false));
  app.get('/snapshots/', list(false));
  app.get('/snapshots/detail', list(true));
  app.post('/snapshots', async (c) => {
    const r = enabled(begin(host, c));
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'snapshot', 'object')!;
    const volume = ownedVolume(r, String(attribute(spec, 'volume_id')));
    if (volume.status !== 'available' && volume.status !== 'in_use') throw fault.badRequest(`Cannot snapshot volume while volume is in '${volume.status}' status.`);
    const snap: SnapshotRecord = {
      id: host.random.uuid(), volumeId: volume.id, name: typeof spec.display_name === 'string' ? spec.display_name : `Snapshot of volume '${volume.id}'`,
      description: typeof spec.display_description === 'string' ? spec.display_description : '', size: volume.size, userId: r.user.uuid,
      project: volume.project, status: 'CREATING', availableAt: r.now + r.state.timings.snapshotMs, metadata: {}, created: r.now, updated: r.now, deleted: false,
    };
    r.state.snapshots.set(snap.id, snap);
    return reply({ snapshot: snapshotView(r.state, snap, true) }, 202);
  });
  app.get('/snapshots/:id{[\\w-]+}', (c) => {
    const r = enabled(begin(host, c));
    return reply({ snapshot: snapshotView(r.state, ownedSnapshot(r, c.req.param('id')), true) });
  });
  app.put('/snapshots/:id{[\\w-]+}', async (c) => {
    const r = enabled(begin(host, c));
    const s = ownedSnapshot(r, c.req.param('id'));
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'snapshot', 'object')!;
    if (typeof spec.display_name === 'string') s.name = spec.display_name;
    if (typeof spec.display_description === 'string') s.description = spec.display_description;
    s.updated = r.now;
    return reply({ snapshot: snapshotView(r.state, s, true) });
  });
  app.delete('/snapshots/:id{[\\w-]+}', (c) => {
    const r = enabled(begin(host, c));
    const s = ownedSnapshot(r, c.req.param('id'));
    s.deleted = true;
    s.status = 'DELETED';
    s.updated = r.now;
    return empty(202);
  });
}

/**
 * The simulated Cyclades block storage service (a `SynnefoSimService`; `options` as `services.<name>` of createSim; protocol §6), routes relative to `/volume/v2.0`:
 * volumes `creating` → `available` / `in_use` (lower-case), snapshots `CREATING` → `AVAILABLE`
 * (upper-case), volume types. `cyclades.disk` is charged on create and released on delete.
 */
export const createVolumeService = (host: SynnefoSimHost, options?: CycladesServiceOptions): Hono => {
  configureCyclades(cycladesState(host), options);
  const app = createServiceApp();
  volumeRoutes(app, host);
  snapshotRoutes(app, host);
  app.get('/types', (c) => {
    const r = begin(host, c);
    return reply({ volume_types: [...r.state.volumeTypes.values()].map(volumeTypeView) });
  });
  app.get('/types/:id', (c) => {
    const r = begin(host, c);
    const t = r.state.volumeTypes.get(Number(c.req.param('id')));
    if (!t) throw fault.itemNotFound(`Volume type ${c.req.param('id')} not found`);
    return reply({ volume_type: volumeTypeView(t) });
  });
  const routes: [string, string[]][] = [
    ['/volumes', ['GET', 'POST']], ['/volumes/:id{[0-9]+}', ['GET', 'PUT', 'DELETE']], ['/volumes/:id{[0-9]+}/action', ['POST']],
    ['/snapshots', ['GET', 'POST']], ['/snapshots/:id{[\\w-]+}', ['GET', 'PUT', 'DELETE']], ['/types', ['GET']], ['/types/:id', ['GET']],
  ];
  for (const [path, allowed] of routes) methodNotAllowed(app, path, allowed, true);
  return app;
};
