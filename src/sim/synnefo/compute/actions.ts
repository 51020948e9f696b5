import type { Hono } from 'hono';
import { empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { createPort } from '../cyclades-ops.js';
import type { ServerRecord, ServerStatus } from '../cyclades-records.js';
import { begin, type CycladesRequest } from '../cyclades-request.js';
import { flavorCost, isRunning, negate, ownedServer, releasePort } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';

/** Actions Cyclades knows (VirtualMachine.ACTIONS, as `key_to_action` names them) and the extra ones. */
const VM_ACTIONS = new Set(['START', 'STOP', 'SUSPEND', 'REBOOT', 'DESTROY', 'RESIZE', 'ADDFLOATINGIP', 'REMOVEFLOATINGIP', 'RESCUE', 'UNRESCUE']);
const ARBITRARY = new Set(['console', 'firewallProfile', 'reassign', 'os-getVNCConsole', 'os-getRDPConsole', 'os-getSPICEConsole']);

function keyToAction(key: string): string | null {
  if (key === 'shutdown' || key === 'os-stop') return 'STOP';
  if (key === 'os-start') return 'START';
  if (key === 'delete') return 'DESTROY';
  if (ARBITRARY.has(key)) return null;
  return key.toUpperCase();
}

/** Synnefo's `validate_server_action` (hotplug enabled). */
function validate(server: ServerRecord, action: string): void {
  if (server.deleted || server.task?.action === 'DESTROY') throw fault.badRequest(`Server '${server.id}' has been deleted.`);
  if (server.task) throw fault.badRequest(`Cannot perform '${action}' action while there is a pending '${server.task.action}'.`);
  if (action === 'REASSIGN') return;
  const oper = server.status === 'ACTIVE' ? 'STARTED' : server.status;
  if (oper === 'ERROR') throw fault.badRequest(`Cannot perform '${action}' action while server is in 'ERROR' state.`);
  if (oper === 'BUILD') throw fault.buildInProgress(`Server '${server.id}' is being built.`);
  if (
    (action === 'START' && oper !== 'STOPPED') || (action === 'STOP' && oper !== 'STARTED') || (action === 'RESIZE' && oper !== 'STOPPED') ||
    ((action === 'RESCUE' || action === 'UNRESCUE') && oper !== 'STOPPED')
  ) {
    throw fault.badRequest(`Cannot perform '${action}' action while server is in '${oper}' state.`);
  }
  if (action === 'RESCUE' && server.rescue) throw fault.badRequest(`Cannot perform '${action}' action while server is in rescue mode.`);
  if (action === 'UNRESCUE' && !server.rescue) throw fault.badRequest(`Cannot perform '${action}' action while server is not in rescue mode.`);
}

function startTask(r: CycladesRequest, server: ServerRecord, action: string, taskState: string, status: ServerStatus): Response {
  server.task = { action, taskState, status, at: r.now + r.state.timings.actionMs };
  server.updated = r.now;
  return empty(202);
}

type Args = Record<string, unknown> | null;
type ActionHandler = (r: CycladesRequest, server: ServerRecord, args: Args) => Response;

const handlers: Record<string, ActionHandler> = {
  start(r, server) {
    validate(server, 'START');
    const flavor = r.state.flavors.get(server.flavorId)!;
    r.host.charge(r.user, { 'cyclades.cpu': flavor.vcpus, 'cyclades.ram': flavor.ram * 2 ** 20 }, server.project);
    return startTask(r, server, 'START', 'STARTING', 'ACTIVE');
  },
  shutdown(r, server) {
    validate(server, 'STOP');
    const flavor = r.state.flavors.get(server.flavorId)!;
    r.host.charge(r.user, { 'cyclades.cpu': -flavor.vcpus, 'cyclades.ram': -flavor.ram * 2 ** 20 }, server.project);
    return startTask(r, server, 'STOP', 'STOPPING', 'STOPPED');
  },
  reboot(r, server, args) {
    const type = args?.type ?? 'SOFT';
    if (type !== 'SOFT' && type !== 'HARD') throw fault.badRequest("Invalid 'type' attribute.");
    validate(server, 'REBOOT');
    if (server.status === 'STOPPED') {
      const flavor = r.state.flavors.get(server.flavorId)!;
      r.host.charge(r.user, { 'cyclades.cpu': flavor.vcpus, 'cyclades.ram': flavor.ram * 2 ** 20 }, server.project);
    }
    return startTask(r, server, 'REBOOT', 'REBOOTING', 'ACTIVE');
  },
  resize(r, server, args) {
    const ref = args?.flavorRef;
    if (ref === undefined || ref === null) throw fault.badRequest("Malformed request. Missing attribute 'flavorRef'.");
    validate(server, 'RESIZE');
    const flavor = r.state.flavors.get(Number(ref));
    if (!flavor || flavor.deleted) throw fault.itemNotFound(`Flavor ${String(ref)} not found.`);
    const old = r.state.flavors.get(server.flavorId)!;
    if (old.id === flavor.id) throw fault.badRequest(`Server '${server.id}' flavor is already '${flavor.name}'.`);
    if (old.disk !== flavor.disk) throw fault.badRequest("Cannot change instance's disk size.");
    if (old.volumeTypeId !== flavor.volumeTypeId) throw fault.badRequest("Cannot change instance's volume type.");
    r.host.charge(r.user, { 'cyclades.total_cpu': flavor.vcpus - old.vcpus, 'cyclades.total_ram': (flavor.ram - old.ram) * 2 ** 20 }, server.project);
    server.flavorId = flavor.id;
    return startTask(r, server, 'RESIZE', 'RESIZING', 'STOPPED');
  },
  rescue(r, server) {
    if (!r.state.rescueEnabled) throw fault.featureNotEnabled('Rescue is not enabled on this deployment');
    validate(server, 'RESCUE');
    return startTask(r, server, 'RESCUE', 'RESCUING', 'STOPPED');
  },
  unrescue(r, server) {
    if (!r.state.rescueEnabled) throw fault.featureNotEnabled('Rescue is not enabled on this deployment');
    validate(server, 'UNRESCUE');
    return startTask(r, server, 'UNRESCUE', 'UNRESCUING', 'STOPPED');
  },
  console(r, server, args) {
    const type = args?.type;
    if (type === undefined || type === null) throw fault.badRequest("No console 'type' specified.");
    if (!['vnc', 'vnc-ws', 'vnc-wss'].includes(String(type))) throw fault.badRequest('Supported types: vnc, vnc-ws, vnc-wss');
    if (server.deleted) throw fault.badRequest(`Server '${server.id}' has been deleted.`);
    if (server.status !== 'ACTIVE') throw fault.badRequest('Server not in ACTIVE state.');
    return reply({ console: { type, host: 'vnc.sim.invalid', port: 5900 + r.host.random.int(1000), password: r.host.random.hex(8) } });
  },
  'os-getVNCConsole'(r, server, args) {
    const type = args?.type;
    if (type !== 'novnc' && type !== 'xvpvnc') throw fault.badRequest('Supported types: novnc, xvpvnc');
    if (server.status !== 'ACTIVE') throw fault.badRequest('Server not in ACTIVE state.');
    return reply({ console: { type, url: `https://vnc.sim.invalid/?token=${r.host.random.hex(16)}` } });
  },
  'os-getSPICEConsole'() {
    throw fault.notImplemented('SPICE console not implemented');
  },
  'os-getRDPConsole'() {
    throw fault.notImplemented('RDP console not implemented');
  },
  firewallProfile(r, server, args) {
    const profile = args?.profile;
    const nic = args?.nic;
    if (profile === undefined || profile === null) throw fault.badRequest("Malformed request. Missing attribute 'profile'.");
    if (nic === undefined || nic === null) throw fault.badRequest("Malformed request. Missing attribute 'nic'.");
    if (!['ENABLED', 'DISABLED', 'PROTECTED'].includes(String(profile))) throw fault.badRequest(`Unsupported firewall profile '${String(profile)}'`);
    validate(server, 'SET_FIREWALL_PROFILE');
    const port = r.state.ports.get(String(nic));
    if (!port || port.deviceId !== server.id) throw fault.itemNotFound(`Port ${String(nic)} not found`);
    if (!r.state.networks.get(port.networkId)?.public) throw fault.badRequest('Firewall profiles apply only to public networks');
    port.firewallProfile = String(profile);
    port.updated = r.now;
    server.updated = r.now;
    return empty(202);
  },
  reassign(r, server, args) {
    const project = args?.project;
    if (project === undefined || project === null) throw fault.badRequest("Missing 'project' attribute.");
    validate(server, 'REASSIGN');
    const shared = args?.shared_to_project === true;
    if (String(project) !== server.project) {
      const cost = flavorCost(r.state.flavors.get(server.flavorId)!, isRunning(server));
      r.host.charge(r.user, cost, String(project));
      r.host.charge(r.user, negate(cost), server.project);
      server.project = String(project);
    }
    server.sharedToProject = shared;
    server.updated = r.now;
    return empty(200);
  },
  addFloatingIp(r, server, args) {
    const address = args?.address;
    if (typeof address !== 'string') throw fault.badRequest("Malformed request. Missing attribute 'address'.");
    validate(server, 'ADDFLOATINGIP');
    const fip = [...r.state.floatingIps.values()].find((f) => f.address === address && f.userId === r.user.uuid && !f.deleted);
    if (!fip) throw fault.itemNotFound(`Floating IP '${address}' not found`);
    createPort(r.state, r.user, { networkId: fip.networkId, deviceId: server.id, address }, r.now);
    server.updated = r.now;
    return empty(202);
  },
  removeFloatingIp(r, server, args) {
    const address = args?.address;
    if (typeof address !== 'string') throw fault.badRequest("Malformed request. Missing attribute 'address'.");
    validate(server, 'REMOVEFLOATINGIP');
    const fip = [...r.state.floatingIps.values()].find((f) => f.address === address && f.userId === r.user.uuid && !f.deleted);
    const port = fip?.portId ? r.state.ports.get(fip.portId) : undefined;
    if (!fip || !port || port.deviceId !== server.id) throw fault.itemNotFound(`Floating IP '${address}' is not attached to server ${server.id}`);
    releasePort(r.state, port, r.now);
    server.updated = r.now;
    return empty(202);
  },
  suspend() {
    throw fault.forbidden('User is not allowed to suspend his server');
  },
};
handlers['os-start'] = handlers.start!;
handlers['os-stop'] = handlers.shutdown!;

/** POST /servers/{id}/action: the first key of the body names the action. */
export function actionRoutes(app: Hono, host: SynnefoSimHost): void {
  app.post('/servers/:id{[0-9]+}/action', async (c) => {
    const r = begin(host, c);
    const body = await jsonBody(c);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw fault.badRequest('Malformed request');
    const action = Object.keys(body)[0];
    if (action === undefined) throw fault.badRequest('Malformed Request.');
    const vmAction = keyToAction(action);
    if ((vmAction === null || !VM_ACTIONS.has(vmAction)) && !ARBITRARY.has(action)) throw fault.badRequest(`Action ${action} not supported`);
    const args = (body as Record<string, unknown>)[action];
    if (args !== null && args !== undefined && (typeof args !== 'object' || Array.isArray(args))) throw fault.badRequest(`Malformed request. Invalid '${action}' field`);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const handler = handlers[action];
    if (!handler) throw fault.badRequest(`Action ${action} not supported`);
    return handler(r, server, (args ?? null) as Args);
  });
}
