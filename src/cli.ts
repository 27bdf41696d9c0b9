import { ConfigError } from './config.js';
import { ContentError } from './content/errors.js';
import { PortUnavailableError } from './ops/port-error.js';
import { StoreUnavailableError } from './store/errors.js';

/**
 * `chronicle <command> ...`: each subcommand lives in src/cli/ and is loaded
 * on demand, so `content check` never pays for discord.js.
 */
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> }> =
  {
    content: {
      summary: 'content check [dir] | content new DIR | content export --json',
      load: () => import('./cli/content.js'),
    },
    start: {
      summary: 'start   (the bot; the console when no platform token is set)',
      load: () => import('./cli/start.js'),
    },
    register: { summary: 'register discord [--guild ID]', load: () => import('./cli/register.js') },
    ask: { summary: 'ask "/timeline 2020-10"   (one command, one reply)', load: () => import('./cli/ask.js') },
    manifest: { summary: 'manifest slack [--socket] [--url URL] [--yaml]', load: () => import('./cli/manifest.js') },
    reports: {
      summary: 'reports [--reason R] [--json]   (question reports from players)',
      load: () => import('./cli/reports.js'),
    },
    questions: {
      summary: 'questions audit [--json]   (every question against the quality rules)',
      load: () => import('./cli/questions.js'),
    },
    export: {
      summary: 'export questions --json [--count N] [--seed S] [--topic T] [--period P]',
      load: () => import('./cli/export.js'),
    },
  };

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(
    ([name, s]) => `  chronicle ${s.summary.startsWith(name) ? s.summary : `${name} ${s.summary}`}`,
  );
  return `usage:\n${lines.join('\n')}`;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    console.error(`chronicle: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  try {
    return await (await sub.load()).main(rest);
  } catch (error) {
    // Faults a user can fix get one clear line, not a stack trace.
    if (
      error instanceof ContentError ||
      error instanceof ConfigError ||
      error instanceof StoreUnavailableError ||
      error instanceof PortUnavailableError
    ) {
      console.error(error.message);
      // A store that hung (a folder under /proc) may leave work pending that would hold the process open.
      if (error instanceof StoreUnavailableError || error instanceof PortUnavailableError)
        setTimeout(() => process.exit(1), 200).unref();
      return 1;
    }
    throw error;
  }
}

// `chronicle export questions | head` closes the pipe early: that ends the output, it is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2));
