import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { commands } from '../../commands/index.js';
import { slackManifest } from '../adapters/slack/manifest.js';

const USAGE =
  'usage: chronicle manifest slack [--socket] [--url https://your.host] [--name Chronicle] [--flat] [--yaml]\n' +
  '  Prints a Slack app manifest for "Create an app → From a manifest" (JSON; --yaml for YAML).\n' +
  '  HTTP mode (default) points at <url>/slack/events; --socket is for Socket Mode (SLACK_APP_TOKEN).\n' +
  '  One command, /chronicle <command> …; --flat also registers each command by name, except those Slack keeps\n' +
  '  (/who, /help), and needs SLACK_COMMANDS=flat so replies name commands the same way.';

/** `chronicle manifest slack`: the app manifest, generated from commands/. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      socket: { type: 'boolean', default: false },
      url: { type: 'string' },
      name: { type: 'string' },
      yaml: { type: 'boolean', default: false },
      flat: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] !== 'slack' || positionals.length > 1) {
    console.error(USAGE);
    return 1;
  }
  if (values.url !== undefined && !/^https:\/\/[^\s/]+/.test(values.url)) {
    console.error(`--url must be the public https:// address of this server, e.g. https://chronicle.example.org`);
    return 1;
  }
  if (values.url !== undefined && values.socket) {
    console.error('--url and --socket do not go together: Socket Mode needs no public URL.');
    return 1;
  }
  const manifest = slackManifest(commands, {
    socket: values.socket,
    baseUrl: values.url,
    name: values.name,
    style: values.flat ? 'flat' : 'namespaced',
  });
  console.log(values.yaml ? stringify(manifest) : JSON.stringify(manifest, null, 2));
  return 0;
}
