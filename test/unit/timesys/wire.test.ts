import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError } from '../../../src/core/index.js';
import { Llapi, llapiOperations } from '../../../src/timesys/index.js';
import { operationOf, servedSim } from './helpers.js';

const SBOM = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  name: 'rootfs',
  packages: [
    { name: 'openssl', versionInfo: '1.1.1k' },
    { name: 'busybox', versionInfo: '1.35.0' },
    { name: 'linux-yocto', versionInfo: '5.15.0' },
    { name: 'glibc', versionInfo: '2.35' },
  ],
});

/** Records which facade methods a test called, so "every method" is checked, not assumed. */
function recording(llapi: Llapi, called: Set<string>): Llapi {
  return new Proxy(llapi, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        called.add(String(prop));
        return v.apply(target, args);
      };
    },
  });
}

test('every facade method against the simulator over real HTTP', async () => {
  await using env = await servedSim({ jobDelayMs: 10 });
  const { sim } = env;
  const called = new Set<string>();
  const llapi = recording(env.client({ retry: false }), called);
  const { groupToken, folderToken } = sim.credentials;
  const opts = { pollInterval: 5 };

  // utilities
  assert.deepEqual(await llapi.heartbeat(), { ok: true });
  assert.match((await llapi.getAppDbVersion()).app_version, /opskit-sim/);

  // manifests: upload (job), info, file bytes, reports, latest, rescan, scores, move/copy, delete
  const report = await llapi.uploadManifest(SBOM, { ...opts, extraFields: ['published'], ecosystems: 'all', subscribe: 'weekly', kernelConfig: 'CONFIG_X=y\n' });
  const m = report.manifest_token;
  assert.equal(report.manifest_name, 'rootfs');
  assert.deepEqual(Object.keys(report.cves ?? {}).sort(), ['busybox', 'glibc', 'linux-yocto', 'openssl']);
  assert.equal(report.counts?.kernel, 1);
  assert.equal(report.counts?.toolchain, 1);
  assert.equal(typeof report.cves?.openssl?.[0]?.published, 'string');
  assert.equal(sim.state.manifests.get(m)?.ecosystems?.split(',').length, 74);
  assert.deepEqual((await llapi.getManifests()).map((x) => x.manifest_token), [m]);
  const info = await llapi.getManifestInfo(m);
  assert.equal(info.manifest_data, SBOM);
  const converted = await llapi.getManifestInfo(m, { sbomFormat: 'cyclonedx', sbomVersion: '1.6' });
  assert.equal((converted.manifest_data as { bomFormat: string }).bomFormat, 'CycloneDX');
  assert.deepEqual(await llapi.getManifestFile(m), new TextEncoder().encode(SBOM));
  const rescan = await llapi.rescanManifest(m, opts);
  const tokens = await llapi.getReportTokens(m);
  assert.deepEqual(tokens.reports.map((r) => r.manifest_version), [1, 2]);
  assert.equal((await llapi.getLatestReport(m, { filterResults: true })).report_token, rescan.report_token);
  assert.deepEqual(await llapi.setCustomScore(m, 'openssl', 'CVE-2021-3711', 4.2, { productVersion: '1.1.1k' }), { success: true, message: 'Custom score saved' });
  const scored = await llapi.getLatestReport(m);
  assert.equal(scored.cves?.openssl?.find((c) => c.cve_id === 'CVE-2021-3711')?.custom_score, 4.2);
  assert.equal(scored.cvss_counts?.critical, 0, 'the custom score moved it out of critical');

  // jobs
  const job = await llapi.uploadManifest('openssl 1.1.1n\nbusybox 1.36.0\nlinux-yocto 5.15.0\nglibc 2.35\nzlib 1.2.11\n', { returnJob: true });
  assert.equal((await llapi.getJob(job.job_id)).job_id, job.job_id);
  const finished = await llapi.waitForJob(job.job_id, { pollInterval: 5 });
  const second = String(finished.result?.manifest_token);
  const secondReport = String(finished.result?.report_token);

  // reports
  const pdf = await llapi.downloadReport(String(report.report_token), 'pdf');
  assert.deepEqual([...pdf.slice(0, 5)], [...new TextEncoder().encode('%PDF-')]);
  assert.notEqual(pdf.at(-1), 0x0a, 'no newline appended');
  const csv = new TextDecoder().decode(await llapi.downloadReport(String(report.report_token), 'csv', { filterResults: true }));
  assert.match(csv, /^Package,Version,CVE ID/);
  const vex = JSON.parse(new TextDecoder().decode(await llapi.downloadReport(String(report.report_token), 'cyclonedx-sbom-vex', { cyclonedxVersion: '1.6' })));
  assert.equal(vex.specVersion, '1.6');
  assert.equal(vex.components.length, 4);

  // CVEs and statuses
  const ids = await llapi.searchCvesByProduct('openssl', { version: '1.1.1k', idsOnly: true });
  assert.deepEqual(ids, ['CVE-2021-3711', 'CVE-2022-0778', 'CVE-2023-0286', 'CVE-2023-5678']);
  const described = (await llapi.searchCvesByProduct('zlib')) as Record<string, string>;
  assert.deepEqual(Object.keys(described), ['CVE-2018-25032', 'CVE-2022-37434']);
  assert.deepEqual(Object.keys(await llapi.getCveInfo('CVE-2022-0847', { fields: ['identifier', 'cisa'] })), ['identifier', 'cisa']);
  assert.equal((await llapi.getCveInfo('CVE-2022-0847')).nvd_status, 'Analyzed');
  await llapi.setStatus('manifest', 'CVE-2022-0778', 'openssl', 'not_affected', { justification: 'code_not_reachable', justificationDetail: 'no BN_mod_sqrt', manifestTokens: [m] });
  const status = await llapi.getVulnStatus('CVE-2022-0778', 'openssl', '1.1.1k', m);
  assert.equal(status.status, 'not_affected');
  assert.equal(status.justification, 'code_not_reachable');
  await llapi.setStatus('group', 'CVE-2022-28391', 'busybox', 'resolved');
  const after = await llapi.getLatestReport(m);
  assert.equal(after.counts?.whitelisted, 1);
  assert.equal(after.counts?.fixed, 1);
  const cmp = await llapi.compareReports(String(report.report_token), secondReport, { removeNotAffected: true });
  assert.deepEqual(cmp, {
    resolved: [{ cve_id: 'CVE-2021-3711', package: 'openssl', version: '1.1.1k' }, { cve_id: 'CVE-2022-28391', package: 'busybox', version: '1.35.0' }],
    new: [{ cve_id: 'CVE-2018-25032', package: 'zlib', version: '1.2.11' }, { cve_id: 'CVE-2022-37434', package: 'zlib', version: '1.2.11' }],
  });

  // folders
  const created = await llapi.createFolder('Release 2.0+ é', { description: 'a&b=c', groupToken, folderToken: '' });
  assert.equal(created.folder_name, 'Release 2.0+ é');
  const sub = await llapi.createFolder('nightly', { folderToken: created.folder_token });
  assert.deepEqual((await llapi.getFolders({ folderToken: created.folder_token })).map((f) => f.folder_name), ['nightly']);
  await llapi.archiveFolders([sub.folder_token]);
  assert.deepEqual((await llapi.getFolders({ folderToken: created.folder_token, archivedOnly: true })).map((f) => f.folder_token), [sub.folder_token]);
  await llapi.unarchiveFolders([sub.folder_token]);
  assert.equal((await llapi.getFolders({ folderToken: created.folder_token })).length, 1);
  // Upstream's trap 12: the configured folder wins over an explicit group, so that was a subfolder.
  assert.deepEqual((await llapi.getFolders()).map((f) => f.folder_name), ['Release 2.0+ é']);
  assert.deepEqual((await llapi.getFolders({ groupToken, folderToken: undefined })).map((f) => f.folder_name), ['Release 2.0+ é']);

  // manifests moved and copied between folders
  await llapi.bulkMoveManifests([second], { targetFolderToken: created.folder_token });
  assert.equal(sim.state.manifests.get(second)?.folderToken, created.folder_token);
  await llapi.bulkCopyManifests([m], { targetGroupToken: groupToken, includeHistory: true });
  assert.equal(sim.state.manifests.size, 3);
  assert.equal(sim.state.reports.size, 3 + 2, 'the copy brought both reports');

  // groups
  assert.deepEqual((await llapi.getGroups()).map((g) => g.name), ['Product A']);
  assert.deepEqual((await llapi.getGroups({ includePrivateWorkspaces: true })).map((g) => g.group_type), ['Private Workspace', 'Group']);
  const subgroup = await llapi.createGroup('Board B', { description: 'second board' });
  assert.equal(subgroup.group_type, 'Subgroup');
  assert.deepEqual((await llapi.getGroupInfo(undefined, { subgroups: true })).subgroups?.map((g) => g.token), [subgroup.token]);
  await llapi.bulkArchiveGroups([subgroup.token]);
  assert.deepEqual((await llapi.getArchivedGroups()).map((g) => g.token), [subgroup.token]);
  await llapi.bulkUnarchiveGroups([subgroup.token]);
  assert.deepEqual(await llapi.getArchivedGroups(), []);
  await llapi.addGroupMember(subgroup.token, 'dev+ci@example.com', 'user', { accessSubgroups: true });
  await llapi.updateGroupMember(subgroup.token, 'dev+ci@example.com', 'admin');
  const members = await llapi.getGroupMembers(subgroup.token);
  assert.deepEqual(members.group_members.map((x) => [x.email, x.role, x.allow_access_to_subgroups]), [
    ['user@example.com', 'admin', true],
    ['dev+ci@example.com', 'admin', true],
  ]);
  await llapi.removeGroupMember(subgroup.token, 'dev+ci@example.com');
  assert.equal((await llapi.getGroupMembers(subgroup.token)).group_members.length, 1);
  await llapi.updateGroupSettings(undefined, { vulnIdentifiers: ['PURL', 'CPE', 'CVE Product'], vulnStrictMatch: true, reportDepVulns: 'off', autoCloseJiraIssues: 'on', generateVulnAttrOnDate: false });
  assert.deepEqual(await llapi.getGroupSettings(), {
    // Issue 12: the switches come back as upstream documents them, "on"/"off" (they were booleans).
    name: 'Product A', token: groupToken, vuln_identifiers: ['PURL', 'CPE', 'CVE Product'], vuln_strict_match: 'on',
    report_dep_vulns: 'off', auto_close_jira_issues: 'on', generate_vuln_attr_on_date: 'off',
  });
  // The configured folder is a filter too (upstream falls back to it), which hides the group-wide entry.
  const inFolder = await llapi.searchActivityLog({ logType: 'update_vuln_status', logMethod: 'api' });
  assert.deepEqual(inFolder.map((e) => [e.vuln_id, e.package]), [['CVE-2022-0778', 'openssl']]);
  llapi.folderToken = undefined;
  const log = await llapi.searchActivityLog({ logType: 'update_vuln_status' });
  assert.deepEqual(log.map((e) => [e.vuln_id, e.package]), [['CVE-2022-28391', 'busybox'], ['CVE-2022-0778', 'openssl']]);
  assert.equal((await llapi.searchActivityLog({ manifestToken: m, logType: 'update_custom_score', userEmail: 'user@example.com' })).length, 1);
  await llapi.deleteGroup(subgroup.token);
  await assert.rejects(llapi.getGroupInfo(subgroup.token), (e: unknown) => e instanceof ClientError && e.status === 404);
  const del = await llapi.deleteManifest(second, { confirmed: true });
  assert.deepEqual(del, { success: true, message: 'Manifest deleted' });
  await assert.rejects(llapi.deleteManifest(m), (e: unknown) => e instanceof ClientError && e.status === 400 && /confirmed=True/.test(e.message));

  // Every public method was driven, and every operation of the spec was reached over the wire.
  const methods = Object.getOwnPropertyNames(Llapi.prototype).filter((n) => n !== 'constructor' && n !== 'currentConfig');
  assert.deepEqual(methods.filter((n) => !called.has(n)), []);
  const hit = new Set(sim.requests.list().map((r) => operationOf(r.method, r.path)));
  const all = Object.values(llapiOperations).map((o) => o.operationId);
  assert.equal(all.length, 36);
  assert.deepEqual(all.filter((op) => !hit.has(op)), []);
  assert.ok(sim.requests.list().every((r) => r.status !== 403), 'every request was signed right');
});
