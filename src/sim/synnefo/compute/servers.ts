import type { Context, Hono } from 'hono';
import { attribute, changesSince, empty, fault, jsonBody, modifiedSince, NotModified, reply } from '../cyclades-http.js';
import { visibleImage } from '../cyclades-images.js';
import { connectServer } from '../cyclades-ops.js';
import type { ServerRecord, VolumeRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { flavorCost, isRunning, negate, nextId, ownedServer, releasePort } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { activePorts, addressesOf, diagnosticView, serverView } from './views.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_PERSONALITY = 5;
const MAX_PERSONALITY_SIZE = 10240;

function checkPersonality(personality: unknown[]): void {
  if (personality.length > MAX_PERSONALITY) throw fault.overLimit('Maximum number of personalities exceeded');
  for (const item of personality) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw fault.badRequest('Malformed personality in request');
    const p = item as Record<string, unknown>;
    const keys = Object.keys(p);
    if (keys.some((k) => !['path', 'contents', 'owner', 'group', 'mode'].includes(k)) || typeof p.path !== 'string' || typeof p.contents !== 'string') {
      throw fault.badRequest('Malformed personality in request');
    }
    if (p.mode !== undefined && !Number.isInteger(p.mode)) throw fault.badRequest('Malformed personality in request');
    if (!BASE64.test(p.contents)) throw fault.badRequest('Malformed personality in request');
    if (p.contents.length > MAX_PERSONALITY_SIZE || Math.floor((p.contents.length * 3) / 4) > MAX_PERSONALITY_SIZE) {
      throw fault.overLimit('Maximum size of personality exceeded');
    }
  }
}

function checkTags(tags: unknown[]): string[] {
  if (tags.length > 50) throw fault.badRequest('Too many tags (at most 50)');
  return tags.map((t) => {
    if (typeof t !== 'string' || t === '' || t.length > 60 || /[/,]/.test(t)) throw fault.badRequest(`Invalid tag '${String(t)}'`);
    return t;
  });
}

function strongPassword(p: string): boolean {
  return p.length >= 10 && /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p);
}

function randomPassword(host: SynnefoSimHost): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let p = '';
  while (!strongPassword(p)) {
    p = '';
    for (let i = 0; i < 12; i++) p += alphabet[host.random.int(alphabet.length)];
  }
  return p;
}

