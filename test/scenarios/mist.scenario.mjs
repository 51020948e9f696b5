// mist.io scenarios against the in-process simulator (`t.lib.sim.createSim('mist')`): log in, keys
// with free-text names, a backend, a machine through its states, monitoring and stats, typed text
// errors, dry runs, a standalone server. Runs in Node, Chromium (secure and non-secure origins),
// Deno and Bun.
export default function (t) {
  const { mist, sim: simLib } = t.lib;
  const { assert } = t;

  const newSim = (options = {}) => simLib.createSim('mist', { clock: simLib.createClock(1_700_000_000_000), seed: 5, transitionMs: 1000, ...options });
  const clientFor = (sim, options = {}) => mist.MistClient.login({ mistUri: sim.url, ...sim.credentials, fetch: sim.fetch, now: () => sim.clock.now(), ...options });

  t.test('mist: log in, add a key and a backend, create a machine and wait for it, monitor it, read stats', async () => {
    const sim = newSim();
    const client = await clientFor(sim);
    assert.equal(client.authenticated, true);
    const token = [...sim.state.tokens.keys()][0];
    const priv = await client.generateKey();
    assert.ok(priv.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----'));
    const key = await client.addKey('deploy key/α?#1', priv);
    assert.equal(key.isDefault, true);
    assert.ok((await key.public()).startsWith('ssh-ed25519 '));
    assert.ok(sim.state.keypairs.has('deploy key/α?#1'), 'the free-text name reached the server whole');
    const backend = await client.addBackend('aws', 'ec2_us_east', 'AKIAEXAMPLE', 'secret');
    assert.equal((await client.backendFromProvider('ec2_us_east')).id, backend.id);
    const [size] = await backend.sizes();
    const [location] = await backend.locations();
    const [image] = (await backend.images()).filter((i) => i.star);
    const machine = await backend.createMachine(`scn-${t.env.runtime}`, key, image.id, location.id, size.id);
    const states = [];
    await machine.waitForState('running', { interval: 400, sleep: async (ms) => void sim.clock.advance(ms), onProgress: (p) => states.push(p.value.state) });
    assert.deepEqual(states.slice(-1), ['running']);
    assert.ok(states.length >= 2);
    const sent = sim.requests.last();
    assert.equal(sent.headers.authorization, `mist_1 ${sim.credentials.email}:${token}`);
    const probe = await machine.probe();
    assert.equal(probe.packets_loss, 0);
    assert.ok((await machine.enableMonitoring()).command.includes('deploy_script'));
    const now = Math.floor(sim.clock.now() / 1000);
    const stats = await machine.getStats({ start: now - 50, stop: now, step: 10 });
    assert.equal(stats['load.shortterm'].datapoints.length, 6);
    const plugin = await machine.addPythonPlugin('Queue length!', 'def read():\n    return 1\n');
    assert.equal(plugin.metric_id, 'mist.python.queue_length');
    await machine.reboot();
    assert.equal(machine.state, 'rebooting');
    await machine.destroy();
    assert.equal(machine.state, 'pending');
    await machine.waitForState('terminated', { interval: 400, sleep: async (ms) => void sim.clock.advance(ms) });
  });

  t.test('mist: text errors become typed errors with title and detail; unknown routes the HTML 404', async () => {
    const sim = newSim({ providers: { ec2: { apisecret: 'right' } } });
    const client = await clientFor(sim, { retry: false });
    const err = await assert.rejects(client.addBackend('aws', 'ec2_us_east', 'AK', 'wrong'), mist.MistUnauthorizedError);
    assert.equal(err.status, 401);
    assert.equal(err.title, 'Invalid backend credentials');
    const missing = await assert.rejects(new mist.Key({ id: 'no such key', machines: [], isDefault: false }, client).private(), mist.MistNotFoundError);
    assert.equal(missing.detail, 'no such key');
    assert.equal(missing.body, 'Keypair not found: no such key');
    const exists = await assert.rejects(client.addKey('k', 'not a key'), mist.MistBadRequestError);
    assert.equal(exists.title, 'Invalid private key');
    const anonymous = new mist.MistClient({ mistUri: sim.url, fetch: sim.fetch, retry: false });
    const denied = await assert.rejects(anonymous.backends(), mist.MistUnauthorizedError);
    assert.equal(denied.vendorCode, 'Not authorized');
    assert.equal(sim.requests.last().headers.authorization, undefined);
    const page = await assert.rejects(client.api.GET('/nowhere'), mist.MistNotFoundError);
    assert.ok(page.title.includes('404'));
    assert.ok(String(page.body).startsWith('<!DOCTYPE html>'));
  });

  t.test('mist: dry run resolves with the request; the token only with reveal', async () => {
    const dry = new mist.MistClient({ mistUri: 'https://mist.example', email: 'a@example.com', apiToken: 'secret-token-1', dryRun: true });
    const req = await dry.backends();
    assert.equal(req.dryRun, true);
    assert.equal(req.url, 'https://mist.example/backends');
    assert.equal(req.headers.authorization, '[REDACTED]');
    const backend = new mist.Backend({ id: 'b1', title: 'b', provider: 'ec2_us_east', enabled: true }, dry);
    const search = await backend.searchImage('ubuntu');
    assert.equal(search.method, 'POST');
    const shown = await new mist.MistClient({ mistUri: 'https://mist.example', apiToken: 'secret-token-1', dryRun: true, reveal: true }).keys();
    assert.equal(shown.headers.authorization, 'secret-token-1');
  });

  t.test('mist: a standalone server needs no token; its login answers none', async () => {
    const sim = newSim({ auth: 'standalone' });
    const client = await clientFor(sim);
    assert.equal(client.authenticated, false);
    assert.equal(client.userDetails.current_plan.title, 'Startup');
    const backend = await client.addBackend('do', 'digitalocean', '', 'do-token');
    assert.equal(backend.info.apikey, 'do-token');
    for (const r of sim.requests.list()) assert.equal(r.headers.authorization, undefined);
  });
}
