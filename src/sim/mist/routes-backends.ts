import { familyOf, imagesOf, locationsOf, networksOf, SIZES, DRIVER_NAMES, starredByDefault, SUPPORTED_PROVIDERS } from './catalog.js';
import type { MistSimContext } from './context.js';
import { backendIdOf } from './ids.js';
import { machineView, nextAddresses } from './machines.js';
import {
  backendExists,
  backendNameExists,
  backendNotFound,
  backendUnauthorized,
  backendUnavailable,
  badRequest,
  json,
  keypairNotFound,
  missing,
  ok,
} from './replies.js';
import type { MistRouter, RouteContext } from './router.js';
import type { SimBackend } from './types.js';

const HPCLOUD_AUTH_URL = 'https://region-a.geo-1.identity.hpcloudsvc.com:35357/v2.0/tokens';

/** A string field of a body; JSON null and absence both read as the default (the server's `get(k, d)` plus its `or ''` fixes). */
function text(body: Record<string, unknown>, name: string, fallback = ''): string {
  const v = body[name];
  return typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v);
}

/** The server's `list_backends` entry. */
function backendView(b: SimBackend): Record<string, unknown> {
  return {
    id: b.id,
    apikey: b.apikey,
    title: b.title || b.provider,
    provider: b.provider,
    poll_interval: b.poll_interval,
    state: b.enabled ? 'online' : 'offline',
    region: b.region,
    enabled: b.enabled,
  };
}

/** Backends: list, add (with the server's per-provider validation), rename, enable/disable, delete, and what each offers. */
export function backendRoutes(router: MistRouter, sim: MistSimContext): void {
  const { state } = sim;

  router.on('GET', '/providers', () => json({ supported_providers: SUPPORTED_PROVIDERS }));
  router.on('GET', '/backends', () => json([...state.backends.values()].map(backendView)));

  router.on('POST', '/backends', async (c) => {
    const body = await c.body();
    const removeOnError = body.remove_on_error === undefined ? true : Boolean(body.remove_on_error);
    const provider = text(body, 'provider');
    if (!provider) throw missing('provider');
    const backend = provider === 'bare_metal' ? addBareMetal(sim, body, removeOnError) : addCloud(sim, body, removeOnError);
    return json({
      index: state.backends.size - 1,
      id: backend.id,
      apikey: backend.apikey,
      apiurl: backend.apiurl,
      tenant_name: backend.tenant_name,
      title: backend.title,
      provider: backend.provider,
      poll_interval: backend.poll_interval,
      region: backend.region,
      status: 'off',
      enabled: backend.enabled,
    });
  });

  router.on('DELETE', '/backends/:backend', (c) => {
    const id = c.params.backend as string;
    if (!state.backends.delete(id)) throw backendNotFound(id);
    return ok();
  });

  router.on('PUT', '/backends/:backend', async (c) => {
    const id = c.params.backend as string;
    const newName = text(await c.body(), 'new_name');
    if (!newName) throw missing('new_name');
    const backend = sim.backend(id);
    for (const other of state.backends.values()) if (other.id !== id && other.title === newName) throw backendNameExists(newName);
    backend.title = newName;
    return ok();
  });

  router.on('POST', '/backends/:backend', async (c) => {
    const id = c.params.backend as string;
    const newState = text(await c.body(), 'new_state');
    if (!newState) throw missing('new_state');
    if (newState !== '1' && newState !== '0') throw badRequest('Invalid backend state');
    const backend = state.backends.get(id);
    if (!backend) throw backendNotFound();
    backend.enabled = newState === '1';
    return ok();
  });

  router.on('GET', '/backends/:backend/sizes', (c) => {
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.reachableCloud(backend);
    return json(SIZES[cloud.family].map((s) => ({ id: s.id, bandwidth: s.bandwidth, disk: s.disk, driver: DRIVER_NAMES[cloud.family], name: s.name, price: s.price, ram: s.ram })));
  });

  router.on('GET', '/backends/:backend/locations', (c) => {
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.cloud(backend);
    // A provider that fails to list locations still gets the one default location.
    if (sim.provider(cloud.family).available === false) return json([{ id: '', name: 'default', country: '' }]);
    return json(locationsOf(cloud.family, backend.provider, backend.region ?? ''));
  });

  router.on('GET', '/backends/:backend/networks', (c) => {
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.cloud(backend);
    return json(sim.provider(cloud.family).available === false ? [] : networksOf(cloud.family));
  });

  const images = async (c: RouteContext) => {
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.cloud(backend);
    if (sim.provider(cloud.family).available === false) throw backendUnavailable(backend.id);
    // The server reads the term from a JSON body on GET and on its POST alias alike.
    const body = await c.bodyOrUndefined();
    const term = typeof body?.search_term === 'string' ? body.search_term.toLowerCase() : '';
    let list = imagesOf(cloud.family).filter(
      (img) => img.name && !['aki', 'ari'].includes(img.id.slice(0, 3)) && !img.name.toLowerCase().includes('windows') && !img.name.toLowerCase().includes('hvm'),
    );
    if (cloud.family !== 'ec2' && cloud.family !== 'docker') {
      // Starred images come first (and twice, as the server lists them: starred + all).
      list = [...list.filter((img) => backend.starred.includes(img.id)), ...list];
    }
    if (term) list = list.filter((img) => img.id.toLowerCase().includes(term) || img.name.toLowerCase().includes(term)).slice(0, 40);
    return json(
      list.map((img) => ({
        id: img.id,
        extra: img.extra,
        name: img.name,
        star: backend.starred.includes(img.id) || (starredByDefault(cloud.family, img.id) && !backend.unstarred.includes(img.id)),
      })),
    );
  };
  router.on('GET', '/backends/:backend/images', images);
  router.on('POST', '/backends/:backend/images', images);

  router.on('GET', '/backends/:backend/machines', (c) => {
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.reachableCloud(backend);
    return json(sim.machines(backend).map((m) => machineView(cloud, m)));
  });
}

