/**
 * `opskit/browser`: the single-file bundle `dist/browser/opskit.js` — everything that runs in a
 * browser, self-contained and minified, no node:*: the core (`opskit`) and `opskit/crypto` (with
 * `opskit/crypto/encrypted-keys` and `opskit/crypto/ecdsa` loaded: every key type and format reads
 * with no extra import) at the top level, every other export as a namespace (`sim`, `mist`, `synnefo`, `timesys`, `triton`,
 * `turbonomic`). For a `<script type="module">` or an import map without a bundler; import-only.
 *
 * @example
 * ```html
 * <script type="module">
 *   import { sim, triton } from './node_modules/opskit/dist/browser/opskit.js';
 *   const s = sim.createSim('triton');
 *   const dc = new triton.DataCenter({ url: s.url, fetch: s.fetch, ...s.credentials });
 *   for await (const machine of dc.listMachines()) console.log(machine.name, machine.state);
 *   console.log(await dc.listPackages());
 * </script>
 * ```
 * @module
 */
// Each API family adds one `export * as <family> from './<family>/index.js';` line.
export * from './index.js';
export * from './crypto/index.js';
// The browser admin UI reads every key a user may paste, encrypted and ECDSA ones included: these
// two also install the decryptors and the ECDSA arithmetic the default parser leaves out.
export * from './crypto/encrypted-keys/index.js';
export * from './crypto/ecdsa/index.js';
export * as sim from './sim/index.js';
export * as mist from './mist/index.js';
export * as synnefo from './synnefo/index.js';
export * as timesys from './timesys/index.js';
export * as triton from './triton/index.js';
export * as turbonomic from './turbonomic/index.js';
