import { catchDryRun, isDryRunRequest } from '../../../core/dry-run.js';
import type { SshKey } from '../../../triton/index.js';
import { UsageError } from '../../usage-error.js';
import { pairs, str, strs } from './args.js';
import { readText } from './instance.js';
import { flag, list, one, some, value, YES, type Branch, type Leaf } from './tree.js';

const ACCOUNT_FIELDS = ['email', 'companyName', 'firstName', 'lastName', 'address', 'postalCode', 'city', 'state', 'country', 'phone', 'triton_cns_enabled'];

export const accountBranch: Branch = {
  summary: 'the account: get (also with no command), limits, update',
  default: 'get',
  children: {
    get: {
      summary: 'show the account (GetAccount)',
      usage: '',
      async run({ s }) {
        s.print(await (await s.dc()).getAccount());
      },
    },
    limits: {
      summary: 'provisioning limits and what is used of them',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).getAccountLimits(), [['BY', (l) => l.by], ['VALUE', (l) => l.value], ['USED', (l) => l.used], ['CHECK', (l) => l.check]]);
      },
    },
    update: {
      summary: `update account fields (FIELD=VALUE: ${ACCOUNT_FIELDS.join(', ')})`,
      usage: 'FIELD=VALUE [FIELD=VALUE …]',
      args: { min: 1, max: Infinity },
      async run({ s, args }) {
        const f: Record<string, unknown> = pairs(args, 'FIELD=VALUE');
        for (const k of Object.keys(f)) if (!ACCOUNT_FIELDS.includes(k)) throw new UsageError(`unknown account field ${JSON.stringify(k)}; one of ${ACCOUNT_FIELDS.join(', ')}`);
        if (f.triton_cns_enabled !== undefined) f.triton_cns_enabled = f.triton_cns_enabled === 'true';
        const out = await (await s.writer()).updateAccount(f as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
  },
};

const keyColumns: [string, (k: SshKey) => unknown][] = [['FINGERPRINT', (k) => k.fingerprint], ['NAME', (k) => k.name]];

export const keyBranch: Branch = {
  summary: 'SSH keys of the account: list, get, add, delete',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: "the account's SSH keys",
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listKeys(), keyColumns);
      },
    },
    get: {
      summary: 'one key by name or MD5 fingerprint',
      usage: 'KEY',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.dc()).getKey(args[0]!));
      },
    },
    add: {
      summary: 'upload an OpenSSH public key file ("-" reads stdin)',
      usage: 'FILE',
      options: [value('name', 'NAME', 'key name (default: the key comment, else its fingerprint)', 'n')],
      args: one,
      async run({ s, opts, args }) {
        const text = args[0] === '-' ? new TextDecoder().decode(await s.io.readStdin()) : await readText(s, args[0]!, 'public key file');
        const line = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
        if (!line) throw new UsageError(`${args[0]} holds no public key line`);
        const out = await (await s.writer()).createKey({ key: line, ...(str(opts.name) ? { name: str(opts.name)! } : {}) });
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    delete: {
      summary: 'delete keys by name or fingerprint',
      usage: 'KEY [KEY …]',
      options: YES,
      args: some,
      async run({ s, args }) {
        for (const k of args) {
          if (s.dry(await (await s.writer()).deleteKey(k))) continue;
          s.print({ key: k, action: 'delete' });
        }
      },
    },
  },
};

