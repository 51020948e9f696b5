import { SimError } from '../../app.js';
import { groupLeaves, view } from '../lookup.js';
import { arraySource, pageResponse } from '../paging.js';
import type { Json } from '../types.js';
import { param, type RouteEnv } from './context.js';

/** One entity, its actions and its groups. */
export function entityRoutes({ app, b, ctx, paging }: RouteEnv): void {
  const { state } = ctx;
  const inv = state.inventory;
  const mustIndex = (uuid: string) => {
    const i = inv.indexOf(uuid);
    if (i < 0) throw new SimError(404, 'NOT_FOUND', `Entity not found: ${uuid}`);
    return i;
  };

  app.get(`${b}/entities/:uuid`, (c) => {
    const i = mustIndex(param(c, 'uuid'));
    const entity: Json = inv.entity(i);
    if (/^true$/i.test(c.req.query('include_aspects') ?? '') && entity.className === 'VirtualMachine') {
      entity.aspects = { virtualMachineAspect: { os: 'Linux', numVCPUs: 2 + (i % 4), ip: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`] } };
    }
    return c.json(entity);
  });

  app.get(`${b}/entities/:uuid/actions`, (c) => {
    const uuid = inv.uuidOf(mustIndex(param(c, 'uuid')));
    const found = state.actions.filter((a) => (a.target as Json | undefined)?.uuid === uuid).map(view);
    return pageResponse(c, state, arraySource(found), paging);
  });

  app.get(`${b}/entities/:uuid/groups`, (c) => {
    const i = mustIndex(param(c, 'uuid'));
    const found = state.groups.filter((g) => groupLeaves(state, g).includes(i)).map(view);
    return pageResponse(c, state, arraySource(found), paging);
  });
}
