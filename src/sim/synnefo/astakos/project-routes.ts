import type { Hono } from 'hono';
import { userOf, type AstakosContext } from './context.js';
import { asDict, badRequest, empty, forbidden, jsonBody, notFound, reply } from './http.js';
import {
  applicationAction, canSeeMembership, canSeeProject, enrollMember, joinProject, membershipAction, projectAction, submitApplication,
} from './projects.js';
import { membershipView, projectView } from './views.js';
import type { SimProject, SimUser } from '../types.js';

const PROJECT_STATES = new Set(['uninitialized', 'active', 'suspended', 'terminated', 'deleted']);
const PROJECT_ACTIONS = ['terminate', 'suspend', 'unsuspend', 'reinstate', 'approve', 'deny', 'dismiss', 'cancel'];
const MEMBERSHIP_ACTIONS = ['leave', 'cancel', 'accept', 'reject', 'remove'];

/** Astakos' `get_action`: exactly one recognised key. */
function oneAction(body: Record<string, unknown>, actions: readonly string[]): [string, unknown] {
  const found = actions.filter((a) => a in body);
  if (found.length > 1) throw badRequest('Multiple actions not supported');
  const action = found[0];
  if (action === undefined) throw badRequest('No recognized action');
  return [action, body[action]];
}

/** Projects and memberships (protocol §2.7). */
export function projectRoutes(app: Hono, ctx: AstakosContext, prefix = '/account/v1.0'): void {
  const { state } = ctx;
  const now = () => ctx.clock.now();

  const visible = (user: SimUser, mode: string): SimProject[] => {
    const projects = [...state.projects.values()].filter((p) => p.state !== 'deleted');
    const memberOf = (p: SimProject, live: boolean) =>
      [...state.memberships.values()].some((m) => m.project === p.id && m.user === user.uuid && (live ? m.state === 'accepted' || m.state === 'leave_requested' : m.state !== 'requested' && m.state !== 'rejected' && m.state !== 'cancelled' && m.state !== 'removed'));
    if (mode === 'member') return projects.filter((p) => p.state === 'active' && memberOf(p, true));
    if (mode === 'active') return user.admin ? projects : projects.filter((p) => p.state === 'active' && !p.private);
    if (mode === 'default' || mode === 'related') return user.admin ? projects : projects.filter((p) => memberOf(p, false) || p.owner === user.uuid);
    throw badRequest(`Unrecognized mode '${mode}'.`);
  };

  // Memberships first: `/projects/memberships` must not be read as a project id.
  app.get(`${prefix}/projects/memberships`, (c) => {
    const user = userOf(ctx, c.req.raw);
    const project = c.req.query('project');
    const list = [...state.memberships.values()].filter((m) => canSeeMembership(state, m, user) && (project === undefined || m.project === project));
    return reply(list.map((m) => membershipView(state, m, user)));
  });

  app.post(`${prefix}/projects/memberships`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const [action, data] = oneAction(body, ['join', 'enroll']);
    const d = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const m = action === 'join' ? joinProject(state, user, d.project, now()) : enrollMember(state, user, d.project, d.user, now());
    return reply({ id: m.id });
  });

  app.get(`${prefix}/projects/memberships/:id{[0-9]+}`, (c) => {
    const user = userOf(ctx, c.req.raw);
    const m = state.memberships.get(Number(c.req.param('id')));
    if (!m) throw notFound(`Membership ${c.req.param('id')} not found.`);
    if (!canSeeMembership(state, m, user)) throw forbidden('You are not allowed to see this membership.');
    return reply(membershipView(state, m, user));
  });

  app.post(`${prefix}/projects/memberships/:id{[0-9]+}/action`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const [action] = oneAction(body, MEMBERSHIP_ACTIONS);
    membershipAction(state, user, Number(c.req.param('id')), action, now());
    return empty(200);
  });

  app.get(`${prefix}/projects`, (c) => {
    const user = userOf(ctx, c.req.raw);
    const mode = c.req.query('mode') ?? 'default';
    const name = c.req.query('name');
    const owner = c.req.query('owner');
    const st = c.req.query('state');
    if (st !== undefined && !PROJECT_STATES.has(st)) throw badRequest(`Unrecognized state ${st}`);
    const list = visible(user, mode).filter((p) => (name === undefined || p.name === name) && (owner === undefined || p.owner === owner) && (st === undefined || p.state === st));
    return reply(list.map((p) => projectView(state, p, user)));
  });

  app.post(`${prefix}/projects`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    return reply(submitApplication(state, user, null, body, now(), () => ctx.random.uuid()), 201);
  });

  app.get(`${prefix}/projects/:id`, (c) => {
    const user = userOf(ctx, c.req.raw);
    const p = state.projects.get(c.req.param('id'));
    if (!p || p.state === 'deleted') throw notFound(`Project ${c.req.param('id')} not found.`);
    if (!canSeeProject(state, p, user)) throw forbidden('You are not allowed to see this project.');
    return reply(projectView(state, p, user));
  });

  app.put(`${prefix}/projects/:id`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    return reply(submitApplication(state, user, c.req.param('id'), body, now(), () => ctx.random.uuid()), 201);
  });

  app.post(`${prefix}/projects/:id/action`, async (c) => {
    const user = userOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const [action, data] = oneAction(body, PROJECT_ACTIONS);
    const d = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const id = c.req.param('id');
    if (['approve', 'deny', 'dismiss', 'cancel'].includes(action)) applicationAction(state, user, id, d.app_id, action, now());
    else projectAction(state, user, id, action, now());
    return empty(200);
  });

}
