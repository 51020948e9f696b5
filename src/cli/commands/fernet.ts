import { decodeBase64, decodeUtf8, encodeBase64, Fernet, InvalidToken } from '../../crypto/index.js';
import { printJson, walkCommands, type CommandGroup, type OptionSpec } from '../command.js';
import { parseDuration } from '../duration.js';
import { readData } from '../input.js';
import { UsageError } from '../usage-error.js';
import { fernetFromOptions } from './fernet-key.js';
import { writeOutputFile } from './write-output.js';

const keyOptions: Record<string, OptionSpec> = {
  key: { type: 'string', valueName: 'KEY', description: 'Fernet key (visible to other local users: prefer --key-file or the env var)' },
  'key-file': { type: 'string', short: 'k', valueName: 'FILE', description: 'file holding the Fernet key: the key itself, or the {"key": …} that generate-key prints' },
};

const encodingOption: OptionSpec = {
  type: 'string',
  valueName: 'ENC',
  description: "'utf8' (default) or 'base64': how the plaintext is written on the command line and in JSON",
};

const KEY_HELP = 'The key comes from --key, --key-file (-k) or $OPSKIT_FERNET_KEY, in that order.';

/** Accepted plaintext encodings: JSON cannot carry raw bytes, so binary data goes as base64. */
function parseEncoding(raw: unknown): 'utf8' | 'base64' {
  if (raw === undefined || raw === 'utf8' || raw === 'utf-8') return 'utf8';
  if (raw === 'base64') return 'base64';
  throw new UsageError("--encoding must be 'utf8' or 'base64'");
}

const commands: CommandGroup['commands'] = {
    'generate-key': {
      summary: 'print a new random key as {"key": …}, or write the bare key with --raw or -o FILE',
      usage: '[--raw | -o FILE [-f]]',
      details: [
        'With -o FILE the bare key (and a newline) is written to FILE, mode 0600, and {"file": FILE} is printed;',
        'an existing FILE is kept unless -f/--force. With --raw the bare key is printed instead of JSON.',
        '--key-file takes either form, so both of these work:',
        '  opskit fernet generate-key -o key.txt',
        '  opskit fernet generate-key > key.json',
        'With --dry-run nothing is written (the key is not even made): {"dryRun": true, "file": FILE}.',
      ].join('\n'),
      options: {
        raw: { type: 'boolean', description: 'print the bare key and a newline instead of {"key": …}' },
        output: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the bare key to FILE (mode 0600) instead of printing it' },
        force: { type: 'boolean', short: 'f', description: 'with -o: replace an existing FILE' },
      },
      async run({ values, io }) {
        const file = typeof values.output === 'string' ? values.output : undefined;
        if (file !== undefined && values.raw === true) throw new UsageError('give either --raw or -o FILE: -o always writes the bare key');
        if (values.force === true && file === undefined) throw new UsageError('--force goes with -o FILE');
        if (file === undefined) {
          const key = Fernet.generateKey();
          return void (values.raw === true ? io.stdout(`${key}\n`) : printJson(io, { key }));
        }
        if (values['dry-run'] === true) return void printJson(io, { dryRun: true, file });
        await writeOutputFile(io, file, new TextEncoder().encode(`${Fernet.generateKey()}\n`), values.force === true);
        printJson(io, { file });
      },
    },
    encrypt: {
      summary: 'encrypt DATA (or stdin) and print {"token": …}',
      usage: '[DATA | -] [--key-file FILE | --key KEY] [--encoding utf8|base64]',
      details: `${KEY_HELP}\nWithout DATA (or with -), stdin is encrypted byte for byte, newline included.\nWith --encoding base64, DATA or stdin is base64 text of the bytes to encrypt.`,
      options: { ...keyOptions, encoding: encodingOption },
      args: { min: 0, max: 1 },
      async run({ values, positionals, io }) {
        const encoding = parseEncoding(values.encoding);
        const fernet = await fernetFromOptions(values, io);
        let data = await readData(positionals[0], io, 'data');
        if (encoding === 'base64') data = decodeBase64Text(data);
        printJson(io, { token: fernet.encrypt(data) });
      },
    },
    decrypt: {
      summary: 'decrypt TOKEN (or stdin) and print {"data": …}',
      usage: '[TOKEN | -] [--key-file FILE | --key KEY] [--ttl DURATION] [--encoding utf8|base64]',
      details: `${KEY_HELP}\nWith --ttl, tokens older than that are rejected (--ttl 3600, 60s or 1500ms).\nWith --encoding base64, "data" is the plaintext in base64 (use it for binary data).`,
      options: {
        ...keyOptions,
        ttl: { type: 'string', valueName: 'DURATION', description: 'reject tokens older than this (seconds: 3600, 60s, 1500ms)' },
        encoding: encodingOption,
      },
      args: { min: 0, max: 1 },
      async run({ values, positionals, io }) {
        const encoding = parseEncoding(values.encoding);
        const ttl = typeof values.ttl === 'string' ? parseDuration(values.ttl, '--ttl', true) / 1000 : undefined;
        const fernet = await fernetFromOptions(values, io);
        const token = new TextDecoder().decode(await readData(positionals[0], io, 'token')).trim();
        let plain: Uint8Array;
        try {
          plain = fernet.decrypt(token, ttl === undefined ? {} : { ttl });
        } catch (err) {
          if (err instanceof InvalidToken) throw new Error('invalid token (wrong key, corrupted, or expired)');
          throw err;
        }
        if (encoding === 'base64') {
          printJson(io, { data: encodeBase64(plain) });
          return;
        }
        let text: string;
        try {
          text = decodeUtf8(plain);
        } catch {
          throw new Error('decrypted data is not valid UTF-8; use --encoding base64');
        }
        printJson(io, { data: text });
      },
    },
};

/** `opskit fernet …`: Fernet keys and tokens, compatible with Python's `cryptography`. */
export const fernetCommands: CommandGroup = {
  summary: 'Fernet symmetric encryption (compatible with Python cryptography.fernet)',
  commands,
  walk: () => walkCommands(commands),
};

function decodeBase64Text(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/\s+/g, '');
  try {
    return decodeBase64(text);
  } catch {
    throw new UsageError('--encoding base64: input is not valid base64');
  }
}
