// Timesys Vigiles (LLAPI) in every runtime: the protocol vectors V1–V8 (protocols §1.5) through the
// signing primitives and the facade's dry run, then the facade against the in-process simulator.
// No imports: `t.lib.timesys` is opskit/timesys and `t.lib.sim` is opskit/sim in each runtime.
const USER = { email: 'user@example.com', key: 'abc123' };
const BASE = 'https://vigiles.lynx.com';

const VECTORS = [
  {
    name: 'V1', method: 'POST', path: '/api/v1/heartbeat', params: { email: 'user@example.com' },
    message: 'POST/api/v1/heartbeatemail=user@example.com', signature: 'of+gzZuNAp5PpzCdc5aino9g0ZOFhA4NwjVVDhwfsoc=', wire: 'email=user%40example.com',
  },
  {
    name: 'V1b', method: 'POST', path: '/api/v1/vigiles/heartbeat', params: { email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/heartbeatemail=user@example.com', signature: 'Zj/rcipt8epLhh7VpWMhHwiuXOzQOkB9M3USYR/uBGE=',
    call: (l) => l.heartbeat(), wire: 'email=user%40example.com',
  },
  {
    name: 'V2', method: 'GET', path: '/api/v1/vigiles/cves', params: { product: 'openssl', version: '1.1.1', ids_only: true, email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/cvesemail=user@example.com&ids_only=True&product=openssl&version=1.1.1',
    signature: 'nnmEHtVYx9GngsS1/p9BG/cPaosKvsglyMSvHY/iwVQ=',
    call: (l) => l.searchCvesByProduct('openssl', { version: '1.1.1', idsOnly: true }),
    wire: 'email=user%40example.com&ids_only=True&product=openssl&version=1.1.1',
  },
  {
    name: 'V3', method: 'POST', path: '/api/v1/vigiles/manifests/bulk-options/move',
    params: { sbom_tokens: ['t2', 't1'], copy: false, include_history: false, target_folder_token: 'F1', email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/manifests/bulk-options/movecopy=False&email=user@example.com&include_history=False&sbom_tokens=t1&sbom_tokens=t2&target_folder_token=F1',
    signature: 'rn/VMAhvUbkAjuNDMgwFYlTiLo7+OgxZqjy5md6QRII=',
    call: (l) => l.bulkMoveManifests(['t2', 't1'], { targetFolderToken: 'F1' }),
    wire: 'sbom_tokens=t2&sbom_tokens=t1&copy=False&include_history=False&target_folder_token=F1&email=user%40example.com',
  },
  {
    name: 'V4', method: 'GET', path: '/api/v1/vigiles/manifests/MTOKEN/reports/latest',
    params: { filtered: false, with_field: ['published', 'assigner'], email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/manifests/MTOKEN/reports/latestemail=user@example.com&filtered=False&with_field=assigner&with_field=published',
    signature: 'ft08HVJ6ZiNY2iXbziGa8Uacf8OVPCbUq9qn8hoEaMg=',
    call: (l) => l.getLatestReport('MTOKEN', { extraFields: ['published', 'assigner'] }),
    wire: 'email=user%40example.com&filtered=False&with_field=published&with_field=assigner',
  },
  {
    name: 'V5', method: 'PATCH', path: '/api/v1/vigiles/groups/GTOK/settings',
    params: { vuln_identifiers: ['PURL', 'CPE', 'CVE Product'], email: 'user@example.com' },
    message: 'PATCH/api/v1/vigiles/groups/GTOK/settingsemail=user@example.com&vuln_identifiers=CPE&vuln_identifiers=CVE Product&vuln_identifiers=PURL',
    signature: 'jA31J2XfZ4t4yErMc8KwYTh3D2wV486XgVAQhWf8ozE=',
    call: (l) => l.updateGroupSettings('GTOK', { vulnIdentifiers: ['PURL', 'CPE', 'CVE Product'] }),
    wire: 'email=user%40example.com&vuln_identifiers=PURL&vuln_identifiers=CPE&vuln_identifiers=CVE+Product',
  },
  {
    name: 'V6', method: 'DELETE', path: '/api/v1/vigiles/manifests/MTOKEN', params: { confirmed: true, email: 'user@example.com' },
    message: 'DELETE/api/v1/vigiles/manifests/MTOKENconfirmed=True&email=user@example.com',
    signature: '26oIDzm5EwLJf9Kvmu779K/dfWxEoWOQboF04RBczU0=',
    call: (l) => l.deleteManifest('MTOKEN', { confirmed: true }),
    wire: 'confirmed=True&email=user%40example.com',
  },
  {
    name: 'V7', method: 'POST', path: '/api/v1/vigiles/folders',
    params: { folder_name: 'Release 1.0+ é', description: 'a&b=c', group_token: 'G1', email: 'user@example.com' },
    message: 'POST/api/v1/vigiles/foldersdescription=a&b=c&email=user@example.com&folder_name=Release 1.0+ é&group_token=G1',
    signature: 'iUvoJhyRwJJNmSgJi9K7D2RyO8g/oTjPforemUlRXHU=',
    call: (l) => l.createFolder('Release 1.0+ é', { description: 'a&b=c', groupToken: 'G1' }),
    wire: 'folder_name=Release+1.0%2B+%C3%A9&description=a%26b%3Dc&group_token=G1&email=user%40example.com',
  },
  {
    name: 'V8', method: 'GET', path: '/api/v1/vigiles/about', params: { email: 'user@example.com' },
    message: 'GET/api/v1/vigiles/aboutemail=user@example.com', signature: 'qMFCFMx7rhgYKVxByE+MBkggVdD7SxW9ttrBPeKMjwk=',
    call: (l) => l.getAppDbVersion(), wire: 'email=user%40example.com',
  },
];

export default function (t) {
  const { assert, lib } = t;
  const timesys = () => {
    assert.ok(lib.timesys && typeof lib.timesys.Llapi === 'function', 't.lib.timesys (opskit/timesys) is loaded');
    return lib.timesys;
  };
  const noFetch = async (r) => {
    throw new Error(`unexpected request ${r.method} ${r.url}`);
  };

  for (const v of VECTORS) {
    t.test(`timesys ${v.name}: hmac message and signature`, () => {
      const { llapiMessage, llapiSignature } = timesys();
      assert.equal(llapiMessage(v.method, v.path, v.params), v.message);
      assert.equal(llapiSignature(USER.key, v.message), v.signature);
    });
    t.test(`timesys ${v.name}: URL, body and header from the signer`, async () => {
      const post = v.method === 'POST';
      const query = v.wire.split('&').filter((p) => !p.startsWith('email=')).join('&');
      const req = {
        method: v.method,
        url: `${BASE}${v.path}${!post && query ? `?${query}` : ''}`,
        headers: new Headers(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        body: post ? new TextEncoder().encode(query) : undefined,
      };
      const out = await timesys().llapiAuth(USER).sign(req, { op: v.name, attempt: 1, now: Date.now, signal: new AbortController().signal });
      assert.equal(out.signed, v.message);
      assert.equal(out.request.headers.get('x-auth-signature'), v.signature);
      if (post) {
        assert.equal(out.request.url, BASE + v.path);
        assert.equal(new TextDecoder().decode(out.request.body), v.wire);
      } else {
        assert.equal(out.request.url, `${BASE}${v.path}?${v.wire}`);
        assert.equal(out.request.body, undefined);
      }
    });
    if (v.call) {
      t.test(`timesys ${v.name}: URL, body and header of the facade's dry run`, async () => {
        const llapi = new (timesys().Llapi)({ ...USER, dryRun: true, reveal: true, fetch: noFetch });
        const r = await v.call(llapi);
        assert.equal(r.hmacMsg, v.message);
        assert.equal(r.headers['x-auth-signature'], v.signature);
        assert.deepEqual(r.data, v.params);
        if (v.method === 'POST') {
          assert.equal(r.url, BASE + v.path);
          assert.equal(r.body, v.wire);
        } else {
          assert.equal(r.url, `${BASE}${v.path}?${v.wire}`);
          assert.equal(r.body, undefined);
        }
      });
    }
  }

  t.test('timesys: Python rendering and ordering (True/False, code points, quote_plus)', () => {
    const { pyStr, compareCodePoints, quotePlus, llapiMessage } = timesys();
    assert.equal(pyStr(true), 'True');
    assert.equal(pyStr(false), 'False');
    assert.deepEqual(['\u{1F600}', '\uFFFD'].sort(compareCodePoints), ['\uFFFD', '\u{1F600}']);
    assert.equal(quotePlus("a b+c@d/é!*"), 'a+b%2Bc%40d%2F%C3%A9%21%2A');
    assert.equal(llapiMessage('GET', '/p', { a: null, b: [], c: '', email: 'e' }), 'GET/pc=&email=e');
  });

  t.test('timesys: the facade against the in-process simulator (job, report bytes, export gunzip)', async () => {
    const { Llapi } = timesys();
    const sim = lib.sim.createSim('timesys', { jobDelayMs: 0, seed: 5 });
    const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
    assert.deepEqual(await llapi.heartbeat(), { ok: true });
    const sbom = JSON.stringify({ bomFormat: 'CycloneDX', components: [{ name: 'openssl', version: '1.1.1k' }, { name: 'zlib', version: '1.2.11' }] });
    const report = await llapi.uploadManifest(sbom, { pollInterval: 1 });
    assert.equal(report.counts.unfixed, 6);
    const pdf = await llapi.downloadReport(report.report_token, 'pdf');
    assert.ok(pdf instanceof Uint8Array);
    assert.deepEqual(Array.from(pdf.slice(0, 5)), [0x25, 0x50, 0x44, 0x46, 0x2d]);
    // A Blob (or a browser File) is read as UTF-8 and sent exactly.
    const fromBlob = await llapi.uploadManifest(new Blob([sbom], { type: 'application/json' }), { uploadOnly: true, pollInterval: 1 });
    assert.equal(sim.state.manifests.get(fromBlob.manifest_token).text, sbom);
    const exported = await llapi.uploadManifest(sbom, { exportFormat: 'csv' });
    const csv = new TextDecoder().decode(exported.exportedReport);
    assert.ok(csv.startsWith('Package,Version,CVE ID'), csv.slice(0, 40));
    const bad = await llapi.getManifestInfo('nope').catch((e) => e);
    assert.equal(bad.status, 404);
    // Unknown option names are refused, with the name meant; nothing is sent.
    const sent = sim.requests.list().length;
    assert.throws(() => new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch, group_token: 'g' }), /did you mean "groupToken"\?/);
    await assert.rejects(llapi.deleteManifest(report.manifest_token, { confirm: true }), /did you mean "confirmed"\?/);
    assert.equal(sim.requests.list().length, sent);
    const forged = new Llapi({ ...sim.credentials, key: 'wrong-key', url: sim.url, fetch: sim.fetch });
    const denied = await forged.heartbeat().catch((e) => e);
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { message: 'Invalid credentials: signature mismatch', status_code: 403 });
  });
}
