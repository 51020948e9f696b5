import type { TritonContext } from '../context.js';
import type { SshKey } from '../types.js';

/** SSH keys of the account. */
export const keyMethods = {
  /** ListKeys. */
  listKeys(this: TritonContext): Promise<SshKey[]> {
    return this.api.GET('/{login}/keys', { params: { path: this.p() } });
  },
  /** GetKey, by name or MD5 fingerprint. */
  getKey(this: TritonContext, key: string): Promise<SshKey> {
    return this.api.GET('/{login}/keys/{key}', { params: { path: this.p({ key }) } });
  },
  /** CreateKey: upload an OpenSSH public key line (`name` defaults to its fingerprint on the server). */
  createKey(this: TritonContext, body: { key: string; name?: string; attestation?: string[] }): Promise<SshKey> {
    return this.api.POST('/{login}/keys', { params: { path: this.p() }, body });
  },
  /** DeleteKey. */
  async deleteKey(this: TritonContext, key: string): Promise<void> {
    await this.api.DELETE('/{login}/keys/{key}', { params: { path: this.p({ key }) } });
  },
  /** py-smartdc `keys()`: ListKeys. */
  keys(this: TritonContext): Promise<SshKey[]> {
    return keyMethods.listKeys.call(this);
  },
  /** py-smartdc `key(key_id)`: GetKey. */
  key(this: TritonContext, keyId: string): Promise<SshKey> {
    return keyMethods.getKey.call(this, keyId);
  },
  /** py-smartdc `add_key(key_id, key)`: CreateKey with `{name, key}`. */
  addKey(this: TritonContext, name: string, publicKey: string): Promise<SshKey> {
    return keyMethods.createKey.call(this, { name, key: publicKey });
  },
};
