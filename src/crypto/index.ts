/**
 * `opskit/crypto`: HMAC, Fernet and byte encodings, in pure JavaScript on top of noble,
 * synchronous and identical in browsers (secure origin or not), Node, Deno and Bun.
 * @packageDocumentation
 */
export { hmac, type HmacHash } from './hmac.js';
export { Fernet, type FernetOptions, type FernetEncryptOptions, type FernetDecryptOptions } from './fernet/fernet.js';
export { encodeBase64, decodeBase64, encodeBase64Url, decodeBase64Url } from './encoding/base64.js';
export { encodeHex, decodeHex } from './encoding/hex.js';
export { encodeUtf8, decodeUtf8 } from './encoding/utf8.js';
export { equalBytes } from './bytes/equal-bytes.js';
export { randomBytes } from './bytes/random-bytes.js';
export { InvalidToken } from './errors/invalid-token.js';
export { KeyParseError } from './errors/key-parse-error.js';
export { SignatureError } from './errors/signature-error.js';
export * from './keys/index.js';
export * from './http-signature/index.js';
export * from './merkle/index.js';
