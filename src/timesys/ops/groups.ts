import { ConfigError } from '../../core/errors/config-error.js';
import type { LlapiContext } from '../context.js';
import { LOG_METHODS, LOG_TYPES, VULN_IDENTIFIERS, type LogMethod, type LogType, type VulnIdentifier } from '../constants.js';
import type { ActivityLogEntry, Group, GroupMembers, GroupSettings, RequestOptions, StatusMessage } from '../types.js';
import { onOff, optionalOneOf, required, stringList } from '../validate.js';

type Switch = boolean | 'on' | 'off';

export interface GroupSettingsUpdate extends RequestOptions {
  vulnIdentifiers?: readonly VulnIdentifier[];
  vulnStrictMatch?: Switch;
  reportDepVulns?: Switch;
  autoCloseJiraIssues?: Switch;
  /** Newer enterprise CLI only; sent as `generate_vuln_attr_on_date` (wire name unverified upstream). */
  generateVulnAttrOnDate?: Switch;
}

export interface ActivityLogSearch extends RequestOptions {
  groupToken?: string;
  folderToken?: string;
  manifestToken?: string;
  reportToken?: string;
  userEmail?: string;
  packageName?: string;
  packageVersion?: string;
  vulnId?: string;
  logType?: LogType;
  logMethod?: LogMethod;
}

/**
 * The argument, else (undefined or null) the configured token, else upstream's error. An empty
 * string is refused rather than read as "not given" (Python's `or`): it is a caller's mistake that
 * would otherwise act on the configured group.
 */
function groupOrConfigured(ctx: LlapiContext, token: string | undefined | null): string {
  if (token === '') throw new ConfigError('group_token is empty; pass a group token, or nothing to use the configured one');
  const g = token ?? ctx.groupToken;
  if (!g) throw new ConfigError('group_token is required either as a parameter or configured on the llapi object');
  return g;
}

const G = '/api/v1/vigiles/groups/{group_token}' as const;

/** `get_groups(include_private_workspaces=False)`. */
export async function getGroups(ctx: LlapiContext, o: { includePrivateWorkspaces?: boolean } & RequestOptions = {}): Promise<Group[]> {
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/groups', params: { include_private_workspaces: o.includePrivateWorkspaces ?? false }, signal: o.signal, timeout: o.timeout });
}

/** `get_archived_groups()`. */
export async function getArchivedGroups(ctx: LlapiContext, o: RequestOptions = {}): Promise<Group[]> {
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/groups/archived', ...o });
}

