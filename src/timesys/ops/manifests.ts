import { ConfigError } from '../../core/errors/config-error.js';
import type { LlapiContext } from '../context.js';
import { SBOM_FORMATS, type SbomFormat } from '../constants.js';
import type { ManifestInfo, ManifestSummary, ReportTokens, RequestOptions, ScanResult, StatusMessage, SuccessMessage } from '../types.js';
import { optionalOneOf, required, stringList } from '../validate.js';

/** Conversion options of `getManifestInfo` / `getManifestFile`. */
export interface ManifestFormatOptions extends RequestOptions {
  sbomFormat?: SbomFormat;
  /** json, xml, yaml, tag, xlsx, xls, rdfxml, json-ld (free text, as upstream). */
  fileFormat?: string;
  /** e.g. 2.3, 1.6 (free text, as upstream). */
  sbomVersion?: string;
}

export interface LatestReportOptions extends RequestOptions {
  /** Leave out whitelisted and resolved CVEs (`filtered`). */
  filterResults?: boolean;
  /** Extra CVE fields (`with_field`): assigner, description, impact, modified, problem_types, published, references. */
  extraFields?: readonly string[];
}

export interface BulkMoveOptions extends RequestOptions {
  targetGroupToken?: string;
  targetFolderToken?: string;
  includeHistory?: boolean;
}

/** `get_manifests()`: the configured folder's manifests, else the configured group's, else all. */
export async function getManifests(ctx: LlapiContext, o: RequestOptions = {}): Promise<ManifestSummary[]> {
  const params = ctx.folderToken ? { folder_token: ctx.folderToken } : ctx.groupToken ? { group_token: ctx.groupToken } : {};
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/manifests', params, ...o });
}

function formatParams(o: ManifestFormatOptions) {
  return {
    sbom_format: optionalOneOf(o.sbomFormat, SBOM_FORMATS, 'sbom_format'),
    file_format: o.fileFormat,
    sbom_version: o.sbomVersion,
  };
}

/** `get_manifest_info(token, …)`: GET /manifests/{t}. */
export async function getManifestInfo(ctx: LlapiContext, token: string, o: ManifestFormatOptions = {}): Promise<ManifestInfo> {
  required(token, 'manifest_token');
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/manifests/{manifest_token}', pathParams: { manifest_token: token }, params: formatParams(o), signal: o.signal, timeout: o.timeout });
}

/** `get_manifest_file(token, …)`: the same path with `send_file=True`; the SBOM's bytes, unchanged. */
export async function getManifestFile(ctx: LlapiContext, token: string, o: ManifestFormatOptions = {}): Promise<Uint8Array> {
  required(token, 'manifest_token');
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/manifests/{manifest_token}', pathParams: { manifest_token: token },
    params: { send_file: true, ...formatParams(o) }, bytes: true, op: 'getManifestFile', signal: o.signal, timeout: o.timeout ?? ctx.longTimeout,
  });
}

/** `delete_manifest(token, confirmed=False)`: the server deletes only with `confirmed: true`. */
export async function deleteManifest(ctx: LlapiContext, token: string, o: { confirmed?: boolean } & RequestOptions = {}): Promise<SuccessMessage> {
  required(token, 'manifest_token');
  return ctx.send({ method: 'DELETE', path: '/api/v1/vigiles/manifests/{manifest_token}', pathParams: { manifest_token: token }, params: { confirmed: o.confirmed ?? false }, signal: o.signal, timeout: o.timeout });
}

/** `get_report_tokens(token)`. */
export async function getReportTokens(ctx: LlapiContext, token: string, o: RequestOptions = {}): Promise<ReportTokens> {
  required(token, 'manifest_token');
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/manifests/{manifest_token}/reports', pathParams: { manifest_token: token }, ...o });
}

/** `get_latest_report(token, filter_results=False, extra_fields=None)`. */
export async function getLatestReport(ctx: LlapiContext, token: string, o: LatestReportOptions = {}): Promise<ScanResult> {
  required(token, 'manifest_token');
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/manifests/{manifest_token}/reports/latest', pathParams: { manifest_token: token },
    params: { filtered: o.filterResults ?? false, with_field: stringList(o.extraFields, 'extra_fields') }, signal: o.signal, timeout: o.timeout,
  });
}

/** `set_custom_score(token, product_name, cve_id, custom_score, product_version=None)`. */
export async function setCustomScore(
  ctx: LlapiContext, token: string, productName: string, cveId: string, customScore: number | string,
  o: { productVersion?: string } & RequestOptions = {},
): Promise<SuccessMessage> {
  if (!token || !productName || !cveId || customScore === undefined || customScore === null || customScore === '') {
    throw new ConfigError('Missing required data from: { product_name, cve_id, custom_score, manifest_token }');
  }
  return ctx.send({
    method: 'POST', path: '/api/v1/vigiles/manifests/{manifest_token}/custom_scores', pathParams: { manifest_token: token },
    params: { package_name: productName, cve_id: cveId, custom_score: customScore, package_version: o.productVersion }, signal: o.signal, timeout: o.timeout,
  });
}

/** `bulk_move_manifests` / `bulk_copy_manifests`: one path, told apart by `copy`. */
export async function bulkMoveManifests(ctx: LlapiContext, tokens: readonly string[], copy: boolean, o: BulkMoveOptions = {}): Promise<StatusMessage> {
  if (!o.targetGroupToken && !o.targetFolderToken) throw new ConfigError('Please specify either a target group or target folder token');
  return ctx.send({
    method: 'POST', path: '/api/v1/vigiles/manifests/bulk-options/move', op: copy ? 'bulkCopyManifests' : 'bulkMoveManifests',
    params: {
      sbom_tokens: stringList(tokens, 'sbom_tokens'), copy, include_history: o.includeHistory ?? false,
      target_folder_token: o.targetFolderToken, target_group_token: o.targetGroupToken,
    },
    signal: o.signal, timeout: o.timeout,
  });
}
