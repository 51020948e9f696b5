/**
 * Every kind of secret through every path: logger events, error messages, error objects (JSON and
 * stack), and dry-run output. None may appear anywhere unless `reveal: true` on a dry run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, type LogEvent, OpsError } from '../../../src/index.js';
import { json, noSleep, scripted } from './fake-server.js';

const SECRETS = {
  basic: 'dXNlcjpodW50ZXIy', // base64("user:hunter2")
  bearer: 'bearer-tok-8f3a9c1d2e',
  signature: 'c2lnbmF0dXJlLWJ5dGVzLXNlY3JldA==',
  cookie: 'JSESSIONID-4b9e7aa1c0',
  setCookie: 'server-session-99ad31f2',
  authToken: 'x-auth-token-71c2d9',
  hmac: 'hmac-sig-value-5512',
  queryPassword: 'q-pass-w0rd-1234',
  queryToken: 'q-token-abcdef99',
  queryKey: 'q-api-key-7731',
  jsonPassword: 'json-pass-5566aa',
  nestedSecret: 'nested-secret-7788bb',
  formPassword: 'form-pass-9900cc',
  multipartPassword: 'mp-pass-1122dd',
  registered: 'registered-private-key-material',
};
const all = Object.values(SECRETS);

function leaks(text: string): string[] {
  return all.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)));
}

function serialize(e: unknown): string {
  if (!(e instanceof Error)) return JSON.stringify(e);
  const own = Object.fromEntries(Object.getOwnPropertyNames(e).map((k) => [k, (e as any)[k]]));
  return `${e.message}\n${e.stack}\n${JSON.stringify(own, (_k, v) => (v instanceof Headers ? Object.fromEntries(v) : v))}\n${String(e)}`;
}

function requests(c: any) {
  const headers = {
    authorization: `Basic ${SECRETS.basic}`,
    cookie: `JSESSIONID=${SECRETS.cookie}; theme=dark`,
    'x-auth-token': SECRETS.authToken,
    'x-auth-signature': SECRETS.hmac,
  };
  const query = { password: SECRETS.queryPassword, token: SECRETS.queryToken, api_key: SECRETS.queryKey, page: 2 };
  const form = new FormData();
  form.set('username', 'admin');
  form.set('password', SECRETS.multipartPassword);
  return [
    () => c.GET('/r', { headers, params: { query } }),
    () => c.POST('/r', { headers: { authorization: `Bearer ${SECRETS.bearer}` }, body: { user: 'a', password: SECRETS.jsonPassword, deep: { list: [{ client_secret: SECRETS.nestedSecret }] } } }),
    () => c.POST('/r', { body: `user=a&password=${SECRETS.formPassword}`, bodySerializer: (b: string) => b, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Signature keyId="/a/keys/1",algorithm="rsa-sha256",signature="${SECRETS.signature}"` } }),
    () => c.POST('/login', { body: form, bodySerializer: (b: FormData) => b }),
    () => c.GET(`/path/${SECRETS.registered}/x`),
  ];
}

const replies = [
  (req: Request) =>
    // A server that echoes the credentials it was sent, as some do in their error messages.
    new Response(JSON.stringify({ code: 'Denied', message: `bad credentials ${req.headers.get('authorization')} ${new URL(req.url).searchParams.get('token')} for ${SECRETS.registered}`, token: SECRETS.bearer, password: SECRETS.jsonPassword }), {
      status: 401,
      headers: { 'content-type': 'application/json', 'set-cookie': `SESSION=${SECRETS.setCookie}; HttpOnly`, 'x-auth-token': SECRETS.authToken },
    }),
];

test('no secret reaches logs or errors on failing calls', async () => {
  const events: LogEvent[] = [];
  const s = scripted(...replies);
  const c = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, sleep: noSleep, logger: (e) => events.push(e), secrets: [SECRETS.registered] });
  for (const call of requests(c)) {
    const err = await call().catch((e: unknown) => e);
    assert.ok(err instanceof OpsError, String(err));
    assert.deepEqual(leaks(serialize(err)), [], `error leaks: ${serialize(err)}`);
  }
  assert.ok(events.some((e) => e.type === 'request') && events.some((e) => e.type === 'response'));
  assert.deepEqual(leaks(JSON.stringify(events)), [], 'log leaks');
  // Every secret really went over the wire, so the test can fail.
  const wire = JSON.stringify(s.seen);
  for (const k of ['basic', 'cookie', 'authToken', 'hmac', 'queryPassword', 'jsonPassword', 'nestedSecret', 'multipartPassword', 'bearer', 'signature', 'formPassword', 'registered'] as const) {
    assert.ok(wire.includes(SECRETS[k]) || wire.includes(encodeURIComponent(SECRETS[k])), `${k} was sent`);
  }
});

test('no secret reaches logs or errors on network failures, timeouts and retries', async () => {
  const events: LogEvent[] = [];
  const s = scripted(new TypeError(`connect failed for ${SECRETS.registered}`), json(503, { message: SECRETS.queryToken }, { 'retry-after': '0' }), new TypeError('again'));
  const c = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, sleep: noSleep, logger: (e) => events.push(e), secrets: [SECRETS.registered] });
  const err = await requests(c)[0]!().catch((e: unknown) => e);
  assert.ok(err instanceof OpsError);
  assert.ok(events.some((e) => e.type === 'retry') && events.some((e) => e.type === 'error'));
  assert.deepEqual(leaks(serialize(err) + JSON.stringify(events)), []);
  const hang = createClient<any>({ baseUrl: 'http://api.test', fetch: () => new Promise(() => {}), timeout: 10, retry: false, logger: (e) => events.push(e), secrets: [SECRETS.registered] });
  const terr = await requests(hang)[0]!().catch((e: unknown) => e);
  assert.deepEqual(leaks(serialize(terr) + JSON.stringify(events)), []);
});

test('a malformed JSON reply echoing a secret is a ResponseError without it', async () => {
  const c = createClient<any>({
    baseUrl: 'http://api.test',
    fetch: async () => new Response(`{"token": "${SECRETS.bearer}", oops`, { headers: { 'content-type': 'application/json' } }),
    secrets: [SECRETS.bearer],
  });
  const err = await c.GET('/x').catch((e: unknown) => e);
  assert.equal((err as Error).name, 'ResponseError');
  assert.deepEqual(leaks(serialize(err)), []);
});

test('dry run redacts every secret unless reveal: true', async () => {
  const s = scripted(json(200, {}));
  const dry = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, dryRun: true, secrets: [SECRETS.registered], auth: (req) => ({ signed: `GET /r ${SECRETS.registered}`, extra: { hmacMsg: `x${SECRETS.registered}`, data: { password: SECRETS.jsonPassword } } }) });
  const out: unknown[] = [];
  for (const call of requests(dry)) out.push(await call());
  assert.equal(s.seen.length, 0, 'dry run sent nothing');
  const text = JSON.stringify(out, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
  assert.deepEqual(leaks(text), [], text);
  assert.ok(text.includes('[REDACTED]'));

  const shown = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, dryRun: true, reveal: true });
  const r = (await requests(shown)[0]!()) as any;
  assert.equal(r.headers.authorization, `Basic ${SECRETS.basic}`);
  assert.ok(r.url.includes(SECRETS.queryPassword));
});

test('publicNames shows identifier fields that look secret, but never secret headers', async () => {
  const dry = createClient<any>({ baseUrl: 'http://api.test', dryRun: true, publicNames: ['folder_token'] });
  const r = (await dry.GET('/x', { params: { query: { folder_token: 'fold-1234', api_token: 'tok-5678' } }, headers: { authorization: 'Bearer abcd1234' } })) as any;
  assert.ok(r.url.includes('folder_token=fold-1234'), r.url);
  assert.ok(!r.url.includes('tok-5678'));
  assert.equal(r.headers.authorization, '[REDACTED]');
});

test("an auth scheme's secrets are read per call, so a token obtained after construction is scrubbed", async () => {
  let token: string | undefined;
  const auth = {
    sign: (req: { headers: Headers }) => void req.headers.set('x-session', token ?? 'none'),
    secrets: () => (token ? [token] : []),
  };
  const s = scripted((req: Request) => json(500, { message: `session ${req.headers.get('x-session')} broke` }));
  const c = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, auth, retry: false });
  token = 'late-session-token-4242';
  const err = await c.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof OpsError);
  assert.ok(!serialize(err).includes(token), serialize(err));
  assert.ok(!c.scrub(`echo ${token}`).includes(token));
});

/** Every way an error can be shown: message, stack, JSON, String() and util.inspect (cause chain included). */
async function shown(e: unknown): Promise<string> {
  const { inspect } = await import('node:util');
  return `${serialize(e)}\n${inspect(e, { depth: 10 })}`;
}

