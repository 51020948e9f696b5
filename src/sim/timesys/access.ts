import { SimError } from '../app.js';
import type { TimesysEnv } from './env.js';
import type { TimesysFolder, TimesysGroup, TimesysManifest, TimesysReport, TimesysUser } from './types.js';

/**
 * Whether `user` may see `group`: its Private Workspace, a group they are a member of, or a
 * subgroup of one where they are an admin or were given access to subgroups.
 */
export function canAccess(env: TimesysEnv, user: TimesysUser, group: TimesysGroup): boolean {
  if (group.groupType === 'Private Workspace') return group.token === user.privateWorkspace;
  if (group.members.some((m) => m.email === user.email)) return true;
  for (let p = group.parentToken; p !== null; ) {
    const parent = env.state.groups.get(p);
    if (!parent) break;
    const m = parent.members.find((x) => x.email === user.email);
    if (m && (m.role === 'admin' || m.allowAccessToSubgroups)) return true;
    p = parent.parentToken;
  }
  return false;
}

/** Whether `user` administers `group` (directly, or as admin of a parent group). */
export function isAdmin(env: TimesysEnv, user: TimesysUser, group: TimesysGroup): boolean {
  if (group.groupType === 'Private Workspace') return group.token === user.privateWorkspace;
  for (let g: TimesysGroup | undefined = group; g; g = g.parentToken === null ? undefined : env.state.groups.get(g.parentToken)) {
    if (g.members.some((m) => m.email === user.email && m.role === 'admin')) return true;
  }
  return false;
}

export function mustGroup(env: TimesysEnv, user: TimesysUser, token: string, options: { admin?: boolean } = {}): TimesysGroup {
  const group = env.state.groups.get(token);
  if (!group) throw new SimError(404, 'NotFound', `Group not found: ${token}`);
  if (!canAccess(env, user, group)) throw new SimError(403, 'Forbidden', 'You do not have access to this group');
  if (options.admin && !isAdmin(env, user, group)) throw new SimError(403, 'Forbidden', 'Group admin role required');
  return group;
}

export function mustFolder(env: TimesysEnv, user: TimesysUser, token: string): TimesysFolder {
  const folder = env.state.folders.get(token);
  if (!folder) throw new SimError(404, 'NotFound', `Folder not found: ${token}`);
  mustGroup(env, user, folder.groupToken);
  return folder;
}

export function mustManifest(env: TimesysEnv, user: TimesysUser, token: string): TimesysManifest {
  const manifest = env.state.manifests.get(token);
  if (!manifest) throw new SimError(404, 'NotFound', `Manifest not found: ${token}`);
  mustGroup(env, user, manifest.groupToken);
  return manifest;
}

export function mustReport(env: TimesysEnv, user: TimesysUser, token: string): TimesysReport {
  const report = env.state.reports.get(token);
  if (!report) throw new SimError(404, 'NotFound', `Report not found: ${token}`);
  mustManifest(env, user, report.manifestToken);
  return report;
}

/** "Org / Group / Subgroup / Folder / Subfolder", as the latest report's `group_path`. */
export function groupPath(env: TimesysEnv, manifest: TimesysManifest): string {
  const names: string[] = [];
  for (let f = manifest.folderToken === null ? undefined : env.state.folders.get(manifest.folderToken); f; f = f.parentToken === null ? undefined : env.state.folders.get(f.parentToken)) {
    names.unshift(f.name);
  }
  for (let g = env.state.groups.get(manifest.groupToken); g; g = g.parentToken === null ? undefined : env.state.groups.get(g.parentToken)) {
    names.unshift(g.name);
  }
  return names.join(' / ');
}
