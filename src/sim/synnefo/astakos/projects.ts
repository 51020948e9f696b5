import { badRequest, conflict, forbidden, notFound } from './http.js';
import { CommissionError, holdingKey, issueCommission, setHolding } from './quota-engine.js';
import type { ProjectFields, ResourceGrant, SimApplication, SimMembership, SimProject, SimUser, SynnefoSimState } from '../types.js';

/**
 * Projects, applications and memberships with Astakos' state machines
 * (snf-astakos-app astakos/im/functions.py), and the holdings they imply: a project holding
 * `(project:P, null, r)` with the project capacity while the project is active, and a member
 * holding `(user:U, project:P, r)` with the member capacity while the membership is accepted.
 */

const POLICIES = new Set(['auto', 'moderated', 'closed']);
const LIVE_MEMBERSHIP = new Set(['accepted', 'leave_requested']);
const OPEN_MEMBERSHIP = new Set(['requested', 'accepted', 'leave_requested']);
/** Astakos' "practically infinite" member limit. */
const UNLIMITED_MEMBERS = 2 ** 63 - 1;

export const isManager = (project: SimProject, user: SimUser) => user.admin || project.owner === user.uuid;

/** The user's accepted memberships (the projects that count as theirs). */
export function activeProjectsOf(state: SynnefoSimState, uuid: string): string[] {
  const out: string[] = [];
  for (const m of state.memberships.values()) {
    if (m.user === uuid && LIVE_MEMBERSHIP.has(m.state) && state.projects.get(m.project)?.state === 'active') out.push(m.project);
  }
  return out;
}

/** Brings every holding of a project in line with its state, grants and memberships. */
export function syncHoldings(state: SynnefoSimState, project: SimProject): void {
  const live = project.state === 'active';
  for (const [resource, grant] of Object.entries(project.resources)) {
    setHolding(state, `project:${project.id}`, null, resource, live ? grant.project_capacity : 0);
  }
  for (const m of state.memberships.values()) {
    if (m.project !== project.id) continue;
    const member = live && LIVE_MEMBERSHIP.has(m.state);
    for (const [resource, grant] of Object.entries(project.resources)) {
      const key = holdingKey(`user:${m.user}`, `project:${project.id}`, resource);
      if (member || state.holdings.has(key)) setHolding(state, `user:${m.user}`, `project:${project.id}`, resource, member ? grant.member_capacity : 0);
    }
  }
}

function setMembership(m: SimMembership, next: SimMembership['state'], now: number): void {
  m.state = next;
  m.dates[next] = now;
}

/** A user's base (system) project: uuid = the user's uuid, closed, with the user's own limits. */
export function createBaseProject(state: SynnefoSimState, user: SimUser, limits: Readonly<Record<string, number>>, now: number): SimProject {
  const resources: Record<string, ResourceGrant> = {};
  for (const r of state.resources.values()) resources[r.name] = { project_capacity: limits[r.name] ?? 0, member_capacity: limits[r.name] ?? 0 };
  const project: SimProject = {
    id: user.uuid, state: 'active', creationDate: now, system: true, lastApplication: null, deactivationDate: null,
    name: `system:${user.uuid}`, owner: null, homepage: '', description: `system project for user ${user.name}`, comments: '',
    start_date: null, end_date: new Date(now + 100 * 365.25 * 86_400_000).toISOString().replace('Z', '+00:00'), join_policy: 'closed', leave_policy: 'closed',
    max_members: 1, private: true, resources,
  };
  state.projects.set(project.id, project);
  const m: SimMembership = { id: state.nextMembership++, user: user.uuid, project: project.id, state: 'accepted', dates: { requested: now, accepted: now } };
  state.memberships.set(m.id, m);
  syncHoldings(state, project);
  return project;
}

