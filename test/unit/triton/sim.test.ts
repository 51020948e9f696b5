import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeBase64, keySigner, parsePrivateKey, presignUrl, signWithKey, encodeUtf8, httpDate } from '../../../src/crypto/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { testKeys, wireKeys } from './fixtures.js';
import { dcFor, rawSigned, tritonSim } from './helpers.js';

const [rsa, ec, ed] = wireKeys() as [ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number]];
const keysOf = () => wireKeys().map((k) => k.publicLine);
const body = async (res: Response) => (await res.json()) as { code?: string; message?: string } & Record<string, unknown>;

test('ping is unauthenticated and lists the API versions', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const res = await sim.fetch('/--ping');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('triton-datacenter-name'), 'us-sim-1');
  assert.deepEqual(await res.json(), { ping: 'pong', cloudapi: { versions: ['9.0.0', '8.0.0', '7.3.0', '7.2.0', '7.1.0', '7.0.0'] } });
});

test('every algorithm of every registered key type is verified; unsigned, tampered and unknown keys are 401', async () => {
  const sim = tritonSim({ keys: testKeys().map((k) => k.publicLine) });
  for (const k of testKeys()) {
    for (const algorithm of k.type === 'rsa' ? ['rsa-sha1', 'rsa-sha256', 'rsa-sha512'] : k.type === 'ed25519' ? ['ed25519-sha512'] : ['ecdsa-sha256', 'ecdsa-sha512']) {
      const res = await rawSigned(sim, k, '/my/keys', { algorithm });
      assert.equal(res.status, 200, `${k.label} ${algorithm}`);
      assert.equal(res.headers.get('api-version'), '9.0.0');
      assert.match(res.headers.get('content-md5') ?? '', /^[A-Za-z0-9+/]{22}==$/);
    }
  }
  const none = await sim.fetch('/my/keys', { headers: { 'accept-version': '~9' } });
  assert.equal(none.status, 401);
  assert.deepEqual(await body(none), { code: 'InvalidCredentials', message: 'You must make authenticated requests to use CloudAPI' });
  const headers = new Headers({ 'accept-version': '~9||~8' });
  const signed = await rawSigned(sim, rsa, '/my/keys');
  assert.equal(signed.status, 200);
  // Same signature on another date: the signing string changed, verification fails.
  const date = httpDate(sim.clock.now() - 5000);
  const sig = encodeBase64(await signWithKey(parsePrivateKey(rsa.formats.openssh!), encodeUtf8(`date: ${httpDate(sim.clock.now())}`)));
  headers.set('date', date);
  headers.set('authorization', `Signature keyId="/demo/keys/${rsa.md5}",algorithm="rsa-sha256",headers="date",signature="${sig}"`);
  const tampered = await sim.fetch('/my/keys', { headers });
  assert.equal(tampered.status, 401);
  assert.equal((await body(tampered)).message, 'Invalid authorization credentials supplied');
  const stranger = tritonSim({ keys: [ec.publicLine] });
  assert.equal((await rawSigned(stranger, rsa, '/my/keys')).status, 401);
});

test('keys are found by name or MD5 fingerprint; `my` and SHA256 keyIds are refused', async () => {
  const sim = tritonSim({ keys: keysOf() });
  assert.equal((await rawSigned(sim, ed, '/my/keys', { keyId: '/demo/keys/ed25519' })).status, 200, 'by name (the comment)');
  assert.equal((await rawSigned(sim, ed, '/my/keys', { keyId: `/my/keys/${ed.md5}` })).status, 401);
  const sha = await rawSigned(sim, ed, '/my/keys', { keyId: `/demo/keys/${ed.sha256}` });
  assert.equal(sha.status, 401);
  const bad = await rawSigned(sim, ed, '/my/keys', { keyId: 'demo/keys' });
  assert.match((await body(bad)).message!, /^Invalid KeyId demo\/keys in authorization header$/);
});

