import { SimError } from '../../app.js';
import { findAny, scopeIndexes } from '../lookup.js';
import { arraySource, pageResponse } from '../paging.js';
import { periodDates, snapshots, statNames } from '../stats.js';
import type { Json } from '../types.js';
import { objectBody, type RouteEnv } from './context.js';

/** Members of one scope listed with `relatedType` (capped: the simulator answers, it does not warehouse). */
const RELATED_MAX = 1000;

/**
 * `POST stats` (StatScopesApiInputDTO): one EntityStatsApiDTO per scope, or with `relatedType`
 * one per member of that type in each scope.
 */
export function statsRoutes({ app, b, ctx, paging, seed }: RouteEnv): void {
  const { state } = ctx;
  const inv = state.inventory;
  app.post(`${b}/stats`, async (c) => {
    const body = await objectBody(c);
    const scopes = body.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => typeof s === 'string')) {
      throw new SimError(400, 'BAD_REQUEST', 'scopes must be a non-empty list of uuids');
    }
    const period = (body.period ?? {}) as Json;
    const dates = periodDates(period, ctx.clock.now());
    const related = typeof body.relatedType === 'string' ? body.relatedType : undefined;
    const out: Json[] = [];
    const add = (subject: Json) =>
      out.push({ ...subject, stats: snapshots(seed, String(subject.uuid), statNames(period.statistics, subject.className as string | undefined), dates) });
    for (const scope of scopes as string[]) {
      if (related === undefined) {
        const subject = findAny(state, scope);
        if (subject === undefined) throw new SimError(404, 'NOT_FOUND', `Scope not found: ${scope}`);
        add({ uuid: subject.uuid, displayName: subject.displayName, className: subject.className, environmentType: subject.environmentType ?? 'ONPREM' });
        continue;
      }
      const members = scopeIndexes(state, scope);
      let n = 0;
      const each = (i: number) => {
        if (n < RELATED_MAX && inv.classOf(i) === related) {
          n++;
          add({ ...inv.ref(i), environmentType: 'ONPREM' });
        }
      };
      if (members === undefined) for (let i = 0; i < inv.size && n < RELATED_MAX; i++) each(i);
      else members.forEach(each);
    }
    return pageResponse(c, state, arraySource(out), paging);
  });
}
