import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';
import { checkIdList, INSPECT, requireText } from './checks.js';
import { associate, type AssociateKeyOptions } from './machine.js';
import type { MistClient } from './mist-client.js';
import type { Association, KeyInfo } from './types.js';

/**
 * One SSH key pair of a mist.io user, as mist.client's `Key`. Its id is its name, which is free
 * text (spaces, `/`, `?`, `#`, any script): it travels percent-encoded as one path segment.
 */
export class Key {
  readonly mistClient: MistClient;
  /** The key's name (mist.client 0.1.1 has no separate id). */
  id: string;
  /** Whether this is the default key (mist.client's `is_default`). */
  isDefault: boolean;
  /** The key as the server last listed it: `{id, machines, isDefault}`. */
  info: KeyInfo;

  /**
   * mist.client's `Key(key, mist_client)`: usually made by {@link MistClient.keys}.
   * @throws ConfigError when `key` lacks a string id.
   */
  constructor(key: KeyInfo, mistClient: MistClient) {
    if (!key || typeof key.id !== 'string' || key.id === '') throw new ConfigError('new Key(): key must have a string id');
    this.mistClient = mistClient;
    this.id = key.id;
    this.isDefault = key.isDefault === true;
    this.info = key;
    if (mistClient.dryRun) return dryRunnable(this);
  }

  /** @internal New facts from a key list. */
  _refresh(info: KeyInfo): void {
    this.info = info;
    this.id = info.id;
    this.isDefault = info.isDefault === true;
  }

  /** The machines this key is associated with: `[backend_id, machine_id, last_seen, ssh_user, sudo, ssh_port]`. */
  get machines(): Association[] {
    return this.info.machines ?? [];
  }

  /** `GET /keys/{id}/private`: the private key text (the server sends it as a JSON string; this is the decoded text). */
  async private(): Promise<string> {
    const text = await this.mistClient.api.GET('/keys/{key}/private', { params: { path: { key: this.id } } });
    if (typeof text !== 'string') throw new ResponseError('Key.private', 'the reply is not a JSON string');
    this.mistClient._state.auth.addSecret(text);
    return text;
  }

  /** `GET /keys/{id}/public`: the OpenSSH public key line (decoded from its JSON string). */
  async public(): Promise<string> {
    const text = await this.mistClient.api.GET('/keys/{key}/public', { params: { path: { key: this.id } } });
    if (typeof text !== 'string') throw new ResponseError('Key.public', 'the reply is not a JSON string');
    return text;
  }

  /**
   * `PUT /keys/{id}` with `{new_id}` (and later servers' `new_name`), then the key list again; this
   * Key's id becomes the new name.
   * @throws MistNotFoundError, MistBadRequestError for an empty name.
   */
  async rename(newName: string): Promise<void> {
    requireText('Key.rename()', 'newName', newName);
    const old = this.id;
    await this.mistClient.api.PUT('/keys/{key}', { params: { path: { key: old } }, body: { new_id: newName, new_name: newName } });
    this.id = newName;
    this.info = { ...this.info, id: newName };
    // The cached Key moves to its new name (else the key list would hand out a fresh object).
    const keys = this.mistClient._state.keys;
    const cached = keys?.get(old);
    if (keys && cached) {
      keys.delete(old);
      keys.set(newName, cached);
      cached._refresh({ ...cached.info, id: newName });
    }
    await this.mistClient.updateKeys();
  }

  /** `POST /keys/{id}` (answers text `OK`): make this the default key; then the key list again. */
  async setDefault(): Promise<void> {
    await this.mistClient.api.POST('/keys/{key}', { params: { path: { key: this.id } }, parseAs: 'text' });
    this.isDefault = true;
    await this.mistClient.updateKeys();
  }

  /**
   * `DELETE /keys/{id}`. The reply is the remaining key list, which refills the client's cache
   * (mist.client listed the keys again). If this was the default key, the server promotes another.
   */
  async delete(): Promise<void> {
    const list = await this.mistClient.api.DELETE('/keys/{key}', { params: { path: { key: this.id } } });
    this.mistClient._adoptKeys(checkIdList<KeyInfo>('Key.delete', list));
  }

  /**
   * `PUT /backends/{b}/machines/{m}/keys/{id}`: deploy and associate this key (mist.client's
   * `associate_to_machine(backend_id, machine_id, host, ssh_user, ssh_port)`). `host` defaults to the
   * machine's first public IP, looked up through the client (not in dry runs).
   */
  async associateToMachine(backendId: string, machineId: string, options: AssociateKeyOptions = {}): Promise<Association[]> {
    const where = 'Key.associateToMachine()';
    requireText(where, 'backendId', backendId);
    requireText(where, 'machineId', machineId);
    let host = options?.host;
    if (host === undefined && !this.mistClient.dryRun) {
      const backend = await this.mistClient.backendFromId(backendId);
      host = (await backend?.machineFromId(machineId))?.publicIps[0];
    }
    return associate(this.mistClient, backendId, machineId, this.id, { ...(options ?? {}), host }, where);
  }

  /** Public facts. */
  toJSON(): KeyInfo {
    return this.info;
  }

  [INSPECT](): string {
    return `Key ${JSON.stringify({ id: this.id, isDefault: this.isDefault })}`;
  }
}
