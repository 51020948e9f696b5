// Issue 8 §2, the Timesys case by name, end to end against the simulator: `removeGroupMember(g, '..')`
// reached `DELETE /groups/<g>` and deleted the group. It and its siblings are ConfigErrors now; the
// group and its members survive and nothing reaches the server (in process and over real HTTP).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { Llapi } from '../../../src/timesys/index.js';
import { servedSim, timesysSim } from './helpers.js';

const HOSTILE: readonly unknown[] = ['..', '.', '', 'a/../b', '?x', '#x', 'a\r\nb', '\uD800', {}, null];

async function refusedBeforeSending(sim: ReturnType<typeof timesysSim>, op: string, call: () => Promise<unknown>): Promise<void> {
  const before = sim.requests.list().length;
  // Upstream's own check ("member_email is required") answers '' and null first; the path check the rest.
  await assert.rejects(call, (e: unknown) => e instanceof ConfigError && (e.message.startsWith(`${op}:`) || / is required$/.test(e.message)), op);
  assert.equal(sim.requests.list().length, before, `${op}: nothing reached the simulator`);
}

test("removeGroupMember(g, '..') and the other member and group paths refuse dot segments; the group survives", async () => {
  const sim = timesysSim();
  const llapi = new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  const g = sim.credentials.groupToken;
  await llapi.addGroupMember(g, 'member@example.com', 'user');
  const members = await llapi.getGroupMembers(g);
  for (const bad of HOSTILE) {
    await refusedBeforeSending(sim, 'removeGroupMember', () => llapi.removeGroupMember(g, bad as string));
    await refusedBeforeSending(sim, 'updateGroupMember', () => llapi.updateGroupMember(g, bad as string, 'admin'));
    await refusedBeforeSending(sim, 'removeGroupMember', () => llapi.removeGroupMember(bad as string, 'member@example.com'));
    await refusedBeforeSending(sim, 'deleteGroup', () => llapi.deleteGroup(bad as string));
    await refusedBeforeSending(sim, 'deleteManifest', () => llapi.deleteManifest(bad as string, { confirmed: true }));
  }
  assert.equal((await llapi.getGroupInfo(g)).token, g);
  assert.deepEqual(await llapi.getGroupMembers(g), members);
});

test('over real HTTP too: the served simulator never sees the request', async () => {
  await using s = await servedSim();
  const llapi = s.client();
  const before = s.sim.requests.list().length;
  await assert.rejects(llapi.removeGroupMember(s.sim.credentials.groupToken, '..'), ConfigError);
  await assert.rejects(llapi.getGroupInfo('..'), ConfigError);
  assert.equal(s.sim.requests.list().length, before);
  assert.equal((await llapi.getGroupInfo(s.sim.credentials.groupToken)).token, s.sim.credentials.groupToken);
});

test("sim.credentials are Llapi's option names: new Llapi({ url, fetch, ...sim.credentials }) signs in", async () => {
  const sim = timesysSim();
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['email', 'folderToken', 'groupToken', 'key']);
  const llapi = new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  assert.deepEqual(await llapi.heartbeat(), { ok: true });
  assert.equal(llapi.groupToken, sim.credentials.groupToken);
});