/** Checks and normalises application fields (Astakos' submit_new_project / submit_modification). */
function parseFields(state: SynnefoSimState, data: Record<string, unknown>, creating: boolean): Partial<ProjectFields> {
  const out: Partial<ProjectFields> = {};
  const str = (key: keyof ProjectFields) => {
    const v = data[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'string') throw badRequest(`${key} must be string`);
    (out as Record<string, unknown>)[key] = v;
  };
  if (data.owner !== undefined && data.owner !== null) {
    if (typeof data.owner !== 'string' || !state.users.some((u) => u.uuid === data.owner)) throw badRequest('User does not exist.');
    out.owner = data.owner;
  }
  if (creating && (typeof data.name !== 'string' || data.name === '')) throw badRequest('Name missing.');
  str('name');
  for (const key of ['join_policy', 'leave_policy'] as const) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !POLICIES.has(v)) throw badRequest(`Invalid ${key === 'join_policy' ? 'join' : 'leave'} policy`);
    out[key] = v as ProjectFields['join_policy'];
  }
  if (creating && (data.end_date === undefined || data.end_date === null)) throw badRequest('Missing end date');
  for (const key of ['start_date', 'end_date'] as const) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw badRequest(`Invalid ${key}`);
    out[key] = v;
  }
  if (data.max_members !== undefined && data.max_members !== null) {
    const n = typeof data.max_members === 'string' ? Number(data.max_members) : data.max_members;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw badRequest('Invalid max_members');
    out.max_members = n;
  }
  if (data.private !== undefined && data.private !== null) {
    if (typeof data.private !== 'boolean') throw badRequest('private must be boolean');
    out.private = data.private;
  }
  str('homepage');
  str('description');
  str('comments');
  if (data.resources !== undefined && data.resources !== null) {
    if (typeof data.resources !== 'object' || Array.isArray(data.resources)) throw badRequest('Invalid resources');
    const resources: Record<string, ResourceGrant> = {};
    for (const [name, grant] of Object.entries(data.resources as Record<string, unknown>)) {
      const def = state.resources.get(name);
      if (!def) throw badRequest(`Resource '${name}' does not exist`);
      if (!def.allowInProjects) throw badRequest(`Resource '${name}' is not allowed in projects`);
      const g = (grant ?? {}) as Record<string, unknown>;
      const pc = g.project_capacity;
      const mc = g.member_capacity;
      if (typeof pc !== 'number' || typeof mc !== 'number' || !Number.isInteger(pc) || !Number.isInteger(mc) || pc < 0 || mc < 0) {
        throw badRequest(`Malformed resource grant for '${name}'`);
      }
      resources[name] = { project_capacity: pc, member_capacity: mc };
    }
    out.resources = resources;
  }
  return out;
}

/** One more pending application for the applicant: `astakos.pending_app` on their base project. */
function chargePendingApp(state: SynnefoSimState, applicant: SimUser, quantity: number, now: number): void {
  const p = { holder: `user:${applicant.uuid}`, source: `project:${applicant.uuid}`, resource: 'astakos.pending_app', quantity };
  const pp = { holder: `project:${applicant.uuid}`, source: null, resource: 'astakos.pending_app', quantity };
  if (!state.holdings.has(holdingKey(p.holder, p.source, p.resource))) return;
  try {
    issueCommission(state, 'astakos', [p, pp], { name: 'pending application', accept: true, force: quantity < 0, now });
  } catch (e) {
    if (e instanceof CommissionError) throw conflict('Too many pending applications');
    throw e;
  }
}

/** Submits a new project (projectId null) or a modification; returns the ids the API answers with. */
export function submitApplication(state: SynnefoSimState, user: SimUser, projectId: string | null, data: Record<string, unknown>, now: number, newId: () => string): { id: string; application: number } {
  const fields = parseFields(state, data, projectId === null);
  let project: SimProject;
  if (projectId === null) {
    const name = fields.name as string;
    for (const p of state.projects.values()) {
      if (p.name === name && p.state !== 'terminated' && p.state !== 'deleted') throw conflict(`The project name '${name}' is already in use.`);
    }
    project = {
      id: newId(), state: 'uninitialized', creationDate: now, system: false, lastApplication: null, deactivationDate: null,
      name, owner: fields.owner ?? user.uuid, homepage: '', description: '', comments: '', start_date: null, end_date: null,
      join_policy: 'moderated', leave_policy: 'auto', max_members: UNLIMITED_MEMBERS, private: false, resources: {},
    };
  } else {
    const found = state.projects.get(projectId);
    if (!found || found.state === 'deleted') throw notFound(`Project ${projectId} not found.`);
    if (found.system) throw forbidden('Cannot modify a system project.');
    if (!isManager(found, user)) throw forbidden('You are not allowed to modify this project.');
    if (found.state === 'terminated') throw conflict('Cannot modify a terminated project.');
    project = found;
  }
  chargePendingApp(state, user, 1, now);
  if (projectId === null) state.projects.set(project.id, project);
  // A newer application replaces a pending one.
  for (const a of state.applications.values()) {
    if (a.project === project.id && a.state === 'pending') {
      a.state = 'replaced';
      chargePendingApp(state, state.users.find((u) => u.uuid === a.applicant) ?? user, -1, now);
    }
  }
  const application: SimApplication = { id: state.nextApplication++, project: project.id, applicant: user.uuid, state: 'pending', fields, issueDate: now };
  state.applications.set(application.id, application);
  project.lastApplication = application.id;
  return { id: project.id, application: application.id };
}

