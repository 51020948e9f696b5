import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { mustGroup, mustManifest } from '../access.js';
import { logActivity } from '../activity.js';
import { affects } from '../cve-db.js';
import { BASE, type TimesysEnv } from '../env.js';
import { llapi, params } from '../request.js';
import { statusFor } from '../scan.js';
import type { TimesysCve } from '../types.js';

const SCOPES = ['manifest', 'group', 'all'];
const STATUSES = ['resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage', 'false_positive', 'not_affected'];
const JUSTIFICATIONS = [
  'code_not_present', 'code_not_reachable', 'requires_configuration', 'requires_dependency', 'requires_environment',
  'protected_by_compiler', 'protected_at_runtime', 'protected_at_perimeter', 'protected_by_mitigating_control',
];
const FIELDS = ['affected_configurations', 'assigner', 'description', 'identifier', 'impact', 'modified', 'problem_types', 'published', 'references', 'nvd_status', 'cisa', 'epss'];

function cveView(cve: TimesysCve, fields: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    affected_configurations: [`cpe:2.3:a:*:${cve.product}:*:*:*:*:*:*:*:*${cve.fixedIn ? ` (before ${cve.fixedIn})` : ''}`],
    assigner: cve.assigner,
    description: cve.description,
    identifier: cve.id,
    impact: { cvss_v3: { score: cve.cvss, vector: cve.vector } },
    modified: cve.modified,
    problem_types: cve.problemTypes,
    published: cve.published,
    references: cve.references,
    nvd_status: 'Analyzed',
    cisa: cve.cisa,
    epss: cve.epss,
  };
  return fields.length ? Object.fromEntries(fields.map((f) => [f, all[f]])) : all;
}

/** `/cves…`: search by product, CVE details, and vulnerability statuses. */
export function cveRoutes(app: Hono, env: TimesysEnv): void {
  const { state } = env;
  const mustCve = (id: string) => {
    const cve = state.cves.find((x) => x.id === id);
    if (!cve) throw new SimError(404, 'NotFound', `CVE not found: ${id}`);
    return cve;
  };

  app.get(`${BASE}/cves`, (c) => {
    const p = params(c);
    const product = p.need('product').toLowerCase();
    const version = p.get('version') ?? '';
    const hits = state.cves.filter((x) => x.product === product && affects(x, version));
    return c.json(p.bool('ids_only') ? hits.map((x) => x.id) : Object.fromEntries(hits.map((x) => [x.id, x.description])));
  });

  app.get(`${BASE}/cves/:cve_id`, (c) => {
    const fields = params(c).all('fields');
    const bad = fields.filter((f) => !FIELDS.includes(f));
    if (bad.length) throw new SimError(400, 'BadRequest', `Invalid fields: ${bad.join(', ')}`);
    return c.json(cveView(mustCve(c.req.param('cve_id')), fields));
  });

  app.post(`${BASE}/cves/:cve_id/vuln-status`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const cve = mustCve(c.req.param('cve_id'));
    const scope = p.need('scope');
    if (!SCOPES.includes(scope)) throw new SimError(400, 'BadRequest', `Invalid scope. Acceptable values: ${SCOPES.join(', ')}`);
    const pkg = p.need('package');
    const status = p.need('status');
    if (!STATUSES.includes(status)) throw new SimError(400, 'BadRequest', `Invalid status. Acceptable values: ${STATUSES.join(', ')}`);
    const justification = p.choice('justification', JUSTIFICATIONS) ?? null;
    const manifests = p.all('manifest_tokens').map((t) => mustManifest(env, user, t));
    const groups = p.all('group_tokens').map((t) => mustGroup(env, user, t));
    if (scope === 'manifest' && manifests.length === 0) throw new SimError(400, 'BadRequest', 'manifest_tokens are required for scope manifest');
    if (scope === 'group' && groups.length === 0) throw new SimError(400, 'BadRequest', 'group_tokens are required for scope group');
    const version = p.get('package_version') || null;
    state.vulnStatuses.push({
      cveId: cve.id, package: pkg, packageVersion: version, status, justification, detail: p.get('justification_detail') ?? null,
      scope, manifestTokens: manifests.map((m) => m.token), groupTokens: groups.map((g) => g.token), updated: env.date(), user: user.email,
    });
    const entry = { log_type: 'update_vuln_status', description: `${cve.id} in ${pkg} set to ${status}`, report: null, user: user.email, vuln_id: cve.id, package: pkg, package_version: version };
    for (const m of manifests) logActivity(env, { ...entry, group: m.groupToken, folder: m.folderToken, manifest: m.token });
    for (const g of groups) logActivity(env, { ...entry, group: g.token, folder: null, manifest: null });
    return c.json({ success: true, message: 'Vulnerability status updated' });
  });

  app.get(`${BASE}/cves/:cve_id/vuln-status`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const cve = mustCve(c.req.param('cve_id'));
    const m = mustManifest(env, user, p.need('manifest_token'));
    const pkg = p.need('package_name');
    const version = p.need('package_version');
    const s = statusFor(env, m, { cveId: cve.id, package: pkg, version });
    return c.json({
      cve_id: cve.id, package_name: pkg, package_version: version, manifest_token: m.token,
      status: s?.status ?? null, justification: s?.justification ?? null, justification_detail: s?.detail ?? null, scope: s?.scope ?? null, updated: s?.updated ?? null,
    });
  });
}
