import { stat } from 'node:fs/promises';
import { CYCLONEDX_FORMATS, CYCLONEDX_VERSIONS, EXPORT_FORMATS, exportFileName, SBOM_FORMATS, type CycloneDxFormat, type CycloneDxVersion, type ExportFormat, type SbomFormat, type Subscribe, type UploadResult } from '../../../timesys/index.js';
import { isDryRunRequest } from '../../../core/dry-run.js';
import { UsageError } from '../../usage-error.js';
import { commaList } from './argparse.js';
import { duration, flag, str, value, type Branch, type Leaf, type RunContext } from './tree.js';

const formatOptions = [
  value(['-f', '--sbom-format'], 'sbomFormat', 'convert to this SBOM format', 'FORMAT', SBOM_FORMATS),
  value(['-i', '--file-format'], 'fileFormat', 'file format of the conversion (json, xml, yaml, tag, …)', 'FORMAT'),
  value(['-v', '--sbom-version'], 'sbomVersion', 'SBOM spec version of the conversion', 'VERSION'),
];
const outOptions = [
  value(['-o', '--outfile'], 'outfile', 'write the file here', 'PATH'),
  flag(['--stdout'], 'stdout', 'write the file to stdout'),
];
const extraFields = value(['-e', '--extra-fields'], 'extraFields', 'extra CVE fields, comma-separated (assigner, description, impact, modified, problem_types, published, references)', 'FIELDS');
const filterResults = flag(['-f', '--filter-results'], 'filterResults', 'leave out whitelisted and resolved CVEs');
const jobOptions = [
  flag(['--return-job'], 'returnJob', 'print the accepted background job instead of waiting for it'),
  value(['--timeout'], 'timeout', 'give up waiting for the background job after this long (default 600s)', 'DURATION'),
];
const moveOptions = [
  value(['-g', '--group-token', '--group_token'], 'groupToken', 'target group', 'TOKEN'),
  value(['-f', '--folder-token', '--folder_token'], 'folderToken', 'target folder', 'TOKEN'),
  flag(['-i', '--include-history'], 'includeHistory', 'bring the report history along'),
];

function formats(ctx: RunContext) {
  return { sbomFormat: str(ctx.opts.sbomFormat) as SbomFormat | undefined, fileFormat: str(ctx.opts.fileFormat), sbomVersion: str(ctx.opts.sbomVersion) };
}

/** Exactly one of `-o` and `--stdout`, as upstream's mutually exclusive required group. */
export function outTarget(ctx: RunContext): { outfile: string | undefined; toStdout: boolean } {
  const outfile = str(ctx.opts.outfile);
  const toStdout = ctx.opts.stdout === true;
  if ((outfile === undefined) === !toStdout) throw new UsageError('one of the arguments -o/--outfile --stdout is required (and only one)');
  return { outfile, toStdout };
}

function move(copy: boolean): Leaf {
  return {
    summary: `${copy ? 'copy' : 'move'} manifests to another group or folder`,
    args: [{ name: 'TOKEN', variadic: true }],
    options: moveOptions,
    async run(ctx) {
      const group = str(ctx.opts.groupToken);
      const folder = str(ctx.opts.folderToken);
      if ((group === undefined) === (folder === undefined)) throw new UsageError('one of the arguments -g/--group-token -f/--folder-token is required (and only one)');
      const llapi = await ctx.llapi();
      const options = { targetGroupToken: group, targetFolderToken: folder, includeHistory: ctx.opts.includeHistory === true };
      const tokens = ctx.args.TOKEN as string[];
      ctx.print(await (copy ? llapi.bulkCopyManifests(tokens, options) : llapi.bulkMoveManifests(tokens, options)));
    },
  };
}

