import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { AFFINITY_OPTION } from '../option-names.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { Migration, MigrationEstimate } from '../types.js';

/** Migrate actions (`watch` has its own method: it streams). */
export type MigrateAction = Exclude<operations['migrate']['parameters']['query']['action'], 'watch'>;

/** One progress event of `watchMigration`. */
export type MigrationProgressEvent = NonNullable<Migration['progress_history']>[number];

/** Machine migrations (9.6+). */
export const migrationMethods = {
  /** Migrate: begin, sync, switch, automatic, pause, abort or finalize (`affinity` with begin/automatic). */
  async migrate(this: TritonContext, machine: string, action: MigrateAction, options: { affinity?: string[] } = {}): Promise<Migration> {
    checkOptions('DataCenter.migrate()', options, AFFINITY_OPTION);
    return this.api.POST('/{login}/machines/{machine}/migrate', {
      params: { path: this.p({ machine }), query: { action } },
      body: options.affinity ? { affinity: options.affinity } : {},
    });
  },
  /** Migrate `action=watch`: reads the progress stream to its end and returns its events. */
  async watchMigration(this: TritonContext, machine: string): Promise<MigrationProgressEvent[]> {
    const text = (await this.api.POST('/{login}/machines/{machine}/migrate', {
      params: { path: this.p({ machine }), query: { action: 'watch' } },
      parseAs: 'text',
    })) as unknown as string;
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as MigrationProgressEvent);
  },
  /** MigrateMachineEstimate. */
  migrateMachineEstimate(this: TritonContext, machine: string): Promise<MigrationEstimate> {
    return this.api.GET('/{login}/machines/{machine}/migrate', { params: { path: this.p({ machine }) } });
  },
  /** ListMigrations. */
  listMigrations(this: TritonContext): Promise<Migration[]> {
    return this.api.GET('/{login}/migrations', { params: { path: this.p() } });
  },
  /** GetMigration (of a machine). */
  getMigration(this: TritonContext, machine: string): Promise<Migration> {
    return this.api.GET('/{login}/migrations/{machine}', { params: { path: this.p({ machine }) } });
  },
};
