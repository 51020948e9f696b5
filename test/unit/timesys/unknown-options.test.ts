// Issue 8 §5: `new Llapi({ group_token })` dropped the token (uploads went to the private workspace),
// `uploadManifest(s, { manifest_name })` dropped the name, `deleteManifest(t, { confirm: true })`
// sent `confirmed=False`. The constructor, loadLlapi and every Llapi method refuse an unknown option
// with a ConfigError naming it and the name meant; nothing is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { loadLlapi } from '../../../src/node/index.js';
import { Llapi } from '../../../src/timesys/index.js';
import { timesysSim } from './helpers.js';

type Opts = Record<string, unknown>;

/** Every Llapi method, called with `o` as its options object. */
const CALLS: Record<string, (l: Llapi, o: Opts) => Promise<unknown>> = {
  heartbeat: (l, o) => l.heartbeat(o),
  getAppDbVersion: (l, o) => l.getAppDbVersion(o),
  getManifests: (l, o) => l.getManifests(o),
  getManifestInfo: (l, o) => l.getManifestInfo('M1', o),
  getManifestFile: (l, o) => l.getManifestFile('M1', o),
  uploadManifest: (l, o) => l.uploadManifest('openssl 1.1.1k', o),
  rescanManifest: (l, o) => l.rescanManifest('M1', o),
  deleteManifest: (l, o) => l.deleteManifest('M1', o),
  getReportTokens: (l, o) => l.getReportTokens('M1', o),
  getLatestReport: (l, o) => l.getLatestReport('M1', o),
  setCustomScore: (l, o) => l.setCustomScore('M1', 'openssl', 'CVE-2024-1', 5, o),
  bulkMoveManifests: (l, o) => l.bulkMoveManifests(['M1'], { targetGroupToken: 'G1', ...o }),
  bulkCopyManifests: (l, o) => l.bulkCopyManifests(['M1'], { targetGroupToken: 'G1', ...o }),
  getJob: (l, o) => l.getJob('J1', o),
  waitForJob: (l, o) => l.waitForJob('J1', o),
  downloadReport: (l, o) => l.downloadReport('R1', 'pdf', o),
  compareReports: (l, o) => l.compareReports('R1', 'R2', o),
  getFolders: (l, o) => l.getFolders(o),
  createFolder: (l, o) => l.createFolder('f', o),
  archiveFolders: (l, o) => l.archiveFolders(['F1'], o),
  unarchiveFolders: (l, o) => l.unarchiveFolders(['F1'], o),
  getGroups: (l, o) => l.getGroups(o),
  getArchivedGroups: (l, o) => l.getArchivedGroups(o),
  createGroup: (l, o) => l.createGroup('g', o),
  getGroupInfo: (l, o) => l.getGroupInfo('G1', o),
  bulkArchiveGroups: (l, o) => l.bulkArchiveGroups(['G1'], o),
  bulkUnarchiveGroups: (l, o) => l.bulkUnarchiveGroups(['G1'], o),
  deleteGroup: (l, o) => l.deleteGroup('G1', o),
  getGroupMembers: (l, o) => l.getGroupMembers('G1', o),
  addGroupMember: (l, o) => l.addGroupMember('G1', 'a@example.com', 'user', o),
  updateGroupMember: (l, o) => l.updateGroupMember('G1', 'a@example.com', 'admin', o),
  removeGroupMember: (l, o) => l.removeGroupMember('G1', 'a@example.com', o),
  getGroupSettings: (l, o) => l.getGroupSettings('G1', o),
  updateGroupSettings: (l, o) => l.updateGroupSettings('G1', o),
  searchActivityLog: (l, o) => l.searchActivityLog({ groupToken: 'G1', ...o }),
  getCveInfo: (l, o) => l.getCveInfo('CVE-2024-1', o),
  searchCvesByProduct: (l, o) => l.searchCvesByProduct('openssl', o),
  setStatus: (l, o) => l.setStatus('manifest', 'CVE-2024-1', 'openssl', 'in_triage', o),
  getVulnStatus: (l, o) => l.getVulnStatus('CVE-2024-1', 'openssl', '1.1', 'M1', o),
};

function client() {
  const sim = timesysSim();
  return { sim, llapi: new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials }) };
}

test('the test covers every Llapi method that takes options', () => {
  const methods = Object.getOwnPropertyNames(Llapi.prototype).filter((n) => n !== 'constructor' && typeof Object.getOwnPropertyDescriptor(Llapi.prototype, n)?.value === 'function');
  const takers = methods.filter((name) => /\boptions\b/.test(/^[^(]*\(([^)]*)\)/.exec(String((Llapi.prototype as unknown as Opts)[name]))?.[1] ?? ''));
  assert.deepEqual(takers.sort(), Object.keys(CALLS).sort());
});

