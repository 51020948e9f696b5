import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { mustReport } from '../access.js';
import { BASE, type TimesysEnv } from '../env.js';
import { renderReport } from '../report-files.js';
import { llapi, params } from '../request.js';
import { reportRows } from '../scan.js';

const FORMATS = ['csv', 'pdf', 'pdfsummary', 'xlsx', 'cyclonedx-vex', 'cyclonedx-sbom-vex'];

/** `GET /reports/compare` and `GET /reports/{token}` (the file itself: not gzip, not base64). */
export function reportRoutes(app: Hono, env: TimesysEnv): void {
  app.get(`${BASE}/reports/compare`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const one = mustReport(env, user, p.need('token_one'));
    const two = mustReport(env, user, p.need('token_two'));
    const filtered = p.bool('filtered');
    const dropWhitelist = p.bool('remove_whitelist');
    const dropNotAffected = p.bool('remove_not_affected');
    const rows = (r: typeof one) =>
      reportRows(env, r, filtered).filter((x) => !(dropNotAffected && x.state === 'not_affected') && !(dropWhitelist && (x.state === 'Whitelisted' || x.state === 'false_positive')));
    // A CVE of a package is resolved when it is gone, whatever version the package moved to.
    const key = (x: { package: string; cve: { id: string } }) => `${x.cve.id} ${x.package}`;
    const before = new Map(rows(one).map((x) => [key(x), x]));
    const after = new Map(rows(two).map((x) => [key(x), x]));
    const view = (x: { package: string; version: string; cve: { id: string } }) => ({ cve_id: x.cve.id, package: x.package, version: x.version });
    return c.json({
      resolved: [...before].filter(([k]) => !after.has(k)).map(([, x]) => view(x)),
      new: [...after].filter(([k]) => !before.has(k)).map(([, x]) => view(x)),
    });
  });

  app.get(`${BASE}/reports/:report_token`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const report = mustReport(env, user, c.req.param('report_token'));
    const format = p.get('format');
    if (!format || !FORMATS.includes(format)) throw new SimError(400, 'BadRequest', `Invalid format. Acceptable values: ${FORMATS.join(', ')}`);
    const cyclonedx = format.startsWith('cyclonedx');
    const sbomFormat = cyclonedx ? p.choice('sbom_format', ['json', 'xml']) : undefined;
    const sbomVersion = cyclonedx ? p.choice('sbom_version', ['1.4', '1.5', '1.6', '1.7']) : undefined;
    const file = renderReport(env, report, format, { filtered: p.bool('filtered'), ...(sbomFormat && { sbomFormat }), ...(sbomVersion && { sbomVersion }) });
    const ext = format.startsWith('pdf') ? 'pdf' : cyclonedx ? (sbomFormat ?? 'json') : format;
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="report-${report.token}.${ext}"` });
  });
}
