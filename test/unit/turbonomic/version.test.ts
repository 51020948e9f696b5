import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serializeVersion, Version, versionMappings, VMTFormatError, VMTUnknownVersion, type ProductVersion } from '../../../src/turbonomic/index.js';

const XL_831_INFO = 'Turbonomic Operations Manager 8.3.1 (Build "20210903141421000") "2021-09-03 14:18:33"\n\naction-orchestrator: 8.3.1\napi: 8.3.1\n';

test('serializeVersion: every example of protocols §3', () => {
  const table: [string, string][] = [
    ['6.1', '6010000'],
    ['7.21.2', '7210200'],
    ['6.3.5.0.1', '6030500'],
    ['8.8.08', '8080800'],
    ['10.2.3.4', '10020304'],
    // Part 0 as written, parts 1–3 zero-padded, a 5th part ignored, missing parts 00.
    ['7', '7000000'],
    ['08.1', '08010000'],
  ];
  for (const [input, serial] of table) assert.equal(serializeVersion(input), serial, input);
  assert.throws(() => serializeVersion('7.x.1'), VMTFormatError);
});

/**
 * Every `vars(Version(...))` observation of protocols §3, with opskit's value where it differs on
 * purpose (docs/compat.md): `baseBuild` is the build number, never the quote character.
 */
const observed: { name: string; dto: ProductVersion; expect: Partial<Record<keyof Version, unknown>>; upstream?: string }[] = [
  {
    name: 'XL 7.4.0 with only versionInfo',
    dto: { versionInfo: 'Turbonomic Operations Manager 7.4.0 (Build "20200101000000000") "2020-01-01 00:00:00"\n\naction-orchestrator: 7.4.0\n' },
    expect: { product: 'Turbonomic', version: '7.4.0', baseVersion: '7.4.0', baseBranch: '7.4.0', baseBuild: '20200101000000000', platform: 'xl', snapshot: false, serial: '7040000' },
    upstream: `base_build '"' (regex group 3 is the quote)`,
  },
  {
    name: 'XL 8.3.1 with fields',
    dto: { versionInfo: XL_831_INFO, version: '8.3.1', branch: '8.3.1', build: '20210903141421000', marketVersion: 2 },
    expect: { version: '8.3.1', baseVersion: '8.3.1', baseBuild: '20210903141421000', marketVersion: 2, platform: 'xl', baseMajor: 8, baseMinor: 3, basePatch: 1, baseExtra: 0 },
  },
  {
    name: '7.22.0-SNAPSHOT',
    dto: { versionInfo: 'Turbonomic Operations Manager 7.22.0-SNAPSHOT (Build "20200505000000000") "2020-05-05 00:00:00"\n\naction-orchestrator: 7.22.0-SNAPSHOT\n', version: '7.22.0-SNAPSHOT', branch: '7.22.0-SNAPSHOT' },
    expect: { version: '7.22.0', extra: '-SNAPSHOT', snapshot: true, baseVersion: '7.22.0', baseBranch: '7.22.0', platform: 'xl' },
  },
  {
    name: 'CWOM 2.3.5 without fields',
    dto: { versionInfo: 'Cisco Workload Optimization Manager 2.3.5 (Build 20190101) 2019-01-01 00:00:00\n\nvmturbo: 6.4.9\n' },
    expect: { product: 'Cisco', version: '2.3.5', baseVersion: '6.4.9', baseBranch: undefined, baseBuild: undefined, platform: 'classic', serial: '6040900' },
  },
  {
    name: 'CWOM 3.2.1 with version 8.4.1',
    dto: { versionInfo: 'Cisco Workload Optimization Manager 3.2.1 (Build "20211001000000000") "2021-10-01 00:00:00"\n\naction-orchestrator: 8.4.1\n', version: '8.4.1' },
    expect: { product: 'Cisco', version: '3.2.1', baseVersion: '8.4.1', platform: 'xl' },
  },
  {
    name: 'Classic prints the build without quotes',
    dto: { versionInfo: 'Turbonomic Operations Manager 6.4.10 (Build 20200303) 2020-03-03 00:00:00\n\nvmturbo: 6.4.10\n' },
    expect: { version: '6.4.10', baseVersion: '6.4.10', baseBuild: '20200303', platform: 'classic' },
    upstream: 'base_build None',
  },
  {
    name: 'a -rc1 suffix is stripped as a suffix, not as a character set',
    dto: { versionInfo: 'Turbonomic Operations Manager 8.3.1-rc1 (Build "1") "x"\n\naction-orchestrator: 8.3.1\n', version: '8.3.1', branch: '8.3.1-rc1' },
    expect: { version: '8.3.1', extra: '-rc1', snapshot: true, baseVersion: '8.3.1', baseBranch: '8.3.1' },
    upstream: 'rstrip("-rc1") turns 8.3.1 into 8.3. and parsing crashes',
  },
  {
    name: 'XL needs both the orchestrator line and major >= 7',
    dto: { versionInfo: 'Turbonomic Operations Manager 6.4.0 (Build "1") "x"\n\naction-orchestrator: 6.4.0\n' },
    expect: { platform: 'classic' },
  },
  {
    name: 'an orchestrator line without the trailing space is not XL',
    dto: { versionInfo: 'Turbonomic Operations Manager 8.0.0 (Build "1") "x"\n\naction-orchestrator:8.0.0\n' },
    expect: { platform: 'classic', baseMajor: 8 },
  },
  {
    name: 'an unknown white label keeps baseVersion undefined',
    dto: { versionInfo: 'Acme Cloud Manager 1.2.3 (Build 1) x\n' },
    expect: { product: 'Acme', version: '1.2.3', baseVersion: undefined, serial: undefined, platform: 'classic' },
    upstream: 'serialize_version(None) raises AttributeError',
  },
  {
    name: 'a short base version does not crash',
    dto: { versionInfo: 'Cisco Workload Optimization Manager 2.2 (Build 1) x\n' },
    expect: { baseVersion: '6.3.2', baseMajor: 6, baseMinor: 3, basePatch: 2 },
  },
];