test('every Llapi method refuses { bogus_option: 1 } with a ConfigError naming it; nothing is sent', async () => {
  const { sim, llapi } = client();
  for (const [name, call] of Object.entries(CALLS)) {
    const before = sim.requests.list().length;
    await assert.rejects(call(llapi, { bogus_option: 1 }), (e: unknown) => e instanceof ConfigError && e.message === `Llapi.${name}(): unknown option "bogus_option"`, name);
    assert.equal(sim.requests.list().length, before, `${name} sent nothing`);
  }
});

test("the issue's cases, and upstream's names, get a ConfigError naming the option meant", async () => {
  const { sim, llapi } = client();
  assert.throws(() => new Llapi({ ...sim.credentials, group_token: sim.credentials.groupToken } as never), /^ConfigError: new Llapi\(\): unknown option "group_token"; did you mean "groupToken"\?$/);
  const hints: [() => unknown, string, string][] = [
    [() => new Llapi({ ...sim.credentials, folder_token: 'F' } as never), 'folder_token', 'folderToken'],
    [() => new Llapi({ email: 'a@example.com', organization_key: 'k' } as never), 'organization_key', 'key'],
    [() => new Llapi({ ...sim.credentials, server_url: sim.url } as never), 'server_url', 'url'],
    [() => new Llapi({ ...sim.credentials, group: 'G' } as never), 'group', 'groupToken'],
    [() => new Llapi({ ...sim.credentials, dry_run: true } as never), 'dry_run', 'dryRun'],
    [() => llapi.uploadManifest('openssl 1.1.1k', { manifest_name: 'image' } as never), 'manifest_name', 'manifestName'],
    [() => llapi.uploadManifest('openssl 1.1.1k', { with_field: ['published'] } as never), 'with_field', 'extraFields'],
    [() => llapi.deleteManifest('M1', { confirm: true } as never), 'confirm', 'confirmed'],
    [() => llapi.getLatestReport('M1', { filtered: true } as never), 'filtered', 'filterResults'],
    [() => llapi.downloadReport('R1', 'pdf', { filter_results: true } as never), 'filter_results', 'filterResults'],
    [() => llapi.createGroup('g', { group_description: 'd' } as never), 'group_description', 'description'],
    [() => llapi.addGroupMember('G1', 'a@example.com', 'user', { access_subgroups: true } as never), 'access_subgroups', 'accessSubgroups'],
    [() => llapi.getGroups({ include_private_workspaces: true } as never), 'include_private_workspaces', 'includePrivateWorkspaces'],
    [() => llapi.setStatus('group', 'CVE-1', 'p', 'in_triage', { group_tokens: ['G'] } as never), 'group_tokens', 'groupTokens'],
  ];
  const before = sim.requests.list().length;
  for (const [call, given, meant] of hints) {
    await assert.rejects(async () => call(), (e: unknown) => e instanceof ConfigError && e.message.endsWith(`unknown option "${given}"; did you mean "${meant}"?`), given);
  }
  // A hint only ever names an option the method has.
  await assert.rejects(llapi.deleteManifest('M1', { filtered: true } as never), (e: unknown) => e instanceof ConfigError && !/did you mean "filterResults"/.test(e.message));
  assert.equal(sim.requests.list().length, before, 'nothing was sent');
});

test('loadLlapi refuses unknown options before it reads any file', async () => {
  let reads = 0;
  const readFile = async () => {
    reads++;
    return new TextEncoder().encode('{}');
  };
  await assert.rejects(loadLlapi({ key_file: '/k', readFile } as never), /^ConfigError: loadLlapi\(\): unknown option "key_file"; did you mean "keyFile"\?$/);
  await assert.rejects(loadLlapi({ keyFile: '/k', group_token: 'G', readFile } as never), /did you mean "groupToken"/);
  assert.equal(reads, 0);
});

test('the right names reach the server: groupToken targets the group, manifestName names the upload, confirmed deletes', async () => {
  const { sim } = client();
  const llapi = new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  const up = await llapi.uploadManifest('openssl 1.1.1k\n', { manifestName: 'named-image', uploadOnly: true, pollInterval: 5, sleep: undefined } as never).catch((e: Error) => e);
  assert.ok(up instanceof ConfigError, 'sleep is not an uploadManifest option');
  const ok = await llapi.uploadManifest('openssl 1.1.1k\n', { manifestName: 'named-image', uploadOnly: true, pollInterval: 5 });
  assert.equal(ok.group_token, sim.credentials.groupToken);
  const token = String(ok.manifest_token);
  assert.equal((await llapi.getManifestInfo(token)).manifest_name, 'named-image');
  await llapi.deleteManifest(token, { confirmed: true });
  await assert.rejects(llapi.getManifestInfo(token), (e: unknown) => (e as { status?: number }).status === 404);
});
