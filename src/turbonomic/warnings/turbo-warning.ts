/**
 * Base of the warnings upstream emits through Python's `warnings` module. opskit never prints:
 * warnings go to the `onWarning` callback of `Connection` / `VersionSpec.check` (not thrown).
 */
export class TurboWarning extends Error {
  override name = 'TurboWarning';
}
