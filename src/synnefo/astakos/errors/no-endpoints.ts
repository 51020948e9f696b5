import { AstakosClientError } from './astakos-client-error.js';

/**
 * astakosclient's `NoEndpoints`: the service catalog has no endpoint matching the filter (name,
 * type, region, versionId). Status 500, as astakosclient.
 */
export class NoEndpoints extends AstakosClientError {
  override name = 'NoEndpoints';

  constructor(filter: { name?: string | undefined; type?: string | undefined; region?: string | undefined; versionId?: string | undefined } | string) {
    const text =
      typeof filter === 'string'
        ? filter
        : `No endpoints found matching${Object.entries({ name: filter.name, type: filter.type, region: filter.region, version_id: filter.versionId })
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `, ${k} = ${v}`)
            .join('') || '.'}`;
    super(text.replace(/[{}]/g, ''), 500);
  }
}
