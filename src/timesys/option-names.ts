import { CORE_OPTION_NAMES, namesOf } from '../core/options.js';
import type { CoreOptions } from '../core/types.js';
import type { LlapiOptions } from './llapi.js';
import type { SetStatusOptions } from './ops/cves.js';
import type { FolderTarget } from './ops/folders.js';
import type { ActivityLogSearch, GroupSettingsUpdate } from './ops/groups.js';
import type { JobWaitOptions } from './ops/jobs.js';
import type { BulkMoveOptions, LatestReportOptions, ManifestFormatOptions } from './ops/manifests.js';
import type { CompareReportsOptions, DownloadReportOptions } from './ops/reports.js';
import type { RescanOptions, UploadOptions } from './ops/upload.js';
import type { RequestOptions } from './types.js';


const REQUEST = namesOf<RequestOptions>()('signal', 'timeout');

/** `new Llapi(…)`: its own names plus every core client option. */
export const LLAPI_OPTIONS: readonly string[] = Object.freeze([
  ...namesOf<Omit<LlapiOptions, keyof CoreOptions>>()(
    'email', 'key', 'url', 'groupToken', 'folderToken', 'longTimeout', 'subfolderName', 'onWarning', 'readText', 'gunzip',
  ),
  ...CORE_OPTION_NAMES,
]);

/**
 * Upstream's names for the same settings: the key file's `organization_key` and `server_url`, the
 * dashboard config's `group`/`product`/`folder`, and the `VIGILES_*` variables' meanings.
 * (`group_token`, `folder_token`, `dry_run`, … map by the camelCase rule.)
 */
export const LLAPI_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  organization_key: 'key', organizationKey: 'key', api_key: 'key', apiKey: 'key', server_url: 'url', serverUrl: 'url',
  group: 'groupToken', product: 'groupToken', folder: 'folderToken', subfolder: 'subfolderName',
});

/** Each Llapi method's option names (upstream keyword names map to these by camelCase or the aliases below). */
export const METHOD_OPTIONS = {
  requestOnly: REQUEST,
  manifestFormat: namesOf<ManifestFormatOptions>()('sbomFormat', 'fileFormat', 'sbomVersion', 'signal', 'timeout'),
  upload: namesOf<UploadOptions>()(
    'kernelConfig', 'manifestName', 'ubootConfig', 'subfolderName', 'filterResults', 'uploadOnly', 'extraFields', 'ecosystems', 'subscribe',
    'exportFormat', 'cyclonedxFormat', 'cyclonedxVersion', 'returnJob', 'jobTimeout', 'pollInterval', 'onProgress', 'signal', 'timeout',
  ),
  rescan: namesOf<RescanOptions>()('rescanOnly', 'filterResults', 'extraFields', 'returnJob', 'jobTimeout', 'pollInterval', 'onProgress', 'signal', 'timeout'),
  deleteManifest: Object.freeze(['confirmed', ...REQUEST]),
  latestReport: namesOf<LatestReportOptions>()('filterResults', 'extraFields', 'signal', 'timeout'),
  customScore: Object.freeze(['productVersion', ...REQUEST]),
  bulkMove: namesOf<BulkMoveOptions>()('targetGroupToken', 'targetFolderToken', 'includeHistory', 'signal', 'timeout'),
  waitForJob: namesOf<JobWaitOptions>()('jobTimeout', 'pollInterval', 'onProgress', 'signal'),
  downloadReport: namesOf<DownloadReportOptions>()('filterResults', 'cyclonedxFormat', 'cyclonedxVersion', 'signal', 'timeout'),
  compareReports: namesOf<CompareReportsOptions>()('removeWhitelist', 'removeNotAffected', 'filterResults', 'signal', 'timeout'),
  getFolders: Object.freeze([...namesOf<FolderTarget>()('groupToken', 'folderToken', 'signal', 'timeout'), 'archivedOnly']),
  createFolder: Object.freeze([...namesOf<FolderTarget>()('groupToken', 'folderToken', 'signal', 'timeout'), 'description']),
  getGroups: Object.freeze(['includePrivateWorkspaces', ...REQUEST]),
  createGroup: Object.freeze(['description', 'groupToken', ...REQUEST]),
  getGroupInfo: Object.freeze(['subgroups', ...REQUEST]),
  addGroupMember: Object.freeze(['accessSubgroups', ...REQUEST]),
  groupSettings: namesOf<GroupSettingsUpdate>()(
    'vulnIdentifiers', 'vulnStrictMatch', 'reportDepVulns', 'autoCloseJiraIssues', 'generateVulnAttrOnDate', 'signal', 'timeout',
  ),
  activityLog: namesOf<ActivityLogSearch>()(
    'groupToken', 'folderToken', 'manifestToken', 'reportToken', 'userEmail', 'packageName', 'packageVersion', 'vulnId', 'logType',
    'logMethod', 'signal', 'timeout',
  ),
  cveInfo: Object.freeze(['fields', ...REQUEST]),
  searchCves: Object.freeze(['version', 'idsOnly', ...REQUEST]),
  setStatus: namesOf<SetStatusOptions>()(
    'justification', 'justificationDetail', 'packageVersion', 'manifestTokens', 'groupTokens', 'signal', 'timeout',
  ),
} as const;

/**
 * Upstream keyword and wire names that the camelCase rule does not turn into ours: the wire's
 * `filtered`, `with_field`, `confirm`, `group_description`, `allow_access_to_subgroups`, the job
 * wait's `timeout`-like names.
 */
export const METHOD_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  filtered: 'filterResults', with_field: 'extraFields', withField: 'extraFields', confirm: 'confirmed', group_description: 'description',
  groupDescription: 'description', allow_access_to_subgroups: 'accessSubgroups', allowAccessToSubgroups: 'accessSubgroups',
  include_private: 'includePrivateWorkspaces',
});

/** The aliases that lead to one of `names` (a hint must name an option the method has). */
export function aliasesFor(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(METHOD_ALIASES).filter(([, to]) => names.includes(to)));
}
