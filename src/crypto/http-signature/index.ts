export { httpDate, parseHttpDate } from './date.js';
export { signingString, requestTarget, type SignableRequest } from './signing-string.js';
export {
  formatAuthorization,
  parseModernAuthorization,
  parseLegacyAuthorization,
  type SignatureParams,
  type ParsedAuthorization,
} from './authorization.js';
export { keySigner, type HttpSigner, type KeySignerOptions } from './signer.js';
export { signRequest, type SignRequestOptions, type SignedRequest } from './sign-request.js';
export { presignUrl, rfc3986, type PresignUrlOptions } from './presign-url.js';
