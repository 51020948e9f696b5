// Hosted and standalone authentication, the raw-token option, and one auth state shared by every
// object of a client.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, ResponseError } from '../../../src/core/index.js';
import { MistClient, MistUnauthorizedError } from '../../../src/mist/index.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

test('hosted: the login sends no header; every later request sends mist_1 <email>:<token>', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  const login = sim.requests.list()[0]!;
  assert.equal(login.path, '/auth');
  assert.equal(login.headers.authorization, undefined);
  assert.deepEqual(JSON.parse(login.body), sim.credentials);
  assert.equal(client.authenticated, true);
  await client.backends();
  await client.keys();
  const [token] = [...sim.state.tokens.keys()];
  for (const r of sim.requests.list().slice(1)) assert.equal(r.headers.authorization, `mist_1 ${sim.credentials.email}:${token}`);
});

test('hosted: wrong credentials are 401 Not authorized; no token sends no Authorization header at all', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const err = await MistClient.login({ mistUri: server.url, email: sim.credentials.email, password: 'wrong' }).catch((e: unknown) => e);
  assert.ok(err instanceof MistUnauthorizedError);
  assert.equal(err.title, 'Not authorized');
  const anonymous = new MistClient({ mistUri: server.url, retry: false });
  assert.equal(anonymous.authenticated, false);
  await assert.rejects(anonymous.backends(), MistUnauthorizedError);
  assert.equal('authorization' in sim.requests.last()!.headers, false, 'no header, not "null" or "None"');
  // A token of another account (or a made-up one) is refused too.
  const other = new MistClient({ mistUri: server.url, email: 'someone@example.com', apiToken: sim.issueToken(), retry: false });
  await assert.rejects(other.backends(), MistUnauthorizedError);
});

test('standalone: no header ever; a login reply without a token is not an error (the server holds the session)', async () => {
  const sim = mistSim({ auth: 'standalone' });
  const server = await served(sim);
  const plain = new MistClient({ mistUri: server.url, retry: false });
  const backend = await plain.addBackend('do', 'digitalocean', '', 'do-token');
  const machine = await backend.createMachine('m', null, 'ubuntu-14-04-x64', 'nyc3', '512mb').catch((e: Error) => e);
  assert.match(String(machine), /Keypair not found: Couldn't find default keypair/);
  await plain.addKey('k', RSA_PEM);
  const m = await backend.createMachine('m', null, 'ubuntu-14-04-x64', 'nyc3', '512mb');
  sim.clock.advance(1000);
  // Monitoring goes through the hosted service, which this server has no token for yet.
  const refused = await m.enableMonitoring().catch((e: unknown) => e);
  assert.ok(refused instanceof MistUnauthorizedError);
  assert.equal(refused.detail, 'You need to authenticate to mist.io.');
  // Logging in (C14 crashed here: no mist_api_token in the reply) stores the token server side.
  const client = await MistClient.login({ mistUri: server.url, ...sim.credentials });
  assert.equal(client.authenticated, false);
  assert.equal(client.userDetails?.current_plan?.title, 'Startup');
  assert.equal((await client.backends()).size, 1);
  const again = (await (await client.backendFromId(backend.id))!.machineFromId(m.id))!;
  assert.match((await again.enableMonitoring()).command ?? '', /wget/);
  for (const r of sim.requests.list()) assert.equal(r.headers.authorization, undefined, `${r.method} ${r.path}`);
});

test('standalone: monitoring credentials in the body log the server in to the hosted service', async () => {
  const sim = mistSim({ auth: 'standalone' });
  const server = await served(sim);
  const client = new MistClient({ mistUri: server.url });
  await client.addKey('k', RSA_PEM);
  const b = await client.addBackend('do', 'digitalocean', '', 'token');
  const m = await b.createMachine('m', 'k', 'ubuntu-14-04-x64', 'nyc3', '512mb');
  sim.clock.advance(1000);
  const reply = await m.enableMonitoring({ ...sim.credentials });
  assert.equal(reply.host, m.publicIps[0]);
  assert.ok(sim.state.coreToken);
});

test('raw tokens: a login reply with `token`, an apiToken without email, and the full mist_1 header value', async () => {
  const sim = mistSim({ rawTokens: true });
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  await client.backends();
  const [token] = [...sim.state.tokens.keys()];
  assert.equal(sim.requests.last()!.headers.authorization, token, 'the raw token, no mist_1 prefix');
  const issued = sim.issueToken();
  const raw = new MistClient({ mistUri: server.url, apiToken: issued });
  await raw.keys();
  assert.equal(sim.requests.last()!.headers.authorization, issued);
  const withEmail = new MistClient({ mistUri: server.url, apiToken: issued, email: sim.credentials.email });
  await withEmail.keys();
  assert.equal(sim.requests.last()!.headers.authorization, `mist_1 ${sim.credentials.email}:${issued}`);
  const forced = new MistClient({ mistUri: server.url, apiToken: issued, email: sim.credentials.email, tokenScheme: 'raw' });
  await forced.keys();
  assert.equal(sim.requests.last()!.headers.authorization, issued);
  const full = new MistClient({ mistUri: server.url, apiToken: `mist_1 ${sim.credentials.email}:${issued}` });
  assert.equal(full.email, sim.credentials.email);
  await full.keys();
  assert.equal(sim.requests.last()!.headers.authorization, `mist_1 ${sim.credentials.email}:${issued}`);
});

test('one auth state: Backend, Machine and Key objects made before a new login carry the new token (C14 copied it per object)', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = new MistClient({ mistUri: server.url, email: sim.credentials.email, apiToken: sim.issueToken(), retry: false, now: () => sim.clock.now() });
  await client.addKey('k', RSA_PEM);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  const machine = await backend.createMachine('m', 'k', 'ami-7c807d14', '0', 't1.micro');
  const key = (await client.keys()).get('k')!;
  sim.state.tokens.clear(); // the token is revoked
  await assert.rejects(backend.sizes(), MistUnauthorizedError);
  await client.authenticate(sim.credentials.email, sim.credentials.password);
  assert.equal((await backend.sizes()).length, 4);
  const metrics = await machine.availableMetrics().then(() => 'ok', (e: Error) => e.message);
  assert.match(metrics, /not monitored/, 'authenticated now (503: not monitored)');
  assert.match(await key.public(), /^ssh-rsa /);
});

