import { ConfigError } from '../../core/errors/config-error.js';
import type { TritonContext } from '../context.js';
import type { RoleTags } from '../types.js';

// SetRoleTags works on every resource path (protocols §4); the spec lists each one. Resource
// path (relative to the account) → spec path and its parameter names.
const TEMPLATES: readonly [RegExp, string, readonly string[]][] = [
  [/^$/, '/{login}', []],
  [/^keys$/, '/{login}/keys', []],
  [/^keys\/([^/]+)$/, '/{login}/keys/{key}', ['key']],
  [/^users$/, '/{login}/users', []],
  [/^users\/([^/]+)$/, '/{login}/users/{user}', ['user']],
  [/^users\/([^/]+)\/keys$/, '/{login}/users/{user}/keys', ['user']],
  [/^users\/([^/]+)\/keys\/([^/]+)$/, '/{login}/users/{user}/keys/{key}', ['user', 'key']],
  [/^roles$/, '/{login}/roles', []],
  [/^roles\/([^/]+)$/, '/{login}/roles/{role}', ['role']],
  [/^policies$/, '/{login}/policies', []],
  [/^policies\/([^/]+)$/, '/{login}/policies/{policy}', ['policy']],
  [/^datacenters$/, '/{login}/datacenters', []],
  [/^images$/, '/{login}/images', []],
  [/^images\/([^/]+)$/, '/{login}/images/{image}', ['image']],
  [/^packages$/, '/{login}/packages', []],
  [/^packages\/([^/]+)$/, '/{login}/packages/{package}', ['package']],
  [/^machines$/, '/{login}/machines', []],
  [/^machines\/([^/]+)$/, '/{login}/machines/{machine}', ['machine']],
  [/^fwrules$/, '/{login}/fwrules', []],
  [/^fwrules\/([^/]+)$/, '/{login}/fwrules/{rule}', ['rule']],
  [/^networks$/, '/{login}/networks', []],
  [/^networks\/([^/]+)$/, '/{login}/networks/{network}', ['network']],
];

/** Resource paths SetRoleTags accepts, for messages. */
const KINDS = 'the account, keys, users, user keys, roles, policies, datacenters, images, packages, machines, fwrules, networks';

/** Role tags. */
export const roleTagMethods = {
  /**
   * SetRoleTags: `PUT /:login/<resource>` with `{"role-tag": [...]}`. `resource` is relative to the
   * account (`''` for the account itself, `machines`, `machines/<id>`, `users/<u>/keys/<k>`, …);
   * a leading `/<login>/` or `/my/` is accepted too.
   */
  setRoleTags(this: TritonContext, resource: string, roleTags: readonly string[]): Promise<RoleTags> {
    if (typeof resource !== 'string') return Promise.reject(new ConfigError('setRoleTags: resource must be a string such as "machines/<id>"'));
    if (!Array.isArray(roleTags)) return Promise.reject(new ConfigError('setRoleTags: roleTags must be a list of role names'));
    let rel = resource.replace(/^\/+|\/+$/g, '');
    const first = rel.split('/')[0];
    if (resource.startsWith('/') && (first === this.login || first === 'my' || first === this.accountLogin)) rel = rel.split('/').slice(1).join('/');
    for (const [re, template, names] of TEMPLATES) {
      const m = re.exec(rel);
      if (!m) continue;
      const path: Record<string, string> = { login: this.login };
      try {
        names.forEach((n, i) => (path[n] = decodeURIComponent(m[i + 1]!)));
      } catch {
        return Promise.reject(new ConfigError('setRoleTags: the resource path has a malformed %-escape; nothing was sent'));
      }
      // Decoded values then go through the core's path-parameter check (`machines/%2e%2e` is refused there).
      const put = this.api.PUT as unknown as (url: string, init: unknown) => Promise<RoleTags>;
      return put(template, { params: { path }, body: { 'role-tag': [...roleTags] } });
    }
    return Promise.reject(new ConfigError(`setRoleTags: ${JSON.stringify(resource)} is not a resource path (${KINDS})`));
  },
};
