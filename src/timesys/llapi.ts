import { createClient, type OpsClient } from '../core/client.js';
import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { checkOptions } from '../core/options.js';
import type { CoreOptions, RetryOptions, TimeoutOptions } from '../core/types.js';
import { DEFAULT_SERVER } from './config/key-file.js';
import type { LlapiContext } from './context.js';
import type { Gunzip } from './exported-report.js';
import type { paths } from './generated/timesys-llapi.js';
import { operations } from './generated/timesys-llapi.meta.js';
import type { ManifestInput } from './manifest-input.js';
import * as cves from './ops/cves.js';
import * as folders from './ops/folders.js';
import * as groups from './ops/groups.js';
import * as jobs from './ops/jobs.js';
import * as manifests from './ops/manifests.js';
import * as reports from './ops/reports.js';
import * as upload from './ops/upload.js';
import * as utilities from './ops/utilities.js';
import { aliasesFor, LLAPI_ALIASES, LLAPI_OPTIONS, METHOD_OPTIONS } from './option-names.js';
import { resolveLlapiRetry } from './retry.js';
import { checkHeaders } from '../core/header-safe.js';
import { checkText } from './safe-text.js';
import { announcedLlapiAuth } from './signing/auth.js';
import { LlapiTransport } from './transport.js';
import type { CveField, ReportFormat, StatusScope, VulnStatusValue } from './constants.js';
import type {
  ActivityLogEntry, AppDbVersion, CompareResult, CreatedFolder, CveInfo, CveSearchResult, Folder, Group, GroupMembers,
  GroupSettings, Heartbeat, Job, JobAccepted, ManifestInfo, ManifestSummary, ReportTokens, RequestOptions, ScanResult,
  StatusMessage, SuccessMessage, UploadResult, VulnStatus,
} from './types.js';

/** Options of {@link Llapi}: a key file's contents, a dashboard config's tokens, and core options. */
export interface LlapiOptions extends Omit<CoreOptions, 'retry'> {
  /** The key file's `email`; sent as a parameter of every request. */
  email: string;
  /** The key file's `organization_key` or `key`; trimmed; never sent, only used to sign. */
  key: string;
  /** Server (default `https://vigiles.lynx.com`); trailing slashes are removed. */
  url?: string;
  /** Dashboard config `group`: default target of uploads, folders, settings, activity log. */
  groupToken?: string;
  /** Dashboard config `folder`. */
  folderToken?: string;
  /**
   * Retry policy. Default: the core's (idempotent methods only, jittered backoff). `'upstream'` is
   * the Python client's: 5 attempts 5 s apart on any 5xx or connection error, POST included.
   */
  retry?: RetryOptions | false | 'upstream';
  /**
   * Timeout of uploads, rescans and file downloads, which can take minutes server-side (default
   * 10 minutes per attempt, 15 in total). Other calls use `timeout` (core default 30 s / 120 s).
   */
  longTimeout?: number | TimeoutOptions;
  /** Default `subfolderName` of uploads (the build tools' `VIGILES_SUBFOLDER_NAME`). */
  subfolderName?: string;
  /** Upstream's logged warnings (no group token, unknown ecosystems, …). Default: ignored. */
  onWarning?: (message: string) => void;
  /** Reads `{ path }` manifest inputs as text (opskit/node's `loadLlapi` sets it). */
  readText?: (path: string) => Promise<string>;
  /** Gunzip for `exported_report` where `DecompressionStream` is missing. */
  gunzip?: Gunzip;
}

/**
 * Parameter names that look secret to the core's redactor (`*_token`) but are object identifiers
 * in LLAPI: every one the API has, so a dry run shows each identifier the same way in every field.
 */
export const LLAPI_PUBLIC_NAMES: readonly string[] = Object.freeze([
  'folder_token', 'group_token', 'group_tokens', 'manifest_token', 'manifest_tokens', 'organization_token', 'report_token',
  'sbom_tokens', 'target_folder_token', 'target_group_token', 'token_one', 'token_two', 'tokens',
]);

const DEFAULT_LONG_TIMEOUT: TimeoutOptions = { attempt: 600_000, total: 900_000 };

/**
 * Runs `run` once `options` holds only names the method knows (`null` read as no options); otherwise
 * rejects with the ConfigError (naming the key and the option meant) and sends nothing. A typo such
 * as `{ confirm: true }` for `confirmed` must never silently become `confirmed=False`.
 */
