// mist.io: the account's backends (cloud accounts) and their machines, live, with start / stop /
// reboot. The session token from the login stays inside the MistClient.
import { clockTime, h, keyedTable, setText } from '../dom.js';
import { createPoller } from '../poller.js';
import { createShell } from '../shell.js';
import { signInForm } from '../sign-in.js';

const POLL_MS = 2000;
const TARGET = { start: 'running', stop: 'stopped', reboot: 'running' };
const VERB = { start: 'starting…', stop: 'stopping…', reboot: 'rebooting…' };

export function mistPanel(env) {
  const { MistClient } = env.opskit.mist;
  const shell = createShell({
    id: 'mist',
    title: 'mist.io machines',
    lead: 'Machines across the cloud backends of a mist.io account.',
  });
  let client = null;
  let visible = false;
  /** backend id → { backend, table, section, machines } */
  const views = new Map();
  const pending = new Map();
  const list = h('div', { class: 'backends' });

  function viewFor(backend) {
    let view = views.get(backend.id);
    if (view) return view;
    const table = keyedTable({
      empty: 'No machines on this backend.',
      columns: [
        { key: 'name', label: 'Name' },
        { key: 'state', label: 'State', class: 'state' },
        { key: 'public', label: 'Public IPs' },
        { key: 'private', label: 'Private IPs' },
        { key: 'actions', label: 'Actions', class: 'actions' },
      ],
      rowKey: (m) => m.id,
      create(cells, m, row) {
        row.dataset.name = m.name;
        row._buttons = {};
        for (const action of ['start', 'stop', 'reboot']) {
          const b = h('button', { type: 'button', dataset: { action }, onclick: () => act(backend.id, row.dataset.key, action) }, action[0].toUpperCase() + action.slice(1));
          row._buttons[action] = b;
          cells.actions.append(b);
        }
        cells.actions.append((row._note = h('span', { class: 'note' })));
      },
      update(cells, m, row) {
        const info = m.info;
        setText(cells.name, m.name);
        setText(cells.state, info.state);
        cells.state.dataset.state = info.state;
        row.dataset.state = info.state;
        setText(cells.public, (info.public_ips ?? []).join(', ') || '—');
        setText(cells.private, (info.private_ips ?? []).join(', ') || '—');
        const busy = pending.get(m.id);
        setText(row._note, busy ?? '');
        row._buttons.start.disabled = Boolean(busy) || !info.can_start;
        row._buttons.stop.disabled = Boolean(busy) || !info.can_stop;
        row._buttons.reboot.disabled = Boolean(busy) || !info.can_reboot;
      },
    });
    const heading = h('h3', {});
    const section = h('section', { class: 'backend', dataset: { backend: backend.id } }, heading, table.element);
    view = { backend, table, section, heading, machines: new Map() };
    views.set(backend.id, view);
    list.append(section);
    return view;
  }

  const poller = createPoller(refresh, { interval: POLL_MS, onError: (err) => shell.showError(err, 'Refreshing machines') });

  async function refresh() {
    if (!client) return;
    const backends = await client.updateBackends();
    let total = 0;
    for (const backend of backends.values()) {
      const view = viewFor(backend);
      // Only public facts of a backend are shown: its info also holds the provider API key.
      setText(view.heading, `${backend.title} · ${backend.provider}${backend.enabled ? '' : ' (disabled)'}`);
      view.section.dataset.title = backend.title;
      const machines = backend.enabled ? await backend.updateMachines() : new Map();
      view.machines = machines;
      view.table.render([...machines.values()]);
      total += machines.size;
    }
    for (const [id, view] of views) {
      if (!backends.has(id)) {
        view.section.remove();
        views.delete(id);
      }
    }
    shell.setStatus(`${backends.size} backend${backends.size === 1 ? '' : 's'}, ${total} machines · live, updated ${clockTime()}`);
  }

  async function act(backendId, machineId, action) {
    const view = views.get(backendId);
    const m = view?.machines.get(machineId);
    if (!m || pending.has(machineId)) return;
    shell.clearError();
    pending.set(machineId, VERB[action]);
    view.table.render([...view.machines.values()]);
    // Said once the table shows the result, not before.
    let done;
    try {
      await m[action]();
      await m.waitForState(TARGET[action], {
        interval: 500,
        timeout: 60_000,
        onProgress: (p) => {
          const state = p?.value?.state;
          const entry = view.table.rows.get(machineId);
          if (state && entry) {
            setText(entry.cells.state, state);
            entry.cells.state.dataset.state = state;
            entry.row.dataset.state = state;
          }
        },
      });
      done = `${m.name}: ${action} done at ${clockTime()}.`;
    } catch (err) {
      shell.showError(err, `${action} ${m.name}`);
    } finally {
      pending.delete(machineId);
      await poller.now();
      if (done) shell.setActivity(done);
    }
  }

  const form = signInForm({
    id: 'mist-signin',
    fields: [
      { name: 'url', label: 'mist.io URL', type: 'url', value: env.simUrl('mist') },
      { name: 'email', label: 'E-mail', type: 'email' },
      { name: 'password', label: 'Password', type: 'password' },
    ],
    fill: env.fill('mist'),
    async onSubmit({ url, email, password }) {
      const c = await MistClient.login({ mistUri: url, email, password });
      client = c;
      shell.clearError();
      shell.signedIn(`${email} · ${new URL(url).host}`);
      await refresh();
      if (visible) poller.start();
    },
  });
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');
  shell.content.append(
    h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => poller.now() }, 'Refresh'), h('span', { class: 'muted' }, `States refresh every ${POLL_MS / 1000} s.`)),
    list,
  );

  shell.signOutButton.addEventListener('click', () => {
    poller.stop();
    client = null;
    pending.clear();
    for (const view of views.values()) view.section.remove();
    views.clear();
    shell.signedOut();
  });

  return {
    root: shell.root,
    onShow() {
      visible = true;
      if (client) poller.start();
    },
    onHide() {
      visible = false;
      poller.stop();
    },
  };
}
