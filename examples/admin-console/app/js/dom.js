// A few DOM helpers instead of a UI framework. Text is always set as text (never as HTML), so
// nothing a server returns can inject markup.

/**
 * Creates an element: `h('button', { class: 'x', onclick }, 'Label')`. Attributes whose value is
 * `false`, `null` or `undefined` are left out; `on*` functions become event listeners.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Sets an element's text only when it changed (keeps selection and avoids layout work). */
export function setText(el, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (el.textContent !== value) el.textContent = value;
}

/**
 * A table whose rows are kept by key: rows are created once and updated in place on every
 * refresh, so a button someone is about to click is never replaced under the pointer.
 *
 * @param {{ columns: { key: string, label: string, class?: string }[], rowKey: (item) => string,
 *           update: (cells: Record<string, HTMLElement>, item, row: HTMLTableRowElement) => void,
 *           create?: (cells: Record<string, HTMLElement>, item, row: HTMLTableRowElement) => void,
 *           empty?: string, caption?: string }} spec
 */
export function keyedTable(spec) {
  const tbody = h('tbody');
  const table = h(
    'table',
    {},
    spec.caption ? h('caption', {}, spec.caption) : null,
    h('thead', {}, h('tr', {}, spec.columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
    tbody,
  );
  const rows = new Map();
  const emptyRow = h('tr', { class: 'empty' }, h('td', { colspan: spec.columns.length }, spec.empty ?? 'Nothing here.'));
  tbody.append(emptyRow);
  return {
    element: table,
    rows,
    /** Replaces the content with `items` (in order), reusing rows with the same key. */
    render(items) {
      const seen = new Set();
      let previous = null;
      for (const item of items) {
        const key = spec.rowKey(item);
        seen.add(key);
        let entry = rows.get(key);
        if (!entry) {
          const cells = {};
          const row = h('tr', { dataset: { key } });
          for (const c of spec.columns) row.append((cells[c.key] = h('td', { class: c.class, dataset: { col: c.key } })));
          entry = { row, cells };
          rows.set(key, entry);
          spec.create?.(cells, item, row);
        }
        spec.update(entry.cells, item, entry.row);
        const anchor = previous ? previous.nextSibling : tbody.firstChild;
        if (anchor !== entry.row) tbody.insertBefore(entry.row, anchor);
        previous = entry.row;
      }
      for (const [key, entry] of rows) {
        if (!seen.has(key)) {
          entry.row.remove();
          rows.delete(key);
        }
      }
      if (items.length === 0) tbody.append(emptyRow);
      else emptyRow.remove();
    },
    /** Appends items after the existing rows (for lists that grow as you scroll). */
    append(items) {
      emptyRow.remove();
      for (const item of items) {
        const key = spec.rowKey(item);
        if (rows.has(key)) continue;
        const cells = {};
        const row = h('tr', { dataset: { key } });
        for (const c of spec.columns) row.append((cells[c.key] = h('td', { class: c.class, dataset: { col: c.key } })));
        rows.set(key, { row, cells });
        spec.create?.(cells, item, row);
        spec.update(cells, item, row);
        tbody.append(row);
      }
    },
    clear() {
      rows.clear();
      tbody.replaceChildren(emptyRow);
    },
  };
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A time of day for "updated at" lines. */
export function clockTime(date = new Date()) {
  return date.toLocaleTimeString([], { hour12: false });
}

/** What to show for an error: opskit's messages never contain a secret; others are kept short. */
export function describeError(err) {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') {
    const name = typeof err.name === 'string' && err.name !== 'Error' ? `${err.name}: ` : '';
    return `${name}${err.message}`.slice(0, 500);
  }
  return String(err).slice(0, 500);
}

/** Saves bytes as a file through a temporary object URL. */
export function saveBytes(bytes, fileName, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; give the browser a moment before releasing the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