test('without a logger, a runtime error quoting the URL and headers leaks nothing (message, stack, cause, inspect)', async () => {
  const signature = 'sig-no-logger-5f1e2d3c4b';
  const accessToken = 'access-tok-no-logger-9a8b7c';
  const hmac = 'x-auth-sig-no-logger-77aa';
  // A fetch (a user's wrapper, a polyfill) whose errors quote the whole request, cause included.
  const fetch = async (req: Request) => {
    const text = `${req.method} ${req.url} ${JSON.stringify(Object.fromEntries(req.headers))}`;
    throw new TypeError(`fetch failed for ${text}`, { cause: Object.assign(new Error(`socket closed: ${text}`), { code: 'ECONNRESET' }) });
  };
  const auth = (req: { headers: Headers }) => {
    req.headers.set('authorization', `Signature keyId="/demo/keys/k1",algorithm="ed25519-sha512",signature="${signature}"`);
    req.headers.set('x-auth-signature', hmac);
  };
  const c = createClient<any>({ baseUrl: 'http://api.test', fetch, auth, retry: false });
  const err = await c.GET('/x', { params: { query: { access_token: accessToken } } }).catch((e: unknown) => e);
  assert.ok(err instanceof OpsError, String(err));
  assert.ok((err as Error).cause instanceof Error, 'the cause is kept');
  assert.equal((((err as Error).cause as Error).cause as { code?: string }).code, 'ECONNRESET', 'machine-readable fields survive scrubbing');
  const text = await shown(err);
  for (const secret of [signature, accessToken, hmac]) assert.ok(!text.includes(secret), `${secret} leaked:\n${text}`);
  assert.match(text, /\[REDACTED\]/);
});

