export { TurboWarning } from './turbo-warning.js';
export { HTTPWarning } from './http-warning.js';
export { VMTVersionWarning } from './vmt-version-warning.js';
export { VMTMinimumVersionWarning } from './vmt-minimum-version-warning.js';
export { PartialListWarning } from './partial-list-warning.js';

/** Receives warnings (never thrown). */
export type WarningHandler = (warning: import('./turbo-warning.js').TurboWarning) => void;
