// Page side of the Chromium runner (served by test/runtime/chromium.mjs). No node:*, no bare imports.
import { createHarness, summaryLine } from './harness.mjs';

/**
 * Runs every scenario against the single-file browser bundle.
 * @param {{ expect: 'secure' | 'insecure', filter?: string }} options
 */
export async function run({ expect, filter }) {
  const env = {
    runtime: 'chromium',
    secureContext: globalThis.isSecureContext === true,
    hasSubtle: typeof globalThis.crypto?.subtle?.digest === 'function',
  };
  console.log(`chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'} — ${location.origin} (${expect} origin), scenarios on dist/browser/opskit.js`);

  const bundle = await import('/dist/browser/opskit.js');
  // One bundle holds opskit and opskit/crypto flat, and opskit/sim and every API family as
  // namespaces (`sim`, `timesys`, …): the same `t.lib` shape as the other runtimes.
  const lib = { core: bundle, crypto: bundle };
  for (const [name, value] of Object.entries(bundle)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === null) lib[name] = value;
  }
  const json = async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    return res.json();
  };
  const [generate, verify, invalid, files] = await Promise.all([
    json('/test/vectors/fernet/generate.json'),
    json('/test/vectors/fernet/verify.json'),
    json('/test/vectors/fernet/invalid.json'),
    json('/scenarios.json'),
  ]);

  const harness = createHarness({ lib, vectors: { fernet: { generate, verify, invalid } }, env, filter });
  // The origin itself is under test: the non-secure one is where crypto.subtle must be absent.
  await harness.add('origin', {
    default(t) {
      t.test(`this is a ${expect} context (isSecureContext, crypto.subtle)`, () => {
        t.assert.equal(globalThis.isSecureContext, expect === 'secure', 'isSecureContext');
        t.assert.equal(typeof globalThis.crypto.subtle, expect === 'secure' ? 'object' : 'undefined', 'typeof crypto.subtle');
      });
    },
  });
  for (const file of files) {
    let mod;
    try {
      mod = await import(`/test/scenarios/${file}`);
    } catch (err) {
      mod = err instanceof Error ? err : new Error(String(err));
    }
    await harness.add(file, mod);
  }
  const result = await harness.run();
  console.log(`chromium-${expect}: ${summaryLine(result)}`);
  return { ...result, env };
}