/** Server CRUD, addresses, stats, diagnostics and the password cache. */
export function serverRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (detail: boolean) => (c: Context) => {
    const r = begin(host, c);
    const since = changesSince(c, r.now);
    const mine = [...r.state.servers.values()].filter((s) => s.userId === r.user.uuid).sort((a, b) => a.id - b.id);
    return reply({ servers: modifiedSince(mine, since).map((s) => serverView(r.state, s, detail, r.now)) });
  };
  app.get('/servers', list(false));
  app.get('/servers/', list(false));
  app.get('/servers/detail', list(true));

  app.post('/servers', async (c) => {
    const r = begin(host, c);
    const { state, user, now } = r;
    const body = await jsonBody(c);
    const server = attribute<Record<string, unknown>>(body, 'server', 'object')!;
    const name = server.name;
    const metadata = server.metadata ?? {};
    const tags = server.tags ?? [];
    const personality = server.personality ?? [];
    const networks = server.networks;
    const keyNames = server['SNF:key_names'] ?? [];
    const userData = server.user_data ?? '';
    if (
      typeof name !== 'string' || server.imageRef === undefined || server.flavorRef === undefined ||
      typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || !Array.isArray(tags) || !Array.isArray(personality) ||
      (networks !== undefined && networks !== null && !Array.isArray(networks)) || !Array.isArray(keyNames) || typeof userData !== 'string'
    ) {
      throw fault.badRequest('Malformed request');
    }
    const project = typeof server.project === 'string' ? server.project : user.defaultProject;
    checkPersonality(personality);
    if (userData !== '' && !BASE64.test(userData)) throw fault.badRequest('Marformed user_data request');
    const flavor = state.flavors.get(Number(server.flavorRef));
    if (!flavor || flavor.deleted) throw fault.itemNotFound(`Flavor ${String(server.flavorRef)} not found.`);
    if (!flavor.allowCreate) throw fault.forbidden(`It is not allowed to create a server from flavor with id '${flavor.id}', see 'allow_create' flavor attribute`);
    const image = visibleImage(state, user, String(server.imageRef));
    let password = server.adminPass;
    if (password !== undefined && (typeof password !== 'string' || !strongPassword(password))) {
      throw fault.badRequest('Password not strong (must contain upper case, lower case, digits and be at least 10 characters!');
    }
    password ??= randomPassword(host);
    let keys: string[];
    if (server.key_name !== undefined && server.key_name !== null) {
      if (keyNames.length > 0) throw fault.badRequest('Only one of the SNF:key_names andkey_name can be set');
      keys = [String(server.key_name)];
    } else {
      keys = [...new Set(keyNames.map(String))];
    }
    for (const k of keys) if (!state.keypairs.get(user.uuid)?.has(k)) throw fault.itemNotFound(`Key pair '${k}' not found`);
    const cleanTags = checkTags(tags);
    for (const [k, v] of Object.entries(metadata)) if (typeof v !== 'string' || k.length > 64 || v.length > 255) throw fault.badRequest('Malformed metadata');

    // Quota first (413 overLimit leaves nothing behind), then the server and its NICs.
    host.charge(user, flavorCost(flavor, true), project);
    const id = nextId(state, 'server');
    const record: ServerRecord = {
      id, name, userId: user.uuid, project, sharedToProject: server.shared_to_project === true, flavorId: flavor.id, imageId: image.id,
      metadata: { ...(metadata as Record<string, string>) }, tags: new Map(cleanTags.map((t) => [t, 'ACTIVE'])), keyNames: keys,
      status: 'BUILD', created: now, buildUntil: now + state.timings.buildMs, updated: now, task: undefined, deleted: false, rescue: false,
      hostId: host.random.hex(8), password: { value: password as string, until: now + state.timings.passwordMs }, diagnostics: [],
    };
    state.servers.set(id, record);
    try {
      connectServer(state, user, record, networks === null ? undefined : (networks as unknown[] | undefined), now);
    } catch (e) {
      // Undo everything this request made: ports, the server, the quota.
      for (const port of [...state.ports.values()]) if (port.deviceId === id) releasePort(state, port, now);
      state.servers.delete(id);
      host.charge(user, negate(flavorCost(flavor, true)), project);
      throw e;
    }
    const root: VolumeRecord = {
      id: nextId(state, 'volume'), name: '', description: '', size: flavor.disk, userId: user.uuid, project, sharedToProject: false,
      status: 'creating', pending: { status: 'in_use', at: record.buildUntil }, serverId: id, deviceIndex: 0, typeId: flavor.volumeTypeId,
      imageId: image.id, snapshotId: null, sourceVolid: null, metadata: {}, deleteOnTermination: true, root: true, created: now, updated: now, deleted: false,
    };
    state.volumes.set(root.id, root);
    const view = serverView(state, record, true, now);
    return reply({ server: { ...view, status: 'BUILD', adminPass: password } }, 202);
  });

  app.get('/servers/:id{[0-9]+}', (c) => {
    const r = begin(host, c);
    return reply({ server: serverView(r.state, ownedServer(r.state, r.user, c.req.param('id')), true, r.now) });
  });
  app.put('/servers/:id{[0-9]+}', async (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const body = await jsonBody(c);
    const name = attribute<string>(attribute(body, 'server', 'object'), 'name', 'string')!;
    if (server.deleted) throw fault.badRequest(`Server '${server.id}' has been deleted.`);
    server.name = name;
    server.updated = r.now;
    return empty(204);
  });
  app.delete('/servers/:id{[0-9]+}', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    if (server.deleted) throw fault.badRequest(`Server '${server.id}' has been deleted.`);
    if (server.task?.action === 'DESTROY') return empty(204);
    const flavor = r.state.flavors.get(server.flavorId)!;
    host.charge(r.user, negate(flavorCost(flavor, isRunning(server) || server.task?.action === 'START')), server.project);
    const status = server.status;
    server.task = { action: 'DESTROY', taskState: 'DESTROYING', status: 'DELETED', at: r.now + r.state.timings.actionMs };
    server.status = status;
    server.updated = r.now;
    return empty(204);
  });

  const addresses = (c: Context, networkId?: string) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id')!);
    const since = changesSince(c, r.now);
    if (since !== undefined && server.updated < since) throw new NotModified();
    const ports = activePorts(r.state, server);
    if (networkId === undefined) return reply({ addresses: addressesOf(r.state, ports) });
    const on = ports.filter((p) => p.networkId === networkId);
    if (on.length === 0) throw fault.itemNotFound(`Server ${server.id} is not connected to network ${networkId}`);
    return reply({ network: addressesOf(r.state, on) });
  };
  app.get('/servers/:id{[0-9]+}/ips', (c) => addresses(c));
  app.get('/servers/:id{[0-9]+}/ips/:network', (c) => addresses(c, c.req.param('network')));

  app.get('/servers/:id{[0-9]+}/stats', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const graph = (kind: string) => new URL(`/stats/v1.0/${kind}/${server.hostId}`, host.serviceUrl('compute')).toString();
    return reply({ stats: { serverRef: server.id, refresh: 60, cpuBar: graph('cpu-bar'), cpuTimeSeries: graph('cpu-ts'), netBar: graph('net-bar'), netTimeSeries: graph('net-ts') } });
  });
  app.get('/servers/:id{[0-9]+}/diagnostics', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    return reply([...server.diagnostics].reverse().map(diagnosticView));
  });
  app.get('/servers/:id{[0-9]+}/password', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    if (!server.password || r.now >= server.password.until) throw fault.itemNotFound('No password for this server');
    return reply({ password: server.password.value });
  });
  app.delete('/servers/:id{[0-9]+}/password', (c) => {
    const r = begin(host, c);
    ownedServer(r.state, r.user, c.req.param('id')).password = undefined;
    return empty(204);
  });
}
