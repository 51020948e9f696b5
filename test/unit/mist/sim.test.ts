// The simulator, raw: what a foreign client sees on the wire (status, content type, text bodies,
// validation, the machine state machine on the clock, monitoring data from the seed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { encodeOpenSshPrivateKey, generatePrivateKeySync } from '../../../src/crypto/index.js';
import { createSim } from '../../../src/sim/index.js';
import type { MistSim } from '../../../src/sim/mist/index.js';
import { mistSim, RSA_PEM } from './helpers.js';

interface Reply {
  status: number;
  type: string;
  text: string;
  json: () => any;
}

function caller(sim: MistSim, auth: 'login' | 'none' = 'login') {
  let header: string | undefined;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const h = new Headers(headers);
    if (header && !h.has('authorization')) h.set('authorization', header);
    const res = await sim.fetch(new URL(path, sim.url), { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
  };
  const ready = (async () => {
    if (auth === 'none' || sim.state.mode === 'standalone') return;
    const r = await call('POST', '/auth', sim.credentials);
    header = `mist_1 ${sim.credentials.email}:${r.json().mist_api_token}`;
  })();
  return async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    await ready;
    return call(method, path, body, headers);
  };
}

test('createSim("mist") defaults: hosted, credentials are exactly MistClient.login\'s names, unknown options refused', () => {
  const sim = createSim('mist');
  assert.equal(sim.state.mode, 'hosted');
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['email', 'password']);
  assert.match(sim.credentials.password, /^pw-[0-9a-f]{16}$/);
  assert.throws(() => createSim('mist', { auths: 'x' } as never), ConfigError);
  assert.throws(() => createSim('mist', { auth: 'open' as never }), /auth must be/);
});

test('text replies: OK with Pyramid\'s text content type; errors "<Title>: <detail>"; unknown routes the HTML 404', async () => {
  const sim = mistSim();
  const call = caller(sim);
  const added = await call('POST', '/backends', { title: 'a', provider: 'linode', apikey: null, apisecret: 'k' });
  const id = added.json().id;
  const ok = await call('PUT', `/backends/${id}`, { new_name: 'b' });
  assert.deepEqual([ok.status, ok.type, ok.text], [200, 'text/html; charset=UTF-8', 'OK']);
  const err = await call('PUT', `/backends/${id}`, {});
  assert.deepEqual([err.status, err.text], [400, 'Required parameter not provided: new_name']);
  assert.doesNotThrow(() => assert.throws(() => JSON.parse(err.text)), 'not JSON');
  const bad = await call('POST', `/backends/${id}`, { new_state: 'on' });
  assert.deepEqual([bad.status, bad.text], [400, 'Bad Request: Invalid backend state']);
  assert.deepEqual([(await call('POST', '/backends/nope', { new_state: '1' })).text], ['Backend not found']);
  assert.deepEqual([(await call('DELETE', '/backends/nope')).text], ['Backend not found: nope']);
  for (const [method, path] of [['GET', '/nothing'], ['PATCH', '/backends'], ['GET', '/keys/x/other']]) {
    const r = await call(method!, path!);
    assert.deepEqual([r.status, r.type], [404, 'text/html; charset=UTF-8'], `${method} ${path}`);
    assert.match(r.text, /404\. Got lost in the clouds/);
  }
  const noBody = await call('PUT', `/backends/${id}`, 'not json');
  assert.deepEqual([noBody.status, noBody.text], [500, 'Internal Server Error'], 'a body that is not JSON fails the view');
  sim.faults.inject({ kind: 'status', status: 503 });
  const fault = await call('GET', '/backends');
  assert.deepEqual([fault.status, fault.text], [503, 'Service unavailable: injected fault: 503 ServiceUnavailable']);
});

