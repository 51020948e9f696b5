import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { DESCRIPTION_OPTION } from '../option-names.js';
import type { AccessKey } from '../types.js';

/** Access keys (9.11+, not in the CloudAPI docs). The secret is only in the create reply. */
export const accessKeyMethods = {
  /** ListAccessKeys. */
  listAccessKeys(this: TritonContext): Promise<AccessKey[]> {
    return this.api.GET('/{login}/accesskeys', { params: { path: this.p() } });
  },
  /** GetAccessKey. */
  getAccessKey(this: TritonContext, accessKey: string): Promise<AccessKey> {
    return this.api.GET('/{login}/accesskeys/{accessKey}', { params: { path: this.p({ accessKey }) } });
  },
  /** CreateAccessKey. */
  async createAccessKey(this: TritonContext, options: { description?: string } = {}): Promise<AccessKey> {
    checkOptions('DataCenter.createAccessKey()', options, DESCRIPTION_OPTION);
    return this.api.POST('/{login}/accesskeys', { params: { path: this.p() }, body: options });
  },
  /** DeleteAccessKey. */
  async deleteAccessKey(this: TritonContext, accessKey: string): Promise<void> {
    await this.api.DELETE('/{login}/accesskeys/{accessKey}', { params: { path: this.p({ accessKey }) } });
  },
  /** ListUserAccessKeys. */
  listUserAccessKeys(this: TritonContext, user: string): Promise<AccessKey[]> {
    return this.api.GET('/{login}/users/{user}/accesskeys', { params: { path: this.p({ user }) } });
  },
  /** GetUserAccessKey. */
  getUserAccessKey(this: TritonContext, user: string, accessKey: string): Promise<AccessKey> {
    return this.api.GET('/{login}/users/{user}/accesskeys/{accessKey}', { params: { path: this.p({ user, accessKey }) } });
  },
  /** CreateUserAccessKey. */
  async createUserAccessKey(this: TritonContext, user: string, options: { description?: string } = {}): Promise<AccessKey> {
    checkOptions('DataCenter.createUserAccessKey()', options, DESCRIPTION_OPTION);
    return this.api.POST('/{login}/users/{user}/accesskeys', { params: { path: this.p({ user }) }, body: options });
  },
  /** DeleteUserAccessKey. */
  async deleteUserAccessKey(this: TritonContext, user: string, accessKey: string): Promise<void> {
    await this.api.DELETE('/{login}/users/{user}/accesskeys/{accessKey}', { params: { path: this.p({ user, accessKey }) } });
  },
};
