// openapi/pithos.yaml covers the account, container and object levels of the protocol (every verb,
// COPY and MOVE under x-opskit-methods), marks object names as slash-separated and container names as
// free text, and the facade's operation names come from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import { operations } from '../../../src/synnefo/generated/pithos.meta.js';

const spec = parseYaml(readFileSync(new URL('../../../openapi/pithos.yaml', import.meta.url), 'utf8')) as any;

test('every method of every level of protocols §1–3 is in the spec', () => {
  const want: Record<string, string[]> = {
    '/': ['get'],
    '/{account}': ['head', 'get', 'post'],
    '/{account}/{container}': ['head', 'get', 'put', 'post', 'delete'],
    '/{account}/{container}/{object}': ['head', 'get', 'put', 'post', 'delete'],
  };
  for (const [path, methods] of Object.entries(want)) {
    for (const m of methods) assert.ok(spec.paths[path]?.[m]?.operationId, `${m.toUpperCase()} ${path}`);
  }
  const extra = spec.paths['/{account}/{container}/{object}']['x-opskit-methods'];
  assert.equal(extra.copy.operationId, 'objectCopy');
  assert.equal(extra.move.operationId, 'objectMove');
  assert.equal(operations['HEAD /{account}/{container}/{object}'].operationId, 'objectHead');
  assert.deepEqual(operations['GET /{account}/{container}/{object}'].pathStyles, { container: 'text', object: 'segments' });
  assert.equal(operations['POST /{account}/{container}'].idempotent, true, 'block uploads are safe to retry');
  assert.equal(operations['POST /{account}/{container}/{object}'].idempotent, false, 'an append is not');
});

test('request and reply headers, ranges, conditionals and listing formats are described', () => {
  const objectGet = spec.paths['/{account}/{container}/{object}'].get;
  const params = JSON.stringify(objectGet.parameters);
  for (const p of ['Range', 'If-Range', 'ifMatch', 'ifNoneMatch', 'ifModifiedSince', 'ifUnmodifiedSince', 'hashmap', 'version']) assert.ok(params.includes(p), p);
  const replyHeaders = Object.keys(objectGet.responses['200'].headers);
  for (const h of ['ETag', 'X-Object-Hash', 'X-Object-Version', 'X-Object-Sharing', 'X-Object-Public', 'X-Object-Meta-*', 'Content-Disposition']) assert.ok(replyHeaders.includes(h), h);
  const containerHead = Object.keys(spec.paths['/{account}/{container}'].head.responses['204'].headers);
  for (const h of ['X-Container-Block-Size', 'X-Container-Block-Hash', 'X-Container-Policy-Quota', 'X-Container-Meta-*']) assert.ok(containerHead.includes(h), h);
  const listing = spec.paths['/{account}/{container}'].get;
  assert.deepEqual(
    listing.parameters.map((p: any) => p.name ?? p.$ref.split('/').pop()).sort(),
    ['delimiter', 'end_marker', 'format', 'ifModifiedSince', 'ifUnmodifiedSince', 'limit', 'marker', 'meta', 'path', 'prefix', 'public', 'reverse', 'shared', 'until'].sort(),
  );
  assert.equal(spec.paths['/{account}/{container}/{object}'].put.responses['409'].content['application/json'].schema.type, 'array');
  assert.ok(spec.components.schemas.Hashmap && spec.components.schemas.ObjectListing && spec.components.schemas.Fault);
});
