import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { ECOSYSTEMS, expandEcosystems, exportFileName, Llapi } from '../../../src/timesys/index.js';
import { noFetch, VECTOR_USER } from './helpers.js';

// Upstream's client-side checks (protocols §5): raised before any request, with upstream's messages.
const llapi = new Llapi({ ...VECTOR_USER, fetch: noFetch });
const bare = llapi as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;

const CASES: [string, () => Promise<unknown>, string][] = [
  ['getManifestInfo', () => llapi.getManifestInfo(''), 'manifest_token is required'],
  ['getManifestFile', () => llapi.getManifestFile(''), 'manifest_token is required'],
  ['deleteManifest', () => llapi.deleteManifest(''), 'manifest_token is required'],
  ['getReportTokens', () => llapi.getReportTokens(''), 'manifest_token is required'],
  ['getLatestReport', () => llapi.getLatestReport(''), 'manifest_token is required'],
  ['rescanManifest', () => llapi.rescanManifest(''), 'manifest_token is required'],
  ['uploadManifest', () => llapi.uploadManifest(''), 'manifest data is required'],
  ['uploadManifest extra_fields', () => bare.uploadManifest!('x', { extraFields: 'published' }), "Parameter 'extra_fields' must be a list of strings"],
  ['getLatestReport extra_fields', () => bare.getLatestReport!('T', { extraFields: [1] }), "Parameter 'extra_fields' must be a list of strings"],
  ['setCustomScore', () => llapi.setCustomScore('T', 'openssl', '', 5), 'Missing required data from: { product_name, cve_id, custom_score, manifest_token }'],
  ['bulkMoveManifests', () => llapi.bulkMoveManifests(['t'], {}), 'Please specify either a target group or target folder token'],
  ['bulkCopyManifests', () => llapi.bulkCopyManifests(['t'], {}), 'Please specify either a target group or target folder token'],
  ['downloadReport token', () => llapi.downloadReport('', 'pdf'), 'report_token is required'],
  ['downloadReport format', () => bare.downloadReport!('R', 'docx'), "Invalid or missing 'format' arg. Acceptable values: csv, pdf, pdfsummary, xlsx, cyclonedx-vex, cyclonedx-sbom-vex"],
  ['compareReports', () => llapi.compareReports('R1', ''), 'Two CVE report token arguments are required for comparison'],
  ['createGroup', () => llapi.createGroup(''), 'group_name is required'],
  ['getGroupInfo', () => llapi.getGroupInfo(), 'group_token is required either as a parameter or configured on the llapi object'],
  ['getGroupSettings', () => llapi.getGroupSettings(), 'group_token is required either as a parameter or configured on the llapi object'],
  ['updateGroupSettings', () => llapi.updateGroupSettings(), 'group_token is required either as a parameter or configured on the llapi object'],
  ['searchActivityLog', () => llapi.searchActivityLog(), 'group_token is required either as a parameter or configured on the llapi object'],
  ['deleteGroup', () => llapi.deleteGroup(''), 'group_token is required'],
  ['getGroupMembers', () => llapi.getGroupMembers(''), 'group_token is required'],
  ['addGroupMember email', () => llapi.addGroupMember('G', '', 'user'), 'member_email is required'],
  ['addGroupMember role', () => llapi.addGroupMember('G', 'a@b', ''), 'role is required'],
  ['updateGroupMember', () => llapi.updateGroupMember('G', 'a@b', ''), 'new_role is required'],
  ['removeGroupMember', () => llapi.removeGroupMember('G', ''), 'member_email is required'],
  ['getCveInfo', () => llapi.getCveInfo(''), 'cve_id is required'],
  ['searchCvesByProduct', () => llapi.searchCvesByProduct(''), 'cpe_product is required'],
  ['setStatus cve', () => llapi.setStatus('all', '', 'openssl', 'in_triage'), 'cve_id is required'],
  ['setStatus package', () => llapi.setStatus('all', 'CVE-1', '', 'in_triage'), 'package_name is required'],
  ['setStatus status', () => bare.setStatus!('all', 'CVE-1', 'openssl', ''), 'status is required'],
  ['getVulnStatus version', () => llapi.getVulnStatus('CVE-1', 'openssl', '', 'M'), 'package_version is required'],
  ['getVulnStatus manifest', () => llapi.getVulnStatus('CVE-1', 'openssl', '1', ''), 'manifest_token is required'],
  ['setStatus scope', () => bare.setStatus!('world', 'CVE-1', 'openssl', 'in_triage'), "Invalid or missing 'scope' arg. Acceptable values: manifest, group, all"],
  ['updateGroupSettings ids', () => bare.updateGroupSettings!('G', { vulnIdentifiers: ['SWID'] }), "Invalid or missing 'vuln_identifiers' arg. Acceptable values: PURL, CPE, CVE Product, Package Name"],
  ['searchActivityLog log_type', () => bare.searchActivityLog!({ groupToken: 'G', logType: 'delete_everything' }), "Invalid or missing 'log_type' arg"],
  ['uploadManifest export_format', () => bare.uploadManifest!('x', { exportFormat: 'docx' }), "Invalid or missing 'export_format' arg"],
  ['getManifestInfo sbom_format', () => bare.getManifestInfo!('T', { sbomFormat: 'swid' }), "Invalid or missing 'sbom_format' arg"],
  ['getCveInfo fields', () => bare.getCveInfo!('CVE-1', { fields: ['colour'] }), "Invalid or missing 'fields' arg"],
  ['waitForJob timeout', () => llapi.waitForJob('J', { jobTimeout: 0 }), 'timeout must be a positive number'],
  ['uploadManifest bytes', () => llapi.uploadManifest(new Uint8Array([0xff])), 'manifest is not valid UTF-8 text'],
];

