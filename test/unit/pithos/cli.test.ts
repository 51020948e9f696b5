// `opskit kamaki file …` in process (runCli with an in-memory io) against the served Synnefo simulator,
// whose object-store endpoint is the Pithos service: upload with progress, dedup, download with resume,
// cat (exact bytes), listings, sharing, versions, limits, groups, and no token in any output.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim } from '../../../src/sim/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { pattern } from './helpers.js';

let sim: ReturnType<typeof createSim<'synnefo'>>;
let served: ServedSim;
let rc: string;
let dir: string;

before(async () => {
  sim = createSim('synnefo', { seed: 51, users: [{ name: 'owner@example.org' }, { name: 'friend@example.org' }] } as never);
  served = await serve(sim);
  const [u1] = sim.users;
  rc = `[global]\ndefault_cloud = sim\n\n[cloud "sim"]\nurl = ${served.url}/identity/v2.0\ntoken = ${u1!.token}\n`;
  dir = await mkdtemp(join(tmpdir(), 'opskit-file-cli-'));
});
after(async () => {
  await served.close();
  await rm(dir, { recursive: true, force: true });
});

async function kamaki(...args: string[]) {
  const chunks: Uint8Array[] = [];
  const f = fakeIo({ env: { HOME: '/home/test' }, files: { '/home/test/.kamakirc': rc } });
  (f.io as unknown as { stdoutBytes: (b: Uint8Array) => void }).stdoutBytes = (b) => void chunks.push(b.slice());
  const code = await runCli(['kamaki', ...args], f.io);
  const out = f.stdout();
  const err = f.stderr();
  for (const u of sim.users) assert.ok(!out.includes(u.token) && !err.includes(u.token), `a token was printed by ${args.join(' ')}`);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { code, out, err, bytes, json: () => JSON.parse(out.trim().split('\n').pop() as string) as any };
}

test('file upload (progress, dedup) / download (resume) / cat (exact bytes) / list / info / delete', async () => {
  const data = pattern(9 * 1024 * 1024 + 17, 3); // three 4 MiB blocks
  const local = join(dir, 'data.bin');
  await writeFile(local, data);
  const mk = await kamaki('file', 'upload', local, '/pithos/dir/data.bin', '--content-type', 'application/x-test', '--meta', 'k=v', '--threads', '2', '--progress');
  assert.equal(mk.code, 0, mk.err);
  assert.match(mk.err, /upload dir\/data\.bin: hashing 100%/, '--progress: a line per 10 % in a pipe');
  assert.match(mk.err, /upload dir\/data\.bin: uploading 100%/);
  assert.equal(mk.json().blocksSent, 3);
  const again = await kamaki('file', 'upload', local, 'copy.bin', '--no-progress');
  assert.equal(again.json().bytesSent, 0, 'deduplicated');
  assert.equal(again.err, '');
  const listed = await kamaki('file', 'list', '/pithos');
  assert.deepEqual(listed.json(), ['copy.bin', 'dir/data.bin']);
  assert.deepEqual((await kamaki('file', 'list', '/pithos', '--delimiter', '/')).json(), ['copy.bin', 'dir/']);
  assert.deepEqual((await kamaki('file', 'list')).json(), ['pithos']);
  const info = (await kamaki('file', 'info', '/pithos/dir/data.bin')).json();
  assert.equal(info['content-type'], 'application/x-test');
  assert.equal(info['x-object-meta-k'], 'v');
  const target = join(dir, 'back.bin');
  const dl = await kamaki('file', 'download', '/pithos/dir/data.bin', target, '--progress');
  assert.equal(dl.code, 0, dl.err);
  assert.match(dl.err, /download dir\/data\.bin: downloading 100%/);
  assert.deepEqual(new Uint8Array(await readFile(target)), data);
  await writeFile(target, data.subarray(0, 4 * 1024 * 1024 + 10));
  const resumed = await kamaki('file', 'download', '/pithos/dir/data.bin', target, '--resume', '--no-progress');
  assert.equal(resumed.json().bytesFetched, data.length - 4 * 1024 * 1024);
  assert.deepEqual(new Uint8Array(await readFile(target)), data);
  const cat = await kamaki('file', 'cat', 'dir/data.bin', '--range', '4194300-4194310');
  assert.equal(cat.code, 0, cat.err);
  assert.deepEqual(cat.bytes, data.slice(4194300, 4194311));
  assert.equal(cat.out, '', 'bytes go to the binary stdout, nothing else');
  assert.equal((await kamaki('file', 'delete', 'copy.bin')).code, 0);
  assert.equal((await kamaki('file', 'info', 'copy.bin')).code, 1);
  assert.equal((await kamaki('file', 'upload')).code, 2);
});

