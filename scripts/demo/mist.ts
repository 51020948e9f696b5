/**
 * The mist.io part of `npm start`: the simulator served on 127.0.0.1 (hosted mode), logged in to,
 * a key and an EC2 backend added, a machine created and waited for, monitoring enabled, a custom
 * python plugin deployed and stats read; then a typed error and a dry run.
 */
import { MistClient, MistConflictError } from '../../src/mist/index.js';
import { serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('mist', { transitionMs: 1500 });
  const server = await serve(sim);
  say(`mist.io simulator on ${server.url} (hosted mode: /auth, then mist_1 tokens)`);
  try {
    const client = await MistClient.login({ mistUri: server.url, ...sim.credentials });
    say(`logged in as ${client.email}: plan ${client.userDetails?.current_plan?.title}, ${(await client.supportedProviders()).length} providers`);

    const key = await client.addKey('demo key', await client.generateKey());
    say(`key "${key.id}" added (default: ${key.isDefault}); public half ${(await key.public()).slice(0, 32)}…`);

    const backend = await client.addBackend('aws', 'ec2_us_east', 'AKIADEMO', 'demo-secret');
    say(`backend ${backend.title} (${backend.provider}) → id ${backend.id}`);
    const dup = await client.addBackend('again', 'ec2_us_east', 'AKIADEMO', 'demo-secret').catch((e: unknown) => e);
    if (dup instanceof MistConflictError) say(`the same account again: ${dup.name} (HTTP ${dup.status}, "${dup.title}")`);

    const [size] = await backend.sizes();
    const [location] = await backend.locations();
    const [image] = (await backend.images()).filter((i) => i.star);
    const machine = await backend.createMachine('demo-web', key, image!.id, location!.id, size!.id);
    say(`createMachine → ${machine.id} (${image!.name}, ${size!.name}, ${location!.name}): ${machine.state}`);
    await machine.waitForState('running', { interval: 400, onProgress: (p) => say(`  ${machine.name}: ${p.value.state} after ${p.elapsedMs} ms`) });
    const probe = await machine.probe();
    say(`probe: ${probe.cores} cores, load ${probe.loadavg?.join(' ')}, rtt ${probe.rtt_avg} ms`);

    const monitoring = await machine.enableMonitoring();
    say(`monitoring enabled; the server would run: ${monitoring.command?.slice(0, 60)}…`);
    const plugin = await machine.addPythonPlugin('Queue length', 'def read():\n    return 42\n', { unit: 'jobs' });
    say(`python plugin deployed as ${plugin.metric_id}`);
    const now = Math.floor(Date.now() / 1000);
    const stats = await machine.getStats({ start: now - 300, stop: now, step: 60 });
    for (const [metric, series] of Object.entries(stats).slice(0, 3)) {
      say(`  ${metric}: ${series.datapoints.map(([v]) => (v === null ? '-' : v.toFixed(1))).join(' ')}`);
    }

    await machine.stop();
    await machine.waitForState('stopped', { interval: 400 });
    say(`stopped; can_start is now ${machine.info.can_start}`);

    const dry = new MistClient({ mistUri: server.url, email: client.email!, apiToken: 'not-shown', dryRun: true });
    const plan = (await dry.backends()) as unknown as { method: string; url: string; headers: Record<string, string> };
    say(`dry run of backends(): ${plan.method} ${plan.url} authorization=${plan.headers.authorization}`);
  } finally {
    await server.close();
  }
}
