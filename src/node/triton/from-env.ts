import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../core/errors/config-error.js';
import { checkOptions } from '../../core/options.js';
import { keySigner, type HttpSigner } from '../../crypto/http-signature/signer.js';
import { DataCenter } from '../../triton/data-center.js';
import type { DataCenterOptions } from '../../triton/data-center-options.js';
import { DATA_CENTER_ALIASES, DATA_CENTER_OPTIONS } from '../../triton/option-names.js';
import { agentSigner } from './agent-signer.js';
import { tritonEnv } from './env.js';
import { loadKeyFromSshDir } from './load-key.js';

/** Options of {@link dataCenterFromEnv}: anything DataCenter takes overrides the environment. */
export interface FromEnvOptions extends DataCenterOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory for key files (default `~/.ssh`). */
  sshDir?: string;
  /** Skip the ssh-agent even when `SSH_AUTH_SOCK` is set. */
  noAgent?: boolean;
}

/**
 * The signer for a key id: the ssh-agent's key when `SSH_AUTH_SOCK` holds it, else the key file
 * in `~/.ssh` with that fingerprint (node-smartdc-auth's order).
 */
export async function signerForKeyId(keyId: string, options: { env?: Readonly<Record<string, string | undefined>>; sshDir?: string; passphrase?: string; noAgent?: boolean } = {}): Promise<HttpSigner> {
  const env = options.env ?? process.env;
  if (env.SSH_AUTH_SOCK && !options.noAgent) {
    try {
      return await agentSigner({ env, fingerprint: keyId });
    } catch {
      // Not in the agent (or no agent): fall back to files.
    }
  }
  const key = await loadKeyFromSshDir({ fingerprint: keyId, ...(options.sshDir ? { dir: options.sshDir } : {}), ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}) });
  return keySigner(key);
}

/**
 * A DataCenter configured like node-smartdc / node-triton: `SDC_URL`/`TRITON_URL`,
 * `SDC_ACCOUNT`, `SDC_USER`, `SDC_KEY_ID` (a fingerprint: the key comes from ssh-agent or `~/.ssh`).
 */
export async function dataCenterFromEnv(options: FromEnvOptions = {}): Promise<DataCenter> {
  checkOptions('dataCenterFromEnv()', options, [...DATA_CENTER_OPTIONS, 'env', 'sshDir', 'noAgent'], DATA_CENTER_ALIASES);
  const { env: envIn, sshDir, noAgent, ...rest } = options;
  const env = tritonEnv(envIn);
  const url = rest.url ?? env.url;
  const account = rest.account ?? env.account;
  if (!url && !rest.location) throw new ConfigError('triton: set SDC_URL (or TRITON_URL), or pass url');
  if (!account) throw new ConfigError('triton: set SDC_ACCOUNT (or TRITON_ACCOUNT), or pass account');
  let signer = rest.signer;
  if (!signer && rest.key === undefined) {
    const keyId = rest.keyId ?? env.keyId;
    if (!keyId) throw new ConfigError('triton: set SDC_KEY_ID (or TRITON_KEY_ID) to the fingerprint of your key, or pass key/signer');
    signer = await signerForKeyId(keyId, { ...(envIn ? { env: envIn } : {}), ...(sshDir ? { sshDir } : {}), ...(rest.passphrase !== undefined ? { passphrase: rest.passphrase } : {}), ...(noAgent ? { noAgent } : {}) });
  }
  const user = rest.user ?? env.user;
  return new DataCenter({ ...rest, ...(url ? { url } : {}), account, ...(user ? { user } : {}), ...(signer ? { signer } : {}), keyId: rest.keyId?.startsWith('/') ? rest.keyId : undefined });
}

/** py-smartdc's `set_boot_script(filename)`: the script text of a file, for `machine.setBootScript`. */
export async function readBootScript(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
