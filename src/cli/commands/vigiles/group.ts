import { LOG_METHODS, LOG_TYPES, VULN_IDENTIFIERS, type LogMethod, type LogType, type VulnIdentifier } from '../../../timesys/index.js';
import { flag, list, str, value, type Branch, type Leaf } from './tree.js';

const groupOpt = value(['-g', '--group-token', '--group_token'], 'groupToken', 'group (default: the dashboard config)', 'TOKEN');
const onOff = ['on', 'off'] as const;
const memberEmail = value(['-e', '--member-email', '--member_email'], 'memberEmail', "the member's e-mail", 'EMAIL');

function archive(archived: boolean): Leaf {
  return {
    summary: `${archived ? 'archive' : 'unarchive'} groups`,
    args: [{ name: 'TOKEN', variadic: true }],
    async run(ctx) {
      const llapi = await ctx.llapi();
      const tokens = ctx.args.TOKEN as string[];
      ctx.print(await (archived ? llapi.bulkArchiveGroups(tokens) : llapi.bulkUnarchiveGroups(tokens)));
    },
  };
}

const sw = (v: unknown) => (typeof v === 'string' ? (v as 'on' | 'off') : undefined);

/** `group …`: groups, settings, members and the activity log. */
export const groupCommands: Branch = {
  summary: 'groups, subgroups, members, settings and the activity log',
  children: {
    list_active: {
      summary: 'list active groups',
      options: [flag(['-p', '--include-private-workspaces'], 'includePrivate', 'also list Private Workspaces')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getGroups({ includePrivateWorkspaces: ctx.opts.includePrivate === true }));
      },
    },
    list_archived: {
      summary: 'list archived groups',
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getArchivedGroups());
      },
    },
    create: {
      summary: 'create a group (a subgroup of -g, or of the configured group)',
      args: [{ name: 'NAME' }],
      options: [value(['-d', '--description'], 'description', 'description', 'TEXT'), value(['-g', '--group-token', '--group_token'], 'groupToken', 'parent group', 'PARENT')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).createGroup(ctx.args.NAME as string, { description: str(ctx.opts.description), groupToken: str(ctx.opts.groupToken) }));
      },
    },
    delete: {
      summary: 'delete a group',
      args: [{ name: 'GROUP_TOKEN' }],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).deleteGroup(ctx.args.GROUP_TOKEN as string));
      },
    },
    info: {
      summary: 'print a group',
      options: [groupOpt, flag(['-s', '--subgroups'], 'subgroups', 'include subgroups')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getGroupInfo(str(ctx.opts.groupToken), { subgroups: ctx.opts.subgroups === true }));
      },
    },
    archive: archive(true),
    unarchive: archive(false),
    settings: {
      summary: 'vulnerability-matching settings',
      children: {
        info: {
          summary: "print a group's settings",
          options: [groupOpt],
          async run(ctx) {
            ctx.print(await (await ctx.llapi()).getGroupSettings(str(ctx.opts.groupToken)));
          },
        },
        update: {
          summary: "change a group's settings",
          options: [
            groupOpt,
            { ...list(['-i', '--vuln-identifiers'], 'vulnIdentifiers', 'how packages are matched', 'ID', VULN_IDENTIFIERS) },
            value(['-s', '--vuln-strict-match'], 'vulnStrictMatch', 'on or off', 'on|off', onOff),
            value(['-d', '--report-dep-vulns'], 'reportDepVulns', 'on or off', 'on|off', onOff),
            value(['-j', '--auto-close-jira-issues'], 'autoCloseJiraIssues', 'on or off', 'on|off', onOff),
            value(['-a', '--generate-vuln-attr-on-date'], 'generateVulnAttrOnDate', 'on or off (newer enterprise servers)', 'on|off', onOff),
          ],
          async run(ctx) {
            ctx.print(
              await (await ctx.llapi()).updateGroupSettings(str(ctx.opts.groupToken), {
                vulnIdentifiers: ctx.opts.vulnIdentifiers as VulnIdentifier[] | undefined,
                vulnStrictMatch: sw(ctx.opts.vulnStrictMatch),
                reportDepVulns: sw(ctx.opts.reportDepVulns),
                autoCloseJiraIssues: sw(ctx.opts.autoCloseJiraIssues),
                generateVulnAttrOnDate: sw(ctx.opts.generateVulnAttrOnDate),
              }),
            );
          },
        },
      },
    },
    members: {
      summary: 'group members',
      children: {
        list: {
          summary: "list a group's members",
          args: [{ name: 'GROUP_TOKEN' }],
          async run(ctx) {
            ctx.print(await (await ctx.llapi()).getGroupMembers(ctx.args.GROUP_TOKEN as string));
          },
        },
        add: {
          summary: 'add a member',
          args: [{ name: 'GROUP_TOKEN' }],
          options: [memberEmail, value(['-r', '--role'], 'role', 'role', 'ROLE'), flag(['-a', '--access-subgroups'], 'accessSubgroups', 'also give access to subgroups')],
          async run(ctx) {
            ctx.print(await (await ctx.llapi()).addGroupMember(ctx.args.GROUP_TOKEN as string, str(ctx.opts.memberEmail) ?? '', str(ctx.opts.role) ?? '', { accessSubgroups: ctx.opts.accessSubgroups === true }));
          },
        },
        update: {
          summary: "change a member's role",
          args: [{ name: 'GROUP_TOKEN' }],
          options: [memberEmail, value(['-r', '--new-role', '--new_role'], 'newRole', 'new role', 'ROLE')],
          async run(ctx) {
            ctx.print(await (await ctx.llapi()).updateGroupMember(ctx.args.GROUP_TOKEN as string, str(ctx.opts.memberEmail) ?? '', str(ctx.opts.newRole) ?? ''));
          },
        },
        remove: {
          summary: 'remove a member',
          args: [{ name: 'GROUP_TOKEN' }],
          options: [memberEmail],
          async run(ctx) {
            ctx.print(await (await ctx.llapi()).removeGroupMember(ctx.args.GROUP_TOKEN as string, str(ctx.opts.memberEmail) ?? ''));
          },
        },
      },
    },
    activity_log: {
      summary: "search a group's activity log",
      args: [{ name: 'GROUP_TOKEN' }],
      options: [
        value(['-f', '--folder-token', '--folder_token'], 'folderToken', 'only this folder', 'TOKEN'),
        value(['-s', '--manifest-token', '--manifest_token'], 'manifestToken', 'only this manifest (SBOM)', 'TOKEN'),
        value(['-r', '--report-token', '--report_token'], 'reportToken', 'only this report', 'TOKEN'),
        value(['-u', '--user-email', '--user_email'], 'userEmail', "only this user's actions", 'EMAIL'),
        value(['-p', '--package-name', '--package_name'], 'packageName', 'only this package', 'NAME'),
        value(['-v', '--package-version', '--package_version'], 'packageVersion', 'only this package version', 'V'),
        value(['-i', '--vuln-id', '--vuln_id'], 'vulnId', 'only this vulnerability', 'ID'),
        value(['-t', '--log-type', '--log_type'], 'logType', 'only this kind of entry', 'TYPE', LOG_TYPES),
        value(['-m', '--log-method', '--log_method'], 'logMethod', 'ui or api', 'METHOD', LOG_METHODS),
      ],
      async run(ctx) {
        ctx.print(
          await (await ctx.llapi()).searchActivityLog({
            groupToken: ctx.args.GROUP_TOKEN as string,
            folderToken: str(ctx.opts.folderToken),
            manifestToken: str(ctx.opts.manifestToken),
            reportToken: str(ctx.opts.reportToken),
            userEmail: str(ctx.opts.userEmail),
            packageName: str(ctx.opts.packageName),
            packageVersion: str(ctx.opts.packageVersion),
            vulnId: str(ctx.opts.vulnId),
            logType: str(ctx.opts.logType) as LogType | undefined,
            logMethod: str(ctx.opts.logMethod) as LogMethod | undefined,
          }),
        );
      },
    },
  },
};