const upload: Leaf = {
  summary: 'upload an SBOM and print its CVE report',
  args: [{ name: 'PATH' }],
  options: [
    value(['-k', '--kernel-config', '--kconfig'], 'kernelConfig', 'kernel .config to filter kernel CVEs', 'PATH'),
    value(['-n', '--manifest-name'], 'manifestName', 'name of the manifest', 'NAME'),
    value(['-u', '--uboot-config'], 'ubootConfig', 'U-Boot .config', 'PATH'),
    value(['-s', '--subfolder-name'], 'subfolderName', 'create or use this subfolder of the configured folder', 'NAME'),
    flag(['-o', '--upload-only'], 'uploadOnly', 'store the SBOM without scanning it'),
    filterResults,
    extraFields,
    value(['-E', '--ecosystems'], 'ecosystems', "ecosystems to check, comma-separated, or 'all'", 'LIST'),
    value(['-S', '--subscribe'], 'subscribe', 'notifications: none, daily, weekly or monthly', 'FREQ'),
    value(['--export-format'], 'exportFormat', 'also export the report in this format (needs --export-path)', 'FMT', EXPORT_FORMATS),
    value(['--export-path'], 'exportPath', 'where to save the export (the extension follows the format)', 'PATH'),
    value(['--cyclonedx-format'], 'cyclonedxFormat', 'json (default) or xml, for cyclonedx exports', 'FMT', CYCLONEDX_FORMATS),
    value(['--cyclonedx-version'], 'cyclonedxVersion', '1.4 to 1.7 (default 1.7), for cyclonedx exports', 'V', CYCLONEDX_VERSIONS),
    ...jobOptions,
  ],
  details: 'Files are read as text with universal newlines (CRLF becomes LF), as upstream reads them; that text is what is signed.',
  async run(ctx) {
    const exportFormat = str(ctx.opts.exportFormat) as ExportFormat | undefined;
    const exportPath = str(ctx.opts.exportPath);
    if ((exportFormat === undefined) !== (exportPath === undefined)) throw new UsageError('--export-format and --export-path must be given together');
    if (exportPath !== undefined && (await stat(exportPath).then((s) => s.isDirectory(), () => false))) {
      throw new UsageError(`--export-path ${exportPath} is a directory; give a file path`);
    }
    const cyclonedx = exportFormat?.startsWith('cyclonedx') === true;
    const cyclonedxFormat = cyclonedx ? ((str(ctx.opts.cyclonedxFormat) ?? 'json') as CycloneDxFormat) : undefined;
    const kernel = str(ctx.opts.kernelConfig);
    const uboot = str(ctx.opts.ubootConfig);
    const timeout = duration(ctx.opts.timeout, '--timeout');
    const text = await ctx.readText(ctx.args.PATH as string);
    const llapi = await ctx.llapi();
    const result = await llapi.uploadManifest(text, {
      ...(kernel !== undefined && { kernelConfig: await ctx.readText(kernel) }),
      ...(uboot !== undefined && { ubootConfig: await ctx.readText(uboot) }),
      manifestName: str(ctx.opts.manifestName),
      subfolderName: str(ctx.opts.subfolderName),
      uploadOnly: ctx.opts.uploadOnly === true,
      filterResults: ctx.opts.filterResults === true,
      extraFields: commaList(ctx.opts.extraFields),
      ecosystems: str(ctx.opts.ecosystems),
      subscribe: str(ctx.opts.subscribe) as Subscribe | undefined,
      exportFormat,
      cyclonedxFormat,
      cyclonedxVersion: cyclonedx ? ((str(ctx.opts.cyclonedxVersion) ?? '1.7') as CycloneDxVersion) : undefined,
      returnJob: ctx.opts.returnJob === true,
      ...(timeout !== undefined && { jobTimeout: timeout }),
      onProgress: (p) => ctx.progress(`Vigiles job ${p.value.job_id}: ${p.value.status} (${(p.elapsedMs / 1000).toFixed(1)} s)`),
    });
    if (!isDryRunRequest(result) && (result as UploadResult).exportedReport && exportFormat && exportPath) {
      const { exportedReport, ...rest } = result as UploadResult;
      const file = exportFileName(exportPath, exportFormat, cyclonedxFormat);
      await ctx.save(exportedReport as Uint8Array, file, false);
      ctx.info(`Report saved to ${file}`);
      ctx.print(rest);
      return;
    }
    ctx.print(result);
  },
};

