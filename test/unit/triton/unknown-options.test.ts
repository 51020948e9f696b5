// Issue 8 §5: unknown option names were silently ignored. Every DataCenter and Machine method that
// takes an options (or filters) object, every constructor and factory, refuses an unknown key with a
// ConfigError naming it and the name meant (py-smartdc's snake_case → ours), before anything is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { dataCenterFromEnv } from '../../../src/node/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { DataCenter, Machine } from '../../../src/triton/index.js';
import { methodNames } from './recorder.js';
import { tritonSim } from './helpers.js';

type Opts = Record<string, unknown>;

/** Every method that takes an options or filters object, called with `o` in that place. */
const DATA_CENTER_CALLS: Record<string, (dc: DataCenter, id: string, o: Opts) => unknown> = {
  authenticate: (dc, _id, o) => dc.authenticate(o as never),
  createAccessKey: (dc, _id, o) => dc.createAccessKey(o),
  createUserAccessKey: (dc, _id, o) => dc.createUserAccessKey('ops', o),
  createMachineDisk: (dc, id, o) => dc.createMachineDisk(id, 1024, o),
  resizeMachineDisk: (dc, id, o) => dc.resizeMachineDisk(id, 'disk-1', 1024, o),
  listImages: (dc, _id, o) => dc.listImages(o),
  images: (dc, _id, o) => dc.images(o),
  vncUrl: (dc, id, o) => dc.vncUrl(id, o),
  connectMachineVNC: (dc, id, o) => dc.connectMachineVNC(id, o),
  changefeedUrl: (dc, _id, o) => dc.changefeedUrl(o),
  getChangefeed: (dc, _id, o) => dc.getChangefeed(o),
  listMachineMetadata: (dc, id, o) => dc.listMachineMetadata(id, o),
  migrate: (dc, id, o) => dc.migrate(id, 'begin', o),
  listNetworkIPs: (dc, _id, o) => dc.listNetworkIPs('net-1', o),
  addNic: (dc, id, o) => dc.addNic(id, 'net-1', o),
  listPackages: (dc, _id, o) => dc.listPackages(o),
  packages: (dc, _id, o) => dc.packages(o),
  getUser: (dc, _id, o) => dc.getUser('ops', o),
  listVolumes: (dc, _id, o) => dc.listVolumes(o),
  listVolumeSizes: (dc, _id, o) => dc.listVolumeSizes(o),
  listMachines: (dc, _id, o) => dc.listMachines(o),
  machines: (dc, _id, o) => dc.machines(o),
  countMachines: (dc, _id, o) => dc.countMachines(o),
  numMachines: (dc, _id, o) => dc.numMachines(o),
  getMachine: (dc, id, o) => dc.getMachine(id, o),
  rawMachineData: (dc, id, o) => dc.rawMachineData(id, o),
  machine: (dc, id, o) => dc.machine(id, o),
  createMachine: (dc, _id, o) => dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base, ...o }),
  waitForMachineState: (dc, id, o) => dc.waitForMachineState(id, 'running', o),
  waitForMachineAudit: (dc, id, o) => dc.waitForMachineAudit(id, 'reboot', o),
  waitForReboot: (dc, id, o) => dc.waitForReboot(id, o),
  waitForRename: (dc, id, o) => dc.waitForRename(id, 'x', o),
  waitForResize: (dc, id, o) => dc.waitForResize(id, 'sample-1G', o),
  waitForFirewall: (dc, id, o) => dc.waitForFirewall(id, true, o),
  waitForDeletionProtection: (dc, id, o) => dc.waitForDeletionProtection(id, true, o),
  waitForMetadata: (dc, id, o) => dc.waitForMetadata(id, { a: '1' }, o),
  waitForTags: (dc, id, o) => dc.waitForTags(id, { a: '1' }, o),
  waitForSnapshot: (dc, id, o) => dc.waitForSnapshot(id, 's', 'created', o),
  waitForImage: (dc, _id, o) => dc.waitForImage(TRITON_SEED.image.base, 'active', o),
  waitForVolume: (dc, _id, o) => dc.waitForVolume('vol-1', 'ready', o),
  waitForDisk: (dc, id, o) => dc.waitForDisk(id, 'disk-1', {}, o),
  waitForMigration: (dc, id, o) => dc.waitForMigration(id, o),
};

const MACHINE_CALLS: Record<string, (m: Machine, o: Opts) => unknown> = {
  refresh: (m, o) => m.refresh(o),
  waitFor: (m, o) => m.waitFor('running', o),
  addNic: (m, o) => m.addNic('net-1', o),
  createDisk: (m, o) => m.createDisk(1024, o),
  resizeDisk: (m, o) => m.resizeDisk('disk-1', 1024, o),
  migrate: (m, o) => m.migrate('begin', o),
  vncUrl: (m, o) => m.vncUrl(o),
  waitForReboot: (m, o) => m.waitForReboot(o),
  waitForAudit: (m, o) => m.waitForAudit('reboot', o),
  waitForRename: (m, o) => m.waitForRename('x', o),
  waitForResize: (m, o) => m.waitForResize('sample-1G', o),
  waitForFirewall: (m, o) => m.waitForFirewall(true, o),
  waitForDeletionProtection: (m, o) => m.waitForDeletionProtection(true, o),
  waitForMetadata: (m, o) => m.waitForMetadata({ a: '1' }, o),
  waitForTags: (m, o) => m.waitForTags({ a: '1' }, o),
  waitForSnapshot: (m, o) => m.waitForSnapshot('s', 'created', o),
  waitForDisk: (m, o) => m.waitForDisk('disk-1', {}, o),
  waitForMigration: (m, o) => m.waitForMigration(o),
};