test('Version: every observed example of protocols §3 (and the fixed cases)', () => {
  for (const row of observed) {
    const v = new Version(row.dto);
    for (const [key, want] of Object.entries(row.expect)) assert.deepEqual((v as unknown as Record<string, unknown>)[key], want, `${row.name}: ${key}`);
  }
});

test('Version: str(), components and isXl()', () => {
  const v = new Version({ versionInfo: XL_831_INFO });
  assert.equal(String(v), '8.3.1');
  assert.equal(`${v}`, '8.3.1');
  assert.equal(v.isXl(), true);
  assert.deepEqual(v.components, ['Turbonomic Operations Manager 8.3.1 (Build "20210903141421000") "2021-09-03 14:18:33"', '', 'action-orchestrator: 8.3.1', 'api: 8.3.1']);
});

test('Version: an unknown CWOM version and a missing headline raise VMTUnknownVersion', () => {
  assert.throws(() => new Version({ versionInfo: 'Cisco Workload Optimization Manager 9.9.9 (Build 1) x\n' }), VMTUnknownVersion);
  assert.throws(() => new Version({ versionInfo: 'hello world' }), VMTUnknownVersion);
});

test('CWOM table: every range of protocols §3', () => {
  const t = versionMappings.cwom as Record<string, string>;
  const rows: [string, string][] = [
    ['1.0', '5.8.3.1'], ['1.1', '5.9.1'], ['1.1.3', '5.9.3'],
    ['1.2.0', '6.0.3'], ['1.2.1', '6.0.6'], ['1.2.2', '6.0.9'], ['1.2.3', '6.0.11.1'],
    ['2.0.0', '6.1.1'], ['2.0.1', '6.1.6'], ['2.0.2', '6.1.8'], ['2.0.3', '6.1.12'],
    ['2.1.0', '6.2.2'], ['2.1.1', '6.2.7.1'], ['2.1.2', '6.2.10'],
    ['2.2', '6.3.2'], ['2.2.1', '6.3.5.0.1'], ['2.2.2', '6.3.7'], ['2.2.3', '6.3.7.1'], ['2.2.4', '6.3.10'], ['2.2.5', '6.3.13'],
    ['2.3.0', '6.4.2'], ['2.3.1', '6.4.5'], ['2.3.5', '6.4.9'], ['2.3.34', '6.4.38'],
    ['3.0.1', '8.2.1'], ['3.0.7', '8.2.7'], ['3.1.0', '8.3.0'], ['3.1.6', '8.3.6'], ['3.2.0', '8.4.0'], ['3.2.7', '8.4.7'],
    ['3.3.0', '8.5.0'], ['3.3.5', '8.5.5'], ['3.3.6', '8.5.6'],
    ['3.4.0', '8.6.0'], ['3.4.2', '8.6.2'], ['3.4.6', '8.6.6'], ['3.5.0', '8.7.0'], ['3.5.6', '8.7.6'], ['3.6', '8.8.08'],
  ];
  for (const [cwom, base] of rows) assert.equal(t[cwom], base, cwom);
  for (const missing of ['2.3.35', '3.0.0', '3.0.8', '3.4.1', '3.4.7', '3.2.8']) assert.equal(t[missing], undefined, missing);
  assert.equal(Object.keys(t).length, 21 + 34 + 7 + 7 + 8 + 7 + 6 + 7 + 1);
});
