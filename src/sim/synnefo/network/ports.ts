import type { Context, Hono } from 'hono';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { createPort } from '../cyclades-ops.js';
import type { PortRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { ownedServer, releasePort } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { portView } from './views.js';

/** Ports: the connections of servers to networks (BUILD → ACTIVE), at most one IPv4 each. */
export function portRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (c: Context) => {
    const r = begin(host, c);
    const mine = [...r.state.ports.values()].filter((p) => p.userId === r.user.uuid && !p.deleted);
    return reply({ ports: mine.map((p) => portView(r.state, p)) });
  };
  app.get('/ports', list);
  app.get('/ports/', list);
  app.get('/ports/detail', list);

  app.post('/ports', async (c) => {
    const r = begin(host, c);
    const body = await jsonBody(c);
    if (body && typeof body === 'object' && 'ports' in body) throw fault.badRequest('Malformed request');
    const spec = attribute<Record<string, unknown>>(body, 'port', 'object')!;
    const networkId = String(attribute(spec, 'network_id'));
    const fixed = spec.fixed_ips;
    let address: string | undefined;
    if (fixed !== undefined) {
      if (!Array.isArray(fixed) || fixed.length > 1) throw fault.badRequest('Only one IPv4 address per port is supported');
      const entry = fixed[0] as Record<string, unknown> | undefined;
      if (entry !== undefined) {
        if (typeof entry.ip_address !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(entry.ip_address)) throw fault.badRequest('Invalid fixed IP address');
        address = entry.ip_address;
      }
    }
    let deviceId: number | null = null;
    if (spec.device_id !== undefined && spec.device_id !== null && spec.device_id !== '') {
      const server = ownedServer(r.state, r.user, String(spec.device_id));
      if (server.deleted || server.task?.action === 'DESTROY') throw fault.badRequest(`Server '${server.id}' has been deleted.`);
      deviceId = server.id;
      server.updated = r.now;
    }
    const groups = Array.isArray(spec.security_groups) ? spec.security_groups.map(String) : undefined;
    const port = createPort(r.state, r.user, {
      networkId, deviceId, ...(typeof spec.name === 'string' ? { name: spec.name } : {}), ...(address ? { address } : {}), ...(groups ? { securityGroups: groups } : {}),
    }, r.now);
    return reply({ port: portView(r.state, port) }, 201);
  });

  const owned = (r: ReturnType<typeof begin>, id: string): PortRecord => {
    const p = r.state.ports.get(id);
    if (!p || p.deleted || p.userId !== r.user.uuid) throw fault.itemNotFound(`Port ${id} not found`);
    return p;
  };
  app.get('/ports/:id{[-\\w]+}', (c) => {
    const r = begin(host, c);
    return reply({ port: portView(r.state, owned(r, c.req.param('id'))) });
  });
  app.put('/ports/:id{[-\\w]+}', async (c) => {
    const r = begin(host, c);
    const p = owned(r, c.req.param('id'));
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'port', 'object')!;
    if (typeof spec.name === 'string') p.name = spec.name;
    if (Array.isArray(spec.security_groups)) p.securityGroups = spec.security_groups.map(String);
    p.updated = r.now;
    return reply({ port: portView(r.state, p) });
  });
  app.delete('/ports/:id{[-\\w]+}', (c) => {
    const r = begin(host, c);
    const p = owned(r, c.req.param('id'));
    const server = p.deviceId === null ? undefined : r.state.servers.get(p.deviceId);
    if (server) {
      if (server.status === 'BUILD') throw fault.buildInProgress(`Server '${server.id}' is being built.`);
      server.updated = r.now;
    }
    releasePort(r.state, p, r.now);
    return empty(204);
  });
}
