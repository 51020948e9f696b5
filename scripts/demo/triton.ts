/**
 * The Triton CloudAPI part of `npm start`: the simulator served on 127.0.0.1, signed in with an
 * Ed25519 key (the one the simulator hands out) and an RSA key registered through the API, then a
 * machine provisioned, waited for with progress, rebooted (waiting on MachineAudit: a reboot leaves
 * no state to poll), renamed, snapshotted and deleted (410 Gone = deleted).
 */
import { generatePrivateKey } from '../../src/crypto/index.js';
import { serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';
import { DataCenter } from '../../src/triton/index.js';

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('triton', { transitionMs: 1200, asyncMs: 300 });
  const server = await serve(sim);
  say(`Triton CloudAPI simulator on ${server.url}`);
  try {
    // The simulator hands out its generated key under DataCenter's own option names.
    const ed = new DataCenter({ url: server.url, ...sim.credentials });
    const dry = (await new DataCenter({ url: server.url, ...sim.credentials, dryRun: true }).getAccount()) as unknown as Record<string, unknown>;
    say(`Ed25519 key ${ed.keyId}: signs ${JSON.stringify(dry.signed)} with ${dry.algorithm}`);
    say(`GetAccount → ${(await ed.account()).login}`);

    // A second key, RSA, uploaded with the first and then used on its own.
    const rsaKey = await generatePrivateKey('rsa', { bits: 2048, comment: 'demo-rsa' });
    await ed.addKey('demo-rsa', rsaKey.publicKey.toString());
    const dc = new DataCenter({ url: server.url, account: 'demo', key: rsaKey });
    say(`RSA key ${dc.keyId} (rsa-sha256): ${(await dc.keys()).map((k) => k.name).join(', ')}`);

    const [pkg] = await dc.packages({ name: 'sample-512M' });
    const [image] = await dc.images({ name: 'base-64-lts' });
    const machine = await dc.createMachine({ name: 'demo-web', package: pkg!, image: image!, tags: { role: 'web' } });
    say(`createMachine → ${machine.id.slice(0, 8)}… ${machine.state}`);
    await machine.waitFor('running', { interval: 300, onProgress: (p) => say(`  ${machine.name}: ${p.value.state} after ${p.elapsedMs} ms`) });
    say(`running on ${machine.primaryIp} (public ${machine.publicIps.join(', ')}, private ${machine.privateIps.join(', ')})`);

    await machine.reboot();
    const reboot = await machine.waitForReboot({ interval: 300 });
    say(`reboot job finished at ${reboot.time} (MachineAudit; the state stayed ${machine.state})`);
    await machine.rename('demo-web-1');
    say(`renamed: ${(await machine.waitForRename('demo-web-1', { interval: 300 })).name}`);

    const snapshot = await machine.createSnapshot('before-upgrade');
    say(`snapshot ${snapshot.name}: ${snapshot.state}`);
    await snapshot.waitFor('created', { interval: 300 });
    say(`snapshot ${snapshot.name}: ${snapshot.state}`);

    await machine.delete();
    await machine.waitFor('deleted', { interval: 300, onProgress: (p) => say(`  ${machine.name}: ${p.value.state} after ${p.elapsedMs} ms`) });
    const gone = await dc.getMachine(machine.id).catch((e: Error & { status?: number }) => e);
    say(`GetMachine now answers HTTP ${(gone as { status?: number }).status} (the deleted machine, as CloudAPI does)`);
  } finally {
    await server.close();
  }
}
