// Issue 12 (Timesys): `opskit vigiles` accepts every command line the upstream `vigiles` CLI
// accepts: `cves set_status --groups/--manifests` (argparse nargs='*'), argparse's unique-prefix
// abbreviations of long options, and `--upstream-retry` reports each retry like upstream.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { vigilesTree } from '../../../src/cli/commands/vigiles.js';
import { runVigiles } from '../../../src/cli/commands/vigiles/dispatch.js';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import type { TimesysSim } from '../../../src/sim/timesys/index.js';
import { Llapi } from '../../../src/timesys/index.js';
import { captureIo } from './cli-helpers.js';
import { timesysSim } from './helpers.js';

describe('opskit vigiles takes upstream command lines', () => {
  let sim: TimesysSim;
  let server: ServedSim;
  let dir: string;
  let key: string;
  let dash: string;
  let manifest: string;

  before(async () => {
    sim = timesysSim({ jobDelayMs: 0 });
    server = await serve(sim);
    dir = await mkdtemp(join(tmpdir(), 'opskit-vigiles-compat-'));
    key = join(dir, 'linuxlink_key');
    dash = join(dir, 'dashboard_config');
    await writeFile(key, sim.keyFile(server.url));
    await writeFile(dash, sim.dashboardConfig());
    await writeFile(join(dir, 'sbom.txt'), 'openssl 1.1.1k\n');
    const llapi = new Llapi({ ...sim.credentials, url: server.url });
    manifest = ((await llapi.uploadManifest('openssl 1.1.1k\n', { uploadOnly: true })) as { manifest_token: string }).manifest_token;
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function vigiles(args: string[], expectCode = 0) {
    const cap = captureIo();
    const code = await runCli(['vigiles', '-k', key, '-d', dash, ...args], cap.io);
    assert.equal(code, expectCode, `vigiles ${args.join(' ')} → ${code}\n${cap.stderr()}`);
    return { json: code === 0 && /^[[{]/.test(cap.stdout()) ? JSON.parse(cap.stdout()) : undefined, stderr: cap.stderr() };
  }
  const lastStatus = () => sim.state.vulnStatuses.at(-1)!;

  test('cves set_status --groups G… and --manifests M… (upstream spellings, nargs=*)', async () => {
    const { groupToken } = sim.credentials as { groupToken: string };
    const other = await new Llapi({ ...sim.credentials, url: server.url }).createGroup('Other');
    await vigiles(['cves', 'set_status', 'group', 'CVE-2022-0778', 'openssl', 'in_triage', '--groups', groupToken, other.token]);
    assert.deepEqual(lastStatus().groupTokens, [groupToken, other.token]);
    await vigiles(['cves', 'set_status', 'manifest', 'CVE-2022-0778', 'openssl', 'not_affected', '-j', 'code_not_present', '--manifests', manifest]);
    assert.deepEqual(lastStatus().manifestTokens, [manifest]);
    // `-g` with no token (nargs='*'): the configured group, as upstream.
    await vigiles(['cves', 'set_status', 'group', 'CVE-2022-0778', 'openssl', 'resolved', '-g']);
    assert.deepEqual(lastStatus().groupTokens, [groupToken]);
    // opskit's earlier spellings still work.
    await vigiles(['cves', 'set_status', 'group', 'CVE-2022-0778', 'openssl', 'resolved', '--group-tokens', other.token]);
    assert.deepEqual(lastStatus().groupTokens, [other.token]);
  });

  test('argparse abbreviations: unique prefixes of long options (--manifest, --filter, --det, --dry)', async () => {
    const up = await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '--manifest', 'board', '--filter']);
    const token = up.json.manifest_token as string;
    assert.equal(sim.state.manifests.get(token)?.name, 'board');
    const only = await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '--upload']);
    assert.deepEqual(Object.keys(only.json).sort(), ['folder_token', 'group_token', 'manifest_token'], '--upload is --upload-only');
    const latest = await vigiles(['manifest', 'latest-report', token, '--filter', '--extra', 'published']);
    assert.equal(typeof latest.json.cves.openssl[0].published, 'string');
    await vigiles(['cves', 'set_status', 'manifest', 'CVE-2022-0778', 'openssl', 'exploitable', '--det', 'why not', '--man', manifest]);
    assert.equal(lastStatus().detail, 'why not');
    assert.deepEqual(lastStatus().manifestTokens, [manifest]);
    // Global options before the command: --dry for --dry-run, --u for --url (not ambiguous with opskit's --upstream-retry).
    const dry = await vigiles(['--dry', '--u', 'https://vigiles.example', 'heartbeat']);
    assert.equal(dry.json.url, 'https://vigiles.example/api/v1/vigiles/heartbeat');
    assert.match(dry.stderr, /Dry Run mode is enabled/);
  });

  test('an ambiguous or unknown abbreviation is a usage error (exit 2), like argparse', async () => {
    const amb = await vigiles(['--d', 'x', 'heartbeat'], 2);
    assert.match(amb.stderr, /ambiguous option: --d could match --dry-run, --dash-config/);
    const unknown = await vigiles(['heartbeat', '--nope'], 2);
    assert.match(unknown.stderr, /unrecognized argument: --nope/);
    const help = captureIo();
    assert.equal(await runCli(['vigiles', 'cves', 'set_status', '--he'], help.io), 0);
    assert.match(help.stdout(), /-g, --groups, --group-tokens, --group_tokens TOKEN/);
  });

  test('--upstream-retry prints "(n of 5) … retrying in 5 seconds" on stderr before each retry; stdout is the result', async () => {
    sim.faults.inject({ kind: 'status', status: 503, times: 2 });
    const sleeps: number[] = [];
    const cap = captureIo();
    const code = await runVigiles(['--upstream-retry', '-k', key, 'heartbeat'], cap.io, vigilesTree, {
      sleep: async (ms) => void sleeps.push(ms),
    });
    assert.equal(code, 0, cap.stderr());
    assert.deepEqual(JSON.parse(cap.stdout()), { ok: true });
    assert.deepEqual(sleeps, [5000, 5000]);
    assert.deepEqual(
      cap.stderr().split('\n').filter((l) => l.includes('retrying')),
      ['(1 of 5) Unable to connect to Vigiles Servers, retrying in 5 seconds', '(2 of 5) Unable to connect to Vigiles Servers, retrying in 5 seconds'],
    );
  });

  test('without --upstream-retry a POST is not retried, and nothing is printed about retrying', async () => {
    sim.faults.inject({ kind: 'status', status: 503, times: 1 });
    const cap = captureIo();
    const sleeps: number[] = [];
    const run = runVigiles(['-k', key, '-d', dash, 'cves', 'set_status', 'group', 'CVE-2022-0778', 'openssl', 'resolved'], cap.io, vigilesTree, {
      sleep: async (ms) => void sleeps.push(ms),
    });
    await assert.rejects(run, /setStatus failed with HTTP 503/);
    assert.deepEqual(sleeps, []);
    assert.doesNotMatch(cap.stderr(), /retrying/);
  });
});
