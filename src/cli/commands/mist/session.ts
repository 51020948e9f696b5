import { isDryRunRequest } from '../../../core/dry-run.js';
import { DEFAULT_MIST_URI, MistClient } from '../../../mist/index.js';
import { defaultMistConfigPath, readMistConfig, writeMistConfig } from '../../../node/index.js';
import { printJson } from '../../command.js';
import type { CliIo } from '../../io.js';
import { progress, type Progress } from '../../progress.js';
import type { Prompter } from '../../prompt.js';
import { checkServiceUrl } from '../../service-url.js';
import { setTarget } from '../../target.js';
import { UsageError } from '../../usage-error.js';

type Opts = Readonly<Record<string, string | boolean | undefined>>;

/** What every `opskit mist` action works with. */
export interface MistCli {
  io: CliIo;
  opts: Opts;
  vars: readonly string[];
  /** The logged-in client (made on first use). */
  client(): Promise<MistClient>;
  /** A string option, or undefined. */
  str(name: string): string | undefined;
  /** Whether `-o table` was asked for. */
  readonly tableOutput: boolean;
  /** Prints a result: JSON (one line), or the table / text `render` makes. A dry run prints the request. */
  print(value: unknown, render?: () => string): void;
  /** A status line on stderr (stdout stays one JSON document). */
  note(line: string): void;
  /** The progress line of a wait: on a terminal, or with `--progress`. */
  progress(): Progress;
}

/**
 * The session of one `opskit mist` run: reads `~/.mist` (mist.client's `[mist.io] mist_uri`,
 * `[mist.credentials] email, password`), asks for what is missing (the password without echo),
 * offers to save a new config (mode 0600), and logs in. `--standalone` skips credentials; an
 * `api_token` in the config skips the login.
 */
export function createSession(io: CliIo, opts: Opts, vars: readonly string[], prompt: Prompter): MistCli {
  const output = typeof opts.output === 'string' ? opts.output : 'json';
  if (output !== 'json' && output !== 'table') throw new UsageError('-o must be json or table');
  let client: Promise<MistClient> | undefined;
  const str = (name: string) => (typeof opts[name] === 'string' ? (opts[name] as string) : undefined);
  const session: MistCli = {
    io,
    opts,
    vars,
    str,
    tableOutput: output === 'table',
    client: () => (client ??= connect(io, opts, prompt)),
    print(value, render) {
      if (isDryRunRequest(value) || !render || output === 'json') return printJson(io, value);
      io.stdout(render());
    },
    note: (line) => io.stderr(`${line}\n`),
    progress: () => progress(io, opts.progress === true),
  };
  return session;
}

async function connect(io: CliIo, opts: Opts, prompt: Prompter): Promise<MistClient> {
  const path = typeof opts.config === 'string' ? opts.config : defaultMistConfigPath(io.env);
  const config = await readMistConfig(path, { env: io.env, readFile: io.readFile });
  const given = typeof opts.mistUri === 'string' ? opts.mistUri : undefined;
  const mistUri = given ?? config?.mistUri ?? DEFAULT_MIST_URI;
  const setting = given !== undefined ? '--mist-uri' : config?.mistUri ? `mist_uri in ${path}` : '--mist-uri (default https://mist.io)';
  checkServiceUrl(mistUri, setting);
  setTarget(io, { url: mistUri, setting });
  const core = { mistUri, dryRun: opts.dryRun === true, reveal: opts.reveal === true };
  if (opts.standalone === true) return new MistClient(core);
  if (config?.apiToken) return new MistClient({ ...core, apiToken: config.apiToken, ...(config.email ? { email: config.email } : {}) });
  if (!config) io.stderr(`No config file found at: ${path}\n`);
  const email = config?.email || (await prompt('Email: ', { hidden: false })).trim();
  const password = config?.password || (await prompt('Password: ', { hidden: true }));
  if (!email || !password) throw new UsageError('an email and a password are needed to log in (or use --standalone for a standalone server)');
  if (!config) await offerToSave(io, prompt, path, { mistUri, email, password });
  // A dry run sends nothing, the login included.
  if (core.dryRun) return new MistClient({ ...core, email });
  return MistClient.login({ ...core, email, password });
}

/** mist.client's "Save config [Y/n]" (an empty answer is yes). */
async function offerToSave(io: CliIo, prompt: Prompter, path: string, config: { mistUri: string; email: string; password: string }): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    const answer = (await prompt('Save config [Y/n]: ', { hidden: false })).trim();
    if (['', 'y', 'Y', 'yes', 'Yes'].includes(answer)) {
      await writeMistConfig(path, config);
      io.stderr(`Saved config at ${path}\n`);
      return;
    }
    if (['n', 'N', 'no', 'No'].includes(answer)) return;
    io.stderr('Wrong answer!\n');
  }
}