function projectOrFail(state: SynnefoSimState, id: string): SimProject {
  const p = state.projects.get(id);
  if (!p || p.state === 'deleted') throw notFound(`Project ${id} not found.`);
  return p;
}

/** approve / deny / dismiss / cancel an application of a project. */
export function applicationAction(state: SynnefoSimState, user: SimUser, projectId: string, appId: unknown, action: string, now: number): void {
  const project = projectOrFail(state, projectId);
  if (typeof appId !== 'number' && typeof appId !== 'string') throw badRequest('Missing app_id');
  const app = state.applications.get(Number(appId));
  if (!app || app.project !== project.id) throw notFound(`Application ${String(appId)} not found.`);
  const applicant = state.users.find((u) => u.uuid === app.applicant);
  const release = () => applicant && chargePendingApp(state, applicant, -1, now);
  switch (action) {
    case 'approve':
    case 'deny':
      if (!user.admin) throw forbidden(`You are not allowed to ${action} applications.`);
      if (app.state !== 'pending') throw conflict(`Cannot ${action} application ${app.id} in state '${app.state}'.`);
      app.state = action === 'approve' ? 'approved' : 'denied';
      release();
      if (action === 'approve') {
        Object.assign(project, app.fields);
        if (app.fields.resources) project.resources = { ...app.fields.resources };
        if (project.state === 'uninitialized') {
          project.state = 'active';
          // The owner is not a member by being the owner; Astakos enrolls nobody automatically.
        }
        syncHoldings(state, project);
      }
      return;
    case 'dismiss':
      if (app.applicant !== user.uuid && !user.admin) throw forbidden('Only the applicant can dismiss an application.');
      if (app.state !== 'denied') throw conflict(`Cannot dismiss application ${app.id} in state '${app.state}'.`);
      app.state = 'dismissed';
      if (project.state === 'uninitialized') project.state = 'deleted';
      return;
    case 'cancel':
      if (app.applicant !== user.uuid && !user.admin) throw forbidden('Only the applicant can cancel an application.');
      if (app.state !== 'pending') throw conflict(`Cannot cancel application ${app.id} in state '${app.state}'.`);
      app.state = 'cancelled';
      release();
      if (project.state === 'uninitialized') project.state = 'deleted';
      return;
    default:
      throw badRequest('No recognized action');
  }
}

const PROJECT_TRANSITIONS: Record<string, [readonly SimProject['state'][], SimProject['state']]> = {
  suspend: [['active'], 'suspended'],
  unsuspend: [['suspended'], 'active'],
  terminate: [['active', 'suspended'], 'terminated'],
  reinstate: [['terminated'], 'active'],
};

/** suspend / unsuspend / terminate / reinstate (project administrators only). */
export function projectAction(state: SynnefoSimState, user: SimUser, projectId: string, action: string, now: number): void {
  const project = projectOrFail(state, projectId);
  const t = PROJECT_TRANSITIONS[action];
  if (!t) throw badRequest('No recognized action');
  if (!user.admin) throw forbidden(`You are not allowed to ${action} projects.`);
  if (project.system && action === 'terminate') throw conflict('Cannot terminate a system project.');
  if (!t[0].includes(project.state)) throw conflict(`Cannot ${action} project ${project.id} in state '${project.state}'.`);
  project.state = t[1];
  project.deactivationDate = t[1] === 'active' ? null : now;
  syncHoldings(state, project);
}

/** Whether `user` may see the project (public ones: anyone; private: members and managers). */
export function canSeeProject(state: SynnefoSimState, project: SimProject, user: SimUser): boolean {
  if (!project.private || isManager(project, user)) return true;
  for (const m of state.memberships.values()) if (m.project === project.id && m.user === user.uuid && OPEN_MEMBERSHIP.has(m.state)) return true;
  return false;
}

function membershipOf(state: SynnefoSimState, project: string, user: string): SimMembership | undefined {
  for (const m of state.memberships.values()) if (m.project === project && m.user === user) return m;
  return undefined;
}

function liveMembers(state: SynnefoSimState, project: string): number {
  let n = 0;
  for (const m of state.memberships.values()) if (m.project === project && LIVE_MEMBERSHIP.has(m.state)) n++;
  return n;
}

function admit(state: SynnefoSimState, project: SimProject, user: string, next: 'requested' | 'accepted', now: number): SimMembership {
  let m = membershipOf(state, project.id, user);
  if (m && OPEN_MEMBERSHIP.has(m.state)) throw conflict(`Membership already exists (state '${m.state}').`);
  if (next === 'accepted' && project.max_members !== null && liveMembers(state, project.id) >= project.max_members) throw conflict('Maximum participants number has been reached.');
  if (!m) {
    m = { id: state.nextMembership++, user, project: project.id, state: next, dates: {} };
    state.memberships.set(m.id, m);
  }
  setMembership(m, next, now);
  syncHoldings(state, project);
  return m;
}

