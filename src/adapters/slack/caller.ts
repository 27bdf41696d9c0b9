import type { webApi } from '@slack/bolt';
import type { Caller } from '../../core/command.js';
import { displayName } from '../../core/display-safe.js';
import type { Logger } from '../../log.js';

const KNOWN_FOR_MS = 10 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 60 * 1000;

/**
 * Slack's command and action payloads do not say whether the user is a
 * workspace admin, so canManage comes from users.info (scope users:read),
 * remembered for ten minutes so a quiz's clicks do not each cost a call.
 * If Slack cannot say, the answer is "no": managing is the safe thing to deny.
 */
export class AdminLookup {
  private readonly known = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    const key = `${teamId}:${userId}`;
    const now = this.clock();
    const hit = this.known.get(key);
    if (hit && hit.until > now) return hit.admin;
    try {
      const { user } = await this.client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.known.set(key, { admin, until: now + KNOWN_FOR_MS });
      return admin;
    } catch (error) {
      this.logger.warn({ err: error, userId, teamId }, 'slack users.info failed; treating the user as not an admin');
      this.known.set(key, { admin: false, until: now + RETRY_AFTER_FAILURE_MS });
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
