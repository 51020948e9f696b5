// The token (and the password, API secrets, private keys) never appears in errors, logs, dry runs
// (unless reveal: true) or CLI output.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { test } from 'node:test';
import type { LogEvent } from '../../../src/core/index.js';
import { runCli } from '../../../src/cli/run.js';
import { MistClient } from '../../../src/mist/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

const TOKEN = 'f00dbabe1234567890abcdef';
const EMAIL = 'ops@example.com';

/** A server that echoes the Authorization header (and the body) into its text error. */
const echoing = async (request: Request) =>
  new Response(`Not authorized: you sent ${request.headers.get('authorization')} with ${await request.text()}`, { status: 401, headers: { 'content-type': 'text/html' } });

test('an error body echoing the header carries no token: message, body, detail, stack, JSON, inspect', async () => {
  const client = new MistClient({ mistUri: 'https://mist.example', email: EMAIL, apiToken: TOKEN, fetch: echoing });
  const err = (await client.backends().catch((e: unknown) => e)) as Error & { body: unknown; detail: string };
  for (const text of [err.message, String(err.body), err.detail, err.stack ?? '', JSON.stringify(err), inspect(err, { depth: 5 })]) {
    assert.ok(!text.includes(TOKEN), text);
  }
  assert.match(err.message, /\[REDACTED\]/);
  assert.ok(!inspect(client).includes(TOKEN) && !JSON.stringify(client).includes(TOKEN));
});

test('passwords, API secrets and private keys sent in bodies are scrubbed from errors and logs', async () => {
  const events: LogEvent[] = [];
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { logger: (e) => events.push(e) });
  const [token] = [...sim.state.tokens.keys()];
  await client.addKey('k', RSA_PEM);
  await client.addBackend('aws', 'ec2_us_east', 'AKIAEXAMPLE', 'super-secret-aws-key');
  const keyBody = RSA_PEM.split('\n')[3]!;
  const logged = JSON.stringify(events);
  assert.ok(events.length > 6);
  for (const secret of [token!, sim.credentials.password, 'super-secret-aws-key', keyBody]) assert.ok(!logged.includes(secret), `logged: ${secret.slice(0, 8)}…`);
  // An echoing server after a login: the password and the key text stay out of the error too.
  const echo = new MistClient({ mistUri: 'https://mist.example', fetch: echoing, retry: false });
  const err = (await echo.addKey('k', RSA_PEM).catch((e: unknown) => e)) as Error;
  assert.ok(!err.message.includes(keyBody) && !String((err as { body?: unknown }).body).includes(keyBody));
  const login = (await MistClient.login({ mistUri: 'https://mist.example', email: EMAIL, password: 'hunter2-password', fetch: echoing }).catch((e: unknown) => e)) as Error;
  assert.ok(!login.message.includes('hunter2-password'));
});

test('dry run: every call resolves with the request; the token is redacted unless reveal: true', async () => {
  const dry = new MistClient({ mistUri: 'https://mist.example', email: EMAIL, apiToken: TOKEN, dryRun: true });
  const req = (await dry.backends()) as unknown as { dryRun: true; method: string; url: string; headers: Record<string, string> };
  assert.equal(req.dryRun, true);
  assert.equal(req.method, 'GET');
  assert.equal(req.url, 'https://mist.example/backends');
  assert.equal(req.headers.authorization, '[REDACTED]');
  assert.ok(!JSON.stringify(req).includes(TOKEN));
  const revealed = (await new MistClient({ mistUri: 'https://mist.example', email: EMAIL, apiToken: TOKEN, dryRun: true, reveal: true }).backends()) as unknown as typeof req;
  assert.equal(revealed.headers.authorization, `mist_1 ${EMAIL}:${TOKEN}`);
  // The login request: the password is redacted unless revealed.
  const login = await MistClient.login({ mistUri: 'https://mist.example', email: EMAIL, password: 'hunter2-password', dryRun: true });
  assert.equal(login.url, 'https://mist.example/auth');
  assert.ok(!JSON.stringify(login).includes('hunter2-password'));
  assert.equal(JSON.parse(login.body as string).email, EMAIL);
  const shown = await MistClient.login({ mistUri: 'https://mist.example', email: EMAIL, password: 'hunter2-password', dryRun: true, reveal: true });
  assert.equal(JSON.parse(shown.body as string).password, 'hunter2-password');
  // A private key and an API secret in a dry-run body.
  const keyReq = (await dry.addKey('my key', RSA_PEM)) as unknown as { body: string };
  assert.ok(!keyReq.body.includes(RSA_PEM.split('\n')[3]!));
  assert.equal(JSON.parse(keyReq.body).id, 'my key', 'key names stay visible');
  const backendReq = (await dry.addBackend('aws', 'ec2_us_east', 'AKIAEXAMPLE', 'super-secret-aws-key')) as unknown as { body: string };
  assert.ok(!backendReq.body.includes('super-secret-aws-key'));
});

for (const debug of [false, true]) {
  test(`opskit mist never prints the password, token or API secret${debug ? ' (--debug)' : ''}`, async () => {
    const sim = mistSim({ password: 'cli-password-123' });
    const server = await served(sim);
    const flags = debug ? ['--debug'] : [];
    const withPassword = `[mist.io]\nmist_uri=${server.url}\n[mist.credentials]\nemail=${sim.credentials.email}\npassword=cli-password-123\n`;
    const token = sim.issueToken();
    const withToken = `[mist.io]\nmist_uri=${server.url}\n[mist.credentials]\nemail=${sim.credentials.email}\napi_token=${token}\n`;
    const f = fakeIo({ files: { '/pw': withPassword, '/tok': withToken } });
    assert.equal(await runCli(['mist', 'add', 'backend', '-n', 'aws', '-p', 'ec2_us_east', '-k', 'AK', '-s', 'cli-secret-xyz', '--config', '/pw', ...flags], f.io), 0);
    // A login failing with a body that echoes the password…
    sim.faults.inject({ kind: 'status', status: 500, body: 'Internal Server Error: bad password cli-password-123', match: { path: '/auth' } });
    assert.equal(await runCli(['mist', 'list', 'backends', '--config', '/pw', ...flags], f.io), 1);
    // …and a call failing with a body that echoes the token.
    sim.faults.inject({ kind: 'status', status: 500, body: `Internal Server Error: token ${token}`, times: 10, match: { path: '/backends' } });
    assert.equal(await runCli(['mist', 'list', 'backends', '--config', '/tok', ...flags], f.io), 1);
    const out = f.stdout() + f.stderr();
    for (const s of ['cli-password-123', 'cli-secret-xyz', token]) assert.ok(!out.includes(s), `leaked ${s.slice(0, 6)}…:\n${out}`);
    assert.equal((f.stderr().match(/HTTP 500/g) ?? []).length, debug ? 4 : 2);
  });
}
