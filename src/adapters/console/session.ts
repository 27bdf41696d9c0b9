import type { Caller, Command, Services } from '../../core/command.js';
import { parseCommandLine } from '../../core/command-line.js';
import { dispatch, dispatchChoice, resolveLine } from '../../core/dispatch.js';
import { isUserError } from '../../core/errors.js';
import type { ChannelRef, Poster } from '../../core/poster.js';
import type { Choice, Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
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
 * offered choices. Messages posted while a line is handled (a quiz question
 * after `/quiz start`) print after that line's reply, so the output reads
 * in order.
 */
export class ConsoleSession {
  private choices: Choice[] = [];
  private holding = false;
  private held: Reply[] = [];
  private nextId = 1;

  /** Posts to the console channel; the main Poster routes `platform: 'console'` here. */
  readonly poster: Poster = {
    post: async (_channel, reply) => {
      if (this.holding) this.held.push(reply);
      else this.show(reply, 'post');
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
  ) {}

  private show(reply: Reply, kind: 'command' | 'click' | 'post'): void {
    if (kind === 'command' || reply.choices?.length) this.choices = reply.choices ?? [];
    this.write(renderReply(reply));
  }

  private async run(line: string): Promise<{ reply: Reply; kind: 'command' | 'click' }> {
    const ctx = { ...this.services, caller: this.caller };
    // "3 1 4 2" clicks those choices in turn: how a chronology round's order is typed.
    if (/^\d+(\s+\d+)+$/.test(line)) {
      let last: { reply: Reply; kind: 'command' | 'click' } | undefined;
      for (const number of line.split(/\s+/)) {
        last = await this.run(number);
        if (!this.choices[Number(number) - 1]) break;
      }
      return last as { reply: Reply; kind: 'command' | 'click' };
    }
    if (/^\d+$/.test(line)) {
      const choice = this.choices[Number(line) - 1];
      if (!choice) {
        const range = this.choices.length ? `1 to ${this.choices.length}` : 'none right now';
        return {
          reply: { text: `There is no choice ${line} (choices: ${range}).`, visibility: 'private' },
          kind: 'click',
        };
      }
      return { reply: await dispatchChoice(this.commands, choice.action, ctx), kind: 'click' };
    }
    const call = resolveLine(this.commands, parseCommandLine(line));
    return { reply: await dispatch(this.commands, call, ctx), kind: 'command' };
  }

  /** Runs one typed line and prints what comes of it. Never throws. */
  async handle(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '') return;
    this.holding = true;
    try {
      const { reply, kind } = await this.run(line);
      this.show(reply, kind);
    } catch (error) {
      if (isUserError(error)) this.write(error.message);
      else {
        this.log.error({ err: error, line: line.slice(0, 200) }, 'console command failed');
        this.write(APOLOGY);
      }
    } finally {
      this.holding = false;
      this.flush();
    }
  }

  private flush(): void {
    const held = this.held;
    this.held = [];
    for (const reply of held) this.show(reply, 'post');
  }
}
