// Issue 12 ("Every simulator"): the Node adapter read a request target starting with `//` as a
// protocol-relative URL, so `//x/api/…` reached `/api/…` on host `x` and `//api/v1/…` lost its
// first segment. Targets are paths, taken verbatim.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { requestUrl } from '../../../src/node/to-request.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim, type DemoSim } from '../../../src/sim/index.js';
import type { TimesysSim } from '../../../src/sim/timesys/index.js';
import { demoSim, login, rawExchange } from './helpers.js';

let demo: DemoSim;
let demoServer: ServedSim;
let timesys: TimesysSim;
let timesysServer: ServedSim;
let auth: Record<string, string>;

before(async () => {
  demo = demoSim();
  demoServer = await serve(demo);
  auth = await login(demoServer.url, demo);
  timesys = createSim('timesys', { seed: 1 });
  timesysServer = await serve(timesys);
});
after(async () => {
  await demoServer.close();
  await timesysServer.close();
});

const raw = (server: ServedSim, method: string, target: string, headers = '') =>
  rawExchange(server.url, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);

test('a target starting with // is a path: //x/items is not routed to /items', async () => {
  const ok = await raw(demoServer, 'GET', '/items?limit=1', `Authorization: ${auth.authorization}\r\n`);
  assert.match(ok.head, /^HTTP\/1\.1 200/);
  const res = await raw(demoServer, 'GET', '//x/items?limit=1', `Authorization: ${auth.authorization}\r\n`);
  assert.match(res.head, /^HTTP\/1\.1 404/, res.head);
  const seen = demo.requests.last();
  assert.equal(seen?.path, '//x/items');
  assert.equal(new URL(seen!.url).host, '127.0.0.1', 'the Host header names the origin, not the first path segment');
});

test('POST //api/v1/vigiles/heartbeat reaches the simulator with its path intact (no route there)', async () => {
  const res = await raw(timesysServer, 'POST', '//api/v1/vigiles/heartbeat');
  assert.match(res.head, /^HTTP\/1\.1 404/, res.head);
  assert.equal(timesys.requests.last()?.path, '//api/v1/vigiles/heartbeat');
  // And `//x/api/…` is not the heartbeat either.
  await raw(timesysServer, 'POST', '//x/api/v1/vigiles/heartbeat');
  assert.equal(timesys.requests.last()?.path, '//x/api/v1/vigiles/heartbeat');
  assert.equal(timesys.requests.last()?.status, 404);
});

test('requestUrl: paths verbatim, absolute-form targets keep their path on our origin, anything else refused', () => {
  assert.equal(requestUrl('//api/v1/x?a=1', 'http://127.0.0.1:8080').href, 'http://127.0.0.1:8080//api/v1/x?a=1');
  assert.equal(requestUrl('/a//b', 'http://127.0.0.1:8080/').pathname, '/a//b');
  assert.equal(requestUrl('http://elsewhere.example//p?q=1', 'http://127.0.0.1:8080').href, 'http://127.0.0.1:8080//p?q=1');
  assert.throws(() => requestUrl('*', 'http://127.0.0.1:8080'), TypeError);
  assert.throws(() => requestUrl('x/y', 'http://127.0.0.1:8080'), TypeError);
});

test('an OPTIONS * request gets a 400, not a crash', async () => {
  const res = await raw(demoServer, 'OPTIONS', '*');
  assert.match(res.head, /^HTTP\/1\.1 400/, res.head);
});
