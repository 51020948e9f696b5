// The single-file browser bundle (dist/browser/opskit.js): everything, no node:*.
// Each API family adds one `export * as <family> from './<family>/index.js';` line.
export * from './index.js';
export * from './crypto/index.js';
export * as sim from './sim/index.js';
export * as mist from './mist/index.js';
export * as synnefo from './synnefo/index.js';
export * as timesys from './timesys/index.js';
export * as triton from './triton/index.js';
export * as turbonomic from './turbonomic/index.js';
