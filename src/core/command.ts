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
  /**
   * Starts work a request's reply need not wait for, without awaiting it:
   * the close of a quiz round after its last answer. Set where platforms are
   * served (src/ops/background.ts), which counts it as in flight for a
   * graceful stop and logs its failures. Unset (tests, the console), the
   * request does the work before it replies.
   */
  background?: (work: () => Promise<void>) => void;
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
  choices?: readonly { name: string; value: string }[];
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
  return value === undefined ? undefined : asTyped(value);
}

/** An option's value as it must be typed: quoted when it has spaces ("Saturn V"). */
export function asTyped(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/** Fixed choices shown as they are typed: every option's choices are named by their values. */
export function choicesOf<const Value extends string>(values: readonly Value[]): { name: Value; value: Value }[] {
  return values.map((value) => ({ name: value, value }));
}

/** Options as the user typed them, before dispatch has checked them. */
export type RawArgs = Readonly<Record<string, string | undefined>>;

/** Options once dispatch has checked them: an integer option's value is a number. */
export type Args = Readonly<Record<string, string | number | undefined>>;

/** What one option gives run(): one of its choices, a number for an integer, else the text as typed. */
type ValueOf<Option extends OptionSpec> = Option extends { choices: readonly { value: infer Value }[] }
  ? Value
  : Option extends { type: 'integer' }
    ? number
    : string;

/**
 * The arguments run() receives, read off the options declared: required
 * ones always hold a value, the others may be undefined. Dispatch has
 * checked each against its declaration (core/dispatch.ts, validateArgs).
 */
export type ArgsOf<Options extends readonly OptionSpec[]> = {
  readonly [Option in Options[number] as Option['name']]: Option extends { required: true }
    ? ValueOf<Option>
    : ValueOf<Option> | undefined;
};

export interface Subcommand {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /** Dispatch refuses it, alike on every platform, to a caller without this. */
  requires?: Permission;
  run(args: Args, ctx: CommandContext): Promise<Reply>;
}

/**
 * One slash command, declared once: the same definition feeds Discord
 * registration, the Slack manifest, the console parser and /help.
 * A command has either `run` + `options`, or `subcommands`.
 */
export interface Command {
  name: string;
  description: string;
  /**
   * Where /help lists it, and the adapters register it: lowest first, then
   * by name. Without one it counts as 500, after every command but /help
   * (commands/index.ts).
   */
  order?: number;
  /** Dispatch refuses the command (all its subcommands), alike on every platform, to a caller without this. */
  requires?: Permission;
  options?: readonly OptionSpec[];
  subcommands?: readonly Subcommand[];
  run?(args: Args, ctx: CommandContext): Promise<Reply>;
  /** The buttons this command's replies carry, each with what a click on it does. */
  actions?: readonly ChoiceHandler[];
  /** The text boxes its replies open (a Reply's `input`), each with what the typed text does. */
  inputs?: readonly InputHandler[];
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
export function onChoice<Parsed>(
  action: Action<Parsed>,
  run: (args: Parsed, ctx: CommandContext) => Promise<Reply | undefined> | Reply | undefined,
): ChoiceHandler {
  return {
    name: action.name,
    handle: async (raw, ctx) => {
      const args = action.parse(raw);
      return args === undefined ? undefined : run(args, ctx);
    },
  };
}

/** A typed answer's handler: what text sent from one Action's box does. */
export interface InputHandler {
  readonly name: string;
  /** Undefined when the action does not parse, or what it names is gone: the box is no longer active. */
  handle(action: string, text: string, ctx: CommandContext): Promise<Reply | undefined>;
}

/** Pairs an Action with what text typed into its box does; `run` returns undefined when what it names is gone. */
export function onInput<Parsed>(
  action: Action<Parsed>,
  run: (args: Parsed, text: string, ctx: CommandContext) => Promise<Reply | undefined> | Reply | undefined,
): InputHandler {
  return {
    name: action.name,
    handle: async (raw, text, ctx) => {
      const args = action.parse(raw);
      return args === undefined ? undefined : run(args, text, ctx);
    },
  };
}

/** A command as written in commands/: its run() takes the arguments its options declare. */
export type CommandDefinition<Options extends readonly OptionSpec[]> = Omit<Command, 'options' | 'run'> & {
  options?: Options;
  run?(args: ArgsOf<Options>, ctx: CommandContext): Promise<Reply>;
};

export type SubcommandDefinition<Options extends readonly OptionSpec[]> = Omit<Subcommand, 'options' | 'run'> & {
  options: Options;
  run(args: ArgsOf<Options>, ctx: CommandContext): Promise<Reply>;
};

/**
 * Declares a command, so that run()'s arguments are typed from its options:
 * `{ name: 'count', type: 'integer' }` gives `args.count: number | undefined`.
 * Dispatch has checked them before run() sees them.
 */
export function defineCommand<const Options extends readonly OptionSpec[] = []>(
  command: CommandDefinition<Options>,
): Command {
  // Sound because dispatch validates every argument against these same options first.
  return command as Command;
}

/** Declares a subcommand the way defineCommand declares a command. */
export function defineSubcommand<const Options extends readonly OptionSpec[] = []>(
  subcommand: SubcommandDefinition<Options>,
): Subcommand {
  return subcommand as Subcommand;
}
