// Key names are free text: spaces, `/`, `?`, `#`, `%` and any script reach the server intact as one
// path segment; ids that would change the request's target are refused before anything is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { Backend, Key, MistClient } from '../../../src/mist/index.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

const NAMES = ['my key', 'a/b', 'what?', 'hash#tag', '100%', 'κλειδί 🔑', 'über/../x', '..a', ' lead', 'plus+and&'];

test('key names with spaces, /, ?, #, %, unicode: add, read, rename, set default, associate, delete', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  for (const name of NAMES) {
    const key = await client.addKey(name, RSA_PEM);
    assert.equal(key.id, name);
    assert.equal(sim.state.keypairs.has(name), true, name);
    assert.equal(await key.private(), RSA_PEM, name);
    await key.setDefault();
    assert.equal(sim.state.keypairs.get(name)!.default, true, name);
    const m = await backend.createMachine(`m ${name}`, key, 'ami-7c807d14', '0', 't1.micro');
    sim.clock.advance(1000);
    const assoc = await key.associateToMachine(backend.id, m.id, { host: m.publicIps[0]! });
    assert.equal(assoc.length, 1, name);
    await key.rename(`${name} (old)`);
    assert.equal(sim.state.keypairs.has(`${name} (old)`), true, name);
    await key.delete();
    assert.equal(sim.state.keypairs.has(`${name} (old)`), false, name);
  }
  // What went on the wire: one percent-encoded segment each.
  const paths = sim.requests.list().map((r) => new URL(r.url).pathname);
  assert.ok(paths.includes('/keys/a%2Fb/private'));
  assert.ok(paths.includes('/keys/what%3F/private'));
  assert.ok(paths.includes('/keys/hash%23tag/private'));
  assert.ok(paths.includes(`/keys/${encodeURIComponent('κλειδί 🔑')}/private`));
});

test('identifiers that would change the target are refused before anything is sent', async () => {
  const sent: string[] = [];
  const client = new MistClient({ mistUri: 'https://mist.example', fetch: async (r) => (sent.push(r.url), new Response('"x"', { headers: { 'content-type': 'application/json' } })) });
  // Backend and machine ids are plain ids: no dot segments, no / ? # \\, no control characters.
  for (const id of ['..', '.', 'a/b', 'a?b', 'a#b', 'a\\b', 'a\nb']) {
    await assert.rejects(new Backend({ id, title: 'x', provider: 'p', enabled: true }, client).sizes(), ConfigError, JSON.stringify(id));
  }
  // Key names are free text: only dot segments and control characters are refused…
  for (const id of ['..', '.', 'a\nb', 'a\u0000b']) {
    await assert.rejects(new Key({ id, machines: [], isDefault: false }, client).public(), ConfigError, JSON.stringify(id));
  }
  assert.deepEqual(sent, [], 'nothing was sent');
  // …the rest is encoded into one segment.
  for (const id of ['a/b', 'a?b', 'a#b', 'a\\b', '...']) await new Key({ id, machines: [], isDefault: false }, client).public();
  assert.deepEqual(sent, ['a%2Fb', 'a%3Fb', 'a%23b', 'a%5Cb', '...'].map((s) => `https://mist.example/keys/${s}/public`));
  assert.throws(() => new Backend({ id: '', title: 'x', provider: 'p', enabled: true }, client), /string id/);
  assert.throws(() => new Key({ id: '', machines: [], isDefault: false }, client), /string id/);
});
