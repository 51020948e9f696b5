// The server's text errors become typed errors with status, status text, body, title and detail;
// text is never parsed as JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientError, ServerError } from '../../../src/core/index.js';
import {
  MistBadRequestError,
  MistClient,
  MistClientError,
  MistConflictError,
  MistForbiddenError,
  MistNotFoundError,
  MistPaymentRequiredError,
  MistServerError,
  MistServiceUnavailableError,
  MistUnauthorizedError,
  parseMistErrorText,
} from '../../../src/mist/index.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

test('parseMistErrorText: "<Title>: <detail>", a title alone, an HTML page, values the transport parsed', () => {
  assert.deepEqual(parseMistErrorText('Keypair not found: my key: with colon'), { title: 'Keypair not found', detail: 'my key: with colon' });
  assert.deepEqual(parseMistErrorText('Not authorized'), { title: 'Not authorized', detail: undefined });
  assert.deepEqual(parseMistErrorText('<!DOCTYPE html><html><head><title>Mistio</title></head><body><div>404. Got lost in the clouds</div></body></html>'), {
    title: '404. Got lost in the clouds',
    detail: undefined,
  });
  assert.deepEqual(parseMistErrorText(''), { title: undefined, detail: undefined });
  // openapi-fetch JSON-parses every error body it can; a text body that happened to be JSON is read back as text.
  assert.deepEqual(parseMistErrorText(123), { title: '123', detail: undefined });
  assert.deepEqual(parseMistErrorText('x'.repeat(600)).title?.length, 501);
});

/** A server answering one fixed status and text body to everything. */
const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 500: 'Internal Server Error', 503: 'Service Unavailable' };
function fixed(status: number, body: string, contentType = 'text/html; charset=UTF-8') {
  return async () => new Response(body, { status, statusText: REASONS[status] ?? '', headers: { 'content-type': contentType } });
}

const CASES: [number, string, new (...a: never[]) => Error, typeof ClientError | typeof ServerError, string | undefined, string | undefined][] = [
  [400, 'Required parameter not provided: new_name', MistBadRequestError, ClientError, 'Required parameter not provided', 'new_name'],
  [401, 'Not authorized', MistUnauthorizedError, ClientError, 'Not authorized', undefined],
  [402, 'Payment required: upgrade your plan', MistPaymentRequiredError, ClientError, 'Payment required', 'upgrade your plan'],
  [403, 'Forbidden', MistForbiddenError, ClientError, 'Forbidden', undefined],
  [404, 'Backend not found: abc', MistNotFoundError, ClientError, 'Backend not found', 'abc'],
  [409, 'Keypair exists: k', MistConflictError, ClientError, 'Keypair exists', 'k'],
  [503, 'Backend unavailable: b1', MistServiceUnavailableError, ServerError, 'Backend unavailable', 'b1'],
  [405, 'Method Not Allowed', MistClientError, ClientError, 'Method Not Allowed', undefined],
  [500, 'Machine creation failed: no image', MistServerError, ServerError, 'Machine creation failed', 'no image'],
];

for (const [status, body, Class, Base, title, detail] of CASES) {
  test(`HTTP ${status} "${body}" → ${Class.name} (a ${Base.name}) with status, text, title and detail`, async () => {
    const client = new MistClient({ mistUri: 'https://mist.example', fetch: fixed(status, body), retry: false });
    const err = (await client.supportedProviders().catch((e: unknown) => e)) as MistClientError;
    assert.ok(err instanceof Class, `${(err as Error).name}`);
    assert.ok(err instanceof Base);
    assert.equal(err.status, status);
    assert.equal(err.statusText, REASONS[status], 'the status text is kept');
    assert.equal(err.body, body, 'the body is the text the server sent');
    assert.equal(err.title, title);
    assert.equal(err.vendorCode, title);
    assert.equal(err.detail, detail);
    assert.equal(err.message, `MistClient.supportedProviders failed with HTTP ${status} ${REASONS[status]}: ${body}`, 'the server text once, after the status');
  });
}

