// Timesys LLAPI signing: building the sorted message and its HMAC-SHA256 (opskit's pure-JS noble
// path, which also runs where crypto.subtle is missing) against node:crypto for the same message,
// plus a 1 MB SBOM upload's signature (the whole SBOM is inside the message), and signed in-process
// calls against the simulator.
//
//   npm run bench -- timesys
import { createHmac } from 'node:crypto';
import { createSim } from '../src/sim/index.js';
import { Llapi, llapiMessage, llapiSignature } from '../src/timesys/index.js';
import type { Row } from './run.js';

const V3 = { sbom_tokens: ['t2', 't1'], copy: false, include_history: false, target_folder_token: 'F1', email: 'user@example.com' };

function rate(fn: () => void, ms = 300): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<Row[]> {
  const path = '/api/v1/vigiles/manifests/bulk-options/move';
  const ours = rate(() => llapiSignature('abc123', llapiMessage('POST', path, V3)));
  const message = llapiMessage('POST', path, V3);
  const node = rate(() => createHmac('sha256', 'abc123').update(llapiMessage('POST', path, V3)).digest('base64'));
  if (llapiSignature('abc123', message) !== createHmac('sha256', 'abc123').update(message).digest('base64')) throw new Error('signatures differ');

  const sbom = `${'openssl 1.1.1k\n'.repeat(70_000)}`;
  const big = rate(() => llapiSignature('abc123', llapiMessage('POST', '/api/v1/vigiles/manifests', { manifest: sbom, email: 'user@example.com' })), 500);

  const sim = createSim('timesys');
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 500) {
    await llapi.getAppDbVersion();
    calls++;
  }
  const perSecond = calls / ((performance.now() - t0) / 1000);

  return [
    { group: 'timesys', name: 'sign V3 (message + HMAC-SHA256 + base64)', value: Math.round(ours), unit: 'ops/s', reference: Math.round(node), ratioLabel: '× node:crypto', budget: '≥ 0.2×' },
    { group: 'timesys', name: `sign a ${(sbom.length / 1e6).toFixed(1)} MB SBOM upload`, value: Math.round(big * 10) / 10, unit: 'ops/s', budget: '≥ 5 ops/s' },
    { group: 'timesys', name: 'signed call through the pipeline to the in-process sim', value: Math.round(perSecond), unit: 'calls/s' },
  ];
}
