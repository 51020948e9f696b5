export { Credential, defaultCredentialDir, type CredentialOptions, type CredentialWriteOptions, type CredentialMessage } from './credential.js';
export { CredentialError } from './credential-error.js';
