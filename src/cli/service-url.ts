import { UsageError } from './usage-error.js';

/**
 * Checks a server URL given on the command line, in the environment or in a config file: it must
 * be absolute, with an http or https scheme. `where` names its source (`--url`, `TRITON_URL`, …).
 * The message quotes at most the host part, never a path or query that could hold a token.
 */
export function checkServiceUrl(raw: string, where: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '') return url;
  const host = /^[\w.-]+(:\d+)?/.exec(raw.replace(/^[a-z]+:\/\//i, ''))?.[0];
  const example = host ? `https://${host}` : 'https://host.example.com';
  const local = host && /^(localhost|127\.|\[?::1)/.test(host) ? ` (http://${host} for a plain-HTTP server such as a simulator)` : ' (or http:// for a plain-HTTP server such as a simulator)';
  throw new UsageError(`${where} must be a URL with its scheme, such as ${example}${local}`);
}
