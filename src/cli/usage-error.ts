/** A mistake in the command line itself; the CLI exits with code 2 instead of 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}
