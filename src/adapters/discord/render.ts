import { createHash } from 'node:crypto';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Choice, Reply, ReplyField, ReplyImage, SourceLine } from '../../core/reply.js';
import { clip, inQuotes, splitText } from '../../core/text.js';
import { pictureKey } from '../../pictures/key.js';
import { LIMITS } from './limits.js';

export interface DiscordFile {
  name: string;
  data: Uint8Array;
  /** Alt text. */
  description: string;
}

/** One message as Discord's API wants it; the adapter adds the ephemeral flag. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[];
  files: DiscordFile[];
  /** Ids of attachments an edited message already carries and keeps, instead of uploading them again. */
  keep?: string[];
}

export interface Rendered {
  messages: DiscordMessage[];
  /** custom_id → action for actions longer than Discord's 100 characters; the adapter keeps these in the Store. */
  longActions: Map<string, string>;
}

const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

const LONG_ACTION_PREFIX = '~';
/** custom_id of a select menu; the picked option's value holds the action. */
export const MENU_PREFIX = 'menu:';
const BLANK = '\u200b';
/** Room kept in every embed for "Part 2 of 3" added to the footer after splitting. */
const PART_LABEL_ROOM = 24;

/** A custom_id for an action: itself when short enough, otherwise a stable hash looked up in the Store. */
export function customIdFor(action: string): string {
  if (action.length <= LIMITS.customId) return action;
  return `${LONG_ACTION_PREFIX}${createHash('sha256').update(action).digest('base64url').slice(0, 43)}`;
}

/** The custom_id for an action, noting in `longActions` the action behind a hashed one, for the Store. */
export function customIdNoting(action: string, longActions: Map<string, string>): string {
  const customId = customIdFor(action);
  if (customId !== action) longActions.set(customId, action);
  return customId;
}

export function isLongActionId(customId: string): boolean {
  return customId.startsWith(LONG_ACTION_PREFIX);
}

function sourceLine(s: SourceLine): string {
  return `${s.outlet}, "${s.headline}" (${s.date})`;
}

function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const f of embed.fields ?? []) size += f.name.length + f.value.length;
  return size;
}

/** Fields within Discord's per-field limits: long values continue in further fields of the same name. */
function fitFields(reply: Reply): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  const evidence = (reply.evidence ?? []).map((e) => ({
    name: 'From the article',
    value: `> ${inQuotes(e.excerpt)}\n— ${e.outlet}, ${e.date}`,
  }));
  for (const field of [...(reply.fields ?? []), ...evidence] as ReplyField[]) {
    const name = clip(field.name.trim() || BLANK, LIMITS.fieldName);
    const values = splitText(field.value, LIMITS.fieldValue);
    values.forEach((value, i) => {
      out.push({
        name: i === 0 ? name : clip(`${name} (cont.)`, LIMITS.fieldName),
        value: value || BLANK,
        inline: field.inline ?? false,
      });
    });
  }
  return out;
}

/**
 * Sources go in the footer when they fit there (it cannot hold links);
 * otherwise they become "Sources" fields, one source per line, links kept.
 */
function placeSources(reply: Reply): { footer: string; sourceFields: APIEmbedField[] } {
  const sources = reply.sources ?? [];
  const footerParts = reply.footer ? [reply.footer] : [];
  if (sources.length === 0) return { footer: footerParts.join('\n'), sourceFields: [] };
  const inFooter = [...footerParts, `Sources: ${sources.map(sourceLine).join('; ')}`].join('\n');
  if (inFooter.length <= LIMITS.footerText - PART_LABEL_ROOM) return { footer: inFooter, sourceFields: [] };
  const lines = sources.map((s) => (s.url ? `[${s.outlet}](${s.url}), "${s.headline}" (${s.date})` : sourceLine(s)));
  const sourceFields = splitText(lines.join('\n'), LIMITS.fieldValue).map((value, i) => ({
    name: i === 0 ? 'Sources' : 'Sources (cont.)',
    value,
    inline: false,
  }));
  return { footer: clip(footerParts.join('\n'), LIMITS.footerText - PART_LABEL_ROOM), sourceFields };
}

/** Packs title, description pages and fields into as few embeds as the limits allow. */
function buildEmbeds(reply: Reply): APIEmbed[] {
  const { footer, sourceFields } = placeSources(reply);
  const fields = [...fitFields(reply), ...sourceFields];
  const descriptions = reply.body ? splitText(reply.body, LIMITS.embedDescription) : [];
  const budget = LIMITS.embedTotal - footer.length - PART_LABEL_ROOM;
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = reply.title ? { title: clip(reply.title, LIMITS.embedTitle) } : {};
  const flush = () => {
    embeds.push(current);
    current = {};
  };
  for (const description of descriptions) {
    if (current.description !== undefined || embedSize(current) + description.length > budget) flush();
    current.description = description;
  }
  for (const field of fields) {
    const count = current.fields?.length ?? 0;
    if (count >= LIMITS.embedFields || embedSize(current) + field.name.length + field.value.length > budget) flush();
    current.fields = [...(current.fields ?? []), field];
  }
  if (embedSize(current) > 0 || embeds.length === 0) flush();
  embeds.forEach((embed, i) => {
    const part = embeds.length > 1 ? `Part ${i + 1} of ${embeds.length}` : '';
    const text = [footer, part].filter(Boolean).join(' · ');
    if (text) embed.footer = { text };
  });
  // An embed must show something; a reply that is only a footer still gets its text.
  if (embeds.length === 1 && embedSize(embeds[0] as APIEmbed) === 0) {
    (embeds[0] as APIEmbed).description = clip(reply.text || BLANK, LIMITS.embedDescription);
  }
  return embeds;
}

