// Issue 8 §5: `sim.credentials` carries exactly DataCenter's option names, so the README line
// `new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials })` signs in (it got 401
// when the key was `privateKey`); a DataCenter with neither key nor signer is a ConfigError unless
// the caller asks for unsigned requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError, ConfigError } from '../../../src/core/index.js';
import { parsePrivateKey } from '../../../src/crypto/index.js';
import { createSim } from '../../../src/sim/index.js';
import { DataCenter } from '../../../src/triton/index.js';
import { DATA_CENTER_OPTIONS } from '../../../src/triton/option-names.js';
import { runCli } from '../../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

test("the README's simulator line signs in: sim.credentials are DataCenter options", async () => {
  const sim = createSim('triton');
  for (const name of Object.keys(sim.credentials)) assert.ok(DATA_CENTER_OPTIONS.includes(name), `${name} is a DataCenter option`);
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['account', 'key', 'keyId']);
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  assert.equal((await dc.getAccount()).login, 'demo');
  assert.equal(dc.keyId, `/demo/keys/${sim.credentials.keyId}`);
});

test('a DataCenter with neither key nor signer is a ConfigError; unsigned: true asks for unsigned requests', async () => {
  const sim = createSim('triton');
  assert.throws(() => new DataCenter({ url: sim.url, fetch: sim.fetch }), (e: unknown) => e instanceof ConfigError && /no key or signer.*unsigned: true/.test(e.message));
  assert.throws(() => new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo' }), ConfigError);
  assert.throws(() => new DataCenter({ url: sim.url, ...sim.credentials, unsigned: true }), /cannot be combined/);
  assert.throws(() => new DataCenter({ url: sim.url, unsigned: 'yes' as never }), /unsigned must be true or false/);
  const anon = new DataCenter({ url: sim.url, fetch: sim.fetch, unsigned: true });
  assert.equal((await anon.ping()).ping, 'pong');
  await assert.rejects(anon.getAccount(), (e: unknown) => e instanceof ClientError && e.status === 401);
  // Credentials given later end the unsigned state.
  anon.authenticate({ key: sim.credentials.key!, account: 'demo' });
  assert.equal((await anon.getAccount()).login, 'demo');
});

test('with keys of its own the simulator hands out only the account, and the spread is a clear ConfigError', () => {
  const other = parsePrivateKey(createSim('triton').credentials.key!);
  const sim = createSim('triton', { keys: [other.publicKey.toString()] });
  assert.deepEqual(Object.keys(sim.credentials), ['account']);
  assert.throws(() => new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials }), /no key or signer/);
});

test('opskit sim serve triton prints credentials that spread into a DataCenter', async () => {
  const f = fakeIo();
  const running = runCli(['sim', 'serve', 'triton', '--port', '0'], f.io);
  let line = '';
  for (let i = 0; i < 200 && !line; i++) {
    await new Promise((r) => setTimeout(r, 25));
    line = f.stdout().split('\n')[0] ?? '';
  }
  const printed = JSON.parse(line) as { url: string; credentials: Record<string, string> };
  try {
    const dc = new DataCenter({ url: printed.url, ...printed.credentials });
    assert.equal((await dc.getAccount()).login, 'demo');
  } finally {
    f.stop();
    assert.equal(await running, 0);
  }
});
