/** `Accept-Version` opskit sends unless told otherwise: API 9, falling back to 8 (protocols §1.6). */
export const DEFAULT_ACCEPT_VERSION = '~9||~8';
