import type { HttpErrorInit } from '../../core/errors/http-error.js';
import { ServerError } from '../../core/errors/server-error.js';
import { describeMistError } from './described.js';

/** A 5xx answer of a mist.io server, with the server's title and detail (see {@link MistClientError}). */
export class MistServerError extends ServerError {
  override name = 'MistServerError';
  /** The server's error title, e.g. `Backend unavailable`. */
  readonly title: string | undefined;
  /** The text after the title; undefined when the server sent only a title. */
  readonly detail: string | undefined;

  constructor(init: HttpErrorInit) {
    const d = describeMistError(init);
    super(d.init);
    this.title = d.title;
    this.detail = d.detail;
    (this as { vendorCode: string | undefined }).vendorCode = d.title;
  }
}
