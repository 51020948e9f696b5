import { SimError } from '../../app.js';
import { bool, int, list, noContent, str } from '../input.js';
import { intToIp, ipToInt, usedIps } from '../ips.js';
import type { createRouter, Req } from '../router.js';
import { findMachine } from '../state.js';
import type { SimFirewallRule, SimMachine, SimNetwork } from '../types.js';
import { machineView, networkView } from '../views.js';
import type { Timing } from './machines.js';
import { volumeRoutes } from './volumes.js';

type Router = ReturnType<typeof createRouter>;
const FABRIC = { minApi: '7.3.0' } as const;

function visibleNetwork(r: Req, id: string): SimNetwork {
  const n = r.ctx.state.networks.get(id);
  if (!n || (n.owner !== undefined && n.owner !== r.account.id)) throw new SimError(404, 'ResourceNotFound', `network ${id} does not exist`);
  return n;
}

/** Whether a rule's text selects a machine: `all vms`, `vm <uuid>` or `tag "name"` (a subset of fwrule syntax). */
export function ruleApplies(rule: SimFirewallRule, m: SimMachine): boolean {
  const text = rule.rule.toLowerCase();
  if (/\ball vms\b/.test(text)) return true;
  if (text.includes(`vm ${m.id}`)) return true;
  return [...text.matchAll(/tag\s+"?([\w.-]+)"?/g)].some((t) => t[1]! in m.tags);
}

