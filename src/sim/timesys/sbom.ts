/** One package of an SBOM. */
export interface SbomPackage {
  name: string;
  version: string;
}

/** What the simulator understood of an SBOM: its packages and, when the document says, its name. */
export interface ParsedSbom {
  name: string | undefined;
  packages: SbomPackage[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads the SBOM shapes Vigiles accepts: CycloneDX JSON (`components`), SPDX JSON (`packages` list),
 * a Vigiles/Yocto manifest (`packages` object of name → `{version}`), or plain text with one
 * `name version` / `name@version` / `name==version` per line. Undefined when it is none of those,
 * which the server answers with 412.
 */
export function parseSbom(text: string): ParsedSbom | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (Array.isArray(doc.components)) {
      const meta = (doc.metadata as { component?: { name?: unknown } } | undefined)?.component;
      return { name: str(meta?.name), packages: list(doc.components, 'name', 'version') };
    }
    if (Array.isArray(doc.packages)) return { name: str(doc.name), packages: list(doc.packages, 'name', 'versionInfo') };
    if (doc.packages && typeof doc.packages === 'object') {
      const packages = Object.entries(doc.packages as Record<string, { version?: unknown; cve_version?: unknown }>).map(([name, p]) => ({
        name,
        version: str(p?.cve_version) ?? str(p?.version) ?? '',
      }));
      return { name: str(doc.manifest_name) ?? str(doc.name), packages };
    }
    return undefined;
  }
  const packages: SbomPackage[] = [];
  for (const line of trimmed.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const m = /^([A-Za-z0-9_.+-]+)(?:\s+|@|==)(\S+)$/.exec(l);
    if (!m) return undefined;
    packages.push({ name: m[1] as string, version: m[2] as string });
  }
  return packages.length ? { name: undefined, packages } : undefined;
}

function list(items: unknown[], nameKey: string, versionKey: string): SbomPackage[] {
  const out: SbomPackage[] = [];
  for (const item of items) {
    const o = item as Record<string, unknown>;
    const name = str(o?.[nameKey]);
    if (name) out.push({ name, version: str(o[versionKey]) ?? '' });
  }
  return out;
}
