import type { CommandGroup } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { AstakosClient, type ProjectSpecs } from '../../../synnefo/index.js';
import { listValues, stringValue, type KamakiOptionSpec } from './options.js';
import { kamakiSession, type KamakiSession } from './session.js';

/**
 * kamaki's Astakos command groups: `user authenticate|info|list`, `quota list|info`,
 * `project list|info|create|join|leave`. Results are JSON; tokens are printed as `[REDACTED]`.
 */

type Values = Readonly<Record<string, unknown>>;

/** Authenticates every token of the cloud (kamaki keeps alternative users there), so `--uuid` can pick one. */
async function cacheAllUsers(k: KamakiSession): Promise<void> {
  const astakos = k.astakos();
  for (const token of k.cloud.tokens) await astakos.authenticate({ token });
}

async function userToken(k: KamakiSession, values: Values): Promise<string | undefined> {
  const uuid = stringValue(values, 'uuid');
  const username = stringValue(values, 'username');
  if (uuid && username) throw new UsageError('--uuid and --username are mutually exclusive');
  if (!uuid && !username) return undefined;
  await cacheAllUsers(k);
  const astakos = k.astakos();
  const users = await astakos.listUsers();
  const found = users.find((u) => (uuid ? u.id === uuid : u.name === username || false));
  if (found) return found.auth_token;
  // By display name: ask Astakos for the uuid, then look for a cached user with it.
  if (username) {
    const map = await astakos.usernames2uuids([username]);
    const byUuid = users.find((u) => u.id === map[username]);
    if (byUuid) return byUuid.auth_token;
  }
  throw new Error(`No user with ${uuid ? `id ${uuid}` : `username ${username}`} in the cached session list (the tokens of cloud "${k.cloud.name}")`);
}

const user: CommandGroup = {
  summary: 'Astakos/Identity API commands',
  commands: {
    authenticate: {
      summary: 'authenticate a user and get all authentication information',
      usage: '[TOKEN]',
      details: 'Without TOKEN, the cloud\'s token is used. The token is shown as [REDACTED].',
      args: { min: 0, max: 1 },
      async run(input) {
        const k = await kamakiSession(input);
        const token = input.positionals[0];
        if (token !== undefined) k.addSecret(token);
        const account = await k.account();
        if (token !== undefined) account.token = token;
        k.print(await account.authenticate());
      },
    },
    info: {
      summary: 'get info for (current) session user',
      usage: '[--uuid UUID | --username NAME]',
      options: {
        uuid: { type: 'string', valueName: 'UUID', description: 'a user of the cloud\'s tokens, by uuid' },
        username: { type: 'string', valueName: 'NAME', description: 'a user of the cloud\'s tokens, by username (e-mail)' },
      },
      async run(input) {
        const k = await kamakiSession(input);
        const token = await userToken(k, input.values);
        k.print(await k.astakos().userInfo(token === undefined ? {} : { token }));
      },
    },
    list: {
      summary: 'list (cached) session users: every token of the cloud',
      usage: '[-l]',
      options: { detail: { type: 'boolean', short: 'l', description: 'detailed listing' } },
      async run(input) {
        const k = await kamakiSession(input);
        await cacheAllUsers(k);
        const users = await k.astakos().listUsers();
        k.print(users.map(({ auth_token: _token, ...u }) => (input.values.detail === true ? u : { id: u.id, name: u.name })));
      },
    },
  },
};

/** Quotas filtered as kamaki's `quota list` does (by project id, by resource prefix). */
function filterQuotas(quotas: Record<string, Record<string, unknown>>, projectId: string | undefined, resource: string | undefined) {
  let out = quotas;
  if (projectId !== undefined) {
    const resources = quotas[projectId];
    if (!resources) throw new Error(`User not assigned to project with id "${projectId}"`);
    out = { [projectId]: resources };
  }
  if (resource !== undefined) {
    const filtered: Record<string, Record<string, unknown>> = {};
    for (const [p, resources] of Object.entries(out)) {
      const r = Object.fromEntries(Object.entries(resources).filter(([name]) => name.startsWith(resource)));
      if (Object.keys(r).length) filtered[p] = r;
    }
    if (Object.keys(filtered).length === 0) throw new Error(`Resource "${resource}" not found`);
    out = filtered;
  }
  return out;
}

