/**
 * The setups a docs example may declare (`<!-- docs-examples: setup NAME (names) -->` before its
 * block): each starts in-process simulators, points the hosts the docs name at them (so an example
 * written against `https://cloudapi.us-central-1.triton.zone` runs unchanged), writes the files the
 * example reads, and returns the free variables the example uses (the secrets a reader would have:
 * a key, a password, a token). scripts/docs-examples.mjs declares them before the block's code:
 *
 *   const { privateKeyText } = await SETUPS.triton();
 *
 * Only the docs-examples runner imports this file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeOpenSshPrivateKey, generatePrivateKeySync } from '../../src/crypto/index.js';
import { createSim, type Sim } from '../../src/sim/index.js';
import { DataCenter, type Machine } from '../../src/triton/index.js';
import { Connection, type ProductVersionDTO } from '../../src/turbonomic/index.js';
import { AstakosClient, CycladesBlockStorageClient, CycladesComputeClient, CycladesNetworkClient, ImageClient, PithosClient } from '../../src/synnefo/index.js';

const realFetch = globalThis.fetch;
const routes = new Map<string, Sim>();

/**
 * Sends requests for `hosts` (and each simulator's own host) to the simulators in process; any
 * other host goes to the network as usual.
 */
function route(map: Record<string, Sim>): void {
  for (const [host, sim] of Object.entries(map)) {
    routes.set(host, sim);
    routes.set(new URL(sim.url).host, sim);
  }
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const sim = routes.get(url.host);
    if (!sim) return realFetch(req);
    const target = new URL(`${url.pathname}${url.search}`, new URL(sim.url).origin);
    return sim.fetch(new Request(target, req));
  };
}

