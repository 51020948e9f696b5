import { ConfigError } from '../../core/errors/config-error.js';
import type { Provision } from './types.js';

/**
 * astakosclient takes provisions as Python dicts keyed by tuples (`{(source, resource): qty}`);
 * JavaScript objects cannot have tuple keys, so any of these works:
 * - `[[['project-uuid', 'cyclades.vm'], 1], …]` (or a `Map` with tuple keys): the tuples as given;
 * - `[{ source: 'project-uuid', resource: 'cyclades.vm', quantity: 1 }, …]`: named fields;
 * - `{ 'project-uuid': { 'cyclades.vm': 1 } }`: nested by key position (the last one holds the quantity).
 */
export type ProvisionEntries = Iterable<readonly [readonly string[], number]> | readonly Record<string, unknown>[] | Readonly<Record<string, unknown>>;

/** Flattens any {@link ProvisionEntries} into `[keys, quantity]` pairs of `arity` keys. */
export function provisionPairs(where: string, entries: ProvisionEntries, names: readonly string[]): [string[], number][] {
  const out: [string[], number][] = [];
  const check = (keys: unknown[], qty: unknown) => {
    if (keys.length !== names.length || keys.some((k) => typeof k !== 'string' || k === '')) {
      throw new ConfigError(`${where}: each provision needs ${names.join(', ')} (non-empty strings)`);
    }
    if (typeof qty !== 'number' || !Number.isInteger(qty)) throw new ConfigError(`${where}: provision quantities must be integers`);
    out.push([keys as string[], qty]);
  };
  if (entries === null || typeof entries !== 'object') throw new ConfigError(`${where}: provisions must be a list, a Map or an object`);
  if (Symbol.iterator in entries) {
    for (const item of entries as Iterable<unknown>) {
      if (Array.isArray(item) && item.length === 2 && Array.isArray(item[0])) check(item[0] as unknown[], item[1]);
      else if (item && typeof item === 'object' && !Array.isArray(item)) {
        const r = item as Record<string, unknown>;
        check(names.map((n) => r[n]), r.quantity);
      } else throw new ConfigError(`${where}: a provision must be [[${names.join(', ')}], quantity] or { ${names.join(', ')}, quantity }`);
    }
    return out;
  }
  const walk = (node: unknown, keys: string[]) => {
    if (keys.length === names.length) return check(keys, node);
    if (!node || typeof node !== 'object' || Array.isArray(node)) throw new ConfigError(`${where}: nested provisions must be ${names.map((n) => `{ ${n}:`).join(' ')} quantity ${names.map(() => '}').join(' ')}`);
    for (const [k, v] of Object.entries(node)) walk(v, [...keys, k]);
  };
  walk(entries, []);
  return out;
}

/** astakosclient `_mk_user_provision`: `user:<holder>` drawing from `project:<source>`. */
export function userProvision(holder: string, source: string, resource: string, quantity: number): Provision {
  return { holder: `user:${holder}`, source: `project:${source}`, resource, quantity };
}

/** astakosclient `_mk_project_provision`: the project's own holding (`source: null`). */
export function projectProvision(holder: string, resource: string, quantity: number): Provision {
  return { holder: `project:${holder}`, source: null, resource, quantity };
}

/** astakosclient `mk_provisions`: the user provision and the matching project provision. */
export function mkProvisions(holder: string, source: string, resource: string, quantity: number): Provision[] {
  return [userProvision(holder, source, resource, quantity), projectProvision(source, resource, quantity)];
}
