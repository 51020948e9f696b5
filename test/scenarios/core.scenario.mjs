// Core transport scenarios against the in-process demo simulator: dry run, retry, timeout, abort,
// paging and waiting. Runs unchanged in Node, Chromium (secure and non-secure origins), Deno and Bun.
export default function (t) {
  const { core, sim: simLib } = t.lib;
  const { assert } = t;
  const BASE = 'http://demo.sim';
  const noSleep = () => Promise.resolve();

  async function setup(options = {}) {
    const sim = simLib.createSim('demo', options.sim);
    const { username, password } = sim.credentials;
    const anon = core.createClient({ baseUrl: BASE, fetch: sim.fetch });
    const { token } = await anon.POST('/login', { body: { username, password } });
    const bearer = (req) => {
      req.headers.set('authorization', `Bearer ${token}`);
    };
    const client = core.createClient({ baseUrl: BASE, fetch: sim.fetch, auth: bearer, sleep: noSleep, secrets: [password], ...options.client });
    return { sim, client, token, password, bearer };
  }
  const count = (sim) => sim.requests.size;

  t.test('bodies keep the type a real Request gives them: FormData multipart with its boundary, text, JSON', async () => {
    const seen = [];
    const fetch = async (req) => {
      seen.push({ type: req.headers.get('content-type'), body: await req.text() });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const c = core.createClient({ baseUrl: BASE, fetch });
    const form = new FormData();
    form.set('username', 'admin');
    form.set('password', 'pw-12345');
    await c.POST('/login', { body: form, bodySerializer: (b) => b });
    const m = /^multipart\/form-data; boundary=(\S+)$/.exec(seen[0].type ?? '');
    assert.ok(m, `multipart type with a boundary, got ${seen[0].type}`);
    assert.ok(seen[0].body.includes(`--${m[1]}`) && seen[0].body.includes('name="username"'), 'the body uses that boundary');
    await c.POST('/echo', { body: 'plain words', bodySerializer: (b) => b, headers: { 'content-type': 'text/plain' } });
    assert.equal(seen[1].type, 'text/plain');
    assert.equal(seen[1].body, 'plain words');
    await c.POST('/echo', { body: { a: 1 } });
    assert.equal(seen[2].type, 'application/json');
    assert.equal(seen[2].body, '{"a":1}');
  });

  t.test('dry run resolves with the signed request, redacted, and sends nothing', async () => {
    const { sim, token, bearer, password } = await setup();
    const before = count(sim);
    const dry = core.createClient({ baseUrl: BASE, fetch: sim.fetch, auth: bearer, dryRun: true });
    const r = await dry.GET('/items/{id}', { params: { path: { id: 'item-001' } } });
    assert.equal(r.dryRun, true);
    assert.equal(r.method, 'GET');
    assert.equal(r.url, `${BASE}/items/item-001`);
    assert.equal(r.headers.authorization, '[REDACTED]');
    assert.equal(count(sim), before, 'nothing was sent');
    const login = await dry.POST('/login', { body: { username: 'admin', password } });
    assert.ok(!String(login.body).includes(password), 'password redacted from the body');
    assert.ok(String(login.body).includes('[REDACTED]'));
    const shown = core.createClient({ baseUrl: BASE, fetch: sim.fetch, auth: bearer, dryRun: true, reveal: true });
    const r2 = await shown.GET('/items/{id}', { params: { path: { id: 'item-001' } } });
    assert.equal(r2.headers.authorization, `Bearer ${token}`);
    assert.equal(count(sim), before, 'still nothing was sent');
  });

  t.test('GET is retried through a 503 burst and succeeds; each attempt is re-signed', async () => {
    let signs = 0;
    const { sim, client, token } = await setup();
    const counting = core.createClient({
      baseUrl: BASE, fetch: sim.fetch, sleep: noSleep,
      auth: (req, ctx) => { signs++; req.headers.set('authorization', `Bearer ${token}`); req.headers.set('x-attempt', String(ctx.attempt)); },
    });
    sim.faults.inject({ kind: 'status', status: 503, times: 2, match: { path: '/items/item-001' } });
    const before = count(sim);
    const item = await counting.GET('/items/{id}', { params: { path: { id: 'item-001' } } });
    assert.equal(item.id, 'item-001');
    assert.equal(count(sim) - before, 3);
    assert.equal(signs, 3);
    void client;
  });

  t.test('POST is not retried by default; a spec-marked idempotent call is', async () => {
    const { sim, client } = await setup();
    sim.faults.inject({ kind: 'status', status: 502, times: 1, match: { method: 'POST', path: '/items' } });
    const before = count(sim);
    const err = await assert.rejects(client.POST('/items', { body: { name: 'x' } }), core.ServerError);
    assert.equal(err.status, 502);
    assert.equal(count(sim) - before, 1);
    sim.faults.inject({ kind: 'status', status: 502, times: 1, match: { method: 'POST', path: '/items' } });
    const made = await client.POST('/items', { body: { name: 'y' }, opskit: { idempotent: true } });
    assert.equal(made.name, 'y');
  });

  t.test('429 Retry-After is honoured up to maxRetryAfter', async () => {
    const slept = [];
    const { sim, token } = await setup();
    const mk = (retry) => core.createClient({
      baseUrl: BASE, fetch: sim.fetch, retry, sleep: async (ms) => { slept.push(ms); },
      auth: (req) => { req.headers.set('authorization', `Bearer ${token}`); },
    });
    sim.faults.inject({ kind: 'rate-limit', retryAfter: 2, times: 1 });
    const list = await mk({}).GET('/items', { params: { query: { limit: 2 } } });
    assert.ok(Array.isArray(list));
    assert.deepEqual(slept, [2000]);
    sim.faults.inject({ kind: 'rate-limit', retryAfter: 120, times: 1 });
    const err = await assert.rejects(mk({ maxRetryAfter: 1000 }).GET('/items'), core.ClientError);
    assert.equal(err.status, 429);
    assert.equal(err.retryAfterMs, 120000);
  });

  t.test('connection reset and truncated bodies are retried for GET, then reported as NetworkError', async () => {
    const { sim, client } = await setup();
    sim.faults.inject({ kind: 'reset', times: 1 });
    sim.faults.inject({ kind: 'truncate', bytes: 3, times: 1 });
    const list = await client.GET('/items');
    assert.ok(Array.isArray(list));
    sim.faults.inject({ kind: 'reset', times: 3 });
    const err = await assert.rejects(client.GET('/items'), core.NetworkError);
    assert.ok(/GET \/items/.test(err.message), err.message);
  });

  t.test('per-attempt timeout is a TimeoutError naming the operation', async () => {
    const { sim, client } = await setup({ client: { retry: false } });
    sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 1 });
    const err = await assert.rejects(client.GET('/items', { opskit: { op: 'listItems', timeout: 50 } }), core.TimeoutError);
    assert.equal(err.op, 'listItems');
    assert.equal(err.scope, 'attempt');
    assert.ok(err.message.includes('listItems'));
  });

  t.test('total timeout bounds retries', async () => {
    const { sim, token } = await setup();
    // The total deadline falls mid-way through the second attempt, 100 ms from either attempt
    // timer: a loaded machine firing a timer late must not make the first attempt's timeout end
    // the call (an attempt that cannot fit the budget ends with its own, 'attempt' error).
    const c = core.createClient({
      baseUrl: BASE, fetch: sim.fetch, timeout: { attempt: 150, total: 250 }, retry: { retries: 10, baseDelay: 1, maxDelay: 1 },
      auth: (req) => { req.headers.set('authorization', `Bearer ${token}`); },
    });
    sim.faults.inject({ kind: 'slow', delayMs: 1000, times: 10 });
    const err = await assert.rejects(c.GET('/items'), core.TimeoutError);
    assert.equal(err.scope, 'total');
    sim.faults.clear();
  });

  t.test("the caller's AbortSignal aborts with AbortError", async () => {
    const { sim, client } = await setup();
    sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 1 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(new Error('user cancelled')), 30);
    const err = await assert.rejects(client.GET('/items', { signal: ctrl.signal }), core.AbortError);
    assert.ok(err.message.includes('GET /items'), err.message);
    sim.faults.clear();
  });

  t.test('HTTP errors carry status, vendor code and a redacted request', async () => {
    const { sim, client, token } = await setup();
    const err = await assert.rejects(client.GET('/items/{id}', { params: { path: { id: 'nope' } } }), core.ClientError);
    assert.equal(err.status, 404);
    assert.equal(err.vendorCode, 'NotFound');
    assert.equal(err.request.headers.authorization, '[REDACTED]');
    assert.ok(!JSON.stringify(err).includes(token) && !err.message.includes(token) && !String(err.stack).includes(token));
    void sim;
  });

  t.test('Paged iterates cursor pages and refuses a repeated cursor', async () => {
    const { client, token, sim } = await setup();
    const loader = core.cursorPaging(async (cursor) => {
      const { data, response } = await client.api.GET('/items', { params: { query: { limit: 4, ...(cursor ? { cursor } : {}) } } });
      return { items: data, next: response.headers.get('x-next-cursor'), total: Number(response.headers.get('x-total-count')) };
    });
    const paged = new core.Paged(loader);
    const all = await paged.all();
    assert.equal(all.length, paged.total);
    assert.ok(paged.page > 1 && paged.complete);
    assert.equal(new Set(all.map((i) => i.id)).size, all.length);

    const looping = simLib.createSim('demo', { repeatCursor: true });
    const lc = core.createClient({ baseUrl: BASE, fetch: looping.fetch });
    const { token: t2 } = await lc.POST('/login', { body: looping.credentials });
    const l2 = core.createClient({ baseUrl: BASE, fetch: looping.fetch, auth: (r) => { r.headers.set('authorization', `Bearer ${t2}`); } });
    const bad = new core.Paged(core.cursorPaging(async (cursor) => {
      const { data, response } = await l2.api.GET('/items', { params: { query: { limit: 4, ...(cursor ? { cursor } : {}) } } });
      return { items: data, next: response.headers.get('x-next-cursor') };
    }));
    await assert.rejects(bad.all(), core.PaginationError);
    void token; void sim;
  });

  t.test('waitFor polls a job to done with progress, and times out with TimeoutError', async () => {
    const { client } = await setup({ sim: { jobDelayMs: 0 } });
    const job = await client.POST('/jobs', { body: {} });
    const seen = [];
    const done = await core.waitFor(
      () => client.GET('/jobs/{id}', { params: { path: { id: job.id } } }),
      (j) => j.state === 'done',
      { interval: 1, timeout: 5000, onProgress: (p) => seen.push(p.attempt) },
    );
    assert.equal(done.state, 'done');
    assert.ok(seen.length >= 1);
    const err = await assert.rejects(core.waitFor(async () => 'pending', (v) => v === 'done', { interval: 5, timeout: 20, what: 'nothing' }), core.TimeoutError);
    assert.equal(err.lastValue, 'pending');
  });
}
