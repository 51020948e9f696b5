import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError, ClientError, TimeoutError } from '../../../src/core/index.js';
import type { TimesysSim } from '../../../src/sim/timesys/index.js';
import { decodeExportedReport, Llapi, VigilesJobError, type Job, type LlapiOptions } from '../../../src/timesys/index.js';
import { manualSim } from './helpers.js';

const SBOM = JSON.stringify({ bomFormat: 'CycloneDX', components: [{ name: 'openssl', version: '1.1.1k' }, { name: 'zlib', version: '1.2.11' }] });

/** A client whose waits advance the simulator's manual clock instead of sleeping. */
function client(sim: TimesysSim, extra: Partial<LlapiOptions> = {}): Llapi {
  return new Llapi({
    ...sim.credentials,
    url: sim.url,
    fetch: sim.fetch,
    now: () => sim.clock.now(),
    sleep: async (ms) => void sim.clock.advance(ms),
    ...extra,
  });
}

test('upload runs as a job: polls /jobs/{id} with onProgress, then returns the latest report', async () => {
  const sim = manualSim({ jobDelayMs: 1000 });
  const seen: string[] = [];
  const r = await client(sim).uploadManifest(SBOM, { manifestName: 'img', pollInterval: 400, onProgress: (p) => seen.push(`${p.elapsedMs}:${p.value.status}`) });
  assert.deepEqual(seen, ['0:queued', '400:queued', '800:running', '1200:succeeded']);
  assert.equal(r.manifest_name, 'img');
  assert.equal(r.group_path, 'Product A / Release 1', 'the latest-report shape');
  assert.deepEqual(r.counts, { fixed: 0, kernel: 0, toolchain: 0, unapplied: 0, unfixed: 6, upgradable: 6, whitelisted: 0 });
  const calls = sim.requests.list().map((q) => `${q.method} ${q.path}`);
  assert.equal(calls[0], 'POST /api/v1/vigiles/manifests');
  assert.match(sim.requests.list()[0]!.body, /&async=True&email=/);
  assert.equal(calls.filter((c) => c.startsWith('GET /api/v1/vigiles/jobs/')).length, 4);
  assert.match(calls.at(-1)!, /^GET \/api\/v1\/vigiles\/manifests\/\w+\/reports\/latest$/);
});

test('job timeout → TimeoutError (with the last job seen); abort → AbortError', async () => {
  const sim = manualSim({ jobDelayMs: 60_000 });
  const err = await client(sim).uploadManifest(SBOM, { jobTimeout: 3000, pollInterval: 1000 }).catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError, String(err));
  assert.equal(err.scope, 'wait');
  assert.match(err.message, /Vigiles job \w+/);
  assert.equal((err.lastValue as Job).status, 'queued');

  const ctrl = new AbortController();
  const aborted = await client(sim, { sleep: async (ms) => { sim.clock.advance(ms); ctrl.abort(); } })
    .uploadManifest(SBOM, { signal: ctrl.signal })
    .catch((e: unknown) => e);
  assert.ok(aborted instanceof AbortError, String(aborted));
});

test('a failed job throws VigilesJobError with upstream\'s message', async () => {
  const sim = manualSim({ jobDelayMs: 0 });
  sim.failNextJob('disk full');
  const err = await client(sim).uploadManifest(SBOM).catch((e: unknown) => e);
  assert.ok(err instanceof VigilesJobError);
  assert.match(err.message, /^Vigiles job \w+ failed: disk full$/);
  const unparsable = await client(sim).uploadManifest('this is not an SBOM at all!').catch((e: unknown) => e);
  assert.ok(unparsable instanceof VigilesJobError);
  assert.equal(unparsable.detail, 'Unable to parse manifest');
  assert.equal(new VigilesJobError('J', undefined).message, 'Vigiles job J failed: Background job failed');
});

