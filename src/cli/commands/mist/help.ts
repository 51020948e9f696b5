import { MIST_OPTIONS } from './args.js';

/** `opskit mist --help`: mist.client's grammar, every action, every option. */
export function mistHelp(): string {
  const commands: [string, string][] = [
    ['list providers', 'the providers a backend can use'],
    ['list backends', 'every backend'],
    ['add backend -n NAME -p PROVIDER -k KEY -s SECRET', 'add a backend (per-provider extras: --apiurl, --tenant-name, --machine-ip, …)'],
    ['delete|rename|show backend (-n NAME | -i ID)', 'rename with --new_name'],
    ['list machines [-b BACKEND]', 'machines of one backend, or of all'],
    ['create machine -b B -n NAME --image ID --size ID --location ID -k KEY', 'create a machine (--wait: until running)'],
    ['start|stop|reboot|destroy|probe machine -b B (-n NAME | -i ID)', 'machine actions (--wait: until the new state)'],
    ['enable-monitoring|disable-monitoring machine -b B (-n|-i)', 'monitoring on or off'],
    ['get-stats machine -b B (-n|-i) [--start S] [--stop S] [--step S]', 'monitoring data'],
    ['list plugins -b B (-n|-i)', 'metrics that can be added'],
    ['add plugin -b B (-n|-i) --plugin ID [--custom_plugin FILE]', 'add a metric, or deploy a python plugin'],
    ['list keys', 'every key'],
    ['add key -n NAME (-k FILE | -a)', 'add a key from a private key file, or a generated one'],
    ['delete|rename|show key -n NAME', 'rename with --new_name; show prints the private key only with --reveal'],
    ['list images|sizes|locations -b B', 'images: starred; --search TERM, or --search all'],
    ['user info', 'the account and its plan'],
    ['sync --dbyaml FILE', "import a standalone server's db.yaml (keys, backends, associations)"],
  ];
  const w = Math.max(...commands.map(([c]) => c.length));
  const opts = MIST_OPTIONS.map((o): [string, string] => [`${o.flags.join(', ')}${o.takesValue ? ` ${o.metavar ?? 'VALUE'}` : ''}`, o.help]);
  const ow = Math.max(...opts.map(([l]) => l.length));
  return [
    'usage: opskit mist <action> <target> [options]',
    '',
    'mist.io from the command line, with the grammar and options of mist.client\'s `mist` command.',
    'Credentials come from ~/.mist ([mist.io] mist_uri, [mist.credentials] email, password); what is',
    'missing is asked for (the password without echo), and a new config can be saved (mode 0600).',
    'Output is JSON by default; -o table prints tables. Exit codes: 0 ok, 1 failed, 2 bad command line.',
    "mist.client's `ansible` action is out of scope for opskit and is refused.",
    '',
    'commands:',
    ...commands.map(([c, d]) => `  ${c.padEnd(w)}  ${d}`),
    '',
    'options:',
    ...opts.map(([l, d]) => `  ${l.padEnd(ow)}  ${d}`),
    '',
  ].join('\n');
}