/** `manifest …`: list, info, download, upload, delete, rescan, latest-report, move, copy, custom-score set, reports. */
export const manifestCommands: Branch = {
  summary: 'manifests (SBOMs) and their reports',
  children: {
    list: {
      summary: "list the configured folder's or group's manifests",
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getManifests());
      },
    },
    info: {
      summary: "print a manifest's metadata and data",
      args: [{ name: 'TOKEN' }],
      options: formatOptions,
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getManifestInfo(ctx.args.TOKEN as string, formats(ctx)));
      },
    },
    download: {
      summary: 'download the SBOM file, byte for byte',
      args: [{ name: 'TOKEN' }],
      options: [...formatOptions, ...outOptions],
      async run(ctx) {
        const { outfile, toStdout } = outTarget(ctx);
        await ctx.save(await (await ctx.llapi()).getManifestFile(ctx.args.TOKEN as string, formats(ctx)), outfile, toStdout);
      },
    },
    upload,
    delete: {
      summary: 'delete a manifest (the server requires --confirm)',
      args: [{ name: 'TOKEN' }],
      options: [flag(['-c', '--confirm'], 'confirm', 'confirm the deletion')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).deleteManifest(ctx.args.TOKEN as string, { confirmed: ctx.opts.confirm === true }));
      },
    },
    rescan: {
      summary: 'scan a manifest again and print the new report',
      args: [{ name: 'TOKEN' }],
      options: [extraFields, filterResults, flag(['-o', '--rescan-only'], 'rescanOnly', 'do not print the new report'), ...jobOptions],
      async run(ctx) {
        const timeout = duration(ctx.opts.timeout, '--timeout');
        ctx.print(
          await (await ctx.llapi()).rescanManifest(ctx.args.TOKEN as string, {
            rescanOnly: ctx.opts.rescanOnly === true,
            filterResults: ctx.opts.filterResults === true,
            extraFields: commaList(ctx.opts.extraFields),
            returnJob: ctx.opts.returnJob === true,
            ...(timeout !== undefined && { jobTimeout: timeout }),
            onProgress: (p) => ctx.progress(`Vigiles job ${p.value.job_id}: ${p.value.status} (${(p.elapsedMs / 1000).toFixed(1)} s)`),
          }),
        );
      },
    },
    'latest-report': {
      summary: "print a manifest's newest report",
      args: [{ name: 'TOKEN' }],
      options: [extraFields, filterResults],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getLatestReport(ctx.args.TOKEN as string, { filterResults: ctx.opts.filterResults === true, extraFields: commaList(ctx.opts.extraFields) }));
      },
    },
    move: move(false),
    copy: move(true),
    'custom-score': {
      summary: 'custom CVSS scores',
      children: {
        set: {
          summary: 'set a custom score for one CVE of one package',
          args: [{ name: 'TOKEN' }],
          options: [
            value(['-p', '--product'], 'product', 'package name', 'NAME'),
            value(['--cve-id'], 'cveId', 'CVE id', 'ID'),
            value(['-s', '--score'], 'score', 'score, 0 to 10', 'S'),
            // Upstream's long flag really is spelled --verison; --version is accepted too.
            value(['-v', '--verison', '--version'], 'version', 'package version', 'V'),
          ],
          async run(ctx) {
            // Upstream's CLI always sends package_version, empty when not given.
            ctx.print(await (await ctx.llapi()).setCustomScore(ctx.args.TOKEN as string, str(ctx.opts.product) ?? '', str(ctx.opts.cveId) ?? '', str(ctx.opts.score) ?? '', { productVersion: str(ctx.opts.version) ?? '' }));
          },
        },
      },
    },
    reports: {
      summary: "list a manifest's report tokens",
      args: [{ name: 'TOKEN' }],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getReportTokens(ctx.args.TOKEN as string));
      },
    },
  },
};
