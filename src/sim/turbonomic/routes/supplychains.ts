import { SimError } from '../../app.js';
import { scopeIndexes } from '../lookup.js';
import type { Json } from '../types.js';
import type { RouteEnv } from './context.js';

/** Instances listed per type with `detail_type=entity` (a whole million would help nobody). */
const INSTANCES_MAX = 1000;
const ORDER = ['Application', 'Database', 'VirtualMachine', 'PhysicalMachine', 'DataCenter', 'Storage', 'DiskArray', 'Switch'];

/**
 * `GET supplychains?uuids=…`: per entity type of the scopes (the whole inventory for `Market`; an
 * entity with its providers and consumers; a group's leaves with their providers), counts and
 * state summaries, instances with `detail_type=entity`, health summaries with `health=true`.
 */
export function supplychainRoutes({ app, b, ctx }: RouteEnv): void {
  const { state } = ctx;
  const inv = state.inventory;
  app.get(`${b}/supplychains`, (c) => {
    const uuids = c.req.query('uuids');
    if (!uuids) throw new SimError(400, 'BAD_REQUEST', 'uuids is required');
    const split = (v: string | undefined) => (v ? new Set(v.split(',').map((s) => s.trim()).filter(Boolean)) : undefined);
    const types = split(c.req.query('types'));
    const states = split(c.req.query('entity_states'));
    const env = c.req.query('environment_type');
    const detail = c.req.query('detail_type') === 'entity';
    const health = /^true$/i.test(c.req.query('health') ?? 'false');

    let indexes: Set<number> | undefined = new Set();
    for (const scope of uuids.split(',')) {
      const idx = scopeIndexes(state, scope.trim());
      if (idx === undefined) {
        indexes = undefined;
        break;
      }
      for (const i of idx) {
        indexes.add(i);
        const e = inv.entity(i);
        for (const r of [...((e.providers as Json[] | undefined) ?? []), ...((e.consumers as Json[] | undefined) ?? [])]) {
          const j = inv.indexOf(String(r.uuid));
          if (j >= 0) indexes.add(j);
        }
      }
    }
    const seMap: Record<string, Json> = {};
    const visit = (i: number) => {
      const cls = inv.classOf(i);
      if (types && !types.has(cls)) return;
      const st = inv.stateOf(i);
      if (states && !states.has(st)) return;
      const e = detail || env || health ? inv.entity(i) : undefined;
      if (env && e?.environmentType !== env) return;
      const entry = (seMap[cls] ??= { depth: ORDER.indexOf(cls) + 1, entitiesCount: 0, stateSummary: {}, ...(health ? { healthSummary: {} } : {}), ...(detail ? { instances: {} } : {}) });
      entry.entitiesCount = (entry.entitiesCount as number) + 1;
      const summary = entry.stateSummary as Record<string, number>;
      summary[st] = (summary[st] ?? 0) + 1;
      if (health && e) {
        const hs = entry.healthSummary as Record<string, number>;
        hs[String(e.severity)] = (hs[String(e.severity)] ?? 0) + 1;
      }
      if (detail && e) {
        const inst = entry.instances as Record<string, Json>;
        if (Object.keys(inst).length < INSTANCES_MAX) inst[String(e.uuid)] = e;
      }
    };
    if (indexes === undefined) for (let i = 0; i < inv.size; i++) visit(i);
    else for (const i of [...indexes].sort((x, y) => x - y)) visit(i);
    return c.json({ seMap });
  });
}