function checked<T, O extends object>(where: string, options: O | null | undefined, names: readonly string[], run: (options: O) => Promise<T>): Promise<T> {
  let checkedOptions: O;
  try {
    // The common case (no options, or only known names) costs a few `includes`; the full check,
    // which builds the alias hints for its message, runs only when something is off.
    checkedOptions = knownOnly(options, names) ? ((options ?? {}) as O) : checkOptions(where, options, names, aliasesFor(names));
  } catch (e) {
    return Promise.reject(e);
  }
  return run(checkedOptions);
}

/** True for no options, or a plain object whose every own key is one of `names`. */
function knownOnly(options: object | null | undefined, names: readonly string[]): boolean {
  if (options === undefined || options === null) return true;
  if (typeof options !== 'object' || Array.isArray(options)) return false;
  for (const key in options) if (!Object.prototype.hasOwnProperty.call(options, key) || !names.includes(key)) return false;
  return true;
}

/**
 * The Timesys Vigiles API ("LLAPI"), the TypeScript twin of the `timesys` Python package: one method
 * per upstream function, in camelCase, with upstream's client-side checks and messages. Every
 * request is signed with HMAC-SHA256 (`X-Auth-Signature`) exactly as upstream signs it.
 *
 * @example
 * ```ts
 * const llapi = new Llapi({ ...parseKeyFile(keyText), ...parseDashboardConfig(dashText) });
 * await llapi.heartbeat(); // { ok: true }
 * const report = await llapi.uploadManifest(sbomText, { manifestName: 'image' });
 * ```
 */
export class Llapi {
  /** The server used when no `url` is given. */
  static readonly DEFAULT_SERVER = DEFAULT_SERVER;
  /** The key file's e-mail. */
  readonly email: string;
  /** The server's base URL, without a trailing slash. */
  readonly url: string;
  /** Configured group token (dashboard config); may be changed at any time, as upstream allows. */
  groupToken: string | undefined;
  /** Configured folder token (dashboard config); may be changed at any time. */
  folderToken: string | undefined;
  /** Default subfolder of uploads. */
  subfolderName: string | undefined;
  /** True when built with `dryRun: true`: every method resolves with the request it would send. */
  readonly dryRun: boolean;
  /** The typed openapi-fetch client (signed like the methods) for anything they do not wrap. */
  readonly api: OpsClient<paths>['api'];
  readonly #ctx: LlapiContext;

