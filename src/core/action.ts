import { UserError } from './errors.js';

/**
 * A button's action, written and read back in one place. On the wire it is
 * `<name>:<part>:<part>…` (Discord's custom_id, Slack's value), and `name`
 * starts with the command that handles it (`quiz:answer`), which is how a
 * click finds its command. The format is what buttons already posted in
 * chat carry, so a change to one is a change to every old message.
 */
export interface Action<Args> {
  readonly name: string;
  /** The action string a choice carries. */
  encode(args: Args): string;
  /** The arguments back, or undefined when `action` is not this action or no longer reads as one. */
  parse(action: string): Args | undefined;
}

export interface ActionSpec<Args> {
  /** `<command>` or `<command>:<verb>`. */
  name: string;
  /** The parts after the name, in order; none may hold a colon unless it is the last and `parse` joins them. */
  encode(args: Args): readonly (string | number)[];
  /** Reads the parts after the name; undefined for anything malformed or forged. */
  parse(parts: readonly string[]): Args | undefined;
}

export function defineAction<Args>(spec: ActionSpec<Args>): Action<Args> {
  const prefix = `${spec.name}:`;
  return {
    name: spec.name,
    encode: (args) => [spec.name, ...spec.encode(args)].join(':'),
    parse: (action) => (action.startsWith(prefix) ? spec.parse(action.slice(prefix.length).split(':')) : undefined),
  };
}

/** The command an action string belongs to: its first part. */
export function commandOfAction(action: string): string {
  const end = action.indexOf(':');
  return end < 0 ? action : action.slice(0, end);
}

/** A whole number written by an encoder, at most `digits` long when given; undefined for anything else. */
export function wholeNumber(part: string | undefined, digits?: number): number | undefined {
  const shape = digits === undefined ? /^\d+$/ : new RegExp(`^\\d{1,${digits}}$`);
  return part !== undefined && shape.test(part) ? Number(part) : undefined;
}

/**
 * What a clicked choice is told when its action no longer means anything:
 * a malformed or forged action, or one whose game, session or item is gone.
 */
export class StaleAction extends UserError {
  constructor() {
    super('That button is no longer active.');
  }
}

/** What text sent from an answer box is told when the box no longer means anything (its round or session is gone). */
export class StaleInput extends UserError {
  constructor() {
    super('That answer box is no longer active.');
  }
}
