import type { DataCenter } from '../../../triton/index.js';
import { UsageError } from '../../usage-error.js';
import { pairs, str, strs } from './args.js';
import { readText } from './instance.js';
import type { Session } from './session.js';
import { flag, list, value, YES, type Branch, type Leaf, type RunContext } from './tree.js';

/** A JSON object from FILE, stdin (`-`), or FIELD=VALUE words (opskit's non-interactive form). */
async function objectFrom(ctx: RunContext, words: readonly string[], what: string): Promise<Record<string, unknown>> {
  if (words.length === 1 && !words[0]!.includes('=')) {
    const text = words[0] === '-' ? new TextDecoder().decode(await ctx.io.readStdin()) : await readText(ctx.s, words[0]!, `${what} file`);
    try {
      const obj = JSON.parse(text) as unknown;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) return obj as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new UsageError(`${words[0]} must hold a JSON object describing the ${what}`);
  }
  if (words.length === 0) throw new UsageError(`give the ${what} as a JSON FILE, - for stdin, or FIELD=VALUE words`);
  return pairs(words, 'FIELD=VALUE');
}

/** Comma lists in FIELD=VALUE form (rules=…, members=…, policies=…) become arrays. */
function arrays(obj: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out = { ...obj };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = (out[f] as string).split(',').map((x) => x.trim()).filter(Boolean);
  return out;
}

/** How an `-a` / `-d` / `--update` command form picks its action. */
function mode(ctx: RunContext): 'add' | 'delete' | 'update' | 'show' {
  const picked = (['add', 'delete', 'update'] as const).filter((m) => ctx.opts[m] === true);
  if (picked.length > 1) throw new UsageError('give only one of --add (-a), --delete (-d) and --update');
  return picked[0] ?? 'show';
}

const CRUD_OPTIONS = [flag('add', 'add one (from a JSON FILE, - for stdin, or FIELD=VALUE words)', 'a'), flag('delete', 'delete the ones named', 'd'), flag('update', 'update one with FIELD=VALUE words (instead of Joyent\'s -e editor)'), ...YES];

interface Crud {
  what: string;
  arrays: readonly string[];
  get(dc: DataCenter, id: string, ctx: RunContext): Promise<unknown>;
  add(dc: DataCenter, body: Record<string, unknown>): Promise<unknown>;
  update(dc: DataCenter, id: string, body: Record<string, unknown>): Promise<unknown>;
  remove(dc: DataCenter, id: string): Promise<unknown>;
}

/** Joyent's `rbac user|policy|role` shape: show by default, `-a` to add, `-d` to delete (plus `--update`). */
function crud(spec: Crud, extra: Leaf['options'] = []): Leaf {
  return {
    summary: `show, add (-a), update or delete (-d) ${spec.what}s`,
    usage: `[${spec.what.toUpperCase()} | FILE | FIELD=VALUE …]`,
    details: [
      `opskit triton rbac ${spec.what} ${spec.what.toUpperCase()}                       show it`,
      `opskit triton rbac ${spec.what} -a FILE|-|FIELD=VALUE …       add one (JSON file, stdin, or fields)`,
      `opskit triton rbac ${spec.what} --update ${spec.what.toUpperCase()} FIELD=VALUE …  change fields`,
      `opskit triton rbac ${spec.what} -d ${spec.what.toUpperCase()} …                   delete them`,
      'Lists (rules, members, default_members, policies) are comma lists in FIELD=VALUE form.',
    ].join('\n'),
    options: [...CRUD_OPTIONS, ...(extra ?? [])],
    args: { min: 0, max: Infinity },
    async run(ctx) {
      const { s, args } = ctx;
      const m = mode(ctx);
      if (m === 'show') {
        if (args.length !== 1) throw new UsageError(`name one ${spec.what} to show (or use -a / -d / --update)`);
        return s.print(await spec.get(await s.dc(), args[0]!, ctx));
      }
      const w = await s.writer();
      if (m === 'add') {
        const out = await spec.add(w, arrays(await objectFrom(ctx, args, spec.what), spec.arrays));
        if (!s.dry(out)) s.print(out);
        return;
      }
      if (m === 'update') {
        if (args.length < 2) throw new UsageError(`--update needs the ${spec.what} and FIELD=VALUE words`);
        const out = await spec.update(w, args[0]!, arrays(pairs(args.slice(1), 'FIELD=VALUE'), spec.arrays));
        if (!s.dry(out)) s.print(out);
        return;
      }
      if (args.length === 0) throw new UsageError(`name the ${spec.what}s to delete`);
      for (const id of args) if (!s.dry(await spec.remove(w, id))) s.print({ [spec.what]: id, action: 'delete' });
    },
  };
}

