import { UserError } from './errors.js';
import type { Platform } from './platform.js';

/**
 * What a command or subcommand may require of its caller, declared on it
 * (`requires: 'manage'`) and checked by dispatch alike on every platform.
 * `manage`: may manage briefings and stop other people's games; each
 * adapter finds it in its platform's terms (Caller.canManage).
 */
export type Permission = 'manage';

/** The part of a Caller (core/command.ts) that permissions are judged on. */
interface Caller {
  platform: Platform;
  canManage: boolean;
}

const WHO: Record<Permission, (caller: Caller) => string> = {
  manage: (caller) =>
    `someone who can manage this ${caller.platform === 'slack' ? 'workspace' : 'server'} (Discord: Manage Server or Manage Channels; Slack: a workspace admin)`,
};

export function holds(caller: Caller, permission: Permission): boolean {
  switch (permission) {
    case 'manage':
      return caller.canManage;
  }
}

/**
 * Refuses `label` (`/briefing pause`) to a caller without `permission`,
 * naming what the same command leaves open to anyone.
 */
export function requirePermission(
  caller: Caller,
  permission: Permission | undefined,
  label: string,
  openToAnyoneOf: () => readonly string[],
): void {
  if (!permission || holds(caller, permission)) return;
  // Worked out only for a refusal: most calls pass.
  const openToAnyone = openToAnyoneOf();
  const list =
    openToAnyone.length > 1 ? `${openToAnyone.slice(0, -1).join(', ')} and ${openToAnyone.at(-1)}` : openToAnyone[0];
  const open = list ? ` Anyone can use ${list}.` : '';
  throw new UserError(`Only ${WHO[permission](caller)} can use ${label}.${open}`);
}
