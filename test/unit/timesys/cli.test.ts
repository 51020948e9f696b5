import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { vigilesTree } from '../../../src/cli/commands/vigiles.js';
import { isBranch, type Node } from '../../../src/cli/commands/vigiles/tree.js';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import type { TimesysSim } from '../../../src/sim/timesys/index.js';
import { Llapi } from '../../../src/timesys/index.js';
import { captureIo, root, spawnCli } from './cli-helpers.js';
import { timesysSim } from './helpers.js';

/** Every leaf command path of the tree, e.g. `group settings update`. */
function leaves(node: Node, prefix: string[] = []): string[] {
  return isBranch(node) ? Object.entries(node.children).flatMap(([k, n]) => leaves(n, [...prefix, k])) : [prefix.join(' ')];
}

describe('opskit vigiles', () => {
  let sim: TimesysSim;
  let server: ServedSim;
  let dir: string;
  let key: string;
  let dash: string;
  const ran = new Set<string>();

  before(async () => {
    // Jobs finish on their first poll, so the CLI's 1 s poll interval never sleeps.
    sim = timesysSim({ jobDelayMs: 0 });
    server = await serve(sim);
    dir = await mkdtemp(join(tmpdir(), 'opskit-vigiles-'));
    key = join(dir, 'linuxlink_key');
    dash = join(dir, 'dashboard_config');
    await writeFile(key, sim.keyFile(server.url));
    await writeFile(dash, sim.dashboardConfig(true));
    await writeFile(join(dir, 'sbom.txt'), 'openssl 1.1.1k\r\nbusybox 1.35.0\r\n');
    await writeFile(join(dir, 'kconfig'), 'CONFIG_NET=y\n');
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** `opskit vigiles -k KEY -d DASH <args>` in process; the parsed JSON output (or raw text). */
  async function vigiles(args: string[], expectCode = 0, env: Record<string, string> = {}) {
    const cap = captureIo(env);
    const code = await runCli(['vigiles', '-k', key, '-d', dash, ...args], cap.io);
    assert.equal(code, expectCode, `vigiles ${args.join(' ')} → ${code}\n${cap.stderr()}`);
    const words = args.filter((a) => !a.startsWith('-'));
    for (let n = 3; n >= 1; n--) if (leaves(vigilesTree).includes(words.slice(0, n).join(' '))) { ran.add(words.slice(0, n).join(' ')); break; }
    const text = cap.stdout();
    const json = code === 0 && /^[[{]/.test(text) ? JSON.parse(text) : undefined;
    return { json, text, stderr: cap.stderr(), bytes: cap.bytes() };
  }

  test('every command of the upstream CLI, in process, against the served simulator', async () => {
    const { groupToken, folderToken } = sim.credentials;
    assert.match((await vigiles(['version'])).json.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual((await vigiles(['heartbeat'])).json, { ok: true });
    assert.deepEqual((await vigiles(['test'])).json, { ok: true });
    assert.equal(typeof (await vigiles(['about'])).json.database_version, 'string');

    // manifests
    const up = await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '-n', 'board', '-k', join(dir, 'kconfig'), '-e', 'published, assigner', '-E', 'PyPI, npm', '-S', 'weekly', '-s', 'nightly', '--progress']);
    const m = up.json.manifest_token as string;
    assert.equal(up.json.manifest_name, 'board');
    assert.equal(sim.state.manifests.get(m)?.text, 'openssl 1.1.1k\nbusybox 1.35.0\n', 'read in text mode: CRLF became LF');
    assert.equal(sim.state.manifests.get(m)?.kernelConfig, 'CONFIG_NET=y\n');
    assert.equal(sim.state.manifests.get(m)?.ecosystems, 'PyPI,npm');
    assert.match(up.stderr, /^Vigiles job \w+: succeeded \(\d+\.\d s\)$/m, 'job progress: a line per change with --progress in a pipe');
    const nightly = sim.state.manifests.get(m)!.folderToken!;
    assert.equal(sim.state.folders.get(nightly)?.name, 'nightly');
    assert.deepEqual((await vigiles(['manifest', 'list'])).json, []);
    assert.equal((await vigiles(['manifest', 'info', m, '-f', 'spdx', '-v', '2.3'])).json.manifest_data.spdxVersion, 'SPDX-2.3');
    const file = join(dir, 'sbom.out');
    await vigiles(['manifest', 'download', m, '-o', file]);
    assert.equal(await readFile(file, 'utf8'), 'openssl 1.1.1k\nbusybox 1.35.0\n');
    const dl = await vigiles(['manifest', 'download', m, '--stdout']);
    assert.equal(new TextDecoder().decode(dl.bytes[0]), 'openssl 1.1.1k\nbusybox 1.35.0\n');
    assert.match((await vigiles(['manifest', 'download', m], 2)).stderr, /one of the arguments -o\/--outfile --stdout is required/);
    const rescan = await vigiles(['manifest', 'rescan', m, '-f', '-e', 'description', '--timeout', '30']);
    assert.equal(typeof rescan.json.cves.openssl[0].description, 'string');
    assert.deepEqual(Object.keys((await vigiles(['manifest', 'rescan', m, '-o'])).json).sort(), ['folder_token', 'group_token', 'manifest_token', 'report_token']);
    assert.equal((await vigiles(['manifest', 'rescan', m, '--return-job'])).json.status, 'queued');
    const latest = await vigiles(['manifest', 'latest-report', m, '-f']);
    assert.equal(latest.json.group_path, 'Product A / Release 1 / nightly');
    const reports = (await vigiles(['manifest', 'reports', m])).json.reports as { report_token: string }[];
    assert.ok(reports.length >= 3);
    assert.deepEqual((await vigiles(['manifest', 'custom-score', 'set', m, '-p', 'openssl', '--cve-id', 'CVE-2021-3711', '-s', '6.5'])).json, { success: true, message: 'Custom score saved' });
    assert.equal(sim.state.customScores.at(-1)?.version, null, 'the CLI sends package_version="" as upstream does');
    await vigiles(['manifest', 'custom-score', 'set', m, '-p', 'openssl', '--cve-id', 'CVE-2021-3711', '-s', '6.6', '--verison', '1.1.1k']);
    assert.equal(sim.state.customScores.at(-1)?.version, '1.1.1k');
    const copy = await vigiles(['manifest', 'copy', m, '-g', groupToken, '-i']);
    assert.match(copy.json.message, /Copied 1/, copy.text);
    const copied = [...sim.state.manifests.keys()].find((t) => t !== m)!;
    await vigiles(['manifest', 'move', copied, '-f', folderToken]);
    assert.equal(sim.state.manifests.get(copied)?.folderToken, folderToken);
    assert.match((await vigiles(['manifest', 'move', copied], 2)).stderr, /-g\/--group-token -f\/--folder-token is required/);
    const exportPath = join(dir, 'export.txt');
    const exported = await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '--export-format', 'cyclonedx-vex', '--export-path', exportPath, '--cyclonedx-format', 'xml']);
    assert.equal(exported.json.exportedReport, undefined);
    assert.match(await readFile(join(dir, 'export.xml'), 'utf8'), /^<\?xml/);
    assert.match((await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '--export-path', dir, '--export-format', 'pdf'], 2)).stderr, /is a directory/);
    assert.deepEqual(Object.keys((await vigiles(['manifest', 'upload', join(dir, 'sbom.txt'), '-o'])).json), ['manifest_token', 'group_token', 'folder_token']);

    // reports
    const r1 = reports[0]!.report_token;
    const r2 = reports.at(-1)!.report_token;
    const pdf = await vigiles(['report', 'download', 'pdf', r1, '--stdout']);
    const expected = await new Llapi({ ...sim.credentials, url: server.url }).downloadReport(r1, 'pdf');
    assert.deepEqual(pdf.bytes[0], expected, 'exact bytes, no newline appended');
    await vigiles(['report', 'download', 'cyclonedx-sbom-vex', r1, '-o', join(dir, 'vex.json'), '-f', '--cyclonedx-version', '1.4']);
    assert.equal(JSON.parse(await readFile(join(dir, 'vex.json'), 'utf8')).specVersion, '1.4');
    assert.match((await vigiles(['report', 'download', 'docx', r1, '--stdout'], 2)).stderr, /Invalid or missing 'format' arg/, 'a bad argument: exit 2');
    assert.deepEqual(Object.keys((await vigiles(['report', 'compare', r1, r2, '-r', '-f', '-n'])).json), ['resolved', 'new']);

    // folders
    const f = await vigiles(['folder', 'create', 'Release 3', '-d', 'third', '-g', groupToken]);
    assert.equal(f.json.group_token, groupToken);
    assert.ok((await vigiles(['folder', 'list', '-f', folderToken])).json.some((x: { folder_name: string }) => x.folder_name === 'Release 3'));
    await vigiles(['folder', 'archive', f.json.folder_token]);
    assert.equal((await vigiles(['folder', 'list', '-a'])).json.length, 1);
    await vigiles(['folder', 'unarchive', f.json.folder_token]);
    assert.match((await vigiles(['folder', 'list', '-g', 'G', '-f', 'F'], 2)).stderr, /not allowed with/);

    // groups
    assert.deepEqual((await vigiles(['group', 'list_active'])).json.map((g: { name: string }) => g.name), ['Product A']);
    assert.equal((await vigiles(['group', 'list_active', '-p'])).json.length, 2);
    const g = (await vigiles(['group', 'create', 'Sub', '-d', 'a subgroup'])).json;
    assert.equal(g.group_type, 'Subgroup');
    assert.equal((await vigiles(['group', 'info', '-s'])).json.subgroups.length, 1);
    assert.equal((await vigiles(['group', 'info', '-g', g.token])).json.name, 'Sub');
    await vigiles(['group', 'archive', g.token]);
    assert.equal((await vigiles(['group', 'list_archived'])).json.length, 1);
    await vigiles(['group', 'unarchive', g.token]);
    await vigiles(['group', 'settings', 'update', '-i', 'PURL', 'CVE Product', '-s', 'on', '-d', 'off', '-j', 'on', '-a', 'on']);
    const settings = (await vigiles(['group', 'settings', 'info'])).json;
    assert.deepEqual([settings.vuln_identifiers, settings.vuln_strict_match, settings.report_dep_vulns, settings.auto_close_jira_issues, settings.generate_vuln_attr_on_date], [['PURL', 'CVE Product'], 'on', 'off', 'on', 'on']);
    await vigiles(['group', 'members', 'add', g.token, '-e', 'qa+1@example.com', '-r', 'user', '-a']);
    await vigiles(['group', 'members', 'update', g.token, '-e', 'qa+1@example.com', '-r', 'admin']);
    assert.deepEqual((await vigiles(['group', 'members', 'list', g.token])).json.group_members.at(-1), { email: 'qa+1@example.com', role: 'admin', allow_access_to_subgroups: true });
    await vigiles(['group', 'members', 'remove', g.token, '-e', 'qa+1@example.com']);
    await vigiles(['group', 'delete', g.token]);

    // CVEs
    assert.deepEqual((await vigiles(['cves', 'search', 'zlib', '-v', '1.2.12', '-i'])).json, ['CVE-2022-37434']);
    assert.deepEqual(Object.keys((await vigiles(['cves', 'info', 'CVE-2023-4911', '-f', 'identifier, epss'])).json), ['identifier', 'epss']);
    await vigiles(['cves', 'set_status', 'manifest', 'CVE-2022-0778', 'openssl', 'not_affected', '-j', 'code_not_present', '-d', 'stripped', '-v', '1.1.1k', '-m', m, copied]);
    await vigiles(['cves', 'set_status', 'group', 'CVE-2022-28391', 'busybox', 'in_triage']);
    assert.equal((await vigiles(['cves', 'status', 'CVE-2022-0778', 'openssl', '1.1.1k', copied])).json.status, 'not_affected');
    const log = (await vigiles(['group', 'activity_log', groupToken, '-t', 'update_vuln_status', '-m', 'api', '-i', 'CVE-2022-0778', '-s', m, '-f', nightly, '-p', 'openssl', '-v', '1.1.1k', '-u', 'user@example.com'])).json;
    assert.equal(log.length, 1);
    assert.equal((await vigiles(['group', 'activity_log', groupToken, '-f', folderToken, '-r', r1])).json.length, 0);

    await vigiles(['manifest', 'delete', copied, '-c']);
    assert.match((await vigiles(['manifest', 'delete', m], 1)).stderr, /HTTP 400.*confirmed=True/);

    assert.deepEqual(leaves(vigilesTree).filter((p) => !ran.has(p)), []);
  });

  test('usage, help and global options', async () => {
    const none = captureIo();
    assert.equal(await runCli(['vigiles'], none.io), 2, 'no command: usage and exit 2, as every opskit group (upstream: 1)');
    assert.match(none.stderr(), /^Usage: opskit vigiles/);
    const help = captureIo();
    assert.equal(await runCli(['vigiles', 'manifest', 'upload', '--help'], help.io), 0);
    assert.match(help.stdout(), /--kernel-config, --kconfig PATH/);
    assert.match((await vigiles(['manifest', 'nope'], 2)).stderr, /invalid choice: 'nope'/);
    assert.match((await vigiles(['cves', 'status', 'CVE-1'], 2)).stderr, /required: PACKAGE, VERSION, MANIFEST/);
    assert.match((await vigiles(['heartbeat', '--bogus'], 2)).stderr, /unrecognized argument: --bogus/);
    assert.match((await vigiles(['group', 'settings', 'update', '-s', 'maybe'], 2)).stderr, /invalid choice: 'maybe'/);
    // LOG_LEVEL=ERROR silences upstream's warnings; -u overrides the key file's server.
    const quiet = await vigiles(['--dry-run', '-u', 'https://elsewhere.example', 'heartbeat'], 0, { LOG_LEVEL: 'ERROR' });
    assert.equal(quiet.stderr, '');
    assert.equal(quiet.json.url, 'https://elsewhere.example/api/v1/vigiles/heartbeat');
    const missing = captureIo();
    assert.equal(await runCli(['vigiles', '-k', join(dir, 'nope'), 'heartbeat'], missing.io), 2, 'a missing key file is a setup mistake');
    assert.match(missing.stderr(), /^opskit: cannot read key file .*nope: no such file; pass -k FILE or set VIGILES_KEY_FILE\n$/);
    const pretty = captureIo({}, { stdoutTty: true });
    await runCli(['vigiles', '-k', key, 'heartbeat'], pretty.io);
    assert.equal(pretty.stdout(), '{\n  "ok": true\n}\n');
    const flat = captureIo({}, { stdoutTty: true });
    await runCli(['vigiles', '-f', '-k', key, 'heartbeat'], flat.io);
    assert.equal(flat.stdout(), '{"ok":true}\n');
  });

  test('as a child process: exit codes, exact bytes on stdout, dry run, sim serve', async () => {
    // A report with binary bytes, to be written to a pipe unchanged.
    const llapi = new Llapi({ ...sim.credentials, url: server.url });
    const r = await llapi.uploadManifest('zlib 1.2.11\n', { pollInterval: 5 });
    // All at once: each child pays tsx's start-up, so in parallel the whole test costs about one.
    const [bad, reveal, usage, insecure, xlsx, served] = await Promise.all([
      spawnCli(['vigiles', '-k', key, '-d', dash, 'manifest', 'info', 'no-such-token']),
      spawnCli(['vigiles', '--dry-run', '--reveal', '-k', key, 'manifest', 'download', 'M1', '--stdout']),
      spawnCli(['vigiles', '-k', key, 'report', 'download']),
      spawnCli(['vigiles', '-i', '-k', key, 'heartbeat']),
      spawnCli(['vigiles', '-k', key, 'report', 'download', 'xlsx', String(r.report_token), '--stdout']),
      simServeThenCli(dir),
    ]);
    assert.equal(bad.code, 1, 'upstream exits 0 on API errors; fixed');
    assert.match(bad.stderr, /^opskit: getManifestInfo failed with HTTP 404 Not Found: Manifest not found: no-such-token\n$/m);
    // A dry-run download prints the plan (upstream crashes on it).
    assert.equal(reveal.code, 0, reveal.stderr);
    const plan = JSON.parse(reveal.stdout.toString()) as Record<string, unknown>;
    assert.equal(plan.op, 'getManifestFile');
    assert.equal(plan.hmacMsg, 'GET/api/v1/vigiles/manifests/M1email=user@example.com&send_file=True');
    assert.equal((plan.headers as Record<string, string>)['x-auth-signature'], 'PXgAAWjh5ndjmA32cb/9coyF0fx68MEYbngwTynQVDs=', 'node:crypto agrees');
    assert.match(reveal.stderr, /WARNING : Dry Run mode is enabled/);
    assert.equal(usage.code, 2);
    assert.equal(insecure.code, 0, insecure.stderr);
    assert.equal(insecure.stdout.toString(), '{"ok":true}\n');
    assert.match(insecure.stderr, /Insecure requests are enabled/);
    assert.equal(xlsx.code, 0, xlsx.stderr);
    assert.deepEqual(new Uint8Array(xlsx.stdout), await llapi.downloadReport(String(r.report_token), 'xlsx'));
    assert.equal(served.code, 0, served.stderr);
    assert.equal(JSON.parse(served.stdout.toString()).name, 'Product A');
  });
});

/** `opskit sim serve timesys`, a key file from what it prints, then `vigiles group info` against it. */
async function simServeThenCli(dir: string): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sim', 'serve', 'timesys'], { cwd: root });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        if (buf.includes('\n')) resolve(buf.split('\n')[0] as string);
      });
      child.on('error', reject);
      child.on('close', (code) => reject(new Error(`sim serve exited with ${code}`)));
    });
    const { url, credentials } = JSON.parse(line) as { url: string; credentials: { email: string; key: string; groupToken: string } };
    await writeFile(join(dir, 'served-key'), JSON.stringify({ email: credentials.email, key: credentials.key, server_url: url }));
    await writeFile(join(dir, 'served-dash'), JSON.stringify({ group: credentials.groupToken }));
    return await spawnCli(['vigiles', '-k', join(dir, 'served-key'), '-d', join(dir, 'served-dash'), 'group', 'info']);
  } finally {
    child.kill('SIGTERM');
  }
}
