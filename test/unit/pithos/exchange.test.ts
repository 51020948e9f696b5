// Vectors 14–15 of the Pithos+ upload protocol (the worked exchange for the 10-byte object, B = 4 MiB,
// sha256): hashmap PUT → 409 with the JSON array of the missing hash, block POST → 202 with that
// hash, the same PUT → 201 with the Merkle ETag; and the hashmap PUT body, exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPithosSim } from '../../../src/sim/pithos/index.js';
import { PithosClient } from '../../../src/synnefo/pithos/index.js';
import { B, H_TEN, PUT_BODY_TEN, TEN } from './vectors.js';

test('vectors 14–15: 409 [hash] → POST 202 [hash] → 201 ETag, with the exact hashmap body and headers', async () => {
  const sim = createPithosSim({ seed: 3, blockSize: B });
  const p = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch });
  await p.createContainer('pithos');
  const from = sim.requests.list().length;
  const r = await p.uploadObject('obj', new TextEncoder().encode(TEN), { contentType: 'text/plain' });
  const log = sim.requests.list().slice(from);
  const [head, put1, post, put2] = log;
  assert.equal(log.length, 4, log.map((e) => `${e.method} ${e.url}`).join('\n'));
  assert.equal(head!.method, 'HEAD');
  assert.equal(put1!.method, 'PUT');
  assert.match(put1!.url, /\/pithos\/obj\?(?=.*format=json)(?=.*hashmap=True)/);
  assert.equal(put1!.body, PUT_BODY_TEN);
  assert.equal(put1!.headers['content-type'], 'text/plain', 'the object type, never application/json');
  assert.equal(put1!.status, 409);
  assert.equal(post!.method, 'POST');
  assert.match(post!.url, /\/pithos\?(?=.*update)(?=.*format=json)/);
  assert.equal(post!.headers['content-type'], 'application/octet-stream');
  assert.equal(post!.body, TEN);
  assert.equal(post!.status, 202);
  assert.equal(put2!.body, PUT_BODY_TEN);
  assert.equal(put2!.status, 201);
  assert.equal(r.headers.etag, H_TEN);
  assert.equal(r.bytesSent, 10);

  // The raw replies, as the protocol gives them.
  const account = sim.credentials.account;
  const raw409 = await sim.fetch(`${sim.credentials.url}/${account}/pithos/other?format=json&hashmap=True`, {
    method: 'PUT', headers: { 'x-auth-token': sim.credentials.token, 'content-type': 'text/plain' }, body: JSON.stringify({ bytes: 10, hashes: ['ab'.repeat(32)] }),
  });
  assert.equal(raw409.status, 409);
  assert.deepEqual(await raw409.json(), ['ab'.repeat(32)]);
  const raw202 = await sim.fetch(`${sim.credentials.url}/${account}/pithos?update&format=json`, {
    method: 'POST', headers: { 'x-auth-token': sim.credentials.token, 'content-type': 'application/octet-stream' }, body: TEN,
  });
  assert.equal(raw202.status, 202);
  assert.deepEqual(await raw202.json(), [H_TEN]);
  const info = await p.getObjectInfo('obj');
  assert.equal(info['x-object-hash'], H_TEN);
  assert.equal(info.etag, H_TEN);
});
