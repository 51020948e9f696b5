import { SimError } from '../../app.js';
import { list, noContent, str } from '../input.js';
import type { createRouter, Req } from '../router.js';
import { resourceName } from '../rbac.js';
import { findMachine } from '../state.js';
import type { SimAccount, SimPolicy, SimRole } from '../types.js';
import { roleView } from '../views.js';

type Router = ReturnType<typeof createRouter>;
const RBAC = { minApi: '7.2.0' } as const;

function findRole(account: SimAccount, id: string): SimRole {
  const role = account.roles.get(id) ?? [...account.roles.values()].find((r) => r.name === id);
  if (!role) throw new SimError(404, 'ResourceNotFound', `${id} does not exist`);
  return role;
}

function findPolicy(account: SimAccount, id: string): SimPolicy {
  const p = account.policies.get(id) ?? [...account.policies.values()].find((x) => x.name === id);
  if (!p) throw new SimError(404, 'ResourceNotFound', `${id} does not exist`);
  return p;
}

/** Role members and policies arrive as names (API < 9) or objects (API 9): keep names. */
function names(r: Req, field: string, key: 'login' | 'name'): string[] | undefined {
  const raw = r.input[field];
  if (raw === undefined) return undefined;
  const arr = Array.isArray(raw) ? raw : list(r.input, field) ?? [];
  return arr.map((x) => (typeof x === 'string' ? x : String((x as Record<string, unknown>)[key] ?? (x as Record<string, unknown>).id ?? '')));
}

function defaults(r: Req): string[] | undefined {
  const raw = r.input.members;
  const explicit = names(r, 'default_members', 'login');
  if (explicit) return explicit;
  if (!Array.isArray(raw)) return undefined;
  return raw.filter((x) => typeof x === 'object' && x && (x as { default?: unknown }).default === true).map((x) => String((x as { login?: unknown }).login));
}

// SetRoleTags (lib/resources.js mount): PUT on the account and on any resource path below it.
// These generic routes are what makes `GET /my/datasets` a 405 (a PUT exists for that path).
function setRoleTagsHandler(r: Req): Response {
  const tags = list(r.input, 'role-tag');
  if (!tags) throw new SimError(409, 'MissingParameter', 'role-tag is required');
  for (const t of tags) if (![...r.account.roles.values()].some((x) => x.name === t)) throw new SimError(409, 'InvalidArgument', `Role(s) ${t} not found`);
  const name = resourceName(new URL(r.c.req.url).pathname, r.account.login);
  const machineId = /^\/[^/]+\/machines\/([^/]+)$/.exec(name)?.[1];
  if (machineId !== undefined) {
    // Machines keep their role tags themselves.
    findMachine(r.ctx.state, r.account, machineId, r.now).roleTags = [...tags];
  } else {
    r.account.roleTags.set(name, tags);
  }
  return r.c.json({ name, 'role-tag': tags });
}

/** Roles, policies and role tags. */
export function rbacRoutes({ route }: Router): void {
  route('GET', '/:login/roles', 'ListRoles', RBAC, (r) => r.c.json([...r.account.roles.values()].map((x) => roleView(r.account, x, r.version))));
  route('GET', '/:login/roles/:role', 'GetRole', RBAC, (r) => r.c.json(roleView(r.account, findRole(r.account, r.params.role!), r.version)));
  route('POST', '/:login/roles', 'CreateRole', RBAC, (r) => {
    const name = str(r.input, 'name', true);
    if ([...r.account.roles.values()].some((x) => x.name === name)) throw new SimError(409, 'InvalidArgument', `role ${name} already exists`);
    const role: SimRole = { id: r.ctx.random.uuid(), name, policies: names(r, 'policies', 'name') ?? [], members: names(r, 'members', 'login') ?? [], default_members: defaults(r) ?? [] };
    r.account.roles.set(role.id, role);
    return r.c.json(roleView(r.account, role, r.version), 201);
  });
  route('POST', '/:login/roles/:role', 'UpdateRole', RBAC, (r) => {
    const role = findRole(r.account, r.params.role!);
    role.name = str(r.input, 'name') ?? role.name;
    role.policies = names(r, 'policies', 'name') ?? role.policies;
    role.members = names(r, 'members', 'login') ?? role.members;
    role.default_members = defaults(r) ?? role.default_members;
    return r.c.json(roleView(r.account, role, r.version));
  });
  route('DELETE', '/:login/roles/:role', 'DeleteRole', RBAC, (r) => {
    r.account.roles.delete(findRole(r.account, r.params.role!).id);
    return noContent();
  });

  const policyView = (p: SimPolicy) => ({ ...p });
  route('GET', '/:login/policies', 'ListPolicies', RBAC, (r) => r.c.json([...r.account.policies.values()].map(policyView)));
  route('GET', '/:login/policies/:policy', 'GetPolicy', RBAC, (r) => r.c.json(policyView(findPolicy(r.account, r.params.policy!))));
  route('POST', '/:login/policies', 'CreatePolicy', RBAC, (r) => {
    const name = str(r.input, 'name', true);
    const rules = list(r.input, 'rules');
    if (!rules) throw new SimError(409, 'MissingParameter', 'rules is required');
    const description = str(r.input, 'description');
    const p: SimPolicy = { id: r.ctx.random.uuid(), name, rules, ...(description ? { description } : {}) };
    r.account.policies.set(p.id, p);
    return r.c.json(policyView(p), 201);
  });
  route('POST', '/:login/policies/:policy', 'UpdatePolicy', RBAC, (r) => {
    const p = findPolicy(r.account, r.params.policy!);
    p.name = str(r.input, 'name') ?? p.name;
    p.rules = list(r.input, 'rules') ?? p.rules;
    const description = str(r.input, 'description');
    if (description !== undefined) p.description = description;
    return r.c.json(policyView(p));
  });
  route('DELETE', '/:login/policies/:policy', 'DeletePolicy', RBAC, (r) => {
    r.account.policies.delete(findPolicy(r.account, r.params.policy!).id);
    return noContent();
  });

  route('PUT', '/:login', 'ReplaceAccountRoleTags', RBAC, setRoleTagsHandler);
  route('PUT', '/:login/machines/:machine', 'ReplaceMachineRoleTags', RBAC, setRoleTagsHandler);
  route('PUT', '/:login/users/:user/keys/:key', 'ReplaceUserKeysResourceRoleTags', RBAC, setRoleTagsHandler);
  route('PUT', '/:login/users/:user/:resource', 'ReplaceUserKeysResourcesRoleTags', RBAC, setRoleTagsHandler);
}

/** The catch-all SetRoleTags routes; registered after every other route so they never shadow one. */
export function roleTagFallbackRoutes({ route }: Router): void {
  route('PUT', '/:login/:resource', 'ReplaceResourcesRoleTags', RBAC, setRoleTagsHandler);
  route('PUT', '/:login/:resource/:id', 'ReplaceResourceRoleTags', RBAC, setRoleTagsHandler);
}
