import { concatBytes } from '../../crypto/bytes/concat-bytes.js';
import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import type { TimesysEnv } from './env.js';
import { reportRows } from './scan.js';
import type { TimesysManifest, TimesysReport } from './types.js';
import { parseSbom } from './sbom.js';

/** A generated file and the type it is served as. */
export interface ReportFile {
  bytes: Uint8Array;
  contentType: string;
}

const severity = (s: number) => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A report file in the requested format. The files are small stand-ins with the right shape and
 * magic bytes; PDF and XLSX are binary and do not end in a newline, so a client that appends one
 * (upstream's CLI does) or decodes them as text is caught.
 */
export function renderReport(
  env: TimesysEnv,
  report: TimesysReport,
  format: string,
  o: { filtered: boolean; sbomFormat?: string; sbomVersion?: string },
): ReportFile {
  const rows = reportRows(env, report, o.filtered);
  switch (format) {
    case 'csv': {
      const lines = ['Package,Version,CVE ID,CVSS,Severity,Status,Fixed By'];
      for (const r of rows) lines.push([r.package, r.version, r.cve.id, r.score, severity(r.score), r.state, r.cve.fixedIn ?? ''].join(','));
      return { bytes: encodeUtf8(`${lines.join('\n')}\n`), contentType: 'text/csv' };
    }
    case 'pdf':
    case 'pdfsummary': {
      const body = format === 'pdf' ? rows.map((r) => `(${r.package} ${r.version} ${r.cve.id} ${r.score}) Tj`).join('\n') : `(${rows.length} CVEs) Tj`;
      // The second line is the binary marker PDF writers emit: four bytes above 0x7F.
      return {
        bytes: concatBytes(encodeUtf8('%PDF-1.7\n%'), new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3]), encodeUtf8(`\n1 0 obj\n<< /Title (Vigiles report ${report.token}) >>\nstream\n${body}\nendstream\nendobj\n%%EOF`)),
        contentType: 'application/pdf',
      };
    }
    case 'xlsx': {
      const payload = encodeUtf8(JSON.stringify(rows.map((r) => [r.package, r.version, r.cve.id, r.score])));
      return {
        bytes: concatBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]), payload, new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0x00, 0x00])),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    }
    case 'cyclonedx-vex':
    case 'cyclonedx-sbom-vex': {
      const version = o.sbomVersion ?? '1.7';
      const manifest = env.state.manifests.get(report.manifestToken) as TimesysManifest;
      const components = format === 'cyclonedx-sbom-vex' ? (parseSbom(manifest.text)?.packages ?? []) : [];
      if (o.sbomFormat === 'xml') {
        const comps = components.map((c) => `<component type="library" bom-ref="${xml(`${c.name}@${c.version}`)}"><name>${xml(c.name)}</name><version>${xml(c.version)}</version></component>`).join('');
        const vulns = rows.map((r) => `<vulnerability><id>${r.cve.id}</id><ratings><rating><score>${r.score}</score><severity>${severity(r.score)}</severity></rating></ratings><affects><target><ref>${xml(`${r.package}@${r.version}`)}</ref></target></affects></vulnerability>`).join('');
        const text = `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">${comps ? `<components>${comps}</components>` : ''}<vulnerabilities>${vulns}</vulnerabilities></bom>`;
        return { bytes: encodeUtf8(text), contentType: 'application/xml' };
      }
      const doc = {
        bomFormat: 'CycloneDX',
        specVersion: version,
        version: 1,
        ...(components.length && { components: components.map((c) => ({ type: 'library', 'bom-ref': `${c.name}@${c.version}`, name: c.name, version: c.version })) }),
        vulnerabilities: rows.map((r) => ({
          id: r.cve.id,
          ratings: [{ score: r.score, severity: severity(r.score), method: 'CVSSv31', vector: r.cve.vector }],
          affects: [{ ref: `${r.package}@${r.version}` }],
          analysis: { state: r.state },
        })),
      };
      return { bytes: encodeUtf8(JSON.stringify(doc, null, 2)), contentType: 'application/json' };
    }
    case 'spdx_3-sbom-vex': {
      const doc = {
        '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
        '@graph': rows.map((r) => ({ type: 'security_Vulnerability', name: r.cve.id, affects: `${r.package}@${r.version}` })),
      };
      return { bytes: encodeUtf8(JSON.stringify(doc)), contentType: 'application/ld+json' };
    }
    default:
      throw new Error(`unknown report format ${format}`);
  }
}

/** A manifest converted to another SBOM format (`sbom_format`), or undefined to serve the original text. */
export function convertManifest(manifest: TimesysManifest, sbomFormat: string | undefined, sbomVersion: string | undefined): Record<string, unknown> | undefined {
  if (sbomFormat === undefined) return undefined;
  const packages = parseSbom(manifest.text)?.packages ?? [];
  if (sbomFormat === 'cyclonedx') {
    return { bomFormat: 'CycloneDX', specVersion: sbomVersion ?? '1.6', version: 1, metadata: { component: { name: manifest.name } }, components: packages.map((p) => ({ type: 'library', name: p.name, version: p.version })) };
  }
  return {
    spdxVersion: `SPDX-${sbomVersion ?? '2.3'}`,
    name: manifest.name,
    packages: packages.map((p, i) => ({ SPDXID: `SPDXRef-Package-${i + 1}`, name: p.name, versionInfo: p.version, ...(sbomFormat === 'spdx' && { downloadLocation: 'NOASSERTION' }) })),
  };
}

/** `exported_report`: base64 of a gzip stream of the file. */
export async function gzipBase64(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return encodeBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}
