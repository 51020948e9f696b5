import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { enumerateStats, enumerateTemplateResources, memCast, memCastDecimal, strToBool, VMTFormatError } from '../../../src/turbonomic/index.js';

test('memCast: every observed value of protocols §10, as Python prints the Decimal', () => {
  const table: [[string, string?, string?], string, number][] = [
    [['1073741824'], '1', 1],
    [['1024'], '9.5367431640625E-7', 9.5367431640625e-7],
    [['1000', 'B', 'B'], '1E+3', 1000],
    [['5kb', 'b'], '5.12E+3', 5120],
    [['16G', 'M'], '16384', 16384],
    [['16 GB', 'T'], '0.015625', 0.015625],
    [['1536', 'K', 'B'], '1.5', 1.5],
    [['1', 'B', 'Y'], '1208925819614629174706176', 1208925819614629174706176],
  ];
  for (const [args, text, number] of table) {
    assert.equal(memCastDecimal(...args), text, args.join(','));
    assert.equal(memCast(...args), number, args.join(','));
  }
});

test('memCast: unit names count by first letter; rounding is 28 digits half-even', () => {
  assert.equal(memCastDecimal('2048', 'Kilobytes', 'bytes'), '2');
  // 1 / 1024^5 has 35 significant digits; Python rounds it to 28 before multiplying.
  assert.equal(memCastDecimal('1', 'P', 'B'), '8.881784197001252323389053345E-16');
  assert.equal(memCastDecimal('3', 'Y', 'B'), '2.481541837659083024614226076E-24');
  for (const bad of ['1.5G', '-1', '1.5', 'abc', '']) assert.throws(() => memCast(bad), VMTFormatError, bad);
  assert.throws(() => memCast('1', 'Q'), VMTFormatError);
});

test('memCast matches Python decimal for every unit pair (cross-check against python3)', () => {
  // The upstream algorithm, as protocols §10 describes it, run by CPython's decimal module.
  const script = `
import json, sys
from decimal import Decimal
units = 'BKMGTPEZY'
out = []
for value, unit, src in json.load(sys.stdin):
    offset = units.index(unit) - units.index(src)
    v = Decimal(value)
    r = v * 1024 ** abs(offset) if offset <= 0 else v * (1 / Decimal(1024 ** offset))
    out.append(str(r.normalize()))
print(json.dumps(out))
`;
  const cases: [string, string, string][] = [];
  for (const value of ['0', '1', '7', '1000', '123456789', '99999999999999999999', '18446744073709551615'])
    for (const unit of 'BKMGTPEZY') for (const src of 'BKMGY') cases.push([value, unit, src]);
  const python = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(cases) }).toString()) as string[];
  cases.forEach(([v, u, s], i) => assert.equal(memCastDecimal(v, u, s), python[i], `${v} ${s}→${u}`));
});

test('enumerateStats: the observed output of protocols §10 and the filters', () => {
  const data = [
    { uuid: 'a', stats: [{ date: 'd1', statistics: [{ name: 'CPU' }, { name: 'Mem' }] }, { date: 'd2', statistics: [{ name: 'CPU' }] }] },
    { uuid: 'b' },
  ];
  assert.deepEqual([...enumerateStats(data)], [['d1', { name: 'CPU' }], ['d1', { name: 'Mem' }], ['d2', { name: 'CPU' }]]);
  assert.deepEqual([...enumerateStats(data, { stat: (s) => s.name === 'CPU' })].map(([d]) => d), ['d1', 'd2']);
  assert.deepEqual([...enumerateStats(data, { period: (p) => p.date === 'd2' })].length, 1);
  assert.deepEqual([...enumerateStats(data, { entity: (e) => e.uuid === 'b' })], []);
  const gen = enumerateStats(data);
  assert.equal(typeof gen.next, 'function', 'a generator, not an array');
});

test('enumerateTemplateResources walks compute, infrastructure and storage resources', () => {
  const tpl = [{ computeResources: [{ stats: [{ name: 'numOfCpu' }] }], storageResources: [{ stats: [{ name: 'diskSize' }] }] }];
  assert.deepEqual([...enumerateTemplateResources(tpl)], [['computeResources', { name: 'numOfCpu' }], ['storageResources', { name: 'diskSize' }]]);
  assert.deepEqual([...enumerateTemplateResources(tpl, { restype: (k) => k === 'storageResources' })].length, 1);
});

test('strToBool is true only for yes, true, y, t, 1', () => {
  for (const yes of ['yes', 'TRUE', 'y', 'T', '1']) assert.equal(strToBool(yes), true, yes);
  for (const no of ['no', 'false', '0', 'on', '', ' yes']) assert.equal(strToBool(no), false, no);
});
