// Turbonomic: the market's entities, fetched a page at a time as the list is scrolled (opskit's
// TurboPaged follows the server's cursors), and the pending actions, to accept or reject.
// The session is the JSESSIONID cookie, kept by the browser (`credentials: 'include'`) and never
// visible to this page's scripts.
import { clockTime, h, keyedTable, setText } from '../dom.js';
import { createShell } from '../shell.js';
import { signInForm } from '../sign-in.js';

const PAGE_SIZE = 50;

export function turbonomicPanel(env) {
  const { Connection } = env.opskit.turbonomic;
  const shell = createShell({
    id: 'turbonomic',
    title: 'Turbonomic entities and actions',
    lead: 'The real-time market: every entity, loaded page by page as you scroll, and the actions Turbonomic recommends.',
  });
  let conn = null;
  let paging = null;
  let loading = false;

  // ---- Entities, paged as you scroll ----
  let index = 0;
  const entities = keyedTable({
    empty: 'No entities.',
    columns: [
      { key: 'n', label: '#', class: 'num' },
      { key: 'name', label: 'Name' },
      { key: 'class', label: 'Type' },
      { key: 'state', label: 'State', class: 'state' },
      { key: 'severity', label: 'Severity' },
      { key: 'env', label: 'Environment' },
      { key: 'target', label: 'Discovered by' },
    ],
    rowKey: (e) => e.uuid,
    create(cells, e, row) {
      row.dataset.name = e.displayName;
      setText(cells.n, ++index);
    },
    update(cells, e) {
      setText(cells.name, e.displayName);
      setText(cells.class, e.className);
      setText(cells.state, e.state);
      setText(cells.severity, e.severity ?? '—');
      setText(cells.env, e.environmentType ?? '—');
      setText(cells.target, e.discoveredBy?.displayName ?? '—');
    },
  });
  const counter = h('p', { class: 'counter', id: 'turbonomic-entities-counter', 'aria-live': 'polite' });
  const sentinel = h('div', { class: 'sentinel' }, 'Loading more…');
  const scroller = h('div', { class: 'scroll', tabindex: 0, 'aria-label': 'Entities' }, entities.element, sentinel);
  const observer = new IntersectionObserver((records) => {
    if (records.some((r) => r.isIntersecting)) void loadMore();
  }, { root: scroller, rootMargin: '0px 0px 120px 0px' });
  // The observer reports changes only; a scroll that ends where the sentinel already was in view
  // (a fast fling, or rows arriving while it was visible) is caught here.
  scroller.addEventListener('scroll', () => {
    if (paging && !paging.done && !loading && isVisible(sentinel, scroller)) void loadMore();
  }, { passive: true });

  function showCounter() {
    const total = paging.recordsTotal >= 0 ? paging.recordsTotal : '?';
    setText(counter, `${paging.recordsFetched} of ${total} entities loaded${paging.complete ? ' (all)' : ''}`);
    counter.dataset.loaded = String(paging.recordsFetched);
    counter.dataset.total = String(paging.recordsTotal);
  }

  async function loadMore() {
    if (!paging || loading || paging.done) return;
    loading = true;
    const current = paging;
    try {
      const { value, done } = await current.pages.next();
      if (current !== paging) return;
      if (done) {
        current.done = true;
        sentinel.hidden = true;
      } else {
        entities.append(value);
      }
      showCounter();
    } catch (err) {
      if (current === paging) {
        current.done = true;
        shell.showError(err, 'Loading entities');
      }
    } finally {
      loading = false;
    }
    // The page may not fill the box yet: keep going while the sentinel is in view.
    if (paging && !paging.done && isVisible(sentinel, scroller)) void loadMore();
  }

  function startPaging() {
    index = 0;
    entities.clear();
    sentinel.hidden = false;
    const list = conn.getEntities({ limit: PAGE_SIZE });
    paging = {
      list,
      pages: list.pages()[Symbol.asyncIterator](),
      done: false,
      get recordsFetched() {
        return list.recordsFetched;
      },
      get recordsTotal() {
        return list.recordsTotal;
      },
      get complete() {
        return list.complete;
      },
    };
    observer.observe(sentinel);
    return loadMore();
  }

  // ---- Actions ----
  const actionsStatus = h('p', { class: 'counter', id: 'turbonomic-actions-status', 'aria-live': 'polite' });
  const actions = keyedTable({
    empty: 'No actions.',
    columns: [
      { key: 'type', label: 'Action' },
      { key: 'target', label: 'Target' },
      { key: 'details', label: 'Details' },
      { key: 'risk', label: 'Risk' },
      { key: 'state', label: 'State', class: 'state' },
      { key: 'decide', label: '', class: 'actions' },
    ],
    rowKey: (a) => a.uuid,
    create(cells, a, row) {
      row._accept = h('button', { type: 'button', class: 'primary', dataset: { action: 'accept' }, onclick: () => decide(row.dataset.key, true) }, 'Accept');
      row._reject = h('button', { type: 'button', dataset: { action: 'reject' }, onclick: () => decide(row.dataset.key, false) }, 'Reject');
      cells.decide.append(row._accept, row._reject);
    },
    update(cells, a, row) {
      setText(cells.type, a.actionType);
      setText(cells.target, a.target?.displayName ?? '—');
      setText(cells.details, a.details ?? '');
      setText(cells.risk, a.risk ? `${a.risk.severity ?? ''} ${a.risk.description ?? ''}`.trim() : '—');
      setText(cells.state, a.actionState);
      cells.state.dataset.state = a.actionState;
      row.dataset.state = a.actionState;
      const open = a.actionState === 'READY' || a.actionState === 'PENDING_ACCEPT';
      row._accept.disabled = !open || row._busy === true;
      row._reject.disabled = !open || row._busy === true;
    },
  });
  actions.element.id = 'turbonomic-actions';
  let actionList = [];

  async function loadActions() {
    actionList = await conn.getActions({ fetchAll: true });
    actions.render(actionList);
    const open = actionList.filter((a) => a.actionState === 'READY').length;
    setText(actionsStatus, `${actionList.length} actions, ${open} awaiting a decision · updated ${clockTime()}`);
    actionsStatus.dataset.total = String(actionList.length);
    actionsStatus.dataset.open = String(open);
  }

  async function decide(uuid, accept) {
    const entry = actions.rows.get(uuid);
    if (!entry) return;
    shell.clearError();
    entry.row._busy = true;
    entry.row._accept.disabled = entry.row._reject.disabled = true;
    try {
      await conn.updateAction(uuid, accept);
    } catch (err) {
      shell.showError(err, `${accept ? 'Accepting' : 'Rejecting'} action`);
    } finally {
      entry.row._busy = false;
      try {
        await loadActions();
      } catch (err) {
        shell.showError(err, 'Loading actions');
      }
    }
  }

  const form = signInForm({
    id: 'turbonomic-signin',
    fields: [
      { name: 'url', label: 'Turbonomic URL', type: 'url', value: env.simUrl('turbonomic') },
      { name: 'username', label: 'User name', type: 'text' },
      { name: 'password', label: 'Password', type: 'password' },
    ],
    fill: env.fill('turbonomic'),
    async onSubmit({ url, username, password }) {
      const warnings = [];
      // The page is on another origin than the server: the browser sends the session cookie only
      // with credentials 'include' (and the server's CORS answer allowing credentials).
      const c = await Connection.connect({ url, username, password, credentials: 'include', onWarning: (w) => warnings.push(w) });
      conn = c;
      shell.clearError();
      const version = c.version?.version ? `Turbonomic ${c.version.version}${c.isXl() ? ' (XL)' : ' (Classic)'}` : 'Turbonomic';
      shell.signedIn(`${username} · ${version} · ${new URL(url).host}`);
      shell.setStatus(warnings.some((w) => w?.name === 'HTTPWarning' || /http/i.test(String(w?.message))) ? 'Connected over plain HTTP (fine for a simulator, not for a real server).' : 'Connected.');
      await Promise.all([startPaging(), loadActions()]);
    },
  });
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');
  shell.content.append(
    h('h3', {}, 'Entities'),
    counter,
    scroller,
    h('div', { class: 'toolbar' }, h('h3', {}, 'Actions'), h('button', { type: 'button', onclick: () => loadActions().catch((err) => shell.showError(err, 'Loading actions')) }, 'Refresh')),
    actionsStatus,
    actions.element,
  );

  shell.signOutButton.addEventListener('click', () => {
    observer.disconnect();
    conn = null;
    paging = null;
    entities.clear();
    actions.clear();
    setText(counter, '');
    setText(actionsStatus, '');
    shell.signedOut();
  });

  return {
    root: shell.root,
    onShow() {
      if (paging && !paging.done && isVisible(sentinel, scroller)) void loadMore();
    },
  };
}

function isVisible(el, container) {
  if (el.hidden || container.offsetParent === null) return false;
  const a = el.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  return a.top < b.bottom + 120 && a.bottom > b.top;
}
