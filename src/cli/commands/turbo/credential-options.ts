import { join } from 'node:path';
import type { OptionSpec } from '../../command.js';

/** turboauth's options for the credential files (`-b`, `-k`, `-c`). */
export const credentialFileOptions: Record<string, OptionSpec> = {
  basepath: { type: 'string', short: 'b', valueName: 'DIR', description: 'folder of the key and credential files (default ./.turbo_services_api_creds)' },
  keyfile: { type: 'string', short: 'k', valueName: 'FILE', description: 'key file name inside the folder (default .key)' },
  credfile: { type: 'string', short: 'c', valueName: 'FILE', description: 'credential file name inside the folder (default .cred)' },
};

/** The key and credential paths the options name (turboauth's defaults: relative to the current directory). */
export function credentialPaths(values: Readonly<Record<string, string | boolean | undefined>>): { keyPath: string; credPath: string } {
  const base = typeof values.basepath === 'string' ? values.basepath : '.turbo_services_api_creds';
  const key = typeof values.keyfile === 'string' ? values.keyfile : '.key';
  const cred = typeof values.credfile === 'string' ? values.credfile : '.cred';
  return { keyPath: join(base, key), credPath: join(base, cred) };
}
