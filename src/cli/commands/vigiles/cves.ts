import { JUSTIFICATIONS, type CveField, type Justification, type StatusScope, type VulnStatusValue } from '../../../timesys/index.js';
import { commaList } from './argparse.js';
import { flag, list, str, value, type Branch } from './tree.js';

/** `cves search|info|set_status|status`. */
export const cveCommands: Branch = {
  summary: 'CVE data and vulnerability statuses',
  children: {
    search: {
      summary: 'list the CVEs of a product (and version)',
      args: [{ name: 'PRODUCT' }],
      options: [value(['-v', '--version'], 'version', 'product version', 'V'), flag(['-i', '--ids_only', '--ids-only'], 'idsOnly', 'print ids only')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).searchCvesByProduct(ctx.args.PRODUCT as string, { version: str(ctx.opts.version) ?? '', idsOnly: ctx.opts.idsOnly === true }));
      },
    },
    info: {
      summary: 'print one CVE',
      args: [{ name: 'CVE_ID' }],
      options: [value(['-f', '--fields'], 'fields', 'only these fields, comma-separated', 'FIELDS')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getCveInfo(ctx.args.CVE_ID as string, { fields: commaList(ctx.opts.fields) as CveField[] | undefined }));
      },
    },
    set_status: {
      summary: 'set the vulnerability status of a CVE for a package',
      args: [{ name: 'SCOPE' }, { name: 'CVE_ID' }, { name: 'PACKAGE' }, { name: 'STATUS' }],
      options: [
        value(['-j', '--justification'], 'justification', 'why (for not_affected)', 'JUST', JUSTIFICATIONS),
        value(['-d', '--detail'], 'detail', 'free-text detail', 'TEXT'),
        value(['-v', '--version'], 'version', 'package version', 'V'),
        // Upstream spells them --groups/--manifests (argparse nargs='*': zero or more tokens).
        list(['-g', '--groups', '--group-tokens', '--group_tokens'], 'groupTokens', 'groups (scope group; default: the configured group)', 'TOKEN', undefined, '*'),
        list(['-m', '--manifests', '--manifest-tokens', '--manifest_tokens'], 'manifestTokens', 'manifests (scope manifest)', 'TOKEN', undefined, '*'),
      ],
      async run(ctx) {
        ctx.print(
          await (await ctx.llapi()).setStatus(ctx.args.SCOPE as StatusScope, ctx.args.CVE_ID as string, ctx.args.PACKAGE as string, ctx.args.STATUS as VulnStatusValue, {
            justification: str(ctx.opts.justification) as Justification | undefined,
            justificationDetail: str(ctx.opts.detail),
            packageVersion: str(ctx.opts.version),
            groupTokens: ctx.opts.groupTokens as string[] | undefined,
            manifestTokens: ctx.opts.manifestTokens as string[] | undefined,
          }),
        );
      },
    },
    status: {
      summary: 'print the vulnerability status of a CVE for a package of a manifest',
      args: [{ name: 'CVE_ID' }, { name: 'PACKAGE' }, { name: 'VERSION' }, { name: 'MANIFEST' }],
      async run(ctx) {
        const a = ctx.args as Record<string, string>;
        ctx.print(await (await ctx.llapi()).getVulnStatus(a.CVE_ID as string, a.PACKAGE as string, a.VERSION as string, a.MANIFEST as string));
      },
    },
  },
};
