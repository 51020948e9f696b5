import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareVersions, TurboWarning, Version, VersionSpec, VMTFormatError, VMTMinimumVersionWarning, VMTVersion, VMTVersionError, VMTVersionWarning, type VersionSpecOptions,
} from '../../../src/turbonomic/index.js';

const xl = (v: string) => new Version({ versionInfo: `Turbonomic Operations Manager ${v} (Build "1") "x"\n\naction-orchestrator: ${v}\n` });
const classic = (v: string) => new Version({ versionInfo: `Turbonomic Operations Manager ${v} (Build 1) x\n\n` });
const cwom235 = () => new Version({ versionInfo: 'Cisco Workload Optimization Manager 2.3.5 (Build 1) x\n' });

type Outcome = boolean | 'raises' | string;
interface Row {
  spec: [string[] | null, VersionSpecOptions?];
  server: () => Version;
  result: Outcome;
  warns?: (typeof TurboWarning)[];
}

/** protocols §4 "Observed examples", row by row, then the rules stated around them. */
const table: [string, Row][] = [
  ["['6.0+'], exclude=['6.4.10'] vs 6.4.10", { spec: [['6.0+'], { exclude: ['6.4.10'] }], server: () => classic('6.4.10'), result: false }],
  ["['6.4.10'] vs 6.4.10", { spec: [['6.4.10']], server: () => classic('6.4.10'), result: true }],
  ["['6.4.10'] vs 6.4.11", { spec: [['6.4.10']], server: () => classic('6.4.11'), result: 'raises' }],
  ["['6.4'] vs 6.4.0", { spec: [['6.4']], server: () => classic('6.4.0'), result: true }],
  ["['6.4'] vs 6.4.10", { spec: [['6.4']], server: () => classic('6.4.10'), result: 'raises' }],
  ["['7.21+'] vs 7.20.1", { spec: [['7.21+']], server: () => xl('7.20.1'), result: 'raises' }],
  ["['7.21+'], required=False vs 7.20.1", { spec: [['7.21+'], { required: false }], server: () => xl('7.20.1'), result: false, warns: [VMTMinimumVersionWarning] }],
  ["['7.21+'] vs 7.22.0-SNAPSHOT", { spec: [['7.21+']], server: () => xl('7.22.0-SNAPSHOT'), result: 'Snapshot build detected.' }],
  ["['7.21+'], snapshot=True vs 7.22.0-SNAPSHOT", { spec: [['7.21+'], { snapshot: true }], server: () => xl('7.22.0-SNAPSHOT'), result: true, warns: [VMTVersionWarning] }],
  ["['6.4+'] vs CWOM 2.3.5 (base 6.4.9)", { spec: [['6.4+']], server: cwom235, result: true }],
  ["['6.4+'], cmp_base=False vs CWOM 2.3.5", { spec: [['6.4+'], { cmpBase: false }], server: cwom235, result: 'raises' }],
  ["['2.3+'], cmp_base=False vs CWOM 2.3.5", { spec: [['2.3+'], { cmpBase: false }], server: cwom235, result: true }],
  ["['6.4.10','5.9+'] vs 6.4.11", { spec: [['6.4.10', '5.9+']], server: () => classic('6.4.11'), result: true }],
  // The rules the table illustrates.
  ["'+' has no upper bound: ['6.0+'] vs 8.3.1", { spec: [['6.0+']], server: () => xl('8.3.1'), result: true }],
  ['the 5th part is ignored: 6.3.5.0.1 == 6.3.5.0.2', { spec: [['6.3.5.0.1']], server: () => new Version({ versionInfo: 'Turbonomic Operations Manager 6.3.5 (Build 1) x\n', version: '6.3.5.0.2', branch: '6.3' }), result: true }],
  ["exclude ['7.0+'] removes everything from 7.0 up", { spec: [['6.0+'], { exclude: ['7.0+'] }], server: () => xl('8.3.1'), result: false }],
  ['VersionSpec() never matches: raises', { spec: [null], server: () => xl('8.3.1'), result: 'Required version not met' }],
  ['VersionSpec(required=False) warns and returns False', { spec: [null, { required: false }], server: () => xl('8.3.1'), result: false, warns: [VMTMinimumVersionWarning] }],
  ['the snapshot check comes before exclusion', { spec: [['7.21+'], { exclude: ['7.22+'] }], server: () => xl('7.22.0-SNAPSHOT'), result: 'Snapshot build detected.' }],
  ['no base version: warn, then compare the product version', { spec: [['1.2+']], server: () => new Version({ versionInfo: 'Acme Cloud Manager 1.2.3 (Build 1) x\n' }), result: true, warns: [VMTVersionWarning] }],
  ['parts of 100 and more compare numerically', { spec: [['7.99+']], server: () => xl('7.100.0'), result: true }],
];

test('VersionSpec: every observed example of protocols §4', () => {
  for (const [name, row] of table) {
    const warnings: TurboWarning[] = [];
    const spec = new VersionSpec(row.spec[0], { ...row.spec[1], onWarning: (w) => warnings.push(w) });
    const v = row.server();
    if (typeof row.result === 'boolean') assert.equal(spec.check(v), row.result, name);
    else {
      assert.throws(() => spec.check(v), VMTVersionError, name);
      if (row.result !== 'raises') assert.throws(() => spec.check(v), { message: row.result }, name);
    }
    assert.deepEqual(warnings.map((w) => w.constructor), row.warns ?? [], `${name}: warnings`);
  }
});

test('VersionSpec: input checks, no mutation, VMTVersion defaults to optional', () => {
  assert.throws(() => new VersionSpec('7.21+' as unknown as string[]), VMTFormatError);
  assert.throws(() => new VersionSpec(['7.x']), VMTFormatError);
  const mine = ['8.0+', '6.1+', '7.2'];
  const spec = new VersionSpec(mine);
  assert.deepEqual(mine, ['8.0+', '6.1+', '7.2'], "the caller's list is not sorted in place");
  assert.deepEqual(spec.versions, ['6.1+', '7.2', '8.0+']);
  const warnings: TurboWarning[] = [];
  assert.equal(new VMTVersion(['9.0+']).check(xl('8.3.1'), { onWarning: (w) => warnings.push(w) }), false);
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0] instanceof VMTMinimumVersionWarning && warnings[0] instanceof VMTVersionWarning);
});

test('compareVersions agrees with upstream integer comparison below 100 and fixes it above', () => {
  const int = (v: string) => {
    const p = v.split('.').slice(0, 4);
    return Number(p[0] + [1, 2, 3].map((i) => String(Number(p[i] ?? 0)).padStart(2, '0')).join(''));
  };
  const versions = ['6.1', '6.1.0.1', '6.4.9', '6.4.10', '7.21', '7.21.2', '8.3.1', '8.8.08', '10.2.3.4'];
  for (const a of versions) for (const b of versions) assert.equal(Math.sign(compareVersions(a, b)), Math.sign(int(a) - int(b)), `${a} vs ${b}`);
  // Upstream packs 7.100 as 71000000, which outranks 8.0 (8000000).
  assert.ok(int('7.100') > int('8.0'));
  assert.ok(compareVersions('7.100', '8.0') < 0);
  assert.ok(compareVersions('7.100', '7.99') > 0);
});