test('the Date must be within ±300 s (400 InvalidHeader), x-date stands in for it', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const old = await rawSigned(sim, ec, '/my', { date: httpDate(sim.clock.now() - 301_000) });
  assert.equal(old.status, 400);
  const err = await body(old);
  assert.equal(err.code, 'InvalidHeader');
  assert.match(err.message!, /^Authorization header invalid: clock skew of 30\d(\.\d+)?s was greater than 300s$/);
  assert.equal((await rawSigned(sim, ec, '/my', { date: httpDate(sim.clock.now() + 290_000) })).status, 200);
  // x-date signed instead of Date.
  const headers = new Headers({ 'accept-version': '~9', 'x-date': httpDate(sim.clock.now()) });
  const { signRequest } = await import('../../../src/crypto/index.js');
  await signRequest({ method: 'GET', url: `${sim.url}/my`, headers }, { keyId: `/demo/keys/${ec.md5}`, signer: keySigner(ec.formats.openssh!), dateHeader: 'x-date' });
  assert.match(headers.get('authorization')!, /headers="x-date"/);
  assert.equal((await sim.fetch('/my', { headers })).status, 200);
});

test('the legacy 0.9 syntax is accepted for RSA (raw Date value signed); syntax errors are 400 InvalidHeader', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const date = httpDate(sim.clock.now());
  const sign = async (k: typeof rsa, text: string, alg: string) => encodeBase64(await signWithKey(parsePrivateKey(k.formats.openssh!), encodeUtf8(text), { algorithm: alg }));
  const legacy = `Signature keyId="/demo/keys/${rsa.md5}",algorithm="rsa-sha256" ${await sign(rsa, date, 'rsa-sha256')}`;
  assert.equal((await sim.fetch('/my', { headers: { date, authorization: legacy, 'accept-version': '~9' } })).status, 200);
  // Legacy format, modern signing string: verification fails (protocols §1.2 consequence).
  const mixed = `Signature keyId="/demo/keys/${rsa.md5}",algorithm="rsa-sha256" ${await sign(rsa, `date: ${date}`, 'rsa-sha256')}`;
  assert.equal((await sim.fetch('/my', { headers: { date, authorization: mixed } })).status, 401);
  const edLegacy = `Signature keyId="/demo/keys/${ed.md5}",algorithm="ed25519-sha512" ${await sign(ed, date, 'ed25519-sha512')}`;
  assert.equal((await sim.fetch('/my', { headers: { date, authorization: edLegacy } })).status, 400);
  const spaced = `Signature keyId="/demo/keys/${rsa.md5}", algorithm="rsa-sha256",headers="date",signature="${await sign(rsa, `date: ${date}`, 'rsa-sha256')}"`;
  const res = await sim.fetch('/my', { headers: { date, authorization: spaced } });
  assert.equal(res.status, 400);
  assert.deepEqual(await body(res), { code: 'InvalidHeader', message: 'Authorization header invalid: bad param format' });
  const sha384 = await rawSigned(sim, ec, '/my', { algorithm: 'ecdsa-sha384' });
  assert.equal(sha384.status, 400);
  assert.equal((await body(sha384)).message, 'Authorization header invalid: ecdsa-sha384 is not supported');
});

test('Accept-Version negotiation: 400 InvalidVersion for unsupported ranges; VNC is pinned to 8.4.0', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const v8 = await rawSigned(sim, rsa, '/my', { headers: { 'accept-version': '~8' } });
  assert.equal(v8.headers.get('api-version'), '8.0.0');
  const old = await rawSigned(sim, rsa, '/my', { headers: { 'accept-version': '~6.5' } });
  assert.equal(old.status, 400);
  assert.deepEqual(await body(old), { code: 'InvalidVersion', message: '~6.5 is not supported by GET /my' });
  const fabric = await rawSigned(sim, rsa, '/my/fabrics/default/vlans', { headers: { 'accept-version': '~7.2' } });
  assert.equal((await body(fabric)).code, 'InvalidVersion');
  const dc = dcFor(sim, rsa);
  const m = await dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base });
  const nine = await rawSigned(sim, rsa, `/my/machines/${m.id}/vnc`, { headers: { 'accept-version': '~9' } });
  assert.equal((await body(nine)).code, 'InvalidVersion');
  const both = await rawSigned(sim, rsa, `/my/machines/${m.id}/vnc`);
  assert.deepEqual(await body(both), { code: 'MachineHasNoVNCError', message: 'Instance type joyent does not support VNC connections' });
  // No version header at all means "*": the newest.
  assert.equal((await rawSigned(sim, rsa, '/my', { headers: { 'accept-version': '*' } })).headers.get('api-version'), '9.0.0');
});

