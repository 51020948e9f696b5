import type { Query } from '../transport/query.js';

/** Options of `getSupplychains`. */
export interface SupplychainOptions {
  /** Entity types to include (`types`). */
  types?: string | readonly string[] | undefined;
  /** Entity states (`entity_states`). */
  states?: string | readonly string[] | undefined;
  /** `entity` lists instances (`detail_type`). */
  detail?: string | undefined;
  /** `CLOUD`, `ONPREM` or `HYBRID` (`environment_type`). */
  environment?: string | undefined;
  /** Aspect names (`aspect_names`). */
  aspects?: string | readonly string[] | undefined;
  /** Health summaries (`health`); default false, and always sent, as upstream does. */
  health?: boolean | undefined;
}

/** The `GET supplychains` query in upstream's order: uuids, types, entity_states, detail_type, environment_type, aspect_names, health. */
export function supplychainQuery(uuids: string | readonly string[], o: SupplychainOptions = {}): Query {
  return {
    uuids,
    types: o.types,
    entity_states: o.states,
    detail_type: o.detail,
    environment_type: o.environment,
    aspect_names: o.aspects,
    health: o.health ?? false,
  };
}