test('constructor and login options are checked before anything is sent', async () => {
  assert.throws(() => new MistClient({ password: 'x' } as never), /a constructor cannot log in; use `await MistClient.login/);
  assert.throws(() => new MistClient({ apiToken: 't', tokenScheme: 'mist_1' }), /tokenScheme "mist_1" needs the account's email/);
  assert.throws(() => new MistClient({ email: 'a@b\r\nX-Evil: 1', apiToken: 't' }), (e: unknown) => e instanceof ConfigError && /email contains a line break/.test(e.message) && !e.message.includes('Evil'));
  assert.throws(() => new MistClient({ apiToken: 'tok\nen' }), /apiToken contains a line break/);
  assert.throws(() => new MistClient({ email: 'ü@example.com', apiToken: 't' }), /email contains a non-ASCII character/);
  assert.throws(() => new MistClient({ apiToken: ' padded' }), /apiToken starts or ends with a space/);
  assert.throws(() => new MistClient({ mistUri: 'mist.io' }), /mistUri is not an absolute URL/);
  assert.throws(() => new MistClient({ mistUri: 'ftp://mist.io' }), /http\(s\) URL/);
  assert.throws(() => new MistClient({ mistUri: 'https://user:pass@mist.io' }), /user name or password/);
  assert.throws(() => new MistClient({ tokenScheme: 'bearer' as never }), /tokenScheme must be/);
  assert.throws(() => new MistClient({ apiToken: 'mist_1 a@b:t', email: 'c@d' }), /another email/);
  await assert.rejects(MistClient.login({ mistUri: 'https://mist.example', email: 'a@b', password: '' }), /password must be a non-empty string/);
});

test('mistUri: default https://mist.io, a trailing slash is dropped, a path prefix is kept', async () => {
  const urls: string[] = [];
  const fetch = async (r: Request) => {
    urls.push(r.url);
    return new Response('[]', { headers: { 'content-type': 'application/json' } });
  };
  assert.equal(new MistClient().uri, 'https://mist.io');
  await new MistClient({ mistUri: 'https://mist.example/', fetch }).updateKeys();
  await new MistClient({ mistUri: 'https://mist.example/api/v1//', fetch }).updateKeys();
  assert.deepEqual(urls, ['https://mist.example/keys', 'https://mist.example/api/v1/keys']);
});

test('a login reply that is not an object, or a token a header cannot carry, is a ResponseError', async () => {
  const reply = (body: string) => async () => new Response(body, { headers: { 'content-type': 'application/json' } });
  await assert.rejects(MistClient.login({ mistUri: 'https://m.example', email: 'a@b', password: 'p', fetch: reply('[1]') }), ResponseError);
  await assert.rejects(MistClient.login({ mistUri: 'https://m.example', email: 'a@b', password: 'p', fetch: reply('{"mist_api_token":"a\\nb"}') }), /cannot travel in an Authorization header/);
});
