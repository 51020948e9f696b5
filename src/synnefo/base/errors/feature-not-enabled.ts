import { ClientError } from './client-error.js';

/** `featureNotEnabled` (404): the deployment has the feature turned off. */
export class FeatureNotEnabled extends ClientError {
  override name = 'FeatureNotEnabled';
}