/** `create_group(group_name, group_description=None, group_token=None)`: with a (configured) parent, a subgroup. */
export async function createGroup(ctx: LlapiContext, groupName: string, o: { description?: string; groupToken?: string } & RequestOptions = {}): Promise<Group> {
  required(groupName, 'group_name');
  return ctx.send({
    method: 'POST', path: '/api/v1/vigiles/groups',
    params: { group_name: groupName, description: o.description, group_token: o.groupToken || ctx.groupToken },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `get_group_info(group_token=None, subgroups=False)`. */
export async function getGroupInfo(ctx: LlapiContext, groupToken?: string, o: { subgroups?: boolean } & RequestOptions = {}): Promise<Group> {
  return ctx.send({ method: 'GET', path: G, pathParams: { group_token: groupOrConfigured(ctx, groupToken) }, params: { subgroups: o.subgroups ?? false }, signal: o.signal, timeout: o.timeout });
}

/** `bulk_archive_groups(tokens)` / `bulk_unarchive_groups(tokens)`. */
export async function archiveGroups(ctx: LlapiContext, tokens: readonly string[], archive: boolean, o: RequestOptions = {}): Promise<StatusMessage> {
  const params = { tokens: stringList(tokens, 'tokens') };
  return archive
    ? ctx.send({ method: 'PATCH', path: '/api/v1/vigiles/groups/archive', params, ...o })
    : ctx.send({ method: 'PATCH', path: '/api/v1/vigiles/groups/unarchive', params, ...o });
}

/** `delete_group(group_token)`. */
export async function deleteGroup(ctx: LlapiContext, groupToken: string, o: RequestOptions = {}): Promise<StatusMessage> {
  required(groupToken, 'group_token');
  return ctx.send({ method: 'DELETE', path: G, pathParams: { group_token: groupToken }, ...o });
}

/** `get_group_members(group_token)`. */
export async function getGroupMembers(ctx: LlapiContext, groupToken: string, o: RequestOptions = {}): Promise<GroupMembers> {
  required(groupToken, 'group_token');
  return ctx.send({ method: 'GET', path: `${G}/members`, pathParams: { group_token: groupToken }, ...o });
}

/** `add_group_member(group_token, member_email, role, access_subgroups=False)`. */
export async function addGroupMember(
  ctx: LlapiContext, groupToken: string, memberEmail: string, role: string, o: { accessSubgroups?: boolean } & RequestOptions = {},
): Promise<StatusMessage> {
  required(groupToken, 'group_token');
  required(memberEmail, 'member_email');
  required(role, 'role');
  return ctx.send({
    method: 'POST', path: `${G}/members`, pathParams: { group_token: groupToken },
    params: { member_email: memberEmail, role, allow_access_to_subgroups: o.accessSubgroups ?? false },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `update_group_member(group_token, member_email, new_role)`: the e-mail goes raw into the path. */
export async function updateGroupMember(ctx: LlapiContext, groupToken: string, memberEmail: string, newRole: string, o: RequestOptions = {}): Promise<StatusMessage> {
  required(groupToken, 'group_token');
  required(memberEmail, 'member_email');
  required(newRole, 'new_role');
  return ctx.send({ method: 'PUT', path: `${G}/members/{member_email}`, pathParams: { group_token: groupToken, member_email: memberEmail }, params: { new_role: newRole }, ...o });
}

/** `remove_group_member(group_token, member_email)`. */
export async function removeGroupMember(ctx: LlapiContext, groupToken: string, memberEmail: string, o: RequestOptions = {}): Promise<StatusMessage> {
  required(groupToken, 'group_token');
  required(memberEmail, 'member_email');
  return ctx.send({ method: 'DELETE', path: `${G}/members/{member_email}`, pathParams: { group_token: groupToken, member_email: memberEmail }, ...o });
}

/** `get_group_settings(group_token=None)`. */
export async function getGroupSettings(ctx: LlapiContext, groupToken?: string, o: RequestOptions = {}): Promise<GroupSettings> {
  return ctx.send({ method: 'GET', path: `${G}/settings`, pathParams: { group_token: groupOrConfigured(ctx, groupToken) }, ...o });
}

/** `update_group_settings(group_token=None, …)`: each setting sent only when given. */
export async function updateGroupSettings(ctx: LlapiContext, groupToken: string | undefined, o: GroupSettingsUpdate = {}): Promise<StatusMessage> {
  const g = groupOrConfigured(ctx, groupToken);
  const ids = o.vulnIdentifiers === undefined ? undefined : stringList(o.vulnIdentifiers, 'vuln_identifiers')?.map((v) => optionalOneOf(v, VULN_IDENTIFIERS, 'vuln_identifiers'));
  return ctx.send({
    method: 'PATCH', path: `${G}/settings`, pathParams: { group_token: g },
    params: {
      vuln_identifiers: ids as string[] | undefined,
      vuln_strict_match: onOff(o.vulnStrictMatch, 'vuln_strict_match'),
      report_dep_vulns: onOff(o.reportDepVulns, 'report_dep_vulns'),
      auto_close_jira_issues: onOff(o.autoCloseJiraIssues, 'auto_close_jira_issues'),
      generate_vuln_attr_on_date: onOff(o.generateVulnAttrOnDate, 'generate_vuln_attr_on_date'),
    },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `search_activity_log(...)`: the group token goes in the path and again in the query; filters only when set. */
export async function searchActivityLog(ctx: LlapiContext, o: ActivityLogSearch = {}): Promise<ActivityLogEntry[]> {
  const g = groupOrConfigured(ctx, o.groupToken);
  const set = (v: string | undefined) => (v ? v : undefined);
  return ctx.send({
    method: 'GET', path: `${G}/activity_log`, pathParams: { group_token: g },
    params: {
      group_token: g,
      folder_token: set(o.folderToken || ctx.folderToken),
      manifest_token: set(o.manifestToken),
      report_token: set(o.reportToken),
      user_email: set(o.userEmail),
      package_name: set(o.packageName),
      package_version: set(o.packageVersion),
      vuln_id: set(o.vulnId),
      log_type: optionalOneOf(set(o.logType), LOG_TYPES, 'log_type'),
      log_method: optionalOneOf(set(o.logMethod), LOG_METHODS, 'log_method'),
    },
    signal: o.signal, timeout: o.timeout,
  });
}
