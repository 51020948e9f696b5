// The browser admin console (examples/admin-console), clicked through in real Chromium (Debian's
// /usr/bin/chromium driven by playwright-core) on the built bundle, twice: from a secure origin
// (http://127.0.0.1:PORT) and from a non-secure one (http://opskit.test:PORT, no crypto.subtle, so
// every signature is computed by opskit's pure-JavaScript code).
//
//   npm run build && node test/console/console.test.mjs [secure|insecure]
//
// Every panel is checked against its simulator, read independently through opskit's clients in
// this process: machine names and states, a state change after a click, entity counts and paging,
// an accepted action, CVE counts, a report's bytes, servers and quota numbers, an uploaded file's
// bytes downloaded back. Secrets (credentials, and the tokens, signatures and cookies seen on the
// wire) must never reach the DOM, input values, storage, the console or page errors. Screenshots go
// to test-results/console/<origin>/. Closes with `console: N passed, N failed`; exits 1 on any failure.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSECURE_HOST = 'opskit.test';
const OUT = join(repo, 'test-results', 'console');
const WAIT = 20_000;
const only = process.argv.slice(2).filter((a) => a === 'secure' || a === 'insecure');
const ORIGINS = only.length ? only : ['secure', 'insecure'];

let passed = 0;
let failed = 0;