/** `{"join": {"project"}}`: accepted at once under the `auto` policy, requested under `moderated`. */
export function joinProject(state: SynnefoSimState, user: SimUser, projectId: unknown, now: number): SimMembership {
  if (typeof projectId !== 'string' && typeof projectId !== 'number') throw badRequest(`Invalid project ID: ${String(projectId)}`);
  const project = projectOrFail(state, String(projectId));
  if (!canSeeProject(state, project, user)) throw forbidden('You are not allowed to join this project.');
  if (project.system) throw conflict('Cannot join a system project.');
  if (project.state !== 'active') throw conflict(`Cannot join project ${project.id}: it is ${project.state}.`);
  if (project.join_policy === 'closed') throw conflict('The project does not accept new members.');
  return admit(state, project, user.uuid, project.join_policy === 'auto' ? 'accepted' : 'requested', now);
}

/** `{"enroll": {"project", "user": email}}`: a manager adds a user, accepted at once. */
export function enrollMember(state: SynnefoSimState, manager: SimUser, projectId: unknown, email: unknown, now: number): SimMembership {
  if (typeof projectId !== 'string' && typeof projectId !== 'number') throw badRequest(`Invalid project ID: ${String(projectId)}`);
  const project = projectOrFail(state, String(projectId));
  if (!isManager(project, manager)) throw forbidden('You are not allowed to enroll members in this project.');
  if (project.system) throw conflict('Cannot enroll members in a system project.');
  if (project.state !== 'active') throw conflict(`Cannot enroll in project ${project.id}: it is ${project.state}.`);
  const user = state.users.find((u) => u.name === email);
  if (!user) throw notFound(`User ${String(email)} does not exist.`);
  return admit(state, project, user.uuid, 'accepted', now);
}

/** The actions a user may take on a membership now (the API's `allowed_actions`). */
export function allowedActions(state: SynnefoSimState, m: SimMembership, user: SimUser): string[] {
  const project = state.projects.get(m.project);
  const manager = project ? isManager(project, user) : user.admin;
  const self = m.user === user.uuid;
  const out: string[] = [];
  if (m.state === 'requested') {
    if (self) out.push('cancel');
    if (manager) out.push('accept', 'reject');
  } else if (m.state === 'accepted') {
    if (self && !project?.system) out.push('leave');
    if (manager && !project?.system) out.push('remove');
  } else if (m.state === 'leave_requested') {
    if (self) out.push('cancel');
    if (manager) out.push('accept', 'reject', 'remove');
  }
  return out;
}

/** Whether `user` may see the membership (their own, or one of a project they manage). */
export function canSeeMembership(state: SynnefoSimState, m: SimMembership, user: SimUser): boolean {
  const project = state.projects.get(m.project);
  return m.user === user.uuid || user.admin || (project !== undefined && project.owner === user.uuid);
}

/** leave / cancel / accept / reject / remove. */
export function membershipAction(state: SynnefoSimState, user: SimUser, membId: number, action: string, now: number): void {
  const m = state.memberships.get(membId);
  if (!m || !canSeeMembership(state, m, user)) throw notFound(`Membership ${membId} not found.`);
  const project = projectOrFail(state, m.project);
  const allowed = allowedActions(state, m, user);
  if (!allowed.includes(action)) {
    if (['leave', 'cancel', 'accept', 'reject', 'remove'].includes(action)) throw conflict(`Action '${action}' is not allowed on membership ${m.id} in state '${m.state}'.`);
    throw badRequest('No recognized action');
  }
  if (action === 'leave') {
    if (project.leave_policy === 'closed') throw conflict('The project does not allow members to leave.');
    setMembership(m, project.leave_policy === 'auto' ? 'removed' : 'leave_requested', now);
  } else if (action === 'cancel') {
    setMembership(m, m.state === 'requested' ? 'cancelled' : 'accepted', now);
  } else if (action === 'accept') {
    if (m.state === 'requested' && project.max_members !== null && liveMembers(state, project.id) >= project.max_members) throw conflict('Maximum participants number has been reached.');
    setMembership(m, m.state === 'requested' ? 'accepted' : 'removed', now);
  } else if (action === 'reject') {
    setMembership(m, m.state === 'requested' ? 'rejected' : 'accepted', now);
  } else {
    setMembership(m, 'removed', now);
  }
  const member = state.users.find((u) => u.uuid === m.user);
  if (member && m.state === 'removed' && member.defaultProject === project.id) member.defaultProject = member.uuid;
  syncHoldings(state, project);
}
