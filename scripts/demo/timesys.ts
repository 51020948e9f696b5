/**
 * The Timesys Vigiles part of `npm start`: the LLAPI simulator served on 127.0.0.1, a signed
 * heartbeat (with the exact message upstream signs), an SBOM upload run as a background job with
 * its CVE counts, and a report download, byte for byte.
 */
import { serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';
import { Llapi, parseDashboardConfig, parseKeyFile } from '../../src/timesys/index.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: { name: 'demo-image' } },
  components: [
    { name: 'openssl', version: '1.1.1k' },
    { name: 'busybox', version: '1.35.0' },
    { name: 'zlib', version: '1.2.11' },
    { name: 'linux-yocto', version: '5.15.0' },
    { name: 'curl', version: '8.4.0' },
  ],
});

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('timesys', { jobDelayMs: 400 });
  const server = await serve(sim);
  say(`Vigiles simulator on ${server.url}`);
  try {
    // What a user has on disk: a key file and a dashboard config.
    const config = { ...parseKeyFile(sim.keyFile(server.url)), ...parseDashboardConfig(sim.dashboardConfig(true)) };
    const plan = (await new Llapi({ ...config, dryRun: true, reveal: true }).heartbeat()) as unknown as Record<string, unknown>;
    say(`signed message: ${JSON.stringify(plan.hmacMsg)}`);
    say(`X-Auth-Signature: ${(plan.headers as Record<string, string>)['x-auth-signature']}  (upstream's vector V1b)`);

    const llapi = new Llapi(config);
    say(`heartbeat → ${JSON.stringify(await llapi.heartbeat())}`);

    const report = await llapi.uploadManifest(SBOM, {
      pollInterval: 150,
      onProgress: (p) => say(`  job ${p.value.job_id.slice(0, 8)}…: ${p.value.status} after ${p.elapsedMs} ms`),
    });
    const c = report.counts!;
    const cvss = report.cvss_counts!;
    say(`uploaded "${report.manifest_name}" to ${report.group_path}: ${c.unfixed} unfixed CVEs (${cvss.critical} critical, ${cvss.high} high, ${cvss.medium} medium), ${c.kernel} kernel, ${c.upgradable} fixable by upgrading`);
    for (const [pkg, cves] of Object.entries(report.cves ?? {})) say(`  ${pkg}: ${cves.map((x) => `${x.cve_id} (${x.cvss})`).join(', ')}`);

    const pdf = await llapi.downloadReport(String(report.report_token), 'pdf');
    const csv = new TextDecoder().decode(await llapi.downloadReport(String(report.report_token), 'csv'));
    say(`report ${String(report.report_token).slice(0, 8)}…: PDF ${pdf.length} bytes starting ${JSON.stringify(new TextDecoder().decode(pdf.slice(0, 8)))}, ending without an added newline: ${pdf.at(-1) !== 0x0a}`);
    say(`CSV: ${csv.split('\n').length - 2} rows; first: ${csv.split('\n')[1]}`);

    const forged = new Llapi({ ...config, key: 'not-the-key' });
    const err = (await forged.heartbeat().catch((e: Error) => e)) as Error;
    say(`a wrong key is refused: ${err.message}`);
  } finally {
    await server.close();
  }
}
