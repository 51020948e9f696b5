// The spec covers mist.client 0.1.1's 30 method+path pairs plus the three server routes it never
// called; every operation names a facade method; key names are free text; text replies are text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import { Backend, Key, Machine, MistClient, operations } from '../../../src/mist/index.js';

// protocols §9 (C14's wire surface): 30 pairs, /auth included.
const C14 = `POST /auth|GET /providers|GET /backends|POST /backends|DELETE /backends/{backend}|PUT /backends/{backend}|POST /backends/{backend}
GET /backends/{backend}/sizes|GET /backends/{backend}/locations|GET /backends/{backend}/networks|GET /backends/{backend}/images
GET /backends/{backend}/machines|POST /backends/{backend}/machines|POST /backends/{backend}/machines/{machine}
POST /backends/{backend}/machines/{machine}/probe|PUT /backends/{backend}/machines/{machine}/keys/{key}
POST /backends/{backend}/machines/{machine}/monitoring|GET /backends/{backend}/machines/{machine}/stats
GET /backends/{backend}/machines/{machine}/metrics|PUT /backends/{backend}/machines/{machine}/metrics
DELETE /backends/{backend}/machines/{machine}/metrics|POST /backends/{backend}/machines/{machine}/plugins/{plugin}
GET /keys|POST /keys|PUT /keys|GET /keys/{key}/private|GET /keys/{key}/public|PUT /keys/{key}|POST /keys/{key}|DELETE /keys/{key}`.split(/[|\n]/);
const EXTRA = ['POST /backends/{backend}/images', 'DELETE /backends/{backend}/machines/{machine}/plugins/{plugin}', 'GET /monitoring'];

interface Op {
  operationId: string;
  parameters?: { $ref?: string; name?: string; in?: string }[];
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
const spec = parseYaml(readFileSync(new URL('../../../openapi/mist.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Op>>;
  components: { parameters: Record<string, { 'x-opskit-path'?: string }>; responses: Record<string, { content: Record<string, { schema: { type: string } }> }> };
};

test('the 30 method+path pairs of mist.client 0.1.1, plus the image-search POST alias, plugin DELETE and GET /monitoring; nothing else', () => {
  assert.equal(C14.length, 30);
  const keys = Object.keys(operations).sort();
  assert.deepEqual(keys, [...C14, ...EXTRA].sort());
});

test('every operationId is Class.method of a facade method (actions and toggles name their verbs per call)', () => {
  const classes: Record<string, object> = { MistClient, Backend: Backend.prototype, Machine: Machine.prototype, Key: Key.prototype };
  const PER_CALL = new Set(['Backend.toggle', 'Machine.action', 'Machine.toggleMonitoring']);
  for (const [key, meta] of Object.entries(operations)) {
    const [cls, method] = meta.operationId.split('.') as [string, string];
    if (PER_CALL.has(meta.operationId)) continue;
    const where = cls === 'MistClient' ? (method === 'login' ? MistClient : MistClient.prototype) : classes[cls];
    assert.equal(typeof (where as Record<string, unknown>)[method], 'function', `${key}: ${meta.operationId}`);
  }
});

test('key names are free text in paths; backend and machine ids are plain ids', () => {
  assert.equal(spec.components.parameters.key?.['x-opskit-path'], 'text');
  assert.equal(spec.components.parameters.backend?.['x-opskit-path'], undefined);
  for (const [key, meta] of Object.entries(operations)) {
    assert.deepEqual((meta as { pathStyles?: Record<string, string> }).pathStyles, key.includes('{key}') ? { key: 'text' } : undefined, key);
  }
});

test('text OK replies and text errors are described as text, never JSON', () => {
  const ok = spec.components.responses.OK!.content;
  assert.deepEqual(Object.keys(ok).sort(), ['text/html', 'text/plain']);
  assert.equal(ok['text/plain']!.schema.type, 'string');
  assert.deepEqual(Object.keys(spec.components.responses.Error!.content).sort(), ['text/html', 'text/plain']);
  const okOps = Object.entries(spec.paths).flatMap(([p, item]) => Object.entries(item).filter(([, op]) => op.responses?.['200']?.$ref === '#/components/responses/OK').map(([m]) => `${m.toUpperCase()} ${p}`));
  assert.deepEqual(okOps.sort(), ['DELETE /backends/{backend}', 'POST /backends/{backend}', 'POST /keys/{key}', 'PUT /backends/{backend}']);
  for (const [key, meta] of Object.entries(operations)) {
    if (okOps.includes(key)) assert.equal((meta as { shape?: string }).shape, undefined, `${key} has no JSON shape`);
  }
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (!op.responses) continue;
      assert.equal(op.responses['4XX']?.$ref, '#/components/responses/Error', op.operationId);
      assert.equal(op.responses['5XX']?.$ref, '#/components/responses/Error', op.operationId);
    }
  }
});
