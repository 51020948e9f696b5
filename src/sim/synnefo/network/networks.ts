import type { Context, Hono } from 'hono';
import { attribute, changesSince, empty, fault, jsonBody, modifiedSince, reply } from '../cyclades-http.js';
import type { NetworkRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { nextId } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { networkView } from './views.js';

const TYPES = ['CUSTOM', 'MAC_FILTERED', 'IP_LESS_ROUTED', 'PHYSICAL_VLAN'];
/** API_ENABLED_NETWORK_FLAVORS of a default deployment. */
const ENABLED = new Set(['MAC_FILTERED']);

/** Networks: create needs `type`, update only renames, delete refuses while ports remain (421). */
export function networkRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (c: Context) => {
    const r = begin(host, c);
    const since = changesSince(c, r.now);
    const visible = [...r.state.networks.values()].filter((n) => n.public || n.userId === r.user.uuid);
    return reply({ networks: modifiedSince(visible, since).map((n) => networkView(r.state, n)) });
  };
  app.get('/networks', list);
  app.get('/networks/', list);
  app.get('/networks/detail', list);

  app.post('/networks', async (c) => {
    const r = begin(host, c);
    const body = await jsonBody(c);
    const spec = attribute<Record<string, unknown>>(body, 'network', 'object')!;
    const type = attribute<string>(spec, 'type', 'string')!;
    if (!TYPES.includes(type)) throw fault.badRequest(`Invalid network type '${type}'`);
    if (!ENABLED.has(type)) throw fault.forbidden(`Cannot create network of type '${type}'.`);
    const name = attribute<string>(spec, 'name', 'string', false) ?? '';
    const shared = spec.shared === true;
    if (shared) throw fault.forbidden('Cannot create a public network.');
    const project = attribute<string>(spec, 'project', 'string', false) ?? r.user.defaultProject;
    host.charge(r.user, { 'cyclades.network.private': 1 }, project);
    const network: NetworkRecord = {
      id: String(nextId(r.state, 'network')), name, userId: r.user.uuid, project, sharedToProject: false, type, public: false,
      floatingIpPool: false, status: 'PENDING', activeAt: r.now + r.state.timings.portMs, subnets: [], created: r.now, updated: r.now, deleted: false,
    };
    r.state.networks.set(network.id, network);
    return reply({ network: networkView(r.state, network) }, 201);
  });

  const owned = (r: ReturnType<typeof begin>, id: string, write: boolean): NetworkRecord => {
    const n = r.state.networks.get(id);
    if (!n || (n.deleted && write) || !(n.public || n.userId === r.user.uuid)) throw fault.itemNotFound(`Network ${id} not found`);
    if (write && n.userId !== r.user.uuid) throw fault.forbidden('Cannot modify a public network.');
    return n;
  };
  app.get('/networks/:id{[\\w]+}', (c) => {
    const r = begin(host, c);
    return reply({ network: networkView(r.state, owned(r, c.req.param('id'), false)) });
  });
  app.put('/networks/:id{[\\w]+}', async (c) => {
    const r = begin(host, c);
    const n = owned(r, c.req.param('id'), true);
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'network', 'object')!;
    const name = attribute<string>(spec, 'name', 'string')!;
    if (Object.keys(spec).some((k) => k !== 'name')) throw fault.badRequest('Only the name of a network can be updated');
    n.name = name;
    n.updated = r.now;
    return reply({ network: networkView(r.state, n) });
  });
  app.delete('/networks/:id{[\\w]+}', (c) => {
    const r = begin(host, c);
    const n = owned(r, c.req.param('id'), true);
    if ([...r.state.ports.values()].some((p) => p.networkId === n.id && !p.deleted)) throw fault.networkInUse('Cannot delete network. Servers or floating IPs are still connected to it.');
    if ([...r.state.floatingIps.values()].some((f) => f.networkId === n.id && !f.deleted)) throw fault.networkInUse('Cannot delete network. Floating IPs are still allocated from it.');
    n.deleted = true;
    n.status = 'DELETED';
    n.updated = r.now;
    for (const id of n.subnets) {
      const s = r.state.subnets.get(id);
      if (s) {
        s.deleted = true;
        s.updated = r.now;
      }
    }
    host.charge(r.user, { 'cyclades.network.private': -1 }, n.project ?? r.user.defaultProject);
    return empty(204);
  });
  app.post('/networks/:id{[\\w]+}/action', async (c) => {
    const r = begin(host, c);
    const n = owned(r, c.req.param('id'), true);
    const body = await jsonBody(c);
    const args = attribute<Record<string, unknown>>(body, 'reassign', 'object');
    if (!args || Object.keys(body as object).length !== 1) throw fault.badRequest('Action not supported');
    const project = attribute<string>(args, 'project', 'string')!;
    const old = n.project ?? r.user.defaultProject;
    if (project !== old) {
      host.charge(r.user, { 'cyclades.network.private': 1 }, project);
      host.charge(r.user, { 'cyclades.network.private': -1 }, old);
      n.project = project;
    }
    n.sharedToProject = args.shared_to_project === true;
    n.updated = r.now;
    return empty(200);
  });
}
