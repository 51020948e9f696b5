/**
 * White-label product names → mapping key (upstream `versions.names`).
 * `versionInfo` starts with the product's first word, e.g. `Cisco Workload Optimization Manager`.
 */
export const whiteLabelNames: Readonly<Record<string, string>> = Object.freeze({ Cisco: 'cwom' });

function range(prefix: string, base: string, from: number, to: number, skip: readonly number[] = []): [string, string][] {
  const out: [string, string][] = [];
  for (let n = from; n <= to; n++) if (!skip.includes(n)) out.push([`${prefix}.${n}`, `${base}.${n}`]);
  return out;
}

function cwom(): Record<string, string> {
  const table: [string, string][] = [
    ['1.0', '5.8.3.1'], ['1.1', '5.9.1'], ['1.1.3', '5.9.3'],
    ['1.2.0', '6.0.3'], ['1.2.1', '6.0.6'], ['1.2.2', '6.0.9'], ['1.2.3', '6.0.11.1'],
    ['2.0.0', '6.1.1'], ['2.0.1', '6.1.6'], ['2.0.2', '6.1.8'], ['2.0.3', '6.1.12'],
    ['2.1.0', '6.2.2'], ['2.1.1', '6.2.7.1'], ['2.1.2', '6.2.10'],
    ['2.2', '6.3.2'], ['2.2.1', '6.3.5.0.1'], ['2.2.2', '6.3.7'], ['2.2.3', '6.3.7.1'], ['2.2.4', '6.3.10'], ['2.2.5', '6.3.13'],
    ['2.3.0', '6.4.2'],
  ];
  // 2.3.N → 6.4.(N+4) for N = 1..34.
  for (let n = 1; n <= 34; n++) table.push([`2.3.${n}`, `6.4.${n + 4}`]);
  table.push(
    ...range('3.0', '8.2', 1, 7),
    ...range('3.1', '8.3', 0, 6),
    ...range('3.2', '8.4', 0, 7),
    // 0..5 in v3.6.2; 3.3.6 and everything below were added on the release-v3.7.0 branch.
    ...range('3.3', '8.5', 0, 6),
    ...range('3.4', '8.6', 0, 6, [1]), // there is no 3.4.1
    ...range('3.5', '8.7', 0, 6),
    ['3.6', '8.8.08'],
  );
  return Object.fromEntries(table);
}

/**
 * White-label product version → Turbonomic base version (upstream `versions.mappings`), the union
 * of the v3.6.2 table and the release-v3.7.0 additions.
 */
export const versionMappings: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze({
  cwom: Object.freeze(cwom()),
});
