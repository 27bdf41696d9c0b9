import type { Pack } from '../content/pack.js';
import type { Logger } from '../log.js';
import type { Action } from './action.js';
import type { Permission } from './permissions.js';
import type { PictureHost } from './picture-host.js';
import type { Platform } from './platform.js';
import type { Poster } from './poster.js';
import type { Reply } from './reply.js';
import type { Store } from './store.js';

export { PLATFORMS, type Platform } from './platform.js';

/** Who is asking, and where. Adapters fill this in; the core never sees a platform object. */
export interface Caller {
  platform: Platform;
  userId: string;
  userName: string;
  channelId: string;
  /** Discord guild or Slack workspace (team) id; "console" for the console. */
  serverId: string;
  /**
   * May manage briefings and stop other people's games (Manage Server/Channels,
   * workspace admin): the adapter's finding behind the `manage` permission
   * (core/permissions.ts).
   */
  canManage: boolean;
}

/** What every command can use. One per process, shared across platforms. */
export interface Services {
  pack: Pack;
  store: Store;
  /** Injected so tests and the scheduler can move time. */
  now: () => Date;
  /** Posts and edits messages outside the request/reply cycle (quiz rounds, reveals, briefings). */
  poster: Poster;
  /** For side effects that fail after the user's action succeeded (an edit of a round message). */
  log?: Logger;
  /** Set when PUBLIC_URL is: adapters show pictures by link rather than uploading each one. */
  pictures?: PictureHost;
  /** A quiz round's live answer count is edited in at most once per this many ms (QUIZ_COUNT_EVERY_MS); 1 s unset. */
  quizCountEveryMs?: number;
}

export interface CommandContext extends Services {
  caller: Caller;
  /** The commands being served, for /help: dispatch fills it in. */
  commands?: readonly Command[];
}

/** Where autocomplete suggestions for an option come from. */
export type Completion = 'actor' | 'place' | 'thing' | 'topic' | 'event';

export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required?: boolean;
  choices?: { name: string; value: string }[];
  min?: number;
  max?: number;
  autocomplete?: Completion;
  /**
   * An example value that holds for any pack ("5", "08:00", "YYYY-MM"): the
   * Slack syntax line and Discord registration show it, so it must not
   * depend on the pack loaded.
   */
  example?: string;
  /** Where /help and error messages draw a better example from the loaded pack: its busiest month, a salient place. */
  sample?: SampleKind;
}

/** The kinds of example a pack can give (src/engine/samples.ts). */
export type SampleKind = 'month' | 'year' | 'place' | 'actor' | 'topic' | 'event';

/**
 * An option's example: drawn from the pack when it has one of the option's
 * kind, else the fixed one. A value with spaces is quoted, as it must be typed.
 */
export function exampleOf(option: OptionSpec, samples?: Readonly<Record<SampleKind, string>>): string | undefined {
  const value = option.sample && samples ? samples[option.sample] : option.example;
  return value !== undefined && /\s/.test(value) ? `"${value}"` : value;
}

/** Fixed choices shown as they are typed: every option's choices are named by their values. */
export function choicesOf(values: readonly string[]): { name: string; value: string }[] {
  return values.map((value) => ({ name: value, value }));
}

/** Options arrive as the user typed them; each command parses them with the shared parsers. */
export type RawArgs = Readonly<Record<string, string | undefined>>;

export interface Subcommand {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Dispatch refuses it, alike on every platform, to a caller without this. */
  requires?: Permission;
  run(args: RawArgs, ctx: CommandContext): Promise<Reply>;
}

/**
 * One slash command, declared once: the same definition feeds Discord
 * registration, the Slack manifest, the console parser and /help.
 * A command has either `run` + `options`, or `subcommands`.
 */
export interface Command {
  name: string;
  description: string;
  /** Dispatch refuses the command (all its subcommands), alike on every platform, to a caller without this. */
  requires?: Permission;
  options?: OptionSpec[];
  subcommands?: Subcommand[];
  run?(args: RawArgs, ctx: CommandContext): Promise<Reply>;
  /** The buttons this command's replies carry, each with what a click on it does. */
  actions?: readonly ChoiceHandler[];
  /** Longer help shown by `/help <name>`. */
  help?: string;
}

/** A clicked choice's handler: what one Action does when clicked. */
export interface ChoiceHandler {
  readonly name: string;
  /** Undefined when the action does not parse, or what it names is gone: the button is no longer active. */
  handle(action: string, ctx: CommandContext): Promise<Reply | undefined>;
}

/** Pairs an Action with what a click on it does; `run` returns undefined when what the button names is gone. */
export function onChoice<Args>(
  action: Action<Args>,
  run: (args: Args, ctx: CommandContext) => Promise<Reply | undefined> | Reply | undefined,
): ChoiceHandler {
  return {
    name: action.name,
    handle: async (raw, ctx) => {
      const args = action.parse(raw);
      return args === undefined ? undefined : run(args, ctx);
    },
  };
}
