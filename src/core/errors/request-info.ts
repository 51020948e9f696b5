/** The redacted description of a request that errors, logs and dry runs carry. */
export interface RequestInfo {
  /** Operation name: the spec's operationId, or `METHOD /path/template`. */
  op: string;
  method: string;
  /** URL with secret query parameters redacted. */
  url: string;
  /** Headers with secret values redacted. */
  headers: Record<string, string>;
}
