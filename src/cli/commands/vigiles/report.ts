import { CYCLONEDX_FORMATS, CYCLONEDX_VERSIONS, REPORT_FORMATS, type CycloneDxFormat, type CycloneDxVersion, type ReportFormat } from '../../../timesys/index.js';
import { outTarget } from './manifest.js';
import { flag, str, value, type Branch } from './tree.js';

/** `report download` and `report compare`. */
export const reportCommands: Branch = {
  summary: 'CVE report files and comparisons',
  children: {
    download: {
      summary: 'download a report file, byte for byte',
      args: [{ name: 'FILE_TYPE' }, { name: 'REPORT_TOKEN' }],
      options: [
        flag(['-f', '--filter-results'], 'filterResults', 'leave out whitelisted and resolved CVEs'),
        value(['-o', '--outfile'], 'outfile', 'write the file here', 'PATH'),
        flag(['--stdout'], 'stdout', 'write the file to stdout'),
        value(['--cyclonedx-format'], 'cyclonedxFormat', 'json (default) or xml, for cyclonedx-* types', 'FMT', CYCLONEDX_FORMATS),
        value(['--cyclonedx-version'], 'cyclonedxVersion', '1.4 to 1.7 (default 1.7), for cyclonedx-* types', 'V', CYCLONEDX_VERSIONS),
      ],
      details: `FILE_TYPE: ${REPORT_FORMATS.join(', ')}. The file is written exactly as served (upstream appends a newline; this does not).`,
      async run(ctx) {
        const { outfile, toStdout } = outTarget(ctx);
        const bytes = await (await ctx.llapi()).downloadReport(ctx.args.REPORT_TOKEN as string, ctx.args.FILE_TYPE as ReportFormat, {
          filterResults: ctx.opts.filterResults === true,
          cyclonedxFormat: str(ctx.opts.cyclonedxFormat) as CycloneDxFormat | undefined,
          cyclonedxVersion: str(ctx.opts.cyclonedxVersion) as CycloneDxVersion | undefined,
        });
        await ctx.save(bytes, outfile, toStdout);
      },
    },
    compare: {
      summary: 'print the CVEs resolved and new between two reports',
      args: [{ name: 'TOKEN_ONE' }, { name: 'TOKEN_TWO' }],
      options: [
        flag(['-r', '--remove_whitelist', '--remove-whitelist'], 'removeWhitelist', 'leave out whitelisted CVEs (deprecated upstream)'),
        flag(['-f', '--filter_results', '--filter-results'], 'filterResults', 'leave out whitelisted and resolved CVEs'),
        flag(['-n', '--remove_not_affected', '--remove-not-affected'], 'removeNotAffected', 'leave out CVEs marked not affected'),
      ],
      async run(ctx) {
        ctx.print(
          await (await ctx.llapi()).compareReports(ctx.args.TOKEN_ONE as string, ctx.args.TOKEN_TWO as string, {
            removeWhitelist: ctx.opts.removeWhitelist === true,
            filterResults: ctx.opts.filterResults === true,
            removeNotAffected: ctx.opts.removeNotAffected === true,
          }),
        );
      },
    },
  },
};
