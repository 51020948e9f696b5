// Node-only helpers of the mist family: the `~/.mist` config of mist.client's CLI, python plugin
// files, and the import of a standalone server's db.yaml.
export {
  parseMistConfig,
  formatMistConfig,
  readMistConfig,
  writeMistConfig,
  defaultMistConfigPath,
  type MistConfig,
  type ReadMistConfigOptions,
} from './config.js';
export { readPythonPlugin, addPythonPluginFromFile } from './plugin-file.js';
export {
  parseDbYaml,
  loadDbYaml,
  syncDbYaml,
  type DbYaml,
  type DbYamlBackend,
  type DbYamlKeypair,
  type SyncEvent,
  type SyncReport,
  type SyncOptions,
} from './db-yaml.js';
