import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSim, login } from './helpers.js';

test('every route but POST /login needs a bearer token', async () => {
  const sim = demoSim();
  for (const [method, path] of [['GET', '/items'], ['POST', '/items'], ['GET', '/items/item-001'], ['POST', '/jobs'], ['GET', '/echo'], ['GET', '/nope']] as const) {
    const res = await sim.fetch(path, { method });
    assert.equal(res.status, 401, `${method} ${path}`);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.deepEqual(await res.json(), { code: 'Unauthorized', message: 'missing or invalid bearer token' });
  }
  const forged = await sim.fetch('/items', { headers: { authorization: 'Bearer nope' } });
  assert.equal(forged.status, 401);
});

test('login with the advertised credentials yields a working token', async () => {
  const sim = demoSim();
  assert.deepEqual(sim.credentials, { username: 'admin', password: 'opskit-demo' });
  const auth = await login(sim);
  const res = await sim.fetch('/items', { headers: auth });
  assert.equal(res.status, 200);
});

test('bad credentials are a 401 InvalidCredentials; malformed bodies a 400', async () => {
  const sim = demoSim({ password: 's3cret' });
  const post = (body: string) => sim.fetch('/login', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const wrong = await post(JSON.stringify({ username: 'admin', password: 'opskit-demo' }));
  assert.equal(wrong.status, 401);
  assert.deepEqual(await wrong.json(), { code: 'InvalidCredentials', message: 'invalid username or password' });
  assert.equal((await post(JSON.stringify({ username: 'root', password: 's3cret' }))).status, 401);
  const notJson = await post('{');
  assert.equal(notJson.status, 400);
  assert.equal(((await notJson.json()) as { code: string }).code, 'InvalidJson');
  const missing = await post('{}');
  assert.equal(((await missing.json()) as { code: string }).code, 'ValidationError');
  assert.equal((await post(JSON.stringify({ username: 'admin', password: 's3cret' }))).status, 200);
});

test('revokeTokens logs everyone out', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.revokeTokens();
  assert.equal((await sim.fetch('/items', { headers: auth })).status, 401);
});

test('echo reflects method, url, headers and body', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  const res = await sim.fetch('/echo?x=1', { method: 'PUT', headers: { ...auth, 'x-a': 'b' }, body: 'payload' });
  const echo = (await res.json()) as { method: string; url: string; headers: Record<string, string>; body: string };
  assert.equal(echo.method, 'PUT');
  assert.equal(echo.url, 'http://demo.sim.invalid/echo?x=1');
  assert.equal(echo.headers['x-a'], 'b');
  assert.equal(echo.body, 'payload');
});
