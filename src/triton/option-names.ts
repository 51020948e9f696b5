import { CORE_OPTION_NAMES, namesOf } from '../core/options.js';
import type { CoreOptions } from '../core/types.js';
import type { DataCenter } from './data-center.js';
import type { DataCenterOptions } from './data-center-options.js';
import type { ImageFilters } from './methods/images.js';
import type { CreateMachineOptions, MachineFilters } from './methods/machines.js';
import type { PackageFilters } from './methods/packages.js';
import type { VolumeFilters } from './methods/volumes.js';
import type { MachineWaitOptions } from './machine.js';
import type { AuditWaitOptions, TritonWaitOptions } from './methods/waiters.js';


/** `new DataCenter(…)`: its own names plus every core client option. */
export const DATA_CENTER_OPTIONS: readonly string[] = Object.freeze([
  ...namesOf<Omit<DataCenterOptions, keyof CoreOptions>>()(
    'location', 'url', 'account', 'user', 'keyId', 'key', 'signer', 'passphrase', 'maxBcryptRounds', 'maxPbkdf2Iterations', 'algorithm', 'signingBackend', 'knownLocations',
    'acceptVersion', 'dateHeader', 'signHeaders', 'unsigned',
  ),
  ...CORE_OPTION_NAMES,
]);

/** py-smartdc's `DataCenter(location, key_id, secret, headers, login, config, known_locations, api_version, verbose, allow_agent)` names, and the simulator's old credential names. */
export const DATA_CENTER_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  secret: 'key', login: 'account', api_version: 'acceptVersion', apiVersion: 'acceptVersion', verbose: 'logger', allow_agent: 'signer',
  allowAgent: 'signer', privateKey: 'key', private_key: 'key', fingerprint: 'keyId',
});

/** `DataCenter.authenticate(…)`. */
export const AUTHENTICATE_OPTIONS = namesOf<Parameters<DataCenter['authenticate']>[0]>()(
  'key', 'signer', 'keyId', 'passphrase', 'algorithm', 'account', 'user',
);

export const MACHINE_FILTERS = namesOf<MachineFilters>()(
  'type', 'brand', 'name', 'image', 'state', 'memory', 'tombstone', 'docker', 'credentials', 'tags', 'dataset', 'limit', 'offset', 'paged',
);
/** CloudAPI's own filter name `tag` (one tag per key) is what `tags` sends. */
export const MACHINE_FILTER_ALIASES: Readonly<Record<string, string>> = Object.freeze({ tag: 'tags' });

export const CREATE_MACHINE_OPTIONS = namesOf<CreateMachineOptions>()(
  'name', 'package', 'image', 'dataset', 'metadata', 'tags', 'bootScript', 'networks', 'affinity', 'brand', 'firewallEnabled',
  'deletionProtection', 'allowSharedImages', 'delegateDataset', 'encrypted', 'volumes', 'disks', 'extra',
);
export const CREATE_MACHINE_ALIASES: Readonly<Record<string, string>> = Object.freeze({ 'user-script': 'bootScript', user_script: 'bootScript', tag: 'tags' });

export const IMAGE_FILTERS = namesOf<ImageFilters>()('name', 'os', 'version', 'public', 'state', 'owner', 'type');
export const PACKAGE_FILTERS = namesOf<PackageFilters>()('name', 'memory', 'disk', 'swap', 'lwps', 'vcpus', 'version', 'group', 'flexible_disk');
export const VOLUME_FILTERS = namesOf<VolumeFilters>()('name', 'predicate', 'size', 'state', 'type');

export const MACHINE_WAIT_OPTIONS = namesOf<MachineWaitOptions>()('interval', 'timeout', 'signal', 'onProgress', 'silent', 'transient', 'now', 'sleep');
export const TRITON_WAIT_OPTIONS = namesOf<TritonWaitOptions<unknown>>()('interval', 'timeout', 'signal', 'onProgress', 'silent', 'transient', 'now', 'sleep');
export const AUDIT_WAIT_OPTIONS = namesOf<AuditWaitOptions>()('interval', 'timeout', 'signal', 'onProgress', 'silent', 'transient', 'now', 'sleep', 'since');

export const CREDENTIALS_OPTION = Object.freeze(['credentials']);
export const DESCRIPTION_OPTION = Object.freeze(['description']);
export const EXPIRES_OPTION = Object.freeze(['expires']);
export const MEMBERSHIP_OPTION = Object.freeze(['membership']);
export const PCI_SLOT_OPTION = Object.freeze(['pciSlot']);
export const SHRINK_OPTION = Object.freeze(['dangerousAllowShrink']);
export const AFFINITY_OPTION = Object.freeze(['affinity']);
export const LIMIT_OPTION = Object.freeze(['limit']);
export const PRIMARY_OPTION = Object.freeze(['primary']);
export const VOLUME_TYPE_OPTION = Object.freeze(['type']);
