// Issue 8 §3 "one value, one treatment": a Timesys dry run redacted `target_folder_token` in the body
// but showed it in `hmacMsg`. Every token-like parameter LLAPI has is checked here: an identifier
// (the publicNames) shows in every field of the record that carries it — url, body, data, hmacMsg,
// signed — and a secret (the key, a caller's `secrets`) shows in none of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import { REDACTED, SECRET_NAME } from '../../../src/core/index.js';
import { Llapi, type LlapiOptions } from '../../../src/timesys/index.js';
import { LLAPI_PUBLIC_NAMES } from '../../../src/timesys/llapi.js';
import { noFetch } from './helpers.js';

const KEY = 'treatment-secret-key-0123';
const USER = { email: 'user@example.com', key: KEY };

type Where = 'query' | 'body' | 'path';
type Record_ = { url: string; body?: unknown; data?: Record<string, unknown>; hmacMsg?: string; signed?: string; headers: Record<string, string> };
/** One dry-run call: the client options it needs, the call, and where each token parameter travels. */
interface Case {
  name: string;
  options?: (v: (p: string) => string) => Partial<LlapiOptions>;
  call: (l: Llapi, v: (p: string) => string) => Promise<unknown>;
  carries: Readonly<Record<string, Where>>;
}

const CASES: readonly Case[] = [
  { name: 'uploadManifest', options: (v) => ({ groupToken: v('group_token'), folderToken: v('folder_token') }), call: (l) => l.uploadManifest('openssl 1.1.1k'), carries: { group_token: 'body', folder_token: 'body' } },
  { name: 'getFolders', call: (l, v) => l.getFolders({ groupToken: v('group_token') }), carries: { group_token: 'query' } },
  { name: 'createFolder', call: (l, v) => l.createFolder('n', { folderToken: v('folder_token') }), carries: { folder_token: 'body' } },
  { name: 'createGroup', call: (l, v) => l.createGroup('g', { groupToken: v('group_token') }), carries: { group_token: 'body' } },
  { name: 'getGroupInfo', call: (l, v) => l.getGroupInfo(v('group_token')), carries: { group_token: 'path' } },
  {
    name: 'searchActivityLog',
    call: (l, v) => l.searchActivityLog({ groupToken: v('group_token'), folderToken: v('folder_token'), manifestToken: v('manifest_token'), reportToken: v('report_token') }),
    carries: { group_token: 'query', folder_token: 'query', manifest_token: 'query', report_token: 'query' },
  },
  {
    name: 'setStatus',
    call: (l, v) => l.setStatus('group', 'CVE-2024-1', 'openssl', 'in_triage', { manifestTokens: [v('manifest_tokens')], groupTokens: [v('group_tokens')] }),
    carries: { manifest_tokens: 'body', group_tokens: 'body' },
  },
  { name: 'getVulnStatus', call: (l, v) => l.getVulnStatus('CVE-2024-1', 'openssl', '1.1', v('manifest_token')), carries: { manifest_token: 'query' } },
  { name: 'getManifestInfo', call: (l, v) => l.getManifestInfo(v('manifest_token')), carries: { manifest_token: 'path' } },
  { name: 'rescanManifest', call: (l, v) => l.rescanManifest(v('manifest_token')), carries: { manifest_token: 'path' } },
  { name: 'deleteManifest', call: (l, v) => l.deleteManifest(v('manifest_token'), { confirmed: true }), carries: { manifest_token: 'path' } },
  { name: 'downloadReport', call: (l, v) => l.downloadReport(v('report_token'), 'pdf'), carries: { report_token: 'path' } },
  {
    name: 'bulkMoveManifests',
    call: (l, v) => l.bulkMoveManifests([v('sbom_tokens')], { targetGroupToken: v('target_group_token'), targetFolderToken: v('target_folder_token') }),
    carries: { sbom_tokens: 'body', target_group_token: 'body', target_folder_token: 'body' },
  },
  {
    name: 'bulkCopyManifests',
    call: (l, v) => l.bulkCopyManifests([v('sbom_tokens')], { targetGroupToken: v('target_group_token'), targetFolderToken: v('target_folder_token') }),
    carries: { sbom_tokens: 'body', target_group_token: 'body', target_folder_token: 'body' },
  },
  { name: 'compareReports', call: (l, v) => l.compareReports(v('token_one'), v('token_two')), carries: { token_one: 'query', token_two: 'query' } },
  { name: 'archiveFolders', call: (l, v) => l.archiveFolders([v('tokens')]), carries: { tokens: 'query' } },
  { name: 'bulkArchiveGroups', call: (l, v) => l.bulkArchiveGroups([v('tokens')]), carries: { tokens: 'query' } },
];

