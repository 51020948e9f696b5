import type { AccessResponse, CatalogEndpoint, CatalogService } from './types.js';
import { NoEndpoints } from './errors/no-endpoints.js';

/** Which catalog entries to keep (astakosclient `parse_endpoints` keywords, camelCased). */
export interface EndpointFilter {
  /** Service name, exact and case-sensitive (`cyclades_compute`). */
  name?: string | undefined;
  /** Service type, exact and case-sensitive (`compute`). */
  type?: string | undefined;
  /** Endpoint region (`default`). */
  region?: string | undefined;
  /** Endpoint versionId, with its `v` (`v2.0`). */
  versionId?: string | undefined;
}

/**
 * astakosclient's `parse_endpoints`: the catalog services matching every given filter (name and
 * type exactly; region and versionId filter each service's endpoints, and services left without
 * endpoints are dropped). Throws {@link NoEndpoints} when nothing matches. Unlike astakosclient,
 * the input is not modified.
 */
export function parseEndpoints(endpoints: AccessResponse, filter: EndpointFilter = {}): CatalogService[] {
  const catalog = endpoints?.access?.serviceCatalog;
  if (!Array.isArray(catalog)) throw new NoEndpoints(filter);
  let services = catalog.filter((c) => (filter.name === undefined || c.name === filter.name) && (filter.type === undefined || c.type === filter.type));
  const narrow = (keep: (e: CatalogEndpoint) => boolean) => {
    services = services.map((c) => ({ ...c, endpoints: (c.endpoints ?? []).filter(keep) })).filter((c) => c.endpoints.length > 0);
  };
  if (filter.region !== undefined) narrow((e) => e.region === filter.region);
  if (filter.versionId !== undefined) narrow((e) => e.versionId === filter.versionId);
  if (services.length === 0) throw new NoEndpoints(filter);
  return services;
}

/** The path of an absolute URL (`https://h/account/v1.0` → `/account/v1.0`), without a trailing `/`. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
