import type { Context, Hono } from 'hono';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { allocateFloatingIp, ownedFloatingIp, releaseFloatingIp } from '../cyclades-ops.js';
import { begin } from '../cyclades-request.js';
import type { SynnefoSimHost } from '../host.js';
import { networkFloatingIpView } from './views.js';

/** Floating IPs: create answers 200, update is 501, release is 409 while attached. */
export function floatingipRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (c: Context) => {
    const r = begin(host, c);
    const mine = [...r.state.floatingIps.values()].filter((f) => f.userId === r.user.uuid && !f.deleted);
    return reply({ floatingips: mine.map((f) => networkFloatingIpView(r.state, f)) });
  };
  app.get('/floatingips', list);
  app.get('/floatingips/', list);
  app.get('/floatingips/detail', list);
  app.post('/floatingips', async (c) => {
    const r = begin(host, c);
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'floatingip', 'object')!;
    const networkId = attribute<string | number>(spec, 'floating_network_id', undefined, false);
    const address = attribute<string>(spec, 'floating_ip_address', 'string', false);
    const project = attribute<string>(spec, 'project', 'string', false);
    const fip = allocateFloatingIp(r.state, r.user, { networkId: networkId === undefined ? undefined : String(networkId), address, project }, r.now);
    return reply({ floatingip: networkFloatingIpView(r.state, fip) });
  });
  app.get('/floatingips/:id{[\\w]+}', (c) => {
    const r = begin(host, c);
    return reply({ floatingip: networkFloatingIpView(r.state, ownedFloatingIp(r.state, r.user, c.req.param('id'))) });
  });
  app.put('/floatingips/:id{[\\w]+}', (c) => {
    begin(host, c);
    throw fault.notImplemented('Updating a floating IP is not supported');
  });
  app.delete('/floatingips/:id{[\\w]+}', (c) => {
    const r = begin(host, c);
    releaseFloatingIp(r.state, r.user, ownedFloatingIp(r.state, r.user, c.req.param('id')), r.now);
    return empty(204);
  });
  app.post('/floatingips/:id{[\\w]+}/action', async (c) => {
    const r = begin(host, c);
    const fip = ownedFloatingIp(r.state, r.user, c.req.param('id'));
    const args = attribute<Record<string, unknown>>(await jsonBody(c), 'reassign', 'object')!;
    const project = attribute<string>(args, 'project', 'string')!;
    if (project !== fip.project) {
      host.charge(r.user, { 'cyclades.floating_ip': 1 }, project);
      host.charge(r.user, { 'cyclades.floating_ip': -1 }, fip.project);
      fip.project = project;
    }
    fip.sharedToProject = args.shared_to_project === true;
    fip.updated = r.now;
    return empty(200);
  });
}
