import { join } from 'node:path';
import { parsePrivateKey } from '../../../crypto/index.js';
import { formatMistConfig } from '../../../node/mist/config.js';
import { Credential } from '../../../node/turbonomic/credential.js';
import type { Sim, SimName } from '../../../sim/index.js';
import type { TimesysSim } from '../../../sim/timesys/index.js';

/** One file `--write-credentials` writes: its name inside the folder, and its text. */
export interface CredentialFile {
  name: string;
  text: string;
}

/** What a family's writer gets: the served simulator and what `sim serve` printed. */
export interface CredentialContext {
  family: SimName;
  sim: Sim;
  /** The URL the simulator is served on. */
  url: string;
  /** The printed credentials (already naming the served URL). */
  credentials: Readonly<Record<string, unknown>>;
  /** Absolute path of the folder, for the paths env files name. */
  dir: string;
}

/**
 * The files the vendor's own CLI and `opskit` read, for a served simulator (every file mode 0600):
 * - every family: `credentials.json` (`{url, credentials}`, as printed);
 * - triton: `triton_key` + `triton_key.pub` (when the simulator generated the key) and
 *   `triton.env` (`TRITON_URL/ACCOUNT/KEY_ID`, node-smartdc's `SDC_*`, and
 *   `OPSKIT_TRITON_KEY_FILE` naming the key file for `opskit triton`);
 * - timesys: `linuxlink_key` (Enterprise form, with `server_url`), `dashboard_config` (group and
 *   folder), `timesys.env` (`VIGILES_KEY_FILE`, `VIGILES_DASHBOARD_CONFIG`);
 * - turbonomic: turboauth's pair `.turbo_services_api_creds/.key` + `.cred` (Fernet) and
 *   `turbo.env` (`TURBO_URL`, `TURBO_CREDENTIALS_DIR`);
 * - mist: `.mist` (mist.client's INI) and `mist.env` (`MIST_CONFIG`);
 * - synnefo, pithos: `.kamakirc` (one cloud, `sim`) and `kamaki.env` (`KAMAKI_CONFIG`).
 */
export async function credentialFiles(ctx: CredentialContext): Promise<CredentialFile[]> {
  const files: CredentialFile[] = [{ name: 'credentials.json', text: `${JSON.stringify({ url: ctx.url, credentials: ctx.credentials }, null, 2)}\n` }];
  const writer = WRITERS[ctx.family];
  if (writer) files.push(...(await writer(ctx)));
  return files;
}

type Writer = (ctx: CredentialContext) => CredentialFile[] | Promise<CredentialFile[]>;

