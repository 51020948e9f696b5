// astakosclient's routing (protocol §2.2, §8.13): every request goes to the AUTH URL's host; the
// account, UI and OAuth2 calls take only the PATH of their catalog URLs, learned lazily with one
// public POST /tokens, or from an earlier authenticate().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AstakosClient, AstakosClientError } from '../../../../src/synnefo/index.js';

const catalog = {
  access: {
    serviceCatalog: [
      { name: 'astakos_account', type: 'account', endpoints: [{ versionId: 'v1.0', publicURL: 'https://elsewhere.example/astakos/account/v1.0', 'SNF:uiURL': 'https://elsewhere.example/astakos/ui', region: 'default' }], endpoints_links: [] },
      { name: 'astakos_oauth2', type: 'astakos_auth', endpoints: [{ versionId: '', publicURL: 'https://elsewhere.example/astakos/oauth2', region: 'default' }], endpoints_links: [] },
      { name: 'cyclades_compute', type: 'compute', endpoints: [{ versionId: 'v2.0', publicURL: 'https://cyclades.example/compute/v2.0', region: 'default' }], endpoints_links: [] },
    ],
  },
};

function recorder() {
  const urls: string[] = [];
  const bodies: string[] = [];
  const fetch = async (request: Request) => {
    urls.push(`${request.method} ${request.url}`);
    bodies.push(await request.text());
    const path = new URL(request.url).pathname;
    const body = path.endsWith('/tokens') ? catalog : path.endsWith('/quotas') ? {} : path.endsWith('/get_services') ? [] : { access_token: 'issued-access-token', token_type: 'Bearer', expires_in: 20 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { urls, bodies, fetch };
}

test('account, UI and OAuth2 calls go to the auth URL host with the catalog paths; the catalog is read once', async () => {
  const r = recorder();
  const astakos = new AstakosClient({ url: 'https://accounts.example/identity/v2.0/', token: 'user-token-1234', fetch: r.fetch });
  assert.equal(astakos.authUrl, 'https://accounts.example/identity/v2.0');
  assert.equal(astakos.accountUrl, undefined);
  await astakos.getQuotas();
  await astakos.getServices();
  await astakos.getToken('authorization_code', 'client', 'client-secret-5678', { code: 'c0de', redirectUri: 'https://app/cb' });
  assert.deepEqual(r.urls, [
    'POST https://accounts.example/identity/v2.0/tokens',
    'GET https://accounts.example/astakos/account/v1.0/quotas',
    'GET https://accounts.example/astakos/ui/get_services',
    'POST https://accounts.example/astakos/oauth2/token',
  ]);
  assert.equal(r.bodies[0], '', 'the catalog is read without authenticating');
  assert.equal(r.bodies[3], 'code=c0de&redirect_uri=https%3A%2F%2Fapp%2Fcb&grant_type=authorization_code');
  assert.equal(astakos.accountUrl, 'https://elsewhere.example/astakos/account/v1.0');
  assert.equal(await astakos.getEndpointUrl('compute'), 'https://cyclades.example/compute/v2.0');
});

test('authenticate() teaches the roots too; no astakos_account entry is NoEndpoints-style 500', async () => {
  const r = recorder();
  const astakos = new AstakosClient({ url: 'https://accounts.example/identity/v2.0', token: 'user-token-1234', fetch: r.fetch });
  await astakos.authenticate({ tenantName: 'uuid-1' });
  await astakos.getQuotas();
  assert.deepEqual(JSON.parse(r.bodies[0] as string), { auth: { token: { id: 'user-token-1234' }, tenantName: 'uuid-1' } });
  assert.equal(r.urls.length, 2);
  const empty = new AstakosClient({
    url: 'https://accounts.example/identity/v2.0',
    token: 'user-token-1234',
    fetch: async () => new Response(JSON.stringify({ access: { serviceCatalog: [] } }), { headers: { 'content-type': 'application/json' } }),
  });
  await assert.rejects(empty.getQuotas(), (e: unknown) => e instanceof AstakosClientError && e.status === 500);
});
