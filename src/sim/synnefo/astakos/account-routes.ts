import type { Hono } from 'hono';
import { componentOf, userOf, type AstakosContext } from './context.js';
import { asDict, badRequest, empty, forbidden, formBody, jsonBody, notFound, reply } from './http.js';
import { holdingKey, holdingView, usersQuotas } from './quota-engine.js';
import { activeProjectsOf } from './projects.js';
import type { SimComponent } from '../types.js';

/**
 * The account API (protocol §2.5) except commissions and projects: user catalogs, resources,
 * quotas, feedback and the default project. Routes are absolute (`/account/v1.0/...`).
 */
export function accountRoutes(app: Hono, ctx: AstakosContext, prefix = '/account/v1.0'): void {
  const { state } = ctx;

  const catalogs = (uuids: unknown, names: unknown, everyone: boolean) => {
    const uuidList = uuids === null && everyone ? state.users.map((u) => u.uuid) : Array.isArray(uuids) ? uuids : [];
    const nameList = names === null && everyone ? state.users.map((u) => u.name) : Array.isArray(names) ? names : [];
    const uuid_catalog: Record<string, string> = {};
    const displayname_catalog: Record<string, string> = {};
    for (const id of uuidList) {
      const u = state.users.find((x) => x.uuid === id);
      if (u) uuid_catalog[u.uuid] = u.name;
    }
    for (const n of nameList) {
      const u = state.users.find((x) => x.name === n);
      if (u) displayname_catalog[u.name] = u.uuid;
    }
    return { uuid_catalog, displayname_catalog };
  };

  app.post(`${prefix}/user_catalogs`, async (c) => {
    userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    return reply(catalogs(body.uuids, body.displaynames, false));
  });

  app.post(`${prefix}/service/user_catalogs`, async (c) => {
    componentOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    return reply(catalogs(body.uuids, body.displaynames, true));
  });

  app.get(`${prefix}/resources`, () => {
    const out: Record<string, unknown> = {};
    for (const r of state.resources.values()) {
      if (r.apiVisible) out[r.name] = { service: r.service, description: r.description, unit: r.unit, ui_visible: r.uiVisible, api_visible: r.apiVisible };
    }
    return reply(out);
  });

  app.get(`${prefix}/quotas`, (c) => {
    const user = userOf(ctx, c.req.raw);
    return reply(usersQuotas(state, [user.uuid])[user.uuid] ?? {});
  });

  const resourcesOf = (component: SimComponent) =>
    new Set([...state.resources.values()].filter((r) => component.services.includes(r.service)).map((r) => r.name));
  const split = (v: string | undefined) => (v === undefined ? undefined : v.split(',').filter(Boolean));

  app.get(`${prefix}/service_quotas`, (c) => {
    const component = componentOf(ctx, c.req.raw);
    const users = split(c.req.query('user'));
    const projects = split(c.req.query('project'));
    const uuids = (users ?? state.users.map((u) => u.uuid)).filter((id) => state.users.some((u) => u.uuid === id));
    if (users !== undefined && uuids.length === 0) throw notFound(`No such user '${c.req.query('user')}'`);
    const result = usersQuotas(state, uuids, { resources: resourcesOf(component), ...(projects ? { projects: new Set(projects) } : {}) });
    if (projects !== undefined) for (const k of Object.keys(result)) if (Object.keys(result[k] ?? {}).length === 0) delete result[k];
    return reply(result);
  });

  app.get(`${prefix}/service_project_quotas`, (c) => {
    const component = componentOf(ctx, c.req.raw);
    const wanted = split(c.req.query('project'));
    const resources = resourcesOf(component);
    const result: Record<string, Record<string, Record<string, number>>> = {};
    for (const p of state.projects.values()) {
      if (wanted && !wanted.includes(p.id)) continue;
      for (const r of resources) {
        const h = state.holdings.get(holdingKey(`project:${p.id}`, null, r));
        if (h) (result[p.id] ??= {})[r] = holdingView(h, 'project_');
      }
    }
    if (wanted !== undefined && Object.keys(result).length === 0) throw notFound(`No project with UUID '${c.req.query('project')}'`);
    return reply(result);
  });

  app.post(`${prefix}/feedback`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    // Django's request.POST: only a form body is read; anything else leaves it empty (protocol §8.12).
    const form = await formBody(c.req.raw);
    const message = form.get('feedback_msg');
    if (!message) throw badRequest('Invalid data', 'feedback_msg: This field is required.');
    state.feedback.push({ user: user.uuid, message, data: form.get('feedback_data') ?? '', time: ctx.clock.now() });
    return empty(200);
  });

  app.post(`${prefix}/myaccount/default_project`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const projectId = body.project_id;
    if (typeof projectId !== 'string') throw badRequest('Missing project_id');
    if (!activeProjectsOf(state, user.uuid).includes(projectId)) throw forbidden(`User is not a member of project ${projectId}`);
    user.defaultProject = projectId;
    return empty(200);
  });
}
