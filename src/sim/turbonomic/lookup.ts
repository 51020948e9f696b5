import { SimError } from '../app.js';
import type { Collection } from '../state.js';
import type { Json, Stored, TurbonomicState } from './types.js';

/** The DTO of a stored object: without the collection key and internal `_` fields. */
export function view(stored: Stored): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(stored)) if (k !== 'id' && !k.startsWith('_')) out[k] = v;
  return out;
}

/** A stored object or a 404 in Turbonomic's words. */
export function mustGet(col: Collection<Stored>, uuid: string, what: string): Stored {
  const found = col.get(uuid);
  if (found === undefined) throw new SimError(404, 'NOT_FOUND', `${what} not found: ${uuid}`);
  return found;
}

/** Any object by uuid: an entity, group, market, target, template, scenario, action or user. */
export function findAny(state: TurbonomicState, uuid: string): Json | undefined {
  const i = state.inventory.indexOf(uuid);
  if (i >= 0) return state.inventory.entity(i);
  for (const col of [state.groups, state.markets, state.targets, state.templates, state.scenarios, state.actions, state.users]) {
    const found = col.get(uuid);
    if (found !== undefined) return view(found);
  }
  if (uuid === 'Market') {
    const rt = state.markets.get(state.realtimeMarket);
    if (rt) return view(rt);
  }
  return undefined;
}

/** A market by uuid, `Market` naming the real-time one. */
export function marketOf(state: TurbonomicState, uuid: string): Stored {
  return mustGet(state.markets, uuid === 'Market' ? state.realtimeMarket : uuid, 'Market');
}

/** Direct members of a group: entities or nested groups, unknown uuids left out. */
export function groupMembers(state: TurbonomicState, group: Stored): Json[] {
  const out: Json[] = [];
  for (const uuid of (group.memberUuidList as string[] | undefined) ?? []) {
    const i = state.inventory.indexOf(uuid);
    if (i >= 0) out.push(state.inventory.entity(i));
    else {
      const g = state.groups.get(uuid);
      if (g) out.push(view(g));
    }
  }
  return out;
}

/** Leaf entity indexes of a group (nested groups expanded, each entity once). */
export function groupLeaves(state: TurbonomicState, group: Stored, seen = new Set<string>()): number[] {
  const out: number[] = [];
  if (seen.has(group.uuid)) return out;
  seen.add(group.uuid);
  for (const uuid of (group.memberUuidList as string[] | undefined) ?? []) {
    const i = state.inventory.indexOf(uuid);
    if (i >= 0) out.push(i);
    else {
      const g = state.groups.get(uuid);
      if (g) out.push(...groupLeaves(state, g, seen));
    }
  }
  return [...new Set(out)];
}

/** Entity indexes a scope uuid stands for: the entity itself, a group's leaves, or (for a market) undefined = everything. */
export function scopeIndexes(state: TurbonomicState, uuid: string): number[] | undefined {
  if (uuid === 'Market' || uuid === state.realtimeMarket) return undefined;
  const i = state.inventory.indexOf(uuid);
  if (i >= 0) return [i];
  const g = state.groups.get(uuid);
  if (g) return groupLeaves(state, g);
  throw new SimError(404, 'NOT_FOUND', `Scope not found: ${uuid}`);
}
