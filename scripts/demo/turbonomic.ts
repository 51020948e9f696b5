/**
 * The Turbonomic part of `npm start`: a 100,000-entity XL simulator served over HTTP, the
 * vmt-connect bootstrap (probe, form login, version gate, markets), paging with a progress line,
 * a lost session, a dry run, and a vmt-connect credential file round trip (Fernet).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Credential, serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';
import { Connection, decryptCredential, encryptCredential, newCredentialKey, parseCredential } from '../../src/turbonomic/index.js';

const ENTITIES = 100_000;

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('turbonomic', { entities: ENTITIES });
  const server = await serve(sim);
  const host = new URL(server.url).host;
  const dir = await mkdtemp(join(tmpdir(), 'opskit-turbo-demo-'));
  say(`Turbonomic XL simulator with ${ENTITIES.toLocaleString('en-US')} entities on ${server.url}`);
  try {
    // Store the login the way vmt-connect's turboauth does, then connect with the decrypted auth string.
    const cred = new Credential({ keyPath: join(dir, '.key'), credPath: join(dir, '.cred') });
    await cred.create({ username: sim.credentials.username, password: sim.credentials.password });
    const mode = ((await stat(cred.credPath)).mode & 0o777).toString(8);
    say(`credential files written (mode ${mode}): ${cred.keyPath}, ${cred.credPath}`);

    const warnings: string[] = [];
    const conn = await Connection.connect({ host, ssl: false, auth: await cred.get(), onWarning: (w) => warnings.push(w.message) });
    say(`connected: base ${conn.basePath}, ${conn.version?.product} ${conn.version} (${conn.isXl() ? 'XL' : 'Classic'}), real-time market ${conn.marketId}; warnings: ${warnings.join('; ')}`);
    const first = sim.requests.list().slice(0, 4).map((r) => `${r.method} ${new URL(r.url).pathname}`);
    say(`bootstrap on the wire: ${first.join(' → ')}`);

    const list = conn.getMarketEntities({ limit: 500 });
    const started = Date.now();
    let vms = 0;
    for await (const page of list.pages()) {
      for (const e of page) if (e.className === 'VirtualMachine') vms++;
      if (list.page % 50 === 0 || list.complete) {
        say(`  page ${list.page}: ${list.recordsFetched.toLocaleString('en-US')} of ${list.recordsTotal.toLocaleString('en-US')} entities`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    say(`paged ${list.recordsFetched.toLocaleString('en-US')} entities (${vms.toLocaleString('en-US')} VMs) in ${seconds.toFixed(1)} s, ${Math.round(list.recordsFetched / seconds).toLocaleString('en-US')}/s`);

    sim.expireSessions();
    const [me] = await conn.getCurrentUser();
    say(`session expired on the server; the next call logged in again and answered: ${me?.username} (${me?.roleName})`);

    const dry = new Connection({ host: 'turbo.example.com', username: 'administrator', password: 'not-sent', dryRun: true });
    const plan = (await dry.getEntityStats(['74000000000002'], { startDate: '-1d', stats: ['VCPU'], fetchAll: true })) as unknown as { method: string; url: string; body: string };
    say(`dry run of getEntityStats (nothing sent): ${plan.method} ${plan.url} ${plan.body}`);

    const key = newCredentialKey();
    const token = encryptCredential(key, 'bob', 'pa:ss');
    const auth = decryptCredential(key, token);
    say(`Fernet credential round trip: ${token.slice(0, 20)}… → ${auth} → ${JSON.stringify(parseCredential(auth))}`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
