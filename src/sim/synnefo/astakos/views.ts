import { isoDate } from './http.js';
import { allowedActions, isManager } from './projects.js';
import type { SimMembership, SimProject, SimUser, SynnefoSimState } from '../types.js';

/** A project as `GET /projects` shows it (`last_application` only to its managers and applicant). */
export function projectView(state: SynnefoSimState, p: SimProject, viewer: SimUser): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const [name, grant] of Object.entries(p.resources)) {
    if (state.resources.get(name)?.apiVisible) resources[name] = { ...grant };
  }
  const out: Record<string, unknown> = {
    id: p.id,
    state: p.state,
    creation_date: isoDate(p.creationDate),
    name: p.name,
    owner: p.owner,
    homepage: p.homepage,
    description: p.description,
    end_date: p.end_date,
    join_policy: p.join_policy,
    leave_policy: p.leave_policy,
    max_members: p.max_members,
    private: p.private,
    system_project: p.system,
    resources,
  };
  const app = p.lastApplication === null ? undefined : state.applications.get(p.lastApplication);
  if (isManager(p, viewer) || app?.applicant === viewer.uuid) {
    if (app) {
      out.last_application = {
        id: app.id,
        state: app.state,
        name: app.fields.name ?? p.name,
        owner: app.fields.owner ?? p.owner,
        applicant: app.applicant,
        homepage: app.fields.homepage ?? p.homepage,
        description: app.fields.description ?? p.description,
        start_date: app.fields.start_date ?? p.start_date,
        end_date: app.fields.end_date ?? p.end_date,
        comments: app.fields.comments ?? p.comments,
        join_policy: app.fields.join_policy ?? p.join_policy,
        leave_policy: app.fields.leave_policy ?? p.leave_policy,
        max_members: app.fields.max_members ?? p.max_members,
        private: app.fields.private ?? p.private,
        resources: app.fields.resources ?? {},
      };
    }
    if (p.deactivationDate !== null) out.deactivation_date = isoDate(p.deactivationDate);
  }
  return out;
}

/** A membership as `GET /projects/memberships` shows it: a date per state it went through. */
export function membershipView(state: SynnefoSimState, m: SimMembership, viewer: SimUser): Record<string, unknown> {
  const out: Record<string, unknown> = { id: m.id, user: m.user, project: m.project, state: m.state, allowed_actions: allowedActions(state, m, viewer) };
  for (const [s, t] of Object.entries(m.dates)) out[s] = isoDate(t);
  return out;
}
