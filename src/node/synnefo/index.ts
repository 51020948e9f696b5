// Node-only helpers of the Synnefo family: kamaki's config file (kamakirc.ts), Pithos+ file upload
// and download (pithos.ts).
export * from './kamakirc.js';
export * from './pithos.js';