function button(choice: Choice, longActions: Map<string, string>): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: customIdNoting(choice.action, longActions),
    label: clip(choice.label.trim() || '…', LIMITS.buttonLabel),
    style: STYLES[choice.style ?? 'secondary'],
  };
}

/**
 * Choices that share a `menu` become one select menu (its own row): picking
 * an option sends the option's value, which carries the choice's action the
 * way a button's custom_id does. The menu's own custom_id only needs to be
 * unique in the message.
 */
function menuRows(
  choices: Choice[],
  longActions: Map<string, string>,
): APIActionRowComponent<APIStringSelectComponent>[] {
  const menus = new Map<string, Choice[]>();
  for (const c of choices) if (c.menu) menus.set(c.menu, [...(menus.get(c.menu) ?? []), c]);
  return [...menus].map(([placeholder, members], index) => {
    const seen = new Set<string>();
    const options = members
      .map((choice) => {
        const value = customIdNoting(choice.action, longActions);
        return { label: clip(choice.label.trim() || '…', LIMITS.buttonLabel), value };
      })
      .filter((o) => !seen.has(o.value) && seen.add(o.value))
      .slice(0, LIMITS.selectOptions);
    return {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${MENU_PREFIX}${index}`,
          placeholder: clip(placeholder, LIMITS.selectPlaceholder),
          min_values: 1,
          max_values: 1,
          options,
        },
      ],
    };
  });
}

/**
 * Buttons in rows of at most five; a new group starts a new row. Returns one
 * list of rows per message (at most five rows each). Two choices with the
 * same action would be rejected by Discord, so the first one wins.
 */
function buildRows(
  choices: Choice[],
  longActions: Map<string, string>,
): APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[][] {
  const seen = new Set<string>();
  const rows: APIButtonComponentWithCustomId[][] = [];
  let group: string | undefined;
  for (const choice of choices) {
    if (choice.menu) continue;
    const b = button(choice, longActions);
    if (seen.has(b.custom_id)) continue;
    seen.add(b.custom_id);
    const last = rows.at(-1);
    if (!last || last.length >= LIMITS.buttonsPerRow || choice.group !== group) rows.push([b]);
    else last.push(b);
    group = choice.group;
  }
  const all: APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[] = [
    ...menuRows(choices, longActions),
    ...rows.map((components) => ({ type: ComponentType.ActionRow as const, components })),
  ];
  const messages: APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[][] = [];
  for (let i = 0; i < all.length; i += LIMITS.rowsPerMessage) messages.push(all.slice(i, i + LIMITS.rowsPerMessage));
  return messages;
}

function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /\.[A-Za-z0-9]+$/.test(cleaned) ? cleaned : `${cleaned || 'image'}.png`;
}

/**
 * The picture's file name with its content's key in it (`timeline-3fa2….png`),
 * so an edit can tell that the message already carries this very picture and
 * keep it instead of uploading it again.
 */
function pictureFilename(image: ReplyImage): string {
  const name = safeFilename(image.filename);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${pictureKey(image.png).slice(0, 16)}${name.slice(dot)}`;
}

function usesEmbed(reply: Reply): boolean {
  return Boolean(reply.title || reply.body || reply.fields?.length || reply.image || reply.sources?.length);
}

/**
 * Reply → Discord messages. Long replies become several messages (an embed
 * each, "Part i of n"); the image rides on the first, the buttons on the last.
 * With `single`, everything is squeezed into one message (for edits of a
 * message that already exists): overflowing text is cut and marked.
 */
export function renderReply(reply: Reply, options: { single?: boolean; imageUrl?: string } = {}): Rendered {
  const longActions = new Map<string, string>();
  const rowPages = buildRows(reply.choices ?? [], longActions);
  let messages: DiscordMessage[];
  if (usesEmbed(reply)) {
    messages = buildEmbeds(reply).map((embed) => ({ embeds: [embed], components: [], files: [] }));
  } else {
    const text = [reply.text, reply.footer].filter(Boolean).join('\n');
    messages = splitText(text || BLANK, LIMITS.content).map((content) => ({
      content,
      embeds: [],
      components: [],
      files: [],
    }));
  }
  if (options.single && messages.length > 1) {
    const first = messages[0] as DiscordMessage;
    const embed = first.embeds[0];
    if (embed?.footer) embed.footer.text = embed.footer.text.replace(/Part 1 of \d+$/, 'Shortened to fit one message');
    else if (!embed) first.content = clip(`${first.content ?? ''}…`, LIMITS.content);
    messages = [first];
  }
  const embed = messages[0]?.embeds[0];
  if (reply.image && embed && options.imageUrl && options.imageUrl.length <= LIMITS.imageUrl) {
    // Served from PUBLIC_URL: the embed links it, and nothing is uploaded with the message.
    embed.image = { url: options.imageUrl };
  } else if (reply.image) {
    const name = pictureFilename(reply.image);
    (messages[0] as DiscordMessage).files.push({
      name,
      data: reply.image.png,
      description: clip(reply.image.alt, 1_024),
    });
    if (embed) embed.image = { url: `attachment://${name}` };
  }
  const pages = options.single ? rowPages.slice(0, 1) : rowPages;
  pages.forEach((rows, i) => {
    if (i === 0) (messages.at(-1) as DiscordMessage).components = rows;
    else
      messages.push({
        content: `More choices (${i + 1} of ${pages.length})`,
        embeds: [],
        components: rows,
        files: [],
      });
  });
  return { messages, longActions };
}