test('hosted auth: 401 Not authorized without the mist_1 header, with a wrong one, a raw token, a token of another email', async () => {
  const sim = mistSim();
  const call = caller(sim);
  await call('GET', '/backends');
  const [token] = [...sim.state.tokens.keys()];
  const probe = (authorization?: string) => call('GET', '/backends', undefined, authorization === undefined ? { authorization: '' } : { authorization });
  assert.equal((await probe(`mist_1 ${sim.credentials.email.toUpperCase()}:${token}`)).status, 200, 'emails compare case-insensitively');
  for (const h of ['', token!, `mist_1 ${sim.credentials.email}:nope`, `mist_1 other@example.com:${token}`, `mist_1 ${sim.credentials.email} ${token}`]) {
    const r = await probe(h);
    assert.deepEqual([r.status, r.text], [401, 'Not authorized'], JSON.stringify(h));
  }
  const wrong = await caller(sim, 'none')('POST', '/auth', { email: sim.credentials.email, password: 'no' });
  assert.deepEqual([wrong.status, wrong.text], [401, 'Not authorized']);
  const raw = mistSim({ rawTokens: true });
  const login = (await caller(raw, 'none')('POST', '/auth', raw.credentials)).json();
  assert.equal(login.mist_api_token, undefined);
  assert.equal((await caller(raw, 'none')('GET', '/keys', undefined, { authorization: login.token })).status, 200);
});

