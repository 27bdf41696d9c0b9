import { botMessage, nextSnowflake } from './rest.js';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID } from './server.js';

/** Permission bits as Discord sends them (decimal strings). */
export const PERMISSIONS = {
  /** View Channel + Send Messages + Use Application Commands: an ordinary member. */
  member: String((1n << 10n) | (1n << 11n) | (1n << 31n)),
  manageChannels: String((1n << 4n) | (1n << 10n) | (1n << 11n)),
  manageGuild: String((1n << 5n) | (1n << 10n) | (1n << 11n)),
};

export interface FakeUser {
  id: string;
  username: string;
  permissions?: string;
}

export const ALICE: FakeUser = { id: '900000000000000011', username: 'alice' };
export const BOB: FakeUser = { id: '900000000000000012', username: 'bob' };
export const CAROL: FakeUser = { id: '900000000000000013', username: 'carol' };
export const MODERATOR: FakeUser = {
  id: '900000000000000014',
  username: 'mod',
  permissions: PERMISSIONS.manageGuild,
};

type OptionValue = string | number;
export interface InteractionPayload {
  id: string;
  token: string;
  type: number;
  message?: { id: string; [key: string]: unknown };
  [key: string]: unknown;
}

function base(type: number, user: FakeUser, channelId: string): InteractionPayload {
  const id = nextSnowflake();
  return {
    id,
    application_id: FAKE_APPLICATION_ID,
    type,
    token: `tok-${id}`,
    version: 1,
    guild_id: FAKE_GUILD_ID,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: FAKE_GUILD_ID, name: 'quiz-room' },
    member: {
      user: { id: user.id, username: user.username, discriminator: '0', avatar: null, global_name: user.username },
      roles: [],
      joined_at: new Date(0).toISOString(),
      permissions: user.permissions ?? PERMISSIONS.member,
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
    },
    app_permissions: PERMISSIONS.member,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': FAKE_GUILD_ID },
    context: 0,
  };
}

function optionList(options: Record<string, OptionValue>, focused?: string): Record<string, unknown>[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? 4 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

export interface CommandCall {
  name: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  user?: FakeUser;
  channelId?: string;
}

function commandData(call: CommandCall, focused?: string): Record<string, unknown> {
  const options = optionList(call.options ?? {}, focused);
  return {
    id: nextSnowflake(),
    name: call.name,
    type: 1,
    options: call.subcommand ? [{ name: call.subcommand, type: 1, options }] : options,
  };
}

/** A slash command as Discord delivers it in INTERACTION_CREATE. */
export function slashCommand(call: CommandCall): InteractionPayload {
  return { ...base(2, call.user ?? ALICE, call.channelId ?? FAKE_CHANNEL_ID), data: commandData(call) };
}

/** An autocomplete request while the user types into `focused`. */
export function autocomplete(call: CommandCall & { focused: string }): InteractionPayload {
  return {
    ...base(4, call.user ?? ALICE, call.channelId ?? FAKE_CHANNEL_ID),
    data: commandData(call, call.focused),
  };
}

/** A click on a button of a message the bot posted. */
export function buttonClick(click: {
  customId: string;
  message: { id: string; channel_id?: string };
  user?: FakeUser;
  channelId?: string;
}): InteractionPayload {
  const channelId = click.channelId ?? FAKE_CHANNEL_ID;
  return {
    ...base(3, click.user ?? ALICE, channelId),
    data: { custom_id: click.customId, component_type: 2 },
    message: botMessage(click.message.id, channelId),
  };
}

/** A pick in a select menu of a message the bot posted: a component interaction carrying the chosen value. */
export function selectMenuPick(pick: {
  customId: string;
  value: string;
  message: { id: string; channel_id?: string };
  user?: FakeUser;
  channelId?: string;
}): InteractionPayload {
  const click = buttonClick(pick);
  return { ...click, data: { custom_id: pick.customId, component_type: 3, values: [pick.value] } };
}

/** A modal submitted from a button of a message the bot posted, its text inputs' values by custom_id. */
export function modalSubmit(submit: {
  customId: string;
  values: Record<string, string>;
  message: { id: string; channel_id?: string };
  user?: FakeUser;
  channelId?: string;
}): InteractionPayload {
  const channelId = submit.channelId ?? FAKE_CHANNEL_ID;
  return {
    ...base(5, submit.user ?? ALICE, channelId),
    data: {
      custom_id: submit.customId,
      components: Object.entries(submit.values).map(([customId, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: customId, value }],
      })),
    },
    message: botMessage(submit.message.id, channelId),
  };
}
