import type { webApi } from '@slack/bolt';
import type { Caller } from '../../core/command.js';
import { displayName } from '../../core/display-safe.js';
import type { Logger } from '../../log.js';

const KNOWN_FOR_MS = 10 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 60 * 1000;
/**
 * Slack wants its ack within 3 s, and the lookup runs before it: a slow
 * users.info answers "no" after this long, and its answer, when it comes,
 * is remembered for the next request.
 */
const LOOKUP_BUDGET_MS = 1000;

/**
 * Slack's command and action payloads do not say whether the user is a
 * workspace admin, so canManage comes from users.info (scope users:read),
 * remembered for ten minutes so a quiz's clicks do not each cost a call.
 * If Slack cannot say, or not in time, the answer is "no": managing is the
 * safe thing to deny.
 */
export class AdminLookup {
  private readonly known = new Map<string, { admin: boolean; until: number }>();
  /** A lookup under way: a burst of clicks from one user while users.info is slow asks it once. */
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
    private readonly budgetMs = LOOKUP_BUDGET_MS,
  ) {}

  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    const key = `${teamId}:${userId}`;
    const hit = this.known.get(key);
    if (hit && hit.until > this.clock()) return hit.admin;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn({ userId, teamId }, 'slack users.info is slow; treating the user as not an admin for now');
        resolve(false);
      }, this.budgetMs);
    });
    let asked = this.asking.get(key);
    if (!asked) {
      asked = this.lookUp(key, teamId, userId).finally(() => this.asking.delete(key));
      this.asking.set(key, asked);
    }
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async lookUp(key: string, teamId: string, userId: string): Promise<boolean> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.known.set(key, { admin, until: this.clock() + KNOWN_FOR_MS });
      return admin;
    } catch (error) {
      this.logger.warn({ err: error, userId, teamId }, 'slack users.info failed; treating the user as not an admin');
      this.known.set(key, { admin: false, until: this.clock() + RETRY_AFTER_FAILURE_MS });
      return false;
    }
  }
}

export interface SlackIdentity {
  teamId: string;
  userId: string;
  userName: string;
  channelId: string;
}

export async function callerOf(who: SlackIdentity, admins: AdminLookup): Promise<Caller> {
  return {
    platform: 'slack',
    userId: who.userId,
    userName: displayName(who.userName, who.userId),
    channelId: who.channelId,
    serverId: who.teamId,
    canManage: await admins.isAdmin(who.teamId, who.userId),
  };
}
