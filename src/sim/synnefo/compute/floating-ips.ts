import type { Hono } from 'hono';
import { empty, reply } from '../cyclades-http.js';
import { allocateFloatingIp, floatingIpServer, ownedFloatingIp, releaseFloatingIp } from '../cyclades-ops.js';
import type { FloatingIpRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import type { CycladesState } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { networkFloatingIpView } from '../network/views.js';

function computeView(state: CycladesState, fip: FloatingIpRecord): Record<string, unknown> {
  const server = floatingIpServer(state, fip);
  return { fixed_ip: null, id: fip.id, instance_id: server === null ? null : String(server), ip: fip.address, pool: null };
}

/**
 * The OpenStack floating-IP extension as Cyclades routes it: POST ignores its body and answers
 * 200, GET of one IP answers with the network-API shape. `/os-floating-ip-pools` is not routed.
 */
export function floatingIpRoutes(app: Hono, host: SynnefoSimHost): void {
  app.get('/os-floating-ips', (c) => {
    const r = begin(host, c);
    const mine = [...r.state.floatingIps.values()].filter((f) => f.userId === r.user.uuid && !f.deleted);
    return reply({ floating_ips: mine.map((f) => computeView(r.state, f)) });
  });
  app.post('/os-floating-ips', (c) => {
    const r = begin(host, c);
    const fip = allocateFloatingIp(r.state, r.user, {}, r.now);
    return reply({ floating_ip: computeView(r.state, fip) });
  });
  app.get('/os-floating-ips/:id', (c) => {
    const r = begin(host, c);
    return reply({ floatingip: networkFloatingIpView(r.state, ownedFloatingIp(r.state, r.user, c.req.param('id'))) });
  });
  app.delete('/os-floating-ips/:id', (c) => {
    const r = begin(host, c);
    releaseFloatingIp(r.state, r.user, ownedFloatingIp(r.state, r.user, c.req.param('id')), r.now);
    return empty(204);
  });
}
