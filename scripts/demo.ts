/**
 * `npm start`: opskit's main job, end to end, against the built-in simulators served over real
 * HTTP on 127.0.0.1: the core transport on the demo API, then each API family's own demo
 * (scripts/demo/<family>.ts), in a fixed order.
 */
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Fernet } from '../src/crypto/index.js';
import { DemoClient } from '../src/demo/client.js';
import type { LogEvent } from '../src/index.js';
import { serve } from '../src/node/index.js';
import { createSim } from '../src/sim/index.js';

const say = (line: string) => console.log(line);
const section = (title: string) => console.log(`\n== ${title} ==`);

async function core(): Promise<void> {
  section('core: the opskit transport on the demo API');
  const sim = createSim('demo', { jobDelayMs: 600 });
  const server = await serve(sim, { port: 0 });
  say(`demo simulator on ${server.url}`);
  try {
    const events: LogEvent[] = [];
    const options = { url: server.url, username: sim.credentials.username, password: sim.credentials.password };
    const client = new DemoClient({ ...options, logger: (e) => events.push(e), retry: { baseDelay: 50 } });

    const items = client.listItems({ limit: 10 });
    for await (const page of items.pages()) say(`  page ${items.page}: ${page.length} items (${items.fetched}/${items.total ?? '?'})`);

    const dry = new DemoClient({ ...options, dryRun: true });
    const plan = (await dry.createItem({ name: 'widget', quantity: 3 })) as unknown as Record<string, unknown>;
    say(`dry run of createItem (nothing sent): ${plan.method} ${plan.url} body=${plan.body} authorization=${(plan.headers as Record<string, string>).authorization}`);

    sim.faults.inject({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: /^\/items\// } });
    const first = (await client.listItems({ limit: 1 }).first())!;
    const item = await client.getItem(first.id);
    const retries = events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? `${e.reason} → wait ${e.delayMs} ms` : ''));
    say(`getItem(${item.id}) survived an injected 503 burst after ${retries.length} retries (${retries.join('; ')})`);

    sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 3, match: { method: 'GET', path: /^\/items\// } });
    const timed = await new DemoClient({ ...options, timeout: { attempt: 100, total: 250 }, retry: { baseDelay: 10 } }).getItem(first.id).catch((e: Error) => e);
    say(`a slow server met the timeout: ${(timed as Error).name}: ${(timed as Error).message}`);
    sim.faults.clear();

    const job = await client.createJob('reindex');
    const done = await client.waitForJob(job.id, {
      interval: 150,
      onProgress: (p) => say(`  job ${job.id}: ${p.value.state} ${p.value.progress}% after ${p.elapsedMs} ms`),
    });
    say(`job ${done.id} is ${done.state}`);

    const key = Fernet.generateKey();
    const fernet = new Fernet(key);
    const token = fernet.encrypt('api-password: s3cr3t');
    say(`Fernet round trip: ${token.slice(0, 24)}… → "${fernet.decryptText(token, { ttl: 60 })}"`);
    const leaked = JSON.stringify(events).includes(sim.credentials.password);
    say(`${events.length} log events recorded; password present in any of them: ${leaked}`);
  } finally {
    await server.close();
  }
}

async function families(): Promise<void> {
  const dir = new URL('./demo/', import.meta.url);
  const order = ['timesys', 'turbonomic', 'triton', 'mist', 'synnefo'];
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.ts'));
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  function rank(f: string) {
    const i = order.indexOf(f.replace(/\.ts$/, ''));
    return i === -1 ? order.length : i;
  }
  for (const file of files) {
    const family = file.replace(/\.ts$/, '');
    section(family);
    const mod = (await import(pathToFileURL(new URL(file, dir).pathname).href)) as { run(say: (l: string) => void): Promise<void> };
    await mod.run((line) => say(`  ${line}`));
  }
}

const started = Date.now();
try {
  await core();
  await families();
  console.log(`\nopskit demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`\ndemo failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
}
