import { imagesOf, locationsOf, SIZES } from './catalog.js';
import type { MistSimContext } from './context.js';
import { machineView, newMachine, transition } from './machines.js';
import {
  badRequest,
  json,
  keypairNotFound,
  machineCreationFailed,
  machineUnauthorized,
  machineUnavailable,
  missing,
} from './replies.js';
import type { MistRouter } from './router.js';

const ACTIONS = ['start', 'stop', 'reboot', 'destroy'] as const;

/** Machines: create, the four actions (the state machine on the clock), probe, key association. */
export function machineRoutes(router: MistRouter, sim: MistSimContext): void {
  const { state } = sim;

  router.on('POST', '/backends/:backend/machines', async (c) => {
    const body = await c.body();
    // The server reads these with body['…']: a missing one is a KeyError, reported as a missing parameter.
    for (const name of ['name', 'image', 'size']) if (!(name in body)) throw missing(`'${name}'`);
    const backend = sim.backend(c.params.backend as string);
    const cloud = sim.reachableCloud(backend);
    let keyId = typeof body.key === 'string' && body.key !== '' ? body.key : undefined;
    if (keyId !== undefined && !state.keypairs.has(keyId)) throw keypairNotFound(keyId);
    if (keyId === undefined) for (const [id, k] of state.keypairs) if (k.default) keyId ??= id;
    if (keyId === undefined) throw keypairNotFound("Couldn't find default keypair");
    const name = String(body.name ?? '');
    const image = String(body.image ?? '');
    const size = String(body.size ?? '');
    const location = typeof body.location === 'string' ? body.location : null;
    if (cloud.family === 'bare_metal') throw badRequest('Provider unknown.');
    if (cloud.family === 'linode' && (!body.disk || !body.image_extra)) throw machineCreationFailed('Linode needs image_extra and disk');
    if (!name) throw machineCreationFailed('a machine needs a name');
    if (!imagesOf(cloud.family).some((i) => i.id === image)) throw machineCreationFailed(`no image ${image}`);
    if (cloud.family !== 'docker' && !SIZES[cloud.family].some((s) => s.id === size)) throw machineCreationFailed(`no size ${size}`);
    const locations = locationsOf(cloud.family, backend.provider, backend.region ?? '');
    const loc = locations.find((l) => l.id === location);
    if (location && location !== '' && !loc && locations.length > 1) throw machineCreationFailed(`no location ${location}`);
    const machine = newMachine(state, cloud, sim.random, { name, imageId: image, size, location, ...(loc ? { locationName: loc.name } : {}) }, sim.now(), sim.transitionMs);
    // The provider puts the key on the machine; the server associates it (never seen: last_seen 0).
    sim.install(keyId, machine);
    sim.associate(keyId, backend.id, machine.id, null, 22, 0);
    if (body.monitoring === true) {
      machine.monitored = true;
      machine.monitoredSince = sim.now();
      for (const m of ['load.shortterm', 'cpu.total.nonidle', 'memory.nonfree']) machine.metrics.add(m);
    }
    return json({ id: machine.id, name: machine.name, extra: machine.extra, public_ips: machine.public_ips, private_ips: machine.private_ips });
  });

  router.on('POST', '/backends/:backend/machines/:machine', async (c) => {
    const body = await c.body();
    const action = typeof body.action === 'string' ? body.action : '';
    if (!(ACTIONS as readonly string[]).includes(action)) throw badRequest();
    const backend = sim.backend(c.params.backend as string);
    const { cloud, machine } = sim.machine(backend, c.params.machine as string);
    const now = sim.now();
    const ms = sim.transitionMs;
    const family = cloud.family;
    const unsupported = () => badRequest(`Action ${action} not supported for this machine`);
    const unavailable = () => machineUnavailable(`Error while attempting to ${action} machine`);
    switch (action) {
      case 'start':
        if (family === 'bare_metal' || family === 'gce') throw unsupported();
        if (machine.state !== 'stopped') throw unavailable();
        transition(machine, 'pending', 'running', now, ms);
        break;
      case 'stop':
        if (family === 'bare_metal' || family === 'gce') throw unsupported();
        if (machine.state !== 'running') throw unavailable();
        transition(machine, 'pending', 'stopped', now, ms);
        break;
      case 'reboot':
        if (family === 'bare_metal') {
          // The server reboots a bare-metal host over SSH; the host keeps answering as running.
          if (!sim.canSsh(backend.id, machine)) throw unavailable();
          machine.bootedAt = now;
          break;
        }
        if (machine.state !== 'running') throw unavailable();
        transition(machine, 'rebooting', 'running', now, ms);
        break;
      case 'destroy':
        if (family === 'bare_metal') throw unsupported();
        if (machine.state === 'terminated') throw unavailable();
        transition(machine, 'pending', 'terminated', now, ms);
        machine.monitored = false;
        sim.disassociateAll(backend.id, machine.id);
        break;
    }
    return json(sim.machines(backend).map((m) => machineView(cloud, m)));
  });

  router.on('POST', '/backends/:backend/machines/:machine/probe', async (c) => {
    const body = await c.body();
    const host = typeof body.host === 'string' ? body.host : '';
    let keyId = typeof body.key === 'string' ? body.key : '';
    if (keyId === 'undefined') keyId = '';
    // The server reads ssh_user from the query string only.
    const sshUser = c.query.get('ssh_user') ?? '';
    if (!host) throw missing('host');
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    const reachable = machine.state === 'running' || machine.state === 'rebooting';
    const salt = [...machine.id].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) >>> 0, 7);
    const rtt = 10 + (salt % 40) + ((sim.seconds() % 7) / 10);
    const ping = reachable
      ? { packets_tx: 10, packets_rx: 10, packets_loss: 0.0, rtt_min: +(rtt - 1.2).toFixed(3), rtt_avg: +rtt.toFixed(3), rtt_max: +(rtt + 2.5).toFixed(3) }
      : { packets_tx: 10, packets_rx: 0, packets_loss: 1.0 };
    const loginKey = sim.sshKey(backend.id, machine, keyId || undefined);
    if (loginKey === undefined) return json(ping);
    const up = Math.max(0, (sim.now() - machine.bootedAt) / 1000);
    const load = [(salt % 100) / 100, (salt % 70) / 100, (salt % 50) / 100].map((v) => v.toFixed(2));
    // A successful login refreshes (or creates) the association of the key that logged in.
    sim.associate(loginKey, backend.id, machine.id, sshUser || 'root', 22, sim.seconds());
    return json({
      uptime: `${up.toFixed(2)} ${(up * 0.9).toFixed(2)}`,
      loadavg: load,
      cores: String(1 + (salt % 4)),
      users: String(salt % 3),
      pub_ips: machine.public_ips.filter((ip) => !ip.startsWith('10.')),
      priv_ips: [...machine.private_ips],
      timestamp: sim.now() / 1000,
      ...ping,
    });
  });

  router.on('PUT', '/backends/:backend/machines/:machine/keys/:key', async (c) => {
    const body = await c.body();
    // The server reads `user` and `port` (mist.client sends ssh_user / ssh_port, which it ignores).
    const user = typeof body.user === 'string' && body.user !== '' ? body.user : null;
    const portRaw = Number(body.port ?? 22);
    const port = Number.isInteger(portRaw) ? portRaw : 22;
    const host = typeof body.host === 'string' ? body.host : '';
    if (!host) throw missing('host');
    const keyId = c.params.key as string;
    sim.keypair(keyId);
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    // Deploying needs a key that already logs in; failing that, the new key itself may already be there.
    if (!sim.canSsh(backend.id, machine) && !sim.canSsh(backend.id, machine, keyId)) throw machineUnauthorized("Couldn't connect to deploy new SSH keypair.");
    sim.install(keyId, machine);
    sim.associate(keyId, backend.id, machine.id, user ?? 'root', port, sim.seconds());
    return json(state.keypairs.get(keyId)!.machines);
  });
}
