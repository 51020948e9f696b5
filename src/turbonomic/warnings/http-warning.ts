import { TurboWarning } from './turbo-warning.js';

/** Plain HTTP is in use (upstream `HTTPWarning`: "You should be using HTTPS"). */
export class HTTPWarning extends TurboWarning {
  override name = 'HTTPWarning';
}
