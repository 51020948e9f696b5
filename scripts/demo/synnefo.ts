/**
 * The Synnefo part of `npm start`: the simulator served on 127.0.0.1, then what a kamaki user does
 * first — authenticate with Astakos, read the quotas, create a server and wait for it with
 * progress, attach a volume, allocate and attach a floating IP — and everything cleaned up (the
 * quota is back where it started).
 */
import { serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';
import { AstakosClient, CycladesBlockStorageClient, CycladesComputeClient, CycladesNetworkClient, OverLimit } from '../../src/synnefo/index.js';

const GiB = 2 ** 30;

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('synnefo', { seed: 1, users: ['alice@example.org'], quotas: { 'cyclades.vm': 2 } });
  const server = await serve(sim);
  say(`Synnefo simulator on ${server.url} (Astakos, Cyclades compute/network/volume, Plankton, Pithos)`);
  try {
    const { token } = sim.credentials;
    const astakos = new AstakosClient({ url: `${server.url}/identity/v2.0`, token });
    const access = await astakos.authenticate();
    say(`authenticated as ${access.access.user?.name} (${access.access.user?.id}); catalog: ${access.access.serviceCatalog?.map((s) => s.type).join(', ')}`);

    const usage = async () => {
      const quotas = Object.values(await astakos.getQuotas())[0] ?? {};
      const q = (r: string) => quotas[r] ?? { usage: 0, limit: 0 };
      return `VMs ${q('cyclades.vm').usage}/${q('cyclades.vm').limit}, CPUs ${q('cyclades.cpu').usage}/${q('cyclades.cpu').limit}, disk ${q('cyclades.disk').usage / GiB}/${q('cyclades.disk').limit / GiB} GiB, floating IPs ${q('cyclades.floating_ip').usage}/${q('cyclades.floating_ip').limit}`;
    };
    say(`quotas: ${await usage()}`);

    const compute = await astakos.clientFor(CycladesComputeClient);
    const network = await astakos.clientFor(CycladesNetworkClient);
    const volumes = await astakos.clientFor(CycladesBlockStorageClient);
    say(`compute endpoint ${compute.endpointUrl}`);

    const flavor = ((await compute.listFlavors(true)) as { id: number; name: string; vcpus: number; ram: number }[]).find((f) => f.vcpus === 2 && f.name.endsWith('ext_archipelago'))!;
    const [image] = await compute.listImages(true);
    const vm = await compute.createServer('demo-web', flavor.id, image!.id, { metadata: { role: 'web' } });
    say(`createServer(${flavor.name}, ${image!.name}) → server ${vm.id} ${vm.status}, os=${vm.metadata?.os} inherited from the image`);
    await compute.waitServerUntil(vm.id, 'ACTIVE', {
      interval: 500,
      onProgress: (p) => say(`  server ${vm.id}: ${p.value.status} ${p.value.progress}% after ${p.elapsedMs} ms`),
    });
    say(`quotas now: ${await usage()}`);

    const refused = await compute.createServer('demo-big', 6, image!.id).catch((e: unknown) => e);
    say(`a flavor not allowed for create: ${(refused as Error).name} (${(refused as { status?: number }).status})`);
    const extra = await compute.createServer('demo-2', 1, image!.id, { networks: [] });
    const over = await compute.createServer('demo-3', 1, image!.id).catch((e: unknown) => e);
    say(`a third server over the 2-VM limit: ${over instanceof OverLimit ? `OverLimit ${over.status}: ${over.details.join(' ')}` : String(over)}`);
    await compute.deleteServer(extra.id);

    const type = (await volumes.listVolumeTypes()).find((t) => t['SNF:detachable'])!;
    const vol = await volumes.createVolume(10, 'demo-data', { volumeType: type.id });
    await volumes.waitVolumeUntil(vol.id, 'available', { interval: 300 });
    await compute.attachVolume(vm.id, vol.id);
    let lastStatus = '';
    const attached = await volumes.waitVolumeUntil(vol.id, 'in_use', {
      interval: 300,
      onProgress: (p) => {
        if (p.value.status !== lastStatus) say(`  volume ${vol.id}: ${(lastStatus = p.value.status)}`);
      },
    });
    say(`volume ${attached.id} (${attached.size} GB, ${type.name}) attached to server ${attached.attachments?.[0]?.server_id}`);

    const ip = await network.createFloatingip();
    const port = await network.createPort(ip.floating_network_id, { deviceId: vm.id, fixedIps: [{ ip_address: ip.floating_ip_address }] });
    await network.waitPortUntil(port.id, 'ACTIVE', { interval: 200 });
    say(`floating IP ${ip.floating_ip_address} attached through port ${port.id}: ${(await compute.getServerDetails(vm.id)).attachments?.map((a) => `${a.ipv4} (${a['OS-EXT-IPS:type']})`).join(', ')}`);

    // Clean up: detach and delete, then watch the quota come back.
    await compute.detachVolume(vm.id, vol.id);
    await volumes.waitVolumeUntil(vol.id, 'available', { interval: 300 });
    await volumes.deleteVolume(vol.id);
    await network.deletePort(port.id);
    await network.deleteFloatingip(ip.id);
    await compute.deleteServer(vm.id);
    const gone = await compute.waitServerUntil(vm.id, 'DELETED', { interval: 300 });
    say(`server ${gone.id} ${gone.status}; quotas back to: ${await usage()}`);
  } finally {
    await server.close();
  }
}