  /**
   * @throws ConfigError for an unknown option name (naming the one meant: `group_token` →
   *   `groupToken`, `organization_key` → `key`), a missing e-mail or key, text no request could
   *   carry (control characters, lone surrogates), or a malformed URL. The key is never quoted.
   */
  constructor(options: LlapiOptions) {
    checkOptions('new Llapi()', options, LLAPI_OPTIONS, LLAPI_ALIASES);
    if (options === undefined || options === null) throw new ConfigError('new Llapi() needs options: { email, key, … } (see parseKeyFile)');
    const { email, key, url, groupToken, folderToken, retry, longTimeout, subfolderName, onWarning, readText, gunzip, ...core } = options;
    if (typeof email !== 'string' || email.trim() === '') throw new ConfigError('Llapi needs the key file e-mail (email)');
    if (typeof key !== 'string' || key.trim() === '') throw new ConfigError('Llapi needs the API key (key); see parseKeyFile');
    // The e-mail and key are trimmed (a key read from a file ends with a newline); what is left must be clean.
    for (const [name, value] of [['email', email.trim()], ['key', key.trim()], ['groupToken', groupToken], ['folderToken', folderToken], ['subfolderName', subfolderName]] as const) {
      checkText('new Llapi()', name, value);
    }
    checkHeaders('new Llapi()', core.headers);
    this.email = email.trim();
    this.url = (url ?? DEFAULT_SERVER).trim().replace(/\/+$/, '');
    let basePath: string;
    try {
      // A URL parser silently drops CR, LF and tabs; such a URL is a mistake, not a server.
      if (/[\u0000-\u0020\u007f]/.test(this.url)) throw new TypeError('whitespace');
      basePath = new URL(this.url).pathname;
    } catch {
      throw new ConfigError('new Llapi(): url is not a valid URL');
    }
    this.groupToken = groupToken || undefined;
    this.folderToken = folderToken || undefined;
    this.subfolderName = subfolderName || undefined;
    this.dryRun = core.dryRun === true;
    const auth = announcedLlapiAuth({ email: this.email, key, basePath });
    const secrets = [key.trim(), ...(core.secrets ?? [])];
    // LLAPI's *_token parameters name objects (groups, folders, manifests); they are part of the
    // signed message and upstream's dry run prints them, so they are shown, not redacted.
    const publicNames = [...LLAPI_PUBLIC_NAMES, ...(core.publicNames ?? [])];
    const client = createClient<paths>({
      ...core,
      baseUrl: this.url,
      operations,
      auth,
      retry: resolveLlapiRetry(retry),
      secrets,
      publicNames,
    });
    this.api = client.api;
    const transport = new LlapiTransport(client, this.email, {
      auth,
      reveal: core.reveal === true,
      secrets: () => [...secrets, ...(auth.secrets?.() ?? [])],
      publicNames,
    });
    const self = this;
    this.#ctx = {
      send: (call) => transport.send(call),
      get groupToken() { return self.groupToken; },
      get folderToken() { return self.folderToken; },
      get subfolderName() { return self.subfolderName; },
      longTimeout: longTimeout ?? DEFAULT_LONG_TIMEOUT,
      warn: (message) => onWarning?.(message),
      readText,
      gunzip,
      now: core.now,
      sleep: core.sleep,
    };
    if (this.dryRun) return dryRunnable(this);
  }

  /** Upstream's `current_config`, without the key: e-mail, URL, tokens and dry-run flag. */
  currentConfig(): { email: string; url: string; groupToken: string | undefined; folderToken: string | undefined; dryRun: boolean } {
    return { email: this.email, url: this.url, groupToken: this.groupToken, folderToken: this.folderToken, dryRun: this.dryRun };
  }

  // ── utilities ────────────────────────────────────────────────────────────────

  /** `heartbeat()`: checks the server is up and the signature accepted. Resolves `{ ok: true }`. */
  heartbeat(options?: RequestOptions): Promise<Heartbeat> {
    return checked('Llapi.heartbeat()', options, METHOD_OPTIONS.requestOnly, (o) => utilities.heartbeat(this.#ctx, o));
  }

  /** `get_app_db_version()`: `{ app_version, database_version }`. */
  getAppDbVersion(options?: RequestOptions): Promise<AppDbVersion> {
    return checked('Llapi.getAppDbVersion()', options, METHOD_OPTIONS.requestOnly, (o) => utilities.getAppDbVersion(this.#ctx, o));
  }

  // ── manifests ────────────────────────────────────────────────────────────────

  /** `get_manifests()`: the configured folder's manifests, else the configured group's, else every accessible one. */
  getManifests(options?: RequestOptions): Promise<ManifestSummary[]> {
    return checked('Llapi.getManifests()', options, METHOD_OPTIONS.requestOnly, (o) => manifests.getManifests(this.#ctx, o));
  }

  /** `get_manifest_info(manifest_token, sbom_format?, file_format?, sbom_version?)`. */
  getManifestInfo(manifestToken: string, options?: manifests.ManifestFormatOptions): Promise<ManifestInfo> {
    return checked('Llapi.getManifestInfo()', options, METHOD_OPTIONS.manifestFormat, (o) => manifests.getManifestInfo(this.#ctx, manifestToken, o));
  }

  /** `get_manifest_file(...)`: the SBOM file's bytes, unchanged. */
  getManifestFile(manifestToken: string, options?: manifests.ManifestFormatOptions): Promise<Uint8Array> {
    return checked('Llapi.getManifestFile()', options, METHOD_OPTIONS.manifestFormat, (o) => manifests.getManifestFile(this.#ctx, manifestToken, o));
  }

  /**
   * `upload_manifest(...)`: uploads an SBOM (text, bytes, a Blob/File, or `{ path }` with opskit/node)
   * to the configured group and folder, waits for the background job on servers that run one
   * (`onProgress`, `jobTimeout`, `signal`), and resolves with the report, the upload-only tokens,
   * or with `returnJob` the accepted job. An `exportFormat` comes back as `exportedReport` bytes.
   */
  uploadManifest(manifest: ManifestInput, options: upload.UploadOptions & { returnJob: true }): Promise<JobAccepted>;
  uploadManifest(manifest: ManifestInput, options?: upload.UploadOptions): Promise<UploadResult>;
  uploadManifest(manifest: ManifestInput, options?: upload.UploadOptions): Promise<UploadResult | JobAccepted> {
    return checked('Llapi.uploadManifest()', options, METHOD_OPTIONS.upload, (o) => upload.uploadManifest(this.#ctx, manifest, o));
  }

  /** `rescan_manifest(manifest_token, rescan_only=False, filter_results=False, extra_fields=None)`; waits for the job like an upload. */
  rescanManifest(manifestToken: string, options: upload.RescanOptions & { returnJob: true }): Promise<JobAccepted>;
  rescanManifest(manifestToken: string, options?: upload.RescanOptions): Promise<ScanResult>;
  rescanManifest(manifestToken: string, options?: upload.RescanOptions): Promise<ScanResult | JobAccepted> {
    return checked('Llapi.rescanManifest()', options, METHOD_OPTIONS.rescan, (o) => upload.rescanManifest(this.#ctx, manifestToken, o));
  }

  /** `delete_manifest(manifest_token, confirmed=False)`: the server deletes only with `confirmed: true`. */
  deleteManifest(manifestToken: string, options?: { confirmed?: boolean } & RequestOptions): Promise<SuccessMessage> {
    return checked('Llapi.deleteManifest()', options, METHOD_OPTIONS.deleteManifest, (o) => manifests.deleteManifest(this.#ctx, manifestToken, o));
  }

  /** `get_report_tokens(manifest_token)`: the manifest and the tokens of its reports. */
  getReportTokens(manifestToken: string, options?: RequestOptions): Promise<ReportTokens> {
    return checked('Llapi.getReportTokens()', options, METHOD_OPTIONS.requestOnly, (o) => manifests.getReportTokens(this.#ctx, manifestToken, o));
  }

  /** `get_latest_report(manifest_token, filter_results=False, extra_fields=None)`. */
  getLatestReport(manifestToken: string, options?: manifests.LatestReportOptions): Promise<ScanResult> {
    return checked('Llapi.getLatestReport()', options, METHOD_OPTIONS.latestReport, (o) => manifests.getLatestReport(this.#ctx, manifestToken, o));
  }

  /** `set_custom_score(manifest_token, product_name, cve_id, custom_score, product_version=None)`. */
  setCustomScore(
    manifestToken: string, productName: string, cveId: string, customScore: number | string, options?: { productVersion?: string } & RequestOptions,
  ): Promise<SuccessMessage> {
    return checked('Llapi.setCustomScore()', options, METHOD_OPTIONS.customScore, (o) => manifests.setCustomScore(this.#ctx, manifestToken, productName, cveId, customScore, o));
  }

  /** `bulk_move_manifests(tokens, target_group_token=None, target_folder_token=None, include_history=False)`. */
  bulkMoveManifests(tokens: readonly string[], options: manifests.BulkMoveOptions): Promise<StatusMessage> {
    return checked('Llapi.bulkMoveManifests()', options, METHOD_OPTIONS.bulkMove, (o) => manifests.bulkMoveManifests(this.#ctx, tokens, false, o));
  }

  /** `bulk_copy_manifests(...)`: the move endpoint with `copy=True`. */
  bulkCopyManifests(tokens: readonly string[], options: manifests.BulkMoveOptions): Promise<StatusMessage> {
    return checked('Llapi.bulkCopyManifests()', options, METHOD_OPTIONS.bulkMove, (o) => manifests.bulkMoveManifests(this.#ctx, tokens, true, o));
  }

  // ── jobs (newer enterprise servers) ──────────────────────────────────────────

  /** `GET /jobs/{job_id}`: one look at a background upload or rescan. */
  getJob(jobId: string, options?: RequestOptions): Promise<Job> {
    return checked('Llapi.getJob()', options, METHOD_OPTIONS.requestOnly, (o) => jobs.getJob(this.#ctx, jobId, o));
  }

  /** Polls a job until it succeeds (resolves) or fails (throws VigilesJobError); TimeoutError after `jobTimeout`. */
  waitForJob(jobId: string, options?: jobs.JobWaitOptions): Promise<Job> {
    return checked('Llapi.waitForJob()', options, METHOD_OPTIONS.waitForJob, (o) => jobs.waitForJob(this.#ctx, jobId, o));
  }

  // ── reports ──────────────────────────────────────────────────────────────────

  /** `download_report(report_token, format, …)`: the file's exact bytes. */
  downloadReport(reportToken: string, format: ReportFormat, options?: reports.DownloadReportOptions): Promise<Uint8Array> {
    return checked('Llapi.downloadReport()', options, METHOD_OPTIONS.downloadReport, (o) => reports.downloadReport(this.#ctx, reportToken, format, o));
  }

  /** `compare_reports(token_one, token_two, …)`: `{ resolved, new }`. */
  compareReports(tokenOne: string, tokenTwo: string, options?: reports.CompareReportsOptions): Promise<CompareResult> {
    return checked('Llapi.compareReports()', options, METHOD_OPTIONS.compareReports, (o) => reports.compareReports(this.#ctx, tokenOne, tokenTwo, o));
  }

  // ── folders ──────────────────────────────────────────────────────────────────

  /** `get_folders(group_token=None, folder_token=None, archived_only=False)`; tokens default to the configured ones. */
  getFolders(options?: folders.FolderTarget & { archivedOnly?: boolean }): Promise<Folder[]> {
    return checked('Llapi.getFolders()', options, METHOD_OPTIONS.getFolders, (o) => folders.getFolders(this.#ctx, o));
  }

  /** `create_folder(folder_name, description=None, group_token=None, folder_token=None)`. */
  createFolder(folderName: string, options?: folders.FolderTarget & { description?: string }): Promise<CreatedFolder> {
    return checked('Llapi.createFolder()', options, METHOD_OPTIONS.createFolder, (o) => folders.createFolder(this.#ctx, folderName, o));
  }

  /** `archive_folders(tokens)`. */
  archiveFolders(tokens: readonly string[], options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.archiveFolders()', options, METHOD_OPTIONS.requestOnly, (o) => folders.archiveFolders(this.#ctx, tokens, true, o));
  }

  /** `unarchive_folders(tokens)`. */
  unarchiveFolders(tokens: readonly string[], options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.unarchiveFolders()', options, METHOD_OPTIONS.requestOnly, (o) => folders.archiveFolders(this.#ctx, tokens, false, o));
  }

  // ── groups ───────────────────────────────────────────────────────────────────

  /** `get_groups(include_private_workspaces=False)`. */
  getGroups(options?: { includePrivateWorkspaces?: boolean } & RequestOptions): Promise<Group[]> {
    return checked('Llapi.getGroups()', options, METHOD_OPTIONS.getGroups, (o) => groups.getGroups(this.#ctx, o));
  }

  /** `get_archived_groups()`. */
  getArchivedGroups(options?: RequestOptions): Promise<Group[]> {
    return checked('Llapi.getArchivedGroups()', options, METHOD_OPTIONS.requestOnly, (o) => groups.getArchivedGroups(this.#ctx, o));
  }

  /** `create_group(group_name, group_description=None, group_token=None)`: a subgroup when a parent is given or configured. */
  createGroup(groupName: string, options?: { description?: string; groupToken?: string } & RequestOptions): Promise<Group> {
    return checked('Llapi.createGroup()', options, METHOD_OPTIONS.createGroup, (o) => groups.createGroup(this.#ctx, groupName, o));
  }

  /** `get_group_info(group_token=None, subgroups=False)`. */
  getGroupInfo(groupToken?: string, options?: { subgroups?: boolean } & RequestOptions): Promise<Group> {
    return checked('Llapi.getGroupInfo()', options, METHOD_OPTIONS.getGroupInfo, (o) => groups.getGroupInfo(this.#ctx, groupToken, o));
  }

  /** `bulk_archive_groups(tokens)`. */
  bulkArchiveGroups(tokens: readonly string[], options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.bulkArchiveGroups()', options, METHOD_OPTIONS.requestOnly, (o) => groups.archiveGroups(this.#ctx, tokens, true, o));
  }

  /** `bulk_unarchive_groups(tokens)`. */
  bulkUnarchiveGroups(tokens: readonly string[], options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.bulkUnarchiveGroups()', options, METHOD_OPTIONS.requestOnly, (o) => groups.archiveGroups(this.#ctx, tokens, false, o));
  }

  /** `delete_group(group_token)`. */
  deleteGroup(groupToken: string, options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.deleteGroup()', options, METHOD_OPTIONS.requestOnly, (o) => groups.deleteGroup(this.#ctx, groupToken, o));
  }

  /** `get_group_members(group_token)`. */
  getGroupMembers(groupToken: string, options?: RequestOptions): Promise<GroupMembers> {
    return checked('Llapi.getGroupMembers()', options, METHOD_OPTIONS.requestOnly, (o) => groups.getGroupMembers(this.#ctx, groupToken, o));
  }

  /** `add_group_member(group_token, member_email, role, access_subgroups=False)`. */
  addGroupMember(groupToken: string, memberEmail: string, role: string, options?: { accessSubgroups?: boolean } & RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.addGroupMember()', options, METHOD_OPTIONS.addGroupMember, (o) => groups.addGroupMember(this.#ctx, groupToken, memberEmail, role, o));
  }

  /** `update_group_member(group_token, member_email, new_role)`. */
  updateGroupMember(groupToken: string, memberEmail: string, newRole: string, options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.updateGroupMember()', options, METHOD_OPTIONS.requestOnly, (o) => groups.updateGroupMember(this.#ctx, groupToken, memberEmail, newRole, o));
  }

  /** `remove_group_member(group_token, member_email)`. */
  removeGroupMember(groupToken: string, memberEmail: string, options?: RequestOptions): Promise<StatusMessage> {
    return checked('Llapi.removeGroupMember()', options, METHOD_OPTIONS.requestOnly, (o) => groups.removeGroupMember(this.#ctx, groupToken, memberEmail, o));
  }

  /** `get_group_settings(group_token=None)`. */
  getGroupSettings(groupToken?: string, options?: RequestOptions): Promise<GroupSettings> {
    return checked('Llapi.getGroupSettings()', options, METHOD_OPTIONS.requestOnly, (o) => groups.getGroupSettings(this.#ctx, groupToken, o));
  }

  /** `update_group_settings(group_token=None, vuln_identifiers=None, …)`: each setting sent only when given. */
  updateGroupSettings(groupToken?: string, options?: groups.GroupSettingsUpdate): Promise<StatusMessage> {
    return checked('Llapi.updateGroupSettings()', options, METHOD_OPTIONS.groupSettings, (o) => groups.updateGroupSettings(this.#ctx, groupToken, o));
  }

  /** `search_activity_log(...)`: group and folder default to the configured tokens. */
  searchActivityLog(options?: groups.ActivityLogSearch): Promise<ActivityLogEntry[]> {
    return checked('Llapi.searchActivityLog()', options, METHOD_OPTIONS.activityLog, (o) => groups.searchActivityLog(this.#ctx, o));
  }

  // ── CVEs ─────────────────────────────────────────────────────────────────────

  /** `get_cve_info(cve_id, fields=None)`. */
  getCveInfo(cveId: string, options?: { fields?: readonly CveField[] } & RequestOptions): Promise<CveInfo> {
    return checked('Llapi.getCveInfo()', options, METHOD_OPTIONS.cveInfo, (o) => cves.getCveInfo(this.#ctx, cveId, o));
  }

  /** `search_cves_by_product(product, version="", ids_only=False)`: ids, or id → description. */
  searchCvesByProduct(product: string, options?: { version?: string; idsOnly?: boolean } & RequestOptions): Promise<CveSearchResult> {
    return checked('Llapi.searchCvesByProduct()', options, METHOD_OPTIONS.searchCves, (o) => cves.searchCvesByProduct(this.#ctx, product, o));
  }

  /** `set_status(scope, cve_id, package_name, status, …)`. */
  setStatus(scope: StatusScope, cveId: string, packageName: string, status: VulnStatusValue, options?: cves.SetStatusOptions): Promise<SuccessMessage> {
    return checked('Llapi.setStatus()', options, METHOD_OPTIONS.setStatus, (o) => cves.setStatus(this.#ctx, scope, cveId, packageName, status, o));
  }

  /** `get_vuln_status(cve_id, package_name, package_version, manifest_token)`. */
  getVulnStatus(cveId: string, packageName: string, packageVersion: string, manifestToken: string, options?: RequestOptions): Promise<VulnStatus> {
    return checked('Llapi.getVulnStatus()', options, METHOD_OPTIONS.requestOnly, (o) => cves.getVulnStatus(this.#ctx, cveId, packageName, packageVersion, manifestToken, o));
  }
}

