import { ConfigError } from '../core/errors/config-error.js';

/**
 * The keyId CloudAPI accepts: `/<account>/keys/<md5 fingerprint>`, or for an RBAC sub-user
 * `/<account>/users/<user>/keys/<md5 fingerprint>`. `my` is not allowed here (protocols §1.3).
 */
export function tritonKeyId(account: string, fingerprint: string, user?: string): string {
  if (!account || account === 'my') throw new ConfigError('triton: the keyId needs the real account login, not "my"');
  for (const [name, v] of [['account', account], ['user', user]] as const) {
    if (v !== undefined && /[/"]/.test(v)) throw new ConfigError(`triton: ${name} must not contain "/" or '"'`);
  }
  return user ? `/${account}/users/${user}/keys/${fingerprint}` : `/${account}/keys/${fingerprint}`;
}

/** The account (and sub-user) named by an explicit keyId such as py-smartdc's `/login/keys/name`. */
export function parseKeyId(keyId: string): { account: string; user?: string; key: string } | undefined {
  const parts = keyId.split('/');
  if (parts.length === 4 && parts[0] === '' && parts[2] === 'keys' && parts[1] && parts[3]) return { account: parts[1], key: parts[3] };
  if (parts.length === 6 && parts[0] === '' && parts[2] === 'users' && parts[4] === 'keys' && parts[1] && parts[3] && parts[5]) {
    return { account: parts[1], user: parts[3], key: parts[5] };
  }
  return undefined;
}