/** Methods whose parameter list has an `options` or `filters` object (read from the code itself). */
function optionTakers(proto: object): string[] {
  return methodNames(proto).filter((name) => {
    const params = /^[^(]*\(([^)]*)\)/.exec(String((proto as Record<string, unknown>)[name]))?.[1] ?? '';
    return /\b(options|filters)\b/.test(params);
  });
}

async function refusal(call: () => unknown): Promise<ConfigError> {
  try {
    const out = call();
    // A Paged is returned synchronously and would only send when iterated: iterate it.
    if (out && typeof (out as { all?: unknown }).all === 'function') await (out as { all(): Promise<unknown> }).all();
    else await out;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  return assert.fail('expected a ConfigError');
}

async function setup() {
  const sim = tritonSim();
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, now: () => sim.clock.now(), ...sim.credentials });
  const m = await dc.createMachine({ name: 'opts', package: 'sample-512M', image: TRITON_SEED.image.base });
  return { sim, dc, m };
}

test('the test covers every DataCenter and Machine method that takes an options or filters object', () => {
  assert.deepEqual(optionTakers(DataCenter.prototype).sort(), Object.keys(DATA_CENTER_CALLS).sort());
  assert.deepEqual(optionTakers(Machine.prototype).sort(), Object.keys(MACHINE_CALLS).sort());
});

test('every DataCenter and Machine method refuses { bogus_option: 1 } with a ConfigError naming it; nothing is sent', async () => {
  const { sim, dc, m } = await setup();
  for (const [name, call] of Object.entries(DATA_CENTER_CALLS)) {
    const before = sim.requests.list().length;
    const e = await refusal(() => call(dc, m.id, { bogus_option: 1 }));
    assert.match(e.message, /unknown option "bogus_option"/, name);
    assert.ok(e.message.includes(name), `${e.message} names ${name}`);
    assert.equal(sim.requests.list().length, before, `${name} sent nothing`);
  }
  for (const [name, call] of Object.entries(MACHINE_CALLS)) {
    const before = sim.requests.list().length;
    const e = await refusal(() => call(m, { bogus_option: 1 }));
    assert.match(e.message, new RegExp(`^Machine\\.${name}\\(\\): unknown option "bogus_option"`), name);
    assert.equal(sim.requests.list().length, before, `Machine.${name} sent nothing`);
  }
});

test("upstream's names get a hint to ours (py-smartdc keywords, CloudAPI wire names, the old simulator names)", async () => {
  const { sim, dc, m } = await setup();
  const before = sim.requests.list().length;
  const hints: [() => unknown, string, string][] = [
    [() => new DataCenter({ url: sim.url, ...sim.credentials, key_id: sim.credentials.keyId } as never), 'key_id', 'keyId'],
    [() => new DataCenter({ url: sim.url, account: 'demo', secret: sim.credentials.key } as never), 'secret', 'key'],
    [() => new DataCenter({ url: sim.url, account: 'demo', privateKey: sim.credentials.key } as never), 'privateKey', 'key'],
    [() => new DataCenter({ url: sim.url, account: 'demo', key: sim.credentials.key, fingerprint: 'x' } as never), 'fingerprint', 'keyId'],
    [() => new DataCenter({ url: sim.url, login: 'demo', key: sim.credentials.key } as never), 'login', 'account'],
    [() => new DataCenter({ url: sim.url, ...sim.credentials, known_locations: {} } as never), 'known_locations', 'knownLocations'],
    [() => new DataCenter({ url: sim.url, ...sim.credentials, api_version: '~9' } as never), 'api_version', 'acceptVersion'],
    [() => new DataCenter({ url: sim.url, ...sim.credentials, dry_run: true } as never), 'dry_run', 'dryRun'],
    [() => dc.machines({ tag: { role: 'web' } } as never), 'tag', 'tags'],
    [() => dc.createMachine({ package: 'sample-512M', boot_script: 'echo' } as never), 'boot_script', 'bootScript'],
    [() => dc.getMachine(m.id, { credential: true } as never), 'credential', 'credentials'],
    [() => dc.createMachineDisk(m.id, 10, { pci_slot: '0:4:0' } as never), 'pci_slot', 'pciSlot'],
    [() => dc.resizeMachineDisk(m.id, 'd', 10, { dangerous_allow_shrink: true } as never), 'dangerous_allow_shrink', 'dangerousAllowShrink'],
    [() => m.waitFor('running', { onprogress: () => {} } as never), 'onprogress', 'onProgress'],
  ];
  for (const [call, given, meant] of hints) {
    const e = await refusal(call);
    assert.match(e.message, new RegExp(`unknown option "${given}"; did you mean "${meant}"\\?`));
  }
  assert.equal(sim.requests.list().length, before, 'nothing was sent');
});

test('dataCenterFromEnv refuses unknown options before reading keys or the environment', async () => {
  await assert.rejects(dataCenterFromEnv({ env: {}, ssh_dir: '/nowhere' } as never), /dataCenterFromEnv\(\): unknown option "ssh_dir"; did you mean "sshDir"\?/);
});

test('known options still work: filters, options and waits reach the server as before', async () => {
  const { dc, m, sim } = await setup();
  assert.equal((await dc.listImages({ os: 'linux' })).length > 0, true);
  assert.equal((await dc.listMachines({ tags: '*' }).all()).length, 0);
  assert.equal((await dc.machine(m.id, { credentials: true })).id, m.id);
  await m.waitFor('running', { interval: 100, sleep: async (ms) => void sim.clock.advance(ms), now: () => sim.clock.now() });
  assert.equal(m.state, 'running');
});
