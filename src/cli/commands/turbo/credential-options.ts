import { join, resolve } from 'node:path';
import { defaultCredentialDir } from '../../../node/turbonomic/index.js';
import type { OptionSpec, OptionValues } from '../../command.js';
import type { CliIo } from '../../io.js';

/**
 * The credential files' options: turboauth's `-b`, `-k`, `-c` (its `--keyfile` and `--credfile`
 * spellings are accepted too). The folder defaults to the library's, `~/.turbo_services_api_creds`
 * (turboauth's own default is `./.turbo_services_api_creds`; see compat.md), or
 * `$TURBO_CREDENTIALS_DIR`.
 */
export const credentialFileOptions: Record<string, OptionSpec> = {
  basepath: { type: 'string', short: 'b', valueName: 'DIR', description: 'folder of the key and credential files (default $TURBO_CREDENTIALS_DIR, else ~/.turbo_services_api_creds)' },
  'key-file': { type: 'string', short: 'k', aliases: ['keyfile'], valueName: 'FILE', description: 'key file, relative to the folder (default .key)' },
  'cred-file': { type: 'string', short: 'c', aliases: ['credfile'], valueName: 'FILE', description: 'credential file, relative to the folder (default .cred)' },
};

/** The default folder of the credential files: `$TURBO_CREDENTIALS_DIR`, else `$HOME/.turbo_services_api_creds`. */
export function defaultCredentialFolder(io: CliIo): string {
  if (io.env.TURBO_CREDENTIALS_DIR) return io.env.TURBO_CREDENTIALS_DIR;
  return io.env.HOME ? join(io.env.HOME, '.turbo_services_api_creds') : defaultCredentialDir();
}

/** The key and credential paths the options name (a file given as an absolute path is taken as it is). */
export function credentialPaths(values: OptionValues, io: CliIo): { keyPath: string; credPath: string } {
  const base = typeof values.basepath === 'string' ? values.basepath : defaultCredentialFolder(io);
  const key = typeof values['key-file'] === 'string' ? values['key-file'] : '.key';
  const cred = typeof values['cred-file'] === 'string' ? values['cred-file'] : '.cred';
  return { keyPath: resolve(base, key), credPath: resolve(base, cred) };
}
