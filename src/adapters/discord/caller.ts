import { type BaseInteraction, PermissionFlagsBits } from 'discord.js';
import type { Caller } from '../../core/command.js';
import { displayName } from '../../core/display-safe.js';

/** Managing briefings and stopping someone else's game takes either of these. */
const MANAGER_PERMISSIONS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels];

/** Who is asking and where, from the interaction; the permissions are the member's in that channel. */
export function callerOf(interaction: BaseInteraction): Caller {
  const member = interaction.member;
  const nick = member && 'nick' in member ? member.nick : null;
  return {
    platform: 'discord',
    userId: interaction.user.id,
    userName: displayName(nick ?? interaction.user.displayName, interaction.user.id),
    channelId: interaction.channelId ?? '',
    serverId: interaction.guildId ?? `dm:${interaction.user.id}`,
    canManage: interaction.memberPermissions?.any(MANAGER_PERMISSIONS) ?? false,
  };
}
