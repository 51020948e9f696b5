import type { Hono } from 'hono';
import { createSimApp, SimError } from '../app.js';
import { createClock } from '../clock.js';
import { defineSim } from '../define-sim.js';
import { createRandom } from '../random.js';
import { createPithosService } from '../pithos/service.js';
import { accountRoutes } from './astakos/account-routes.js';
import { commissionRoutes } from './astakos/commission-routes.js';
import type { AstakosContext } from './astakos/context.js';
import { identityRoutes } from './astakos/identity-routes.js';
import { projectRoutes } from './astakos/project-routes.js';
import { createBaseProject } from './astakos/projects.js';
import { uiAndOauth2Routes } from './astakos/ui-oauth2-routes.js';
import { createComputeService } from './compute/index.js';
import { DEFAULT_QUOTAS, DEFAULT_RESOURCES, SERVICE_PATHS, serviceCatalog } from './defaults.js';
import { createHost } from './host-impl.js';
import { SynnefoFault } from './host.js';
import { createImageService } from './image/index.js';
import { createNetworkService } from './network/index.js';
import type { SimComponent, SimOAuthClient, SimUser, SynnefoCredentials, SynnefoSim, SynnefoSimOptions, SynnefoSimState, SynnefoSimUserSpec } from './types.js';
import { createVolumeService } from './volume/index.js';

const DAY = 86_400_000;

/** Synnefo's fault names by status, for injected faults and other bodies without one. */
const FAULT_NAMES: Readonly<Record<number, string>> = {
  400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound', 405: 'notAllowed', 409: 'conflict',
  411: 'lengthRequired', 412: 'preconditionFailed', 413: 'overLimit', 415: 'badMediaType', 416: 'rangeNotSatisfiable',
  421: 'networkInUse', 422: 'unprocessableEntity', 429: 'overLimit', 500: 'internalServerError', 501: 'notImplemented',
  502: 'serviceUnavailable', 503: 'serviceUnavailable', 504: 'serviceUnavailable',
};

const faultName = (status: number) => FAULT_NAMES[status] ?? (status >= 500 ? 'internalServerError' : 'badRequest');

/** The fault body of protocol §1.9, also for injected faults. */
const synnefoErrorBody = (status: number, _code: string, message: string) => ({ [faultName(status)]: { code: status, message, details: '' } });

/** Paths the Astakos routes answer, with their methods (a wrong method is 405 `notAllowed`). */
const ASTAKOS_PATHS: readonly [string, string][] = [
  ['/identity/v2.0/tokens', 'POST'],
  ['/identity/v2.0/tokens/:token', 'GET'],
  ['/account/v1.0/user_catalogs', 'POST'],
  ['/account/v1.0/service/user_catalogs', 'POST'],
  ['/account/v1.0/resources', 'GET'],
  ['/account/v1.0/quotas', 'GET'],
  ['/account/v1.0/service_quotas', 'GET'],
  ['/account/v1.0/service_project_quotas', 'GET'],
  ['/account/v1.0/commissions', 'GET, POST'],
  ['/account/v1.0/commissions/action', 'POST'],
  ['/account/v1.0/commissions/:serial', 'GET'],
  ['/account/v1.0/commissions/:serial/action', 'POST'],
  ['/account/v1.0/feedback', 'POST'],
  ['/account/v1.0/myaccount/default_project', 'POST'],
  ['/account/v1.0/projects', 'GET, POST'],
  ['/account/v1.0/projects/memberships', 'GET, POST'],
  ['/account/v1.0/projects/memberships/:id', 'GET'],
  ['/account/v1.0/projects/memberships/:id/action', 'POST'],
  ['/account/v1.0/projects/:id', 'GET, PUT'],
  ['/account/v1.0/projects/:id/action', 'POST'],
  ['/ui/get_services', 'GET'],
  ['/astakos/oauth2/token', 'POST'],
];

/** Astakos routes end in an optional `/` (Django's `/?$`). */
const ASTAKOS_PREFIXES = ['/identity/', '/account/', '/ui/', '/astakos/'];

/**
 * The Synnefo simulator (protocols/synnefo.md): one server with Astakos (tokens, the service
 * catalog, user catalogs, resources, quotas that really limit through commissions, projects and
 * memberships with their state machines, feedback, OAuth2) and, under the catalog's URLs, the
 * Cyclades compute, network, Plankton image and block storage services and the Pithos+ object
 * store. Tokens are checked in the `X-Auth-Token` query parameter first, then the header; an
 * unknown URL is 400 `badRequest`; every fault body is `{"<faultName>": {code, message, details}}`.
 *
 * `sim.credentials` is `{ url, token }`: the auth URL and the first user's token, exactly the
 * options of `new AstakosClient(...)`. `sim.serviceToken` is the Cyclades component's token for
 * the service calls (commissions, service quotas).
 */
