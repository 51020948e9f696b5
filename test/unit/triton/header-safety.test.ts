// Issue 8 §3: an account, user or keyId a header cannot carry made `Headers.set` throw a TypeError
// quoting the whole Authorization value (a signature replayable for ±300 s). Such values are refused
// when the client is built, and a signature is a secret from the moment it exists: an auth handler
// that fails after signing never lets it out in `message`, `stack` or `util.inspect`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { ConfigError } from '../../../src/core/index.js';
import { encodeBase64, keySigner, parsePrivateKey, type HttpSigner } from '../../../src/crypto/index.js';
import { createTritonClient, DataCenter, tritonAuth } from '../../../src/triton/index.js';
import { tritonSim } from './helpers.js';

const BAD: readonly [label: string, value: string][] = [
  ['CR', 'jill\rx'],
  ['LF', 'jill\nx'],
  ['CRLF header injection', 'jill\r\nX-Injected: 1'],
  ['NUL', 'jill\u0000'],
  ['another control character', 'jill\u0001'],
  ['DEL', 'jill\u007f'],
  ['Latin-1 non-ASCII', 'jöe'],
  ['non-Latin-1', 'jill€'],
];

function refused(where: RegExp, option: string, value: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.match(e.message, where);
    assert.ok(e.message.includes(option), `${e.message} should name ${option}`);
    assert.ok(!e.message.includes(value), 'the value is never quoted');
    return true;
  };
}

test('new DataCenter: an account, user, keyId, acceptVersion or header no HTTP header can carry is a ConfigError naming the option', () => {
  const sim = tritonSim();
  const key = sim.credentials.key!;
  const fp = sim.credentials.keyId!;
  for (const [label, bad] of BAD) {
    const cases: [string, () => unknown][] = [
      ['account', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: bad, key })],
      ['user', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo', user: bad, key })],
      ['keyId', () => new DataCenter({ url: sim.url, fetch: sim.fetch, keyId: `/${bad}/keys/${fp}`, key })],
      ['keyId', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo', keyId: `${fp}${bad}`, key })],
      ['acceptVersion', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo', key, acceptVersion: `~9${bad}` })],
      ['headers', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo', key, headers: { 'x-trace': bad } })],
      // Unsigned clients too: the login still goes into every URL and Accept-Version into every request.
      ['account', () => new DataCenter({ url: sim.url, fetch: sim.fetch, account: bad, unsigned: true })],
    ];
    for (const [option, build] of cases) assert.throws(build, refused(/new DataCenter\(\)/, option, bad), `${option} with ${label}`);
  }
  assert.throws(() => new DataCenter({ url: sim.url, account: 'demo', key, signHeaders: ['date', 'x\r\ny'] }), refused(/new DataCenter/, 'signHeaders', 'x\r\ny'));
  assert.throws(() => new DataCenter({ url: sim.url, account: 'demo', key, keyId: `/demo/keys/a"b` }), refused(/new DataCenter/, 'keyId', 'a"b'));
  assert.throws(() => new DataCenter({ url: 'http://127.0.0.1:1/\r\nx', account: 'demo', key }), /url contains whitespace or a control character/);
  // authenticate() applies the same rules.
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  assert.throws(() => dc.authenticate({ user: 'ops\r\n' }), refused(/DataCenter\.authenticate\(\)/, 'user', 'ops\r\n'));
  assert.equal(sim.requests.list().length, 0, 'nothing was sent');
});

test('tritonAuth and createTritonClient refuse the same values when built', () => {
  const signer = keySigner(parsePrivateKey(tritonSim().credentials.key!));
  for (const [, bad] of BAD) {
    assert.throws(() => tritonAuth({ keyId: `/${bad}/keys/x`, signer }), refused(/tritonAuth/, 'keyId', bad));
    assert.throws(() => tritonAuth({ keyId: '/demo/keys/x', signer, acceptVersion: bad }), refused(/tritonAuth/, 'acceptVersion', bad));
    assert.throws(() => createTritonClient({ baseUrl: 'http://127.0.0.1:1', signer, keyId: `/demo/keys/${bad}` }), refused(/createTritonClient/, 'keyId', bad));
    assert.throws(() => createTritonClient({ baseUrl: 'http://127.0.0.1:1', acceptVersion: bad }), refused(/createTritonClient/, 'acceptVersion', bad));
  }
});

/** A signer that signs correctly, remembers each signature, and reports an algorithm name no header can carry. */
function brokenAlgorithmSigner(key: string, seen: string[]): HttpSigner {
  const real = keySigner(parsePrivateKey(key));
  return {
    publicKey: real.publicKey,
    algorithm: real.algorithm,
    async sign(data) {
      const out = await real.sign(data);
      seen.push(encodeBase64(out.signature));
      return { ...out, algorithm: `${out.algorithm}\r\nx-evil: 1` as never };
    },
  };
}

test('a Triton auth handler that fails after signing never shows the signature (message, stack, util.inspect)', async () => {
  const sim = tritonSim();
  const seen: string[] = [];
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, account: 'demo', signer: brokenAlgorithmSigner(sim.credentials.key!, seen) });
  const error = await dc.getAccount().then(
    () => assert.fail('the broken Authorization header cannot have been sent'),
    (e: unknown) => e as Error,
  );
  assert.equal(seen.length, 1, 'the request was signed');
  const signature = seen[0]!;
  assert.ok(error instanceof ConfigError, `a typed error, got ${error?.name}`);
  for (const text of [error.message, error.stack ?? '', inspect(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)]) {
    assert.ok(!text.includes(signature), `the signature leaked: ${text.slice(0, 300)}`);
  }
  assert.equal(sim.requests.list().length, 0, 'nothing was sent');

  // The handler registered the signature (and the Authorization value) as secrets before it failed.
  const handler = tritonAuth({ keyId: `/demo/keys/${sim.credentials.keyId}`, signer: brokenAlgorithmSigner(sim.credentials.key!, seen) });
  const req = { method: 'GET', url: `${sim.url}/demo`, headers: new Headers() };
  const ctx = { op: 'getAccount', attempt: 1, now: Date.now, signal: new AbortController().signal };
  await assert.rejects(async () => handler.sign(req, ctx), (e: unknown) => e instanceof ConfigError && !inspect(e).includes(seen.at(-1)!));
  assert.ok([...(handler.secrets?.() ?? [])].includes(seen.at(-1)!), 'secrets() lists the signature');
});

test('every signature and Authorization value a Triton handler produced is in its secrets()', async () => {
  const sim = tritonSim();
  const handler = tritonAuth({ keyId: `/demo/keys/${sim.credentials.keyId}`, signer: keySigner(parsePrivateKey(sim.credentials.key!)) });
  const ctx = { op: 'getAccount', attempt: 1, now: Date.now, signal: new AbortController().signal };
  const req = { method: 'GET', url: `${sim.url}/demo`, headers: new Headers() };
  await handler.sign(req, ctx);
  const authorization = req.headers.get('authorization')!;
  const signature = /signature="([^"]+)"/.exec(authorization)![1]!;
  const secrets = [...(handler.secrets?.() ?? [])];
  assert.ok(secrets.includes(signature) && secrets.includes(authorization));
});