async function main() {
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  for (const f of ['dist/browser/opskit.js', 'dist/esm/node/index.js']) {
    if (!existsSync(join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  // The console and the clients used to check it come from the built package (dist/).
  const { startConsole } = await import('../../examples/admin-console/server/index.mjs');
  const { MIST_BACKEND_SECRETS } = await import('../../examples/admin-console/server/seed.mjs');
  const lib = {
    triton: await import('opskit/triton'),
    mist: await import('opskit/mist'),
    turbonomic: await import('opskit/turbonomic'),
    timesys: await import('opskit/timesys'),
    synnefo: await import('opskit/synnefo'),
  };

  rmSync(OUT, { recursive: true, force: true });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
    ],
  });
  try {
    for (const origin of ORIGINS) {
      // A fresh set of simulators per origin: the first run changes their state.
      const app = await startConsole({ hostNames: [INSECURE_HOST] });
      try {
        await runOrigin({ browser, app, origin, lib, backendSecrets: MIST_BACKEND_SECRETS });
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

/** One full click-through of the console from one origin. */
async function runOrigin({ browser, app, origin, lib, backendSecrets }) {
  const base = origin === 'secure' ? `http://127.0.0.1:${app.port}` : `http://${INSECURE_HOST}:${app.port}`;
  const shots = join(OUT, origin);
  mkdirSync(shots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);

  // ---- what the page says and what goes over the wire ----
  const consoleLines = [];
  const pageErrors = [];
  page.on('console', (m) => consoleLines.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }));
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
  const sims = Object.fromEntries(Object.entries(app.sims).map(([n, s]) => [n, s.sim]));
  const secrets = new Set(credentialSecrets(sims, backendSecrets));
  const wire = [];
  page.on('request', (req) => wire.push(req.allHeaders().then((h) => secretsFromRequest(h)).catch(() => [])));
  page.on('response', (res) => {
    wire.push(res.allHeaders().then((h) => secretsFromResponse(h)).catch(() => []));
    // mist.io's login answer carries the session token in its body.
    const url = new URL(res.url());
    if (url.port === String(app.sims.mist.port) && url.pathname === '/auth' && res.request().method() === 'POST') {
      wire.push(res.json().then((b) => [b?.mist_api_token, b?.token].filter(Boolean).map((t) => ['mist-login-token', t])).catch(() => []));
    }
  });
  /** How many secrets of each kind were seen on the wire (so the leak checks cannot be vacuous). */
  const kinds = new Map();
  const allSecrets = async () => {
    for (const list of await Promise.all(wire.splice(0))) {
      for (const [kind, value] of list) {
        if (typeof value !== 'string' || value.length < 6) continue;
        secrets.add(value);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
    }
    return [...secrets];
  };

  let step = 0;
  const test = async (name, fn) => {
    const label = `${origin} · ${name}`;
    const file = `${String(++step).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)}`;
    try {
      await fn();
      passed++;
      console.log(`ok ${passed + failed} - ${label}`);
      await page.screenshot({ path: join(shots, `${file}.png`), fullPage: true }).catch(() => {});
      return true;
    } catch (err) {
      failed++;
      console.log(`not ok ${passed + failed} - ${label}\n  ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n  ')}`);
      await page.screenshot({ path: join(shots, `${file}-FAILED.png`), fullPage: true }).catch(() => {});
      return false;
    }
  };
  const noSecrets = (where) =>
    test(`no secret in the page after ${where}`, async () => {
      const found = await leakedSecrets(page, await allSecrets(), consoleLines, pageErrors);
      if (found.length) throw new Error(`secrets found: ${found.join('; ')}`);
    });

  const text = (sel) => page.locator(sel).first().textContent().then((t) => (t ?? '').trim());
  const waitText = async (sel, want, timeout = WAIT) => {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await text(sel).catch(() => undefined);
      if (want instanceof RegExp ? want.test(last ?? '') : last === want) return last;
      await page.waitForTimeout(100);
    }
    throw new Error(`${sel}: expected ${want}, last saw ${JSON.stringify(last)}`);
  };
  const tab = async (id) => {
    await page.click(`#tab-${id}`);
    await page.waitForSelector(`#${id}:not([hidden])`);
  };
  const signIn = async (panel, values) => {
    for (const [field, value] of Object.entries(values)) await page.fill(`#${panel}-signin-${field}`, value);
    await page.click(`#${panel}-signin-form button[type=submit]`);
    await page.waitForSelector(`#${panel}[data-signed-in]`);
  };

  // ---- the page itself ----
  const loaded = await test('the console loads and tells which context it is in', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"], #fatal:not([hidden])').catch((err) => {
      throw new Error(`the page never became ready (${err.message.split('\n')[0]}); page errors: ${pageErrors.join(' | ') || 'none'}`);
    });
    if (await page.isVisible('#fatal')) throw new Error(await page.textContent('#fatal'));
    const env = await page.evaluate(() => ({ secure: globalThis.isSecureContext, subtle: typeof globalThis.crypto?.subtle }));
    const wantSecure = origin === 'secure';
    equal(env.secure, wantSecure, 'isSecureContext');
    equal(env.subtle, wantSecure ? 'object' : 'undefined', 'typeof crypto.subtle');
    equal(await page.getAttribute('#context', 'data-subtle'), String(wantSecure), 'the page reports crypto.subtle');
    const tabs = await page.locator('[role=tab]:not([disabled])').allTextContents();
    equal(tabs.join(','), 'Triton,mist.io,Turbonomic,Vigiles,Synnefo,Pithos+', 'enabled tabs');
  });
  if (!loaded) {
    // Nothing else can pass without the page; one failure says so instead of a timeout per step.
    await context.close();
    return;
  }

  // ---- Triton ----
  const triton = sims.triton;
  const dc = new lib.triton.DataCenter({ url: triton.url, fetch: triton.fetch, ...triton.credentials });
  const tritonState = async (name) => (await dc.machines().all()).find((m) => m.name === name)?.state;
  await test('Triton: signs in with an SSH key and lists the machines', async () => {
    await tab('triton');
    equal(await page.inputValue('#triton-signin-url'), `${base.replace(String(app.port), String(app.sims.triton.port))}`, 'the CloudAPI URL is prefilled');
    await signIn('triton', { account: triton.credentials.account, key: triton.credentials.key });
    const machines = await dc.machines().all();
    if (machines.length < 3) throw new Error(`the simulator has ${machines.length} machines`);
    await page.waitForSelector(`#triton tr[data-name="${machines.at(-1).name}"]`);
    const shown = await page.locator('#triton tbody tr[data-name]').evaluateAll((rows) => rows.map((r) => `${r.dataset.name}=${r.querySelector('[data-col=state]').textContent}`));
    equal(shown.sort().join(' '), machines.map((m) => `${m.name}=${m.state}`).sort().join(' '), 'machines and states');
    // Compared as a boolean: a failure message must not print the key.
    equal((await page.inputValue('#triton-signin-key')) === '', true, 'the key field is emptied after signing in');
  });
  await test('Triton: Stop shows the machine stopping, then stopped', async () => {
    const row = '#triton tr[data-name="web-1"]';
    equal(await text(`${row} [data-col=state]`), 'running', 'web-1 before');
    await page.click(`${row} button[data-action=stop]`);
    const seen = await collectStates(page, `${row} [data-col=state]`, 'stopped');
    if (!seen.includes('stopping')) throw new Error(`the live state never showed "stopping" (saw ${seen.join(' → ')})`);
    equal(await tritonState('web-1'), 'stopped', 'the simulator says');
  });
  await test('Triton: Start brings a stopped machine to running', async () => {
    const row = '#triton tr[data-name="db-1"]';
    equal(await text(`${row} [data-col=state]`), 'stopped', 'db-1 before');
    await page.click(`${row} button[data-action=start]`);
    await waitText(`${row} [data-col=state]`, 'running');
    equal(await tritonState('db-1'), 'running', 'the simulator says');
  });
  await test('Triton: Reboot is followed until the audit log records it', async () => {
    const row = '#triton tr[data-name="web-2"]';
    const m = (await dc.machines().all()).find((x) => x.name === 'web-2');
    const before = (await m.audit()).filter((a) => a.action === 'reboot').length;
    await page.click(`${row} button[data-action=reboot]`);
    await waitText(`${row} .note`, 'rebooting…', 5_000);
    await waitText('#triton .activity', /web-2: reboot done/);
    await waitText(`${row} .note`, '', 5_000);
    equal((await m.audit()).filter((a) => a.action === 'reboot').length, before + 1, 'reboots in the audit log');
  });
  await noSecrets('Triton');

  // ---- mist.io ----
  const mist = sims.mist;
  const mistClient = await lib.mist.MistClient.login({ mistUri: mist.url, fetch: mist.fetch, ...mist.credentials });
  const mistMachines = async () => {
    const out = {};
    for (const b of (await mistClient.updateBackends()).values()) for (const m of (await b.updateMachines()).values()) out[`${b.title}/${m.name}`] = m.state;
    return out;
  };
  await test('mist.io: a wrong password is refused without echoing it', async () => {
    await tab('mist');
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    secrets.add(wrong);
    await page.fill('#mist-signin-email', mist.credentials.email);
    await page.fill('#mist-signin-password', wrong);
    await page.click('#mist-signin-form button[type=submit]');
    const message = await waitText('#mist-signin-form .form-message', /./);
    if (message.includes(wrong)) throw new Error('the message quotes the password');
    if (!/401|authori/i.test(message)) throw new Error(`unexpected message: ${message}`);
    equal(await page.getAttribute('#mist', 'data-signed-in'), null, 'still signed out');
  });
  await test('mist.io: signs in and lists every backend with its machines', async () => {
    await signIn('mist', { email: mist.credentials.email, password: mist.credentials.password });
    const want = await mistMachines();
    await page.waitForSelector('#mist section.backend[data-title="Linode"] tr[data-name]');
    const shown = await page.locator('#mist section.backend').evaluateAll((sections) =>
      sections.flatMap((s) => [...s.querySelectorAll('tbody tr[data-name]')].map((r) => `${s.dataset.title}/${r.dataset.name}=${r.querySelector('[data-col=state]').textContent}`)),
    );
    equal(shown.sort().join(' '), Object.entries(want).map(([k, v]) => `${k}=${v}`).sort().join(' '), 'backends, machines and states');
  });
  await test('mist.io: Stop then Start change the live state', async () => {
    const row = '#mist section.backend[data-title="AWS us-east"] tr[data-name="ec2-1"]';
    await page.click(`${row} button[data-action=stop]`);
    await waitText(`${row} [data-col=state]`, 'stopped');
    equal((await mistMachines())['AWS us-east/ec2-1'], 'stopped', 'the simulator says');
    await page.waitForSelector(`${row} button[data-action=start]:not([disabled])`);
    await page.click(`${row} button[data-action=start]`);
    await waitText(`${row} [data-col=state]`, 'running');
    equal((await mistMachines())['AWS us-east/ec2-1'], 'running', 'the simulator says');
  });
  await noSecrets('mist.io');

  // ---- Turbonomic ----
  const turbo = sims.turbonomic;
  const conn = await lib.turbonomic.Connection.connect({ url: turbo.url, fetch: turbo.fetch, ...turbo.credentials, onWarning() {} });
  /** The first `n` entity names, in the server's order, read through opskit in this process. */
  const firstEntities = async (n) => {
    const list = conn.getEntities({ limit: n });
    const page1 = (await list.pages()[Symbol.asyncIterator]().next()).value;
    return { names: page1.map((e) => e.displayName), total: list.recordsTotal };
  };
  const loadedEntities = async () => Number(await page.getAttribute('#turbonomic-entities-counter', 'data-loaded'));
  const shownEntities = () => page.locator('#turbonomic .scroll tbody tr[data-name]').evaluateAll((rows) => rows.map((r) => r.dataset.name));
  await test('Turbonomic: signs in and shows the first page of entities', async () => {
    await tab('turbonomic');
    await signIn('turbonomic', { username: turbo.credentials.username, password: turbo.credentials.password });
    await page.waitForSelector('#turbonomic .scroll tbody tr[data-name]');
    const { total } = await firstEntities(1);
    if (!(total > 200)) throw new Error(`the simulator reports ${total} entities`);
    await waitText('#turbonomic-entities-counter', new RegExp(`^\\d+ of ${total} entities loaded$`));
    const loaded = await loadedEntities();
    // One page of 50 (a second one only if the first did not fill the box), never everything.
    if (loaded !== 50 && loaded !== 100) throw new Error(`${loaded} entities loaded before any scrolling`);
    equal((await shownEntities()).join(','), (await firstEntities(loaded)).names.join(','), `the first ${loaded} entities, in order`);
  });
  await test('Turbonomic: scrolling loads the next pages', async () => {
    const total = Number(await page.getAttribute('#turbonomic-entities-counter', 'data-total'));
    const start = await loadedEntities();
    for (const want of [start + 50, start + 100]) {
      await page.locator('#turbonomic .scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await waitText('#turbonomic-entities-counter', `${want} of ${total} entities loaded`);
    }
    const names = await shownEntities();
    equal(names.length, start + 100, 'rows in the table');
    equal(names.join(','), (await firstEntities(start + 100)).names.join(','), `the first ${start + 100} entities, in order`);
  });
  await test('Turbonomic: accepting an action changes its state on the server', async () => {
    const actions = await conn.getActions({ fetchAll: true });
    await waitText('#turbonomic-actions-status', new RegExp(`^${actions.length} actions`));
    const rows = await page.locator('#turbonomic-actions tbody tr[data-state]').count();
    equal(rows, actions.length, 'action rows');
    const target = actions.find((a) => a.actionState === 'READY');
    await page.click(`#turbonomic tr[data-key="${target.uuid}"] button[data-action=accept]`);
    await waitText(`#turbonomic tr[data-key="${target.uuid}"] [data-col=state]`, 'ACCEPTED');
    const after = (await conn.getActions({ fetchAll: true })).find((a) => a.uuid === target.uuid);
    equal(after.actionState, 'ACCEPTED', 'the simulator says');
    equal(await page.locator(`#turbonomic tr[data-key="${target.uuid}"] button[data-action=accept]`).isDisabled(), true, 'accept is disabled afterwards');
  });
  await noSecrets('Turbonomic');

  // ---- Vigiles ----
  const timesys = sims.timesys;
  // As the page does: no configured group or folder, so every product's manifests are listed.
  const llapi = new lib.timesys.Llapi({ email: timesys.credentials.email, key: timesys.credentials.key, url: timesys.url, fetch: timesys.fetch });
  await test('Vigiles: "Fill in" signs in and every product shows its CVE counts', async () => {
    await tab('vigiles');
    await page.click('#vigiles-signin-form button.fill');
    await page.waitForFunction(() => document.querySelector('#vigiles-signin-key').value !== '');
    await page.click('#vigiles-signin-form button[type=submit]');
    await page.waitForSelector('#vigiles[data-signed-in] section.product tr[data-name]');
    const groups = await llapi.getGroups();
    const manifests = await llapi.getManifests();
    if (manifests.length < 3) throw new Error(`the simulator has ${manifests.length} manifests`);
    const products = await page.locator('#vigiles section.product').evaluateAll((s) => s.map((x) => x.dataset.product));
    equal(products.sort().join(','), groups.map((g) => g.name).sort().join(','), 'products');
    for (const m of manifests) {
      const r = await llapi.getLatestReport(m.manifest_token);
      const row = `#vigiles tr[data-key="${m.manifest_token}"]`;
      const cells = await page.locator(`${row} td`).evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.dataset.col, td.textContent])));
      equal(cells.name, m.manifest_name, 'manifest name');
      equal(cells.unfixed, String(r.counts.unfixed), `${m.manifest_name} unfixed`);
      equal(cells.fixed, String(r.counts.fixed), `${m.manifest_name} fixed`);
      for (const s of ['critical', 'high', 'medium', 'low']) equal(cells[s], String(r.cvss_counts[s]), `${m.manifest_name} ${s}`);
    }
    const productA = groups.find((g) => g.name === 'Product A');
    let unfixedA = 0;
    for (const m of manifests.filter((x) => x.group_token === productA.token)) unfixedA += (await llapi.getLatestReport(m.manifest_token)).counts.unfixed;
    equal(await page.getAttribute('#vigiles section.product[data-product="Product A"]', 'data-unfixed'), String(unfixedA), 'Product A unfixed total');
    if (unfixedA === 0) throw new Error('Product A has no unfixed CVEs: the seed is not being scanned');
  });
  await test('Vigiles: a report downloads with the server’s exact bytes', async () => {
    const [m] = (await llapi.getManifests()).filter((x) => x.manifest_name === 'gateway-rootfs');
    const r = await llapi.getLatestReport(m.manifest_token);
    const row = `#vigiles tr[data-key="${m.manifest_token}"]`;
    await page.selectOption(`${row} select`, 'pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${row} button[data-action=download]`)]);
    equal(download.suggestedFilename(), 'gateway-rootfs-pdf.pdf', 'file name');
    const bytes = await readDownload(download);
    const want = await llapi.downloadReport(r.report_token, 'pdf');
    equal(Buffer.from(bytes).equals(Buffer.from(want)), true, `downloaded ${bytes.length} bytes equal the server's ${want.length}`);
    equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-', 'a PDF');
  });
  await noSecrets('Vigiles');

  // ---- Synnefo ----
  const syn = sims.synnefo;
  const astakos = new lib.synnefo.AstakosClient({ ...syn.credentials, fetch: syn.fetch });
  const compute = await astakos.clientFor(lib.synnefo.CycladesComputeClient);
  const quota = async (resource) => Object.values(await astakos.getQuotas())[0][resource];
  await test('Synnefo: signs in with a token, lists the servers and the quotas', async () => {
    await tab('synnefo');
    await signIn('synnefo', { token: syn.credentials.token });
    const servers = await compute.listServers(true);
    await page.waitForSelector(`#synnefo tr[data-name="${servers.at(-1).name}"]`);
    const shown = await page.locator('#synnefo tbody tr[data-name]').evaluateAll((r) => r.map((x) => `${x.dataset.name}=${x.querySelector('[data-col=status]').textContent}`));
    equal(shown.sort().join(' '), servers.map((s) => `${s.name}=${s.status}`).sort().join(' '), 'servers and statuses');
    const vm = await quota('cyclades.vm');
    equal(await page.getAttribute('#synnefo tr[data-resource="cyclades.vm"] [data-col=usage]', 'data-value'), String(vm.usage), 'cyclades.vm used');
    equal(await page.getAttribute('#synnefo tr[data-resource="cyclades.vm"] [data-col=limit]', 'data-value'), String(vm.limit), 'cyclades.vm limit');
    equal(vm.usage, servers.length, 'the quota counts the servers');
  });
  await test('Synnefo: creating a server charges the quota and the server becomes ACTIVE', async () => {
    const before = (await quota('cyclades.vm')).usage;
    await page.fill('#synnefo-new-name', 'web-2');
    await page.click('#synnefo-create button[type=submit]');
    await waitText('#synnefo tr[data-name="web-2"] [data-col=status]', 'ACTIVE');
    await waitText('#synnefo tr[data-resource="cyclades.vm"] [data-col=usage]', String(before + 1));
    equal((await quota('cyclades.vm')).usage, before + 1, 'the simulator says');
    equal((await compute.listServers(true)).find((s) => s.name === 'web-2')?.status, 'ACTIVE', 'web-2 on the simulator');
  });
  await test('Synnefo: Shutdown stops a server', async () => {
    const row = '#synnefo tr[data-name="web-1"]';
    await page.click(`${row} button[data-action=shutdown]`);
    await waitText(`${row} [data-col=status]`, 'STOPPED');
    equal((await compute.listServers(true)).find((s) => s.name === 'web-1')?.status, 'STOPPED', 'the simulator says');
  });
  await noSecrets('Synnefo');

  // ---- Pithos+ ----
  const { access } = await astakos.authenticate();
  const pithos = await astakos.clientFor(lib.synnefo.PithosClient, { account: access.user.id, container: 'pithos' });
  const payload = randomBytes(5 * 64 * 1024 + 12345); // six blocks of the console's 64 KiB
  await test('Pithos+: the Synnefo sign-in opens it, with every container', async () => {
    await tab('pithos');
    await page.waitForSelector('#pithos[data-signed-in] #pithos-objects tr[data-name="welcome.txt"]');
    const containers = await pithos.listContainers().all();
    const shown = await page.locator('#pithos-containers tbody tr[data-name]').evaluateAll((r) => r.map((x) => x.dataset.name));
    equal(shown.sort().join(','), containers.map((c) => c.name).sort().join(','), 'containers');
  });
  await test('Pithos+: an upload shows its progress and lands byte for byte', async () => {
    await page.evaluate(() => {
      const bar = document.getElementById('pithos-progress');
      globalThis.__progress = [];
      new MutationObserver(() => globalThis.__progress.push(`${bar.dataset.phase}:${bar.value}`)).observe(bar, { attributes: true, attributeFilter: ['value', 'data-phase'] });
    });
    await page.setInputFiles('#pithos-file', { name: 'console-upload.bin', mimeType: 'application/octet-stream', buffer: payload });
    await page.click('#pithos-upload button[type=submit]');
    await page.waitForSelector('#pithos-progress[data-phase="done"]');
    await page.waitForSelector('#pithos-objects tr[data-name="console-upload.bin"]');
    const steps = await page.evaluate(() => globalThis.__progress);
    const values = steps.map((s) => Number(s.split(':')[1]));
    if (!steps.some((s) => s.startsWith('hashing:')) || !steps.some((s) => s.startsWith('uploading:'))) throw new Error(`phases seen: ${steps.join(' ')}`);
    if (!values.some((v) => v > 0 && v < 100)) throw new Error(`no intermediate progress: ${steps.join(' ')}`);
    equal(await page.evaluate(() => document.getElementById('pithos-progress').value), 100, 'the bar ends full');
    equal(await page.getAttribute('#pithos-objects tr[data-name="console-upload.bin"] [data-col=bytes]', 'data-value'), String(payload.length), 'size shown');
    const stored = await pithos.downloadToBytes('console-upload.bin');
    equal(Buffer.from(stored).equals(payload), true, 'the simulator holds the same bytes');
  });
  await test('Pithos+: the file downloads back with the same bytes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pithos-objects tr[data-name="console-upload.bin"] button[data-action=download]')]);
    equal(download.suggestedFilename(), 'console-upload.bin', 'file name');
    const bytes = await readDownload(download);
    equal(Buffer.from(bytes).equals(payload), true, `downloaded ${bytes.length} bytes, uploaded ${payload.length}`);
    await page.waitForSelector('#pithos-progress[data-phase="done"]');
  });
  await noSecrets('Pithos+');

  await test('signing out of mist.io drops the session and shows the form again', async () => {
    await tab('mist');
    await page.click('#mist .sign-out');
    await page.waitForSelector('#mist:not([data-signed-in]) #mist-signin-form');
    equal(await page.locator('#mist section.backend').count(), 0, 'backends left on the page');
  });

  await test('no page errors and no console errors', async () => {
    const errors = consoleLines.filter((l) => (l.type === 'error' || l.type === 'warning') && !expectedRefusal(l, app));
    if (pageErrors.length || errors.length) throw new Error([...pageErrors, ...errors.map((e) => `[${e.type}] ${e.text}`)].join('\n'));
  });
  await test('the console server answers only its own host names (no DNS rebinding)', async () => {
    const status = (host) =>
      new Promise((resolve, reject) => {
        get({ host: '127.0.0.1', port: app.port, path: '/sim-credentials.json', headers: { host: `${host}:${app.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
    equal(await status('attacker.example'), 421, 'a foreign host name');
    equal(await status(origin === 'secure' ? '127.0.0.1' : INSECURE_HOST), 200, 'the page’s own host name');
  });
  await noSecrets('the whole run');
  await test('the leak checks looked for every family’s wire secrets', async () => {
    await allSecrets();
    // Triton's HTTP Signatures, mist.io's session token, Turbonomic's JSESSIONID (set and sent),
    // Vigiles' HMACs, Synnefo's token: each must have been seen, or the checks above proved little.
    const want = ['http-signature', 'mist-token', 'mist-login-token', 'set-cookie', 'cookie', 'x-auth-signature', 'x-auth-token'];
    const missing = want.filter((k) => !kinds.get(k));
    if (missing.length) throw new Error(`never seen on the wire: ${missing.join(', ')} (seen: ${JSON.stringify(Object.fromEntries(kinds))})`);
  });
  await context.close();
}

/**
 * Chromium logs every non-2xx reply as "Failed to load resource". Two are part of what the test
 * does: the wrong mist.io password (401 from /auth), and Pithos+ answering a hashmap PUT with 409
 * and the list of blocks it lacks (the upload protocol itself). Anything else fails the run.
 */
function expectedRefusal(line, app) {
  const m = /^Failed to load resource: the server responded with a status of (\d+)/.exec(line.text);
  if (!m) return false;
  const url = line.url ? new URL(line.url) : undefined;
  if (!url) return false;
  if (m[1] === '401') return url.port === String(app.sims.mist.port) && url.pathname === '/auth';
  if (m[1] === '409') return url.port === String(app.sims.synnefo.port) && url.pathname.startsWith('/object-store/') && url.searchParams.has('hashmap');
  return false;
}

// ---- secrets ----

/** Every credential the simulators handed out (and the provider keys the seed gave mist.io). */
function credentialSecrets(sims, backendSecrets) {
  const out = [];
  const key = sims.triton.credentials.key;
  out.push(key);
  // A leak may be re-wrapped: every long line of the key's body counts on its own.
  for (const line of key.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) out.push(line.trim());
  out.push(sims.mist.credentials.password, sims.turbonomic.credentials.password, sims.timesys.credentials.key, sims.synnefo.credentials.token);
  out.push(...backendSecrets);
  return out.filter((s) => typeof s === 'string' && s.length >= 6);
}

/** Secrets in request headers (signatures, tokens, cookies), each tagged with what it is. */
function secretsFromRequest(headers) {
  const out = [];
  const auth = headers.authorization;
  if (auth) {
    const sig = /signature="([^"]+)"/.exec(auth);
    if (sig) out.push(['http-signature', sig[1]]);
    else if (/^mist_1 /.test(auth)) out.push(['mist-token', auth.slice(auth.lastIndexOf(':') + 1)]);
    else if (/^Basic /i.test(auth)) out.push(['basic-auth', auth.slice(6).trim()]);
    else out.push(['authorization', auth]);
  }
  if (headers['x-auth-token']) out.push(['x-auth-token', headers['x-auth-token']]);
  if (headers['x-auth-signature']) out.push(['x-auth-signature', headers['x-auth-signature']]);
  if (headers.cookie) for (const pair of headers.cookie.split(';')) out.push(['cookie', pair.slice(pair.indexOf('=') + 1).trim()]);
  return out;
}

/** Secrets in response headers: session cookies. */
function secretsFromResponse(headers) {
  const out = [];
  for (const line of (headers['set-cookie'] ?? '').split('\n')) {
    const pair = line.split(';')[0] ?? '';
    if (pair.includes('=')) out.push(['set-cookie', pair.slice(pair.indexOf('=') + 1).trim()]);
  }
  return out;
}

/** Where in the page a secret shows: the DOM, form values, storage, console lines, page errors. */
async function leakedSecrets(page, secrets, consoleLines, pageErrors) {
  const seen = await page.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    values: [...document.querySelectorAll('input, textarea, select')].map((el) => `${el.id || el.name}=${el.type === 'file' ? '' : el.value}`).join('\n'),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    title: document.title + location.href,
  }));
  const places = {
    ...seen,
    console: consoleLines.map((l) => l.text).join('\n'),
    errors: pageErrors.join('\n'),
  };
  const found = [];
  // Reported by position and length only: a failure message must not spread the secret further.
  secrets.forEach((secret, i) => {
    for (const [where, content] of Object.entries(places)) {
      if (content.includes(secret)) found.push(`${where} holds secret #${i} (${secret.length} characters)`);
    }
  });
  return found;
}

// ---- helpers ----

/** The states a cell shows until it reads `final` (sampled every 50 ms). */
async function collectStates(page, selector, final, timeout = WAIT) {
  const seen = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const t = ((await page.locator(selector).first().textContent()) ?? '').trim();
    if (seen.at(-1) !== t) seen.push(t);
    if (t === final) return seen;
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector}: never became ${final} (saw ${seen.join(' → ')})`);
}

async function readDownload(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

main().then(
  () => {
    console.log(`console: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  },
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.log(`console: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
