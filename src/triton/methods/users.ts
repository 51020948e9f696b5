import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { MEMBERSHIP_OPTION } from '../option-names.js';
import type { SshKey, User, UserCreate, UserUpdate } from '../types.js';

/** RBAC sub-users (7.2+) and their SSH keys. */
export const userMethods = {
  /** ListUsers. */
  listUsers(this: TritonContext): Promise<User[]> {
    return this.api.GET('/{login}/users', { params: { path: this.p() } });
  },
  /** GetUser; `membership: true` adds `roles` and `default_roles`. */
  async getUser(this: TritonContext, user: string, options: { membership?: boolean } = {}): Promise<User> {
    checkOptions('DataCenter.getUser()', options, MEMBERSHIP_OPTION);
    return this.api.GET('/{login}/users/{user}', { params: { path: this.p({ user }), query: options.membership ? { membership: true } : {} } });
  },
  /** CreateUser. */
  createUser(this: TritonContext, body: UserCreate): Promise<User> {
    return this.api.POST('/{login}/users', { params: { path: this.p() }, body });
  },
  /** UpdateUser. */
  updateUser(this: TritonContext, user: string, body: UserUpdate): Promise<User> {
    return this.api.POST('/{login}/users/{user}', { params: { path: this.p({ user }) }, body });
  },
  /** ChangeUserPassword (the confirmation defaults to the password). */
  changeUserPassword(this: TritonContext, user: string, password: string, confirmation = password): Promise<User> {
    return this.api.POST('/{login}/users/{user}/change_password', {
      params: { path: this.p({ user }) },
      body: { password, password_confirmation: confirmation },
    });
  },
  /** DeleteUser. */
  async deleteUser(this: TritonContext, user: string): Promise<void> {
    await this.api.DELETE('/{login}/users/{user}', { params: { path: this.p({ user }) } });
  },
  /** ListUserKeys. */
  listUserKeys(this: TritonContext, user: string): Promise<SshKey[]> {
    return this.api.GET('/{login}/users/{user}/keys', { params: { path: this.p({ user }) } });
  },
  /** GetUserKey. */
  getUserKey(this: TritonContext, user: string, key: string): Promise<SshKey> {
    return this.api.GET('/{login}/users/{user}/keys/{key}', { params: { path: this.p({ user, key }) } });
  },
  /** CreateUserKey. */
  createUserKey(this: TritonContext, user: string, body: { key: string; name?: string }): Promise<SshKey> {
    return this.api.POST('/{login}/users/{user}/keys', { params: { path: this.p({ user }) }, body });
  },
  /** DeleteUserKey. */
  async deleteUserKey(this: TritonContext, user: string, key: string): Promise<void> {
    await this.api.DELETE('/{login}/users/{user}/keys/{key}', { params: { path: this.p({ user, key }) } });
  },
};
