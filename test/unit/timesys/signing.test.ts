import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCodePoints, Llapi, llapiAuth, llapiMessage, pyStr, quotePlus } from '../../../src/timesys/index.js';
import { manualSim, noFetch, VECTOR_USER } from './helpers.js';

const ctx = { op: 't', attempt: 1, now: Date.now, signal: new AbortController().signal };

test('pyStr renders Python str(): True/False, integers, floats, nan/inf', () => {
  assert.equal(pyStr(true), 'True');
  assert.equal(pyStr(false), 'False');
  assert.equal(pyStr(0), '0');
  assert.equal(pyStr(7.5), '7.5');
  assert.equal(pyStr(Number.NaN), 'nan');
  assert.equal(pyStr(-Infinity), '-inf');
  assert.equal(pyStr('True'), 'True');
});

test('code-point order, not UTF-16 order: an astral character sorts after U+FFFD', () => {
  const astral = '\u{1F600}';
  const bmp = '\uFFFD';
  // JS's default sort puts the surrogate pair (0xD83D…) first; Python puts U+1F600 after U+FFFD.
  assert.deepEqual([astral, bmp].sort(), [astral, bmp]);
  assert.deepEqual([astral, bmp].sort(compareCodePoints), [bmp, astral]);
  assert.deepEqual(['b', 'B', 'a', 'CVE Product', 'CPE'].sort(compareCodePoints), ['B', 'CPE', 'CVE Product', 'a', 'b']);
  assert.equal(compareCodePoints('ab', 'a'), 1);
  assert.equal(compareCodePoints('a', 'a'), 0);
  assert.equal(llapiMessage('get', '/p', { k: [astral, bmp], email: 'e' }), `GET/pemail=e&k=${bmp}&k=${astral}`);
});

test('quote_plus: space is +, only A-Za-z0-9_.-~ stay literal', () => {
  assert.equal(quotePlus("a b+c@d/e!'()*~_.-é"), 'a+b%2Bc%40d%2Fe%21%27%28%29%2A~_.-%C3%A9');
  assert.equal(quotePlus('x\ny%'), 'x%0Ay%25');
});

test('the message: null and undefined dropped, empty lists vanish, empty strings stay, numeric lists sort numerically', () => {
  assert.equal(llapiMessage('post', '/p', { a: null, b: undefined, c: [], d: '', email: 'e' }), 'POST/pd=&email=e');
  assert.equal(llapiMessage('GET', '/p', { n: [10, 9, 100], email: 'e' }), 'GET/pemail=e&n=9&n=10&n=100');
  assert.equal(llapiMessage('GET', '/p', { b: [true, false], email: 'e' }), 'GET/pb=False&b=True&email=e');
  assert.equal(llapiMessage('GET', '/p', { text: 'line1\nline2 & more=%20', email: 'e' }), 'GET/pemail=e&text=line1\nline2 & more=%20');
});

test('the signer replaces a caller-supplied email and keeps email last in POST bodies', async () => {
  const auth = llapiAuth(VECTOR_USER);
  const body = new TextEncoder().encode('email=evil%40x.com&b=2&a=1');
  const out = await auth.sign({ method: 'POST', url: 'https://h/api/v1/vigiles/x', headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }), body }, ctx);
  assert.equal(new TextDecoder().decode(out!.request!.body), 'b=2&a=1&email=user%40example.com');
  assert.equal(out!.signed, 'POST/api/v1/vigiles/xa=1&b=2&email=user@example.com');
  const get = await auth.sign({ method: 'get', url: 'https://h/api/v1/vigiles/x?z=1&email=evil&a=2&a=1', headers: new Headers(), body: undefined }, ctx);
  assert.equal(new URL(get!.request!.url).search, '?a=2&a=1&email=user%40example.com&z=1');
  assert.equal(get!.signed, 'GET/api/v1/vigiles/xa=1&a=2&email=user@example.com&z=1');
});

test('only /api/v1/… is signed: a base-URL path prefix is not part of the message', async () => {
  const auth = llapiAuth({ ...VECTOR_USER, basePath: '/proxy/' });
  const out = await auth.sign({ method: 'POST', url: 'https://h/proxy/api/v1/vigiles/heartbeat', headers: new Headers(), body: undefined }, ctx);
  assert.equal(out!.signed, 'POST/api/v1/vigiles/heartbeatemail=user@example.com');
  assert.equal(out!.request!.headers.get('x-auth-signature'), 'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=');
  const llapi = new Llapi({ ...VECTOR_USER, url: 'https://h/proxy/', dryRun: true, reveal: true, fetch: noFetch });
  assert.equal(llapi.url, 'https://h/proxy');
  const dry = (await llapi.heartbeat()) as unknown as Record<string, unknown>;
  assert.equal(dry.url, 'https://h/proxy/api/v1/vigiles/heartbeat');
  assert.equal(dry.hmacMsg, 'POST/api/v1/vigiles/heartbeatemail=user@example.com');
});

test('path parameters are signed raw and sent with @ and + intact', async () => {
  const llapi = new Llapi({ ...VECTOR_USER, dryRun: true, reveal: true, fetch: noFetch });
  const dry = (await llapi.updateGroupMember('G 1', 'dev+ci@example.com', 'admin')) as unknown as Record<string, string>;
  assert.equal(dry.url, 'https://vigiles.lynx.com/api/v1/vigiles/groups/G%201/members/dev+ci@example.com?email=user%40example.com&new_role=admin');
  assert.equal(dry.hmacMsg, 'PUT/api/v1/vigiles/groups/G 1/members/dev+ci@example.comemail=user@example.com&new_role=admin');
});