for (const [name, call, message] of CASES) {
  test(`${name}: "${message}" before any request`, async () => {
    const err = await call().then(
      () => assert.fail('expected a ConfigError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ConfigError, `got ${String(err)}`);
    assert.ok((err as Error).message.startsWith(message), (err as Error).message);
  });
}

test('configured tokens are the fallbacks upstream uses', async () => {
  const seen: string[] = [];
  const record = async (r: Request) => {
    seen.push(`${r.method} ${decodeURIComponent(new URL(r.url).pathname + new URL(r.url).search)} ${r.method === 'POST' ? await r.text() : ''}`.trim());
    // Each reply has the top-level shape the spec promises (lists are arrays).
    const list = r.method === 'GET' && /\/(manifests|folders|activity_log)$/.test(new URL(r.url).pathname);
    return new Response(list ? '[]' : '{}', { headers: { 'content-type': 'application/json' } });
  };
  const l = new Llapi({ ...VECTOR_USER, groupToken: 'G0', folderToken: 'F0', fetch: record });
  await l.getManifests();
  await l.getFolders({ groupToken: 'G1' });
  await l.createFolder('n');
  await l.createGroup('sub');
  await l.getGroupInfo();
  await l.searchActivityLog();
  await l.setStatus('group', 'CVE-1', 'p', 'in_triage');
  l.folderToken = undefined;
  await l.getManifests();
  await l.getFolders({ groupToken: 'G1' });
  assert.deepEqual(seen, [
    'GET /api/v1/vigiles/manifests?email=user@example.com&folder_token=F0',
    'GET /api/v1/vigiles/folders?email=user@example.com&folder_token=F0',
    'POST /api/v1/vigiles/folders folder_name=n&folder_token=F0&email=user%40example.com',
    'POST /api/v1/vigiles/groups group_name=sub&group_token=G0&email=user%40example.com',
    'GET /api/v1/vigiles/groups/G0?email=user@example.com&subgroups=False',
    'GET /api/v1/vigiles/groups/G0/activity_log?email=user@example.com&folder_token=F0&group_token=G0',
    'POST /api/v1/vigiles/cves/CVE-1/vuln-status scope=group&package=p&status=in_triage&group_tokens=G0&email=user%40example.com',
    'GET /api/v1/vigiles/manifests?email=user@example.com&group_token=G0',
    'GET /api/v1/vigiles/folders?email=user@example.com&group_token=G1',
  ]);
});

test('ecosystems: "all" expands to the 74 names; others are stripped, unknown ones dropped with a warning', () => {
  const warnings: string[] = [];
  assert.equal(ECOSYSTEMS.length, 74);
  assert.equal(expandEcosystems(' ALL ', (w) => warnings.push(w)), ECOSYSTEMS.join(','));
  assert.equal(expandEcosystems('PyPI, npm ,Nope, Debian:12', (w) => warnings.push(w)), 'PyPI,npm,Debian:12');
  assert.equal(expandEcosystems(['pypi'], (w) => warnings.push(w)), undefined, 'case-sensitive');
  assert.deepEqual(warnings, ['Invalid ecosystems will be ignored: Nope', 'Invalid ecosystems will be ignored: pypi']);
});

test('export file names follow upstream: pdf/pdfsummary → .pdf, cyclonedx → its format, spdx 3 → .spdx3.json', () => {
  assert.equal(exportFileName('out/report.txt', 'pdfsummary'), 'out/report.pdf');
  assert.equal(exportFileName('out/report', 'cyclonedx-vex', 'xml'), 'out/report.xml');
  assert.equal(exportFileName('a.b/report', 'xlsx'), 'a.b/report.xlsx');
  assert.equal(exportFileName('.hidden', 'csv'), '.hidden.csv');
  assert.equal(exportFileName('r.json', 'spdx_3-sbom-vex'), 'r.spdx3.json');
});