test('sub-users sign as /account/users/login/keys/fp, need a range admitting 7.2.0, and are held to policies (403)', async () => {
  const sim = tritonSim({ accounts: [{ login: 'demo', keys: [rsa.publicLine], users: [{ login: 'ops', keys: [ed.publicLine] }] }] });
  const keyId = `/demo/users/ops/keys/${ed.md5}`;
  assert.equal((await rawSigned(sim, ed, '/my/machines', { keyId, headers: { 'accept-version': '~7.1' } })).status, 401);
  const denied = await rawSigned(sim, ed, '/my/machines', { keyId });
  assert.equal(denied.status, 403);
  assert.equal((await body(denied)).code, 'NotAuthorized');
  const owner = dcFor(sim, rsa);
  await owner.createPolicy({ name: 'read-machines', rules: ['CAN listmachines AND getmachine'] });
  await owner.createRole({ name: 'viewer', policies: ['read-machines'], members: [{ type: 'subuser', login: 'ops', default: true }] as never });
  // The role must also be tagged on the resource (lib/auth.js → aperture).
  assert.equal((await rawSigned(sim, ed, '/my/machines', { keyId })).status, 403);
  await owner.setRoleTags('machines', ['viewer']);
  assert.equal((await rawSigned(sim, ed, '/my/machines', { keyId })).status, 200);
  assert.equal((await rawSigned(sim, ed, '/demo/machines', { keyId })).status, 200);
  assert.equal((await rawSigned(sim, ed, '/my/keys', { keyId })).status, 403);
  // The sub-user's DataCenter: same URLs, sub-user keyId.
  const sub = dcFor(sim, ed, { user: 'ops' });
  assert.equal(sub.keyId, keyId);
  assert.deepEqual(await sub.listMachines().all(), []);
  // Another account's paths are not the caller's.
  sim.addAccount({ login: 'other' });
  assert.equal((await rawSigned(sim, rsa, '/other/machines')).status, 403);
  assert.equal((await rawSigned(sim, rsa, '/nobody/machines')).status, 404);
});

test('pre-signed URLs are verified (method, host, path, sorted parameters); tampering is 401, expiry an error', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const signer = keySigner(ec.formats.openssh!);
  const url = await presignUrl(`${sim.url}/demo/keys`, { keyId: `/demo/keys/${ec.md5}`, signer, methods: ['GET'], now: () => sim.clock.now() });
  assert.equal((await sim.fetch(url)).status, 200);
  assert.equal((await sim.fetch(url.replace('/demo/keys', '/demo/keys/x'))).status, 401);
  const expired = await presignUrl(`${sim.url}/demo/keys`, { keyId: `/demo/keys/${ec.md5}`, signer, expires: Math.floor(sim.clock.now() / 1000) - 10 });
  const res = await sim.fetch(expired);
  assert.equal(res.status, 500);
  assert.equal((await body(res)).message, 'request expired');
});

