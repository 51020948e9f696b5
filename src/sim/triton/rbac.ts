import type { SimAccount, SimUser } from './types.js';

/**
 * Whether a sub-user may run `action` (the route name, lowercased, as mahi/aperture name them):
 * some role the user is a (default) member of has a policy with a rule `CAN <actions>` naming it
 * or `*`. A subset of Aperture: conditions (`IF …`, `WHERE …`) are not evaluated.
 */
export function subuserMay(account: SimAccount, user: SimUser, action: string): boolean {
  const act = action.toLowerCase();
  for (const role of account.roles.values()) {
    if (!role.members.includes(user.login) && !role.default_members.includes(user.login)) continue;
    for (const policyName of role.policies) {
      const policy = [...account.policies.values()].find((p) => p.name === policyName || p.id === policyName);
      for (const rule of policy?.rules ?? []) {
        const m = /^\s*can\s+(.+?)(?:\s+(?:if|where|when)\s.*)?$/i.exec(rule);
        if (!m) continue;
        const actions = m[1]!.split(/\s*(?:,|\band\b)\s*/i).map((a) => a.trim().toLowerCase());
        if (actions.includes('*') || actions.includes(act)) return true;
      }
    }
  }
  return false;
}
