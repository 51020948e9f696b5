// The admin console: one tab per API family, each signing in with opskit's browser bundle and
// administering that family's server (here: the simulators `npm run console` serves).
import * as opskit from '../opskit.js';
import { h, setText } from './dom.js';
import { tritonPanel } from './panels/triton.js';
import { mistPanel } from './panels/mist.js';
import { turbonomicPanel } from './panels/turbonomic.js';
import { vigilesPanel } from './panels/vigiles.js';
import { synnefoPanel } from './panels/synnefo.js';
import { pithosPanel } from './panels/pithos.js';
import { createSynnefoSession } from './synnefo-session.js';

/** Every panel, in tab order. `available` says whether this build of opskit has the family. */
const PANELS = [
  { id: 'triton', title: 'Triton', available: (o) => Boolean(o.triton?.DataCenter), mount: tritonPanel },
  { id: 'mist', title: 'mist.io', available: (o) => Boolean(o.mist?.MistClient), mount: mistPanel },
  { id: 'turbonomic', title: 'Turbonomic', available: (o) => Boolean(o.turbonomic?.Connection), mount: turbonomicPanel },
  { id: 'vigiles', title: 'Vigiles', available: (o) => Boolean(o.timesys?.Llapi), mount: vigilesPanel },
  { id: 'synnefo', title: 'Synnefo', available: (o) => Boolean(o.synnefo?.AstakosClient && o.synnefo?.CycladesComputeClient), mount: synnefoPanel },
  { id: 'pithos', title: 'Pithos+', available: (o) => Boolean(o.synnefo?.AstakosClient && o.synnefo?.PithosClient), mount: pithosPanel },
];

/** The simulator family behind each panel (Pithos+ is the Synnefo cloud's object store). */
const SIM_OF = { triton: 'triton', mist: 'mist', turbonomic: 'turbonomic', vigiles: 'timesys', synnefo: 'synnefo', pithos: 'synnefo' };

async function loadJson(path) {
  try {
    const res = await fetch(path, { cache: 'no-store' });
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

async function start() {
  const config = (await loadJson('config.json')) ?? { simulators: false, families: {} };
  const secure = globalThis.isSecureContext === true;
  const subtle = typeof globalThis.crypto?.subtle?.digest === 'function';
  const context = document.getElementById('context');
  context.dataset.secure = String(secure);
  context.dataset.subtle = String(subtle);
  setText(
    context,
    subtle
      ? `${location.origin} is a secure context: signing uses WebCrypto where it can.`
      : `${location.origin} is not a secure context (no crypto.subtle): opskit signs in pure JavaScript.`,
  );

  let credentials;
  const env = {
    opskit,
    config,
    /** The URL of a family's simulator, on the host name this page was loaded from. */
    simUrl(family) {
      const f = config.families?.[SIM_OF[family] ?? family];
      if (!f) return '';
      const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
      return `${location.protocol}//${host}:${f.port}${f.path ?? ''}`;
    },
    /** The simulator's demo credentials for a family's form, fetched only when asked for. */
    fill: config.simulators
      ? (family) => async () => {
          credentials ??= await loadJson('sim-credentials.json');
          return credentials?.[SIM_OF[family] ?? family];
        }
      : () => undefined,
    synnefo: createSynnefoSession(opskit),
  };

  const tabs = document.getElementById('tabs');
  const panels = document.getElementById('panels');
  const mounted = new Map();
  for (const p of PANELS) {
    const ok = p.available(opskit);
    const tab = h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${p.id}`, 'aria-controls': p.id, 'aria-selected': 'false', disabled: !ok, title: ok ? undefined : 'not in this build of opskit', onclick: () => select(p.id) },
      p.title,
    );
    tabs.append(tab);
    if (!ok) continue;
    const panel = p.mount(env);
    panels.append(panel.root);
    mounted.set(p.id, { tab, panel });
  }

  let current = null;
  function select(id) {
    if (!mounted.has(id) || current === id) return;
    if (current) {
      const prev = mounted.get(current);
      prev.tab.setAttribute('aria-selected', 'false');
      prev.panel.root.hidden = true;
      prev.panel.onHide?.();
    }
    current = id;
    const next = mounted.get(id);
    next.tab.setAttribute('aria-selected', 'true');
    next.panel.root.hidden = false;
    next.panel.onShow?.();
    if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  }
  const fromHash = () => select(location.hash.slice(1));
  addEventListener('hashchange', fromHash);
  select(mounted.has(location.hash.slice(1)) ? location.hash.slice(1) : [...mounted.keys()][0]);
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  const box = document.getElementById('fatal');
  box.hidden = false;
  box.textContent = `The console could not start: ${err?.message ?? err}`;
});
