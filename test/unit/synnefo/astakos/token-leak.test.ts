// The token (and the other secrets Astakos handles: OAuth2 access tokens being validated, client
// secrets) never appears in errors, logs, dry runs or printed clients; kamaki's own logs hide it too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import type { LogEvent } from '../../../../src/core/index.js';
import { createClock, createSim } from '../../../../src/sim/index.js';
import { AstakosClient, AstakosClientError, CachedAstakosClient } from '../../../../src/synnefo/index.js';

test('Astakos: token, validated tokens and client secrets stay out of errors, logs, dry runs and inspect', async () => {
  const sim = createSim('synnefo', { seed: 21, clock: createClock(Date.UTC(2030, 0, 1)) });
  const token = sim.credentials.token;
  const events: LogEvent[] = [];
  const logger = (e: LogEvent) => events.push(e);
  const errors: unknown[] = [];
  const astakos = new AstakosClient({ ...sim.credentials, fetch: sim.fetch, logger, retry: false });
  await astakos.authenticate();
  await astakos.getQuotas();
  errors.push(await astakos.authenticate({ tenantName: 'someone-else' }).catch((e: unknown) => e));
  errors.push(await astakos.getProject(token).catch((e: unknown) => e));
  // A token being validated is a secret too, and so is an OAuth2 client secret.
  const foreign = 'validate-me-0123456789';
  errors.push(await astakos.validateToken(foreign).catch((e: unknown) => e));
  const client = sim.oauth2Clients[0];
  assert.ok(client);
  errors.push(await astakos.getToken('authorization_code', client.id, client.secret, { code: 'not-a-code' }).catch((e: unknown) => e));
  const issued = await astakos.getToken('authorization_code', client.id, client.secret, { code: sim.authorizationCode(sim.users[0]?.uuid as string) });
  errors.push(await astakos.validateToken(issued.access_token as string, { belongsTo: 'http://nowhere/' }).catch((e: unknown) => e));
  // A wrong token: the 401 names no token.
  const wrong = new AstakosClient({ url: sim.credentials.url, token: 'wrong-token-abcdef', fetch: sim.fetch, logger });
  errors.push(await wrong.authenticate().catch((e: unknown) => e));
  const cached = new CachedAstakosClient({ ...sim.credentials, fetch: sim.fetch, logger });
  await cached.userInfo();
  errors.push(await cached.getServiceEndpoints('nope').catch((e: unknown) => e));
  const dry = new AstakosClient({ ...sim.credentials, dryRun: true });
  const dryRuns = [await dry.authenticate(), await dry.getQuotas(), await dry.validateToken(foreign), await dry.getToken('authorization_code', client.id, client.secret, { code: 'x' })];

  for (const e of errors) assert.ok(e instanceof AstakosClientError, String(e));
  const text = JSON.stringify({
    errors: errors.map((e) => ({ message: (e as Error).message, stack: (e as Error).stack, details: (e as AstakosClientError).details, body: (e as AstakosClientError).body, request: (e as AstakosClientError).request })),
    events,
    dryRuns,
    printed: [inspect(astakos), inspect(cached), JSON.stringify(astakos), JSON.stringify(cached)],
  });
  for (const secret of [token, foreign, client.secret, issued.access_token as string, 'wrong-token-abcdef']) {
    assert.ok(!text.includes(secret), `a secret leaked: ${secret.slice(0, 4)}…`);
  }
  assert.ok(events.some((e) => e.type === 'request'));
  assert.ok(text.includes('[REDACTED]'));
});
