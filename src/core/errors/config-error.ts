import { OpsError } from './ops-error.js';

/** Bad configuration or arguments: a malformed key file, a missing option, an invalid value. */
export class ConfigError extends OpsError {
  static override readonly kind: string = 'opskit:ConfigError';
  override name = 'ConfigError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { code: 'CONFIG', ...options });
  }
}
