// Issue 8 §3 for Timesys: an e-mail, key, token or header no request can carry intact (CR, LF, NUL,
// other control characters, lone surrogates) is refused when the Llapi is built, naming the option
// and never quoting it; `X-Auth-Signature` (replayable forever: it has no date or nonce) is a secret
// from the moment it is computed, and a handler that fails after signing never lets it out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { ConfigError } from '../../../src/core/index.js';
import { Llapi, llapiAuth, llapiMessage, llapiSignature } from '../../../src/timesys/index.js';
import { noFetch, timesysSim, VECTOR_USER } from './helpers.js';

const KEY = 'unsafe-input-secret-key-0123';

const CONTROL: readonly [label: string, value: string][] = [
  ['CR', 'a\rb'],
  ['LF', 'a\nb'],
  ['CRLF', 'a\r\nX-Injected: 1'],
  ['NUL', 'a\u0000b'],
  ['another control character', 'a\u0001b'],
  ['DEL', 'a\u007fb'],
  ['a C1 control character', 'a\u0085b'],
  ['a lone surrogate', 'a\uD800b'],
];

function refused(option: string, value: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.match(e.message, /^new Llapi\(\): /);
    assert.ok(e.message.includes(option), `${e.message} should name ${option}`);
    assert.ok(!e.message.includes(value) && !e.message.includes(KEY), 'neither the value nor the key is quoted');
    return true;
  };
}

test('new Llapi refuses an e-mail, key, token or subfolder no request can carry, naming the option', () => {
  for (const [label, bad] of CONTROL) {
    const cases: [string, Record<string, string>][] = [
      ['email', { email: `user${bad}@example.com`, key: KEY }],
      ['key', { email: 'user@example.com', key: `${KEY}${bad}x` }],
      ['groupToken', { email: 'user@example.com', key: KEY, groupToken: `G${bad}` }],
      ['folderToken', { email: 'user@example.com', key: KEY, folderToken: `F${bad}` }],
      ['subfolderName', { email: 'user@example.com', key: KEY, subfolderName: `S${bad}` }],
    ];
    for (const [option, options] of cases) {
      assert.throws(() => new Llapi({ ...options, fetch: noFetch } as never), refused(option, bad), `${option} with ${label}`);
    }
  }
  // Headers are headers: printable ASCII only (non-ASCII is fine in the e-mail, which travels percent-encoded).
  assert.throws(() => new Llapi({ ...VECTOR_USER, headers: { 'x-trace': 'é' }, fetch: noFetch }), refused('headers', 'é'));
  assert.throws(() => new Llapi({ ...VECTOR_USER, headers: { 'bad name': '1' }, fetch: noFetch }), /header name/);
  assert.throws(() => new Llapi({ ...VECTOR_USER, url: 'https://vigiles.example\r\n.com', fetch: noFetch }), /url is not a valid URL/);
  assert.doesNotThrow(() => new Llapi({ email: 'jörg@exämple.com', key: KEY, fetch: noFetch }));
  // A key read from a file ends with a newline: it is trimmed, as before, not refused.
  assert.equal(new Llapi({ email: 'user@example.com\n', key: `${KEY}\n`, fetch: noFetch }).email, 'user@example.com');
  assert.throws(() => llapiAuth({ email: 'a\r\nb', key: KEY }), /llapiAuth: email contains a control character/);
});

test('a parameter with a lone surrogate is a ConfigError naming it, not a raw URIError; nothing is sent', async () => {
  const llapi = new Llapi({ ...VECTOR_USER, fetch: noFetch });
  await assert.rejects(llapi.createGroup('team\uDC00'), (e: unknown) => e instanceof ConfigError && /createGroup: parameter "group_name" contains a lone UTF-16 surrogate/.test(e.message));
  await assert.rejects(llapi.setStatus('group', 'CVE-1', 'p', 'in_triage', { groupTokens: ['G\uD800'] }), /parameter "group_tokens"/);
});

/** Headers whose `set` throws like undici's does for an invalid value: quoting it whole. */
class ThrowingHeaders extends Headers {
  override set(name: string, value: string): void {
    if (name.toLowerCase() === 'x-auth-signature') throw new TypeError(`Headers.set: "${value}" is an invalid header value.`);
    super.set(name, value);
  }
}

test('an LLAPI auth handler that fails after signing never shows the signature (message, stack, util.inspect)', async () => {
  const handler = llapiAuth({ email: 'user@example.com', key: KEY });
  const url = 'https://vigiles.example.com/api/v1/vigiles/heartbeat';
  const signature = llapiSignature(KEY, llapiMessage('POST', '/api/v1/vigiles/heartbeat', { email: 'user@example.com' }));
  const req = { method: 'POST', url, headers: new ThrowingHeaders(), body: undefined };
  const ctx = { op: 'heartbeat', attempt: 1, now: Date.now, signal: new AbortController().signal };
  const error = await Promise.resolve()
    .then(() => handler.sign(req, ctx))
    .then(() => assert.fail('set must have thrown'), (e: unknown) => e as Error);
  assert.ok(error instanceof ConfigError, `a typed error, got ${error?.name}`);
  assert.match(error.message, /^heartbeat: signing failed/);
  for (const text of [error.message, error.stack ?? '', inspect(error), inspect(error, { showHidden: true, depth: 10 }), JSON.stringify(error)]) {
    assert.ok(!text.includes(signature) && !text.includes(KEY), `leaked: ${text.slice(0, 200)}`);
  }
  // Registered before the header was set: every redactor that asks the handler scrubs it.
  assert.ok([...(handler.secrets?.() ?? [])].includes(signature));
});

test("every X-Auth-Signature a client sent is in its handler's secrets (the simulator accepts them)", async () => {
  const sim = timesysSim();
  const handler = llapiAuth({ email: sim.credentials.email, key: sim.credentials.key });
  const req = { method: 'POST', url: `${sim.url}/api/v1/vigiles/heartbeat`, headers: new Headers(), body: undefined as Uint8Array | undefined };
  await handler.sign(req, { op: 'heartbeat', attempt: 1, now: Date.now, signal: new AbortController().signal });
  const sent = req.headers.get('x-auth-signature')!;
  assert.ok([...(handler.secrets?.() ?? [])].includes(sent));
  const res = await sim.fetch(new Request(req.url, { method: 'POST', headers: req.headers, body: (req.body ?? null) as BodyInit | null }));
  assert.equal(res.status, 200);
});
