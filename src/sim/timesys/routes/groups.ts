import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { canAccess, mustGroup } from '../access.js';
import { BASE, type TimesysEnv } from '../env.js';
import { llapi, params } from '../request.js';
import { defaultSettings } from '../seed.js';
import type { TimesysGroup, TimesysUser } from '../types.js';

const VULN_IDENTIFIERS = ['PURL', 'CPE', 'CVE Product', 'Package Name'];
const LOG_TYPES = ['create_note', 'delete_note', 'import_note', 'update_vuln_status', 'import_vuln_status', 'update_custom_score', 'import_custom_score', 'create_jira_issue', 'delete_jira_issue'];

/** `/groups…`: groups and subgroups, archive state, members, settings and the activity log. */
export function groupRoutes(app: Hono, env: TimesysEnv): void {
  const { state } = env;
  const children = (g: TimesysGroup) => [...state.groups.values()].filter((x) => x.parentToken === g.token);
  const view = (g: TimesysGroup, withSubgroups = false): Record<string, unknown> => ({
    name: g.name,
    description: g.description,
    token: g.token,
    group_type: g.groupType,
    organization_token: g.organizationToken,
    ...(withSubgroups && { subgroups: children(g).map((s) => view(s)) }),
  });
  const visible = (user: TimesysUser) => [...state.groups.values()].filter((g) => canAccess(env, user, g));
  const message = (text: string) => ({ message: text, status_code: 200 });

  app.get(`${BASE}/groups`, (c) => {
    const { user } = llapi(c);
    const withPrivate = params(c).bool('include_private_workspaces');
    return c.json(visible(user).filter((g) => !g.archived && (withPrivate || g.groupType !== 'Private Workspace')).map((g) => view(g)));
  });

  app.get(`${BASE}/groups/archived`, (c) => c.json(visible(llapi(c).user).filter((g) => g.archived).map((g) => view(g))));

  app.post(`${BASE}/groups`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const name = p.need('group_name');
    const parentToken = p.get('group_token');
    const parent = parentToken ? mustGroup(env, user, parentToken, { admin: true }) : undefined;
    if (parent?.groupType === 'Private Workspace') throw new SimError(400, 'BadRequest', 'Private Workspace cannot have subgroups');
    const group: TimesysGroup = {
      token: env.token(),
      name,
      description: p.get('description') ?? '',
      groupType: parent ? 'Subgroup' : 'Group',
      organizationToken: user.organizationToken,
      parentToken: parent?.token ?? null,
      archived: false,
      members: [{ email: user.email, role: 'admin', allowAccessToSubgroups: true }],
      settings: defaultSettings(),
    };
    state.groups.set(group.token, group);
    return c.json(view(group));
  });

  for (const [word, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.patch(`${BASE}/groups/${word}`, (c) => {
      const { user } = llapi(c);
      const tokens = params(c).all('tokens');
      if (tokens.length === 0) throw new SimError(400, 'BadRequest', 'Missing required parameter: tokens');
      const groups = tokens.map((t) => mustGroup(env, user, t, { admin: true }));
      if (groups.some((g) => g.groupType === 'Private Workspace')) throw new SimError(400, 'BadRequest', 'Private Workspace cannot be archived');
      for (const g of groups) g.archived = archived;
      return c.json(message(`${archived ? 'Archived' : 'Unarchived'} ${groups.length} group(s)`));
    });
  }

  app.get(`${BASE}/groups/:group_token`, (c) => {
    const group = mustGroup(env, llapi(c).user, c.req.param('group_token'));
    return c.json(view(group, params(c).bool('subgroups')));
  });

  app.delete(`${BASE}/groups/:group_token`, (c) => {
    const group = mustGroup(env, llapi(c).user, c.req.param('group_token'), { admin: true });
    if (group.groupType === 'Private Workspace') throw new SimError(400, 'BadRequest', 'Private Workspace cannot be deleted');
    const doomed = new Set<string>();
    const collect = (g: TimesysGroup) => {
      doomed.add(g.token);
      children(g).forEach(collect);
    };
    collect(group);
    for (const t of doomed) state.groups.delete(t);
    for (const [t, f] of state.folders) if (doomed.has(f.groupToken)) state.folders.delete(t);
    for (const [t, m] of state.manifests) if (doomed.has(m.groupToken)) state.manifests.delete(t);
    for (const [t, r] of state.reports) if (!state.manifests.has(r.manifestToken)) state.reports.delete(t);
    return c.json(message(`Group ${group.name} deleted`));
  });

  app.get(`${BASE}/groups/:group_token/members`, (c) => {
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'));
    return c.json({
      group_name: g.name, description: g.description, token: g.token, group_type: g.groupType,
      group_members: g.members.map((m) => ({ email: m.email, role: m.role, allow_access_to_subgroups: m.allowAccessToSubgroups })),
    });
  });

  app.post(`${BASE}/groups/:group_token/members`, (c) => {
    const p = params(c);
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'), { admin: true });
    const email = p.need('member_email');
    const role = p.need('role');
    if (g.members.some((m) => m.email === email)) throw new SimError(400, 'BadRequest', `${email} is already a member`);
    g.members.push({ email, role, allowAccessToSubgroups: p.bool('allow_access_to_subgroups') });
    return c.json(message(`${email} added to ${g.name}`));
  });

  app.put(`${BASE}/groups/:group_token/members/:member_email`, (c) => {
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'), { admin: true });
    const member = g.members.find((m) => m.email === c.req.param('member_email'));
    if (!member) throw new SimError(404, 'NotFound', 'Member not found');
    member.role = params(c).need('new_role');
    return c.json(message(`${member.email} is now ${member.role}`));
  });

  app.delete(`${BASE}/groups/:group_token/members/:member_email`, (c) => {
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'), { admin: true });
    const email = c.req.param('member_email');
    const at = g.members.findIndex((m) => m.email === email);
    if (at === -1) throw new SimError(404, 'NotFound', 'Member not found');
    g.members.splice(at, 1);
    return c.json(message(`${email} removed from ${g.name}`));
  });

  app.get(`${BASE}/groups/:group_token/settings`, (c) => {
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'));
    const s = g.settings;
    // The switches are stored as booleans but answered as upstream documents them: "on" / "off".
    const onOff = (v: boolean) => (v ? 'on' : 'off');
    return c.json({
      name: g.name, token: g.token, vuln_identifiers: s.vulnIdentifiers, vuln_strict_match: onOff(s.vulnStrictMatch),
      report_dep_vulns: onOff(s.reportDepVulns), auto_close_jira_issues: onOff(s.autoCloseJiraIssues), generate_vuln_attr_on_date: onOff(s.generateVulnAttrOnDate),
    });
  });

  app.patch(`${BASE}/groups/:group_token/settings`, (c) => {
    const p = params(c);
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'), { admin: true });
    const ids = p.all('vuln_identifiers');
    const bad = ids.filter((v) => !VULN_IDENTIFIERS.includes(v));
    if (bad.length) throw new SimError(400, 'BadRequest', `Invalid vuln_identifiers: ${bad.join(', ')}`);
    const next = { ...g.settings };
    if (ids.length) next.vulnIdentifiers = ids;
    const set = (name: string, field: 'vulnStrictMatch' | 'reportDepVulns' | 'autoCloseJiraIssues' | 'generateVulnAttrOnDate') => {
      const v = p.onOff(name);
      if (v !== undefined) next[field] = v;
    };
    set('vuln_strict_match', 'vulnStrictMatch');
    set('report_dep_vulns', 'reportDepVulns');
    set('auto_close_jira_issues', 'autoCloseJiraIssues');
    set('generate_vuln_attr_on_date', 'generateVulnAttrOnDate');
    g.settings = next;
    return c.json(message('Group settings updated'));
  });

  app.get(`${BASE}/groups/:group_token/activity_log`, (c) => {
    const p = params(c);
    const g = mustGroup(env, llapi(c).user, c.req.param('group_token'));
    if (p.need('group_token') !== g.token) throw new SimError(400, 'BadRequest', 'group_token does not match the path');
    const logType = p.choice('log_type', LOG_TYPES);
    const logMethod = p.choice('log_method', ['ui', 'api']);
    const filters: [keyof (typeof state.activity)[number], string | undefined][] = [
      ['folder', p.get('folder_token')], ['manifest', p.get('manifest_token')], ['report', p.get('report_token')],
      ['user', p.get('user_email')], ['package', p.get('package_name')], ['package_version', p.get('package_version')],
      ['vuln_id', p.get('vuln_id')], ['log_type', logType], ['method', logMethod],
    ];
    const hits = state.activity.filter((e) => e.group === g.token && filters.every(([k, v]) => v === undefined || v === '' || e[k] === v));
    return c.json([...hits].reverse());
  });
}
