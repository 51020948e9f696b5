import { Credential } from '../../../node/turbonomic/index.js';
import { Connection } from '../../../turbonomic/index.js';
import type { CliIo } from '../../io.js';
import type { OptionSpec } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { credentialFileOptions, credentialPaths } from './credential-options.js';
import { existsSync } from 'node:fs';
import type { Prompter } from './prompt.js';

/** Options every `opskit turbo` API command takes. */
export const connectionOptions: Record<string, OptionSpec> = {
  url: { type: 'string', valueName: 'URL', description: 'server URL, e.g. https://turbo.example.com or http://127.0.0.1:8080 ($TURBO_URL)' },
  host: { type: 'string', short: 'H', valueName: 'HOST', description: 'server host[:port], https ($TURBO_HOST)' },
  'base-url': { type: 'string', valueName: 'PATH', description: 'API base path (default: probe /api/v3/, then /vmturbo/rest/)' },
  username: { type: 'string', short: 'u', valueName: 'USER', description: 'username ($TURBO_USERNAME); the password comes from $TURBO_PASSWORD or a prompt' },
  ...credentialFileOptions,
};

/**
 * A connection from the command line: `--url` or `--host`; credentials from `-u` + `$TURBO_PASSWORD`
 * (or a hidden prompt), else from the credential files (`-b/-k/-c`, turboauth's defaults).
 */
export async function connectFromOptions(values: Readonly<Record<string, string | boolean | undefined>>, io: CliIo, prompt: Prompter): Promise<Connection> {
  const raw = (values.url as string | undefined) ?? io.env.TURBO_URL;
  let host = (values.host as string | undefined) ?? io.env.TURBO_HOST;
  let ssl = true;
  if (raw !== undefined) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UsageError('--url must be an absolute URL such as https://turbo.example.com');
    }
    host = url.host;
    ssl = url.protocol !== 'http:';
  }
  if (!host) throw new UsageError('no server: pass --url URL or --host HOST (or set TURBO_URL / TURBO_HOST)');
  const username = (values.username as string | undefined) ?? io.env.TURBO_USERNAME;
  const base = { host, ssl, ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}) };
  if (username !== undefined) {
    let password = io.env.TURBO_PASSWORD;
    if (password === undefined) {
      if (!io.stdinIsTTY) throw new UsageError('no password: set TURBO_PASSWORD, or run on a terminal to be prompted');
      password = await prompt('Password: ', { hidden: true });
    }
    return new Connection({ ...base, username, password });
  }
  const paths = credentialPaths(values);
  if (!existsSync(paths.credPath)) throw new UsageError(`no credentials: pass -u USER, or create ${paths.credPath} with 'opskit turbo auth create'`);
  return new Connection({ ...base, auth: await new Credential(paths).get() });
}
