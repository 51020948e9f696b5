// Synnefo: Cyclades servers (live, with start / shutdown / reboot / delete and a create form) and
// the user's Astakos quotas, which every server created or deleted changes.
import { clockTime, formatBytes, h, keyedTable, setText } from '../dom.js';
import { createPoller } from '../poller.js';
import { createShell } from '../shell.js';
import { signInForm } from '../sign-in.js';

const POLL_MS = 2000;
const TARGET = { start: 'ACTIVE', shutdown: 'STOPPED', reboot: 'ACTIVE' };
const VERB = { start: 'starting…', shutdown: 'shutting down…', reboot: 'rebooting…', delete: 'deleting…' };

/** The Astakos sign-in form, shared by the Synnefo and Pithos+ panels. */
export function synnefoSignInForm(env, id) {
  return signInForm({
    id,
    fields: [
      { name: 'url', label: 'Identity (auth) URL', type: 'url', value: env.simUrl('synnefo') },
      { name: 'token', label: 'Token', type: 'password', hint: 'From the “API access” page of the cloud’s web UI.' },
    ],
    fill: env.fill('synnefo'),
    async onSubmit({ url, token }) {
      await env.synnefo.signIn({ url, token });
    },
  });
}

export function synnefoPanel(env) {
  const { CycladesComputeClient } = env.opskit.synnefo;
  const { waitFor } = env.opskit;
  const shell = createShell({
    id: 'synnefo',
    title: 'Synnefo servers and quotas',
    lead: 'Cyclades virtual machines and the Astakos quotas they are charged to.',
  });
  let compute = null;
  let astakos = null;
  let visible = false;
  let flavors = new Map();
  let images = new Map();
  let resources = {};
  let servers = new Map();
  const pending = new Map();

  const serverTable = keyedTable({
    caption: 'Servers',
    empty: 'No servers.',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'status', label: 'Status', class: 'state' },
      { key: 'flavor', label: 'Flavor' },
      { key: 'image', label: 'Image' },
      { key: 'ip', label: 'IPv4' },
      { key: 'actions', label: 'Actions', class: 'actions' },
    ],
    rowKey: (s) => String(s.id),
    create(cells, s, row) {
      row.dataset.name = s.name;
      row._buttons = {};
      for (const [action, label] of [['start', 'Start'], ['shutdown', 'Shutdown'], ['reboot', 'Reboot'], ['delete', 'Delete']]) {
        const b = h('button', { type: 'button', dataset: { action }, onclick: () => act(row.dataset.key, action, b) }, label);
        row._buttons[action] = b;
        cells.actions.append(b);
      }
      cells.actions.append((row._note = h('span', { class: 'note' })));
    },
    update(cells, s, row) {
      setText(cells.name, s.name);
      setText(cells.status, s.status);
      cells.status.dataset.state = s.status;
      row.dataset.state = s.status;
      const f = flavors.get(String(s.flavor?.id));
      setText(cells.flavor, f ? `${f.name} (${f.vcpus} CPU, ${f.ram} MiB)` : String(s.flavor?.id ?? '—'));
      setText(cells.image, images.get(String(s.image?.id))?.name ?? String(s.image?.id ?? '—'));
      const v4 = Object.values(s.addresses ?? {}).flat().filter((a) => a.version === 4).map((a) => a.addr);
      setText(cells.ip, v4.join(', ') || '—');
      const busy = pending.get(String(s.id));
      setText(row._note, busy ?? '');
      row._buttons.start.disabled = Boolean(busy) || s.status !== 'STOPPED';
      row._buttons.shutdown.disabled = Boolean(busy) || s.status !== 'ACTIVE';
      row._buttons.reboot.disabled = Boolean(busy) || s.status !== 'ACTIVE';
      row._buttons.delete.disabled = Boolean(busy) || s.status === 'BUILD';
    },
  });

  const quotaTable = keyedTable({
    caption: 'Quotas',
    empty: 'No quotas.',
    columns: [
      { key: 'resource', label: 'Resource' },
      { key: 'usage', label: 'Used', class: 'num' },
      { key: 'limit', label: 'Limit', class: 'num' },
      { key: 'meter', label: '' },
    ],
    rowKey: (q) => `${q.project}/${q.resource}`,
    create(cells, q, row) {
      row.dataset.resource = q.resource;
      cells.meter.append((row._meter = h('meter', { min: 0 })));
    },
    update(cells, q, row) {
      const def = resources[q.resource];
      // total_ram and total_cpu have no definition of their own; RAM and disk are bytes.
      const bytes = def ? def.unit === 'bytes' : /(ram|disk|diskspace)$/.test(q.resource);
      const fmt = (n) => (bytes ? formatBytes(n) : String(n));
      cells.resource.replaceChildren(h('span', {}, q.resource), def?.description ? h('small', {}, def.description) : '');
      setText(cells.usage, fmt(q.usage));
      setText(cells.limit, fmt(q.limit));
      cells.usage.dataset.value = String(q.usage);
      cells.limit.dataset.value = String(q.limit);
      row._meter.max = Math.max(q.limit, 1);
      row._meter.value = q.usage;
      row._meter.high = q.limit * 0.8;
    },
  });

  // ---- create server ----
  const nameInput = h('input', { type: 'text', id: 'synnefo-new-name', required: true, placeholder: 'web-2', spellcheck: 'false' });
  const flavorSelect = h('select', { id: 'synnefo-new-flavor' });
  const imageSelect = h('select', { id: 'synnefo-new-image' });
  const createButton = h('button', { type: 'submit', class: 'primary' }, 'Create server');
  const createForm = h(
    'form',
    { class: 'inline-form', id: 'synnefo-create' },
    h('label', { for: 'synnefo-new-name' }, 'Name'),
    nameInput,
    h('label', { for: 'synnefo-new-flavor' }, 'Flavor'),
    flavorSelect,
    h('label', { for: 'synnefo-new-image' }, 'Image'),
    imageSelect,
    createButton,
  );
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    shell.clearError();
    createButton.disabled = true;
    try {
      // The reply holds the one-time admin password; the console does not show it (it would be a
      // secret in the page). Reset it from the cloud's own UI or the CLI if you need it.
      const created = await compute.createServer(nameInput.value.trim(), flavorSelect.value, imageSelect.value);
      shell.setActivity(`Creating ${created.name}…`);
      nameInput.value = '';
      await poller.now();
    } catch (err) {
      shell.showError(err, 'Creating a server');
    } finally {
      createButton.disabled = false;
    }
  });

  const poller = createPoller(refresh, { interval: POLL_MS, onError: (err) => shell.showError(err, 'Refreshing') });

  async function refresh() {
    if (!compute) return;
    const [list, quotas] = await Promise.all([compute.listServers(true), astakos.getQuotas()]);
    servers = new Map(list.map((s) => [String(s.id), s]));
    serverTable.render(list);
    const rows = [];
    for (const [project, perResource] of Object.entries(quotas)) {
      for (const [resource, q] of Object.entries(perResource)) {
        if (resources[resource]?.ui_visible === false) continue;
        rows.push({ project, resource, usage: q.usage, limit: q.limit });
      }
    }
    quotaTable.render(rows);
    shell.setStatus(`${list.length} server${list.length === 1 ? '' : 's'} · live, updated ${clockTime()}`);
  }

  async function act(id, action, button) {
    const s = servers.get(id);
    if (!s || pending.has(id)) return;
    if (action === 'delete' && button.dataset.confirm !== 'yes') {
      // Two clicks to delete, without a modal dialog.
      button.dataset.confirm = 'yes';
      button.textContent = 'Confirm delete';
      setTimeout(() => {
        delete button.dataset.confirm;
        button.textContent = 'Delete';
      }, 4000);
      return;
    }
    shell.clearError();
    pending.set(id, VERB[action]);
    serverTable.render([...servers.values()]);
    // Said once the table shows the result, not before.
    let done;
    try {
      if (action === 'delete') {
        await compute.deleteServer(s.id);
        await waitFor(async () => (await compute.listServers(false)).some((x) => String(x.id) === id), (present) => !present, { interval: 500, timeout: 60_000, what: `deletion of ${s.name}` });
      } else {
        if (action === 'start') await compute.startServer(s.id);
        else if (action === 'shutdown') await compute.shutdownServer(s.id);
        else await compute.rebootServer(s.id, false);
        await compute.waitServerUntil(s.id, TARGET[action], {
          interval: 500,
          timeout: 60_000,
          onProgress: (p) => {
            const status = p?.value?.status;
            const entry = serverTable.rows.get(id);
            if (status && entry) {
              setText(entry.cells.status, status);
              entry.cells.status.dataset.state = status;
              entry.row.dataset.state = status;
            }
          },
        });
      }
      done = `${s.name}: ${action} done at ${clockTime()}.`;
    } catch (err) {
      shell.showError(err, `${action} ${s.name}`);
    } finally {
      pending.delete(id);
      await poller.now();
      if (done) shell.setActivity(done);
    }
  }

  const form = synnefoSignInForm(env, 'synnefo-signin');
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');
  shell.content.append(
    h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => poller.now() }, 'Refresh'), h('span', { class: 'muted' }, `Refreshes every ${POLL_MS / 1000} s.`)),
    serverTable.element,
    createForm,
    quotaTable.element,
  );
  shell.signOutButton.addEventListener('click', () => env.synnefo.signOut());

  env.synnefo.subscribe(async (session) => {
    if (!session) {
      poller.stop();
      compute = astakos = null;
      pending.clear();
      serverTable.clear();
      quotaTable.clear();
      shell.signedOut();
      return;
    }
    try {
      astakos = session.astakos;
      const c = await astakos.clientFor(CycladesComputeClient);
      const [f, i, r] = await Promise.all([c.listFlavors(true), c.listImages(true), astakos.getResources()]);
      flavors = new Map(f.map((x) => [String(x.id), x]));
      images = new Map(i.map((x) => [String(x.id), x]));
      resources = r;
      flavorSelect.replaceChildren(...f.map((x) => h('option', { value: String(x.id) }, `${x.name} — ${x.vcpus} CPU, ${x.ram} MiB, ${x.disk} GiB`)));
      imageSelect.replaceChildren(...i.map((x) => h('option', { value: String(x.id) }, x.name)));
      compute = c;
      shell.clearError();
      shell.signedIn(`${session.user.name ?? session.user.id} · ${new URL(astakos.authUrl).host}`);
      await refresh();
      if (visible) poller.start();
    } catch (err) {
      shell.showError(err, 'Opening Cyclades');
    }
  });

  return {
    root: shell.root,
    onShow() {
      visible = true;
      if (compute) poller.start();
    },
    onHide() {
      visible = false;
      poller.stop();
    },
  };
}
