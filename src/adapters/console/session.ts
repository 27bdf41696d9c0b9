import type { Caller, Command, Services } from '../../core/command.js';
import { parseCommandLine } from '../../core/command-line.js';
import { dispatch, dispatchChoice, dispatchInput, resolveLine } from '../../core/dispatch.js';
import { isUserError } from '../../core/errors.js';
import type { ChannelRef, Poster } from '../../core/poster.js';
import type { Choice, Reply, TextRequest } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { savePicture } from '../../pictures/save.js';
import { renderReply } from './render.js';

export const CONSOLE_CALLER: Caller = {
  platform: 'console',
  userId: 'console-user',
  userName: 'You',
  channelId: 'console',
  serverId: 'console',
  canManage: true,
};

export const CONSOLE_CHANNEL: ChannelRef = { platform: 'console', channelId: 'console', serverId: 'console' };

export const APOLOGY = 'Sorry, something went wrong on our side; it has been logged. Try again, or /help.';

/**
 * One person at a terminal. Lines are slash commands (the slash is
 * optional) or a number, which clicks that choice of the last message that
 * offered choices. When a click asks for text (a typed quiz's Answer), the
 * next line is that text, whatever it holds, unless it starts with a slash. Messages posted while a line is handled (a quiz question
 * after `/quiz start`) print after that line's reply, so the output reads
 * in order.
 */
export class ConsoleSession {
  private choices: Choice[] = [];
  /** What the next line answers, when a click asked for text: the console's modal. */
  private asked: TextRequest | undefined;
  private holding = false;
  private held: Reply[] = [];
  private nextId = 1;

  /** Posts to the console channel; the main Poster routes `platform: 'console'` here. */
  readonly poster: Poster = {
    post: async (_channel, reply) => {
      if (this.holding) this.held.push(reply);
      else await this.show(reply);
      return { messageId: `console-${this.nextId++}` };
    },
    // A single reader gains nothing from a reprinted question with its answer count.
    edit: async () => {},
  };

  constructor(
    private readonly services: Services,
    private readonly commands: readonly Command[],
    private readonly write: (text: string) => void,
    private readonly log: Logger,
    private readonly caller: Caller = CONSOLE_CALLER,
    /** Where pictures are saved; without it the console prints only their alt text. */
    private readonly picturesDir?: string,
  ) {}

  private async show(reply: Reply): Promise<void> {
    // A reply without choices (say /quiz score mid-round) leaves the open question answerable by number.
    if (reply.choices?.length) this.choices = reply.choices;
    if (reply.input) this.asked = reply.input;
    let picturePath: string | undefined;
    if (reply.image && this.picturesDir) {
      picturePath = await savePicture(reply.image, this.picturesDir).catch((error: unknown) => {
        this.log.warn({ err: error, dir: this.picturesDir }, 'could not save a picture');
        return undefined;
      });
    }
    this.write(renderReply(reply, picturePath));
  }

  private async run(line: string): Promise<Reply> {
    const ctx = { ...this.services, caller: this.caller };
    const asked = this.asked;
    this.asked = undefined;
    // A typed answer may be a number ("40000"), so it is read before numbers click choices; a command still runs.
    if (asked && !line.startsWith('/')) return dispatchInput(this.commands, asked.action, line, ctx);
    // "3 1 4 2" clicks those choices in turn: how a chronology round's order is typed.
    if (/^\d+(\s+\d+)+$/.test(line)) {
      let last: Reply | undefined;
      for (const number of line.split(/\s+/)) {
        last = await this.run(number);
        if (!this.choices[Number(number) - 1]) break;
      }
      return last as Reply;
    }
    if (/^\d+$/.test(line)) {
      const choice = this.choices[Number(line) - 1];
      if (!choice) {
        const range = this.choices.length ? `1 to ${this.choices.length}` : 'none right now';
        return { text: `There is no choice ${line} (choices: ${range}).`, visibility: 'private' };
      }
      return dispatchChoice(this.commands, choice.action, ctx);
    }
    const call = resolveLine(this.commands, parseCommandLine(line));
    return dispatch(this.commands, call, ctx);
  }

  /** Runs one typed line and prints what comes of it. Never throws. */
  async handle(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '') return;
    this.holding = true;
    try {
      await this.show(await this.run(line));
    } catch (error) {
      if (isUserError(error)) this.write(error.message);
      else {
        // The command name only: what people type is theirs, not the log's.
        const command = /^\/?([a-z]+)/i.exec(line)?.[1]?.toLowerCase() ?? 'choice';
        this.log.error({ err: error, command }, 'console command failed');
        this.write(APOLOGY);
      }
    } finally {
      this.holding = false;
      await this.flush();
    }
  }

  private async flush(): Promise<void> {
    const held = this.held;
    this.held = [];
    for (const reply of held) await this.show(reply);
  }
}
