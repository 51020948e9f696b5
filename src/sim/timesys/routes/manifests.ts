import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { mustFolder, mustGroup, mustManifest } from '../access.js';
import { logActivity } from '../activity.js';
import { BASE, type TimesysEnv } from '../env.js';
import { convertManifest, gzipBase64, renderReport } from '../report-files.js';
import { llapi, params } from '../request.js';
import { parseSbom } from '../sbom.js';
import { latestReport, reportView, scanManifest } from '../scan.js';
import type { TimesysFolder, TimesysGroup, TimesysManifest, TimesysUser } from '../types.js';
import { createJob } from './jobs.js';

const EXPORT_FORMATS = ['pdf', 'pdfsummary', 'xlsx', 'csv', 'cyclonedx-vex', 'cyclonedx-sbom-vex', 'spdx_3-sbom-vex'];
const SBOM_FORMATS = ['spdx', 'spdx-lite', 'cyclonedx'];

/** A manifest in list form. */
function summary(m: TimesysManifest) {
  return { manifest_name: m.name, manifest_token: m.token, group_token: m.groupToken, folder_token: m.folderToken, upload_date: m.uploadDate };
}

/** The folder a subfolder name means under `parent` (or the group root), created on first use. */
function subfolder(env: TimesysEnv, group: TimesysGroup, parent: TimesysFolder | null, name: string): TimesysFolder {
  const parentToken = parent?.token ?? null;
  for (const f of env.state.folders.values()) if (f.groupToken === group.token && f.parentToken === parentToken && f.name === name && !f.archived) return f;
  const folder: TimesysFolder = { token: env.token(), name, description: '', groupToken: group.token, parentToken, archived: false, creationDate: env.date() };
  env.state.folders.set(folder.token, folder);
  return folder;
}