test('adding backends: the server\'s per-provider rules', async () => {
  const sim = mistSim({ providers: { ec2: { apikey: 'AK', apisecret: 'SK' }, softlayer: { available: false } } });
  const call = caller(sim);
  const add = (body: Record<string, unknown>) => call('POST', '/backends', body);
  assert.equal((await add({ title: 'x' })).text, 'Required parameter not provided: provider');
  assert.equal((await add({ title: 'x', provider: 'ec2_us_east', apisecret: 'SK' })).text, 'Required parameter not provided: apikey');
  assert.equal((await add({ title: 'x', provider: 'ec2_us_east', apikey: 'AK' })).text, 'Required parameter not provided: apisecret');
  assert.equal((await add({ title: 'x', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'bad' })).text, 'Invalid backend credentials');
  assert.equal((await add({ title: 'x', provider: 'softlayer', apikey: 'u', apisecret: 'k' })).text, 'Backend unavailable');
  assert.equal((await add({ title: 'x', provider: 'nowhere', apikey: 'u', apisecret: 'k' })).status, 401, 'an unknown provider cannot be connected to');
  assert.equal((await add({ title: 'x', provider: 'nowhere', apikey: 'u', apisecret: 'k', remove_on_error: false })).status, 200, 'unless not validated');
  const ec2 = (await add({ title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json();
  assert.deepEqual([ec2.status, ec2.enabled, ec2.region], ['off', true, '']);
  const dup = await add({ title: 'again', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' });
  assert.deepEqual([dup.status, dup.text], [409, `Backend exists: ${ec2.id}`]);
  assert.equal((await add({ title: 'fetched', provider: 'ec2_eu_west', apikey: 'AK', apisecret: 'getsecretfromdb' })).status, 200, "'getsecretfromdb' reuses a known secret");
  const rack = (await add({ title: null, provider: 'rackspace:lon', apikey: 'u', apisecret: 'k' })).json();
  assert.deepEqual([rack.provider, rack.region], ['rackspace', 'lon']);
  const list = (await call('GET', '/backends')).json();
  assert.equal(list.find((b: { id: string }) => b.id === rack.id).title, 'rackspace', 'title falls back to the provider');
  const doc = (await add({ title: 'do', provider: 'digitalocean', apisecret: 'do-token' })).json();
  assert.equal(doc.apikey, 'do-token', 'DigitalOcean v2: the token is copied into apikey');
  const os = (await add({ title: 'os', provider: 'openstack', apikey: 'u', apisecret: 'p', apiurl: 'https://ks:5000/v2.0/' })).json();
  assert.equal(os.apiurl, 'https://ks:5000');
  const hp = (await add({ title: 'hp', provider: 'hpcloud:region-b.geo-1', apikey: 'u', apisecret: 'p', apiurl: 'https://x.hpcloudsvc.com/v2.0' })).json();
  assert.deepEqual([hp.provider, hp.region, hp.apiurl], ['hpcloud', 'region-b.geo-1', 'https://region-a.geo-1.identity.hpcloudsvc.com:35357/v2.0/tokens']);
  assert.equal((await add({ title: 'docker', provider: 'docker', apiurl: 'https://d:2375' })).status, 200, 'Docker needs no credentials');
  // Bare metal: host required, key required and known (unless remove_on_error is false), the title is the host name.
  assert.equal((await add({ title: 'bm', provider: 'bare_metal' })).text, 'Required parameter not provided: machine_hostname');
  assert.equal((await add({ title: 'bm', provider: 'bare_metal', machine_ip: 'h.example' })).text, 'Required parameter not provided: machine_key');
  assert.equal((await add({ title: 'bm', provider: 'bare_metal', machine_ip: 'h.example', machine_key: 'k' })).text, 'Keypair not found: k');
  await call('PUT', '/keys', { id: 'k', priv: RSA_PEM });
  const bm = (await add({ title: 'my box', provider: 'bare_metal', machine_ip: 'h.example.com', machine_key: 'k', machine_port: 2222 })).json();
  assert.equal(bm.title, 'h.example.com', 'the title is replaced by the host name');
  const machines = (await call('GET', `/backends/${bm.id}/machines`)).json();
  assert.deepEqual([machines[0].id, machines[0].state, machines[0].can_reboot, machines[0].can_stop, machines[0].can_destroy], ['hexamplecom', 'running', true, false, false]);
  const key = (await call('GET', '/keys')).json()[0];
  assert.deepEqual(key.machines[0].slice(0, 2).concat(key.machines[0].slice(3)), [bm.id, 'hexamplecom', 'root', false, 2222], 'the SSH login associated the key');
});

test('machines: the action state machine on the clock, and the can_* flags per provider and state', async () => {
  const sim = mistSim({ transitionMs: 5000 });
  const call = caller(sim);
  await call('PUT', '/keys', { id: 'k', priv: RSA_PEM });
  const ec2 = (await call('POST', '/backends', { title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json().id;
  const gce = (await call('POST', '/backends', { title: 'g', provider: 'gce', apikey: 'e@x', apisecret: 'pk', tenant_name: 'p' })).json().id;
  const lin = (await call('POST', '/backends', { title: 'l', provider: 'linode', apisecret: 'k' })).json().id;
  const create = async (b: string, body: Record<string, unknown>) => call('POST', `/backends/${b}/machines`, { key: 'k', location: null, ...body });
  assert.equal((await create(ec2, { name: 'x', size: 't1.micro' })).text, "Required parameter not provided: 'image'");
  assert.equal((await create(ec2, { name: 'x', image: 'ami-7c807d14', size: 't1.micro', key: 'nope' })).text, 'Keypair not found: nope');
  assert.equal((await create(ec2, { name: 'x', image: 'ami-nope', size: 't1.micro' })).status, 500);
  assert.equal((await create(lin, { name: 'x', image: 'ubuntu-14-04-x64', size: '1' })).text, 'Machine creation failed: Linode needs image_extra and disk');
  const m = (await create(ec2, { name: 'web', image: 'ami-7c807d14', size: 't1.micro', location: '0' })).json();
  assert.equal(m.public_ips.length, 1);
  const state = async (b: string, id: string) => (await call('GET', `/backends/${b}/machines`)).json().find((x: { id: string }) => x.id === id);
  const at = async (ms: number, b: string, id: string) => {
    sim.clock.advance(ms);
    return state(b, id);
  };
  const first = await state(ec2, m.id);
  assert.deepEqual([first.state, first.can_stop, first.can_reboot, first.can_start], ['pending', false, false, false]);
  assert.deepEqual(first.tags, ['us-east-1a'], 'EC2 lists the zone as a tag');
  assert.equal((await at(4999, ec2, m.id)).state, 'pending');
  const running = await at(1, ec2, m.id);
  assert.deepEqual([running.state, running.can_stop, running.can_start, running.can_tag], ['running', true, false, true]);
  const action = (b: string, id: string, a: string) => call('POST', `/backends/${b}/machines/${id}`, { action: a });
  assert.equal((await action(ec2, m.id, 'start')).text, 'Machine currently unavailable: Error while attempting to start machine');
  assert.deepEqual([(await action(ec2, m.id, 'explode')).text], ['Bad Request']);
  const list = (await action(ec2, m.id, 'reboot')).json();
  assert.equal(list.find((x: { id: string }) => x.id === m.id).state, 'rebooting', 'the reply is the machine list');
  assert.equal((await at(5000, ec2, m.id)).state, 'running');
  await action(ec2, m.id, 'stop');
  assert.equal((await state(ec2, m.id)).state, 'pending');
  const stopped = await at(5000, ec2, m.id);
  assert.deepEqual([stopped.state, stopped.can_start, stopped.can_stop], ['stopped', true, false]);
  await action(ec2, m.id, 'start');
  assert.equal((await at(5000, ec2, m.id)).state, 'running');
  await action(ec2, m.id, 'destroy');
  const gone = await at(5000, ec2, m.id);
  assert.deepEqual([gone.state, gone.can_destroy, gone.can_tag], ['terminated', false, false], 'EC2 keeps listing terminated machines');
  assert.equal((await action(ec2, 'i-none', 'stop')).text, 'Machine not found: i-none');
  // GCE: no start/stop; Linode: no tags, and terminated machines vanish.
  const g = (await create(gce, { name: 'g1', image: 'projects/debian-cloud/global/images/debian-7-wheezy-v20140926', size: 'f1-micro' })).json();
  sim.clock.advance(5000);
  const gm = await state(gce, g.id);
  assert.deepEqual([gm.can_start, gm.can_stop, gm.can_reboot], [false, false, true]);
  assert.equal((await action(gce, g.id, 'stop')).text, 'Bad Request: Action stop not supported for this machine');
  const l = (await create(lin, { name: 'l1', image: 'ubuntu-14-04-x64', size: '1', image_extra: 'x', disk: 1024 })).json();
  sim.clock.advance(5000);
  assert.equal((await state(lin, l.id)).can_tag, false);
  await action(lin, l.id, 'destroy');
  sim.clock.advance(5000);
  assert.equal(await state(lin, l.id), undefined);
  // Destroying drops the machine's key associations.
  const keys = (await call('GET', '/keys')).json();
  assert.ok(!keys[0].machines.some((a: string[]) => a[1] === m.id || a[1] === l.id));
});

test('images: filters, stars, search lower-cased and at most 40, on GET bodies and the POST alias', async () => {
  const sim = mistSim();
  const call = caller(sim);
  const ec2 = (await call('POST', '/backends', { title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json().id;
  const docker = (await call('POST', '/backends', { title: 'd', provider: 'docker', apiurl: 'https://d' })).json().id;
  const all = (await call('GET', `/backends/${ec2}/images`)).json();
  assert.ok(all.length > 40);
  assert.ok(all.every((i: { id: string; name: string }) => !/^a[kr]i-/.test(i.id) && !/windows|hvm/i.test(i.name)));
  assert.deepEqual(all.filter((i: { star: boolean }) => i.star).map((i: { id: string }) => i.id).sort(), ['ami-384d8450', 'ami-7c807d14', 'ami-8c27d8e4', 'ami-b06a98d8', 'ami-e84d8480']);
  const search = (await call('POST', `/backends/${ec2}/images`, { search_term: 'DEBIAN' })).json();
  assert.ok(search.length > 0 && search.every((i: { name: string }) => i.name.includes('debian')));
  assert.equal((await call('POST', `/backends/${ec2}/images`, { search_term: 'server' })).json().length, 40);
  assert.equal((await call('POST', `/backends/${ec2}/images`, { search_term: 'nothing-like-this' })).text, '[]');
  const dockerImages = (await call('GET', `/backends/${docker}/images`)).json();
  assert.deepEqual(dockerImages.filter((i: { star: boolean }) => i.star).map((i: { id: string }) => i.id), ['mist/ubuntu-14.04', 'mist/debian-wheezy', 'mist/opensuse-13.1', 'mist/fedora-20']);
  assert.equal((await call('GET', `/backends/${ec2}/sizes`)).json()[0].driver, 'Amazon EC2');
  assert.deepEqual((await call('GET', `/backends/${docker}/locations`)).json(), [{ id: '', name: 'default', country: '' }]);
});

test('keys: really parsed, Keypair exists, default promotion, halves as JSON strings, generated keys not stored', async () => {
  const sim = mistSim();
  const call = caller(sim);
  assert.equal((await call('PUT', '/keys', { priv: RSA_PEM })).text, 'Keypair id parameter missing');
  assert.equal((await call('PUT', '/keys', { id: 'a' })).text, 'Required parameter not provided: Private key is not provided');
  assert.equal((await call('PUT', '/keys', { id: 'a', priv: '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----' })).text, 'Invalid private key');
  const encrypted = encodeOpenSshPrivateKey(generatePrivateKeySync('ed25519'), { passphrase: 'x', rounds: 2 });
  assert.equal((await call('PUT', '/keys', { id: 'a', priv: encrypted })).text, 'Invalid private key', 'an encrypted key cannot be used by the server');
  const a = (await call('PUT', '/keys', { id: 'a', priv: RSA_PEM })).json();
  assert.deepEqual(a, { id: 'a', machines: [], isDefault: true });
  assert.equal((await call('PUT', '/keys', { id: 'a', priv: RSA_PEM })).text, 'Keypair exists: a');
  const generated = (await call('POST', '/keys')).json().priv;
  assert.equal((await call('GET', '/keys')).json().length, 1, 'generating stores nothing');
  assert.equal((await call('PUT', '/keys', { id: 'b', priv: generated })).json().isDefault, false);
  assert.equal(JSON.parse((await call('GET', '/keys/b/public')).text).startsWith('ssh-ed25519 '), true);
  assert.equal((await call('GET', '/keys/a/private')).text, JSON.stringify(RSA_PEM), 'a JSON string');
  assert.equal((await call('GET', '/keys/zz/private')).text, 'Keypair not found: zz');
  assert.equal((await call('PUT', '/keys/b', { new_id: 'a' })).text, 'Keypair exists: a');
  assert.equal((await call('PUT', '/keys/b', {})).text, 'Required parameter not provided: new_id');
  assert.deepEqual((await call('PUT', '/keys/b', { new_name: 'c' })).json(), { new_id: 'c' }, 'later servers\' new_name is read too');
  assert.equal((await call('POST', '/keys/c')).text, 'OK');
  const left = (await call('DELETE', '/keys/c')).json();
  assert.deepEqual(left, [{ id: 'a', machines: [], isDefault: true }], 'the first key left becomes the default');
});

test('probe: ping only when SSH cannot log in; associations need a key that logs in; user/port from the server\'s names', async () => {
  const sim = mistSim();
  const call = caller(sim);
  await call('PUT', '/keys', { id: 'k', priv: RSA_PEM });
  await call('PUT', '/keys', { id: 'k2', priv: RSA_PEM });
  const b = (await call('POST', '/backends', { title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json().id;
  const m = (await call('POST', `/backends/${b}/machines`, { name: 'm', image: 'ami-7c807d14', size: 't1.micro', key: 'k' })).json();
  const probe = (body: Record<string, unknown>, q = '') => call('POST', `/backends/${b}/machines/${m.id}/probe${q}`, body);
  assert.equal((await probe({})).text, 'Required parameter not provided: host');
  assert.deepEqual((await probe({ host: m.public_ips[0] })).json(), { packets_tx: 10, packets_rx: 0, packets_loss: 1 }, 'still pending: no ping, no SSH');
  sim.clock.advance(1000);
  const full = (await probe({ host: m.public_ips[0], ssh_user: 'ignored' }, '?ssh_user=ubuntu')).json();
  assert.ok(full.uptime && full.loadavg.length === 3 && full.rtt_avg > 0);
  const assoc = (await call('GET', '/keys')).json()[0].machines[0];
  assert.equal(assoc[3], 'ubuntu', 'ssh_user from the query string');
  assert.equal((await call('PUT', `/backends/${b}/machines/${m.id}/keys/k2`, { ssh_user: 'x', ssh_port: 1 })).text, 'Required parameter not provided: host');
  const made = (await call('PUT', `/backends/${b}/machines/${m.id}/keys/k2`, { host: 'h', ssh_user: 'x', ssh_port: 1, user: 'admin', port: 2200 })).json();
  assert.deepEqual(made[0].slice(3), ['admin', false, 2200]);
  await call('POST', `/backends/${b}/machines/${m.id}`, { action: 'stop' });
  sim.clock.advance(1000);
  const refused = await call('PUT', `/backends/${b}/machines/${m.id}/keys/k`, { host: 'h' });
  assert.deepEqual([refused.status, refused.text], [401, "Couldn't authenticate to machine: Couldn't connect to deploy new SSH keypair."]);
});

test('monitoring: the deploy command, the plan limit, metrics, python plugins with the server\'s checks', async () => {
  const sim = mistSim({ machineLimit: 1 });
  const call = caller(sim);
  await call('PUT', '/keys', { id: 'k', priv: RSA_PEM });
  const b = (await call('POST', '/backends', { title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json().id;
  const m1 = (await call('POST', `/backends/${b}/machines`, { name: 'm1', image: 'ami-7c807d14', size: 't1.micro' })).json();
  const m2 = (await call('POST', `/backends/${b}/machines`, { name: 'm2', image: 'ami-7c807d14', size: 't1.micro' })).json();
  sim.clock.advance(1000);
  const mon = (id: string, body: Record<string, unknown>) => call('POST', `/backends/${b}/machines/${id}/monitoring`, body);
  assert.equal((await call('GET', `/backends/${b}/machines/${m1.id}/stats`)).text, `Service unavailable: Machine ${m1.id} is not monitored`);
  const dry = (await mon(m1.id, { action: 'enable', name: 'm1', dry: true })).json();
  assert.match(dry.command, /^wget -O - {2}'https:\/\/mist\.io\/deploy_script\?uuid=[0-9a-f]{40}&collectd_password=[0-9a-f]{16}&monitor=monitor1\.mist\.io' \| `command -v sudo` bash$/);
  assert.equal((await call('GET', '/monitoring')).json().machines.length, 0, 'dry enables nothing');
  await mon(m1.id, { action: 'enable', name: 'm1' });
  const limit = await mon(m2.id, { action: 'enable', name: 'm2' });
  assert.deepEqual([limit.status, limit.text], [402, 'Payment required: Your plan (Startup) allows monitoring up to 1 machines']);
  assert.deepEqual([(await mon(m1.id, { action: 'pause' })).text], ['Bad Request']);
  assert.equal((await mon(m1.id, {})).status, 500, 'no action at all fails the view');
  const metric = (method: string, body: unknown) => call(method, `/backends/${b}/machines/${m1.id}/metrics`, body);
  assert.equal((await metric('PUT', {})).text, 'Required parameter not provided: metric_id');
  assert.equal((await metric('PUT', { metric_id: 'nope' })).text, 'Service unavailable: Unknown metric nope');
  assert.equal((await metric('PUT', { metric_id: 'users.users' })).text, '{}');
  const plugin = (id: string, body: Record<string, unknown>) => call('POST', `/backends/${b}/machines/${m1.id}/plugins/${id}`, { plugin_type: 'python', host: 'h', read_function: 'def read():\n  return 1', ...body });
  assert.equal((await plugin('ok', { plugin_type: 'lua' })).text, "Bad Request: Invalid plugin_type: 'lua'");
  assert.match((await plugin('Bad-Id', {})).text, /^Bad Request: Invalid plugin_id 'Bad-Id'/);
  assert.equal((await plugin('trailing_', {})).text, "Bad Request: Invalid plugin_id 'trailing_'. plugin_id can't start or end with an underscore.");
  assert.equal((await plugin('ok', { value_type: 'counter' })).text, "Bad Request: Invalid value_type 'counter'. Must be 'gauge' or 'derive'.");
  assert.equal((await plugin('ok', { read_function: '' })).text, 'Required parameter not provided: read_function');
  assert.match((await plugin('ok', { read_function: 'x = 1' })).text, /ERROR DEPLOYING PLUGIN\n$/);
  assert.deepEqual((await plugin('ok', { name: 'OK plugin', unit: 'x' })).json().metric_id, 'mist.python.ok');
  assert.equal((await call('GET', `/backends/${b}/machines/${m1.id}/metrics`)).json()['mist.python.ok'].name, 'OK plugin');
  const overview = (await call('GET', '/monitoring')).json();
  assert.deepEqual(overview.custom_metrics['mist.python.ok'], { name: 'OK plugin', unit: 'x', backend_id: b, machine_id: m1.id });
  assert.deepEqual((await mon(m1.id, { action: 'disable' })).json(), { cmd_output: null });
});

test('stats: datapoints from the seed for any window and step, null in the future, bounded', async () => {
  const series = async (seed: number, query: string, advance = 0) => {
    const sim = mistSim({ seed });
    const call = caller(sim);
    await call('PUT', '/keys', { id: 'k', priv: RSA_PEM });
    const b = (await call('POST', '/backends', { title: 'aws', provider: 'ec2_us_east', apikey: 'AK', apisecret: 'SK' })).json().id;
    const m = (await call('POST', `/backends/${b}/machines`, { name: 'm', image: 'ami-7c807d14', size: 't1.micro' })).json();
    sim.clock.advance(1000 + advance);
    await call('POST', `/backends/${b}/machines/${m.id}/monitoring`, { action: 'enable', name: 'm' });
    return call('GET', `/backends/${b}/machines/${m.id}/stats${query}`);
  };
  const now = 1_700_000_001;
  const a = (await series(11, `?start=${now - 3600}&stop=${now}&step=60&v=2`)).json();
  const again = (await series(11, `?start=${now - 3600}&stop=${now}&step=60&v=2`)).json();
  assert.deepEqual(a, again, 'the same seed, the same data');
  const other = (await series(12, `?start=${now - 3600}&stop=${now}&step=60&v=2`)).json();
  assert.notDeepEqual(a['cpu.total.nonidle'].datapoints, other['cpu.total.nonidle'].datapoints);
  const cpu = a['cpu.total.nonidle'];
  assert.equal(cpu.datapoints.length, 61);
  assert.equal(cpu.unit, '%');
  assert.ok(cpu.datapoints.every(([v, t]: [number, number]) => v >= 2 && v <= 85 && Number.isInteger(t)));
  // A finer window agrees with the coarse one where they meet.
  const fine = (await series(11, `?start=${now - 120}&stop=${now}&step=10`)).json();
  assert.deepEqual(fine['cpu.total.nonidle'].datapoints.filter(([, t]: [number, number]) => (now - t) % 60 === 0), cpu.datapoints.slice(-3));
  const future = (await series(11, `?start=${now - 20}&stop=${now + 30}&step=10`)).json();
  assert.deepEqual(future['load.shortterm'].datapoints.map(([v]: [number | null]) => v === null), [false, false, false, true, true, true]);
  assert.equal(Object.keys(a).length, 7, 'the default metrics');
  assert.match((await series(11, `?start=0&stop=${now}&step=1`)).text, /^Bad Request: \d+ datapoints requested, at most 10000/);
  assert.equal((await series(11, '?start=abc')).text, 'Bad Request: Invalid start: abc');
});

test('standalone: no auth; /auth keeps the hosted token and answers without it; monitoring needs that token', async () => {
  const sim = mistSim({ auth: 'standalone' });
  const call = caller(sim, 'none');
  assert.equal((await call('GET', '/backends')).status, 200);
  assert.equal((await call('GET', '/monitoring')).text, 'Service unavailable: Not authorized');
  const login = (await call('POST', '/auth', sim.credentials)).json();
  assert.deepEqual(Object.keys(login).sort(), ['current_plan', 'user_details']);
  assert.equal((await call('GET', '/monitoring')).status, 200);
});
