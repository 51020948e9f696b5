/**
 * The demo API's facade: the smallest complete family, and the pattern the vendor families follow.
 * Typed calls through the generated `paths`, a token auth handler that logs in again on a lost
 * session, `Paged` lists, `waitFor` jobs and dry run on every method.
 */
import { createClient, type OpsClient } from '../core/client.js';
import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { Paged } from '../core/paged.js';
import { cursorPaging } from '../core/paging-strategies.js';
import type { AuthHandler, CoreOptions } from '../core/types.js';
import { waitFor, type WaitOptions } from '../core/wait-for.js';
import type { components, paths } from './generated/demo.js';
import { operations } from './generated/demo.meta.js';

export type Item = components['schemas']['Item'];
export type Job = components['schemas']['Job'];

export interface DemoClientOptions extends CoreOptions {
  url: string;
  username: string;
  password: string;
}

export class DemoClient {
  readonly #login: OpsClient<paths>;
  readonly #api: OpsClient<paths>;
  #token: string | undefined;

  constructor(options: DemoClientOptions) {
    if (!options.url) throw new ConfigError('DemoClient needs a url');
    if (!options.username || !options.password) throw new ConfigError('DemoClient needs a username and a password');
    const { url, username, password, ...core } = options;
    const secrets = [password, ...(core.secrets ?? [])];
    // Login goes through its own client so the auth handler below never signs its own login.
    this.#login = createClient<paths>({ ...core, baseUrl: url, operations, secrets });
    const auth: AuthHandler = {
      sign: async (req) => {
        this.#token ??= options.dryRun ? 'dry-run-token' : (await this.#login.unwrap(this.#login.api.POST('/login', { body: { username, password } }))).token;
        req.headers.set('authorization', `Bearer ${this.#token}`);
      },
      // A token the server forgot (restart, expiry): log in again, once per call.
      onResponse: (res) => {
        if (res.status !== 401) return;
        this.#token = undefined;
        return 'retry';
      },
      secrets: () => (this.#token ? [this.#token] : []),
    };
    this.#api = createClient<paths>({ ...core, baseUrl: url, operations, auth, secrets });
    if (options.dryRun) return dryRunnable(this);
  }

  /** Every item, page by page (`limit` per page). */
  listItems(options: { limit?: number } = {}): Paged<Item> {
    return new Paged(
      cursorPaging(async (cursor, ctx) => {
        const { data, response } = await this.#api.unwrapResponse(
          this.#api.api.GET('/items', { params: { query: { limit: options.limit ?? 10, ...(cursor ? { cursor } : {}) } }, signal: ctx.signal }),
        );
        return {
          items: data,
          next: response.headers.get('x-next-cursor'),
          total: response.headers.has('x-total-count') ? Number(response.headers.get('x-total-count')) : undefined,
        };
      }),
    );
  }

  getItem(id: string): Promise<Item> {
    return this.#api.GET('/items/{id}', { params: { path: { id } } });
  }

  createItem(item: { name: string; quantity?: number; tags?: string[] }): Promise<Item> {
    return this.#api.POST('/items', { body: item });
  }

  updateItem(id: string, item: { name: string; quantity?: number; tags?: string[] }): Promise<Item> {
    return this.#api.PUT('/items/{id}', { params: { path: { id } }, body: item });
  }

  async deleteItem(id: string): Promise<void> {
    await this.#api.DELETE('/items/{id}', { params: { path: { id } } });
  }

  createJob(name: string): Promise<Job> {
    return this.#api.POST('/jobs', { body: { name } });
  }

  getJob(id: string): Promise<Job> {
    return this.#api.GET('/jobs/{id}', { params: { path: { id } } });
  }

  /** Poll a job until it is done. */
  waitForJob(id: string, options: WaitOptions<Job> = {}): Promise<Job> {
    return waitFor(() => this.getJob(id), (job) => job.state === 'done', { what: `job ${id} to finish`, interval: 200, ...options });
  }
}
