import { ConfigError } from '../../core/errors/config-error.js';
import { createClock } from '../clock.js';
import { defineSim } from '../define-sim.js';
import { createRandom } from '../random.js';
import { authorizer, authRoutes } from './auth.js';
import { MistSimContext } from './context.js';
import { faultBody } from './replies.js';
import { MistRouter } from './router.js';
import { backendRoutes } from './routes-backends.js';
import { keyRoutes } from './routes-keys.js';
import { machineRoutes } from './routes-machines.js';
import { monitoringRoutes } from './routes-monitoring.js';
import type { MistCredentials, MistSim, MistSimOptions, MistState } from './types.js';

const OPTION_NAMES = new Set<string>([
  'auth', 'email', 'password', 'rawTokens', 'providers', 'seed', 'clock', 'transitionMs', 'machineLimit', 'requestLogSize',
]);

/**
 * The mist.io simulator (protocols/mist.md): the server of 2014 as mist.client 0.1.1 talks to it.
 *
 * - `auth: 'hosted'` (default): `/auth` hands out tokens, every other route wants
 *   `Authorization: mist_1 <email>:<token>` (`401 Not authorized` otherwise). `standalone`: no
 *   authentication; `/auth` keeps the hosted token for monitoring and answers without it.
 * - Backends per provider with the server's validation (required fields, `Backend exists`, the
 *   bare-metal title replaced by the host name, `provider:region` split), enable/disable, rename,
 *   delete; sizes, locations, networks and images per provider; image search (lower-cased, ≤ 40).
 * - Machines whose actions run on the clock: pending → running, rebooting → running, pending →
 *   stopped, pending → terminated; `can_*` flags per provider and state.
 * - Keys: really parsed, default promotion, `Keypair exists`, associations made by SSH logins.
 * - Monitoring: enable/disable with the deploy command, the plan's limit (402), metrics, python
 *   plugins with the server's id and value-type checks, stats generated from the seed.
 * - Text `OK` replies, text `<Title>: <detail>` errors, the HTML 404 page; faults as every simulator.
 *
 * `sim.credentials` is `{ email, password }`: exactly what `MistClient.login` takes besides the URL.
 */
export function createMistSim(options: MistSimOptions = {}): MistSim {
  for (const key of Object.keys(options)) if (!OPTION_NAMES.has(key)) throw new ConfigError(`createSim('mist'): unknown option ${JSON.stringify(key)}`);
  const mode = options.auth ?? 'hosted';
  if (mode !== 'hosted' && mode !== 'standalone') throw new ConfigError(`createSim('mist'): auth must be "hosted" or "standalone"`);
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed);
  const transitionMs = options.transitionMs ?? 3000;
  const machineLimit = options.machineLimit ?? 5;
  const rawTokens = options.rawTokens === true;
  const email = options.email ?? 'demo@example.com';
  const password = options.password ?? `pw-${random.hex(8)}`;
  const started = Math.floor(clock.now() / 1000);
  const state: MistState = {
    mode,
    account: {
      email,
      password,
      plan: { title: 'Startup', started, expiration: started + 30 * 86_400, machine_limit: machineLimit },
      user_details: { name: 'Demo User', email, company_name: 'Example Ltd', country: 'GR', number_of_servers: '1-5', number_of_people: '1-5' },
    },
    tokens: new Map(),
    coreToken: undefined,
    backends: new Map(),
    clouds: new Map(),
    keypairs: new Map(),
    nextIp: 0,
  };
  const statsSeed = random.int(2 ** 31);
  const sim = new MistSimContext(state, clock, random, transitionMs, options.providers ?? {});
  const credentials: MistCredentials = { email, password };

  const built = defineSim<MistState, MistCredentials>(
    'mist',
    () => {
      const router = new MistRouter();
      authRoutes(router, sim, rawTokens);
      backendRoutes(router, sim);
      machineRoutes(router, sim);
      keyRoutes(router, sim);
      monitoringRoutes(router, sim, { machineLimit, statsSeed });
      const authorize = authorizer(sim, rawTokens);
      return { fetch: (request: Request) => router.handle(request, authorize) };
    },
    { state, credentials, clock, random, errorBody: faultBody, ...(options.requestLogSize !== undefined ? { requestLogSize: options.requestLogSize } : {}) },
  );
  return Object.assign(built, {
    issueToken(): string {
      const token = random.hex(20);
      state.tokens.set(token, state.account.email);
      return token;
    },
  });
}
