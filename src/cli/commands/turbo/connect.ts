import { existsSync } from 'node:fs';
import { Credential } from '../../../node/turbonomic/index.js';
import { Connection } from '../../../turbonomic/index.js';
import type { OptionSpec, OptionValues } from '../../command.js';
import type { CliIo } from '../../io.js';
import type { Prompter } from '../../prompt.js';
import { checkServiceUrl } from '../../service-url.js';
import { setTarget } from '../../target.js';
import { UsageError } from '../../usage-error.js';
import { credentialFileOptions, credentialPaths } from './credential-options.js';

/** Options every `opskit turbo` API command takes. */
export const connectionOptions: Record<string, OptionSpec> = {
  url: { type: 'string', valueName: 'URL', description: 'server URL: https://turbo.example.com, or http://127.0.0.1:PORT for a plain-HTTP server such as a simulator ($TURBO_URL)' },
  host: { type: 'string', valueName: 'HOST', description: 'server host[:port], over https ($TURBO_HOST); --url instead for http' },
  'base-url': { type: 'string', valueName: 'PATH', description: 'API base path (default: probe /api/v3/, then /vmturbo/rest/)' },
  username: { type: 'string', short: 'u', valueName: 'USER', description: 'username ($TURBO_USERNAME); the password comes from $TURBO_PASSWORD or a prompt' },
  ...credentialFileOptions,
};

/**
 * A connection from the command line: `--url` or `--host`; credentials from `-u` + `$TURBO_PASSWORD`
 * (or a hidden prompt), else from the credential files (`-b/-k/-c`). With `--dry-run` the
 * connection sends nothing (not even its bootstrap) and every call resolves with its request.
 */
export async function connectFromOptions(values: OptionValues, io: CliIo, prompt: Prompter): Promise<Connection> {
  const fromUrl = typeof values.url === 'string' ? '--url' : io.env.TURBO_URL ? 'TURBO_URL' : undefined;
  const raw = typeof values.url === 'string' ? values.url : io.env.TURBO_URL || undefined;
  let host = typeof values.host === 'string' ? values.host : io.env.TURBO_HOST || undefined;
  let ssl = true;
  if (raw !== undefined) {
    const url = checkServiceUrl(raw, fromUrl ?? '--url');
    if (url.pathname !== '/' && url.pathname !== '') throw new UsageError(`${fromUrl}: give only the server (${url.origin}); the API base path goes in --base-url`);
    host = url.host;
    ssl = url.protocol !== 'http:';
  }
  if (!host) throw new UsageError('no server: pass --url URL or --host HOST, or set TURBO_URL or TURBO_HOST');
  setTarget(io, { url: `${ssl ? 'https' : 'http'}://${host}`, setting: raw !== undefined ? `${fromUrl}` : '--host or TURBO_HOST (over https; --url http://… for plain HTTP)' });
  const username = typeof values.username === 'string' ? values.username : io.env.TURBO_USERNAME || undefined;
  const dryRun = values['dry-run'] === true;
  const base = { host, ssl, ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}), ...(dryRun ? { dryRun: true } : {}) };
  if (username !== undefined) {
    let password = io.env.TURBO_PASSWORD;
    if (password === undefined) {
      if (!io.stdinIsTTY) throw new UsageError('no password: set TURBO_PASSWORD, or run on a terminal to be prompted');
      password = await prompt('Password: ', { hidden: true });
    }
    return new Connection({ ...base, username, password });
  }
  const paths = credentialPaths(values, io);
  if (!existsSync(paths.credPath)) throw new UsageError(`no credentials: pass -u USER, or create ${paths.credPath} with 'opskit turbo auth create' (-b DIR for another folder)`);
  return new Connection({ ...base, auth: await new Credential(paths).get() });
}