/** `/manifests…`: list, upload (sync or as a job), info and file, delete, reports, rescan, custom scores, move/copy. */
export function manifestRoutes(app: Hono, env: TimesysEnv): void {
  const { state } = env;

  app.get(`${BASE}/manifests`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const folder = p.get('folder_token');
    const group = p.get('group_token');
    let list = [...state.manifests.values()];
    if (folder) list = list.filter((m) => m.folderToken === mustFolder(env, user, folder).token);
    else if (group) list = list.filter((m) => m.groupToken === mustGroup(env, user, group).token);
    else list = list.filter((m) => canSee(env, user, m));
    return c.json(list.map(summary));
  });

  app.post(`${BASE}/manifests`, async (c) => {
    const { user, origin } = llapi(c);
    const p = params(c);
    const text = p.need('manifest');
    const filtered = p.bool('filter_results');
    const uploadOnly = p.bool('upload_only');
    const withFields = p.all('with_field');
    const exportFormat = p.choice('export_format', EXPORT_FORMATS);
    const cyclonedxFormat = p.choice('cyclonedx_format', ['json', 'xml']);
    const cyclonedxVersion = p.choice('cyclonedx_version', ['1.4', '1.5', '1.6', '1.7']);
    const runAsJob = env.asyncJobs && p.bool('async');
    const groupToken = p.get('group_token');
    const group = groupToken ? mustGroup(env, user, groupToken) : (state.groups.get(user.privateWorkspace) as TimesysGroup);
    if (group.archived) throw new SimError(400, 'BadRequest', 'Group is archived');
    const folderToken = p.get('folder_token');
    // Private Workspace has no folders: a folder token sent with it is ignored, as upstream warns.
    let folder = folderToken && group.groupType !== 'Private Workspace' ? mustFolder(env, user, folderToken) : null;
    if (folder && folder.groupToken !== group.token) throw new SimError(400, 'BadRequest', 'Folder does not belong to the group');
    const subfolderName = p.get('subfolder_name');

    const upload = () => {
      const parsed = parseSbom(text);
      if (!parsed) throw new SimError(412, 'PreconditionFailed', 'Unable to parse manifest');
      if (subfolderName) folder = subfolder(env, group, folder, subfolderName);
      const count = state.manifests.size + 1;
      const manifest: TimesysManifest = {
        token: env.token(),
        name: p.get('manifest_name') || parsed.name || `manifest-${count}`,
        text,
        groupToken: group.token,
        folderToken: folder?.token ?? null,
        uploadDate: env.date(),
        ...(p.get('kernel_config') !== undefined && { kernelConfig: p.get('kernel_config') }),
        ...(p.get('uboot_config') !== undefined && { ubootConfig: p.get('uboot_config') }),
        ...(p.get('ecosystems') !== undefined && { ecosystems: p.get('ecosystems') }),
        ...(p.get('subscribe') !== undefined && { subscribe: p.get('subscribe') }),
      };
      state.manifests.set(manifest.token, manifest);
      const report = uploadOnly ? undefined : scanManifest(env, manifest);
      return { manifest, report };
    };

    if (runAsJob) {
      const job = createJob(env, user, () => {
        const { manifest, report } = upload();
        return { manifest_token: manifest.token, group_token: manifest.groupToken, folder_token: manifest.folderToken, ...(report && { report_token: report.token }) };
      });
      return c.json({ job_id: job.id, status: 'queued', message: 'Upload accepted; poll the job for its result' });
    }
    const { manifest, report } = upload();
    if (!report) return c.json({ manifest_token: manifest.token, group_token: manifest.groupToken, folder_token: manifest.folderToken, message: 'Manifest uploaded' });
    const view = reportView(env, report, { filtered, withFields, origin });
    if (exportFormat) {
      const file = renderReport(env, report, exportFormat, { filtered, ...(cyclonedxFormat && { sbomFormat: cyclonedxFormat }), ...(cyclonedxVersion && { sbomVersion: cyclonedxVersion }) });
      view.exported_report = await gzipBase64(file.bytes);
    }
    return c.json(view);
  });

  app.post(`${BASE}/manifests/bulk-options/move`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const tokens = p.all('sbom_tokens');
    if (tokens.length === 0) throw new SimError(400, 'BadRequest', 'Missing required parameter: sbom_tokens');
    const copy = p.bool('copy');
    const history = p.bool('include_history');
    const folderToken = p.get('target_folder_token');
    const groupToken = p.get('target_group_token');
    if (!folderToken && !groupToken) throw new SimError(400, 'BadRequest', 'A target group or folder token is required');
    const folder = folderToken ? mustFolder(env, user, folderToken) : null;
    const group = mustGroup(env, user, folder ? folder.groupToken : (groupToken as string));
    const manifests = tokens.map((t) => mustManifest(env, user, t));
    for (const m of manifests) {
      if (!copy) {
        m.groupToken = group.token;
        m.folderToken = folder?.token ?? null;
        continue;
      }
      const clone: TimesysManifest = { ...m, token: env.token(), groupToken: group.token, folderToken: folder?.token ?? null, uploadDate: env.date() };
      state.manifests.set(clone.token, clone);
      const reports = [...state.reports.values()].filter((r) => r.manifestToken === m.token);
      for (const r of history ? reports : reports.slice(-1)) {
        const t = env.token();
        state.reports.set(t, { ...r, token: t, manifestToken: clone.token, matches: [...r.matches] });
      }
    }
    return c.json({ message: `${copy ? 'Copied' : 'Moved'} ${manifests.length} manifest(s)`, status_code: 200 });
  });

  app.get(`${BASE}/manifests/:manifest_token`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    const converted = convertManifest(m, p.choice('sbom_format', SBOM_FORMATS), p.get('sbom_version'));
    if (p.bool('send_file')) {
      const body = converted ? JSON.stringify(converted, null, 2) : m.text;
      return c.body(body, 200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${m.name.replace(/"/g, '')}"` });
    }
    return c.json({ manifest_token: m.token, manifest_name: m.name, folder_token: m.folderToken, group_token: m.groupToken, upload_date: m.uploadDate, manifest_data: converted ?? m.text });
  });

  app.delete(`${BASE}/manifests/:manifest_token`, (c) => {
    const { user } = llapi(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    if (!params(c).bool('confirmed')) throw new SimError(400, 'BadRequest', 'Deletion must be confirmed with confirmed=True');
    state.manifests.delete(m.token);
    for (const [t, r] of state.reports) if (r.manifestToken === m.token) state.reports.delete(t);
    return c.json({ success: true, message: 'Manifest deleted' });
  });

  app.get(`${BASE}/manifests/:manifest_token/reports/latest`, (c) => {
    const { user, origin } = llapi(c);
    const p = params(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    const report = latestReport(env, m.token);
    if (!report) throw new SimError(404, 'NotFound', 'No reports found for this manifest');
    return c.json(reportView(env, report, { filtered: p.bool('filtered'), withFields: p.all('with_field'), withGroupPath: true, origin }));
  });

  app.get(`${BASE}/manifests/:manifest_token/reports`, (c) => {
    const { user } = llapi(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    const reports = [...state.reports.values()]
      .filter((r) => r.manifestToken === m.token)
      .map((r) => ({ created_date: r.createdDate, report_token: r.token, manifest_token: m.token, manifest_version: r.manifestVersion }));
    return c.json({ ...summary(m), reports });
  });

  app.post(`${BASE}/manifests/:manifest_token/reports`, (c) => {
    const { user, origin } = llapi(c);
    const p = params(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    if (p.need('manifest') !== m.token) throw new SimError(400, 'BadRequest', 'manifest must repeat the manifest token');
    const rescanOnly = p.bool('rescan_only');
    const filtered = p.bool('filtered');
    const withFields = p.all('with_field');
    const tokens = (reportToken: string) => ({ manifest_token: m.token, report_token: reportToken, group_token: m.groupToken, folder_token: m.folderToken });
    if (env.asyncJobs && p.bool('async')) {
      const job = createJob(env, user, () => tokens(scanManifest(env, m).token));
      return c.json({ job_id: job.id, status: 'queued', message: 'Rescan accepted; poll the job for its result' });
    }
    const report = scanManifest(env, m);
    if (rescanOnly) return c.json({ ...tokens(report.token), message: 'Rescan complete' });
    return c.json(reportView(env, report, { filtered, withFields, origin }));
  });

  app.post(`${BASE}/manifests/:manifest_token/custom_scores`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const m = mustManifest(env, user, c.req.param('manifest_token'));
    const pkg = p.need('package_name');
    const cveId = p.need('cve_id');
    const raw = p.need('custom_score');
    const score = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || score > 10) throw new SimError(400, 'BadRequest', 'custom_score must be a number from 0 to 10');
    const version = p.get('package_version');
    state.customScores.push({ manifestToken: m.token, package: pkg, version: version || null, cveId, score });
    logActivity(env, {
      log_type: 'update_custom_score', description: `Custom score of ${cveId} for ${pkg} set to ${score}`,
      group: m.groupToken, folder: m.folderToken, report: latestReport(env, m.token)?.token ?? null, manifest: m.token,
      user: user.email, vuln_id: cveId, package: pkg, package_version: version || null,
    });
    return c.json({ success: true, message: 'Custom score saved' });
  });
}

function canSee(env: TimesysEnv, user: TimesysUser, m: TimesysManifest): boolean {
  try {
    mustGroup(env, user, m.groupToken);
    return true;
  } catch {
    return false;
  }
}