export function createSynnefoSim(options: SynnefoSimOptions = {}): SynnefoSim {
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed);
  const url = (options.url ?? 'http://synnefo.sim.invalid').replace(/\/+$/, '');
  const tokenLifetime = options.tokenLifetimeMs ?? 30 * DAY;
  const quotas = { ...DEFAULT_QUOTAS, ...options.quotas };

  const components: SimComponent[] = [
    { name: 'cyclades', token: random.hex(20), services: ['cyclades_compute', 'cyclades_network', 'cyclades_plankton', 'cyclades_volume'] },
    { name: 'pithos', token: random.hex(20), services: ['pithos_object-store'] },
    { name: 'astakos', token: random.hex(20), services: ['astakos_account'] },
  ];
  const oauthClients: SimOAuthClient[] = [{ id: 'opskit-sim-client', secret: random.hex(16), redirectUri: 'http://127.0.0.1/oauth2/callback' }];
  const state: SynnefoSimState = {
    users: [],
    components,
    resources: new Map(DEFAULT_RESOURCES.map((r) => [r.name, r])),
    holdings: new Map(),
    commissions: new Map(),
    nextSerial: 1,
    projects: new Map(),
    applications: new Map(),
    nextApplication: 1,
    memberships: new Map(),
    nextMembership: 1,
    feedback: [],
    oauth2: { clients: oauthClients, codes: new Map(), tokens: new Map() },
    objects: undefined,
  };

  const addUser = (input: string | SynnefoSimUserSpec = {}): SimUser => {
    const spec = typeof input === 'string' ? { name: input } : input;
    const n = state.users.length + 1;
    const uuid = spec.uuid ?? random.uuid();
    if (state.users.some((u) => u.uuid === uuid || (spec.name !== undefined && u.name === spec.name))) throw new RangeError(`duplicate user ${JSON.stringify(spec.name ?? uuid)}`);
    const user: SimUser = {
      uuid,
      name: spec.name ?? `user${n}@example.org`,
      realname: spec.realname ?? `User ${n}`,
      token: spec.token ?? random.hex(20),
      admin: spec.admin ?? false,
      defaultProject: uuid,
      tokenExpires: clock.now() + tokenLifetime,
    };
    state.users.push(user);
    createBaseProject(state, user, { ...quotas, ...spec.quotas }, clock.now());
    return user;
  };
  const specs = options.users ?? [{ admin: true }];
  for (const s of specs) addUser(s);
  const first = state.users[0] as SimUser;

  const host = createHost({ state, clock, random, origin: url });
  const credentials: SynnefoCredentials = { url: `${url}${SERVICE_PATHS.identity?.path}`, token: first.token };

  const astakos: AstakosContext = {
    state,
    clock,
    random,
    oauth2TokenLifetimeMs: options.oauth2TokenLifetimeMs ?? 20_000,
    catalog: (origin) => serviceCatalog(origin),
  };

  const sim = defineSim<SynnefoSimState, SynnefoCredentials>(
    'synnefo',
    () => {
      const app = createSimApp(synnefoErrorBody);
      app.onError((err) => {
        if (err instanceof SynnefoFault) return err.toResponse();
        if (err instanceof SimError) return new SynnefoFault(err.status, faultName(err.status), err.message, '', err.headers).toResponse();
        // A crash in the simulator is a bug in it; answer as Synnefo would, with a 500 fault.
        return new SynnefoFault(500, 'internalServerError', `simulator error: ${(err as Error)?.message ?? String(err)}`).toResponse();
      });
      identityRoutes(app, astakos);
      commissionRoutes(app, astakos);
      projectRoutes(app, astakos);
      accountRoutes(app, astakos);
      uiAndOauth2Routes(app, astakos);
      for (const [path, allow] of ASTAKOS_PATHS) {
        app.all(path, () => {
          throw new SynnefoFault(405, 'notAllowed', 'Method not allowed', '', { Allow: allow });
        });
      }
      mount(app, 'compute', createComputeService(host, options.services?.compute as never));
      mount(app, 'network', createNetworkService(host, options.services?.network as never));
      mount(app, 'image', createImageService(host, options.services?.image as never));
      mount(app, 'volume', createVolumeService(host, options.services?.volume as never));
      const pithos = createPithosService(host, (options.services?.pithos ?? {}) as never);
      host.setObjects(pithos.objects);
      mount(app, 'object-store', pithos.app);
      // Synnefo answers an unknown URL with 400, not 404 (protocol §1.9, §8.1).
      app.notFound(() => new SynnefoFault(400, 'badRequest', 'API endpoint not found').toResponse());
      return {
        fetch(request: Request) {
          const u = new URL(request.url);
          host.setOrigin(u.origin);
          if (u.pathname.length > 1 && u.pathname.endsWith('/') && ASTAKOS_PREFIXES.some((p) => u.pathname.startsWith(p))) {
            u.pathname = u.pathname.replace(/\/+$/, '');
            return app.fetch(new Request(u, request));
          }
          return app.fetch(request);
        },
      };
    },
    {
      state,
      credentials,
      clock,
      random,
      url,
      errorBody: synnefoErrorBody,
      ...(options.requestLogSize !== undefined ? { requestLogSize: options.requestLogSize } : {}),
    },
  );

  const authorizationCode: SynnefoSim['authorizationCode'] = (user, opts = {}) => {
    const client = oauthClients.find((c) => c.id === (opts.clientId ?? oauthClients[0]?.id));
    if (!client) throw new RangeError(`no OAuth2 client ${JSON.stringify(opts.clientId)}`);
    const record = host.findUser(user);
    if (!record) throw new RangeError(`no user ${JSON.stringify(user)}`);
    const code = random.hex(16);
    state.oauth2.codes.set(code, {
      clientId: client.id,
      user: record.uuid,
      redirectUri: opts.redirectUri ?? client.redirectUri,
      scope: opts.scope ?? `${url}/`,
      expires: clock.now() + 600_000,
    });
    return code;
  };

  return Object.assign(sim, {
    users: state.users as readonly SimUser[],
    serviceToken: components[0]?.token as string,
    pithosServiceToken: components[1]?.token as string,
    oauth2Clients: oauthClients as readonly SimOAuthClient[],
    host,
    addUser,
    authorizationCode,
  });
}

/** Mounts a service app under its catalog path (its routes are relative to that root). */
function mount(app: Hono, type: string, service: Hono): void {
  const path = SERVICE_PATHS[type]?.path;
  if (!path) throw new RangeError(`no catalog path for ${type}`);
  app.route(path, service);
}
