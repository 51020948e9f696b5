import { createSimApp } from '../app.js';
import { createClock } from '../clock.js';
import { defineSim } from '../define-sim.js';
import { createRandom } from '../random.js';
import { createEnv, type TimesysEnv } from './env.js';
import { requireSignature } from './request.js';
import { cveRoutes } from './routes/cves.js';
import { folderRoutes } from './routes/folders.js';
import { groupRoutes } from './routes/groups.js';
import { jobRoutes } from './routes/jobs.js';
import { manifestRoutes } from './routes/manifests.js';
import { reportRoutes } from './routes/reports.js';
import { utilityRoutes } from './routes/utilities.js';
import { addUser, emptyState, seedWorld } from './seed.js';
import type { TimesysCredentials, TimesysSim, TimesysSimOptions } from './types.js';

/**
 * Creates the Timesys Vigiles simulator: every LLAPI endpoint (openapi/timesys-llapi.yaml) over a
 * stateful world of users, groups, folders, manifests, reports, CVEs and statuses. It recomputes
 * every `X-Auth-Signature` from the parameters it received and answers a wrong one with 403 and the
 * server's `{message, status_code}` body; uploads and rescans run as background jobs that finish
 * `jobDelayMs` after they start (on the simulator clock).
 */
export function createTimesysSim(options: TimesysSimOptions = {}): TimesysSim {
  const jobDelayMs = options.jobDelayMs ?? 1000;
  if (!(Number.isFinite(jobDelayMs) && jobDelayMs >= 0)) throw new RangeError(`jobDelayMs must be a non-negative number, got ${jobDelayMs}`);
  const email = options.email ?? 'user@example.com';
  const key = options.key ?? 'abc123';
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed);
  const state = emptyState();
  const credentials = { email, key } as TimesysCredentials;
  let organizationToken = '';
  // Set by build(), which defineSim calls before returning.
  let env!: TimesysEnv;

  const sim = defineSim(
    'timesys',
    (ctx) => {
      env = createEnv(ctx, jobDelayMs, options.asyncJobs ?? true);
      const seeded = seedWorld(env, email, key);
      organizationToken = seeded.organizationToken;
      credentials.groupToken = seeded.groupToken;
      credentials.folderToken = seeded.folderToken;
      const app = createSimApp(ctx.errorBody);
      requireSignature(app, state);
      utilityRoutes(app, env);
      manifestRoutes(app, env);
      jobRoutes(app, env);
      reportRoutes(app, env);
      folderRoutes(app, env);
      groupRoutes(app, env);
      cveRoutes(app, env);
      return app;
    },
    {
      state,
      credentials,
      clock,
      random,
      // The server's error body (protocols §5): `{message, status_code}`.
      errorBody: (status, _code, message) => ({ message, status_code: status }),
      ...(options.requestLogSize !== undefined && { requestLogSize: options.requestLogSize }),
    },
  );
  return Object.assign(sim, {
    keyFile: (url?: string) => JSON.stringify(url === undefined ? { email, key } : { email, organization_key: key, server_url: url, enterprise: true }),
    dashboardConfig: (withFolder = false) =>
      JSON.stringify(withFolder ? { group: credentials.groupToken, folder: credentials.folderToken } : { group: credentials.groupToken }),
    addUser: (e: string, k: string) => addUser(env, e, k, organizationToken),
    failNextJob: (error = 'Background job failed') => {
      state.failNextJob = error;
    },
  }) as TimesysSim;
}
