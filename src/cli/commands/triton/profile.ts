import {
  currentProfileName,
  deleteTritonProfile,
  listTritonProfiles,
  loadTritonProfile,
  profilePath,
  saveTritonProfile,
  setCurrentTritonProfile,
  type TritonProfile,
} from '../../../node/index.js';
import { readInputFile } from '../../read-file.js';
import { UsageError } from '../../usage-error.js';
import { str } from './args.js';
import { flag, none, one, value, YES, type Branch, type Leaf, type RunContext } from './tree.js';

const columns: [string, (p: TritonProfile & { curr: boolean }) => unknown][] = [
  ['NAME', (p) => p.name],
  ['CURR', (p) => (p.curr ? '*' : '')],
  ['ACCOUNT', (p) => p.account],
  ['USER', (p) => p.user],
  ['URL', (p) => p.url],
];

/** `-p NAME` on the line, else the current profile (`TRITON_PROFILE`, config.json, `env`). */
const current = async (ctx: RunContext) => str(ctx.opts.profile) ?? (await currentProfileName({ env: ctx.io.env }));

const list: Leaf = {
  summary: 'list the profiles (env, from TRITON_*/SDC_* variables, and ~/.triton/profiles.d)',
  usage: '',
  async run(ctx) {
    const env = ctx.io.env;
    const curr = await current(ctx);
    const profiles = (await listTritonProfiles({ env })).map((p) => ({ ...p, curr: p.name === curr }));
    ctx.s.printList(profiles, columns);
  },
};

/** The profile JSON `profile create -f FILE` reads: `triton profile get -j`'s form (with `name`). */
function fromJson(text: string, source: string): TritonProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`${source} is not JSON (expected the form 'opskit triton profile get' prints)`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${source} is not a JSON object`);
  const { name, curr: _curr, ...rest } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') throw new UsageError(`${source} has no "name"`);
  return { ...(rest as Omit<TritonProfile, 'name'>), name };
}

/** `triton profile …`: node-triton's profiles (`~/.triton/profiles.d/NAME.json`, `triton profile` semantics). */
export const profileBranch: Branch = {
  summary: 'node-triton profiles: list, get, create, set-current, delete',
  aliases: { ls: 'list', set: 'set-current', rm: 'delete' },
  children: {
    list,
    get: {
      summary: 'show a profile (default: the current one)',
      usage: '[NAME]',
      args: { min: 0, max: 1 },
      async run(ctx) {
        const name = ctx.args[0] ?? (await current(ctx));
        const p = await loadTritonProfile(name, { env: ctx.io.env });
        ctx.s.print({ ...p, curr: name === (await current(ctx)) });
      },
    },
    create: {
      summary: "save a profile from a JSON file (-f FILE or -f -), or copy one (--copy PROFILE --name NAME)",
      usage: '(-f FILE | --copy PROFILE --name NAME)',
      details: [
        "-f reads the form 'opskit triton profile get' prints (name, url, account, keyId; insecure, user, roles).",
        '--copy starts from another profile (env: the TRITON_* variables); -U, -a, -k, -u and -i override its',
        'fields. The profile is written to ~/.triton/profiles.d/NAME.json, where Joyent\'s triton reads it too.',
      ].join('\n'),
      options: [value('file', 'FILE', 'the profile as JSON (- for stdin)', 'f'), value('copy', 'PROFILE', 'a profile to copy values from'), value('name', 'NAME', 'with --copy: the new profile\'s name'), ...YES],
      args: none,
      async run(ctx) {
        const file = str(ctx.opts.file);
        const copy = str(ctx.opts.copy);
        if ((file === undefined) === (copy === undefined)) throw new UsageError('give -f FILE or --copy PROFILE (with --name NAME)');
        let p: TritonProfile;
        if (file !== undefined) {
          const bytes = file === '-' ? await ctx.io.readStdin() : await readInputFile(ctx.io, file, 'profile file');
          p = fromJson(new TextDecoder().decode(bytes), file === '-' ? 'stdin' : file);
        } else {
          const name = str(ctx.opts.name);
          if (!name) throw new UsageError('--copy needs --name NAME for the new profile');
          p = { ...(await loadTritonProfile(copy!, { env: ctx.io.env })), name };
        }
        const o = ctx.opts;
        for (const [opt, field] of [['url', 'url'], ['account', 'account'], ['key-id', 'keyId'], ['user', 'user']] as const) {
          const v = str(o[opt]);
          if (v !== undefined) p[field] = v;
        }
        if (o.insecure === true) p.insecure = true;
        const path = profilePath(p.name, { env: ctx.io.env });
        if (ctx.s.dryRun) return ctx.s.print({ dryRun: true, write: path, profile: p });
        await saveTritonProfile(p, { env: ctx.io.env });
        ctx.s.print({ saved: p.name, path });
      },
    },
    'set-current': {
      summary: "make a profile the current one (- for the previous); Joyent's triton follows it too",
      usage: 'NAME',
      args: one,
      async run(ctx) {
        const name = ctx.args[0]!;
        if (ctx.s.dryRun) return ctx.s.print({ dryRun: true, current: name });
        ctx.s.print({ current: await setCurrentTritonProfile(name, { env: ctx.io.env }) });
      },
    },
    delete: {
      summary: 'delete a saved profile',
      usage: 'NAME',
      options: [flag('force', 'accepted for parity; opskit never asks for confirmation', 'f'), flag('yes', 'accepted for parity', 'y')],
      args: one,
      async run(ctx) {
        const name = ctx.args[0]!;
        if (ctx.s.dryRun) return ctx.s.print({ dryRun: true, delete: profilePath(name, { env: ctx.io.env }) });
        await deleteTritonProfile(name, { env: ctx.io.env });
        ctx.s.print({ deleted: name });
      },
    },
  },
};
