// Triton CloudAPI: the account's machines, live, with start / stop / reboot. Every request is signed
// in this page with the user's SSH key (HTTP Signatures; pure JavaScript where crypto.subtle is absent).
import { clockTime, formatBytes, h, keyedTable, setText } from '../dom.js';
import { createPoller } from '../poller.js';
import { createShell } from '../shell.js';
import { signInForm } from '../sign-in.js';

const POLL_MS = 2000;
/** The state each action ends in (a reboot ends where it started, so it is followed in the audit log). */
const TARGET = { start: 'running', stop: 'stopped' };

export function tritonPanel(env) {
  const { DataCenter } = env.opskit.triton;
  const { waitFor } = env.opskit;
  const shell = createShell({
    id: 'triton',
    title: 'Triton machines',
    lead: 'Machines of a Triton data center (CloudAPI). Requests are signed with your SSH key, in this page.',
  });
  let dc = null;
  let imageNames = new Map();
  let visible = false;
  /** machine id → what is being done to it ("stopping…"), shown instead of buttons' normal state. */
  const pending = new Map();

  const table = keyedTable({
    caption: 'Machines',
    empty: 'No machines in this account.',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'state', label: 'State', class: 'state' },
      { key: 'image', label: 'Image' },
      { key: 'package', label: 'Package' },
      { key: 'memory', label: 'Memory', class: 'num' },
      { key: 'ip', label: 'Primary IP' },
      { key: 'actions', label: 'Actions', class: 'actions' },
    ],
    rowKey: (m) => m.id,
    create(cells, m, row) {
      row.dataset.name = m.name;
      row._buttons = {};
      for (const action of ['start', 'stop', 'reboot']) {
        const b = h('button', { type: 'button', dataset: { action }, onclick: () => act(row.dataset.key, action) }, action[0].toUpperCase() + action.slice(1));
        row._buttons[action] = b;
        cells.actions.append(b);
      }
      cells.actions.append((row._note = h('span', { class: 'note' })));
    },
    update(cells, m, row) {
      const state = m.state;
      setText(cells.name, m.name);
      setText(cells.state, state);
      cells.state.dataset.state = state;
      row.dataset.state = state;
      setText(cells.image, imageNames.get(m.image) ?? m.image);
      setText(cells.package, m.package);
      setText(cells.memory, m.memory ? formatBytes(m.memory * 1024 * 1024) : '—');
      setText(cells.ip, m.primaryIp || '—');
      const busy = pending.get(m.id);
      setText(row._note, busy ?? '');
      row._buttons.start.disabled = Boolean(busy) || state !== 'stopped';
      row._buttons.stop.disabled = Boolean(busy) || state !== 'running';
      row._buttons.reboot.disabled = Boolean(busy) || state !== 'running';
    },
  });
  let machines = new Map();

  const poller = createPoller(refresh, { interval: POLL_MS, onError: (err) => shell.showError(err, 'Refreshing machines') });

  async function refresh() {
    if (!dc) return;
    const list = await dc.machines().all();
    machines = new Map(list.map((m) => [m.id, m]));
    table.render(list);
    shell.setStatus(`${list.length} machine${list.length === 1 ? '' : 's'} · live, updated ${clockTime()}`);
  }

  /** Shows a machine's pending note and buttons at once, without waiting for the next poll. */
  function redraw(id) {
    if (machines.has(id)) table.render([...machines.values()]);
  }

  async function act(id, action) {
    const m = machines.get(id);
    if (!m || pending.has(id)) return;
    shell.clearError();
    const verb = { start: 'starting…', stop: 'stopping…', reboot: 'rebooting…' }[action];
    pending.set(id, verb);
    redraw(id);
    // Said once the table shows the result, not before.
    let done;
    try {
      if (action === 'reboot') {
        // A reboot starts and ends in `running`; CloudAPI records it in the machine's audit log
        // once done, so that is what is waited for.
        const before = (await m.audit()).filter((a) => a.action === 'reboot').length;
        await m.reboot();
        await waitFor(
          async () => (await m.audit()).filter((a) => a.action === 'reboot').length,
          (n) => n > before,
          { interval: 500, timeout: 60_000, what: `reboot of ${m.name}` },
        );
      } else {
        await m[action]();
        await m.waitFor(TARGET[action], {
          interval: 500,
          timeout: 60_000,
          onProgress: (p) => {
            // Show every state the machine passes through (stopping → stopped) as it happens.
            const state = p?.value?.state;
            const row = table.rows.get(id);
            if (state && row) {
              setText(row.cells.state, state);
              row.cells.state.dataset.state = state;
              row.row.dataset.state = state;
            }
          },
        });
      }
      done = `${m.name}: ${action} done at ${clockTime()}.`;
    } catch (err) {
      shell.showError(err, `${action} ${m.name}`);
    } finally {
      pending.delete(id);
      await poller.now();
      if (done) shell.setActivity(done);
    }
  }

  const form = signInForm({
    id: 'triton-signin',
    fields: [
      { name: 'url', label: 'CloudAPI URL', type: 'url', value: env.simUrl('triton') },
      { name: 'account', label: 'Account', type: 'text' },
      { name: 'key', label: 'Private key', type: 'key', hint: 'OpenSSH, PKCS#1, SEC1 or PKCS#8; RSA, ECDSA or Ed25519. It never leaves this page.' },
      { name: 'passphrase', label: 'Key passphrase (if encrypted)', type: 'password', required: false },
    ],
    fill: env.fill('triton'),
    async onSubmit({ url, account, key, passphrase }) {
      const client = new DataCenter({ url, account, key, ...(passphrase ? { passphrase } : {}) });
      const me = await client.getAccount();
      imageNames = new Map((await client.images()).map((i) => [i.id, i.name]));
      dc = client;
      shell.clearError();
      shell.signedIn(`${me.login} · ${new URL(url).host}`);
      await refresh();
      if (visible) poller.start();
    },
  });
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');

  const refreshButton = h('button', { type: 'button', onclick: () => poller.now() }, 'Refresh');
  shell.content.append(h('div', { class: 'toolbar' }, refreshButton, h('span', { class: 'muted' }, `States refresh every ${POLL_MS / 1000} s.`)), table.element);

  shell.signOutButton.addEventListener('click', () => {
    poller.stop();
    dc = null;
    machines = new Map();
    pending.clear();
    table.clear();
    shell.signedOut();
  });

  return {
    root: shell.root,
    onShow() {
      visible = true;
      if (dc) poller.start();
    },
    onHide() {
      visible = false;
      poller.stop();
    },
  };
}
