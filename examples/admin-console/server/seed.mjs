// Fills each simulator with something to administer, through opskit's own clients in process
// (`fetch: sim.fetch`), exactly as a test would: nothing here reaches into a simulator's state.
import { DataCenter } from 'opskit/triton';
import { MistClient } from 'opskit/mist';
import { Llapi } from 'opskit/timesys';
import { AstakosClient, CycladesComputeClient, PithosClient } from 'opskit/synnefo';

/** Triton: three machines, all running (one is then stopped, so both actions have a target). */
export async function seedTriton(sim, { transitionMs }) {
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  const [base] = await dc.images({ name: 'base-64-lts' });
  const [ubuntu] = await dc.images({ name: 'ubuntu-22.04' });
  const specs = [
    { name: 'web-1', package: 'sample-1G', image: base, tags: { role: 'web' } },
    { name: 'web-2', package: 'sample-1G', image: ubuntu, tags: { role: 'web' } },
    { name: 'db-1', package: 'sample-4G', image: base, tags: { role: 'db' } },
  ];
  const machines = [];
  for (const spec of specs) machines.push(await dc.createMachine(spec));
  // Provisioning takes `transitionMs` on the simulator clock: jump it rather than wait.
  sim.clock.advance(transitionMs);
  await machines[2].stop();
  sim.clock.advance(transitionMs);
}

/** The provider credentials the mist.io backends are added with (secrets the page must never show). */
export const MIST_BACKEND_SECRETS = Object.freeze(['console-demo-ec2-secret-key', 'console-demo-linode-api-key']);

/** mist.io: an EC2 backend (3 machines) and a Linode backend (2), as a new account would see them. */
export async function seedMist(sim) {
  const client = await MistClient.login({ mistUri: sim.url, fetch: sim.fetch, ...sim.credentials });
  await client.addBackend('AWS us-east', 'ec2_us_east', 'AKIDEXAMPLE', MIST_BACKEND_SECRETS[0]);
  await client.addBackend('Linode', 'linode', '', MIST_BACKEND_SECRETS[1]);
}

/** Vigiles: manifests in the seeded product and in a second one, each scanned. */
export async function seedTimesys(sim) {
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  await llapi.uploadManifest('openssl 1.1.1k\nbusybox 1.31.0\nzlib 1.2.11\n', { manifestName: 'gateway-rootfs' });
  await llapi.uploadManifest('linux 5.10.0\nglibc 2.35\nexpat 2.4.1\n', { manifestName: 'gateway-kernel' });
  // Without a configured group, createGroup makes a top-level product rather than a subgroup.
  const { email, key } = sim.credentials;
  const group = await new Llapi({ email, key, url: sim.url, fetch: sim.fetch }).createGroup('Product B', { description: 'A second product' });
  const other = new Llapi({ email, key, groupToken: group.group_token ?? group.token, url: sim.url, fetch: sim.fetch });
  await other.uploadManifest('curl 7.88.0\nopenssl 1.1.1t\n', { manifestName: 'sensor-image' });
}

/** Synnefo: two servers (one stopped) and, in Pithos+, a file and a second container. */
export async function seedSynnefo(sim, { transitionMs }) {
  const astakos = new AstakosClient({ ...sim.credentials, fetch: sim.fetch });
  const { access } = await astakos.authenticate();
  const compute = await astakos.clientFor(CycladesComputeClient);
  const [flavor] = await compute.listFlavors(true);
  const images = await compute.listImages(true);
  await compute.createServer('web-1', flavor.id, images[0].id);
  const db = await compute.createServer('db-1', flavor.id, images[1 % images.length].id);
  sim.clock.advance(transitionMs);
  await compute.shutdownServer(db.id);
  sim.clock.advance(transitionMs);
  const pithos = await astakos.clientFor(PithosClient, { account: access.user.id, container: 'pithos' });
  await pithos.uploadObject('welcome.txt', new TextEncoder().encode('Hello from the opskit admin console.\n'), { contentType: 'text/plain' });
  await pithos.createContainer('backups');
}
