// serve(sim, { cors }): a CORS gateway in front of a simulator for browser pages on another
// origin. Preflights are answered by the gateway (the simulator never sees them), replies to an
// allowed origin expose every header the clients read, other origins get nothing extra.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../../src/node/index.js';
import { createSim } from '../../../src/sim/index.js';

test('preflights are answered by the gateway; allowed origins see the reply headers; others do not', async () => {
  const sim = createSim('demo');
  const page = 'http://localhost:5173';
  const server = await serve(sim, { cors: { origins: [page] } });
  try {
    const before = sim.requests.size;
    const pre = await fetch(`${server.url}/items`, { method: 'OPTIONS', headers: { origin: page, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), page);
    assert.equal(pre.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(pre.headers.get('access-control-allow-headers'), 'authorization');
    assert.equal(sim.requests.size, before, 'the simulator never saw the preflight');
    const other = await fetch(`${server.url}/items`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(other.status, 403);

    const login = await fetch(`${server.url}/login`, { method: 'POST', headers: { origin: page, 'content-type': 'application/json' }, body: JSON.stringify(sim.credentials) });
    assert.equal(login.headers.get('access-control-allow-origin'), page);
    const { token } = (await login.json()) as { token: string };
    const list = await fetch(`${server.url}/items?limit=2`, { headers: { origin: page, authorization: `Bearer ${token}` } });
    const exposed = (list.headers.get('access-control-expose-headers') ?? '').split(', ');
    assert.ok(exposed.includes('x-next-cursor'), `paging headers are exposed: ${exposed}`);
    const foreign = await fetch(`${server.url}/items?limit=2`, { headers: { origin: 'http://evil.example', authorization: `Bearer ${token}` } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  } finally {
    await server.close();
  }
});
