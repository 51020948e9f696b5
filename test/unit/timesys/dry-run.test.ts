import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDryRunRequest } from '../../../src/core/index.js';
import { Llapi } from '../../../src/timesys/index.js';
import { noFetch } from './helpers.js';

const KEY = 'dry-run-secret-key-0123';
const USER = { email: 'user@example.com', key: KEY };

test('dry run: common fields plus data (email last, native values) and hmacMsg; nothing is sent', async () => {
  const llapi = new Llapi({ ...USER, groupToken: 'G1', folderToken: 'F1', dryRun: true, fetch: noFetch });
  const r = (await llapi.uploadManifest('openssl 1.1.1k\n', { manifestName: 'img', extraFields: ['published'], ecosystems: 'PyPI' })) as unknown as Record<string, unknown>;
  assert.ok(isDryRunRequest(r));
  assert.equal(r.op, 'uploadManifest');
  assert.equal(r.method, 'POST');
  assert.deepEqual(r.data, {
    manifest: 'openssl 1.1.1k\n', filter_results: false, upload_only: false, manifest_name: 'img', with_field: ['published'],
    ecosystems: 'PyPI', folder_token: 'F1', group_token: 'G1', async: true, email: 'user@example.com',
  });
  assert.equal(
    r.hmacMsg,
    'POST/api/v1/vigiles/manifestsasync=True&ecosystems=PyPI&email=user@example.com&filter_results=False&folder_token=F1&group_token=G1&manifest=openssl 1.1.1k\n&manifest_name=img&upload_only=False&with_field=published',
  );
  assert.equal(r.signed, r.hmacMsg);
});

test('dry run hides the signature and the key unless reveal: true', async () => {
  const hidden = (await new Llapi({ ...USER, dryRun: true, fetch: noFetch }).heartbeat()) as unknown as Record<string, unknown>;
  const shown = (await new Llapi({ ...USER, dryRun: true, reveal: true, fetch: noFetch }).heartbeat()) as unknown as Record<string, unknown>;
  const sig = (shown.headers as Record<string, string>)['x-auth-signature'] as string;
  assert.match(sig, /^[A-Za-z0-9+/]{43}=$/);
  assert.equal((hidden.headers as Record<string, string>)['x-auth-signature'], '[REDACTED]');
  const text = JSON.stringify(hidden);
  assert.ok(!text.includes(sig) && !text.includes(KEY));
  // A parameter that happens to hold the key is scrubbed too.
  const leak = (await new Llapi({ ...USER, dryRun: true, fetch: noFetch }).createGroup(KEY)) as unknown as Record<string, unknown>;
  assert.ok(!JSON.stringify(leak).includes(KEY));
  assert.equal((leak.data as Record<string, unknown>).group_name, '[REDACTED]');
});

test('dry run of downloads and multi-step calls stops at the first request', async () => {
  const llapi = new Llapi({ ...USER, dryRun: true, fetch: noFetch });
  const dl = (await llapi.downloadReport('R1', 'cyclonedx-vex')) as unknown as Record<string, unknown>;
  assert.equal(dl.url, 'https://vigiles.lynx.com/api/v1/vigiles/reports/R1?email=user%40example.com&filtered=False&format=cyclonedx-vex&sbom_format=json&sbom_version=1.7');
  const file = (await llapi.getManifestFile('M1')) as unknown as Record<string, unknown>;
  assert.equal(file.op, 'getManifestFile');
  assert.match(file.hmacMsg as string, /send_file=True/);
  const rescan = (await llapi.rescanManifest('M1')) as unknown as Record<string, unknown>;
  assert.equal(rescan.body, 'manifest=M1&rescan_only=False&filtered=False&async=True&email=user%40example.com');
  assert.equal(llapi.dryRun, true);
  assert.ok(llapi instanceof Llapi);
});
