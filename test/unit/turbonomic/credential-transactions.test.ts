/**
 * Credential files are transactional (issue 8 §6): concurrent creators never both win, a
 * replacement that fails at any step leaves the old key + credential pair decryptable, and every
 * failure is a CredentialError, never a raw EISDIR/ENOENT.
 */
import assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import type { CliIo } from '../../../src/cli/io.js';
import { createTurboCommands } from '../../../src/cli/commands/turbo.js';
import { ConfigError } from '../../../src/core/index.js';
import { Credential, CredentialError } from '../../../src/node/index.js';
import { nodeFiles, type CredentialFiles } from '../../../src/node/turbonomic/files.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'opskit-turbo-tx-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const OLD = btoa('old-user:old-secret');
const NEW = btoa('new-user:new-secret');
const paths = (d: string) => ({ keyPath: join(d, '.key'), credPath: join(d, '.cred') });
/** What the pair in `d` decrypts to, read by a fresh Credential on the real file system. */
const stored = (d: string) => new Credential(paths(d)).get();

test('two concurrent creates without overwrite: exactly one succeeds, 10 of 10 trials', async () => {
  for (let trial = 0; trial < 10; trial++) {
    const d = tmp();
    const results = await Promise.allSettled([new Credential(paths(d)).create(OLD), new Credential(paths(d)).create(NEW)]);
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    assert.equal(won.length, 1, `trial ${trial}: ${results.map((r) => r.status).join(', ')}`);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof CredentialError, `trial ${trial}: ${String(lost.reason)}`);
    assert.equal(await stored(d), won[0] === 0 ? OLD : NEW, 'the pair is the winner\'s, whole');
    assert.deepEqual(readdirSync(d).sort(), ['.cred', '.key'], 'no temporary files left');
  }
});

function fakeIo(): { io: CliIo; err: () => string } {
  let err = '';
  return {
    io: {
      stdout: () => {},
      stderr: (t) => void (err += t),
      readStdin: async () => new Uint8Array(),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdoutBytes: () => {},
      env: {},
      readFile: async () => new Uint8Array(),
      writeFile: async () => {},
      waitForStop: () => new Promise(() => {}),
    },
    err: () => err,
  };
}

test('opskit turbo auth create, twice at once without -f: exactly one exits 0, 10 of 10 trials', async () => {
  const groups = { turbo: createTurboCommands({ prompt: async () => '' }) };
  for (let trial = 0; trial < 10; trial++) {
    const base = join(tmp(), 'creds');
    const [a, b] = [fakeIo(), fakeIo()];
    const codes = await Promise.all([
      runCli(['turbo', 'auth', 'create', '-b', base, '-u', 'alice', '-p', 'pw-a'], a.io, groups),
      runCli(['turbo', 'auth', 'create', '-b', base, '-u', 'bob', '-p', 'pw-b'], b.io, groups),
    ]);
    // The loser's file was in the way: a setup mistake, exit 2 as everywhere in opskit.
    assert.deepEqual([...codes].sort(), [0, 2], `trial ${trial}: ${a.err()} ${b.err()}`);
    const loser = codes[0] === 2 ? a : b;
    assert.match(loser.err(), /^opskit: .*(exists; pass overwrite|created by someone else)/);
    assert.ok(!loser.err().includes('pw-'), 'no password in the message');
    const auth = atob(await new Credential({ keyPath: join(base, '.key'), credPath: join(base, '.cred') }).get());
    assert.equal(auth, codes[0] === 0 ? 'alice:pw-a' : 'bob:pw-b');
  }
});