test('a header value Headers refuses (CR/LF, non-Latin-1) becomes a ConfigError that quotes nothing', async () => {
  const credential = 'secret-credential-value-8c7d';
  for (const bad of [`${credential}\r\nX-Injected: 1`, `${credential}\u00e9\u4e2d`]) {
    const s = scripted(json(200, {}));
    const c = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, auth: (req) => void req.headers.set('authorization', `Bearer ${bad}`) });
    const err = await c.GET('/x').catch((e: unknown) => e);
    assert.equal((err as Error).name, 'ConfigError', String(err));
    assert.ok(!(await shown(err)).includes(credential), await shown(err));
    assert.equal(s.seen.length, 0, 'nothing was sent');
    // The same value given as a plain caller header.
    const plain = await c.GET('/y', { headers: { 'x-api-key': bad } }).catch((e: unknown) => e);
    assert.equal((plain as Error).name, 'ConfigError', String(plain));
    assert.ok(!(await shown(plain)).includes(credential), await shown(plain));
  }
});

test('a secret query parameter is redacted however its name is spelled (percent-encoded, mixed case, repeated)', async () => {
  const s = scripted(json(200, {}));
  const dry = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, dryRun: true });
  const value = 'spelled-secret-4421';
  for (const query of [`p%61ssword=${value}`, `PassWord=${value}`, `a=1&%74oken=${value}&b=2`, `api_key=${value}&api_key=${value}`]) {
    const r = (await dry.GET(`/r?${query}` as any)) as any;
    const text = JSON.stringify(r);
    assert.ok(!text.includes(value), `${query}: ${text}`);
  }
  assert.equal(s.seen.length, 0);
});

test('a form body is shown as sent when it names nothing secret, and redacted field by field when a name is or may be', async () => {
  const s = scripted(json(200, {}));
  const dry = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, dryRun: true, secrets: ['known-secret-9917'], publicNames: ['folder_token'] });
  const post = async (form: string) => {
    const r = (await dry.POST('/f' as any, { body: form, bodySerializer: (b: string) => b, headers: { 'content-type': 'application/x-www-form-urlencoded' } })) as any;
    return r.body as string;
  };
  // Nothing secret-named: the exact bytes that would be sent (no re-encoding), registered secrets scrubbed.
  assert.equal(await post('a=1&b=x%2Ay&note=known-secret-9917'), 'a=1&b=x%2Ay&note=[REDACTED]');
  assert.equal(await post('folder_token=F1&copy=False'), 'folder_token=F1&copy=False');
  // A secret name, spelled plainly, percent-encoded or with `+`, is redacted.
  for (const form of ['a=1&password=form-secret-5521', 'a=1&p%61ssword=form-secret-5521', 'api+key=form-secret-5521&b=2', 'Session=form-secret-5521']) {
    const shown = await post(form);
    assert.ok(!shown.includes('form-secret-5521'), `${form}: ${shown}`);
  }
  assert.equal(s.seen.length, 0);
});

test('a query naming only public identifiers is shown as is; one naming a secret beside them is redacted', async () => {
  const s = scripted(json(200, {}));
  const dry = createClient<any>({ baseUrl: 'http://api.test', fetch: s.fetch, dryRun: true, publicNames: ['folder_token'] });
  const url = async (query: string) => ((await dry.GET(`/q?${query}` as any)) as any).url as string;
  assert.equal(await url('folder_token=F1&x=%2A'), 'http://api.test/q?folder_token=F1&x=%2A');
  const shown = await url('folder_token=F1&token=query-secret-7312');
  assert.ok(!shown.includes('query-secret-7312') && shown.includes('folder_token=F1'), shown);
});
