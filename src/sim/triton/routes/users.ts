import { SimError } from '../../app.js';
import { noContent, str } from '../input.js';
import type { createRouter, Req } from '../router.js';
import { findUser, iso, newUser } from '../state.js';
import type { SimAccessKey } from '../types.js';
import { userView } from '../views.js';

type Router = ReturnType<typeof createRouter>;
const PROFILE = ['companyName', 'firstName', 'lastName', 'address', 'postalCode', 'city', 'state', 'country', 'phone'];
const RBAC = { minApi: '7.2.0' } as const;

/** Sub-users, their passwords and access keys (account and sub-user). */
export function userRoutes({ route }: Router): void {
  route('GET', '/:login/users', 'ListUsers', RBAC, (r) => r.c.json([...r.account.users.values()].map((u) => userView(r.account, u))));

  route('GET', '/:login/users/:user', 'GetUser', RBAC, (r) => {
    // Any non-empty value is truthy for the server.
    const membership = r.input.membership !== undefined && r.input.membership !== '' && r.input.membership !== false;
    return r.c.json(userView(r.account, findUser(r.account, r.params.user!), membership));
  });

  route('POST', '/:login/users', 'CreateUser', RBAC, (r) => {
    const login = str(r.input, 'login', true);
    const email = str(r.input, 'email', true);
    const password = str(r.input, 'password', true);
    if ([...r.account.users.values()].some((u) => u.login === login) || login === r.account.login) {
      throw new SimError(409, 'InvalidArgument', `login ${login} is already taken`);
    }
    const user = newUser(r.ctx.random, r.now, login, email, password);
    for (const f of PROFILE) {
      const v = str(r.input, f);
      if (v !== undefined) user.profile[f] = v;
    }
    r.account.users.set(user.id, user);
    return r.c.json(userView(r.account, user), 201, { location: `/${r.account.login}/users/${user.login}` });
  });

  route('POST', '/:login/users/:user', 'UpdateUser', RBAC, (r) => {
    const user = findUser(r.account, r.params.user!);
    const login = str(r.input, 'login');
    if (login !== undefined) user.login = login;
    const email = str(r.input, 'email');
    if (email !== undefined) user.email = email;
    for (const f of PROFILE) {
      const v = str(r.input, f);
      if (v !== undefined) user.profile[f] = v;
    }
    user.updated = iso(r.now);
    return r.c.json(userView(r.account, user));
  });

  route('POST', '/:login/users/:user/change_password', 'ChangeUserPassword', RBAC, (r) => {
    const user = findUser(r.account, r.params.user!);
    const password = str(r.input, 'password', true);
    if (password !== str(r.input, 'password_confirmation', true)) throw new SimError(409, 'InvalidArgument', 'password and password_confirmation do not match');
    user.password = password;
    user.updated = iso(r.now);
    return r.c.json(userView(r.account, user));
  });

  route('DELETE', '/:login/users/:user', 'DeleteUser', RBAC, (r) => {
    r.account.users.delete(findUser(r.account, r.params.user!).id);
    return noContent();
  });

  // Access keys (9.11+): the secret is in the create reply only.
  const keysOf = (r: Req) => (r.params.user ? findUser(r.account, r.params.user).accessKeys : r.account.accessKeys);
  const view = (k: SimAccessKey, secret = false) => ({
    accesskeyid: k.accesskeyid, created: k.created, status: 'Active', ...(k.description ? { description: k.description } : {}),
    ...(secret ? { accesskeysecret: k.accesskeysecret } : {}),
  });
  for (const [base, prefix] of [['/:login/accesskeys', ''], ['/:login/users/:user/accesskeys', 'User']] as const) {
    route('GET', base, `List${prefix}AccessKeys`, {}, (r) => r.c.json([...keysOf(r).values()].map((k) => view(k))));
    route('GET', `${base}/:id`, `Get${prefix}AccessKey`, {}, (r) => {
      const k = keysOf(r).get(r.params.id!);
      if (!k) throw new SimError(404, 'ResourceNotFound', `${r.params.id} does not exist`);
      return r.c.json(view(k));
    });
    route('POST', base, `Create${prefix}AccessKey`, {}, (r) => {
      const description = str(r.input, 'description');
      const k: SimAccessKey = {
        accesskeyid: r.ctx.random.hex(10).toUpperCase(),
        accesskeysecret: r.ctx.random.hex(20),
        created: iso(r.now),
        ...(description ? { description } : {}),
      };
      keysOf(r).set(k.accesskeyid, k);
      return r.c.json(view(k, true), 201);
    });
    route('DELETE', `${base}/:id`, `Delete${prefix}AccessKey`, {}, (r) => {
      if (!keysOf(r).delete(r.params.id!)) throw new SimError(404, 'ResourceNotFound', `${r.params.id} does not exist`);
      return noContent();
    });
  }
}
