import type { OptionSpec } from '../../command.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { ConfigError } from '../../../core/errors/config-error.js';
import { keySigner } from '../../../crypto/http-signature/signer.js';
import { signerForKeyId, tritonEnv } from '../../../node/index.js';
import { DataCenter } from '../../../triton/index.js';

type Values = Readonly<Record<string, string | boolean | undefined>>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** Options every `opskit triton` command takes; each falls back to SDC_* / TRITON_* variables. */
export const connectionOptions: Record<string, OptionSpec> = {
  url: { type: 'string', valueName: 'URL', description: 'CloudAPI URL (default $TRITON_URL or $SDC_URL)' },
  account: { type: 'string', short: 'a', valueName: 'LOGIN', description: 'account login (default $TRITON_ACCOUNT or $SDC_ACCOUNT)' },
  user: { type: 'string', valueName: 'LOGIN', description: 'RBAC sub-user (default $TRITON_USER or $SDC_USER)' },
  'key-id': { type: 'string', short: 'k', valueName: 'FP', description: 'key fingerprint, found in ssh-agent or ~/.ssh (default $TRITON_KEY_ID or $SDC_KEY_ID)' },
  'key-file': { type: 'string', valueName: 'FILE', description: 'private key file (passphrase from $TRITON_KEY_PASSPHRASE)' },
  output: { type: 'string', short: 'o', valueName: 'FORMAT', description: 'json, or text (the default)' },
};

/** Whether `-o json` was asked for (anything but json/text is a usage error). */
export function wantsJson(values: Values): boolean {
  const o = str(values.output) ?? 'text';
  if (o !== 'json' && o !== 'text') throw new UsageError('-o must be json or text');
  return o === 'json';
}

/**
 * A DataCenter from the command line and environment: `--key-file` (any key format), else the
 * ssh-agent or `~/.ssh` key with `--key-id`. The passphrase only ever comes from the environment.
 */
export async function connect(values: Values, io: CliIo): Promise<DataCenter> {
  const env = tritonEnv(io.env);
  const url = str(values.url) ?? env.url;
  const account = str(values.account) ?? env.account;
  if (!url) throw new UsageError('no CloudAPI URL: pass --url or set TRITON_URL / SDC_URL');
  if (!account) throw new UsageError('no account: pass --account or set TRITON_ACCOUNT / SDC_ACCOUNT');
  const passphrase = io.env.TRITON_KEY_PASSPHRASE ?? io.env.SDC_KEY_PASSPHRASE;
  const keyFile = str(values['key-file']);
  const keyId = str(values['key-id']) ?? env.keyId;
  let signer;
  if (keyFile) signer = keySigner(new TextDecoder().decode(await io.readFile(keyFile)), passphrase ? { passphrase } : {});
  else if (keyId) signer = await signerForKeyId(keyId, { env: io.env, ...(passphrase ? { passphrase } : {}) });
  else throw new ConfigError('no key: pass --key-file or --key-id (or set TRITON_KEY_ID / SDC_KEY_ID)');
  const user = str(values.user) ?? env.user;
  return new DataCenter({ url, account, signer, ...(user ? { user } : {}) });
}
