// Triton CloudAPI scenarios: the HTTP Signature vectors of protocols/triton-cloudapi.md §1.9 and a
// sign-in + provision against the in-process simulator with RSA, ECDSA and Ed25519 keys. Runs in
// Node, Chromium (secure and non-secure origins: no crypto.subtle there), Deno and Bun.
export default function (t) {
  const { triton, crypto: c, sim: simLib } = t.lib;
  const { assert } = t;

  const DATE = 'Thu, 05 Jan 2014 21:31:40 GMT';
  const LINE = `date: ${DATE}`;
  const RSA_KEY = [
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF',
    'NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F',
    'UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB',
    'AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA',
    'QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK',
    'kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg',
    'f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u',
    '412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc',
    'mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7',
    'kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA',
    'gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW',
    'G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI',
    '7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n');
  // RFC 8032 test 1 (seed 9d61b19d…) as PKCS#8.
  const ED_KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n';
  const VECTOR_1 =
    'jKyvPcxB4JbmYY4mByyBY7cZfNl4OW9HpFQlG7N4YcJPteKTu4MWCLyk+gIr0wDgqtLWf9NLpMAMimdfsH7FSWGfbMFSrsVTHNTk0rK3usrfFnti1dxsM4jl0kYJCKTGI/UWkqiaxwNiKqGcdlEDrTcUhhsFsOIo8VhddmZTZ8w=';
  const VECTOR_2 =
    'Xrq3ADMzjG+MGvRo93uQTQk9o+9X9aHpVtAPmYiYAVJDGBxAA1JPaaSfzvSud6GOQ3Bm6uikWx4Uca7jcvq13X3PjAz7xrjyYGk6Mwnq0gXqWA11NwPW2dHIf9/tlpx8UzrO2I65h1bP+H6xHzrrcn8+5y2cZHcg2IucLwRjYoY=';
  const VECTOR_5 = 'ePToEUzoar/K1TN9i9H9kJf53FGPrNieG9oBSi6Q9RsYNqfvBv5fp6uL72Zu+bTwQP8gwyICnZ7SOb9rUENiBA==';
  const backends = t.env.hasSubtle ? ['auto', 'native', 'pure'] : ['auto', 'pure'];

  t.test('triton: vector 1 — the exact modern Authorization header (rsa-sha256)', async () => {
    const key = c.parsePrivateKey(RSA_KEY);
    assert.equal(key.md5Fingerprint, 'b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38');
    assert.equal(key.sha256Fingerprint, 'SHA256:ExiA/kCzfLSDlsIfB5h+g7Q3ym9F34KwQdv3jZWdxNI');
    for (const backend of backends) {
      const headers = new Headers({ date: DATE });
      const keyId = triton.tritonKeyId('demo', key.md5Fingerprint);
      await c.signRequest({ method: 'GET', url: 'https://api.example.com/demo/machines', headers }, { keyId, signer: c.keySigner(key, { backend }) });
      assert.equal(
        headers.get('authorization'),
        `Signature keyId="/demo/keys/b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38",algorithm="rsa-sha256",headers="date",signature="${VECTOR_1}"`,
        backend,
      );
    }
  });

  t.test('triton: vector 2 (rsa-sha1) and vector 5 (ed25519-sha512) on every available signing path', async () => {
    const rsa = c.parsePrivateKey(RSA_KEY);
    const ed = c.parsePrivateKey(ED_KEY);
    assert.equal(ed.publicKey.toString(), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea');
    assert.equal(ed.md5Fingerprint, 'cf:07:be:9d:68:ae:65:54:6d:a0:93:c3:6f:bd:0d:82');
    const data = c.encodeUtf8(LINE);
    for (const backend of backends) {
      assert.equal(c.encodeBase64(await c.signWithKey(rsa, data, { algorithm: 'rsa-sha1', backend })), VECTOR_2, `rsa-sha1 ${backend}`);
      assert.equal(c.encodeBase64(await c.signWithKey(ed, data, { algorithm: 'ed25519-sha512', backend })), VECTOR_5, `ed25519 ${backend}`);
    }
    if (!t.env.hasSubtle) await assert.rejects(c.signWithKey(ed, data, { backend: 'native' }), c.SignatureError);
  });

  t.test('triton: ECDSA signatures are DER and verify (P-256, sha256 and sha512)', async () => {
    const key = c.generatePrivateKeySync('ecdsa', { curve: 'nistp256' });
    const data = c.encodeUtf8(LINE);
    for (const backend of backends) {
      for (const algorithm of ['ecdsa-sha256', 'ecdsa-sha512']) {
        const sig = await c.signWithKey(key, data, { algorithm, backend });
        assert.equal(sig[0], 0x30, 'DER SEQUENCE');
        assert.ok(c.verifyWithKey(key.publicKey, algorithm, data, sig), `${algorithm} ${backend}`);
        assert.ok(!c.verifyWithKey(key.publicKey, algorithm, c.encodeUtf8('date: x'), sig));
      }
    }
  });

  t.test('triton: sign in and provision against the in-process simulator with RSA, ECDSA and Ed25519 keys', async () => {
    const keys = [c.parsePrivateKey(RSA_KEY), c.generatePrivateKeySync('ecdsa'), c.generatePrivateKeySync('ed25519', { comment: 'scenario' })];
    const sim = simLib.createSim('triton', { keys: keys.map((k) => k.publicKey.toString()), clock: simLib.createClock(), transitionMs: 100, asyncMs: 10 });
    const sleep = async (ms) => void sim.clock.advance(ms);
    for (const key of keys) {
      const dc = new triton.DataCenter({ url: sim.url, account: 'demo', key, fetch: sim.fetch, now: () => sim.clock.now() });
      const account = await dc.account();
      assert.equal(account.login, 'demo', key.type);
      const sent = sim.requests.last();
      // Where fetch may not carry Date (browsers), x-date is signed instead.
      const dateHeader = sent.headers.date !== undefined ? 'date' : 'x-date';
      assert.ok(new RegExp(`^Signature keyId="/demo/keys/${key.md5Fingerprint}",algorithm="[a-z0-9-]+",headers="${dateHeader}",signature="`).test(sent.headers.authorization), key.type);
      const pkg = (await dc.packages({ name: 'sample-512M' }))[0];
      const image = (await dc.images({ name: 'base-64-lts' }))[0];
      const m = await dc.createMachine({ name: `scn-${key.type}`, package: pkg, image, tags: { runtime: t.env.runtime } });
      assert.equal(m.state, 'provisioning');
      const states = [];
      await m.waitFor('running', { interval: 40, sleep, onProgress: (p) => states.push(p.value.state) });
      assert.equal(states.at(-1), 'running');
      assert.ok(m.ips.length > 0);
      const snap = await m.createSnapshot('s1');
      assert.equal(snap.state, 'queued');
      await m.delete();
      await m.waitFor('deleted', { interval: 40, sleep });
      const err = await assert.rejects(dc.getMachine(m.id), /HTTP 410/);
      assert.equal(err.status, 410);
    }
    assert.equal(await new triton.DataCenter({ url: sim.url, account: 'demo', key: keys[2], fetch: sim.fetch, now: () => sim.clock.now() }).numMachines({ tombstone: true }), 3);
  });

  t.test('triton: waiters for changes that show no state (reboot: MachineAudit) and for ones that do (rename, metadata)', async () => {
    const sim = simLib.createSim('triton', { clock: simLib.createClock(), transitionMs: 200, asyncMs: 100 });
    const sleep = async (ms) => void sim.clock.advance(ms);
    const dc = new triton.DataCenter({ url: sim.url, fetch: sim.fetch, now: () => sim.clock.now(), ...sim.credentials });
    const m = await dc.createMachine({ name: 'waiters', package: 'sample-512M', image: '2f1dc911-6401-4fa4-8e9d-67ea2e39c271' });
    await m.waitFor('running', { interval: 50, sleep });
    await m.reboot();
    const polls = [];
    const entry = await m.waitForReboot({ interval: 50, sleep, onProgress: (p) => polls.push(p.done) });
    assert.equal(entry.action, 'reboot');
    assert.equal(polls.at(-1), true);
    assert.ok(polls.length > 1, 'the reboot job was not listed before it finished');
    await m.rename('renamed');
    assert.equal((await m.waitForRename('renamed', { interval: 50, sleep })).name, 'renamed');
    await m.updateMetadata({ k: 'v' });
    assert.deepEqual(await m.waitForMetadata({ k: 'v' }, { interval: 50, sleep }), { k: 'v' });
  });

  t.test("triton: the README's simulator line signs in; unknown options and header-unsafe values are ConfigErrors", async () => {
    const sim = simLib.createSim('triton');
    const dc = new triton.DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
    assert.equal((await dc.getAccount()).login, 'demo');
    assert.throws(() => new triton.DataCenter({ url: sim.url, fetch: sim.fetch }), /no key or signer/);
    assert.equal((await new triton.DataCenter({ url: sim.url, fetch: sim.fetch, unsigned: true }).ping()).ping, 'pong');
    assert.throws(() => new triton.DataCenter({ url: sim.url, ...sim.credentials, key_id: 'x' }), /unknown option "key_id"; did you mean "keyId"\?/);
    assert.throws(() => new triton.DataCenter({ url: sim.url, ...sim.credentials, account: 'jill\r\nX: 1' }), /account contains a line break/);
    const before = sim.requests.list().length;
    await assert.rejects(dc.deleteMachineTag('m', '..'), /path parameter "tag" is "\.\."/);
    assert.equal(sim.requests.list().length, before);
  });

  t.test('triton: a wrong passphrase is a KeyParseError that says so', async () => {
    const key = c.generatePrivateKeySync('ed25519');
    const text = c.encodeOpenSshPrivateKey(key, { passphrase: 'right', rounds: 2 });
    assert.equal(c.parsePrivateKey(text, { passphrase: 'right' }).md5Fingerprint, key.md5Fingerprint);
    assert.throws(() => c.parsePrivateKey(text, { passphrase: 'wrong' }), /wrong passphrase/);
    assert.throws(() => c.parsePrivateKey(text), /passphrase is required/);
  });
}
