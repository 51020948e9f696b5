import { SimError } from '../../app.js';
import { KIND } from '../fixtures.js';
import { groupLeaves, groupMembers, mustGet, view } from '../lookup.js';
import { arraySource, indexSource, pageResponse } from '../paging.js';
import { periodDates, snapshots, statNames } from '../stats.js';
import type { Json, Stored, TurbonomicState } from '../types.js';
import { objectBody, optionalObjectBody, param, type RouteEnv } from './context.js';

/**
 * Members the server keeps: uuids of entities of the group's type, or of other groups. Unknown
 * uuids are dropped silently, as the real server does (which is why clients validate).
 */
function acceptedMembers(state: TurbonomicState, groupType: string, members: unknown): string[] {
  if (members === undefined) return [];
  if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) throw new SimError(400, 'BAD_REQUEST', 'memberUuidList must be a list of uuids');
  const out = new Set<string>();
  for (const uuid of members as string[]) {
    const i = state.inventory.indexOf(uuid);
    if ((i >= 0 && state.inventory.classOf(i) === groupType) || state.groups.has(uuid)) out.add(uuid);
  }
  return [...out];
}

function requireText(body: Json, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '') throw new SimError(400, 'BAD_REQUEST', `${field} is required`);
  return v;
}

/** Groups: list, create, read, edit (static only), delete, members, leaf entities, actions, stats. */
export function groupRoutes({ app, b, ctx, paging, seed, uuid: makeUuid }: RouteEnv): void {
  const { state } = ctx;
  const inv = state.inventory;
  const group = (uuid: string): Stored => mustGet(state.groups, uuid, 'Group');

  app.get(`${b}/groups`, (c) => pageResponse(c, state, arraySource(state.groups.list().map(view)), paging));

  app.post(`${b}/groups`, async (c) => {
    const body = await objectBody(c);
    const displayName = requireText(body, 'displayName');
    const groupType = requireText(body, 'groupType');
    const isStatic = body.isStatic !== false;
    const members = acceptedMembers(state, groupType, body.memberUuidList);
    const uuid = makeUuid(KIND.group);
    const stored = state.groups.insert({
      id: uuid, uuid, displayName, className: 'Group', groupType, isStatic, memberUuidList: members, membersCount: members.length,
      environmentType: 'ONPREM', ...(Array.isArray(body.criteriaList) ? { criteriaList: body.criteriaList } : {}),
      ...(typeof body.logicalOperator === 'string' ? { logicalOperator: body.logicalOperator } : {}),
    } as Stored);
    return c.json(view(stored));
  });

  app.get(`${b}/groups/:uuid`, (c) => c.json(view(group(param(c, 'uuid')))));

  app.put(`${b}/groups/:uuid`, async (c) => {
    const current = group(param(c, 'uuid'));
    if (current.isStatic !== true) throw new SimError(400, 'BAD_REQUEST', `Group ${current.uuid} is not static and cannot be edited`);
    const body = await objectBody(c);
    const displayName = typeof body.displayName === 'string' && body.displayName !== '' ? body.displayName : current.displayName;
    const members = body.memberUuidList === undefined ? (current.memberUuidList as string[]) : acceptedMembers(state, String(current.groupType), body.memberUuidList);
    const updated = state.groups.update(current.id, { displayName, memberUuidList: members, membersCount: members.length });
    return c.json(view(updated as Stored));
  });

  app.delete(`${b}/groups/:uuid`, (c) => {
    const g = group(param(c, 'uuid'));
    if (g.className === 'Cluster') throw new SimError(400, 'BAD_REQUEST', 'Discovered clusters cannot be deleted');
    state.groups.remove(g.id);
    return c.json(true);
  });

  app.get(`${b}/groups/:uuid/members`, (c) => pageResponse(c, state, arraySource(groupMembers(state, group(param(c, 'uuid')))), paging));

  app.get(`${b}/groups/:uuid/entities`, (c) => {
    const leaves = groupLeaves(state, group(param(c, 'uuid')));
    return pageResponse(c, state, indexSource(leaves.length, (k) => inv.entity(leaves[k] as number)), paging);
  });

  app.get(`${b}/groups/:uuid/actions`, (c) => {
    const leaves = new Set(groupLeaves(state, group(param(c, 'uuid'))).map((i) => inv.uuidOf(i)));
    const found = state.actions.filter((a) => leaves.has(String((a.target as Json | undefined)?.uuid))).map(view);
    return pageResponse(c, state, arraySource(found), paging);
  });

  const stats = (uuid: string, body: Json) => {
    const g = group(uuid);
    return snapshots(seed, g.uuid, statNames(body.statistics, String(g.groupType)), periodDates(body, ctx.clock.now()));
  };
  app.get(`${b}/groups/:uuid/stats`, (c) => c.json(stats(param(c, 'uuid'), {})));
  app.post(`${b}/groups/:uuid/stats`, async (c) => c.json(stats(param(c, 'uuid'), await optionalObjectBody(c))));
}
