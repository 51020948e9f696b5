import { AstakosClientError } from './astakos-client-error.js';

/** astakosclient's `NoUserName`: Astakos knows no user with this uuid. Status 500, as astakosclient. */
export class NoUserName extends AstakosClientError {
  override name = 'NoUserName';
  /** The uuid that was looked up. */
  readonly uuid: string;

  constructor(uuid: string) {
    super(`No display name for the given uuid: ${uuid.replace(/[{}]/g, '')}`, 500);
    this.uuid = uuid;
  }
}
