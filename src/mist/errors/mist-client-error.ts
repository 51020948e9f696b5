import { ClientError } from '../../core/errors/client-error.js';
import type { HttpErrorInit } from '../../core/errors/http-error.js';
import { describeMistError } from './described.js';

/**
 * A 4xx answer of a mist.io server. `vendorCode` is the server's title (`Keypair not found`) and
 * `detail` what follows it (`my key`); `body` is the text the server sent (secrets redacted).
 */
export class MistClientError extends ClientError {
  override name = 'MistClientError';
  /** The server's error title, e.g. `Keypair exists`. */
  readonly title: string | undefined;
  /** The text after the title, e.g. the key name; undefined when the server sent only a title. */
  readonly detail: string | undefined;

  constructor(init: HttpErrorInit) {
    const d = describeMistError(init);
    super(d.init);
    this.title = d.title;
    this.detail = d.detail;
    (this as { vendorCode: string | undefined }).vendorCode = d.title;
  }
}
