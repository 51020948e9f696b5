import { ConfigError } from '../../core/errors/config-error.js';
import type { LlapiContext } from '../context.js';
import { CYCLONEDX_FORMATS, CYCLONEDX_VERSIONS, REPORT_FORMATS, type CycloneDxFormat, type CycloneDxVersion, type ReportFormat } from '../constants.js';
import type { CompareResult, RequestOptions } from '../types.js';
import { oneOf, required } from '../validate.js';

export interface DownloadReportOptions extends RequestOptions {
  filterResults?: boolean;
  /** For cyclonedx-vex and cyclonedx-sbom-vex (default json). */
  cyclonedxFormat?: CycloneDxFormat;
  /** For cyclonedx-vex and cyclonedx-sbom-vex (default 1.7). */
  cyclonedxVersion?: CycloneDxVersion;
}

export interface CompareReportsOptions extends RequestOptions {
  /** Deprecated upstream, still sent. */
  removeWhitelist?: boolean;
  removeNotAffected?: boolean;
  filterResults?: boolean;
}

/**
 * `download_report(token, format, …)`: the file's bytes exactly as served (upstream's CLI appends a
 * newline to files that lack one; this does not).
 */
export async function downloadReport(ctx: LlapiContext, token: string, format: ReportFormat, o: DownloadReportOptions = {}): Promise<Uint8Array> {
  required(token, 'report_token');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`Invalid or missing 'format' arg. Acceptable values: ${REPORT_FORMATS.join(', ')}`);
  }
  const cyclonedx = format === 'cyclonedx-vex' || format === 'cyclonedx-sbom-vex';
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/reports/{report_token}', pathParams: { report_token: token }, bytes: true,
    params: {
      filtered: o.filterResults ?? false,
      format,
      sbom_format: cyclonedx ? oneOf(o.cyclonedxFormat ?? 'json', CYCLONEDX_FORMATS, 'cyclonedx_format') : undefined,
      sbom_version: cyclonedx ? oneOf(o.cyclonedxVersion ?? '1.7', CYCLONEDX_VERSIONS, 'cyclonedx_version') : undefined,
    },
    signal: o.signal, timeout: o.timeout ?? ctx.longTimeout,
  });
}

/** `compare_reports(token_one, token_two, …)`: CVEs resolved and new between two reports. */
export async function compareReports(ctx: LlapiContext, tokenOne: string, tokenTwo: string, o: CompareReportsOptions = {}): Promise<CompareResult> {
  if (!tokenOne || !tokenTwo) throw new ConfigError('Two CVE report token arguments are required for comparison');
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/reports/compare',
    params: {
      token_one: tokenOne, token_two: tokenTwo, remove_whitelist: o.removeWhitelist ?? false,
      remove_not_affected: o.removeNotAffected ?? false, filtered: o.filterResults ?? false,
    },
    signal: o.signal, timeout: o.timeout,
  });
}
