import { SimError } from '../../app.js';
import { noContent, str } from '../input.js';
import type { createRouter, Req } from '../router.js';
import { addKeyTo, findUser } from '../state.js';
import type { SimKey } from '../types.js';

type Router = ReturnType<typeof createRouter>;

const keyView = (k: SimKey) => ({ name: k.name, fingerprint: k.fingerprint, key: k.key, attested: false });

function findKey(keys: Map<string, SimKey>, id: string): SimKey {
  const key = keys.get(id) ?? [...keys.values()].find((k) => k.fingerprint === id);
  if (!key) throw new SimError(404, 'ResourceNotFound', `${id} does not exist`);
  return key;
}

/** Account and sub-user SSH keys. */
export function keyRoutes({ route }: Router): void {
  const keysOf = (r: Req) => (r.params.user ? findUser(r.account, r.params.user).keys : r.account.keys);
  for (const [base, prefix, opts] of [
    ['/:login/keys', '', {}],
    ['/:login/users/:user/keys', 'User', { minApi: '7.2.0' }],
  ] as const) {
    route('GET', base, `List${prefix}Keys`, opts, (r) => r.c.json([...keysOf(r).values()].map(keyView)));
    route('GET', `${base}/:key`, `Get${prefix}Key`, opts, (r) => r.c.json(keyView(findKey(keysOf(r), r.params.key!))));
    route('POST', base, `Create${prefix}Key`, opts, (r) => {
      const key = addKeyTo(keysOf(r), str(r.input, 'key', true), str(r.input, 'name'));
      return r.c.json(keyView(key), 201, { location: `/${r.account.login}${r.params.user ? `/users/${r.params.user}` : ''}/keys/${encodeURIComponent(key.name)}` });
    });
    route('DELETE', `${base}/:key`, `Delete${prefix}Key`, opts, (r) => {
      const keys = keysOf(r);
      keys.delete(findKey(keys, r.params.key!).name);
      return noContent();
    });
  }
}
