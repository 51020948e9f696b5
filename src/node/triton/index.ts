import { installAllKeyFormats } from '../crypto/key-formats.js';

// opskit/node's Triton helpers (loadKeyFromSshDir, dataCenterFromEnv) read every key type and
// format, encrypted and ECDSA keys included, with no extra import.
installAllKeyFormats();

export { agentSigner, fromSshSignature, type AgentSignerOptions } from './agent-signer.js';
export { AgentClient, AGENT, type AgentIdentity } from './agent-client.js';
export { loadKeyFromSshDir, type LoadKeyOptions } from './load-key.js';
export { tritonEnv, type TritonEnv } from './env.js';
export { dataCenterFromEnv, signerForKeyId, readBootScript, type FromEnvOptions } from './from-env.js';
export {
  currentProfileName,
  deleteTritonProfile,
  envProfile,
  listTritonProfiles,
  loadTritonProfile,
  profilePath,
  saveTritonProfile,
  setCurrentTritonProfile,
  tritonConfigDir,
  type TritonProfile,
  type TritonProfileOptions,
} from './profiles.js';
