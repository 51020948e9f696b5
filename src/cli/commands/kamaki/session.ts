import { loadKamakirc, resolveCloud, type KamakiCloud } from '../../../node/synnefo/kamakirc.js';
import { AstakosClient, CachedAstakosClient, type ServiceClientClass } from '../../../synnefo/index.js';
import type { CommandInput } from '../../command.js';
import type { CliIo } from '../../io.js';
import { progress as progressLine, type Progress } from '../../progress.js';
import { checkServiceUrl } from '../../service-url.js';
import { setTarget } from '../../target.js';
import { stringValue } from './options.js';
import { outputFormat, printResult, type OutputFormat } from './output.js';
import { progressReporter, type PollReport } from './progress.js';

/** kamaki's per-cloud URL overrides (`<name>_url` in the cloud section), by catalog type. */
const URL_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  compute: ['cyclades_url', 'compute_url'],
  network: ['network_url'],
  image: ['plankton_url', 'image_url'],
  volume: ['blockstorage_url', 'volume_url'],
  'object-store': ['pithos_url', 'object-store_url'],
  identity: ['astakos_url'],
};

/**
 * What a kamaki command gets from the command line and the config file: the cloud, clients built
 * from its catalog, and output that never shows a token. Every `opskit kamaki` command starts
 * with `const k = await kamakiSession(input)`.
 */
export interface KamakiSession {
  /** The cloud of the config file in use (`--cloud`, else the default one). */
  readonly cloud: KamakiCloud;
  readonly io: CliIo;
  /** `--dry-run`: service clients print requests instead of sending them. */
  readonly dryRun: boolean;
  readonly format: OutputFormat;
  /** The cached Astakos client of the cloud (first token), for the catalog and user info. Never dry-run. */
  astakos(): CachedAstakosClient;
  /** An AstakosClient for account calls (quotas, projects), dry-run with `--dry-run`. */
  account(): Promise<AstakosClient>;
  /**
   * A client of a Synnefo service (`CycladesComputeClient`, `PithosClient`, …) at the catalog's
   * URL for its `serviceType` (or the cloud's `<service>_url` override), with the cloud's token;
   * `options` are passed to its constructor.
   */
  client<C, O>(Class: ServiceClientClass<C, O>, options?: Partial<O> & Record<string, unknown>): Promise<C>;
  /** Prints a result (JSON, tokens redacted). */
  print(value: unknown): void;
  /** A notice on stderr (kamaki's `self.error(...)` lines). */
  info(message: string): void;
  /** A waiter's `onProgress` that shows status changes on the progress line. */
  progress(what: string): (report: PollReport) => void;
  /** The progress line (a terminal, or `--progress`; never with `--no-progress`). */
  line(): Progress;
  /** Treat one more value as a secret in everything printed. */
  addSecret(value: string): void;
}

/** Builds the session of one command run (reads the config file once). */
export async function kamakiSession(input: CommandInput): Promise<KamakiSession> {
  const { values, io } = input;
  const format = outputFormat(values['output-format']);
  const dryRun = values['dry-run'] === true;
  const configPath = stringValue(values, 'config');
  const config = await loadKamakirc({ ...(configPath ? { path: configPath } : {}), env: io.env, readFile: io.readFile });
  const cloud = resolveCloud(config, stringValue(values, 'cloud'));
  const setting = `the url of cloud "${cloud.name}" in ${config.path}`;
  checkServiceUrl(cloud.options.astakos_url ?? cloud.url, setting);
  setTarget(io, { url: cloud.options.astakos_url ?? cloud.url, setting });
  const secrets = new Set<string>(cloud.tokens);
  const line: Progress = values['no-progress'] === true ? { update() {}, done() {} } : progressLine(io, values.progress === true);
  let cached: CachedAstakosClient | undefined;
  const astakos = () => (cached ??= new CachedAstakosClient({ url: cloud.options.astakos_url ?? cloud.url, token: cloud.token }));

  return {
    cloud,
    io,
    dryRun,
    format,
    astakos,
    async account() {
      // A dry-run AstakosClient assumes Synnefo's default account paths instead of reading the catalog.
      return new AstakosClient({ url: astakos().endpointUrl, token: cloud.token, ...(dryRun ? { dryRun: true } : {}) });
    },
    async client(Class, options) {
      const override = (URL_OVERRIDES[Class.serviceType] ?? [`${Class.serviceType}_url`]).map((k) => cloud.options[k]).find(Boolean);
      const url = override ?? (await astakos().getEndpointUrl(Class.serviceType));
      return new Class({ ...(options ?? {}), ...(dryRun ? { dryRun: true } : {}), url, token: cloud.token } as never);
    },
    print: (value) => {
      line.done();
      printResult(io, value, format, secrets);
    },
    info: (message) => {
      line.done();
      io.stderr(`${message}\n`);
    },
    progress: (what) => progressReporter(line, what),
    line: () => line,
    addSecret: (value) => void secrets.add(value),
  };
}
