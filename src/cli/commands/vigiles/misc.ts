import { version } from '../../version.js';
import type { Leaf } from './tree.js';

/** The Python package versions whose wire behaviour this CLI follows. */
const UPSTREAM = 'timesys 1.9.0 (main) / 1.12.0+enterprise';

const heartbeat: Leaf = {
  summary: 'check that the server answers and accepts the signature',
  async run(ctx) {
    ctx.print(await (await ctx.llapi()).heartbeat());
  },
};

/** `version`, `heartbeat` (alias `test`) and `about`. */
export const miscCommands = {
  version: {
    summary: 'print the opskit version and the upstream CLI version it follows',
    needsKey: false,
    async run(ctx) {
      ctx.print({ version: version(), upstream: UPSTREAM });
    },
  } satisfies Leaf,
  heartbeat,
  test: { ...heartbeat, summary: 'alias of heartbeat' },
  about: {
    summary: 'print the application and vulnerability database versions',
    async run(ctx) {
      ctx.print(await (await ctx.llapi()).getAppDbVersion());
    },
  } satisfies Leaf,
};
