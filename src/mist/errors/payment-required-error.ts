import { MistClientError } from './mist-client-error.js';

/** 402: `Payment required` (the hosted plan's limit, e.g. of monitored machines). */
export class MistPaymentRequiredError extends MistClientError {
  override name = 'MistPaymentRequiredError';
}
