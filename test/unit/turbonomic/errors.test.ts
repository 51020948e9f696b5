import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError, HttpError, ServerError } from '../../../src/index.js';
import {
  HTTP400Error, HTTP401Error, HTTP404Error, HTTP500Error, HTTP502Error, HTTP503Error, HTTPError, turboErrorFor,
} from '../../../src/turbonomic/index.js';
import { inProcess, mark, turboSim, wire } from './helpers.js';

const init = (status: number, headers: Record<string, string> = {}) => ({
  status,
  request: { op: 'getMarkets', method: 'GET', url: 'https://h/api/v3/markets', headers: {} },
  headers: new Headers(headers),
});

test('statuses map by class to the upstream names (upstream only matches exact codes)', () => {
  const table: [number, Function, string][] = [
    [301, HttpError, 'HttpError'],
    [400, HTTP400Error, 'HTTP400Error'],
    [401, HTTP401Error, 'HTTP401Error'],
    [403, HTTP400Error, 'HTTP400Error'],
    [404, HTTP404Error, 'HTTP404Error'],
    [405, HTTP400Error, 'HTTP400Error'],
    [409, HTTP400Error, 'HTTP400Error'],
    [500, HTTP500Error, 'HTTP500Error'],
    [501, HTTP500Error, 'HTTP500Error'],
    [502, HTTP502Error, 'HTTP502Error'],
    [503, HTTP503Error, 'HTTP503Error'],
    [504, HTTP500Error, 'HTTP500Error'],
  ];
  for (const [status, cls, name] of table) {
    const e = turboErrorFor(init(status));
    assert.equal(e.constructor, cls, String(status));
    assert.equal(e.name, name);
    assert.ok(e instanceof HTTPError, 'every one is an HTTPError (= core HttpError)');
  }
  assert.ok(turboErrorFor(init(401)) instanceof HTTP400Error && turboErrorFor(init(401)) instanceof ClientError);
  assert.ok(turboErrorFor(init(502)) instanceof HTTP500Error && turboErrorFor(init(503)) instanceof ServerError);
  assert.equal(HTTPError, HttpError);
});

test("a 503 carries Retry-After, raw and parsed, and says so in its message", () => {
  const e = turboErrorFor(init(503, { 'retry-after': '120' })) as HTTP503Error;
  assert.equal(e.retryAfter, '120');
  assert.equal(e.retryAfterMs, 120_000);
  assert.match(e.message, /HTTP 503.*\(retry after: 120\)$/);
  const bare = turboErrorFor(init(503)) as HTTP503Error;
  assert.equal(bare.retryAfter, undefined);
  assert.match(bare.message, /\(no retry provided\)$/);
});

test('over the wire: 403, 500, 502 and 503 (not retried, Retry-After kept)', async () => {
  const sim = turboSim();
  const conn = await inProcess(sim).connect();
  const cases: [number, Function][] = [[403, HTTP400Error], [500, HTTP500Error], [502, HTTP502Error], [503, HTTP503Error]];
  for (const [status, cls] of cases) {
    sim.faults.inject({ kind: 'status', status, retryAfter: status === 503 ? 45 : undefined, match: { path: '/api/v3/targets' } });
    const from = mark(sim);
    const err = await conn.getTargets({ fetchAll: true }).catch((e: unknown) => e);
    assert.ok(err instanceof cls, `${status}: ${String(err)}`);
    assert.equal((err as HttpError).status, status);
    assert.equal(wire(sim, from).length, 1, `${status} is not retried`);
    if (status === 503) assert.equal((err as HTTP503Error).retryAfter, '45');
  }
});

test('any 2xx is success (upstream raises HTTPError for 201, 202 and 204)', async () => {
  // A stand-in server: the simulator answers 200 like Turbonomic; this checks what other 2xx do.
  const sim = turboSim();
  const statuses = new Map<string, number>([['/api/v3/groups', 201], ['/api/v3/targets', 202], ['/api/v3/scenarios/x', 204]]);
  const fetch = async (req: Request): Promise<Response> => {
    const status = statuses.get(new URL(req.url).pathname);
    if (status === undefined) return sim.fetch(req);
    return status === 204 ? new Response(null, { status }) : new Response('{"uuid":"g","displayName":"d"}', { status, headers: { 'content-type': 'application/json' } });
  };
  const conn = await inProcess(sim, { fetch }).connect();
  assert.deepEqual(await conn.addGroup({ displayName: 'd', groupType: 'VirtualMachine' }), [{ uuid: 'g', displayName: 'd' }]);
  assert.deepEqual(await conn.getTargets({ fetchAll: true }), [{ uuid: 'g', displayName: 'd' }]);
  assert.equal(await conn.delScenario('x'), true);
});