const WRITERS: Partial<Record<SimName, Writer>> = {
  triton(ctx) {
    const c = ctx.credentials as { account: string; key?: string; keyId?: string };
    const files: CredentialFile[] = [];
    let keyId = c.keyId;
    if (typeof c.key === 'string') {
      const key = parsePrivateKey(c.key);
      keyId = key.publicKey.md5Fingerprint;
      files.push({ name: 'triton_key', text: c.key.endsWith('\n') ? c.key : `${c.key}\n` }, { name: 'triton_key.pub', text: `${key.publicKey.toString()} opskit-sim\n` });
    }
    const vars: [string, string][] = [];
    for (const prefix of ['TRITON', 'SDC']) {
      vars.push([`${prefix}_URL`, ctx.url], [`${prefix}_ACCOUNT`, c.account]);
      if (keyId !== undefined) vars.push([`${prefix}_KEY_ID`, keyId]);
    }
    // opskit triton signs with the file itself; Joyent's CLIs find the key by its fingerprint.
    if (typeof c.key === 'string') vars.push(['OPSKIT_TRITON_KEY_FILE', join(ctx.dir, 'triton_key')]);
    const hint =
      typeof c.key === 'string'
        ? `opskit triton signs with OPSKIT_TRITON_KEY_FILE; triton and sdc-* find the key by its fingerprint in ssh-agent or ~/.ssh: ssh-add ${quote(join(ctx.dir, 'triton_key'))}`
        : 'The key is yours (--key): keep it in ssh-agent or ~/.ssh.';
    files.push({ name: 'triton.env', text: envFile('triton', hint, vars) });
    return files;
  },

  timesys(ctx) {
    const sim = ctx.sim as TimesysSim;
    const key = join(ctx.dir, 'linuxlink_key');
    const dash = join(ctx.dir, 'dashboard_config');
    return [
      { name: 'linuxlink_key', text: `${sim.keyFile(ctx.url)}\n` },
      { name: 'dashboard_config', text: `${sim.dashboardConfig(true)}\n` },
      {
        name: 'timesys.env',
        text: envFile('timesys', `Upstream's CLI: vigiles -k ${quote(key)} -d ${quote(dash)} heartbeat`, [
          ['VIGILES_KEY_FILE', key],
          ['VIGILES_DASHBOARD_CONFIG', dash],
        ]),
      },
    ];
  },

  async turbonomic(ctx) {
    const c = ctx.credentials as { username: string; password: string };
    const folder = '.turbo_services_api_creds';
    // turboauth's own format: a Fernet key file and the encrypted base64("user:password").
    const credential = new Credential({ keyPath: join(ctx.dir, folder, '.key'), credPath: join(ctx.dir, folder, '.cred') });
    const key = credential.newKey();
    const token = await credential.encrypt({ username: c.username, password: c.password }, key);
    return [
      { name: `${folder}/.key`, text: key },
      { name: `${folder}/.cred`, text: token },
      {
        name: 'turbo.env',
        text: envFile('turbonomic', `opskit turbo markets reads TURBO_URL and TURBO_CREDENTIALS_DIR (vmt-connect: Credential(key, cred) with the two files)`, [
          ['TURBO_URL', ctx.url],
          ['TURBO_CREDENTIALS_DIR', join(ctx.dir, folder)],
        ]),
      },
    ];
  },

  mist(ctx) {
    const c = ctx.credentials as { email: string; password: string };
    const path = join(ctx.dir, '.mist');
    return [
      { name: '.mist', text: formatMistConfig({ mistUri: ctx.url, email: c.email, password: c.password }) },
      { name: 'mist.env', text: envFile('mist', `mist.client reads ~/.mist: HOME=${quote(ctx.dir)} mist …`, [['MIST_CONFIG', path]]) },
    ];
  },

  synnefo(ctx) {
    const c = ctx.credentials as { url: string; token: string };
    return kamaki(ctx, { url: c.url, token: c.token });
  },

  pithos(ctx) {
    const c = ctx.credentials as { url: string; token: string; account: string };
    return kamaki(ctx, { url: `${ctx.url}/identity/v2.0`, token: c.token, pithos_url: c.url, pithos_uuid: c.account, pithos_container: 'pithos' });
  },
};

/** A kamakirc with one cloud, `sim`, as kamaki's `config set cloud.sim.*` would write it. */
function kamaki(ctx: CredentialContext, cloud: Record<string, string>): CredentialFile[] {
  for (const [k, v] of Object.entries(cloud)) if (/[\r\n]/.test(v)) throw new Error(`kamakirc: ${k} must be one line`);
  const lines = ['[global]', 'default_cloud = sim', '', '[cloud "sim"]', ...Object.entries(cloud).map(([k, v]) => `${k} = ${v}`), ''];
  const path = join(ctx.dir, '.kamakirc');
  return [
    { name: '.kamakirc', text: lines.join('\n') },
    { name: 'kamaki.env', text: envFile(ctx.family, `kamaki -c ${quote(path)} user info`, [['KAMAKI_CONFIG', path]]) },
  ];
}

/** A POSIX shell file of `export NAME='value'` lines, for `. ./file.env`. */
function envFile(family: string, hint: string, vars: readonly [string, string][]): string {
  return [`# opskit sim serve ${family}: . this file to point the CLIs at the simulator.`, `# ${hint}`, ...vars.map(([k, v]) => `export ${k}=${quote(v)}`), ''].join('\n');
}

/** Single-quotes a value for a POSIX shell. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