type QuotaNumbers = { limit?: number; usage?: number; pending?: number; project_limit?: number; project_usage?: number; project_pending?: number };

const quota: CommandGroup = {
  summary: 'Astakos/Account API commands for quotas',
  commands: {
    list: {
      summary: 'show user quotas',
      usage: '[--resource PREFIX] [--project-id ID]',
      options: {
        resource: { type: 'string', valueName: 'PREFIX', description: 'only resources whose name starts with this' },
        'project-id': { type: 'string', valueName: 'ID', description: 'only this project' },
        bytes: { type: 'boolean', description: 'sizes in bytes (always so in JSON; accepted for kamaki compatibility)' },
      },
      async run(input) {
        const k = await kamakiSession(input);
        const quotas = await (await k.account()).getQuotas();
        if (k.dryRun) return k.print(quotas);
        k.print(filterQuotas(quotas as Record<string, Record<string, unknown>>, stringValue(input.values, 'project-id'), stringValue(input.values, 'resource')));
      },
    },
    info: {
      summary: 'one resource\'s quota in each project, with what is still available',
      usage: 'RESOURCE [--project-id ID]',
      details:
        'Not in kamaki 0.17 (its quota group has only list). "available" is the effective quota left:\n' +
        'min(limit, project_limit - (project_usage - usage)) - usage.',
      args: { min: 1, max: 1 },
      options: { 'project-id': { type: 'string', valueName: 'ID', description: 'only this project' } },
      async run(input) {
        const k = await kamakiSession(input);
        const resource = input.positionals[0] as string;
        const account = await k.account();
        const quotas = await account.getQuotas();
        if (k.dryRun) return k.print(quotas);
        const projectId = stringValue(input.values, 'project-id');
        const out: Record<string, unknown> = {};
        for (const [project, resources] of Object.entries(quotas as Record<string, Record<string, QuotaNumbers>>)) {
          if (projectId !== undefined && project !== projectId) continue;
          const q = resources[resource];
          if (!q) continue;
          const effective = Math.min(q.limit ?? 0, (q.project_limit ?? 0) - ((q.project_usage ?? 0) - (q.usage ?? 0)));
          out[project] = { ...q, available: Math.max(0, effective - (q.usage ?? 0)) };
        }
        if (Object.keys(out).length === 0) throw new Error(`Resource "${resource}" not found${projectId ? ` in project ${projectId}` : ''}`);
        const definitions = await account.getResources();
        k.print({ resource, ...(definitions[resource] ? { definition: definitions[resource] } : {}), projects: out });
      },
    },
  },
};

const POLICIES = ['auto', 'moderated', 'closed'];

function policy(values: Values, name: string): string | undefined {
  const v = stringValue(values, name);
  if (v === undefined) return undefined;
  if (!POLICIES.includes(v.toLowerCase())) throw new UsageError(`--${name} must be one of ${POLICIES.join(', ')}`);
  return v.toLowerCase();
}

