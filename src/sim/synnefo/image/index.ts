import type { Context, Hono } from 'hono';
import { attribute, createServiceApp, empty, fault, jsonBody, methodNotAllowed, reply } from '../cyclades-http.js';
import { canSeeImage, ownedImage, visibleImage } from '../cyclades-images.js';
import { pyUnquote } from '../cyclades-quote.js';
import type { ImageRecord } from '../cyclades-records.js';
import { begin, type CycladesRequest } from '../cyclades-request.js';
import type { SynnefoSimHost } from '../host.js';
import { configureCyclades, cycladesState, type CycladesServiceOptions } from '../cyclades-state.js';
import { headersToParams, imageDict, imageHeaders, validateFields } from './headers.js';

const ADD_FIELDS = new Set(['name', 'id', 'store', 'disk_format', 'container_format', 'size', 'checksum', 'is_public', 'owner', 'properties', 'location']);
const UPDATE_FIELDS = new Set(['name', 'disk_format', 'container_format', 'is_public', 'owner', 'properties', 'status']);
const SORT_KEYS = ['id', 'name', 'status', 'size', 'disk_format', 'container_format', 'created_at', 'updated_at'];
const MEMBER = '[\\w@._-]+';

/** `pithos://<account>/<container>/<object>` split on `/` at most 3 times after the scheme, parts unquoted. */
function splitLocation(location: string): [string, string, string] {
  if (!location.startsWith('pithos://')) throw fault.badRequest(`Invalid location '${location}'`);
  const rest = location.slice('pithos://'.length);
  const a = rest.indexOf('/');
  const b = a < 0 ? -1 : rest.indexOf('/', a + 1);
  if (a <= 0 || b <= a + 1 || b === rest.length - 1) throw fault.badRequest(`Invalid location '${location}'`);
  return [pyUnquote(rest.slice(0, a)), pyUnquote(rest.slice(a + 1, b)), pyUnquote(rest.slice(b + 1))];
}

/** Grants read access on the image's object: the owner, its members, and everyone when public. */
function share(host: SynnefoSimHost, image: ImageRecord): void {
  if (!host.objects || !image.location.startsWith('pithos://')) return;
  const [account, container, name] = splitLocation(image.location);
  if (!host.objects.find(account, container, name)) return;
  host.objects.setReadSharing(account, container, name, [image.owner, ...image.members, ...(image.isPublic ? ['*'] : [])]);
}

function withHeaders(image: ImageRecord): Response {
  const headers = imageHeaders(image);
  headers.set('content-length', '0');
  headers.set('content-type', 'application/json; charset=UTF-8');
  return new Response(null, { status: 200, headers });
}

function register(r: CycladesRequest): Response {
  const { params, properties, unknown } = headersToParams(r.c.req.raw.headers);
  if (unknown.length || Object.keys(params).some((k) => !ADD_FIELDS.has(k))) throw fault.badRequest('Invalid parameters');
  const name = params.name;
  if (name === undefined) throw fault.badRequest("Image 'name' parameter is required");
  if (name === '' || typeof name !== 'string') throw fault.badRequest('Invalid image name');
  const location = params.location;
  if (location === undefined) throw fault.badRequest("'location' parameter is required");
  const [account, container, object] = splitLocation(String(location));
  validateFields(params);
  if (account !== r.user.uuid) throw fault.forbidden('You can only register images from your own account');
  const stored = r.host.objects?.find(account, container, object);
  if (!stored) throw fault.itemNotFound(`Object '${container}/${object}' not found`);
  // Header values are strings and the server compares the size with an integer, so a sent size
  // never matches (a `SynnefoSimService`; `options` as `services.<name>` of createSim; protocol §5): faithful to the server, it is always refused.
  if ('size' in params) throw fault.badRequest(`Invalid size '${String(params.size)}'`);
  if ('checksum' in params && params.checksum !== stored.hash) throw fault.badRequest('Invalid checksum');
  const existing = r.state.images.get(stored.uuid);
  const image: ImageRecord = existing && !existing.deleted ? existing : {
    id: stored.uuid, name, owner: r.user.uuid, location: String(location), diskFormat: 'diskdump', containerFormat: 'bare', size: stored.bytes,
    checksum: stored.hash, isPublic: false, properties: {}, status: 'AVAILABLE', description: '', isSnapshot: false, members: new Set(),
    created: r.now, updated: r.now, deleted: false, deletedAt: null,
  };
  image.name = name;
  if (typeof params.disk_format === 'string') image.diskFormat = params.disk_format;
  if (typeof params.container_format === 'string') image.containerFormat = params.container_format;
  if (typeof params.is_public === 'boolean') image.isPublic = params.is_public;
  Object.assign(image.properties, properties);
  if (typeof properties.description === 'string') image.description = properties.description;
  image.updated = r.now;
  r.state.images.set(image.id, image);
  share(r.host, image);
  return withHeaders(image);
}