async function file(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const fast = { transitionMs: 20, asyncMs: 10 };

export const SETUPS = {
  /** The demo API at https://api.example.com, with a bearer `token` from its login. */
  async demo() {
    const sim = createSim('demo');
    route({ 'api.example.com': sim });
    const r = await sim.fetch(new Request(`${sim.url}/login`, { method: 'POST', body: JSON.stringify(sim.credentials) }));
    const { token } = (await r.json()) as { token: string };
    return { token };
  },

  /** Triton CloudAPI at cloudapi.us-central-1.triton.zone, account `jill`, whose key is `privateKeyText`. */
  async triton() {
    const sim = createSim('triton', { accounts: ['jill'], keyType: 'ecdsa', ...fast });
    route({ 'cloudapi.us-central-1.triton.zone': sim });
    return { privateKeyText: String((sim.credentials as { key: string }).key), sim };
  },

  /** An encrypted OpenSSH key (`text`, `passphrase`) and a request to sign (`req`). */
  async 'triton-key'() {
    const passphrase = 'correct horse battery staple';
    const text = encodeOpenSshPrivateKey(generatePrivateKeySync('ecdsa'), { passphrase });
    const req = new Request('https://cloudapi.us-central-1.triton.zone/jill/machines');
    return { text, passphrase, req };
  },

  /** A running machine `m` of the Triton setup's DataCenter `dc`. */
  async 'triton-machine'() {
    const { privateKeyText } = await SETUPS.triton();
    const dc = new DataCenter({ url: 'https://cloudapi.us-central-1.triton.zone', account: 'jill', key: privateKeyText });
    const [pkg] = await dc.packages({ name: 'sample-512M' });
    const [image] = await dc.images({ name: 'base-64-lts' });
    const m: Machine = await dc.createMachine({ name: 'db-1', package: pkg!, image: image! });
    await m.waitFor('running', { interval: 10 });
    return { dc, m };
  },

  /** Turbonomic at turbo.example.com (login administrator / `password`). */
  async turbonomic() {
    const sim = createSim('turbonomic');
    route({ 'turbo.example.com': sim });
    const { username, password } = sim.credentials as { username: string; password: string };
    return { host: 'turbo.example.com', username, password, sim };
  },

  /** The Turbonomic setup's connection `conn`, and a `use(item)` to hand items to. */
  async 'turbonomic-conn'() {
    const { password } = await SETUPS.turbonomic();
    const conn = await Connection.connect({ host: 'turbo.example.com', username: 'administrator', password });
    return { conn, use: (item: unknown) => void item };
  },

  /** The `admin/versions` body of the Turbonomic simulator, as `dto`. */
  async 'turbonomic-version'() {
    const sim = createSim('turbonomic');
    const r = await sim.fetch(new Request(`${sim.url}/api/v3/admin/versions`));
    return { dto: (await r.json()) as ProductVersionDTO };
  },

  /**
   * Vigiles at vigiles.lynx.com: the texts of a key file, a dashboard config and an SBOM, and the
   * same as files where loadLlapi() and the CLI look (~/timesys/linuxlink_key, key.json,
   * dash.json, build/sbom.spdx.json).
   */
  async timesys() {
    const sim = createSim('timesys', { jobDelayMs: 0 });
    route({ 'vigiles.lynx.com': sim });
    const keyFileText = sim.keyFile('https://vigiles.lynx.com');
    const dashboardText = sim.dashboardConfig(true);
    const sbomText = 'openssl 1.1.1k\nbusybox 1.35.0\n';
    await file(join(homedir(), 'timesys', 'linuxlink_key'), keyFileText);
    await file('key.json', keyFileText);
    await file('dash.json', dashboardText);
    await file('build/sbom.spdx.json', JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ name: 'zlib', versionInfo: '1.2.11' }] }));
    return { keyFileText, dashboardText, sbomText };
  },

  /** mist.io at https://mist.io (`email`, `password`), and EC2 credentials it accepts. */
  async mist() {
    const sim = createSim('mist', { transitionMs: 20 });
    route({ 'mist.io': sim });
    const { email, password } = sim.credentials as { email: string; password: string };
    return { email, password, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  },

  /** Pithos+ at pithos.example.org: the `token`, the account's `userUuid`, and a `file` to upload. */
  async pithos() {
    const sim = createSim('pithos', { seed: 1 });
    route({ 'pithos.example.org': sim });
    const c = sim.credentials as { token: string; account: string };
    return { token: c.token, userUuid: c.account, file: new Blob([new Uint8Array(5 * 1024 * 1024).map((_, i) => i % 251)], { type: 'image/jpeg' }) };
  },

  /** Synnefo at accounts.okeanos.grnet.gr and accounts.example.org, with the user's `token` and key pairs `laptop` and `k`. */
  async synnefo() {
    const sim = createSim('synnefo', { seed: 1 });
    route({ 'accounts.okeanos.grnet.gr': sim, 'accounts.example.org': sim });
    const { token } = sim.credentials as { token: string };
    // The key pairs the examples name (Cyclades refuses a server with an unknown key name).
    const astakos = new AstakosClient({ url: 'https://accounts.example.org/identity/v2.0', token });
    const compute = await astakos.clientFor(CycladesComputeClient);
    for (const name of ['laptop', 'k']) await compute.createKey(name, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl docs');
    return { token };
  },

  /**
   * Cyclades clients of the Synnefo setup (`astakos`, `compute`, `network`, `images`, `volumes`),
   * an ACTIVE `server`, a network (`netId`), an image object `images/debian-12.diskdump` of the
   * user (`uuid`), and the values the fragments name.
   */
  async cyclades() {
    const { token } = await SETUPS.synnefo();
    const astakos = new AstakosClient({ url: 'https://accounts.example.org/identity/v2.0', token });
    const compute = await astakos.clientFor(CycladesComputeClient);
    const network = await astakos.clientFor(CycladesNetworkClient);
    const images = await astakos.clientFor(ImageClient);
    const volumes = await astakos.clientFor(CycladesBlockStorageClient);
    const [flavor] = await compute.listFlavors(true);
    const [image] = await compute.listImages(true);
    const created = await compute.createServer('app-1', flavor!.id, image!.id);
    const server = await compute.waitServerUntil(created.id, 'ACTIVE', { interval: 10 });
    const user = await astakos.userInfo();
    const net = await network.createNetwork('MAC_FILTERED', { name: 'docs' });
    // The disk image the Plankton fragment registers: a Pithos+ object of the user's.
    const uuid = String(user.id);
    const pithos = await astakos.clientFor(PithosClient, { account: uuid, container: 'images' });
    await pithos.createContainer('images');
    await pithos.uploadObject('debian-12.diskdump', new Uint8Array(4096).fill(7));
    return {
      astakos, compute, network, images, volumes, server, uuid,
      id: server.id, name: 'web-2', flavorId: flavor!.id, imageId: image!.id, netId: net.id,
      projectId: String(user.id), p: String(user.id),
      signal: AbortSignal.timeout(60_000),
      render: (progress: unknown) => void progress,
      otherUserUuid: '5b3a1f0e-0000-4000-8000-000000000002',
    };
  },
};
