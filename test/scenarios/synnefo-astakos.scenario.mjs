// opskit/synnefo foundation in every runtime (Node, Chromium on both origins, Deno, Bun): kamaki's
// quoting and ClientError rules, and an Astakos session against the in-process Synnefo simulator
// (catalog, quotas that limit, commissions, a project's life), with the token never leaking.
export default function (t) {
  const { assert } = t;
  const s = t.lib.synnefo;
  const simLib = t.lib.sim;

  const newSim = () => simLib.createSim('synnefo', { seed: 41, clock: simLib.createClock(Date.UTC(2030, 0, 1)), users: [{ admin: true }, 'friend@example.org'] });

  t.test('synnefo-astakos: Python 2 quoting, kamaki query staging and the ClientError parse', () => {
    assert.equal(s.quote("a b/c~d!*'()"), 'a%20b/c%7Ed%21%2A%27%28%29');
    assert.equal(s.quote('α', ''), '%CE%B1');
    assert.equal(s.unquote('%CE%B1%zz'), 'α%zz');
    assert.equal(s.path4url('servers', '', 7), '/servers/7');
    assert.equal(s.synnefoQuery({ update: '', detail: true, name: 'α' }), 'update&detail=True&name=%CE%B1');
    assert.equal(s.endpointWithVersion('https://h/cyclades/compute/', '2.0').endpointUrl, 'https://h/cyclades/compute/v2.0');
    const e = new s.ClientError('Not Found {"itemNotFound": {"code": 404, "message": "gone", "details": "d"}}', 404);
    assert.equal(e.message, 'Not Found itemNotFound (gone)');
    assert.deepEqual(e.details, ['d']);
    assert.equal(e.fault, 'itemNotFound');
  });

  t.test('synnefo-astakos: authenticate, catalog, quotas and commissions against the simulator', async () => {
    const sim = newSim();
    const astakos = new s.AstakosClient({ ...sim.credentials, fetch: sim.fetch });
    const access = await astakos.authenticate();
    assert.equal(access.access.user.id, sim.users[0].uuid);
    assert.equal(await astakos.getEndpointUrl('compute'), `${sim.url}/compute/v2.0`);
    const cached = new s.CachedAstakosClient({ ...sim.credentials, fetch: sim.fetch });
    assert.equal(await cached.getEndpointUrl('OBJECT-STORE'), `${sim.url}/object-store/v1`);
    assert.equal((await cached.userInfo()).default_project, sim.users[0].uuid);
    const me = sim.users[0].uuid;
    const service = new s.AstakosClient({ url: sim.credentials.url, token: sim.serviceToken, fetch: sim.fetch });
    const serial = await service.issueOneCommission(me, [[[me, 'cyclades.vm'], 3]], { autoAccept: true });
    assert.equal(typeof serial, 'number');
    assert.equal((await astakos.getQuotas())[me]['cyclades.vm'].usage, 3);
    const err = await assert.rejects(service.issueOneCommission(me, [[[me, 'cyclades.vm'], 3]]), s.QuotaLimit);
    assert.equal(err.status, 413);
    assert.ok(err instanceof s.AstakosClientError && err instanceof s.ClientError);
    assert.ok(err.details.some((d) => d.includes('Available: 2, Requested: 3')));
  });

  t.test('synnefo-astakos: a project from application to membership', async () => {
    const sim = newSim();
    const admin = new s.AstakosClient({ ...sim.credentials, fetch: sim.fetch });
    const friend = new s.AstakosClient({ url: sim.credentials.url, token: sim.users[1].token, fetch: sim.fetch });
    const p = await friend.createProject({ name: 'scenario.example.org', end_date: '2031-01-01T00:00:00Z', join_policy: 'moderated' });
    assert.equal((await friend.getProject(p.id)).state, 'uninitialized');
    await admin.applicationAction(p.id, p.application, 'approve');
    const m = await admin.joinProject(p.id);
    assert.equal((await admin.getMembership(m.id)).state, 'requested');
    await friend.membershipAction(m.id, 'accept');
    assert.equal((await admin.getMembership(m.id)).state, 'accepted');
    await admin.membershipAction(m.id, 'leave');
    assert.equal((await admin.getMembership(m.id)).state, 'removed');
    const missing = await assert.rejects(admin.getProject('nope'), s.AstakosClientError);
    assert.equal(missing.status, 404);
    assert.equal(missing.fault, 'itemNotFound');
  });

  t.test('synnefo-astakos: the token never shows in errors or dry runs', async () => {
    const sim = newSim();
    const token = sim.credentials.token;
    const astakos = new s.AstakosClient({ ...sim.credentials, fetch: sim.fetch });
    const err = await assert.rejects(astakos.getProject(token), s.AstakosClientError);
    assert.ok(!JSON.stringify({ m: err.message, r: err.request, b: err.body }).includes(token));
    const dry = await new s.AstakosClient({ ...sim.credentials, dryRun: true }).authenticate();
    assert.equal(dry.dryRun, true);
    assert.equal(dry.headers['x-auth-token'], '[REDACTED]');
    assert.ok(!JSON.stringify(dry).includes(token));
  });
}
