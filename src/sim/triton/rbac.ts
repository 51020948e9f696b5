import { SimError } from '../app.js';
import type { SimAccount, SimRole, SimUser, TritonState } from './types.js';

const isMember = (role: SimRole, user: SimUser) => role.members.includes(user.login) || role.default_members.includes(user.login);

/**
 * The roles a sub-user acts with (lib/auth.js authorize): the roles named in `as-role` (each must
 * be one the user is a member of, else 403), or else the user's default roles.
 */
export function activeRoles(account: SimAccount, user: SimUser, asRole: unknown): SimRole[] {
  const roles = [...account.roles.values()];
  const requested = typeof asRole === 'string' && asRole !== '' ? asRole.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (requested.length === 0) return roles.filter((r) => r.default_members.includes(user.login));
  return requested.map((name) => {
    const role = roles.find((r) => r.name === name && isMember(r, user));
    if (!role) throw new SimError(403, 'NotAuthorized', `You do not have permission to act as role ${JSON.stringify(name)}`);
    return role;
  });
}

/** Names of {@link activeRoles}. */
export function activeRoleNames(account: SimAccount, user: SimUser, asRole: unknown): string[] {
  return activeRoles(account, user, asRole).map((r) => r.name);
}

/**
 * The RBAC resource a request path names (lib/resources.js resourceName): `/acct`,
 * `/acct/<kind>`, `/acct/<kind>/<id>`, sub-user keys in full; everything under a machine is the
 * machine (its tags are inherited).
 */
export function resourceName(pathname: string, login: string): string {
  const p = pathname.split('/').slice(1).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  p[0] = login;
  if (p.length <= 3) return `/${p.join('/')}`;
  if (p[1] === 'users' && p[3] === 'keys') return `/${p.join('/')}`;
  return `/${p.slice(0, 3).join('/')}`;
}

/** Role names tagged on a resource: a machine keeps its own, everything else is kept per account. */
export function roleTagsOf(state: TritonState, account: SimAccount, name: string): string[] {
  const m = /^\/[^/]+\/machines\/([^/]+)$/.exec(name);
  if (m) {
    const machine = state.machines.get(m[1]!);
    if (machine && machine.owner === account.id) return [...machine.roleTags];
  }
  return [...(account.roleTags.get(name) ?? [])];
}

/** Whether some rule of the role's policies (`CAN a, b AND c`) allows `action`. Conditions are not evaluated. */
function roleAllows(account: SimAccount, role: SimRole, action: string): boolean {
  for (const policyName of role.policies) {
    const policy = [...account.policies.values()].find((p) => p.name === policyName || p.id === policyName);
    for (const rule of policy?.rules ?? []) {
      const m = /^\s*can\s+(.+?)(?:\s+(?:if|where|when)\s.*)?$/i.exec(rule);
      if (!m) continue;
      const actions = m[1]!.split(/\s*(?:,|\band\b)\s*/i).map((a) => a.trim().toLowerCase());
      if (actions.includes('*') || actions.includes(action)) return true;
    }
  }
  return false;
}

/**
 * Whether a sub-user may run `action` (the route name, lowercased, as mahi/aperture name them) on
 * a resource carrying `resourceRoles` (lib/auth.js authorize → mahi): some role that is active
 * for this request (default roles, or those named with `as-role`) must be tagged on the resource
 * and have a policy rule allowing the action. A subset of Aperture: conditions (`IF …`) are not
 * evaluated.
 */
export function subuserMay(account: SimAccount, active: readonly SimRole[], resourceRoles: readonly string[], action: string): boolean {
  const act = action.toLowerCase();
  return active.some((role) => resourceRoles.includes(role.name) && roleAllows(account, role, act));
}
