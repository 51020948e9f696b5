import { AstakosClientError } from './astakos-client-error.js';

/** astakosclient's `NoUUID`: Astakos knows no user with this display name. Status 500, as astakosclient. */
export class NoUUID extends AstakosClientError {
  override name = 'NoUUID';
  /** The display name that was looked up. */
  readonly displayName: string;

  constructor(displayName: string) {
    super(`No uuid for the given display name: ${displayName.replace(/[{}]/g, '')}`, 500);
    this.displayName = displayName;
  }
}