function list(r: CycladesRequest, detail: boolean): Response {
  const q = (k: string) => r.c.req.query(k);
  const sortKey = q('sort_key') ?? 'created_at';
  const sortDir = q('sort_dir') ?? 'desc';
  if (!SORT_KEYS.includes(sortKey)) throw fault.badRequest("Invalid 'sort_key'");
  if (sortDir !== 'asc' && sortDir !== 'desc') throw fault.badRequest("Invalid 'sort_dir'");
  const int = (k: string) => {
    const v = q(k);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw fault.badRequest('Malformed request.');
    return Number(v);
  };
  const sizeMin = int('size_min');
  const sizeMax = int('size_max');
  const images = [...r.state.images.values()].filter((i) => canSeeImage(i, r.user)).filter((i) =>
    (q('name') === undefined || i.name === q('name')) && (q('disk_format') === undefined || i.diskFormat === q('disk_format')) &&
    (q('container_format') === undefined || i.containerFormat === q('container_format')) && (q('status') === undefined || i.status === q('status')?.toUpperCase()) &&
    (sizeMin === undefined || i.size >= sizeMin) && (sizeMax === undefined || i.size <= sizeMax));
  const dicts = images.map((i) => imageDict(i, true));
  dicts.sort((a, b) => {
    const x = a[sortKey] as string | number;
    const y = b[sortKey] as string | number;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return sortDir === 'asc' ? c : -c;
  });
  const keep = detail ? undefined : new Set(['status', 'name', 'disk_format', 'container_format', 'size', 'id']);
  return reply({ images: dicts.map((d) => (keep ? Object.fromEntries(Object.entries(d).filter(([k]) => keep.has(k))) : d)) });
}

/**
 * The simulated Plankton image service (protocol §5), routes relative to `/image/v1.0`: images
 * registered from Pithos objects (the id is the object's UUID, read sharing set through the
 * host's object store), metadata in quoted `X-Image-Meta-*` headers, members and shared images.
 */
