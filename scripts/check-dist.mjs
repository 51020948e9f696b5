#!/usr/bin/env node
// Checks the built package the way consumers load it (runs in `npm test` after the build):
// - every subpath export loads through the package's own name with import AND require (Node 20:
//   @noble/* must be bundled into the CJS), and both expose the same names;
// - an import-only export (the single-file browser bundle, `opskit/browser`) imports, refuses
//   require with ERR_PACKAGE_PATH_NOT_EXPORTED, and carries every other browser-safe export:
//   `opskit` and `opskit/crypto` at its top level, each other one as a namespace (`triton`, …);
// - an opskit/crypto error from CJS is an OpsError of CJS opskit (one shared class, not a copy);
// - errors cross the ESM/CJS boundary: `instanceof` and isOpsError/isHttpError hold both ways;
// - dist/browser/opskit.js imports nothing and mentions no node:* module;
// - dist/cli/opskit.cjs has a shebang, is executable and prints the package version.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Resolving `opskit/...` from inside the package uses its own "exports" (self-reference).
const require = createRequire(join(root, 'package.json'));
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

const specOf = (subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);
const importOnly = (subpath) => typeof pkg.exports[subpath] === 'object' && !('require' in pkg.exports[subpath]);
const exportNames = (mod) => Object.keys(mod).filter((k) => k !== 'default' && k !== '__esModule').sort();

for (const subpath of Object.keys(pkg.exports)) {
  if (subpath === './package.json') continue;
  const spec = specOf(subpath);
  if (importOnly(subpath)) {
    await checkImportOnly(subpath, spec);
    continue;
  }
  let esm;
  let cjs;
  try {
    esm = await import(spec);
  } catch (err) {
    check(false, `import('${spec}') failed: ${err.message}`);
  }
  try {
    cjs = require(spec);
  } catch (err) {
    check(false, `require('${spec}') failed: ${err.message}`);
  }
  if (esm && cjs) {
    const a = Object.keys(esm).filter((k) => k !== 'default').sort().join(',');
    const b = Object.keys(cjs).filter((k) => k !== 'default' && k !== '__esModule').sort().join(',');
    check(a === b, `${spec}: ESM and CJS export different names\n  esm: ${a}\n  cjs: ${b}`);
    check(a.length > 0, `${spec}: exports nothing`);
    console.log(`${spec}: import + require ok (${a.split(',').length} exports)`);
  }
}

