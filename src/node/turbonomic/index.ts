export { Credential, defaultCredentialDir, type CredentialOptions, type CredentialWriteOptions, type CredentialMessage } from './credential.js';
export { CredentialError } from './credential-error.js';
export { nodeFiles as defaultCredentialFiles, type CredentialFiles, type FileInfo } from './files.js';