/** Real file operations, recording each call; `fail` makes the call with that index throw instead. */
function injected(fail?: number, error = 'EIO'): { files: CredentialFiles; calls: string[] } {
  const calls: string[] = [];
  const wrap = <K extends keyof CredentialFiles>(op: K): CredentialFiles[K] =>
    (async (...args: unknown[]) => {
      const i = calls.push(`${op} ${args.filter((a) => typeof a === 'string' && a.startsWith('/')).map((a) => (a as string).replace(/^.*\//, '')).join(' → ')}`) - 1;
      if (i === fail) throw Object.assign(new Error(`${error}: injected failure, ${op}`), { code: error });
      return (nodeFiles[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as CredentialFiles[K];
  const files = Object.fromEntries((Object.keys(nodeFiles) as (keyof CredentialFiles)[]).map((op) => [op, wrap(op)])) as unknown as CredentialFiles;
  return { files, calls };
}

/**
 * Files in `d` besides the pair (`expected`). When the failed step was the clean-up of one file
 * (its unlink), that one file may stay: a clean-up that fails cannot clean up.
 */
function leftovers(d: string, failedStep: string | undefined, expected = ['.cred', '.key']): string[] {
  // Temporary names carry a random part, different in every run.
  const shape = (name: string) => name.replace(/\.[0-9a-f]{8}-[0-9a-f]{4}\./, '.*.');
  const cleanup = /^unlink (\S+)$/.exec(failedStep ?? '')?.[1];
  const left = readdirSync(d).filter((f) => !expected.includes(f));
  const kept = left.findIndex((f) => cleanup !== undefined && shape(f) === shape(cleanup));
  return left.filter((_, i) => i !== kept);
}

test('a replacement that fails at any single step leaves the old pair decryptable (or the whole new one)', async () => {
  // Record the steps of one successful replacement, then fail each of them in turn.
  const probe = tmp();
  await new Credential(paths(probe)).create(OLD);
  const trace = injected();
  await new Credential({ ...paths(probe), files: trace.files }).create(NEW, { overwrite: true });
  assert.equal(await stored(probe), NEW);
  const steps = trace.calls;
  for (const op of ['writeNew', 'link', 'rename']) assert.ok(steps.some((s) => s.startsWith(op)), `a replacement uses ${op}: ${steps.join('; ')}`);

  for (let i = 0; i < steps.length; i++) {
    for (const code of ['EIO', 'EISDIR', 'ENOENT']) {
      const d = tmp();
      await new Credential(paths(d)).create(OLD);
      const before = readFileSync(join(d, '.key'), 'utf8');
      const { files } = injected(i, code);
      const outcome = await new Credential({ ...paths(d), files }).create(NEW, { overwrite: true }).then(
        () => 'replaced',
        (e: unknown) => e,
      );
      const now = await stored(d);
      if (outcome === 'replaced') {
        assert.equal(now, NEW, `step ${i} (${steps[i]}) failed quietly: the new pair is whole`);
      } else {
        assert.ok(outcome instanceof CredentialError, `step ${i} (${steps[i]}) ${code}: ${String(outcome)}`);
        assert.ok(!(outcome as Error).message.includes('secret'), (outcome as Error).message);
        assert.equal(now, OLD, `step ${i} (${steps[i]}) ${code}: the old pair still decrypts`);
        assert.equal(readFileSync(join(d, '.key'), 'utf8'), before);
      }
      assert.deepEqual(leftovers(d, steps[i]), [], `step ${i} (${steps[i]}): temporary, backup and lock files are gone`);
    }
  }
});

test('when the old key cannot be put back either, the error says where it is, and it is there', async () => {
  const d = tmp();
  await new Credential(paths(d)).create(OLD);
  // The renames of a replacement: key into place, credential into place, then (on failure) the key back.
  const probe = tmp();
  await new Credential(paths(probe)).create(OLD);
  const steps = injected();
  await new Credential({ ...paths(probe), files: steps.files }).create(NEW, { overwrite: true });
  const credRename = steps.calls.findIndex((c) => /^rename .*\.tmp → \.cred$/.test(c));
  assert.ok(credRename > 0, steps.calls.join('; '));
  const calls: string[] = [];
  const files: CredentialFiles = {
    ...nodeFiles,
    rename: async (from, to) => {
      calls.push(to);
      if (to.endsWith('.cred') || calls.length > 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
      return nodeFiles.rename(from, to);
    },
  };
  const err = await new Credential({ ...paths(d), files }).create(NEW, { overwrite: true }).catch((e: unknown) => e);
  assert.ok(err instanceof CredentialError, String(err));
  const backup = /the old key is in (\S+): rename it to/.exec(err.message)?.[1];
  assert.ok(backup, err.message);
  await fsp.rename(backup, join(d, '.key'));
  assert.equal(await stored(d), OLD, 'following the message restores the old pair');
});

test('the issue\'s case: the credential rename fails with EISDIR after the key was replaced; the old pair survives', async () => {
  const d = tmp();
  await new Credential(paths(d)).create(OLD);
  // Make the real fs.promises.rename fail for the credential file only (as when it became a folder).
  const fsCjs = createRequire(import.meta.url)('node:fs/promises') as typeof fsp;
  const original = fsCjs.rename;
  fsCjs.rename = async (from, to) => {
    if (String(to) === join(d, '.cred')) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${String(from)}' -> '${String(to)}'`), { code: 'EISDIR' });
    return original(from, to);
  };
  syncBuiltinESMExports();
  let err: unknown;
  try {
    err = await new Credential(paths(d)).create(NEW, { overwrite: true }).catch((e: unknown) => e);
  } finally {
    fsCjs.rename = original;
    syncBuiltinESMExports();
  }
  assert.ok(err instanceof CredentialError, `a typed error, not a raw one: ${String(err)}`);
  assert.match(err.message, /cannot replace .*\.cred \(EISDIR\); the old key was put back/);
  assert.equal(await stored(d), OLD);
  assert.deepEqual(readdirSync(d).sort(), ['.cred', '.key']);
});

test('a create that fails at any single step writes nothing (or everything)', async () => {
  const probe = tmp();
  const trace = injected();
  await new Credential({ ...paths(probe), files: trace.files }).create(NEW);
  assert.ok(trace.calls.filter((c) => /^(writeNew|link) /.test(c)).length >= 4, `a create stages and links both files: ${trace.calls.join('; ')}`);
  for (let i = 0; i < trace.calls.length; i++) {
    const d = tmp();
    const outcome = await new Credential({ ...paths(d), files: injected(i).files }).create(NEW).then(
      () => 'created',
      (e: unknown) => e,
    );
    if (outcome === 'created') {
      assert.equal(await stored(d), NEW, `step ${i} (${trace.calls[i]})`);
      assert.deepEqual(leftovers(d, trace.calls[i]), [], `step ${i} (${trace.calls[i]})`);
    } else {
      assert.ok(outcome instanceof CredentialError, `step ${i} (${trace.calls[i]}): ${String(outcome)}`);
      assert.deepEqual(leftovers(d, trace.calls[i], []), [], `step ${i} (${trace.calls[i]}): nothing left behind`);
    }
  }
});

test('folders where files belong, unreadable files: CredentialError, never a raw EISDIR; nothing written', async () => {
  const d = tmp();
  await new Credential(paths(d)).create(OLD);
  const cred = join(d, 'dir.cred');
  mkdirSync(cred);
  const key = readFileSync(join(d, '.key'), 'utf8');
  for (const overwrite of [false, true]) {
    const err = await new Credential({ keyPath: join(d, '.key'), credPath: cred }).create(NEW, { overwrite }).catch((e: unknown) => e);
    assert.ok(err instanceof CredentialError, String(err));
    assert.match(err.message, /dir\.cred is not a regular file/);
  }
  assert.equal(readFileSync(join(d, '.key'), 'utf8'), key, 'the key was not replaced');
  const readDir = await new Credential({ keyPath: join(d, '.key'), credPath: cred }).get().catch((e: unknown) => e);
  assert.ok(readDir instanceof CredentialError && /cannot read credential file .*dir\.cred \(EISDIR\)/.test(readDir.message), String(readDir));
  const keyDir = await new Credential({ keyPath: d, credPath: join(d, '.cred') }).get().catch((e: unknown) => e);
  assert.ok(keyDir instanceof CredentialError, String(keyDir));
  writeFileSync(join(d, 'file'), 'x');
  const notDir = await new Credential({ keyPath: join(d, 'file', '.key'), credPath: join(d, 'file', '.cred') }).create(NEW).catch((e: unknown) => e);
  assert.ok(notDir instanceof CredentialError && /ENOTDIR|EEXIST/.test(notDir.message), String(notDir));
  assert.equal(await stored(d), OLD);
});

test('two concurrent replacements: the pair left is one of them, whole', async () => {
  for (let trial = 0; trial < 10; trial++) {
    const d = tmp();
    await new Credential(paths(d)).create(OLD);
    const messages = [NEW, btoa('third:pw')];
    const results = await Promise.allSettled(messages.map((m) => new Credential(paths(d)).create(m, { overwrite: true })));
    const won = messages.filter((_, i) => results[i]?.status === 'fulfilled');
    assert.ok(won.length >= 1, `trial ${trial}`);
    for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof CredentialError, String(r.reason));
    assert.ok(won.includes(await stored(d)), `trial ${trial}: the pair decrypts to a writer that succeeded`);
    assert.deepEqual(readdirSync(d).sort(), ['.cred', '.key']);
  }
});

test('Credential options are checked: upstream names get the opskit name', () => {
  assert.throws(() => new Credential({ key: '/tmp/k' } as never), (e: unknown) => e instanceof ConfigError && /unknown option "key"; did you mean "keyPath"\?/.test(e.message));
  assert.throws(() => new Credential({ cred_file: '/tmp/c' } as never), /did you mean "credPath"/);
  return assert.rejects(new Credential(paths(tmp())).create(OLD, { force: true } as never), /Credential\.create\(\): unknown option "force"/);
});