/** Role tags of a resource path (`/my/machines/ID`, …), from the `role-tag` header CloudAPI answers GETs with. */
async function readRoleTags(dc: DataCenter, resource: string): Promise<string[]> {
  const path = resource.replace(/^\/my(?=\/|$)/, `/${dc.login}`);
  const res = await dc.api.unwrapResponse((dc.api.api.GET as unknown as (p: string, i: unknown) => Promise<{ response: Response }>)(path, { parseAs: 'text' }));
  return (res.response.headers.get('role-tag') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
}

/** `role-tags RESOURCE` and its typed shortcuts: list, or change with -a / -s / -d / -D. */
function roleTagsLeaf(kind: string, pathOf: (s: Session, ref: string) => Promise<string>): Leaf {
  return {
    summary: `list or change the role tags of ${kind === 'resource' ? 'a resource path such as /my/machines' : `a ${kind}`}`,
    usage: kind === 'resource' ? 'RESOURCE' : kind.toUpperCase(),
    options: [
      list('add', 'ROLE[,ROLE]', 'add these roles (Joyent\'s -a)', 'a'),
      list('set', 'ROLE[,ROLE]', 'replace the tags with these roles', 's'),
      list('delete', 'ROLE[,ROLE]', 'remove these roles', 'd'),
      flag('delete-all', 'remove every role tag', 'D'),
      ...YES,
    ],
    args: { min: 1, max: 1 },
    async run({ s, opts, args }) {
      const path = await pathOf(s, args[0]!);
      const roles = (name: string) => strs(opts[name]).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
      const current = await readRoleTags(await s.dc(), path);
      const changes = [roles('add').length > 0, roles('set').length > 0, roles('delete').length > 0, opts['delete-all'] === true].filter(Boolean).length;
      if (changes === 0) {
        if (s.format.kind === 'json') return s.print(current);
        return void s.io.stdout(current.map((t) => `${t}\n`).join(''));
      }
      if (changes > 1) throw new UsageError('give one of -a, -s, -d and -D');
      const next = opts['delete-all'] === true ? [] : roles('set').length ? roles('set') : roles('add').length ? [...new Set([...current, ...roles('add')])] : current.filter((t) => !roles('delete').includes(t));
      const out = await (await s.writer()).setRoleTags(path, next);
      if (!s.dry(out)) s.print(out);
    },
  };
}

export const rbacBranch: Branch = {
  summary: 'role-based access control: users and their keys, policies, roles, role tags',
  children: {
    info: {
      summary: 'the RBAC state: users, roles (with members and policies), policies',
      usage: '',
      async run({ s }) {
        const dc = await s.dc();
        const [users, roles, policies] = await Promise.all([dc.listUsers(), dc.listRoles(), dc.listPolicies()]);
        s.print({ users: users.map((u) => u.login), roles, policies });
      },
    },
    users: {
      summary: 'RBAC users of the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listUsers(), [['SHORTID', (u) => String(u.id).slice(0, 8)], ['LOGIN', (u) => u.login], ['EMAIL', (u) => u.email]]);
      },
    },
    user: crud(
      {
        what: 'user',
        arrays: [],
        get: (dc, id, ctx) => dc.getUser(id, ctx.opts.membership === true ? { membership: true } : {}),
        add: (dc, body) => dc.createUser(body as never),
        update: (dc, id, body) => (body.password !== undefined ? dc.changeUserPassword(id, String(body.password)) : dc.updateUser(id, body as never)),
        remove: (dc, id) => dc.deleteUser(id),
      },
      [flag('membership', 'with the roles the user is in (and default roles)')],
    ),
    keys: {
      summary: "an RBAC user's SSH keys",
      usage: 'USER',
      args: { min: 1, max: 1 },
      async run({ s, args }) {
        s.printList(await (await s.dc()).listUserKeys(args[0]!), [['FINGERPRINT', (k) => k.fingerprint], ['NAME', (k) => k.name]]);
      },
    },
    key: {
      summary: "show, add (-a) or delete (-d) an RBAC user's SSH keys",
      usage: 'USER KEY | -a [-n NAME] USER FILE | -d USER KEY…',
      options: [flag('add', 'upload a public key file (- for stdin)', 'a'), flag('delete', 'delete the keys named', 'd'), value('name', 'NAME', 'key name for -a', 'n'), ...YES],
      args: { min: 2, max: Infinity },
      async run(ctx) {
        const { s, opts, args } = ctx;
        const [user, ...rest] = args as [string, ...string[]];
        const m = mode(ctx);
        if (m === 'update') throw new UsageError('keys cannot be updated; delete and add one');
        if (m === 'show') return s.print(await (await s.dc()).getUserKey(user, rest[0]!));
        const w = await s.writer();
        if (m === 'add') {
          const text = rest[0] === '-' ? new TextDecoder().decode(await ctx.io.readStdin()) : await readText(s, rest[0]!, 'public key file');
          const line = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
          if (!line) throw new UsageError(`${rest[0]} holds no public key line`);
          const out = await w.createUserKey(user, { key: line, ...(str(opts.name) ? { name: str(opts.name)! } : {}) });
          if (!s.dry(out)) s.print(out);
          return;
        }
        for (const k of rest) if (!s.dry(await w.deleteUserKey(user, k))) s.print({ user, key: k, action: 'delete' });
      },
    },
    policies: {
      summary: 'RBAC policies of the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listPolicies(), [['SHORTID', (p) => String(p.id).slice(0, 8)], ['NAME', (p) => p.name], ['RULES', (p) => p.rules]]);
      },
    },
    policy: crud({
      what: 'policy',
      arrays: ['rules'],
      get: (dc, id) => dc.getPolicy(id),
      add: (dc, body) => dc.createPolicy(body as never),
      update: (dc, id, body) => dc.updatePolicy(id, body as never),
      remove: (dc, id) => dc.deletePolicy(id),
    }),
    roles: {
      summary: 'RBAC roles of the account',
      usage: '',
      async run({ s }) {
        const name = (x: unknown) => (typeof x === 'string' ? x : String((x as { login?: string; name?: string }).login ?? (x as { name?: string }).name));
        s.printList(await (await s.dc()).listRoles(), [['SHORTID', (r) => String(r.id).slice(0, 8)], ['NAME', (r) => r.name], ['POLICIES', (r) => (r.policies as unknown[] | undefined)?.map(name)], ['MEMBERS', (r) => (r.members as unknown[] | undefined)?.map(name)]]);
      },
    },
    role: crud({
      what: 'role',
      arrays: ['members', 'default_members', 'policies'],
      get: (dc, id) => dc.getRole(id),
      add: (dc, body) => dc.createRole(body as never),
      update: (dc, id, body) => dc.updateRole(id, body as never),
      remove: (dc, id) => dc.deleteRole(id),
    }),
    'role-tags': roleTagsLeaf('resource', async (_s, ref) => {
      if (!ref.startsWith('/')) throw new UsageError('RESOURCE is a path such as /my/machines or /my/machines/ID');
      return ref;
    }),
    'instance-role-tags': roleTagsLeaf('instance', async (s, ref) => `/my/machines/${await (await s.resolve()).instanceId(ref)}`),
    'image-role-tags': roleTagsLeaf('image', async (s, ref) => `/my/images/${(await (await s.resolve()).image(ref)).id}`),
    'network-role-tags': roleTagsLeaf('network', async (s, ref) => `/my/networks/${await (await s.resolve()).networkId(ref)}`),
    'package-role-tags': roleTagsLeaf('package', async (s, ref) => `/my/packages/${(await (await s.resolve()).package(ref)).id}`),
  },
};