/** The single-file bundle: import works, require is refused by the exports map, nothing is missing. */
async function checkImportOnly(subpath, spec) {
  let bundle;
  try {
    bundle = await import(spec);
  } catch (err) {
    check(false, `import('${spec}') failed: ${err.message}`);
    return;
  }
  try {
    require(spec);
    check(false, `require('${spec}') worked, but ${subpath} is import-only (no "require" condition)`);
  } catch (err) {
    check(err.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED', `require('${spec}') failed with ${err.code ?? err.message}, want ERR_PACKAGE_PATH_NOT_EXPORTED`);
  }
  // Every browser-safe export is in the bundle: '.', './crypto' and its sub-modules (./crypto/…) flat, the rest as namespaces.
  const flat = ['.', './crypto', ...Object.keys(pkg.exports).filter((k) => k.startsWith('./crypto/'))];
  const others = Object.keys(pkg.exports).filter((k) => k.startsWith('./') && !flat.includes(k) && k !== './node' && k !== './package.json' && !importOnly(k));
  const want = new Set();
  for (const k of flat) for (const name of exportNames(await import(specOf(k)))) want.add(name);
  for (const k of others) {
    const ns = k.slice(2);
    want.add(ns);
    const inBundle = bundle[ns] ? exportNames(bundle[ns]).join(',') : '(missing)';
    check(inBundle === exportNames(await import(specOf(k))).join(','), `${spec}: namespace ${ns} differs from ${specOf(k)}\n  bundle: ${inBundle}`);
  }
  const missing = [...want].filter((name) => !(name in bundle));
  check(missing.length === 0, `${spec} lacks ${missing.join(', ')}`);
  const extra = exportNames(bundle).filter((name) => !want.has(name));
  check(extra.length === 0, `${spec} exports what no other export has: ${extra.join(', ')}`);
  // The bundle is one more copy of opskit: its errors are recognised by the package's own classes.
  const core = await import(pkg.name);
  const err = typeof bundle.InvalidToken === 'function' ? new bundle.InvalidToken() : undefined;
  check(err instanceof bundle.OpsError && err instanceof core.OpsError && core.isOpsError(err), `${spec}: its InvalidToken is not an OpsError of ${pkg.name}`);
  console.log(`${spec}: import ok, require refused, ${want.size} names (${others.map((k) => k.slice(2)).join(', ')} as namespaces)`);
}

try {
  const core = require(pkg.name);
  const crypto = require(`${pkg.name}/crypto`);
  if (typeof crypto.InvalidToken === 'function' && typeof core.OpsError === 'function') {
    check(new crypto.InvalidToken() instanceof core.OpsError, 'CJS: InvalidToken is not an instance of OpsError (duplicated class)');
  }
} catch (err) {
  check(false, `CJS class identity check failed: ${err.message}`);
}

// The dual-package hazard: an error thrown by the CJS build is `instanceof` the ESM classes (and the
// reverse), and the guards recognise it, because error classes are branded with Symbol.for keys.
try {
  const esmCore = await import(pkg.name);
  const cjsCore = require(pkg.name);
  const cjsTurbo = require(`${pkg.name}/turbonomic`);
  const esmCrypto = await import(`${pkg.name}/crypto`);
  const fromCjs = await cjsCore.createClient({ baseUrl: 'http://api.test', fetch: async () => new Response('{}', { status: 404 }) }).GET('/x').catch((e) => e);
  check(fromCjs instanceof esmCore.ClientError && fromCjs instanceof esmCore.HttpError && fromCjs instanceof esmCore.OpsError, 'CJS ClientError is not instanceof the ESM ClientError/HttpError/OpsError');
  check(!(fromCjs instanceof esmCore.ServerError) && !(fromCjs instanceof esmCore.TimeoutError), 'a CJS ClientError passes for an ESM ServerError/TimeoutError');
  check(esmCore.isHttpError(fromCjs) && esmCore.isOpsError(fromCjs), 'isHttpError/isOpsError reject a CJS error');
  const config = (() => { try { cjsCore.createClient({ baseUrl: 'not a url' }); } catch (e) { return e; } })();
  check(config instanceof esmCore.ConfigError, 'CJS ConfigError is not instanceof the ESM ConfigError');
  const fromEsm = (() => { try { new esmCrypto.Fernet('not a key'); } catch (e) { return e; } })();
  check(fromEsm instanceof cjsCore.OpsError, 'an ESM crypto error is not instanceof the CJS OpsError');
  check(typeof cjsTurbo.Connection === 'function', 'opskit/turbonomic (CJS) has no Connection');
  console.log('errors are recognised across the ESM and CJS builds');
} catch (err) {
  check(false, `ESM/CJS error identity check failed: ${err.message}`);
}

// The Node build reads every key type and format with no extra import (the default build needs
// opskit/crypto/encrypted-keys and opskit/crypto/ecdsa for encrypted and ECDSA keys): in a fresh
// process, an encrypted ECDSA key through opskit/triton and opskit/crypto alone, ESM and CJS.
{
  // opskit/triton is loaded and used before opskit/crypto: each installs what it needs.
  const keyAndAsk = (loadTriton, loadCrypto) => `
    const { generateKeyPairSync } = require('node:crypto');
    const text = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' });
    ${loadTriton}
    new triton.DataCenter({ url: 'https://cloudapi.invalid', account: 'a', key: text, passphrase: 'p' });
    ${loadCrypto}
    const key = crypto.parsePrivateKey(text, { passphrase: 'p' });
    console.log(key.type, key.encrypted);`;
  const runs = {
    import: ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
      ${keyAndAsk(`const triton = await import('${pkg.name}/triton');`, `const crypto = await import('${pkg.name}/crypto');`)}`],
    require: ['-e', keyAndAsk(`const triton = require('${pkg.name}/triton');`, `const crypto = require('${pkg.name}/crypto');`)],
  };
  for (const [how, args] of Object.entries(runs)) {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    check(r.status === 0 && r.stdout.trim() === 'ecdsa true', `Node build (${how}): an encrypted ECDSA key needs an extra import: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  }
  console.log('Node build: encrypted and ECDSA keys read with no extra import (import and require)');
}

const browser = readFileSync(join(root, 'dist/browser/opskit.js'), 'utf8');
check(!/["'`]node:[a-z]/.test(browser), 'dist/browser/opskit.js mentions a node:* module');
check(!/(^|[;\s])import\s*[{*\w"']|\bimport\(["']|\brequire\(/.test(browser.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')),
  'dist/browser/opskit.js still imports or requires something (it must be self-contained)');
console.log(`dist/browser/opskit.js: self-contained, no node:* (${browser.length} bytes)`);

const cli = join(root, pkg.bin.opskit);
check(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'), `${pkg.bin.opskit}: no #!/usr/bin/env node line`);
check((statSync(cli).mode & 0o111) !== 0, `${pkg.bin.opskit}: not executable`);
const v = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
check(v.status === 0 && v.stdout.includes(pkg.version), `opskit --version printed ${JSON.stringify(v.stdout.trim())} (exit ${v.status}), want ${pkg.version}`);
console.log(`${pkg.bin.opskit} --version: ${v.stdout.trim()}`);

if (problems.length) {
  for (const p of problems) console.error(`problem: ${p}`);
  process.exit(1);
}
console.log('dist checks passed');
