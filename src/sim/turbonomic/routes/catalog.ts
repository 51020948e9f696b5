import { SimError } from '../../app.js';
import { KIND } from '../fixtures.js';
import { mustGet, view } from '../lookup.js';
import { arraySource, pageResponse } from '../paging.js';
import type { Json, Stored } from '../types.js';
import { userOf } from '../auth.js';
import { objectBody, param, type RouteEnv } from './context.js';

/** Targets, templates, users and scenarios. */
export function catalogRoutes({ app, b, ctx, paging, uuid }: RouteEnv): void {
  const { state } = ctx;

  app.get(`${b}/targets`, (c) => pageResponse(c, state, arraySource(state.targets.list().map(view)), paging));
  app.get(`${b}/targets/:uuid`, (c) => c.json(view(mustGet(state.targets, param(c, 'uuid'), 'Target'))));
  app.get(`${b}/targets/:uuid/actions`, (c) => {
    const target = mustGet(state.targets, param(c, 'uuid'), 'Target');
    const found = state.actions.filter((a) => ((a.target as Json | undefined)?.discoveredBy as Json | undefined)?.uuid === target.uuid).map(view);
    return pageResponse(c, state, arraySource(found), paging);
  });

  app.get(`${b}/templates`, (c) => pageResponse(c, state, arraySource(state.templates.list().map(view)), paging));
  app.get(`${b}/templates/:uuid`, (c) => c.json(view(mustGet(state.templates, param(c, 'uuid'), 'Template'))));
  app.post(`${b}/templates`, async (c) => {
    const body = await objectBody(c);
    for (const field of ['displayName', 'className']) {
      if (typeof body[field] !== 'string' || body[field] === '') throw new SimError(400, 'BAD_REQUEST', `${field} is required`);
    }
    if (state.templates.find((t) => t.displayName === body.displayName)) throw new SimError(400, 'BAD_REQUEST', `A template named ${JSON.stringify(body.displayName)} exists`);
    const id = uuid(KIND.template);
    const stored = state.templates.insert({ ...body, id, uuid: id, discovered: false } as Stored);
    return c.json(view(stored));
  });

  app.get(`${b}/users/me`, (c) => {
    const name = userOf(c);
    const user = state.users.find((u) => u.username === name);
    if (!user) throw new SimError(404, 'NOT_FOUND', 'User not found');
    return c.json(view(user));
  });
  app.get(`${b}/users`, (c) => pageResponse(c, state, arraySource(state.users.list().map(view)), paging));
  app.get(`${b}/users/:uuid`, (c) => c.json(view(mustGet(state.users, param(c, 'uuid'), 'User'))));

  app.get(`${b}/scenarios`, (c) => pageResponse(c, state, arraySource(state.scenarios.list().map(view)), paging));
  app.get(`${b}/scenarios/:uuid`, (c) => c.json(view(mustGet(state.scenarios, param(c, 'uuid'), 'Scenario'))));
  app.delete(`${b}/scenarios/:uuid`, (c) => {
    const s = mustGet(state.scenarios, param(c, 'uuid'), 'Scenario');
    state.scenarios.remove(s.id);
    return c.json(true);
  });
}
