/**
 * The image part of `opskit/synnefo`: kamaki's `ImageClient` for the Plankton image service.
 * @module
 */
export { ImageClient, formatImageHeaders, imageLocation, type ImageMeta, type ImageSummary, type ImageDetail, type RegisterParams, type UpdateImageOptions } from './image-client.js';
export { operations as imageOperations } from '../generated/synnefo-image.meta.js';
export type { paths as ImagePaths, components as ImageComponents } from '../generated/synnefo-image.js';