/** A distinct value per parameter; none is a substring of another. */
const distinct = (p: string) => `T-${p.toUpperCase()}-Z`;

/** The record's fields as text, decoded (form bodies use `+` for spaces). */
function fields(r: Record_) {
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return {
    url: decode(r.url),
    body: typeof r.body === 'string' ? decode(r.body) : '',
    data: JSON.stringify(r.data ?? {}),
    hmacMsg: r.hmacMsg ?? '',
    signed: r.signed ?? '',
    headers: JSON.stringify(r.headers),
  };
}

/** The fields that carry a parameter travelling in `where` (data holds the query or body parameters, not the path). */
function carriers(where: Where): (keyof ReturnType<typeof fields>)[] {
  return where === 'path' ? ['url', 'hmacMsg', 'signed'] : [where === 'query' ? 'url' : 'body', 'data', 'hmacMsg', 'signed'];
}

async function dry(c: Case, v: (p: string) => string, extra: Partial<LlapiOptions> = {}): Promise<Record_> {
  const llapi = new Llapi({ ...USER, dryRun: true, fetch: noFetch, ...(c.options?.(v) ?? {}), ...extra });
  return (await c.call(llapi, v)) as Record_;
}

test('the cases cover every token-like request parameter of the spec, and each is a public name', () => {
  const spec = parseYaml(readFileSync(new URL('../../../openapi/timesys-llapi.yaml', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const names = new Set<string>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      for (const p of op.parameters ?? []) names.add(p.name);
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        const schema = media.schema.$ref ? spec.components.schemas[media.schema.$ref.split('/').pop()!] : media.schema;
        for (const prop of Object.keys((schema as { properties?: object })?.properties ?? {})) names.add(prop);
      }
    }
  }
  const tokenLike = [...names].filter((n) => SECRET_NAME.test(n)).sort();
  assert.ok(tokenLike.includes('target_folder_token'));
  const covered = new Set(CASES.flatMap((c) => Object.keys(c.carries)));
  for (const name of tokenLike) {
    assert.ok(LLAPI_PUBLIC_NAMES.includes(name), `${name} is an identifier: a public name`);
    assert.ok(covered.has(name), `${name} is exercised below`);
  }
});

test('each token parameter is shown in every field that carries it (url, body, data, hmacMsg, signed), redacted in none', async () => {
  for (const c of CASES) {
    const f = fields(await dry(c, distinct));
    for (const [param, where] of Object.entries(c.carries)) {
      for (const field of carriers(where)) assert.ok(f[field].includes(distinct(param)), `${c.name}: ${param} shown in ${field}: ${f[field]}`);
    }
    for (const field of ['url', 'body', 'data', 'hmacMsg', 'signed'] as const) assert.ok(!f[field].includes(REDACTED), `${c.name}: nothing is redacted in ${field}: ${f[field]}`);
    assert.equal(JSON.parse(f.headers)['x-auth-signature'], REDACTED);
  }
});

test('a secret in any token parameter (the key, or a value in `secrets`) is redacted in every field, shown in none', async () => {
  const SECRET = 'caller-declared-secret-77';
  for (const [label, value, extra] of [['the key', KEY, {}], ['a declared secret', SECRET, { secrets: [SECRET] }]] as const) {
    for (const c of CASES) {
      const f = fields(await dry(c, () => value, extra));
      for (const [field, text] of Object.entries(f)) assert.ok(!text.includes(value), `${c.name}: ${label} leaked in ${field}: ${text}`);
      for (const [param, where] of Object.entries(c.carries)) {
        for (const field of carriers(where)) assert.ok(f[field].includes(REDACTED), `${c.name}: ${param} redacted in ${field}`);
      }
    }
  }
});

test('reveal: true shows every value everywhere (and the signature)', async () => {
  const c = CASES.find((x) => x.name === 'bulkMoveManifests')!;
  const f = fields(await dry(c, () => KEY, { reveal: true }));
  for (const field of ['body', 'data', 'hmacMsg', 'signed'] as const) assert.ok(f[field].includes(KEY), field);
  assert.match(JSON.parse(f.headers)['x-auth-signature'], /^[A-Za-z0-9+/]{43}=$/);
});