function isoDateOption(values: Values, name: string): string | undefined {
  const v = stringValue(values, name);
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} is not a date (use ISO 8601, e.g. 2030-01-31T00:00:00Z)`);
  return new Date(ms).toISOString();
}

/** `--resource cyclades.cpu=1,5`: member capacity 1, project capacity 5 (kamaki's ProjectResourceArgument). */
function resourceGrants(values: Values): Record<string, { member_capacity: number; project_capacity: number }> | undefined {
  const list = listValues(values, 'resource');
  if (list.length === 0) return undefined;
  const out: Record<string, { member_capacity: number; project_capacity: number }> = {};
  for (const item of list) {
    const m = /^([^=]+)=(\d+),(\d+)$/.exec(item);
    if (!m) throw new UsageError('--resource must be RESOURCE=MEMBER_CAPACITY,PROJECT_CAPACITY (integers), e.g. cyclades.cpu=1,5');
    const member = Number(m[2]);
    const project = Number(m[3]);
    if (member > project) throw new UsageError('--resource: the member capacity cannot exceed the project capacity');
    out[m[1] as string] = { member_capacity: member, project_capacity: project };
  }
  return out;
}

const createOptions: Record<string, KamakiOptionSpec> = {
  'spec-file': { type: 'string', valueName: 'FILE', description: 'specification file (JSON); options below override it' },
  name: { type: 'string', valueName: 'NAME', description: 'project name (domain-like, e.g. my.project.org)' },
  owner: { type: 'string', valueName: 'UUID', description: 'project owner (default: you)' },
  homepage: { type: 'string', valueName: 'URL', description: 'project homepage' },
  description: { type: 'string', valueName: 'TEXT', description: 'describe the project' },
  'max-members': { type: 'string', valueName: 'N', description: 'maximum members' },
  private: { type: 'boolean', description: 'a private project (default public)' },
  'start-date': { type: 'string', valueName: 'DATE', description: 'when the project starts (ISO 8601)' },
  'end-date': { type: 'string', valueName: 'DATE', description: 'when the project ends (ISO 8601)' },
  'join-policy': { type: 'string', valueName: 'POLICY', description: 'auto, moderated (default) or closed' },
  'leave-policy': { type: 'string', valueName: 'POLICY', description: 'auto (default), moderated or closed' },
  resource: { type: 'string', valueName: 'R=M,P', multiple: true, description: 'member and project capacity of a resource (repeatable), e.g. cyclades.cpu=1,5' },
};

const project: CommandGroup = {
  summary: 'Astakos project API commands',
  commands: {
    list: {
      summary: 'list all projects',
      usage: '[-l] [--with-name NAME] [--with-state STATE] [--with-owner UUID] [--mode MODE]',
      options: {
        details: { type: 'boolean', short: 'l', description: 'show details (default: id, name, description)' },
        'with-name': { type: 'string', valueName: 'NAME', description: 'filter by name' },
        'with-state': { type: 'string', valueName: 'STATE', description: 'filter by state (uninitialized, active, suspended, terminated)' },
        'with-owner': { type: 'string', valueName: 'UUID', description: 'filter by owner' },
        mode: { type: 'string', valueName: 'MODE', description: 'default, related, member or active (astakosclient get_projects mode)' },
      },
      async run(input) {
        const k = await kamakiSession(input);
        const v = input.values;
        const mode = stringValue(v, 'mode');
        if (mode !== undefined && !['default', 'related', 'member', 'active'].includes(mode)) throw new UsageError('--mode must be default, related, member or active');
        const filters = {
          ...(stringValue(v, 'with-name') !== undefined ? { name: stringValue(v, 'with-name') as string } : {}),
          ...(stringValue(v, 'with-state') !== undefined ? { state: stringValue(v, 'with-state') as string } : {}),
          ...(stringValue(v, 'with-owner') !== undefined ? { owner: stringValue(v, 'with-owner') as string } : {}),
          ...(mode !== undefined ? { mode: mode as 'default' } : {}),
        };
        const projects = await (await k.account()).getProjects(filters);
        if (k.dryRun || v.details === true) return k.print(projects);
        k.print(projects.map((p) => ({ id: p.id, name: p.name, description: p.description })));
      },
    },
    info: {
      summary: 'get details for a project',
      usage: 'PROJECT_ID',
      args: { min: 1, max: 1 },
      async run(input) {
        const k = await kamakiSession(input);
        k.print(await (await k.account()).getProject(input.positionals[0] as string));
      },
    },
    create: {
      summary: 'apply for a new project',
      usage: '(--spec-file FILE | --name NAME --end-date DATE) [options]',
      details: 'Needs --name and --end-date, or a spec file (JSON) with them; options override the file.',
      options: createOptions,
      async run(input) {
        const k = await kamakiSession(input);
        const v = input.values;
        let specs: Record<string, unknown> = {};
        const file = stringValue(v, 'spec-file');
        if (file !== undefined) {
          let text: string;
          try {
            text = new TextDecoder().decode(await input.io.readFile(file));
          } catch (e) {
            throw new Error(`cannot read spec file ${file} (${(e as { code?: string }).code ?? 'error'})`);
          }
          try {
            specs = JSON.parse(text) as Record<string, unknown>;
          } catch {
            throw new Error(`spec file ${file} is not valid JSON`);
          }
          if (!specs || typeof specs !== 'object' || Array.isArray(specs)) throw new Error(`spec file ${file} must hold a JSON object`);
        } else if (stringValue(v, 'name') === undefined || stringValue(v, 'end-date') === undefined) {
          throw new UsageError('insufficient arguments: both --name and --end-date are needed, or a --spec-file');
        }
        const maxMembers = stringValue(v, 'max-members');
        if (maxMembers !== undefined && !/^\d+$/.test(maxMembers)) throw new UsageError('--max-members must be a whole number');
        const overrides: Record<string, unknown> = {
          name: stringValue(v, 'name'),
          end_date: isoDateOption(v, 'end-date'),
          start_date: isoDateOption(v, 'start-date'),
          owner: stringValue(v, 'owner'),
          homepage: stringValue(v, 'homepage'),
          description: stringValue(v, 'description'),
          max_members: maxMembers === undefined ? undefined : Number(maxMembers),
          private: v.private === true ? true : undefined,
          join_policy: policy(v, 'join-policy'),
          leave_policy: policy(v, 'leave-policy'),
          resources: resourceGrants(v),
        };
        for (const [key, value] of Object.entries(overrides)) if (value !== undefined) specs[key] = value;
        const result = await (await k.account()).createProject(specs as ProjectSpecs);
        k.print(result);
        if (!k.dryRun) k.info('Application is submitted successfully');
      },
    },
    join: {
      summary: 'join a project',
      usage: 'PROJECT_ID',
      args: { min: 1, max: 1 },
      async run(input) {
        const k = await kamakiSession(input);
        k.print(await (await k.account()).joinProject(input.positionals[0] as string));
      },
    },
    leave: {
      summary: 'leave a project (kamaki: membership leave MEMBERSHIP_ID)',
      usage: 'PROJECT_ID [--reason TEXT]',
      details: 'Finds your membership in the project and leaves it; prints the membership afterwards.',
      args: { min: 1, max: 1 },
      options: { reason: { type: 'string', valueName: 'TEXT', description: 'reason for leaving' } },
      async run(input) {
        const k = await kamakiSession(input);
        const projectId = input.positionals[0] as string;
        const me = (await k.astakos().userInfo()).id;
        const account = await k.account();
        // The lookup is a read, done for real even with --dry-run (which then shows the leave request).
        const memberships = await new AstakosClient({ url: k.astakos().endpointUrl, token: k.cloud.token }).getMemberships({ projectId });
        const mine = memberships.find((m) => m.user === me && ['accepted', 'leave_requested', 'requested'].includes(String(m.state)));
        if (!mine || mine.id === undefined) throw new Error(`You are not a member of project ${projectId}`);
        const reason = stringValue(input.values, 'reason');
        const action = mine.state === 'requested' ? 'cancel' : 'leave';
        const done = await account.membershipAction(mine.id, action, reason === undefined ? {} : { reason });
        if (k.dryRun) return k.print(done);
        k.print(await account.getMembership(mine.id));
      },
    },
  },
};

/** kamaki's Astakos groups, by kamaki's group word. */
export const astakosGroups: Readonly<Record<string, CommandGroup>> = { user, quota, project };