test('returnJob, uploadOnly and rescanOnly return what upstream returns', async () => {
  const sim = manualSim({ jobDelayMs: 0 });
  const llapi = client(sim);
  const job = await llapi.uploadManifest(SBOM, { returnJob: true });
  assert.deepEqual(Object.keys(job).sort(), ['job_id', 'message', 'status']);
  const done = await llapi.waitForJob(job.job_id);
  assert.equal(done.status, 'succeeded');
  const only = await llapi.uploadManifest(SBOM, { uploadOnly: true });
  assert.deepEqual(only, { manifest_token: only.manifest_token, group_token: sim.credentials.groupToken, folder_token: sim.credentials.folderToken });
  assert.equal(sim.state.reports.size, 1, 'upload-only makes no report');
  const rescanned = await llapi.rescanManifest(only.manifest_token, { rescanOnly: true });
  assert.deepEqual(Object.keys(rescanned).sort(), ['folder_token', 'group_token', 'manifest_token', 'report_token']);
  const full = await llapi.rescanManifest(only.manifest_token, { filterResults: true, extraFields: ['description'] });
  assert.equal(full.manifest_token, only.manifest_token);
  assert.notEqual(full.report_token, rescanned.report_token);
  assert.equal(typeof full.cves?.openssl?.[0]?.description, 'string');
  const accepted = await llapi.rescanManifest(only.manifest_token, { returnJob: true });
  assert.equal(accepted.status, 'queued');
});

test('an older server ignores async and answers directly; exports come back decoded, byte for byte', async () => {
  const sim = manualSim({ asyncJobs: false });
  const llapi = client(sim);
  const r = await llapi.uploadManifest(SBOM);
  assert.equal(typeof r.report_token, 'string');
  assert.equal(sim.state.jobs.size, 0);
  const only = await llapi.uploadManifest(SBOM, { uploadOnly: true });
  assert.equal(only.message, 'Manifest uploaded');

  const gunzipped: number[] = [];
  const withExport = await client(manualSim(), {
    gunzip: async (gz) => {
      gunzipped.push(gz.length);
      return decodeExportedReport(btoa(String.fromCharCode(...gz)));
    },
  }).uploadManifest(SBOM, { exportFormat: 'xlsx' });
  assert.equal(gunzipped.length, 1, 'the gunzip option is used when given');
  assert.ok(withExport.exportedReport instanceof Uint8Array);
  assert.equal('exported_report' in withExport, false);
  assert.deepEqual([...withExport.exportedReport.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04]);

  const sim2 = manualSim();
  const l2 = client(sim2);
  const exp = await l2.uploadManifest(SBOM, { exportFormat: 'cyclonedx-vex', cyclonedxFormat: 'xml', cyclonedxVersion: '1.5' });
  assert.match(sim2.requests.list()[0]!.body, /export_format=cyclonedx-vex&cyclonedx_format=xml&cyclonedx_version=1\.5&async=False&email=/);
  const file = await l2.downloadReport(exp.report_token!, 'cyclonedx-vex', { cyclonedxFormat: 'xml', cyclonedxVersion: '1.5' });
  assert.deepEqual(exp.exportedReport, file, 'the export equals the downloaded report');
  assert.match(new TextDecoder().decode(file), /^<\?xml [^]*schema\/bom\/1\.5/);

  const bad = await l2.uploadManifest('???', { exportFormat: 'csv' }).catch((e: unknown) => e);
  assert.ok(bad instanceof ClientError);
  assert.equal(bad.status, 412);
  assert.match(bad.message, /Unable to parse manifest/);
});

test('an undecodable exported_report is a warning, not a lost scan (upstream logs and goes on)', async () => {
  const warnings: string[] = [];
  const fake = async () => new Response(JSON.stringify({ manifest_token: 'M', group_token: 'G', folder_token: null, exported_report: 'bm90IGd6aXA=' }), { headers: { 'content-type': 'application/json' } });
  const r = await new Llapi({ email: 'a@b.c', key: 'k', groupToken: 'G', fetch: fake, onWarning: (w) => warnings.push(w) }).uploadManifest('x', { exportFormat: 'csv' });
  assert.equal(r.exported_report, 'bm90IGd6aXA=');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /Unable to decode exported_report/);
});

test('no group token: upstream\'s Private Workspace warnings, and the upload lands there', async () => {
  const sim = manualSim({ jobDelayMs: 0 });
  const warnings: string[] = [];
  const r = await client(sim, { groupToken: undefined, onWarning: (w) => warnings.push(w) }).uploadManifest(SBOM);
  assert.deepEqual(warnings, [
    'No group token is configured. Upload target will be "Private Workspace"',
    'A folder token is configured without a group token: Private Workspace ignores folders',
  ]);
  assert.equal(r.group_token, sim.state.users.get('user@example.com')!.privateWorkspace);
  assert.equal(r.folder_token, null);
});