test('errors from the simulator over HTTP: each status class the server uses', async () => {
  const sim = mistSim({ providers: { ec2: { apisecret: 'right' }, linode: { available: false } }, machineLimit: 0 });
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { retry: false });
  const e = <T extends Error>(p: Promise<unknown>) => p.then(() => assert.fail('expected an error'), (err: unknown) => err as T);
  // 401 from a provider that refuses the credentials; 400 for a missing secret; 503 for a provider down; 409 twice the same account
  assert.equal((await e<MistUnauthorizedError>(client.addBackend('aws', 'ec2_us_east', 'AK', 'wrong'))).title, 'Invalid backend credentials');
  assert.equal((await e<MistBadRequestError>(client.addBackend('aws', 'ec2_us_east', 'AK', ''))).detail, 'apisecret');
  assert.ok((await e(client.addBackend('lin', 'linode', '', 'k'))) instanceof MistServiceUnavailableError);
  const aws = await client.addBackend('aws', 'ec2_us_east', 'AK', 'right');
  const dup = await e<MistConflictError>(client.addBackend('again', 'ec2_us_east', 'AK', 'right'));
  assert.equal(dup.title, 'Backend exists');
  assert.equal(dup.detail, aws.id);
  // 409 Keypair exists, 400 Invalid private key, 404 Keypair not found, 409 Backend name exists
  await client.addKey('k', RSA_PEM);
  assert.equal((await e<MistConflictError>(client.addKey('k', RSA_PEM))).title, 'Keypair exists');
  const invalid = await e<MistBadRequestError>(client.addKey('bad', 'not a key'));
  assert.equal(invalid.title, 'Invalid private key');
  assert.equal(invalid.detail, undefined);
  await client.addBackend('other', 'ec2_eu_west', 'AK2', 'right');
  assert.equal((await e<MistConflictError>(aws.rename('other'))).title, 'Backend name exists');
  // 402 past the plan's monitoring limit
  const m = await aws.createMachine('m', 'k', 'ami-7c807d14', '0', 't1.micro');
  sim.clock.advance(2000);
  assert.equal((await e<MistPaymentRequiredError>(m.enableMonitoring())).title, 'Payment required');
  // 503 for an action the state does not allow; 400 for one the provider does not have
  await m.destroy();
  sim.clock.advance(2000);
  assert.equal((await e<MistServiceUnavailableError>(m.reboot())).title, 'Machine currently unavailable');
  // an unknown route: the HTML 404 page
  const html = await e<MistNotFoundError>(client.api.GET('/nothing' as '/providers'));
  assert.equal(html.title, '404. Got lost in the clouds');
  assert.match(String(html.body), /^<!DOCTYPE html>/);
  // a body that is valid JSON text is still read as text (a key name made of digits)
  const digits = await e<MistNotFoundError>(new (await import('../../../src/mist/index.js')).Key({ id: '404', machines: [], isDefault: false }, client).public());
  assert.equal(digits.title, 'Keypair not found');
  assert.equal(digits.detail, '404');
});

test('a 2xx reply of the wrong shape is a ResponseError, and an OK body is never parsed as JSON', async () => {
  const client = new MistClient({ mistUri: 'https://mist.example', fetch: fixed(200, '{"not":"a list"}', 'application/json') });
  await assert.rejects(client.updateBackends(), /MistClient\.updateBackends returned an invalid response/);
  const okClient = new MistClient({ mistUri: 'https://mist.example', fetch: async (r) => new Response(r.method === 'GET' ? '[]' : 'OK', { headers: { 'content-type': r.method === 'GET' ? 'application/json' : 'text/html' } }) });
  const backend = new (await import('../../../src/mist/index.js')).Backend({ id: 'b', title: 'b', provider: 'linode', enabled: true }, okClient);
  await backend.enable();
  assert.equal(backend.enabled, true);
});
