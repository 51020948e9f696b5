import { decodeBase64, decodeUtf8, encodeBase64, Fernet, InvalidToken } from '../../crypto/index.js';
import { printJson, type CommandGroup, type OptionSpec } from '../command.js';
import { parseSeconds, readData } from '../input.js';
import { UsageError } from '../usage-error.js';
import { fernetFromOptions } from './fernet-key.js';

const keyOptions: Record<string, OptionSpec> = {
  key: { type: 'string', valueName: 'KEY', description: 'Fernet key (visible to other local users: prefer --key-file or the env var)' },
  'key-file': { type: 'string', valueName: 'FILE', description: 'file holding the Fernet key' },
};

const encodingOption: OptionSpec = {
  type: 'string',
  valueName: 'ENC',
  description: "'utf8' (default) or 'base64': how the plaintext is written on the command line and in JSON",
};

const KEY_HELP = 'The key comes from --key, --key-file or $OPSKIT_FERNET_KEY, in that order.';

/** Accepted plaintext encodings: JSON cannot carry raw bytes, so binary data goes as base64. */
function parseEncoding(raw: string | boolean | undefined): 'utf8' | 'base64' {
  if (raw === undefined || raw === 'utf8' || raw === 'utf-8') return 'utf8';
  if (raw === 'base64') return 'base64';
  throw new UsageError("--encoding must be 'utf8' or 'base64'");
}

/** `opskit fernet …`: Fernet keys and tokens, compatible with Python's `cryptography`. */
export const fernetCommands: CommandGroup = {
  summary: 'Fernet symmetric encryption (compatible with Python cryptography.fernet)',
  commands: {
    'generate-key': {
      summary: 'print a new random key as {"key": …}',
      usage: '',
      async run({ io }) {
        printJson(io, { key: Fernet.generateKey() });
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
      usage: '[TOKEN | -] [--key-file FILE | --key KEY] [--ttl S] [--encoding utf8|base64]',
      details: `${KEY_HELP}\nWith --ttl, tokens older than S seconds are rejected.\nWith --encoding base64, "data" is the plaintext in base64 (use it for binary data).`,
      options: {
        ...keyOptions,
        ttl: { type: 'string', valueName: 'S', description: 'reject tokens older than S seconds' },
        encoding: encodingOption,
      },
      args: { min: 0, max: 1 },
      async run({ values, positionals, io }) {
        const encoding = parseEncoding(values.encoding);
        const ttl = typeof values.ttl === 'string' ? parseSeconds(values.ttl, '--ttl') : undefined;
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
  },
};

function decodeBase64Text(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/\s+/g, '');
  try {
    return decodeBase64(text);
  } catch {
    throw new UsageError('--encoding base64: input is not valid base64');
  }
}
