import type { Context, Hono } from 'hono';
import { attribute, fault, jsonBody, reply } from '../cyclades-http.js';
import { ipToNumber, numberToIp, parseCidr } from '../cyclades-ip.js';
import type { SubnetRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { nextId } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { subnetView } from './views.js';

/** Subnets: one per private network, rename only, never deleted on their own (400). */
export function subnetRoutes(app: Hono, host: SynnefoSimHost): void {
  const list = (c: Context) => {
    const r = begin(host, c);
    const visible = [...r.state.subnets.values()].filter((s) => !s.deleted && (s.public || s.userId === r.user.uuid));
    return reply({ subnets: visible.map((s) => subnetView(r.state, s)) });
  };
  app.get('/subnets', list);
  app.get('/subnets/', list);
  app.get('/subnets/detail', list);

  app.post('/subnets', async (c) => {
    const r = begin(host, c);
    const body = await jsonBody(c);
    if (body && typeof body === 'object' && 'subnets' in body) throw fault.badRequest('Malformed request');
    const spec = attribute<Record<string, unknown>>(body, 'subnet', 'object')!;
    const networkId = String(attribute(spec, 'network_id'));
    const cidrText = attribute<string>(spec, 'cidr', 'string')!;
    const network = r.state.networks.get(networkId);
    if (!network || network.deleted || network.userId !== r.user.uuid) throw fault.itemNotFound(`Network ${networkId} not found`);
    const version = spec.ip_version ?? 4;
    if (version !== 4 && version !== 6) throw fault.badRequest('Invalid IP version');
    if (version === 6) throw fault.badRequest('IPv6 subnets are not supported by this simulator');
    if (network.subnets.some((id) => r.state.subnets.get(id)?.ipVersion === 4)) throw fault.badRequest('Only one subnet of IPv4 per network is allowed');
    const cidr = parseCidr(cidrText);
    if (!cidr) throw fault.badRequest(`Invalid network CIDR '${cidrText}'`);
    if (spec.enable_dhcp !== undefined && typeof spec.enable_dhcp !== 'boolean') throw fault.badRequest("Malformed request. Invalid 'enable_dhcp' field");
    let gateway: string | null;
    if (!('gateway_ip' in spec)) gateway = numberToIp(cidr.first);
    else if (spec.gateway_ip === null || spec.gateway_ip === '') gateway = null;
    else {
      const g = ipToNumber(String(spec.gateway_ip));
      if (g === undefined || g < cidr.first || g > cidr.last) throw fault.badRequest(`Invalid gateway IP '${String(spec.gateway_ip)}'`);
      gateway = String(spec.gateway_ip);
    }
    let pools = spec.allocation_pools as { start: string; end: string }[] | undefined;
    if (pools !== undefined) {
      if (!Array.isArray(pools)) throw fault.badRequest("Malformed request. Invalid 'allocation_pools' field");
      for (const p of pools) {
        const s = ipToNumber(String(p?.start));
        const e = ipToNumber(String(p?.end));
        if (s === undefined || e === undefined || s > e || s < cidr.first || e > cidr.last) throw fault.badRequest('Invalid allocation pool');
      }
    } else {
      const gw = gateway === null ? undefined : ipToNumber(gateway);
      pools = [{ start: numberToIp(gw === cidr.first ? cidr.first + 1 : cidr.first), end: numberToIp(cidr.last) }];
    }
    const id = spec.id === undefined ? String(nextId(r.state, 'subnet')) : String(spec.id);
    if (r.state.subnets.has(id)) throw fault.conflict(`Subnet ${id} already exists`);
    const subnet: SubnetRecord = {
      id, networkId, name: typeof spec.name === 'string' ? spec.name : '', userId: r.user.uuid, public: false, cidr: cidrText, ipVersion: 4, gateway,
      pools: pools.map((p) => ({ start: String(p.start), end: String(p.end) })), dhcp: spec.enable_dhcp !== false,
      dns: Array.isArray(spec.dns_nameservers) ? spec.dns_nameservers.map(String) : [], hostRoutes: Array.isArray(spec.host_routes) ? spec.host_routes : [],
      allocated: new Set(gateway === null ? [] : [ipToNumber(gateway)!]), created: r.now, updated: r.now, deleted: false,
    };
    r.state.subnets.set(id, subnet);
    network.subnets.push(id);
    network.updated = r.now;
    return reply({ subnet: subnetView(r.state, subnet) }, 201);
  });

  const visible = (r: ReturnType<typeof begin>, id: string): SubnetRecord => {
    const s = r.state.subnets.get(id);
    if (!s || s.deleted || !(s.public || s.userId === r.user.uuid)) throw fault.itemNotFound(`Subnet ${id} not found`);
    return s;
  };
  app.get('/subnets/:id{[-\\w]+}', (c) => {
    const r = begin(host, c);
    return reply({ subnet: subnetView(r.state, visible(r, c.req.param('id'))) });
  });
  app.put('/subnets/:id{[-\\w]+}', async (c) => {
    const r = begin(host, c);
    const s = visible(r, c.req.param('id'));
    const body = await jsonBody(c);
    const spec = attribute<Record<string, unknown>>(body, 'subnet', 'object')!;
    if (Object.keys(spec).length !== 1 || typeof spec.name !== 'string') throw fault.badRequest('Only the name of a subnet can be updated');
    if (s.userId !== r.user.uuid) throw fault.forbidden('Cannot modify a public subnet.');
    s.name = spec.name;
    s.updated = r.now;
    return reply({ subnet: subnetView(r.state, s) });
  });
  app.delete('/subnets/:id{[-\\w]+}', (c) => {
    begin(host, c);
    throw fault.badRequest('Deletion of a subnet is not supported');
  });
}
