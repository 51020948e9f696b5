import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Llapi, llapiAuth, llapiMessage, llapiSignature, type LlapiParams } from '../../../src/timesys/index.js';
import { noFetch, VECTOR_USER } from './helpers.js';

// Protocols §1.5: every vector as upstream's llapi.py produced it (email user@example.com, key abc123).
const BASE = 'https://vigiles.lynx.com';

interface Vector {
  name: string;
  method: string;
  path: string;
  /** The parameters, email included, as upstream's dict holds them. */
  params: LlapiParams;
  message: string;
  signature: string;
  /** The facade call that makes this request (absent for V1, a legacy path). */
  call?: (l: Llapi) => Promise<unknown>;
  /** Query string (non-POST) or form body (POST) on the wire. */
  wire: string;
}

const VECTORS: Vector[] = [
  {
    name: 'V1 README heartbeat (legacy path)', method: 'POST', path: '/api/v1/heartbeat', params: { email: 'user@example.com' },
    message: 'POST/api/v1/heartbeatemail=user@example.com', signature: 'of+gzZuNAp5PpzCdc5aino9g0ZOFhA4NwjVVDhwfsoc=', wire: 'email=user%40example.com',
  },
  {
    name: 'V1b heartbeat', method: 'POST', path: '/api/v1/vigiles/heartbeat', params: { email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/heartbeatemail=user@example.com', signature: 'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=',
    call: (l) => l.heartbeat(), wire: 'email=user%40example.com',
  },
  {
    name: 'V2 GET with several params', method: 'GET', path: '/api/v1/vigiles/cves',
    params: { product: 'openssl', version: '1.1.1', ids_only: true, email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/cvesemail=user@example.com&ids_only=True&product=openssl&version=1.1.1',
    signature: 'nnmEHtVYx9GngsS1/p9BG/cPaosKvsglyMSvHY/iwVQ=',
    call: (l) => l.searchCvesByProduct('openssl', { version: '1.1.1', idsOnly: true }),
    wire: 'email=user%40example.com&ids_only=True&product=openssl&version=1.1.1',
  },
  {
    name: 'V3 POST with a list', method: 'POST', path: '/api/v1/vigiles/manifests/bulk-options/move',
    params: { sbom_tokens: ['t2', 't1'], copy: false, include_history: false, target_folder_token: 'F1', email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/manifests/bulk-options/movecopy=False&email=user@example.com&include_history=False&sbom_tokens=t1&sbom_tokens=t2&target_folder_token=F1',
    signature: 'rn/VMAhvUbkAjuNDMgwFYlTiLo7+OgxZqjy5md6QRII=',
    call: (l) => l.bulkMoveManifests(['t2', 't1'], { targetFolderToken: 'F1' }),
    wire: 'sbom_tokens=t2&sbom_tokens=t1&copy=False&include_history=False&target_folder_token=F1&email=user%40example.com',
  },
  {
    name: 'V4 GET with a list', method: 'GET', path: '/api/v1/vigiles/manifests/MTOKEN/reports/latest',
    params: { filtered: false, with_field: ['published', 'assigner'], email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/manifests/MTOKEN/reports/latestemail=user@example.com&filtered=False&with_field=assigner&with_field=published',
    signature: 'ft08HVJ6ZiNY2iXbziGa8Uacf8OVPCbUq9qn8hoEaMg=',
    call: (l) => l.getLatestReport('MTOKEN', { extraFields: ['published', 'assigner'] }),
    wire: 'email=user%40example.com&filtered=False&with_field=published&with_field=assigner',
  },
  {
    name: 'V5 PATCH parameters in the query', method: 'PATCH', path: '/api/v1/vigiles/groups/GTOK/settings',
    params: { vuln_identifiers: ['PURL', 'CPE', 'CVE Product'], email: 'user@example.com' },
    message: 'PATCH/api/v1/vigiles/groups/GTOK/settingsemail=user@example.com&vuln_identifiers=CPE&vuln_identifiers=CVE Product&vuln_identifiers=PURL',
    signature: 'jA31J2XfZ4t4yErMc8KwYTh3D2wV486XgVAQhWf8ozE=',
    call: (l) => l.updateGroupSettings('GTOK', { vulnIdentifiers: ['PURL', 'CPE', 'CVE Product'] }),
    wire: 'email=user%40example.com&vuln_identifiers=PURL&vuln_identifiers=CPE&vuln_identifiers=CVE+Product',
  },
  {
    name: 'V6 DELETE, a key before email', method: 'DELETE', path: '/api/v1/vigiles/manifests/MTOKEN',
    params: { confirmed: true, email: 'user@example.com' },
    message: 'DELETE/api/v1/vigiles/manifests/MTOKENconfirmed=True&email=user@example.com',
    signature: '26oIDzm5EwLJf9Kvmu779K/dfWxEoWOQboF04RBczU0=',
    call: (l) => l.deleteManifest('MTOKEN', { confirmed: true }),
    wire: 'confirmed=True&email=user%40example.com',
  },
  {
    name: 'V7 raw values in the message', method: 'POST', path: '/api/v1/vigiles/folders',
    params: { folder_name: 'Release 1.0+ é', description: 'a&b=c', group_token: 'G1', email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/foldersdescription=a&b=c&email=user@example.com&folder_name=Release 1.0+ é&group_token=G1',
    signature: 'iUvoJhyRwJJNmSgJi9K7D2RyO8g/oTjPforemUlRXHU=',
    call: (l) => l.createFolder('Release 1.0+ é', { description: 'a&b=c', groupToken: 'G1' }),
    wire: 'folder_name=Release+1.0%2B+%C3%A9&description=a%26b%3Dc&group_token=G1&email=user%40example.com',
  },
  {
    name: 'V8 no params', method: 'GET', path: '/api/v1/vigiles/about', params: { email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/aboutemail=user@example.com', signature: 'qMFCFMx7rhgYKVxByE+MBkggVdD7SxW9ttrBPeKMjwk=',
    call: (l) => l.getAppDbVersion(), wire: 'email=user%40example.com',
  },
];

for (const v of VECTORS) {
  test(`${v.name}: message and signature`, () => {
    assert.equal(llapiMessage(v.method, v.path, v.params), v.message);
    assert.equal(llapiSignature(VECTOR_USER.key, v.message), v.signature);
    // A key with surrounding whitespace is trimmed, as upstream strips it.
    assert.equal(llapiSignature(`  ${VECTOR_USER.key}\n`, v.message), v.signature);
  });

  test(`${v.name}: the signer on the wire request`, async () => {
    const post = v.method === 'POST';
    const url = `${BASE}${v.path}${post ? '' : `?${v.wire.replace(/(^|&)email=[^&]*/, '')}`}`.replace(/\?&/, '?').replace(/\?$/, '');
    const req = { method: v.method, url, headers: new Headers(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), body: post ? new TextEncoder().encode(v.wire.replace(/&?email=[^&]*$/, '')) : undefined };
    const out = await llapiAuth(VECTOR_USER).sign(req, { op: v.name, attempt: 1, now: Date.now, signal: new AbortController().signal });
    const sent = out?.request ?? req;
    assert.equal(sent.headers.get('x-auth-signature'), v.signature);
    assert.equal(out?.signed, v.message);
    if (post) {
      assert.equal(new TextDecoder().decode(sent.body), v.wire);
      assert.equal(new URL(sent.url).search, '');
    } else {
      assert.equal(new URL(sent.url).search, `?${v.wire}`);
      assert.equal(sent.body, undefined);
    }
  });

  if (v.call) {
    test(`${v.name}: the facade's dry run (URL, body, header, data, hmacMsg)`, async () => {
      const llapi = new Llapi({ ...VECTOR_USER, dryRun: true, reveal: true, fetch: noFetch });
      const r = (await v.call!(llapi)) as Record<string, unknown>;
      assert.equal(r.dryRun, true);
      assert.equal(r.method, v.method);
      assert.equal(r.hmacMsg, v.message);
      assert.equal(r.signed, v.message);
      assert.equal((r.headers as Record<string, string>)['x-auth-signature'], v.signature);
      assert.deepEqual(Object.keys(r.data as object).at(-1), 'email', 'email is last in data');
      assert.deepEqual(r.data, v.params);
      if (v.method === 'POST') {
        assert.equal(r.url, `${BASE}${v.path}`);
        assert.equal(r.body, v.wire);
      } else {
        assert.equal(r.url, `${BASE}${v.path}?${v.wire}`);
        assert.equal(r.body, undefined);
      }
    });
  }
}
