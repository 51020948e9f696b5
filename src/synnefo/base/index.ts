/**
 * The base of every Synnefo client (kamaki `kamaki.clients.Client`): endpoint URL and version
 * rule, Python 2 quoting, kamaki query staging, per-call success codes and `ClientError` parsed
 * from fault bodies, header quoting, waiters. Service clients (compute, network, image, volume,
 * Pithos, CachedAstakosClient) extend {@link Client}.
 * @module
 */
export {
  Client,
  SYNNEFO_CLIENT_OPTION_NAMES,
  type SynnefoClientOptions,
  type ServiceDefinition,
  type SynnefoMethod,
  type LooseSynnefoMethod,
  type SharedOptions,
} from './client.js';
export {
  ServiceApi,
  SYNNEFO_PUBLIC_NAMES,
  type ServiceApiOptions,
  type SynnefoCallInit,
  type SynnefoResponse,
  type SynnefoHttpMethod,
} from './service-api.js';
export * from './errors/index.js';
export { quote, unquote } from './quote.js';
export { path4url, pathId } from './path4url.js';
export { synnefoQuery, type QueryValue, type QueryParams } from './query.js';
export { quoteHeaders, unquoteHeaders, quoteHeaderKeys, unquoteHeaderKeys, type HeaderQuoting } from './header-quote.js';
export { stripVersion, endpointWithVersion } from './version.js';
export { TokenAuth, checkToken } from './token-auth.js';
export { isoTime } from './iso-time.js';
export { waitWhileStatus, waitUntilStatus, waitForItem, WAIT_OPTION_NAMES, type SynnefoWaitOptions } from './wait.js';
export { kamakiPathSerializer, synnefoBody, formEncode, finishCall } from './send.js';
/** How a path parameter may be spelled (`id`, `text`, `segments`): the `pathStyles` of an operation table. */
export type { PathStyle } from '../../core/path-params.js';
