/**
 * Compares package versions the way vulnerability feeds mostly do: runs of digits numerically, runs
 * of letters alphabetically, so `1.1.1k` < `1.1.1l` < `1.1.2` and `5.9` < `5.16.11`. A version that
 * is a prefix of another is the older one (`1.1.1` < `1.1.1a`).
 */
export function compareVersions(a: string, b: string): number {
  const x = a.toLowerCase().match(/\d+|[a-z]+/g) ?? [];
  const y = b.toLowerCase().match(/\d+|[a-z]+/g) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (pn !== qn) {
      // 1.0 (numeric part) is newer than 1.rc (a pre-release letter part).
      return pn ? 1 : -1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return Math.sign(x.length - y.length);
}