test('throttling (429), Content-MD5 (400 BadDigest), body size (413), unknown routes (404/405)', async () => {
  const sim = tritonSim({ keys: keysOf(), throttle: { burst: 2, ratePerSec: 1 } });
  const codes: number[] = [];
  for (let i = 0; i < 3; i++) codes.push((await rawSigned(sim, rsa, '/my')).status);
  assert.deepEqual(codes, [200, 200, 429]);
  sim.clock.advance(1500);
  assert.equal((await rawSigned(sim, rsa, '/my')).status, 200);
  const free = tritonSim({ keys: keysOf() });
  const md5 = await rawSigned(free, rsa, '/my', { method: 'POST', body: '{"phone":"1"}', headers: { 'content-type': 'application/json', 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' } });
  assert.equal((await body(md5)).code, 'BadDigest');
  const big = await rawSigned(free, rsa, '/my', { method: 'POST', body: JSON.stringify({ phone: 'x'.repeat(100_001) }), headers: { 'content-type': 'application/json' } });
  assert.equal(big.status, 413);
  // Three segments would match the SetRoleTags PUT (405); four match nothing.
  assert.equal((await rawSigned(free, rsa, '/my/nothing/here/deeper')).status, 404);
  const wrong = await rawSigned(free, rsa, '/my/limits', { method: 'DELETE' });
  assert.equal(wrong.status, 405);
});

test('machines: 410 with the machine as body once deleted, paging headers, action and filter errors, asynchronous tags', async () => {
  const sim = tritonSim({ keys: keysOf() });
  const dc = dcFor(sim, rsa);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await dc.createMachine({ name: `m${i}`, package: 'sample-512M', image: TRITON_SEED.image.base, metadata: { a: 'b' } })).id);
  const page = await rawSigned(sim, rsa, '/my/machines?limit=2&offset=0');
  assert.equal(page.headers.get('x-query-limit'), '2');
  assert.equal(page.headers.get('x-resource-count'), '2');
  const head = await rawSigned(sim, rsa, '/my/machines?limit=2&offset=2', { method: 'HEAD' });
  assert.equal(head.headers.get('x-resource-count'), '1');
  assert.equal((await body(await rawSigned(sim, rsa, '/my/machines?state=sleeping'))).code, 'InvalidArgument');
  assert.equal((await body(await rawSigned(sim, rsa, `/my/machines/${ids[0]}`, { method: 'POST' }))).code, 'MissingParameter');
  assert.equal((await body(await rawSigned(sim, rsa, `/my/machines/${ids[0]}?action=explode`, { method: 'POST' }))).code, 'InvalidArgument');
  // Nested metadata/tags objects are ignored by the server; flat keys count.
  const raw = await rawSigned(sim, rsa, '/my/machines', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ package: 'sample-512M', image: TRITON_SEED.image.base, metadata: { x: 'y' }, 'tag.role': 'db' }) });
  const created = (await raw.json()) as { id: string; metadata: Record<string, string>; tags: Record<string, string> };
  assert.deepEqual(created.metadata, {});
  assert.deepEqual(created.tags, { role: 'db' });
  // credentials=false is still truthy.
  sim.clock.advance(200);
  const withCreds = (await (await rawSigned(sim, rsa, `/my/machines/${ids[0]}?credentials=false`)).json()) as { metadata: Record<string, unknown> };
  assert.ok(withCreds.metadata.credentials);
  // Tags: the reply shows the change, reads catch up later.
  await dc.addMachineTags(ids[0]!, { env: 'prod' });
  assert.deepEqual(await dc.listMachineTags(ids[0]!), {});
  sim.clock.advance(60);
  assert.deepEqual(await dc.listMachineTags(ids[0]!), { env: 'prod' });
  await dc.enableMachineDeletionProtection(ids[0]!);
  sim.clock.advance(60);
  const protectedDel = await rawSigned(sim, rsa, `/my/machines/${ids[0]}`, { method: 'DELETE' });
  assert.equal((await body(protectedDel)).code, 'CannotDestroyMachineError');
  await dc.deleteMachine(ids[1]!);
  sim.clock.advance(150);
  const gone = await rawSigned(sim, rsa, `/my/machines/${ids[1]}`);
  assert.equal(gone.status, 410);
  const goneBody = await body(gone);
  assert.equal(goneBody.id, ids[1]);
  assert.equal(goneBody.state, 'deleted');
  assert.equal((await rawSigned(sim, rsa, `/my/machines/${ids[1]}?action=start`, { method: 'POST' })).status, 410);
  assert.equal((await rawSigned(sim, rsa, `/my/machines/${ids[1]}`, { method: 'DELETE' })).status, 410);
  const tomb = (await (await rawSigned(sim, rsa, '/my/machines?tombstone=true')).json()) as unknown[];
  assert.equal(tomb.length, 4);
  assert.equal(((await (await rawSigned(sim, rsa, '/my/machines')).json()) as unknown[]).length, 3);
});

test('roles answer objects with API 9 and names before (protocols §1.6)', async () => {
  const sim = tritonSim({ accounts: [{ login: 'demo', keys: [rsa.publicLine], users: [{ login: 'ops' }] }] });
  const dc = dcFor(sim, rsa);
  await dc.createPolicy({ name: 'p', rules: ['CAN *'] });
  await dc.createRole({ name: 'r', policies: ['p'], members: ['ops'] });
  const v9 = (await (await rawSigned(sim, rsa, '/my/roles')).json()) as { members: unknown[] }[];
  assert.equal(typeof v9[0]!.members[0], 'object');
  const v8 = (await (await rawSigned(sim, rsa, '/my/roles', { headers: { 'accept-version': '~8' } })).json()) as { members: unknown[] }[];
  assert.deepEqual(v8[0]!.members, ['ops']);
});

test('with no keys the simulator generates an Ed25519 key and hands it out', async () => {
  const sim = tritonSim();
  assert.equal(sim.credentials.account, 'demo');
  assert.match(sim.credentials.key!, /BEGIN OPENSSH PRIVATE KEY/);
  const key = parsePrivateKey(sim.credentials.key!);
  assert.equal(key.type, 'ed25519');
  assert.equal(key.md5Fingerprint, sim.credentials.keyId);
});
