import { SimError } from '../../app.js';
import { findAny } from '../lookup.js';
import { pageResponse } from '../paging.js';
import { criteriaSource, querySource, searchCriteria } from '../search.js';
import { objectBody, param, type RouteEnv } from './context.js';

const QUERY_KEYS = ['q', 'types', 'scopes', 'state', 'environment_type', 'group_type', 'detail_type', 'entity_types', 'regex', 'probe_types', 'query_type'];

/** `GET search`, `POST search`, `GET search/criteria`, `GET search/{uuid}`. */
export function searchRoutes({ app, b, ctx, paging }: RouteEnv): void {
  const { state } = ctx;
  app.get(`${b}/search/criteria`, (c) => c.json(searchCriteria()));
  app.get(`${b}/search/:uuid`, (c) => {
    const found = findAny(state, param(c, 'uuid'));
    if (found === undefined) throw new SimError(404, 'NOT_FOUND', `No object with uuid ${param(c, 'uuid')}`);
    return c.json(found);
  });
  app.get(`${b}/search`, (c) => {
    const q = Object.fromEntries(QUERY_KEYS.map((k) => [k, c.req.query(k)]));
    return pageResponse(c, state, querySource(state, q), paging);
  });
  app.post(`${b}/search`, async (c) => pageResponse(c, state, criteriaSource(state, await objectBody(c)), paging));
}
