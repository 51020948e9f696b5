// Pithos+: the user's containers and files, with uploads (block by block: hashed here, only the
// blocks the server lacks are sent) and downloads (every block checked against its hash), each
// with a progress bar. Signs in through the same Astakos session as the Synnefo panel.
import { clockTime, formatBytes, h, keyedTable, saveBytes, setText } from '../dom.js';
import { createShell } from '../shell.js';
import { synnefoSignInForm } from './synnefo.js';

/** What this panel calls on a PithosClient; a build without one of them says so instead of failing later. */
const NEEDED = ['getAccountInfo', 'listContainers', 'createContainer', 'listObjects', 'uploadObject', 'downloadToBytes', 'deleteObject'];

export function pithosPanel(env) {
  const { PithosClient } = env.opskit.synnefo;
  const shell = createShell({
    id: 'pithos',
    title: 'Pithos+ files',
    lead: 'Object storage of the Synnefo cloud: containers and files, uploaded and downloaded block by block.',
  });
  let pithos = null;
  let selected = null;
  let busy = false;

  const account = h('p', { class: 'counter', id: 'pithos-account' });

  const containers = keyedTable({
    caption: 'Containers',
    empty: 'No containers.',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'count', label: 'Files', class: 'num' },
      { key: 'bytes', label: 'Size', class: 'num' },
      { key: 'modified', label: 'Modified' },
    ],
    rowKey: (c) => c.name,
    create(cells, c, row) {
      row.dataset.name = c.name;
      cells.name.append((row._open = h('button', { type: 'button', class: 'link', onclick: () => openContainer(c.name) }, c.name)));
    },
    update(cells, c, row) {
      row.classList.toggle('selected', c.name === selected);
      setText(cells.count, c.count ?? '—');
      setText(cells.bytes, formatBytes(c.bytes ?? 0));
      setText(cells.modified, c.last_modified ? new Date(c.last_modified).toLocaleString() : '—');
    },
  });

  containers.element.id = 'pithos-containers';
  const objectsTitle = h('h3', {}, 'Files');
  const objects = keyedTable({
    empty: 'No files in this container.',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'bytes', label: 'Size', class: 'num' },
      { key: 'type', label: 'Type' },
      { key: 'modified', label: 'Modified' },
      { key: 'actions', label: 'Actions', class: 'actions' },
    ],
    rowKey: (o) => o.name,
    create(cells, o, row) {
      row.dataset.name = o.name;
      const down = h('button', { type: 'button', dataset: { action: 'download' }, onclick: () => download(o.name) }, 'Download');
      const del = h('button', { type: 'button', dataset: { action: 'delete' } }, 'Delete');
      del.addEventListener('click', () => remove(o.name, del));
      cells.actions.append(down, del);
      row._buttons = [down, del];
    },
    update(cells, o, row) {
      setText(cells.name, o.name);
      setText(cells.bytes, formatBytes(o.bytes));
      cells.bytes.dataset.value = String(o.bytes);
      setText(cells.type, o.content_type ?? '—');
      setText(cells.modified, o.last_modified ? new Date(o.last_modified).toLocaleString() : '—');
      for (const b of row._buttons) b.disabled = busy;
    },
  });

  objects.element.id = 'pithos-objects';

  // ---- transfers ----
  const fileInput = h('input', { type: 'file', id: 'pithos-file' });
  const uploadButton = h('button', { type: 'submit', class: 'primary' }, 'Upload');
  const progress = h('progress', { id: 'pithos-progress', max: 100, value: 0 });
  const progressLabel = h('span', { id: 'pithos-progress-label', class: 'progress-label', 'aria-live': 'polite' });
  const uploadForm = h('form', { class: 'inline-form', id: 'pithos-upload' }, h('label', { for: 'pithos-file' }, 'File'), fileInput, uploadButton);
  uploadForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void upload();
  });
  const transfer = h('div', { class: 'transfer' }, progress, progressLabel);

  const newContainer = h('input', { type: 'text', id: 'pithos-new-container', required: true, placeholder: 'photos', spellcheck: 'false' });
  const containerForm = h('form', { class: 'inline-form', id: 'pithos-create' }, h('label', { for: 'pithos-new-container' }, 'New container'), newContainer, h('button', { type: 'submit' }, 'Create'));
  containerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    shell.clearError();
    try {
      const name = newContainer.value.trim();
      await pithos.createContainer(name);
      newContainer.value = '';
      await loadContainers();
      await openContainer(name);
    } catch (err) {
      shell.showError(err, 'Creating a container');
    }
  });

  function setBusy(value) {
    busy = value;
    uploadButton.disabled = value;
    for (const entry of objects.rows.values()) for (const b of entry.row._buttons) b.disabled = value;
  }

  function showProgress(p, verb) {
    const total = p.totalBytes ?? 0;
    // Hashing is the first half of an upload's bar, sending the second; a download is one phase.
    const fraction = total > 0 ? p.bytes / total : 1;
    const value = verb === 'upload' ? (p.phase === 'hashing' ? fraction * 50 : 50 + fraction * 50) : fraction * 100;
    progress.value = Math.round(value * 10) / 10;
    progress.dataset.phase = p.phase ?? verb;
    const blocks = p.totalBlocks !== undefined ? ` · block ${p.blocks ?? 0} of ${p.totalBlocks}` : '';
    setText(progressLabel, `${p.phase ?? verb}: ${formatBytes(p.bytes ?? 0)} of ${formatBytes(total)}${blocks}`);
  }

  async function upload() {
    const file = fileInput.files?.[0];
    if (!file || !pithos || !selected) return;
    shell.clearError();
    setBusy(true);
    progress.value = 0;
    progress.dataset.phase = 'starting';
    setText(progressLabel, `Uploading ${file.name}…`);
    try {
      const r = await pithos.uploadObject(file.name, file, { contentType: file.type || 'application/octet-stream', onProgress: (p) => showProgress(p, 'upload') });
      progress.value = 100;
      progress.dataset.phase = 'done';
      const dedup = r.bytesSent === 0 && file.size > 0 ? ' (the server already had every block)' : '';
      setText(progressLabel, `Uploaded ${file.name}: ${formatBytes(file.size)}, ${r.blocksSent ?? '?'} block(s) sent${dedup}.`);
      fileInput.value = '';
      await Promise.all([loadObjects(), loadContainers(), loadAccount()]);
    } catch (err) {
      progress.dataset.phase = 'failed';
      setText(progressLabel, `Upload of ${file.name} failed.`);
      shell.showError(err, `Uploading ${file.name}`);
    } finally {
      setBusy(false);
    }
  }

  async function download(name) {
    if (!pithos || busy) return;
    shell.clearError();
    setBusy(true);
    progress.value = 0;
    progress.dataset.phase = 'starting';
    setText(progressLabel, `Downloading ${name}…`);
    try {
      const info = objects.rows.get(name);
      const bytes = await pithos.downloadToBytes(name, { onProgress: (p) => showProgress({ ...p, phase: 'downloading' }, 'download') });
      progress.value = 100;
      progress.dataset.phase = 'done';
      setText(progressLabel, `Downloaded ${name}: ${formatBytes(bytes.length)}, every block checked against its hash.`);
      const type = info?.cells.type.textContent && info.cells.type.textContent !== '—' ? info.cells.type.textContent : 'application/octet-stream';
      saveBytes(bytes, name.split('/').pop() || 'download', type);
    } catch (err) {
      progress.dataset.phase = 'failed';
      setText(progressLabel, `Download of ${name} failed.`);
      shell.showError(err, `Downloading ${name}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(name, button) {
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Confirm delete';
      setTimeout(() => {
        delete button.dataset.confirm;
        button.textContent = 'Delete';
      }, 4000);
      return;
    }
    shell.clearError();
    try {
      await pithos.deleteObject(name);
      await Promise.all([loadObjects(), loadContainers(), loadAccount()]);
    } catch (err) {
      shell.showError(err, `Deleting ${name}`);
    }
  }

  async function loadAccount() {
    const info = await pithos.getAccountInfo();
    const used = Number(info['x-account-bytes-used'] ?? 0);
    const quota = Number(info['x-account-policy-quota'] ?? NaN);
    setText(account, Number.isFinite(quota) && quota > 0 ? `${formatBytes(used)} used of ${formatBytes(quota)}` : `${formatBytes(used)} used`);
    account.dataset.used = String(used);
  }

  async function loadContainers() {
    const list = await pithos.listContainers().all();
    containers.render(list);
    return list;
  }

  async function loadObjects() {
    if (!selected) return;
    const list = await pithos.listObjects().all();
    objects.render(list.filter((o) => o.name !== undefined));
    shell.setStatus(`${selected}: ${list.length} file${list.length === 1 ? '' : 's'} · updated ${clockTime()}`);
  }

  async function openContainer(name) {
    if (!name) return;
    shell.clearError();
    selected = name;
    pithos.container = name;
    setText(objectsTitle, `Files in ${name}`);
    objects.clear();
    for (const [key, entry] of containers.rows) entry.row.classList.toggle('selected', key === name);
    try {
      await loadObjects();
    } catch (err) {
      shell.showError(err, `Listing ${name}`);
    }
  }

  const form = synnefoSignInForm(env, 'pithos-signin');
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');
  shell.content.append(
    account,
    containers.element,
    containerForm,
    objectsTitle,
    objects.element,
    uploadForm,
    transfer,
  );
  shell.signOutButton.addEventListener('click', () => env.synnefo.signOut());

  env.synnefo.subscribe(async (session) => {
    if (!session) {
      pithos = null;
      selected = null;
      containers.clear();
      objects.clear();
      setText(account, '');
      shell.signedOut();
      return;
    }
    try {
      const client = await session.astakos.clientFor(PithosClient, { account: session.user.id, container: 'pithos' });
      const missing = NEEDED.filter((m) => typeof client[m] !== 'function');
      if (missing.length) throw new Error(`this build of opskit's PithosClient lacks ${missing.join(', ')}`);
      pithos = client;
      shell.clearError();
      shell.signedIn(`${session.user.name ?? session.user.id} · ${new URL(session.astakos.authUrl).host}`);
      await loadAccount();
      const list = await loadContainers();
      await openContainer(list.some((c) => c.name === 'pithos') ? 'pithos' : list[0]?.name);
    } catch (err) {
      shell.showError(err, 'Opening Pithos+');
    }
  });

  return { root: shell.root };
}