test('a JSON POST through llapi.api is refused before it is sent', async () => {
  const auth = llapiAuth(VECTOR_USER);
  assert.throws(
    () => auth.sign({ method: 'POST', url: 'https://h/api/v1/vigiles/x', headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{}') }, ctx),
    /form-urlencoded/,
  );
});

test('the typed low-level client is signed like the facade (email added, sim accepts it)', async () => {
  const sim = manualSim();
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  const { data, response } = await llapi.api.GET('/api/v1/vigiles/about', { params: { query: { email: 'ignored@x' } } });
  assert.equal(response.status, 200);
  assert.equal(typeof data?.app_version, 'string');
  assert.match(sim.requests.last()!.url, /\?email=user%40example\.com$/);
});

test('every retry is signed again from the same bytes; the key never reaches logs or errors', async () => {
  const sim = manualSim({ key: 'k3y-that-must-not-leak' });
  const events: unknown[] = [];
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch, logger: (e) => events.push(e), retry: { retries: 2, baseDelay: 1 } });
  sim.faults.inject({ kind: 'status', status: 503, times: 2 });
  assert.deepEqual(await llapi.getAppDbVersion().then((v) => typeof v.app_version), 'string');
  const sent = sim.requests.list().map((r) => r.headers['x-auth-signature']);
  assert.equal(sent.length, 3);
  assert.equal(new Set(sent).size, 1, 'deterministic: no nonce, same signature each attempt');
  const text = JSON.stringify(events);
  assert.ok(!text.includes('k3y-that-must-not-leak'));
  assert.ok(!text.includes(sent[0] as string), 'the signature is redacted from logs');
  const bad = new Llapi({ ...sim.credentials, key: 'wrong-but-secret-key', url: sim.url, fetch: sim.fetch });
  const err = await bad.heartbeat().catch((e: Error) => e);
  assert.equal((err as { status?: number }).status, 403);
  assert.ok(!JSON.stringify({ m: (err as Error).message, e: err }).includes('wrong-but-secret-key'));
});

test('a facade call and the same request through llapi.api go out byte for byte alike, with one signature', async () => {
  const llapi = new Llapi({ ...VECTOR_USER, dryRun: true, reveal: true, fetch: noFetch });
  type Shown = { url: string; body?: string; headers: Record<string, string>; signed: string };
  const viaFacade = (await llapi.createFolder('Release 1.0+ é', { description: 'a&b=c', groupToken: 'G1' })) as unknown as Shown;
  const viaApi = (await llapi.api
    .POST('/api/v1/vigiles/folders', {
      body: { folder_name: 'Release 1.0+ é', description: 'a&b=c', group_token: 'G1' } as never,
      bodySerializer: (b: Record<string, string>) => new URLSearchParams(b).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    .catch((e: { request?: Shown }) => e.request)) as Shown;
  // V7 of the protocol: the facade announces its message to the signer; the api call is decoded from the wire.
  assert.equal(viaFacade.headers['x-auth-signature'], 'iUvoJhyRwJJNmSgJi9K7D2RyO8g/oTjPforemUlRXHU=');
  assert.equal(viaApi.headers['x-auth-signature'], viaFacade.headers['x-auth-signature']);
  assert.equal(viaApi.body, viaFacade.body);
  assert.equal(viaApi.signed, viaFacade.signed);
});

test('concurrent calls each sign their own request (vectors V1b–V8 at once)', async () => {
  const llapi = new Llapi({ ...VECTOR_USER, dryRun: true, reveal: true, fetch: noFetch });
  const sig = (r: unknown) => (r as { headers: Record<string, string> }).headers['x-auth-signature'];
  const got = await Promise.all([
    llapi.heartbeat(),
    llapi.searchCvesByProduct('openssl', { version: '1.1.1', idsOnly: true }),
    llapi.bulkMoveManifests(['t2', 't1'], { targetFolderToken: 'F1' }),
    llapi.getLatestReport('MTOKEN', { extraFields: ['published', 'assigner'] }),
    llapi.updateGroupSettings('GTOK', { vulnIdentifiers: ['PURL', 'CPE', 'CVE Product'] }),
    llapi.deleteManifest('MTOKEN', { confirmed: true }),
    llapi.createFolder('Release 1.0+ é', { description: 'a&b=c', groupToken: 'G1' }),
    llapi.getAppDbVersion(),
  ]);
  assert.deepEqual(got.map(sig), [
    'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=', 'nnmEHtVYx9GngsS1/p9BG/cPaosKvsglyMSvHY/iwVQ=', 'rn/VMAhvUbkAjuNDMgwFYlTiLo7+OgxZqjy5md6QRII=',
    'ft08HVJ6ZiNY2iXbziGa8Uacf8OVPCbUq9qn8hoEaMg=', 'jA31J2XfZ4t4yErMc8KwYTh3D2wV486XgVAQhWf8ozE=', '26oIDzm5EwLJf9Kvmu779K/dfWxEoWOQboF04RBczU0=',
    'iUvoJhyRwJJNmSgJi9K7D2RyO8g/oTjPforemUlRXHU=', 'qMFCFMx7rhgYKVxByE+MBkggVdD7SxW9ttrBPeKMjwk=',
  ]);
});