/** A cloud backend: region split, credential checks, the server's per-provider fixes, then a provider login. */
function addCloud(sim: MistSimContext, body: Record<string, unknown>, removeOnError: boolean): SimBackend {
  const { state } = sim;
  let provider = text(body, 'provider');
  let region = text(body, 'region');
  const apikey = text(body, 'apikey');
  let apisecret = text(body, 'apisecret');
  const apiurl = text(body, 'apiurl');
  if (apisecret === 'getsecretfromdb') {
    for (const b of state.backends.values()) if (b.apikey === apikey && b.apisecret) apisecret = b.apisecret;
  }
  if (provider.includes(':')) [provider, region] = [provider.split(':')[0] ?? '', provider.split(':')[1] ?? ''];
  if (removeOnError && provider !== 'docker') {
    if (!apikey && provider !== 'digitalocean' && provider !== 'linode') throw missing('apikey');
    if (!apisecret) throw missing('apisecret');
  }
  const backend: SimBackend = {
    id: '',
    title: body.title === null || body.title === undefined ? null : String(body.title),
    provider,
    apikey,
    apisecret,
    apiurl,
    tenant_name: body.tenant_name === null || body.tenant_name === undefined ? '' : String(body.tenant_name),
    region,
    compute_endpoint: text(body, 'compute_endpoint'),
    docker_port: 4243,
    enabled: true,
    poll_interval: 10000,
    starred: [],
    unstarred: [],
  };
  if (provider === 'docker') {
    const port = Number(body.docker_port ?? 4243);
    backend.docker_port = Number.isInteger(port) ? port : 4243;
  }
  // DigitalOcean's v2 API takes the token alone; the server copies it into apikey to tell v2 logins apart.
  if (provider === 'digitalocean') backend.apikey = backend.apisecret;
  if (provider === 'openstack') backend.apiurl = backend.apiurl.replace(/\/v2\.0\/?$/, '').replace(/\/+$/, '');
  if (apiurl.includes('hpcloudsvc')) backend.apiurl = HPCLOUD_AUTH_URL;
  backend.id = backendIdOf(provider === 'docker' ? `${provider}${backend.title ?? ''}${backend.apiurl}` : `${provider}${region}${backend.apikey ?? ''}`);
  if (state.backends.has(backend.id)) throw backendExists(backend.id);
  if (removeOnError) {
    const family = familyOf(provider);
    // An unknown provider cannot be connected to: the server reports that as bad credentials.
    if (!family) throw backendUnauthorized();
    const rules = sim.provider(family);
    if ((rules.apikey !== undefined && rules.apikey !== apikey) || (rules.apisecret !== undefined && rules.apisecret !== apisecret)) throw backendUnauthorized();
    if (rules.available === false) throw backendUnavailable();
  }
  state.backends.set(backend.id, backend);
  if (familyOf(provider)) sim.cloud(backend);
  return backend;
}

/** A bare-metal backend: one machine named after the host, validated by SSH with the given key. */
function addBareMetal(sim: MistSimContext, body: Record<string, unknown>, removeOnError: boolean): SimBackend {
  const { state } = sim;
  const host = text(body, 'machine_ip');
  const machineKey = text(body, 'machine_key');
  let user = text(body, 'machine_user');
  const port = Number.isInteger(Number(body.machine_port ?? 22)) && body.machine_port !== null ? Number(body.machine_port ?? 22) : 22;
  if (!host) throw missing('machine_hostname');
  if (removeOnError) {
    if (!machineKey) throw missing('machine_key');
    if (!state.keypairs.has(machineKey)) throw keypairNotFound(machineKey);
    if (!user) user = 'root';
  }
  const machineId = host.replace(/\./g, '').replace(/ /g, '');
  // The server replaces the title with the host name.
  const backend: SimBackend = {
    id: backendIdOf(`bare_metal${host}`),
    title: host,
    provider: 'bare_metal',
    apikey: '',
    apisecret: '',
    apiurl: '',
    tenant_name: '',
    region: '',
    compute_endpoint: '',
    docker_port: 4243,
    enabled: true,
    poll_interval: 10000,
    starred: [],
    unstarred: [],
  };
  if (state.backends.has(backend.id)) throw backendExists(backend.id);
  if (removeOnError && sim.provider('bare_metal').available === false) throw backendUnauthorized(`Couldn't connect to ${host}`);
  state.backends.set(backend.id, backend);
  const cloud = { family: 'bare_metal' as const, provider: 'bare_metal', region: '', machines: new Map() };
  state.clouds.set(backend.id, cloud);
  const now = sim.now();
  const ips = nextAddresses(state);
  cloud.machines.set(machineId, {
    id: machineId,
    uuid: machineId,
    name: host,
    imageId: null,
    size: null,
    location: null,
    state: 'running',
    next: undefined,
    bootedAt: now - 86_400_000,
    public_ips: [host],
    private_ips: ips.private_ips,
    tags: [],
    extra: { dns_name: host, ssh_port: port },
    authorizedKeys: new Set(),
    monitored: false,
    monitoredSince: 0,
    metrics: new Set(),
    plugins: new Map(),
  });
  // The host already trusts the key it was added with; the SSH login records the association.
  if (removeOnError) {
    const machine = cloud.machines.get(machineId)!;
    sim.install(machineKey, machine);
    sim.associate(machineKey, backend.id, machineId, user || 'root', port, sim.seconds());
  }
  return backend;
}