/** Networks and IPs, fabrics, firewall rules, volumes. */
export function networkRoutes({ route }: Router, options: Timing & { volumes: boolean }): void {
  route('GET', '/:login/networks', 'ListNetworks', {}, (r) =>
    r.c.json([...r.ctx.state.networks.values()].filter((n) => n.owner === undefined || n.owner === r.account.id).map(networkView)),
  );
  route('GET', '/:login/networks/:network', 'GetNetwork', {}, (r) => r.c.json(networkView(visibleNetwork(r, r.params.network!))));

  const ipView = (r: Req, n: SimNetwork, ip: string) => {
    const owner = usedIps(r.ctx.state, n.id).get(ip);
    const managed = ip === n.gateway;
    return { ip, reserved: n.reserved.has(ip), managed, ...(owner ? { owner_uuid: r.account.id, belongs_to_uuid: owner } : {}) };
  };
  route('GET', '/:login/networks/:network/ips', 'ListNetworkIPs', {}, (r) => {
    const n = visibleNetwork(r, r.params.network!);
    const limit = int(r.input, 'limit', { min: 1, max: 1000 }) ?? 1000;
    const offset = int(r.input, 'offset') ?? 0;
    const ips = [...new Set([...(n.gateway ? [n.gateway] : []), ...usedIps(r.ctx.state, n.id).keys(), ...n.reserved])].sort((a, b) => ipToInt(a) - ipToInt(b));
    const page = ips.slice(offset, offset + limit).map((ip) => ipView(r, n, ip));
    return r.c.json(page, 200, { 'x-query-limit': String(limit), 'x-resource-count': String(page.length) });
  });
  const checkIp = (n: SimNetwork, ip: string) => {
    const [base, bits] = n.subnet.split('/');
    const size = 2 ** (32 - Number(bits));
    const v = /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? ipToInt(ip) : NaN;
    if (!(v >= ipToInt(base!) && v < ipToInt(base!) + size)) throw new SimError(404, 'ResourceNotFound', `${ip} is not on network ${n.id}`);
  };
  route('GET', '/:login/networks/:network/ips/:ip', 'GetNetworkIP', {}, (r) => {
    const n = visibleNetwork(r, r.params.network!);
    checkIp(n, r.params.ip!);
    return r.c.json(ipView(r, n, r.params.ip!));
  });
  route('PUT', '/:login/networks/:network/ips/:ip', 'UpdateNetworkIP', {}, (r) => {
    const n = visibleNetwork(r, r.params.network!);
    const ip = r.params.ip!;
    checkIp(n, ip);
    if (ip === n.gateway) throw new SimError(409, 'InvalidArgument', `${ip} is managed and cannot be changed`);
    const reserved = bool(r.input, 'reserved');
    if (reserved === undefined) throw new SimError(409, 'MissingParameter', 'reserved is required');
    if (reserved) n.reserved.add(ip);
    else n.reserved.delete(ip);
    return r.c.json(ipView(r, n, ip));
  });

  // ---- fabrics ----
  const vlanKey = (r: Req, id: number | string) => `${r.account.id}:${id}`;
  const vlanOf = (r: Req) => {
    const id = int({ v: r.params.vlanId }, 'v', { max: 4095 });
    const v = r.ctx.state.vlans.get(vlanKey(r, id ?? -1));
    if (!v) throw new SimError(404, 'ResourceNotFound', `VLAN ${r.params.vlanId} does not exist`);
    return v;
  };
  const vlanView = (v: { vlan_id: number; name: string; description?: string }) => ({ name: v.name, vlan_id: v.vlan_id, ...(v.description ? { description: v.description } : {}) });
  route('GET', '/:login/fabrics/default/vlans', 'ListFabricVLANs', FABRIC, (r) =>
    r.c.json([...r.ctx.state.vlans.values()].filter((v) => v.owner === r.account.id).map(vlanView)),
  );
  route('POST', '/:login/fabrics/default/vlans', 'CreateFabricVLAN', FABRIC, (r) => {
    const vlan_id = int(r.input, 'vlan_id', { max: 4095 });
    if (vlan_id === undefined) throw new SimError(409, 'MissingParameter', 'vlan_id is required');
    if (r.ctx.state.vlans.has(vlanKey(r, vlan_id))) throw new SimError(409, 'InvalidArgument', `VLAN ${vlan_id} already exists`);
    const description = str(r.input, 'description');
    const v = { owner: r.account.id, vlan_id, name: str(r.input, 'name', true), ...(description ? { description } : {}) };
    r.ctx.state.vlans.set(vlanKey(r, vlan_id), v);
    return r.c.json(vlanView(v), 201);
  });
  route('GET', '/:login/fabrics/default/vlans/:vlanId', 'GetFabricVLAN', FABRIC, (r) => r.c.json(vlanView(vlanOf(r))));
  route('PUT', '/:login/fabrics/default/vlans/:vlanId', 'UpdateFabricVLAN', FABRIC, (r) => {
    const v = vlanOf(r);
    v.name = str(r.input, 'name') ?? v.name;
    const description = str(r.input, 'description');
    if (description !== undefined) v.description = description;
    return r.c.json(vlanView(v), 202);
  });
  route('DELETE', '/:login/fabrics/default/vlans/:vlanId', 'DeleteFabricVLAN', FABRIC, (r) => {
    const v = vlanOf(r);
    if ([...r.ctx.state.networks.values()].some((n) => n.owner === r.account.id && n.vlan_id === v.vlan_id)) throw new SimError(409, 'InUseError', 'VLAN still has networks');
    r.ctx.state.vlans.delete(vlanKey(r, v.vlan_id));
    return noContent();
  });
  const fabricNet = (r: Req) => {
    const v = vlanOf(r);
    const n = visibleNetwork(r, r.params.network!);
    if (!n.fabric || n.vlan_id !== v.vlan_id) throw new SimError(404, 'ResourceNotFound', `network ${r.params.network} is not on VLAN ${v.vlan_id}`);
    return n;
  };
  route('GET', '/:login/fabrics/default/vlans/:vlanId/networks', 'ListFabricNetworks', FABRIC, (r) => {
    const v = vlanOf(r);
    return r.c.json([...r.ctx.state.networks.values()].filter((n) => n.fabric && n.owner === r.account.id && n.vlan_id === v.vlan_id).map(networkView));
  });
  route('POST', '/:login/fabrics/default/vlans/:vlanId/networks', 'CreateFabricNetwork', FABRIC, (r) => {
    const v = vlanOf(r);
    const subnet = str(r.input, 'subnet', true);
    if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(subnet)) throw new SimError(409, 'InvalidArgument', 'subnet must be a CIDR');
    const n: SimNetwork = {
      id: r.ctx.random.uuid(), name: str(r.input, 'name', true), public: false, fabric: true, owner: r.account.id, vlan_id: v.vlan_id, subnet,
      provision_start_ip: str(r.input, 'provision_start_ip', true), provision_end_ip: str(r.input, 'provision_end_ip', true),
      // No gateway unless one is given (NAPI leaves it unset; such a network is isolated).
      ...(str(r.input, 'gateway') !== undefined ? { gateway: str(r.input, 'gateway') } : {}), resolvers: list(r.input, 'resolvers') ?? [],
      routes: (r.input.routes as Record<string, string>) ?? {}, internet_nat: bool(r.input, 'internet_nat') ?? true, reserved: new Set(),
      ...(str(r.input, 'description') ? { description: str(r.input, 'description') } : {}),
    };
    r.ctx.state.networks.set(n.id, n);
    return r.c.json(networkView(n), 201);
  });
  route('GET', '/:login/fabrics/default/vlans/:vlanId/networks/:network', 'GetFabricNetwork', FABRIC, (r) => r.c.json(networkView(fabricNet(r))));
  route('PUT', '/:login/fabrics/default/vlans/:vlanId/networks/:network', 'UpdateFabricNetwork', FABRIC, (r) => {
    const n = fabricNet(r);
    for (const k of ['name', 'description', 'provision_start_ip', 'provision_end_ip'] as const) {
      const v = str(r.input, k);
      if (v !== undefined) n[k] = v;
    }
    n.resolvers = list(r.input, 'resolvers') ?? n.resolvers;
    if (r.input.routes && typeof r.input.routes === 'object') n.routes = r.input.routes as Record<string, string>;
    return r.c.json(networkView(n));
  });
  route('DELETE', '/:login/fabrics/default/vlans/:vlanId/networks/:network', 'DeleteFabricNetwork', FABRIC, (r) => {
    const n = fabricNet(r);
    if (usedIps(r.ctx.state, n.id).size > 0) throw new SimError(409, 'InUseError', 'network has instances on it');
    if (r.account.config.default_network === n.id) throw new SimError(409, 'InUseError', 'network is the default network');
    r.ctx.state.networks.delete(n.id);
    return noContent();
  });

  // ---- firewall rules ----
  const ruleView = (f: SimFirewallRule) => {
    const { owner: _o, ...rest } = f;
    return rest;
  };
  const ruleOf = (r: Req) => {
    const f = r.ctx.state.fwrules.get(r.params.rule!);
    if (!f || f.owner !== r.account.id) throw new SimError(404, 'ResourceNotFound', `rule ${r.params.rule} does not exist`);
    return f;
  };
  const checkRule = (text: string) => {
    if (!/^FROM\s.+\sTO\s.+\s(ALLOW|BLOCK)\s/i.test(text)) throw new SimError(409, 'InvalidArgument', `rule: Error at character 0: '${text.slice(0, 20)}'`);
    return text;
  };
  route('GET', '/:login/fwrules', 'ListFirewallRules', {}, (r) => r.c.json([...r.ctx.state.fwrules.values()].filter((f) => f.owner === r.account.id).map(ruleView)));
  route('GET', '/:login/fwrules/:rule', 'GetFirewallRule', {}, (r) => r.c.json(ruleView(ruleOf(r))));
  route('POST', '/:login/fwrules', 'CreateFirewallRule', {}, (r) => {
    const description = str(r.input, 'description');
    const f: SimFirewallRule = {
      id: r.ctx.random.uuid(), owner: r.account.id, rule: checkRule(str(r.input, 'rule', true)), enabled: bool(r.input, 'enabled') ?? false,
      log: bool(r.input, 'log') ?? false, ...(description ? { description } : {}),
    };
    r.ctx.state.fwrules.set(f.id, f);
    return r.c.json(ruleView(f), 201);
  });
  route('POST', '/:login/fwrules/:rule', 'UpdateFirewallRule', {}, (r) => {
    const f = ruleOf(r);
    const text = str(r.input, 'rule');
    if (text !== undefined) f.rule = checkRule(text);
    f.enabled = bool(r.input, 'enabled') ?? f.enabled;
    f.log = bool(r.input, 'log') ?? f.log;
    const description = str(r.input, 'description');
    if (description !== undefined) f.description = description;
    return r.c.json(ruleView(f));
  });
  route('POST', '/:login/fwrules/:rule/enable', 'EnableFirewallRule', {}, (r) => {
    const f = ruleOf(r);
    f.enabled = true;
    return r.c.json(ruleView(f));
  });
  route('POST', '/:login/fwrules/:rule/disable', 'DisableFirewallRule', {}, (r) => {
    const f = ruleOf(r);
    f.enabled = false;
    return r.c.json(ruleView(f));
  });
  route('DELETE', '/:login/fwrules/:rule', 'DeleteFirewallRule', {}, (r) => {
    r.ctx.state.fwrules.delete(ruleOf(r).id);
    return noContent();
  });
  const mine = (r: Req) => [...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id).map((m) => findMachine(r.ctx.state, r.account, m.id, r.now)).filter((m) => m.state !== 'deleted');
  route('GET', '/:login/fwrules/:rule/machines', 'ListFirewallRuleMachines', {}, (r) => {
    const f = ruleOf(r);
    const ms = mine(r).filter((m) => ruleApplies(f, m)).map((m) => machineView(r.ctx.state, m, { version: r.version }));
    return r.c.json(ms, 200, { 'x-resource-count': String(ms.length) });
  });
  route('GET', '/:login/machines/:machine/fwrules', 'ListMachineFirewallRules', {}, (r) => {
    const m = findMachine(r.ctx.state, r.account, r.params.machine!, r.now);
    return r.c.json([...r.ctx.state.fwrules.values()].filter((f) => f.owner === r.account.id && ruleApplies(f, m)).map(ruleView));
  });

  if (options.volumes) volumeRoutes({ route } as Router, options);
}

