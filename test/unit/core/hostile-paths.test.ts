/**
 * Identifiers can never change a request's target. Generated from every spec's operation table
 * (src/<family>/generated/*.meta.ts): each path parameter of each operation receives each hostile
 * value, and the call must fail with a ConfigError before anything reaches fetch. Free-text
 * parameters (`x-opskit-path: text`) take `/`, `?`, `#` and must deliver them as one encoded
 * segment; slash-separated names (`segments`) keep `/` but refuse dot segments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, createClient, type OperationMeta } from '../../../src/index.js';

const root = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Values that must never reach a URL as an identifier. */
const ALWAYS_REFUSED: Array<[string, unknown]> = [
  ['empty', ''], ['dot', '.'], ['dot-dot', '..'], ['object', {}], ['null', null], ['undefined', undefined],
  ['array', ['a']], ['boolean', true], ['NaN', Number.NaN], ['Infinity', Infinity],
  ['CR/LF', 'a\r\nX-Injected: 1'], ['NUL', 'a\u0000b'], ['lone surrogate', 'a\uD800b'],
];
/** Refused in plain ids; free text carries them encoded. */
const RESERVED: Array<[string, string]> = [['traversal', 'a/../b'], ['query', '?x'], ['fragment', '#x'], ['backslash', 'a\\..\\b']];

async function tables(): Promise<Array<{ file: string; operations: Record<string, OperationMeta> }>> {
  const out = [];
  for (const family of readdirSync(root)) {
    let files: string[];
    try {
      files = readdirSync(`${root}${family}/generated`).filter((f) => f.endsWith('.meta.ts'));
    } catch {
      continue;
    }
    for (const f of files) {
      const mod = (await import(pathToFileURL(`${root}${family}/generated/${f}`).href)) as { operations: Record<string, OperationMeta> };
      out.push({ file: `${family}/${f}`, operations: mod.operations });
    }
  }
  return out;
}

test('every path parameter of every spec refuses hostile identifiers before anything is sent', async () => {
  const all = await tables();
  assert.ok(all.length >= 4, `found ${all.length} operation tables`);
  let checked = 0;
  for (const { file, operations } of all) {
    let sent = 0;
    const urls: string[] = [];
    const client = createClient<any>({
      baseUrl: 'http://api.test/base',
      operations,
      retry: false,
      fetch: async (req) => {
        sent++;
        urls.push(req.url);
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    for (const [key, meta] of Object.entries(operations)) {
      const [method, path] = key.split(' ') as [string, string];
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      for (const name of names) {
        const style = meta.pathStyles?.[name] ?? 'id';
        const call = (value: unknown) => {
          const params: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, 'valid-id-1']));
          if (value === undefined) delete params[name];
          else params[name] = value;
          return client.api.request(method.toLowerCase() as never, path as never, { params: { path: params } } as never);
        };
        const refused = [...ALWAYS_REFUSED, ...(style === 'id' ? RESERVED : style === 'segments' ? [['traversal', 'a/../b'] as [string, string]] : [])];
        for (const [what, value] of refused) {
          const before = sent;
          const err = await call(value).then(() => undefined, (e: unknown) => e);
          assert.ok(err instanceof ConfigError, `${file} ${key}: {${name}} = ${what} was not refused (${String(err)})`);
          assert.match(err.message, new RegExp(`^${meta.operationId.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}: path parameter "${name}"`), `${file} ${key}: the error names the operation and parameter`);
          assert.equal(sent, before, `${file} ${key}: {${name}} = ${what} reached fetch`);
          checked++;
        }
        if (style !== 'id') {
          // Free text arrives whole, as one (or, for `segments`, slash-kept) encoded value.
          for (const [, value] of RESERVED.filter(([w]) => style === 'text' || w !== 'traversal')) {
            urls.length = 0;
            await call(value);
            const encoded = style === 'text' ? encodeURIComponent(value) : value.split('/').map(encodeURIComponent).join('/');
            assert.ok(urls[0]?.includes(`/${encoded}`), `${file} ${key}: {${name}} = ${JSON.stringify(value)} → ${urls[0]}`);
          }
        }
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} hostile calls were checked`);
});
