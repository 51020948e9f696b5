import type { HttpErrorInit } from '../../core/errors/http-error.js';
import { parseMistErrorText } from './error-text.js';

/**
 * The init a mist.io error passes to the core's HttpError, and the title and detail it keeps.
 * Read from the redacted body (never from the raw one), so no secret reaches a message. The
 * message names the title once: `… failed with HTTP 404 Not Found: Keypair not found: my key`,
 * or `… HTTP 401 Unauthorized: Not authorized` when there is no detail.
 */
export function describeMistError(init: HttpErrorInit): { init: HttpErrorInit; title: string | undefined; detail: string | undefined } {
  const { title, detail } = parseMistErrorText(init.body);
  const shown: HttpErrorInit = { ...init, vendorCode: detail === undefined ? undefined : title, vendorMessage: detail ?? title };
  return { init: shown, title, detail };
}
