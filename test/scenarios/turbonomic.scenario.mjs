// opskit/turbonomic in every runtime: the Version/VersionSpec table of the protocol document,
// Fernet credentials (vmt-connect's format), and a connection that logs in to the in-process
// simulator and pages through its entities. In a browser the simulator keeps the session the way
// a same-origin server's cookie would be kept, since scripts never see Set-Cookie there.
export default function (t) {
  const { assert } = t;
  const tb = t.lib.turbonomic;
  const sim = t.lib.sim;

  const xl = (v) => new tb.Version({ versionInfo: `Turbonomic Operations Manager ${v} (Build "1") "x"\n\naction-orchestrator: ${v}\n` });
  const classic = (v) => new tb.Version({ versionInfo: `Turbonomic Operations Manager ${v} (Build 1) x\n\n` });
  const cwom235 = () => new tb.Version({ versionInfo: 'Cisco Workload Optimization Manager 2.3.5 (Build 1) x\n' });

  t.test('turbonomic: Version parses XL, Classic, CWOM and snapshot builds', () => {
    const v = new tb.Version({
      versionInfo: 'Turbonomic Operations Manager 8.3.1 (Build "20210903141421000") "2021-09-03 14:18:33"\n\naction-orchestrator: 8.3.1\napi: 8.3.1\n',
      version: '8.3.1', branch: '8.3.1', build: '20210903141421000', marketVersion: 2,
    });
    assert.equal(String(v), '8.3.1');
    assert.equal(v.baseBuild, '20210903141421000');
    assert.equal(v.isXl(), true);
    assert.equal(v.serial, '8030100');
    assert.equal(cwom235().baseVersion, '6.4.9');
    assert.equal(cwom235().platform, 'classic');
    const snap = xl('7.22.0-SNAPSHOT');
    assert.equal(snap.version, '7.22.0');
    assert.equal(snap.snapshot, true);
    for (const [input, serial] of [['6.1', '6010000'], ['7.21.2', '7210200'], ['6.3.5.0.1', '6030500'], ['8.8.08', '8080800'], ['10.2.3.4', '10020304']]) {
      assert.equal(tb.serializeVersion(input), serial, input);
    }
  });

  t.test('turbonomic: VersionSpec reproduces the observed table', () => {
    const rows = [
      [['6.0+'], { exclude: ['6.4.10'] }, classic('6.4.10'), false],
      [['6.4.10'], {}, classic('6.4.10'), true],
      [['6.4.10'], {}, classic('6.4.11'), 'raises'],
      [['6.4'], {}, classic('6.4.0'), true],
      [['6.4'], {}, classic('6.4.10'), 'raises'],
      [['7.21+'], {}, xl('7.20.1'), 'raises'],
      [['7.21+'], { required: false }, xl('7.20.1'), false],
      [['7.21+'], {}, xl('7.22.0-SNAPSHOT'), 'raises'],
      [['7.21+'], { snapshot: true }, xl('7.22.0-SNAPSHOT'), true],
      [['6.4+'], {}, cwom235(), true],
      [['6.4+'], { cmpBase: false }, cwom235(), 'raises'],
      [['2.3+'], { cmpBase: false }, cwom235(), true],
      [['6.4.10', '5.9+'], {}, classic('6.4.11'), true],
    ];
    for (const [versions, options, server, want] of rows) {
      const spec = new tb.VersionSpec(versions, { ...options, onWarning: () => {} });
      const label = `${JSON.stringify(versions)} ${JSON.stringify(options)} vs ${server.version}`;
      if (want === 'raises') assert.throws(() => spec.check(server), tb.VMTVersionError);
      else assert.equal(spec.check(server), want, label);
    }
  });

  t.test('turbonomic: credentials round-trip through Fernet (vmt-connect format)', () => {
    const key = tb.newCredentialKey();
    assert.equal(key.length, 44);
    const token = tb.encryptCredential(key, 'bob', 'pa:ss');
    assert.equal(tb.decryptCredential(key, token), 'Ym9iOnBhOnNz');
    assert.deepEqual(tb.parseCredential(tb.decryptCredential(key, `${token}\n`)), { username: 'bob', password: 'pa:ss' });
    assert.equal(new t.lib.crypto.Fernet(key).decryptText(token), 'Ym9iOnBhOnNz');
    assert.throws(() => tb.decryptCredential(tb.newCredentialKey(), token), t.lib.crypto.InvalidToken);
  });

  t.test('turbonomic: util helpers (memCast, enumerateStats)', () => {
    assert.equal(tb.memCastDecimal('1000', 'B', 'B'), '1E+3');
    assert.equal(tb.memCast('16G', 'M'), 16384);
    const data = [{ stats: [{ date: 'd1', statistics: [{ name: 'CPU' }, { name: 'Mem' }] }, { date: 'd2', statistics: [{ name: 'CPU' }] }] }];
    assert.deepEqual([...tb.enumerateStats(data)].map(([d, s]) => `${d}:${s.name}`), ['d1:CPU', 'd1:Mem', 'd2:CPU']);
  });

  t.test('turbonomic: login and paging against the in-process simulator', async () => {
    const s = sim.createSim('turbonomic', { entities: 1200, seed: 9 });
    const conn = new tb.Connection({ host: 'turbonomic.sim.invalid', ssl: false, fetch: s.fetch, username: s.credentials.username, password: s.credentials.password, onWarning: () => {} });
    await conn.connect();
    assert.equal(conn.basePath, '/api/v3/');
    assert.equal(conn.isXl(), true);
    assert.equal(conn.marketId, '777777');
    const list = conn.getMarketEntities({ limit: 500 });
    const seen = new Set();
    for await (const e of list) seen.add(e.uuid);
    assert.equal(seen.size, 1200);
    assert.equal(list.page, 3);
    assert.equal(list.recordsTotal, 1200);
    assert.equal(list.recordsFetched, 1200);
    assert.equal(list.complete, true);
    const vms = await conn.getVirtualMachines({ fetchAll: true });
    assert.ok(vms.length > 700 && vms.every((e) => e.className === 'VirtualMachine'));
    // A lost session logs in again once.
    s.expireSessions();
    const [me] = await conn.getCurrentUser();
    assert.equal(me.username, 'administrator');
    const err = await assert.rejects(conn.getMarkets({ uuid: 'nope' }), tb.HTTP404Error);
    assert.equal(err.status, 404);
  });

  t.test('turbonomic: a Classic server is found at /vmturbo/rest/', async () => {
    const s = sim.createSim('turbonomic', { platform: 'classic', product: 'cwom', entities: 50 });
    const conn = await tb.Connection.connect({ host: 'classic.sim.invalid', ssl: false, fetch: s.fetch, ...s.credentials, onWarning: () => {} });
    assert.equal(conn.basePath, '/vmturbo/rest/');
    assert.equal(conn.version.baseVersion, '6.4.9');
    assert.equal((await conn.getTargets({ fetchAll: true })).length, 3);
  });
}
