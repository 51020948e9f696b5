// Guard for issue 14's "one Triton call with an Ed25519 key": a browser bundle of it (esbuild, as a
// consumer's bundler would make it, from the sources) contains none of the code of the key formats
// and types such a caller never meets: encrypted keys (AES, bcrypt_pbkdf, PBKDF2, the legacy PEM
// decryption) and ECDSA arithmetic (noble's Weierstrass curves). And the one-line imports that
// bring them in (opskit/crypto/encrypted-keys, opskit/crypto/ecdsa) survive the same bundler, which
// also shows this check can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, { import?: { default: string } }>;
  sideEffects: string[] | false;
};

/**
 * `opskit` / `opskit/<x>` → the source of the file package.json "exports" sends a browser bundler
 * to (dist/esm mirrors src/). Sources are side-effect free, as package.json says of everything but
 * the files it lists in "sideEffects": an entry whose built file is listed keeps its bare import.
 */
const fromSources: Plugin = {
  name: 'opskit-sources',
  setup(b) {
    b.onResolve({ filter: /^opskit(\/.*)?$/ }, (args) => {
      const built = pkg.exports[args.path === 'opskit' ? '.' : `./${args.path.slice('opskit/'.length)}`]?.import?.default;
      if (!built?.startsWith('./dist/esm/')) return { errors: [{ text: `${args.path} is not an export of opskit` }] };
      const source = `${root}src/${built.slice('./dist/esm/'.length).replace(/\.js$/, '.ts')}`;
      return { path: source, sideEffects: Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes(built) };
    });
  },
};

/** The inputs of a minified browser bundle of `code` (repository-relative paths). */
async function bundledInputs(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [fromSources],
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f);
}

const TRITON_ED25519 = `
import { DataCenter } from 'opskit/triton';
export function machines(url, account, ed25519Key) {
  return new DataCenter({ url, account, key: ed25519Key }).listMachines();
}`;

/** Code only encrypted keys need. */
const ENCRYPTED = [/@noble\/ciphers\//, /@noble\/hashes\/pbkdf2/, /formats\/bcrypt-pbkdf/, /formats\/blowfish/, /formats\/pbes2/, /formats\/legacy-pem/, /formats\/openssh-ciphers/, /formats\/openssh-decrypt/];
/** Code only ECDSA private keys need. */
const ECDSA = [/@noble\/curves\/nist/, /@noble\/curves\/abstract\/weierstrass/, /keys\/nist-curves/];

const matching = (inputs: string[], patterns: RegExp[]) => inputs.filter((f) => patterns.some((p) => p.test(f)));

test('one Triton call with an Ed25519 key bundles no encrypted-key format and no ECDSA arithmetic', async () => {
  const inputs = await bundledInputs(TRITON_ED25519);
  assert.ok(inputs.some((f) => f.includes('src/crypto/keys/parse-private-key')), 'the bundle parses keys');
  assert.ok(inputs.some((f) => f.includes('@noble/ed25519')), 'the bundle has Ed25519');
  // Ed25519 comes from the single-curve library; noble's generic curve code is twice its size.
  assert.deepEqual(matching(inputs, [/@noble\/curves\//]), []);
  assert.deepEqual(matching(inputs, ENCRYPTED), []);
  assert.deepEqual(matching(inputs, ECDSA), []);
});

test('parsePrivateKey and keySigner from opskit/crypto bundle no encrypted-key format and no ECDSA arithmetic', async () => {
  const inputs = await bundledInputs(`import { parsePrivateKey, keySigner } from 'opskit/crypto'; export const f = (t) => keySigner(parsePrivateKey(t));`);
  assert.deepEqual(matching(inputs, [...ENCRYPTED, ...ECDSA]), []);
});

test("import 'opskit/crypto/encrypted-keys' and 'opskit/crypto/ecdsa' bring exactly their code in", async () => {
  const withEncrypted = await bundledInputs(`import 'opskit/crypto/encrypted-keys';\n${TRITON_ED25519}`);
  for (const p of ENCRYPTED) assert.ok(withEncrypted.some((f) => p.test(f)), `${p} is in the bundle`);
  assert.deepEqual(matching(withEncrypted, ECDSA), []);
  const withEcdsa = await bundledInputs(`import 'opskit/crypto/ecdsa';\n${TRITON_ED25519}`);
  for (const p of ECDSA) assert.ok(withEcdsa.some((f) => p.test(f)), `${p} is in the bundle`);
  assert.deepEqual(matching(withEcdsa, ENCRYPTED), []);
});
