// opskit/node's file helpers: a file path as upload source (resumable, deduplicated) and as download
// destination (atomic without resume, in place with resume).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { downloadFile, uploadFile } from '../../../src/node/index.js';
import { PithosClient } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, pithosSetup } from './helpers.js';

let dir = '';
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('uploadFile / downloadFile round trip; a second upload sends nothing; resume fetches only what is missing', async () => {
  dir = await mkdtemp(join(tmpdir(), 'opskit-pithos-'));
  const { sim, client } = await pithosSetup();
  const data = pattern(25 * KiB + 3, 2);
  const src = join(dir, 'src.bin');
  await writeFile(src, data);
  const up = await uploadFile(client, 'file.bin', src, { contentType: 'application/x-test' });
  assert.equal(up.blocksSent, 7);
  assert.equal((await uploadFile(client, 'file.bin', src)).blocksSent, 0);
  const dst = join(dir, 'dst.bin');
  await downloadFile(client, 'file.bin', dst);
  assert.deepEqual(new Uint8Array(await readFile(dst)), data);
  await writeFile(dst, data.subarray(0, 12 * KiB));
  const r = await downloadFile(client, 'file.bin', dst, { resume: true });
  assert.equal(r.bytesFetched, data.length - 12 * KiB);
  assert.deepEqual(new Uint8Array(await readFile(dst)), data);
  // A failed download leaves no partial file behind under either name.
  const failing = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: async (req: Request) => (/hashmap/.test(req.url) || req.method !== 'GET' ? sim.fetch(req) : Promise.reject(new TypeError('reset'))), retry: false });
  await assert.rejects(downloadFile(failing, 'file.bin', join(dir, 'never.bin')), /reset/);
  assert.deepEqual((await readdir(dir)).sort(), ['dst.bin', 'src.bin']);
  await assert.rejects(uploadFile(client, 'x', join(dir, 'missing.bin')), /cannot read .*missing\.bin: ENOENT/);
});
