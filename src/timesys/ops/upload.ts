import type { LlapiContext } from '../context.js';
import { CYCLONEDX_FORMATS, CYCLONEDX_VERSIONS, EXPORT_FORMATS, type CycloneDxFormat, type CycloneDxVersion, type ExportFormat, type Subscribe } from '../constants.js';
import { expandEcosystems } from '../ecosystems.js';
import { decodeExportedReport } from '../exported-report.js';
import { manifestText, type ManifestInput } from '../manifest-input.js';
import type { JobAccepted, RequestOptions, ScanResult, UploadResult } from '../types.js';
import { optionalOneOf, required, stringList } from '../validate.js';
import { waitForJob, type JobWaitOptions } from './jobs.js';
import { getLatestReport } from './manifests.js';

/** Options of `uploadManifest`, in upstream's names (camelCase). */
export interface UploadOptions extends JobWaitOptions, Omit<RequestOptions, 'signal'> {
  /** Kernel `.config` to filter kernel CVEs: its text, bytes, a Blob or `{ path }`. */
  kernelConfig?: ManifestInput;
  manifestName?: string;
  /** U-Boot `.config`, like `kernelConfig`. */
  ubootConfig?: ManifestInput;
  /** Create or use this subfolder of the configured folder (default: the client's `subfolderName`). */
  subfolderName?: string;
  /** Leave out whitelisted and resolved CVEs (`filter_results`). */
  filterResults?: boolean;
  /** Store the SBOM without scanning it. */
  uploadOnly?: boolean;
  /** Extra CVE fields (`with_field`). */
  extraFields?: readonly string[];
  /** `all`, or comma-separated names (or a list); unknown names are dropped with a warning. */
  ecosystems?: string | readonly string[];
  subscribe?: Subscribe;
  /** Also return the report in this format, as `exportedReport` bytes. */
  exportFormat?: ExportFormat;
  /** For cyclonedx-* exports. */
  cyclonedxFormat?: CycloneDxFormat;
  cyclonedxVersion?: CycloneDxVersion;
  /** Resolve with the accepted job (`{ job_id, status }`) instead of waiting for it. */
  returnJob?: boolean;
}

export interface RescanOptions extends JobWaitOptions, Omit<RequestOptions, 'signal'> {
  /** Make the new report without returning it. */
  rescanOnly?: boolean;
  filterResults?: boolean;
  extraFields?: readonly string[];
  returnJob?: boolean;
}

/**
 * `upload_manifest(...)`: POST /manifests with the SBOM text as the `manifest` field, then (newer
 * servers) waits for the background job and returns what upstream returns: the upload-only tokens,
 * or the latest report. A requested export is decoded into `exportedReport`.
 */