test('file mkdir/create/copy/move/append/truncate/publish/unpublish/permissions/versions/containerlimit/quota/group/sharers', async () => {
  const friend = sim.users[1]!.uuid;
  const small = join(dir, 'small.txt');
  await writeFile(small, 'hello');
  assert.equal((await kamaki('file', 'mkdir', 'docs')).code, 0);
  assert.equal((await kamaki('file', 'create', 'docs/empty', '--content-type', 'text/plain')).code, 0);
  assert.equal((await kamaki('file', 'upload', small, 'docs/a.txt', '--no-progress')).code, 0);
  assert.equal((await kamaki('file', 'append', 'docs/a.txt', small, '--no-progress')).json()['content-length'], '10');
  assert.equal((await kamaki('file', 'truncate', 'docs/a.txt', '7')).code, 0);
  assert.equal(new TextDecoder().decode((await kamaki('file', 'cat', 'docs/a.txt')).bytes), 'hellohe');
  assert.equal((await kamaki('file', 'copy', 'docs/a.txt', 'docs/b.txt')).code, 0);
  assert.equal((await kamaki('file', 'move', 'docs/b.txt', 'docs/c.txt')).code, 0);
  assert.deepEqual((await kamaki('file', 'list', '/pithos/docs/')).json(), ['docs/a.txt', 'docs/c.txt', 'docs/empty']);
  const url = (await kamaki('file', 'publish', 'docs/a.txt')).json().url as string;
  assert.equal(await (await fetch(url)).text(), 'hellohe');
  assert.equal((await kamaki('file', 'unpublish', 'docs/a.txt')).code, 0);
  assert.equal((await fetch(url)).status, 404);
  assert.deepEqual((await kamaki('file', 'permissions', 'set', 'docs', `read=${friend}`)).json(), { read: friend });
  assert.deepEqual((await kamaki('file', 'permissions', 'get', 'docs')).json(), { read: friend });
  assert.deepEqual((await kamaki('file', 'permissions', 'delete', 'docs')).json(), {});
  assert.equal((await kamaki('file', 'permissions', 'frob', 'docs')).code, 2);
  assert.equal((await kamaki('file', 'versions', 'docs/a.txt')).json().length, 3);
  assert.deepEqual((await kamaki('file', 'containerlimit', 'set', '1000000000')).json(), { 'x-container-policy-quota': '1000000000' });
  assert.deepEqual((await kamaki('file', 'containerlimit', 'get', '/pithos')).json(), { 'x-container-policy-quota': '1000000000' });
  assert.ok('x-account-bytes-used' in (await kamaki('file', 'quota')).json());
  assert.deepEqual((await kamaki('file', 'group', 'create', 'team', friend)).json(), { 'x-account-group-team': friend });
  assert.deepEqual((await kamaki('file', 'group', 'delete', 'team')).json(), {});
  assert.deepEqual((await kamaki('file', 'sharers')).json(), []);
  const dry = await kamaki('file', 'info', 'docs/a.txt', '--dry-run');
  assert.equal(dry.json().method, 'HEAD');
  assert.equal((await kamaki('file', 'delete', '/pithos', '-r')).code, 0);
});
