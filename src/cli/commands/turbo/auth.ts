import { Credential } from '../../../node/turbonomic/index.js';
import { printJson, type Command } from '../../command.js';
import type { Prompter } from '../../prompt.js';
import { UsageError } from '../../usage-error.js';
import { credentialFileOptions, credentialPaths } from './credential-options.js';

/**
 * `opskit turbo auth create|get`: vmt-connect's `turboauth`. `create` encrypts
 * `base64("user:password")` with a new key into the key and credential files (compatible with
 * vmt-connect); `get` prints the decrypted auth string as `{"auth": …}`.
 */
export function authCommand(prompt: Prompter): Command {
  return {
    summary: 'create or read an encrypted credential (like vmt-connect turboauth)',
    usage: 'create|get [-b DIR] [-k FILE] [-c FILE] [-u USER] [-p PASSWORD] [-f]',
    details:
      'create: the username comes from -u or a prompt; the password from -p (visible to other local users),\n' +
      'a prompt on a terminal (never echoed), or the first line of stdin when it is piped.\n' +
      'Existing files are kept unless -f/--force is given; with it the key and credential are replaced\n' +
      'together or not at all (the old pair keeps working if any step fails). New files are mode 0600.\n' +
      'With --dry-run, create checks its input and prints the files it would write, writing nothing.\n' +
      'get: prints {"auth": "<base64 of user:password>"}, the value Connection({ auth }) takes.\n' +
      'The folder is ~/.turbo_services_api_creds (what the library reads), or $TURBO_CREDENTIALS_DIR.',
    options: {
      ...credentialFileOptions,
      username: { type: 'string', short: 'u', valueName: 'USER', description: 'username (create)' },
      password: { type: 'string', short: 'p', valueName: 'PASSWORD', description: 'password (create; prefer the prompt or stdin)' },
      force: { type: 'boolean', short: 'f', description: 'replace existing key and credential files (create)' },
    },
    args: { min: 1, max: 1 },
    async run({ values, positionals, io }) {
      const action = positionals[0];
      const cred = new Credential(credentialPaths(values, io));
      if (action === 'get') {
        printJson(io, { auth: await cred.get() });
        return;
      }
      if (action !== 'create') throw new UsageError(`unknown action ${JSON.stringify(action)}; use create or get`);
      let username = typeof values.username === 'string' ? values.username : undefined;
      let password = typeof values.password === 'string' ? values.password : undefined;
      if (password === undefined && !io.stdinIsTTY) {
        // Piped: the first line of stdin is the password (newline excluded).
        password = new TextDecoder().decode(await io.readStdin()).split(/\r?\n/)[0] ?? '';
      }
      if (username === undefined) {
        if (!io.stdinIsTTY) throw new UsageError('no username: pass -u USER');
        username = await prompt('Username: ', { hidden: false });
      }
      password ??= await prompt('Password: ', { hidden: true });
      if (username === '' || password === '') throw new UsageError('username and password must not be empty');
      if (values['dry-run'] === true) {
        printJson(io, { dryRun: true, keyPath: cred.keyPath, credPath: cred.credPath, replace: values.force === true });
        return;
      }
      await cred.create({ username, password }, { overwrite: values.force === true });
      printJson(io, { created: true, keyPath: cred.keyPath, credPath: cred.credPath });
    },
  };
}
