import type { TimeoutOptions } from '../core/types.js';
import type { Gunzip } from './exported-report.js';
import type { LlapiCall } from './transport.js';

/** What the operation modules need from an Llapi instance, read at call time (tokens may change). */
export interface LlapiContext {
  send<T>(call: LlapiCall): Promise<T>;
  readonly groupToken: string | undefined;
  readonly folderToken: string | undefined;
  readonly subfolderName: string | undefined;
  /** Timeout of uploads, rescans and downloads, which can take minutes server-side. */
  readonly longTimeout: number | TimeoutOptions;
  warn(message: string): void;
  readonly readText: ((path: string) => Promise<string>) | undefined;
  readonly gunzip: Gunzip | undefined;
  readonly now: (() => number) | undefined;
  readonly sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}
