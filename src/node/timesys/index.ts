export { loadLlapi, LLAPI_DEFAULT_KEY_FILE, type LoadLlapiOptions } from './load-llapi.js';
export { readManifestText, textModeDecode } from './read-text.js';