export const createImageService = (host: SynnefoSimHost, options?: CycladesServiceOptions): Hono => {
  configureCyclades(cycladesState(host), options);
  const app = createServiceApp();
  const r = (c: Context) => begin(host, c);
  for (const path of ['/images', '/images/']) {
    app.get(path, (c) => list(r(c), false));
    app.post(path, (c) => register(r(c)));
    methodNotAllowed(app, path, ['GET', 'POST'], true);
  }
  app.get('/images/detail', (c) => list(r(c), true));
  methodNotAllowed(app, '/images/detail', ['GET'], true);
  // hono answers HEAD through the GET route; the original method tells get_image_meta from get_image.
  app.get('/images/:id{[\\w-]+}', (c) => {
    const req = r(c);
    const image = visibleImage(req.state, req.user, c.req.param('id'));
    if (c.req.method === 'HEAD') return withHeaders(image);
    return empty(501);
  });
  app.put('/images/:id{[\\w-]+}', (c) => {
    const req = r(c);
    const image = ownedImage(req.state, req.user, c.req.param('id'));
    const { params, properties, unknown } = headersToParams(c.req.raw.headers);
    if (Object.keys(properties).length) params.properties = 'set';
    if (unknown.length || Object.keys(params).some((k) => !UPDATE_FIELDS.has(k))) throw fault.badRequest('Invalid metadata');
    validateFields(params);
    if (typeof params.name === 'string') image.name = params.name;
    if (typeof params.disk_format === 'string') image.diskFormat = params.disk_format;
    if (typeof params.container_format === 'string') image.containerFormat = params.container_format;
    if (typeof params.is_public === 'boolean') image.isPublic = params.is_public;
    if (typeof params.status === 'string') {
      const status = params.status.toUpperCase();
      if (!['AVAILABLE', 'SAVING', 'ERROR'].includes(status)) throw fault.badRequest(`Invalid status '${params.status}'`);
      image.status = status as ImageRecord['status'];
    }
    Object.assign(image.properties, properties);
    image.updated = req.now;
    share(host, image);
    return withHeaders(image);
  });
  app.delete('/images/:id{[\\w-]+}', (c) => {
    const req = r(c);
    const image = ownedImage(req.state, req.user, c.req.param('id'));
    image.deleted = true;
    image.deletedAt = req.now;
    image.updated = req.now;
    return empty(204);
  });
  methodNotAllowed(app, '/images/:id{[\\w-]+}', ['GET', 'HEAD', 'PUT', 'DELETE'], true);

  app.get('/images/:id{[\\w-]+}/members', (c) => {
    const req = r(c);
    const image = visibleImage(req.state, req.user, c.req.param('id'));
    return reply({ members: [...image.members].map((m) => ({ member_id: m, can_share: false })) });
  });
  app.put('/images/:id{[\\w-]+}/members', async (c) => {
    const req = r(c);
    const image = ownedImage(req.state, req.user, c.req.param('id'));
    const memberships = attribute<unknown[]>(await jsonBody(c), 'memberships', 'array')!;
    const members = memberships.map((m) => {
      if (!m || typeof m !== 'object' || Array.isArray(m)) throw fault.badRequest("Invalid 'memberships' field");
      return String(attribute(m, 'member_id'));
    });
    image.members = new Set(members);
    image.updated = req.now;
    share(host, image);
    return empty(204);
  });
  methodNotAllowed(app, '/images/:id{[\\w-]+}/members', ['GET', 'PUT'], true);
  app.put(`/images/:id{[\\w-]+}/members/:member{${MEMBER}}`, (c) => {
    const req = r(c);
    const image = ownedImage(req.state, req.user, c.req.param('id'));
    image.members.add(c.req.param('member'));
    image.updated = req.now;
    share(host, image);
    return empty(204);
  });
  app.delete(`/images/:id{[\\w-]+}/members/:member{${MEMBER}}`, (c) => {
    const req = r(c);
    const image = ownedImage(req.state, req.user, c.req.param('id'));
    if (!image.members.delete(c.req.param('member'))) throw fault.itemNotFound('Member not found');
    image.updated = req.now;
    share(host, image);
    return empty(204);
  });
  methodNotAllowed(app, `/images/:id{[\\w-]+}/members/:member{${MEMBER}}`, ['DELETE', 'PUT'], true);
  app.get(`/shared-images/:member{${MEMBER}}`, (c) => {
    const req = r(c);
    const member = c.req.param('member');
    const mine = [...req.state.images.values()].filter((i) => !i.deleted && i.owner === req.user.uuid && (i.isPublic || i.members.has(member)));
    return reply({ shared_images: mine.map((i) => ({ image_id: i.id, can_share: false })) });
  });
  return app;
};