export async function uploadManifest(ctx: LlapiContext, manifest: ManifestInput, o: UploadOptions = {}): Promise<UploadResult | JobAccepted> {
  const text = await manifestText(manifest, 'manifest', ctx.readText);
  required(text, 'manifest data');
  const extraFields = stringList(o.extraFields, 'extra_fields');
  const exportFormat = optionalOneOf(o.exportFormat, EXPORT_FORMATS, 'export_format');
  const kernelConfig = o.kernelConfig === undefined ? undefined : await manifestText(o.kernelConfig, 'kernel_config', ctx.readText);
  const ubootConfig = o.ubootConfig === undefined ? undefined : await manifestText(o.ubootConfig, 'uboot_config', ctx.readText);
  const ecosystems = o.ecosystems === undefined ? undefined : expandEcosystems(o.ecosystems, ctx.warn);
  if (!ctx.groupToken) {
    ctx.warn('No group token is configured. Upload target will be "Private Workspace"');
    if (ctx.folderToken) ctx.warn('A folder token is configured without a group token: Private Workspace ignores folders');
  }
  // Field order is upstream's (protocols §3.3); it is the body's order, email last.
  const reply = await ctx.send<ScanResult | JobAccepted>({
    method: 'POST',
    path: '/api/v1/vigiles/manifests',
    params: {
      manifest: text,
      filter_results: o.filterResults ?? false,
      upload_only: o.uploadOnly ?? false,
      kernel_config: kernelConfig,
      manifest_name: o.manifestName,
      uboot_config: ubootConfig,
      subfolder_name: o.subfolderName ?? ctx.subfolderName,
      with_field: extraFields,
      ecosystems,
      subscribe: o.subscribe,
      folder_token: ctx.folderToken,
      group_token: ctx.groupToken,
      export_format: exportFormat,
      cyclonedx_format: optionalOneOf(o.cyclonedxFormat, CYCLONEDX_FORMATS, 'cyclonedx_format'),
      cyclonedx_version: optionalOneOf(o.cyclonedxVersion, CYCLONEDX_VERSIONS, 'cyclonedx_version'),
      // Exports come back in the reply itself, so only plain scans run as background jobs.
      async: !exportFormat,
    },
    timeout: o.timeout ?? ctx.longTimeout,
    signal: o.signal,
  });
  const job = await settleJob(ctx, reply, o);
  if (job === 'accepted') return reply as JobAccepted;
  if (job) {
    const r = job.result ?? {};
    if (o.uploadOnly) return { manifest_token: r.manifest_token, group_token: r.group_token, folder_token: r.folder_token } as UploadResult;
    return getLatestReport(ctx, String(r.manifest_token), { filterResults: o.filterResults, extraFields, signal: o.signal });
  }
  return withExport(ctx, reply as ScanResult);
}

/**
 * `rescan_manifest(token, rescan_only=False, filter_results=False, extra_fields=None)`: POST
 * /manifests/{t}/reports with the token repeated as `manifest`; waits for the job like an upload.
 */
export async function rescanManifest(ctx: LlapiContext, token: string, o: RescanOptions = {}): Promise<ScanResult | JobAccepted> {
  required(token, 'manifest_token');
  const extraFields = stringList(o.extraFields, 'extra_fields');
  const reply = await ctx.send<ScanResult | JobAccepted>({
    method: 'POST',
    path: '/api/v1/vigiles/manifests/{manifest_token}/reports',
    pathParams: { manifest_token: token },
    params: { manifest: token, rescan_only: o.rescanOnly ?? false, filtered: o.filterResults ?? false, with_field: extraFields, async: true },
    timeout: o.timeout ?? ctx.longTimeout,
    signal: o.signal,
  });
  const job = await settleJob(ctx, reply, o);
  if (job === 'accepted') return reply as JobAccepted;
  if (job) {
    if (o.rescanOnly) return job.result as ScanResult;
    return getLatestReport(ctx, token, { filterResults: o.filterResults, extraFields, signal: o.signal });
  }
  return reply as ScanResult;
}

/** No job in the reply (older servers): undefined. `returnJob`: 'accepted'. Otherwise the finished job. */
async function settleJob(ctx: LlapiContext, reply: ScanResult | JobAccepted, o: JobWaitOptions & { returnJob?: boolean }) {
  const jobId = (reply as Partial<JobAccepted>).job_id;
  if (typeof jobId !== 'string' || jobId === '') return undefined;
  if (o.returnJob) return 'accepted' as const;
  return waitForJob(ctx, jobId, o);
}

/** Upstream pops `exported_report` and saves its bytes; here they are returned as `exportedReport`. */
async function withExport(ctx: LlapiContext, result: ScanResult): Promise<UploadResult> {
  const encoded = result.exported_report;
  if (typeof encoded !== 'string') return result;
  const { exported_report: _dropped, ...rest } = result;
  try {
    return { ...rest, exportedReport: await decodeExportedReport(encoded, ctx.gunzip) };
  } catch (e) {
    // Upstream logs a failed save and still returns the scan; so does this, keeping the raw field.
    ctx.warn(`Unable to decode exported_report: ${(e as Error).message}`);
    return result;
  }
}
