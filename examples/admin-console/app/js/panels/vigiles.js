// Timesys Vigiles: products (Vigiles groups) with the CVE counts of each manifest's latest report,
// and report downloads. Every request carries an HMAC signature computed in this page from the
// user's API key (pure JavaScript where crypto.subtle is absent).
import { clockTime, h, keyedTable, saveBytes, setText } from '../dom.js';
import { createShell } from '../shell.js';
import { signInForm } from '../sign-in.js';

const FALLBACK_FORMATS = ['pdf', 'pdfsummary', 'csv', 'xlsx', 'cyclonedx-vex', 'cyclonedx-sbom-vex'];
const FILE = {
  pdf: ['pdf', 'application/pdf'],
  pdfsummary: ['pdf', 'application/pdf'],
  csv: ['csv', 'text/csv'],
  xlsx: ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

export function vigilesPanel(env) {
  const { Llapi } = env.opskit.timesys;
  const formats = env.opskit.timesys.REPORT_FORMATS ?? FALLBACK_FORMATS;
  const shell = createShell({
    id: 'vigiles',
    title: 'Vigiles products',
    lead: 'Products and their SBOM manifests with the CVEs of the latest scan, and the reports to download.',
  });
  let llapi = null;
  const products = h('div', { class: 'products' });

  async function load() {
    const [groups, manifests] = await Promise.all([llapi.getGroups(), llapi.getManifests()]);
    const reports = await mapLimited(manifests, 4, async (m) => {
      try {
        return await llapi.getLatestReport(m.manifest_token);
      } catch (err) {
        return { error: err };
      }
    });
    const byGroup = new Map(groups.map((g) => [g.token, { group: g, rows: [] }]));
    manifests.forEach((m, i) => {
      const bucket = byGroup.get(m.group_token) ?? byGroup.set(m.group_token, { group: { token: m.group_token, name: 'Other group' }, rows: [] }).get(m.group_token);
      bucket.rows.push({ manifest: m, report: reports[i] });
    });
    products.replaceChildren(...[...byGroup.values()].map(productCard));
    shell.setStatus(`${byGroup.size} products, ${manifests.length} manifests · updated ${clockTime()}`);
  }

  function productCard({ group, rows }) {
    const sum = (f) => rows.reduce((n, r) => n + (f(r.report) ?? 0), 0);
    const unfixed = sum((r) => r?.counts?.unfixed);
    const table = keyedTable({
      empty: 'No manifests in this product.',
      columns: [
        { key: 'name', label: 'Manifest' },
        { key: 'date', label: 'Scanned' },
        { key: 'unfixed', label: 'Unfixed', class: 'num' },
        { key: 'fixed', label: 'Fixed', class: 'num' },
        ...SEVERITIES.map((s) => ({ key: s, label: s[0].toUpperCase() + s.slice(1), class: `num sev-${s}` })),
        { key: 'report', label: 'Report', class: 'actions' },
      ],
      rowKey: (r) => r.manifest.manifest_token,
      create(cells, r, row) {
        row.dataset.name = r.manifest.manifest_name;
        if (!r.report || r.report.error || !r.report.report_token) return;
        const select = h('select', { 'aria-label': `Report format for ${r.manifest.manifest_name}` }, formats.map((f) => h('option', { value: f, selected: f === 'pdf' }, f)));
        const button = h('button', { type: 'button', dataset: { action: 'download' } }, 'Download');
        button.addEventListener('click', () => download(r, select.value, button));
        cells.report.append(select, button);
      },
      update(cells, r) {
        const rep = r.report;
        setText(cells.name, r.manifest.manifest_name);
        if (!rep || rep.error) {
          setText(cells.date, rep?.error ? 'no report' : '—');
          return;
        }
        setText(cells.date, rep.date ? new Date(rep.date).toLocaleString() : '—');
        setText(cells.unfixed, rep.counts?.unfixed ?? '—');
        setText(cells.fixed, rep.counts?.fixed ?? '—');
        for (const s of SEVERITIES) setText(cells[s], rep.cvss_counts?.[s] ?? '—');
      },
    });
    table.render(rows);
    const critical = sum((r) => r?.cvss_counts?.critical);
    return h(
      'section',
      { class: 'product', dataset: { product: group.name, unfixed: String(unfixed) } },
      h('h3', {}, group.name, ' ', h('span', { class: 'badge', title: 'Unfixed CVEs in the latest reports' }, `${unfixed} unfixed CVEs`), critical ? h('span', { class: 'badge sev-critical' }, `${critical} critical`) : null),
      group.description ? h('p', { class: 'muted' }, group.description) : null,
      table.element,
    );
  }

  async function download(r, format, button) {
    shell.clearError();
    button.disabled = true;
    const label = button.textContent;
    button.textContent = 'Downloading…';
    try {
      const bytes = await llapi.downloadReport(r.report.report_token, format);
      const [ext, type] = FILE[format] ?? ['json', 'application/json'];
      saveBytes(bytes, `${r.manifest.manifest_name}-${format}.${ext}`, type);
      shell.setActivity(`Downloaded the ${format} report of ${r.manifest.manifest_name} (${bytes.length} bytes).`);
    } catch (err) {
      shell.showError(err, `Downloading the ${format} report`);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  const form = signInForm({
    id: 'vigiles-signin',
    fields: [
      { name: 'url', label: 'Vigiles server', type: 'url', value: env.simUrl('vigiles') },
      { name: 'email', label: 'E-mail', type: 'email' },
      { name: 'key', label: 'API key', type: 'password', hint: 'The "key" (or organization_key) of your linuxlink_key file.' },
    ],
    fill: env.fill('vigiles'),
    async onSubmit({ url, email, key }) {
      const client = new Llapi({ url, email, key });
      await client.heartbeat();
      llapi = client;
      shell.clearError();
      shell.signedIn(`${email} · ${new URL(url).host}`);
      await load();
    },
  });
  shell.signin.append(form.element);
  shell.setStatus('Not signed in.');
  shell.content.append(h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => load().catch((err) => shell.showError(err, 'Loading products')) }, 'Refresh')), products);

  shell.signOutButton.addEventListener('click', () => {
    llapi = null;
    products.replaceChildren();
    shell.signedOut();
  });

  return { root: shell.root };
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight. */
async function mapLimited(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
