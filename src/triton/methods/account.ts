import type { TritonContext } from '../context.js';
import type { Account, AccountUpdate, Ping, ProvisioningLimit } from '../types.js';

/** The account, its limits and the ping. */
export const accountMethods = {
  /** GetAccount: `GET /:login`. */
  getAccount(this: TritonContext): Promise<Account> {
    return this.api.GET('/{login}', { params: { path: this.p() } });
  },

  /**
   * py-smartdc `account()`: GetAccount; when this instance addresses the account as `my`, it learns
   * and keeps the real login (later URLs use it).
   */
  async account(this: TritonContext): Promise<Account> {
    const account = await accountMethods.getAccount.call(this);
    if (this.login === 'my' && account?.login) this.login = account.login;
    return account;
  },

  /** py-smartdc `me()` (deprecated there): same as {@link account}. */
  me(this: TritonContext): Promise<Account> {
    return accountMethods.account.call(this);
  },

  /**
   * UpdateAccount: `POST /:login`. py-smartdc sent the fields in the query string; opskit sends JSON
   * (the server maps both), so values never end up in URLs and logs.
   */
  updateAccount(this: TritonContext, fields: AccountUpdate): Promise<Account> {
    return this.api.POST('/{login}', { params: { path: this.p() }, body: fields });
  },

  /** GetAccountLimits (9.8.0+): provisioning limits and usage. */
  getAccountLimits(this: TritonContext): Promise<ProvisioningLimit[]> {
    return this.api.GET('/{login}/limits', { params: { path: this.p() } });
  },

  /** `GET /--ping` (unauthenticated): liveness and the API versions the server offers. */
  ping(this: TritonContext): Promise<Ping> {
    return this.api.GET('/--ping', {});
  },
};