const methodWords = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** `opskit triton cloudapi [METHOD] PATH`: any CloudAPI request, signed, for what no command covers. */
const cloudapi: Leaf = {
  summary: 'send any CloudAPI request (signed) and print the reply: reaches every operation',
  usage: '[METHOD] PATH',
  details: [
    'METHOD defaults to GET (also -X, as Joyent\'s). PATH as the API spells it: /my/machines, /--ping.',
    '-H and -i are Joyent\'s here: request headers, and the reply status and headers on stderr.',
    'Examples:',
    '  opskit triton cloudapi /my/machines?state=running',
    '  opskit triton cloudapi POST /my/machines/ID?action=stop',
    "  opskit triton cloudapi PUT /my/machines/ID/tags -d '{\"role\": \"web\"}'",
  ].join('\n'),
  options: [
    value('method', 'METHOD', 'request method (default GET)', 'X'),
    list('header', 'NAME: VALUE', 'request header (repeat for more; Joyent\'s -H)', 'H'),
    value('data', 'JSON', 'request body (JSON; "@FILE" reads a file)', 'd'),
    flag('headers', 'print the reply status and headers on stderr (Joyent\'s -i)', 'i'),
  ],
  args: { min: 1, max: 2 },
  async run({ s, opts, args }) {
    let method = (str(opts.method) ?? 'GET').toUpperCase();
    let path = args[0]!;
    if (args.length === 2) {
      if (!methodWords.has(args[0]!.toUpperCase())) throw new UsageError('with two arguments the first must be an HTTP method: cloudapi METHOD PATH');
      method = args[0]!.toUpperCase();
      path = args[1]!;
    }
    if (!methodWords.has(method)) throw new UsageError(`unknown HTTP method ${JSON.stringify(method.slice(0, 10))}`);
    if (!path.startsWith('/')) throw new UsageError('PATH must start with / (e.g. /my/machines)');
    const headers: Record<string, string> = {};
    for (const h of strs(opts.header)) {
      const m = /^([\w-]+)\s*[:=]\s*(.*)$/.exec(h);
      if (!m) throw new UsageError('-H must be "Name: value"');
      headers[m[1]!.toLowerCase()] = m[2]!;
    }
    let body: unknown;
    const data = str(opts.data);
    if (data !== undefined) {
      const text = data.startsWith('@') ? await readText(s, data.slice(1), 'data file') : data;
      try {
        body = JSON.parse(text);
      } catch {
        throw new UsageError('-d must be JSON');
      }
    }
    const dc = await (method === 'GET' || method === 'HEAD' ? s.dc() : s.writer());
    const call = (dc.api.api as unknown as Record<string, (url: string, init: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>>)[method]!;
    const out = await catchDryRun(() => call(path, { headers, ...(body !== undefined ? { body } : {}), parseAs: 'text', redirect: 'manual' }));
    if (isDryRunRequest(out)) return void s.dry(out);
    const res = out.response;
    if (opts.headers === true) {
      s.io.stderr(`HTTP/1.1 ${res.status} ${res.statusText}\n`);
      res.headers.forEach((v, k) => s.io.stderr(`${k}: ${v}\n`));
    }
    const text = typeof out.data === 'string' ? out.data : typeof out.error === 'string' ? out.error : '';
    if (text) s.io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    if (res.status >= 400) {
      let detail = '';
      try {
        const b = JSON.parse(text) as { code?: string; message?: string };
        detail = `${b.code ?? ''}${b.message ? `: ${b.message}` : ''}`;
      } catch {
        // not JSON
      }
      throw new Error(`${method} ${path.split('?')[0]} answered HTTP ${res.status}${detail ? ` ${detail}` : ''}`);
    }
  },
};

export const miscCommands: Record<string, Leaf> = {
  datacenters: {
    summary: 'datacenters of this cloud (ListDatacenters)',
    usage: '',
    async run({ s }) {
      const map = await (await s.dc()).listDatacenters();
      if (s.format.kind === 'json') return s.print(map);
      s.printList(Object.entries(map), [['NAME', ([k]) => k], ['URL', ([, v]) => v]]);
    },
  },
  services: {
    summary: 'service endpoints of this datacenter (ListServices)',
    usage: '',
    async run({ s }) {
      const map = await (await s.dc()).listServices();
      if (s.format.kind === 'json') return s.print(map);
      s.printList(Object.entries(map), [['NAME', ([k]) => k], ['ENDPOINT', ([, v]) => v]]);
    },
  },
  info: {
    summary: 'an account summary: login, email, instances by state, memory and disk in use',
    usage: '',
    async run({ s }) {
      const dc = await s.dc();
      const [account, machines] = await Promise.all([dc.getAccount(), dc.listMachines().all()]);
      const byState: Record<string, number> = {};
      for (const m of machines) byState[m.state] = (byState[m.state] ?? 0) + 1;
      s.print({
        login: account.login, name: [account.firstName, account.lastName].filter(Boolean).join(' ') || undefined, email: account.email, url: dc.baseUrl,
        totalMemory: machines.reduce((n, m) => n + (m.memory ?? 0), 0), totalDisk: machines.reduce((n, m) => n + (m.disk ?? 0), 0), instances: machines.length, state: byState,
      });
    },
  },
  changefeed: {
    summary: 'print a pre-signed WebSocket URL for the change feed (GetChangefeed)',
    usage: '',
    details: 'opskit opens no socket itself: hand the URL to a WebSocket client.',
    async run({ s }) {
      const url = await (await s.dc()).changefeedUrl();
      s.io.stdout(`${s.format.kind === 'json' ? JSON.stringify({ url }) : url}\n`);
    },
  },
  cloudapi,
};
