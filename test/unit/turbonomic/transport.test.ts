import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CookieJar, serializeQuery, turbonomicOperations } from '../../../src/turbonomic/index.js';

test('serializeQuery keeps order, joins lists with commas, encodes what upstream leaves raw', () => {
  assert.equal(serializeQuery({ q: 'a b&c=d', types: ['VirtualMachine', 'PhysicalMachine'], regex: true, skip: undefined, none: null, limit: 2 }), 'q=a%20b%26c%3Dd&types=VirtualMachine,PhysicalMachine&regex=true&limit=2');
  assert.equal(serializeQuery({}), '');
  assert.equal(serializeQuery({ health: false }), 'health=false');
});

test('CookieJar: keeps, replaces and expires cookies', () => {
  let now = Date.UTC(2024, 0, 1);
  const jar = new CookieJar(() => now);
  assert.equal(jar.header(), undefined);
  jar.store(['JSESSIONID=ABC; Path=/; HttpOnly', 'other=1']);
  assert.equal(jar.header(), 'JSESSIONID=ABC; other=1');
  jar.store(['JSESSIONID=DEF; Path=/']);
  assert.equal(jar.get('JSESSIONID'), 'DEF');
  jar.store(['other=; Max-Age=0']);
  jar.store(['JSESSIONID=DEF; Expires=Sun, 31 Dec 2023 00:00:00 GMT']);
  assert.equal(jar.header(), undefined);
  jar.store(['JSESSIONID=GHI; Expires=Tue, 02 Jan 2024 00:00:00 GMT']);
  assert.equal(jar.header(), 'JSESSIONID=GHI');
  now += 2 * 86_400_000;
  jar.store(['x=1; Expires=Tue, 02 Jan 2024 00:00:00 GMT']);
  assert.equal(jar.get('x'), undefined);
  assert.deepEqual(jar.values(), ['GHI']);
});

test('the spec has admin/versions, login and the 43 combinations of protocols §7 (+ search/criteria)', () => {
  const keys = Object.keys(turbonomicOperations).sort();
  const expected = [
    'GET /admin/versions', 'POST /login',
    'GET /actions/{uuid}', 'POST /actions/{uuid}', 'GET /markets/{uuid}/actions',
    'GET /users/me', 'GET /users', 'GET /users/{uuid}',
    'GET /markets', 'GET /markets/{uuid}', 'DELETE /markets/{uuid}', 'GET /markets/{uuid}/entities',
    'GET /markets/{uuid}/entities/stats', 'POST /markets/{uuid}/entities/stats', 'GET /markets/{uuid}/stats', 'POST /markets/{uuid}/stats',
    'GET /entities/{uuid}', 'GET /entities/{uuid}/actions', 'GET /entities/{uuid}/groups', 'POST /stats',
    'GET /groups', 'POST /groups', 'GET /groups/{uuid}', 'PUT /groups/{uuid}', 'DELETE /groups/{uuid}',
    'GET /groups/{uuid}/actions', 'GET /groups/{uuid}/entities', 'GET /groups/{uuid}/members', 'GET /groups/{uuid}/stats', 'POST /groups/{uuid}/stats',
    'GET /scenarios', 'GET /scenarios/{uuid}', 'DELETE /scenarios/{uuid}', 'GET /supplychains',
    'GET /targets', 'GET /targets/{uuid}', 'GET /targets/{uuid}/actions',
    'GET /templates', 'POST /templates', 'GET /templates/{uuid}',
    'GET /search', 'POST /search', 'GET /search/{uuid}',
  ];
  assert.equal(expected.length, 43);
  assert.deepEqual(keys, [...expected, 'GET /search/criteria'].sort());
  const paged = Object.entries(turbonomicOperations).filter(([, m]) => (m as { paginate?: string }).paginate === 'cursor').map(([k]) => k);
  assert.ok(paged.includes('GET /markets/{uuid}/entities') && paged.includes('POST /search'));
  assert.equal(turbonomicOperations['POST /search'].idempotent, true, 'searches re-send their body and may be retried');
});
