import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import * as timesys from '../../../src/timesys/index.js';

type Doc = { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> }; parameters?: { $ref?: string; name?: string }[] }>>; components: { schemas: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> } };
const doc = parseYaml(readFileSync(new URL('../../../openapi/timesys-llapi.yaml', import.meta.url), 'utf8')) as Doc;
const schemas = doc.components.schemas;

test('the spec has the 35 endpoints of protocols §3 plus GET /jobs/{id}, each a facade method', () => {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })),
  );
  assert.equal(ops.length, 36);
  assert.ok(ops.every(({ key }) => key.split(' ')[1]!.startsWith('/api/v1/vigiles/')));
  const methods = new Set(Object.getOwnPropertyNames(timesys.Llapi.prototype));
  assert.deepEqual(ops.filter(({ op }) => !methods.has(op.operationId)).map(({ key }) => key), []);
  assert.deepEqual(Object.keys(timesys.llapiOperations).sort(), ops.map((o) => o.key).sort(), 'generated meta is current');
});

test('POST sends a form body; GET, PUT, PATCH and DELETE send only the query, email included', () => {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (method === 'post') {
        assert.deepEqual(Object.keys(op.requestBody?.content ?? {}), ['application/x-www-form-urlencoded'], `${method} ${path}`);
      } else {
        assert.equal(op.requestBody, undefined, `${method} ${path} has no body`);
        assert.ok(op.parameters?.some((p) => p.$ref === '#/components/parameters/email'), `${method} ${path} sends email in the query`);
      }
    }
  }
});

test('client-side allowed values equal the spec enums', () => {
  assert.deepEqual(schemas.ReportFormat?.enum, [...timesys.REPORT_FORMATS]);
  assert.deepEqual(schemas.ExportFormat?.enum, [...timesys.EXPORT_FORMATS]);
  assert.deepEqual(schemas.SbomFormat?.enum, [...timesys.SBOM_FORMATS]);
  assert.deepEqual(schemas.ExtraField?.enum, [...timesys.EXTRA_FIELDS]);
  assert.deepEqual(schemas.CveField?.enum, [...timesys.CVE_FIELDS]);
  assert.deepEqual(schemas.VulnIdentifier?.enum, [...timesys.VULN_IDENTIFIERS]);
  assert.deepEqual(schemas.LogType?.enum, [...timesys.LOG_TYPES]);
  assert.deepEqual(schemas.VulnStatusValue?.enum, [...timesys.VULN_STATUSES]);
  assert.deepEqual(schemas.Justification?.enum, [...timesys.JUSTIFICATIONS]);
  assert.deepEqual(schemas.SetStatusForm?.properties?.scope?.enum, [...timesys.STATUS_SCOPES]);
  assert.deepEqual(schemas.UploadManifestForm?.properties?.cyclonedx_version?.enum, [...timesys.CYCLONEDX_VERSIONS]);
  assert.deepEqual(schemas.PyBool?.enum, ['True', 'False']);
});
