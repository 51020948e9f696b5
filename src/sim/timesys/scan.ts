import { groupPath } from './access.js';
import { affects, KERNEL_PRODUCTS, productOf, TOOLCHAIN_PRODUCTS } from './cve-db.js';
import type { TimesysEnv } from './env.js';
import { parseSbom } from './sbom.js';
import type { TimesysCve, TimesysManifest, TimesysMatch, TimesysReport, TimesysVulnStatus } from './types.js';

/** Scans a manifest against the CVE database and stores the new report. */
export function scanManifest(env: TimesysEnv, manifest: TimesysManifest): TimesysReport {
  const packages = parseSbom(manifest.text)?.packages ?? [];
  const matches: TimesysMatch[] = [];
  for (const p of packages) {
    const product = productOf(p.name);
    for (const cve of env.state.cves) if (cve.product === product && p.version !== '' && affects(cve, p.version)) matches.push({ package: p.name, version: p.version, cveId: cve.id });
  }
  const previous = [...env.state.reports.values()].filter((r) => r.manifestToken === manifest.token).length;
  const report: TimesysReport = { token: env.token(), manifestToken: manifest.token, createdDate: env.date(), manifestVersion: previous + 1, matches };
  env.state.reports.set(report.token, report);
  return report;
}

/** The newest report of a manifest, if any. */
export function latestReport(env: TimesysEnv, manifestToken: string): TimesysReport | undefined {
  let latest: TimesysReport | undefined;
  for (const r of env.state.reports.values()) if (r.manifestToken === manifestToken) latest = r;
  return latest;
}

/** The vulnerability status in effect for one match (the most recent one that applies). */
export function statusFor(env: TimesysEnv, manifest: TimesysManifest, m: { cveId: string; package: string; version: string }): TimesysVulnStatus | undefined {
  let found: TimesysVulnStatus | undefined;
  for (const s of env.state.vulnStatuses) {
    if (s.cveId !== m.cveId || s.package !== m.package) continue;
    if (s.packageVersion !== null && s.packageVersion !== '' && s.packageVersion !== m.version) continue;
    const applies =
      s.scope === 'all' ||
      (s.scope === 'manifest' && s.manifestTokens.includes(manifest.token)) ||
      (s.scope === 'group' && s.groupTokens.includes(manifest.groupToken));
    if (applies) found = s;
  }
  return found;
}

const FIXED = new Set(['resolved', 'resolved_with_pedigree']);
const WHITELISTED = new Set(['not_affected', 'false_positive']);

interface Finding {
  match: TimesysMatch;
  cve: TimesysCve;
  /** Unfixed, Fixed or Whitelisted. */
  state: 'Unfixed' | 'Fixed' | 'Whitelisted';
  vulnStatus: string | undefined;
  customScore: number | undefined;
}

function findings(env: TimesysEnv, manifest: TimesysManifest, report: TimesysReport): Finding[] {
  const out: Finding[] = [];
  for (const match of report.matches) {
    const cve = env.state.cves.find((c) => c.id === match.cveId);
    if (!cve) continue;
    const status = statusFor(env, manifest, match)?.status;
    const state = status && FIXED.has(status) ? 'Fixed' : status && WHITELISTED.has(status) ? 'Whitelisted' : 'Unfixed';
    const score = [...env.state.customScores].reverse().find(
      (s) => s.manifestToken === manifest.token && s.cveId === match.cveId && s.package === match.package && (s.version === null || s.version === '' || s.version === match.version),
    );
    out.push({ match, cve, state, vulnStatus: status, customScore: score?.score });
  }
  return out;
}

/** Extra CVE fields a `with_field` may ask for. */
function extraField(cve: TimesysCve, field: string): unknown {
  switch (field) {
    case 'assigner': return cve.assigner;
    case 'description': return cve.description;
    case 'impact': return { cvss_v3: { score: cve.cvss, vector: cve.vector } };
    case 'modified': return cve.modified;
    case 'problem_types': return cve.problemTypes;
    case 'published': return cve.published;
    case 'references': return cve.references;
    default: return undefined;
  }
}

export interface ReportViewOptions {
  filtered?: boolean;
  withFields?: readonly string[];
  /** Add `group_path` (the latest-report shape). */
  withGroupPath?: boolean;
  origin: string;
}

/** A report as the API shows it: the upload-result shape (protocols §3.3). */
export function reportView(env: TimesysEnv, report: TimesysReport, o: ReportViewOptions): Record<string, unknown> {
  const manifest = env.state.manifests.get(report.manifestToken) as TimesysManifest;
  const all = findings(env, manifest, report);
  const cves: Record<string, Record<string, unknown>[]> = {};
  const counts = { fixed: 0, kernel: 0, toolchain: 0, unapplied: 0, unfixed: 0, upgradable: 0, whitelisted: 0 };
  const cvss = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of all) {
    if (f.state === 'Fixed') counts.fixed++;
    else if (f.state === 'Whitelisted') counts.whitelisted++;
    else {
      counts.unfixed++;
      if (KERNEL_PRODUCTS.has(f.cve.product)) counts.kernel++;
      if (TOOLCHAIN_PRODUCTS.has(f.cve.product)) counts.toolchain++;
      if (f.cve.fixedIn !== undefined) counts.upgradable++;
      const score = f.customScore ?? f.cve.cvss;
      if (score >= 9) cvss.critical++;
      else if (score >= 7) cvss.high++;
      else if (score >= 4) cvss.medium++;
      else if (score > 0) cvss.low++;
    }
    if (o.filtered && f.state !== 'Unfixed') continue;
    const entry: Record<string, unknown> = {
      version: f.match.version,
      cve_id: f.cve.id,
      cvss: f.cve.cvss,
      vector: f.cve.vector,
      status: f.state,
      fixedby: f.cve.fixedIn ?? null,
    };
    if (f.vulnStatus !== undefined) entry.vuln_status = f.vulnStatus;
    if (f.customScore !== undefined) entry.custom_score = f.customScore;
    for (const field of o.withFields ?? []) {
      const v = extraField(f.cve, field);
      if (v !== undefined) entry[field] = v;
    }
    (cves[f.match.package] ??= []).push(entry);
  }
  const view: Record<string, unknown> = {
    manifest_token: manifest.token,
    manifest_name: manifest.name,
    group_token: manifest.groupToken,
    folder_token: manifest.folderToken,
    report_token: report.token,
    date: report.createdDate,
    report_path: `${o.origin}/vigiles/dashboard/reports/${report.token}`,
    cves,
    counts,
    cvss_counts: cvss,
  };
  if (o.withGroupPath) view.group_path = groupPath(env, manifest);
  return view;
}

/** The findings of a report as flat rows (for files and comparisons). */
export function reportRows(env: TimesysEnv, report: TimesysReport, filtered: boolean): { package: string; version: string; cve: TimesysCve; state: string; score: number }[] {
  const manifest = env.state.manifests.get(report.manifestToken) as TimesysManifest;
  return findings(env, manifest, report)
    .filter((f) => !filtered || f.state === 'Unfixed')
    .map((f) => ({ package: f.match.package, version: f.match.version, cve: f.cve, state: f.vulnStatus ?? f.state, score: f.customScore ?? f.cve.cvss }));
}
