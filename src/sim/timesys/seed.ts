import { seedCves } from './cve-db.js';
import type { TimesysEnv } from './env.js';
import type { TimesysGroup, TimesysState, TimesysUser } from './types.js';

/** A new group's settings. */
export function defaultSettings(): TimesysGroup['settings'] {
  return { vulnIdentifiers: ['CPE'], vulnStrictMatch: false, reportDepVulns: true, autoCloseJiraIssues: false, generateVulnAttrOnDate: false };
}

/** An empty state with the CVE database loaded. */
export function emptyState(): TimesysState {
  return {
    users: new Map(),
    groups: new Map(),
    folders: new Map(),
    manifests: new Map(),
    reports: new Map(),
    cves: seedCves(),
    vulnStatuses: [],
    customScores: [],
    activity: [],
    jobs: new Map(),
    failNextJob: undefined,
  };
}

/** Adds a user with their own Private Workspace. */
export function addUser(env: TimesysEnv, email: string, key: string, organizationToken: string): TimesysUser {
  const workspace: TimesysGroup = {
    token: env.token(),
    name: 'Private Workspace',
    description: `Private Workspace of ${email}`,
    groupType: 'Private Workspace',
    organizationToken,
    parentToken: null,
    archived: false,
    members: [{ email, role: 'admin', allowAccessToSubgroups: false }],
    settings: defaultSettings(),
  };
  env.state.groups.set(workspace.token, workspace);
  const user: TimesysUser = { email, key, organizationToken, privateWorkspace: workspace.token };
  env.state.users.set(email, user);
  return user;
}

/**
 * The starting world: one organization, the user (admin of group "Product A" with folder
 * "Release 1"), and a second member, `dev@example.com`, with read access.
 */
export function seedWorld(env: TimesysEnv, email: string, key: string): { organizationToken: string; groupToken: string; folderToken: string } {
  const organizationToken = env.token();
  addUser(env, email, key, organizationToken);
  const group: TimesysGroup = {
    token: env.token(),
    name: 'Product A',
    description: 'Seeded by the opskit simulator',
    groupType: 'Group',
    organizationToken,
    parentToken: null,
    archived: false,
    members: [
      { email, role: 'admin', allowAccessToSubgroups: true },
      { email: 'dev@example.com', role: 'user', allowAccessToSubgroups: false },
    ],
    settings: defaultSettings(),
  };
  env.state.groups.set(group.token, group);
  const folderToken = env.token();
  env.state.folders.set(folderToken, { token: folderToken, name: 'Release 1', description: 'First release', groupToken: group.token, parentToken: null, archived: false, creationDate: env.date() });
  return { organizationToken, groupToken: group.token, folderToken };
}
