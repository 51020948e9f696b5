import type { CoreOptions } from '../core/types.js';
import type { HttpSigner } from '../crypto/http-signature/signer.js';
import type { PrivateKey } from '../crypto/keys/private-key.js';
import type { SignatureAlgorithm } from '../crypto/keys/sign/algorithms.js';
import type { SigningBackend } from '../crypto/keys/sign/sign.js';
import type { DateHeaderMode } from './auth.js';

/** Options of `new DataCenter(…)`. */
export interface DataCenterOptions extends CoreOptions {
  /**
   * py-smartdc location: a key of `knownLocations`, a host name (`cloudapi.us-central-1.triton.zone`,
   * `localhost`), or a bare name (→ `https://<name>.api.joyentcloud.com`). Default `us-west-1`.
   */
  location?: string;
  /** Base URL; overrides `location` (e.g. a simulator's `http://127.0.0.1:PORT`). */
  url?: string;
  /** Account login (never `my` for signing). Optional when `keyId` is a full `/login/keys/…` path. */
  account?: string;
  /** RBAC sub-user login: signs as `/<account>/users/<user>/keys/<fp>` and calls the account's paths. */
  user?: string;
  /**
   * Which key: a fingerprint (`aa:bb:…`, `MD5:…`, `SHA256:…`) that must match `key`/`signer`, or a
   * full keyId (`/login/keys/name`, as py-smartdc takes it) sent verbatim.
   */
  keyId?: string;
  /** Private key text in any supported format (OpenSSH, PKCS#1, SEC1, PKCS#8; plain or encrypted) or a parsed key. */
  key?: string | Uint8Array | PrivateKey;
  /** A ready signer instead of `key` (e.g. the ssh-agent signer from `opskit/node`). */
  signer?: HttpSigner;
  /**
   * Send requests unsigned (only `GET /--ping` answers then). Without `key` or `signer` a DataCenter
   * is a ConfigError unless this is set, so a forgotten or misspelled key option never turns into
   * a stream of 401s.
   */
  unsigned?: boolean;
  /** Passphrase of an encrypted `key`. Never logged. */
  passphrase?: string;
  /** Highest bcrypt_pbkdf rounds an encrypted OpenSSH `key` may ask for (default 256: real keys use 16–256). */
  maxBcryptRounds?: number;
  /** Highest PBKDF2 iterations an encrypted PKCS#8 `key` may ask for (default 1,000,000). */
  maxPbkdf2Iterations?: number;
  /** Signature algorithm (default by key type: rsa-sha256, ecdsa-sha256/512, ed25519-sha512). */
  algorithm?: SignatureAlgorithm;
  /** `auto` (default): WebCrypto where present, pure JavaScript otherwise. */
  signingBackend?: SigningBackend;
  /** Location → URL table (default py-smartdc's KNOWN_LOCATIONS). */
  knownLocations?: Readonly<Record<string, string>>;
  /** `Accept-Version` (default `~9||~8`). */
  acceptVersion?: string;
  /** `Date` vs `x-date` (default `auto`: `x-date` only where `Date` cannot be set). */
  dateHeader?: DateHeaderMode;
  /** Headers to sign (default `['date']`); add `(request-target)` to bind method and path. */
  signHeaders?: readonly string[];
}
