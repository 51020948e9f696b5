import { generatePrivateKeySync } from '../../crypto/keys/generate.js';
import { encodeOpenSshPrivateKey } from '../../crypto/keys/formats/openssh-write.js';
import { createSimApp, SimError } from '../app.js';
import { createClock } from '../clock.js';
import { defineSim } from '../define-sim.js';
import { errorResponse } from '../errors.js';
import { createRandom } from '../random.js';
import { createRouter, responseHeaders } from './router.js';
import { accountRoutes } from './routes/account.js';
import { imageRoutes } from './routes/images.js';
import { keyRoutes } from './routes/keys.js';
import { machinePartRoutes } from './routes/machine-parts.js';
import { machineRoutes } from './routes/machines.js';
import { networkRoutes } from './routes/networks.js';
import { rbacRoutes, roleTagFallbackRoutes } from './routes/rbac.js';
import { userRoutes } from './routes/users.js';
import { seed, seedFabric } from './seed.js';
import { addKeyTo, findUser, GoneError, newAccount } from './state.js';
import type { SimAccount, TritonCredentials, TritonSim, TritonSimAccountInput, TritonSimOptions, TritonState } from './types.js';

/**
 * The Triton CloudAPI simulator (protocols/triton-cloudapi.md): HTTP Signature verification against
 * registered public keys (every algorithm CloudAPI takes, modern and legacy syntax, pre-signed
 * URLs), ±300 s clock skew, Accept-Version negotiation, RBAC sub-users and policies, machines that
 * move provisioning → running → stopped → deleted on the clock (410 afterwards), asynchronous
 * tags and metadata, snapshots, images, fabrics, volumes, paging headers and throttling.
 *
 * With no `keys` it generates an Ed25519 key (or ECDSA P-256 with `keyType: 'ecdsa'`) for the first account; `sim.credentials` holds it
 * as DataCenter options (`account`, `key` in OpenSSH text, `keyId`), so
 * `new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials })` signs in, and
 * `opskit sim serve triton` prints working credentials.
 */
export function createTritonSim(options: TritonSimOptions = {}): TritonSim {
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed);
  const transitionMs = options.transitionMs ?? 3000;
  const asyncMs = options.asyncMs ?? 1000;
  const state: TritonState = {
    accounts: new Map(), machines: new Map(), images: new Map(), packages: new Map(), networks: new Map(), vlans: new Map(),
    fwrules: new Map(), volumes: new Map(), datacenters: { 'us-sim-1': null, ...(options.datacenters ?? {}) }, buckets: new Map(), nextIp: 0,
  };
  seed(state);

  const addAccount = (input: string | TritonSimAccountInput): SimAccount => {
    const account = newAccount(random, clock.now(), input);
    state.accounts.set(account.login, account);
    account.config.default_network = seedFabric(state, random, account.id);
    return account;
  };
  const specs = options.accounts ?? ['demo'];
  for (const a of specs) addAccount(a);
  const first = state.accounts.values().next().value as SimAccount;

  const addKey = (owner: string, publicKey: string, name?: string): string => {
    const [login, , user] = owner.split('/');
    const account = state.accounts.get(login ?? '');
    if (!account) throw new RangeError(`no account ${JSON.stringify(login)}`);
    return addKeyTo(user ? findUser(account, user).keys : account.keys, publicKey, name).fingerprint;
  };
  const keys = options.keys ?? [];
  if (Array.isArray(keys)) for (const k of keys) addKey(first.login, k);
  else for (const [owner, list] of Object.entries(keys)) for (const k of list) addKey(owner, k);

  const credentials: TritonCredentials = { account: first.login };
  const anyKey = [...state.accounts.values()].some((a) => a.keys.size > 0 || [...a.users.values()].some((u) => u.keys.size > 0));
  if (!anyKey) {
    // A ready-to-use key, so a served simulator can be signed in to straight away.
    const generated = createGeneratedKey(options.keyType ?? 'ed25519');
    credentials.key = generated.privateKey;
    credentials.keyId = addKey(first.login, generated.publicKey, 'sim-generated');
  }

  const sim = defineSim<TritonState, TritonCredentials>(
    'triton',
    (ctx) => {
      const app = createSimApp(ctx.errorBody);
      app.onError((err) => {
        if (err instanceof GoneError) return new Response(JSON.stringify(err.body), { status: 410, headers: { 'content-type': 'application/json' } });
        if (err instanceof SimError) return errorResponse(ctx.errorBody, err.status, err.code, err.message, err.headers);
        return errorResponse(ctx.errorBody, 500, 'InternalError', `simulator error: ${(err as Error).message}`);
      });
      responseHeaders(app, ctx);
      const router = createRouter(app, ctx, options);
      accountRoutes(router);
      keyRoutes(router);
      userRoutes(router);
      rbacRoutes(router);
      const timing = { transitionMs, asyncMs };
      imageRoutes(router, timing);
      machineRoutes(router, timing);
      machinePartRoutes(router, timing);
      networkRoutes(router, { ...timing, volumes: options.volumes ?? true });
      roleTagFallbackRoutes(router);
      app.notFound((c) => router.notFound(c));
      return app;
    },
    { state, credentials, clock, random, ...(options.requestLogSize !== undefined ? { requestLogSize: options.requestLogSize } : {}) },
  );
  return Object.assign(sim, { addKey, addAccount });
}

/** A fresh key pair (Ed25519, or ECDSA P-256) as OpenSSH text. */
function createGeneratedKey(type: 'ed25519' | 'ecdsa'): { privateKey: string; publicKey: string } {
  if (type !== 'ed25519' && type !== 'ecdsa') throw new RangeError(`keyType must be ed25519 or ecdsa, got ${JSON.stringify(type)}`);
  const key = generatePrivateKeySync(type, { comment: 'opskit-sim' });
  return { privateKey: encodeOpenSshPrivateKey(key), publicKey: key.publicKey.toString() };
}
