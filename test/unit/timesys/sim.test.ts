import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError } from '../../../src/core/index.js';
import { isSimName, simNames } from '../../../src/sim/index.js';
import { Llapi, parseDashboardConfig, parseKeyFile } from '../../../src/timesys/index.js';
import { manualSim } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

test('registered as createSim("timesys"); its key file and dashboard config parse', () => {
  assert.ok(isSimName('timesys'));
  assert.ok(simNames.includes('timesys'));
  const sim = manualSim();
  assert.deepEqual(parseKeyFile(sim.keyFile()), { email: 'user@example.com', key: 'abc123', url: 'https://vigiles.lynx.com' });
  assert.deepEqual(parseKeyFile(sim.keyFile('http://127.0.0.1:9/')), { email: 'user@example.com', key: 'abc123', url: 'http://127.0.0.1:9' });
  assert.deepEqual(parseDashboardConfig(sim.dashboardConfig(true)), { groupToken: sim.credentials.groupToken, folderToken: sim.credentials.folderToken });
});

test('accepts the protocol vector V1b as upstream sends it, byte for byte', async () => {
  const sim = manualSim();
  const res = await sim.fetch('/api/v1/vigiles/heartbeat', {
    method: 'POST',
    headers: { ...FORM, 'X-Auth-Signature': 'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=' },
    body: 'email=user%40example.com',
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true });
  const v8 = await sim.fetch('/api/v1/vigiles/about?email=user%40example.com', { headers: { 'X-Auth-Signature': 'qMFCFMx7rhgYKVxByE+MBkggVdD7SxW9ttrBPeKMjwk=' } });
  assert.equal(v8.status, 200);
});

test('rejects a bad signature, an unknown user and misplaced parameters with 403 and the server body', async () => {
  const sim = manualSim();
  const post = (body: string, sig: string, path = '/api/v1/vigiles/heartbeat') => sim.fetch(path, { method: 'POST', headers: { ...FORM, 'X-Auth-Signature': sig }, body });
  const bad = await post('email=user%40example.com', 'of+gzZuNAp5PpzCdc5aino9g0ZOFhA4NwjVVDhwfsoc=');
  assert.equal(bad.status, 403);
  assert.deepEqual(await bad.json(), { message: 'Invalid credentials: signature mismatch', status_code: 403 });
  const stranger = await post('email=who%40example.com', 'x');
  assert.deepEqual(await stranger.json(), { message: 'Invalid credentials: unknown or missing email', status_code: 403 });
  // POST parameters in the query are not read: no email, so no user.
  const inQuery = await sim.fetch('/api/v1/vigiles/heartbeat?email=user%40example.com', { method: 'POST', headers: { 'X-Auth-Signature': 'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=' } });
  assert.equal(inQuery.status, 403);
  const json = await sim.fetch('/api/v1/vigiles/heartbeat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"user@example.com"}' });
  assert.equal(json.status, 400);
  // PATCH data belongs in the query; a body is ignored, as the server ignores it.
  const patchBody = await sim.fetch('/api/v1/vigiles/folders/archive', { method: 'PATCH', headers: FORM, body: 'email=user%40example.com&tokens=x' });
  assert.equal(patchBody.status, 403);
});

test('booleans must be True/False, as upstream renders them', async () => {
  const sim = manualSim();
  // The signature is right for what is sent; the value is what the server refuses.
  const { llapiMessage, llapiSignature } = await import('../../../src/timesys/index.js');
  const msg = llapiMessage('GET', '/api/v1/vigiles/groups', { include_private_workspaces: 'true', email: 'user@example.com' });
  const res = await sim.fetch('/api/v1/vigiles/groups?email=user%40example.com&include_private_workspaces=true', { headers: { 'X-Auth-Signature': llapiSignature('abc123', msg) } });
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { message: string }).message, /expected True or False/);
});

test('access: members read, admins change; Private Workspaces are private', async () => {
  const sim = manualSim();
  sim.addUser('dev@example.com', 'dev-key-123');
  const dev = new Llapi({ email: 'dev@example.com', key: 'dev-key-123', url: sim.url, fetch: sim.fetch, groupToken: sim.credentials.groupToken });
  assert.equal((await dev.getGroupInfo()).name, 'Product A');
  const denied = await dev.updateGroupSettings(undefined, { vulnStrictMatch: true }).catch((e: unknown) => e);
  assert.ok(denied instanceof ClientError && denied.status === 403, String(denied));
  const owner = sim.state.users.get('user@example.com')!;
  const hidden = await dev.getGroupInfo(owner.privateWorkspace).catch((e: unknown) => e);
  assert.ok(hidden instanceof ClientError && hidden.status === 403);
  assert.deepEqual((await dev.getGroups({ includePrivateWorkspaces: true })).map((g) => g.name), ['Product A', 'Private Workspace']);
});

test('jobs move queued → running → succeeded on the simulator clock; only their owner reads them', async () => {
  const sim = manualSim({ jobDelayMs: 1000 });
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  const job = await llapi.uploadManifest('openssl 1.1.1k\n', { returnJob: true });
  const states: string[] = [];
  for (const step of [0, 499, 1, 499, 1]) {
    sim.clock.advance(step);
    states.push((await llapi.getJob(job.job_id)).status);
  }
  assert.deepEqual(states, ['queued', 'queued', 'running', 'running', 'succeeded']);
  assert.equal(sim.state.manifests.size, 1, 'the work ran once');
  sim.addUser('other@example.com', 'other-key');
  const other = new Llapi({ email: 'other@example.com', key: 'other-key', url: sim.url, fetch: sim.fetch });
  await assert.rejects(other.getJob(job.job_id), (e: unknown) => e instanceof ClientError && e.status === 403);
  await assert.rejects(llapi.getJob('nope'), (e: unknown) => e instanceof ClientError && e.status === 404);
});

test('state is plain data tests can read: manifests keep the exact SBOM text, reports their matches', async () => {
  const sim = manualSim({ jobDelayMs: 0 });
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  const text = '# comment\r\nopenssl==1.1.1t\nexpat@2.4.1\ncurl 8.4.0\n';
  const r = await llapi.uploadManifest(text);
  assert.equal(sim.state.manifests.get(r.manifest_token)?.text, text);
  assert.deepEqual(sim.state.reports.get(String(r.report_token))?.matches.map((x) => x.cveId), ['CVE-2023-5678', 'CVE-2022-40674']);
  assert.match(String(r.report_path), new RegExp(`/vigiles/dashboard/reports/${String(r.report_token)}$`));
});
