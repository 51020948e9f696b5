export { Version, type ProductVersion } from './version.js';
export { VersionSpec, VMTVersion, type VersionSpecOptions } from './version-spec.js';
export { serializeVersion, compareVersions } from './serialize.js';
export { versionMappings, whiteLabelNames } from './cwom.js';
