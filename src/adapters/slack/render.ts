import { createHash } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { Choice, QuotedEvidence, Reply, ReplyField, ReplyImage, SourceLine } from '../../core/reply.js';
import { clip, inQuotes, splitText } from '../../core/text.js';
import { escapeMrkdwn, toMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock;

/** Slack's published Block Kit limits; going over any of them is an API error, so render never does. */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  selectOptions: 100,
  optionValue: 150,
  contextElements: 10,
  imageAltText: 2000,
  imageUrl: 3000,
  /** Slack truncates `text` beyond this; notifications want it short anyway. */
  fallbackText: 3000,
  /** A response_url takes at most five messages. */
  messagesPerReply: 5,
} as const;

/** Every button and select carries an action_id with this prefix; the value holds the Choice's action. */
export const CHOICE_ACTION_PREFIX = 'choice:';
/** A value that starts with this is a key into the stash, not the action itself. */
export const STASH_PREFIX = '#';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderedReply {
  /** One or more messages, in order; choice buttons ride on the last one. */
  messages: SlackMessage[];
  /** A picture to upload as a file beside the messages (channel replies only). */
  upload?: ReplyImage;
  /** Choice actions too long for a Block Kit value, keyed by the token rendered in their place. */
  stash: Record<string, string>;
}

export interface RenderOptions {
  /** At most this many messages (chat.update can only replace one). */
  maxMessages?: number;
  /** Where the reply's picture is served (PUBLIC_URL): shown in an image block instead of uploaded. */
  imageUrl?: string;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function sections(mrkdwn: string): Block[] {
  return splitText(mrkdwn, LIMITS.sectionText).map(section);
}

function fieldBlocks(fields: ReplyField[]): Block[] {
  const blocks: Block[] = [];
  let inline: string[] = [];
  const flush = () => {
    for (let i = 0; i < inline.length; i += LIMITS.fieldsPerSection) {
      blocks.push({
        type: 'section',
        fields: inline.slice(i, i + LIMITS.fieldsPerSection).map((text) => ({ type: 'mrkdwn', text })),
      });
    }
    inline = [];
  };
  for (const field of fields) {
    const text = `*${escapeMrkdwn(field.name)}*\n${toMrkdwn(field.value)}`;
    if (field.inline && text.length <= LIMITS.fieldText) {
      inline.push(text);
      continue;
    }
    flush();
    blocks.push(...sections(text));
  }
  flush();
  return blocks;
}

function evidenceText(e: QuotedEvidence): string {
  return `${inQuotes(escapeMrkdwn(e.excerpt))} — _${escapeMrkdwn(e.outlet)}, ${escapeMrkdwn(e.date)}_`;
}

function sourceText(source: SourceLine): string {
  const headline = escapeMrkdwn(source.headline);
  const linked = source.url ? `<${escapeMrkdwn(source.url)}|${headline}>` : headline;
  return `${linked} — ${escapeMrkdwn(source.outlet)}, ${escapeMrkdwn(source.date)}`;
}

function contextBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const pieces = lines.flatMap((line) => splitText(line, LIMITS.sectionText));
  for (let i = 0; i < pieces.length; i += LIMITS.contextElements) {
    blocks.push({
      type: 'context',
      elements: pieces.slice(i, i + LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })),
    });
  }
  return blocks;
}

/** Fits an action into `max` characters: as itself, or as a stable token whose full text goes to the stash. */
function valueFor(action: string, max: number, stash: Record<string, string>): string {
  if (action.length <= max && !action.startsWith(STASH_PREFIX)) return action;
  const token = `${STASH_PREFIX}${createHash('sha256').update(action).digest('hex').slice(0, 40)}`;
  stash[token] = action;
  return token;
}

const BUTTON_STYLE: Record<NonNullable<Choice['style']>, 'primary' | 'danger' | undefined> = {
  primary: 'primary',
  success: 'primary',
  danger: 'danger',
  secondary: undefined,
};

/** Up to this many choices in one group are still shown as buttons. */
const BUTTONS_PER_GROUP = 5;

function choiceBlocks(choices: Choice[], stash: Record<string, string>): Block[] {
  const elements: types.ActionsBlockElement[] = [];
  const groups = new Map<string, Choice[]>();
  // A group reads better as a dropdown only once it is long; a quiz's four answers stay one click each.
  const groupSize = new Map<string, number>();
  for (const c of choices) if (c.group) groupSize.set(c.group, (groupSize.get(c.group) ?? 0) + 1);
  choices.forEach((choice, index) => {
    if (choice.group && (groupSize.get(choice.group) ?? 0) > BUTTONS_PER_GROUP) {
      const list = groups.get(choice.group) ?? [];
      list.push(choice);
      groups.set(choice.group, list);
      return;
    }
    const style = choice.style ? BUTTON_STYLE[choice.style] : undefined;
    elements.push({
      type: 'button',
      action_id: `${CHOICE_ACTION_PREFIX}${index}`,
      text: { type: 'plain_text', text: clip(choice.label.trim() || '…', LIMITS.buttonText), emoji: true },
      value: valueFor(choice.action, LIMITS.buttonValue, stash),
      ...(style ? { style } : {}),
    });
  });
  let groupIndex = 0;
  for (const [group, members] of groups) {
    for (let i = 0; i < members.length; i += LIMITS.selectOptions) {
      elements.push({
        type: 'static_select',
        action_id: `${CHOICE_ACTION_PREFIX}select:${groupIndex++}`,
        placeholder: { type: 'plain_text', text: clip(group.trim() || 'Choose', LIMITS.buttonText) },
        options: members.slice(i, i + LIMITS.selectOptions).map((choice) => ({
          text: { type: 'plain_text', text: clip(choice.label.trim() || '…', LIMITS.buttonText) },
          value: valueFor(choice.action, LIMITS.optionValue, stash),
        })),
      });
    }
  }
  const blocks: Block[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

function imageBlocks(image: ReplyImage, visibility: Reply['visibility'], url: string | undefined): Block[] {
  if (url) {
    return [{ type: 'image', image_url: url, alt_text: clip(image.alt.trim() || 'picture', LIMITS.imageAltText) }];
  }
  // A file upload is always visible to the whole channel, so a private reply describes its picture instead.
  if (visibility === 'channel') return [];
  return contextBlocks([`:frame_with_picture: ${escapeMrkdwn(image.alt)}`]);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/**
 * Packs blocks into messages of at most 50. Past the message cap the content
 * is cut with a note, but the buttons are kept so the reply still works.
 */
function paginate(content: Block[], actions: Block[], maxMessages: number, title?: string): Block[][] {
  const per = LIMITS.blocksPerMessage;
  const pages = chunk([...content, ...actions], per);
  if (pages.length <= maxMessages) return pages;
  const note = section(
    `_…cut short: Slack shows at most ${maxMessages} message${maxMessages === 1 ? '' : 's'} here. Narrow the request to see the rest${title ? ` of “${escapeMrkdwn(clip(title, 100))}”` : ''}._`,
  );
  const kept = actions.slice(0, per - 1);
  const room = maxMessages * per - kept.length - 1;
  return chunk([...content.slice(0, room), note, ...kept], per);
}

/**
 * Turns a Reply into Block Kit: header, sections and fields for the body,
 * context for sources and footer, actions for choices. Slack's limits are
 * met by splitting into more blocks or messages (never by an API error),
 * and every message carries a plain `text` fallback.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): RenderedReply {
  const stash: Record<string, string> = {};
  const body: Block[] = [];
  const title = reply.title?.trim();
  if (title) {
    body.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(title, LIMITS.headerText), emoji: true },
    });
  }
  const mainText = reply.body ?? (reply.fields?.length ? undefined : reply.text);
  if (mainText?.trim()) body.push(...sections(toMrkdwn(mainText)));
  if (reply.fields?.length) body.push(...fieldBlocks(reply.fields));
  // A link too long for an image block (a very long PUBLIC_URL) falls back to the upload.
  const imageUrl = options.imageUrl && options.imageUrl.length <= LIMITS.imageUrl ? options.imageUrl : undefined;
  if (reply.image) body.push(...imageBlocks(reply.image, reply.visibility, imageUrl));

  if (reply.evidence?.length) body.push(...contextBlocks(reply.evidence.map(evidenceText)));
  if (reply.sources?.length) body.push(...contextBlocks(reply.sources.map(sourceText)));
  if (reply.footer?.trim()) body.push(...contextBlocks([toMrkdwn(reply.footer)]));
  const actions = reply.choices?.length ? choiceBlocks(reply.choices, stash) : [];

  const maxMessages = Math.max(1, Math.min(options.maxMessages ?? LIMITS.messagesPerReply, LIMITS.messagesPerReply));
  const pages = paginate(body, actions, maxMessages, title);
  // `text` is read as mrkdwn too (notifications, screen readers), so it gets the same conversion.
  const fallback = clip(
    toMrkdwn(reply.text.trim().slice(0, LIMITS.fallbackText)) || escapeMrkdwn(title ?? '') || 'Chronicle',
    LIMITS.fallbackText,
  );
  const messages = pages.map((blocks, index) => ({
    text: index === 0 ? fallback : `${clip(title || 'Chronicle', 100)} (continued, ${index + 1}/${pages.length})`,
    blocks,
  }));
  return {
    messages,
    upload: reply.image && reply.visibility === 'channel' && !imageUrl ? reply.image : undefined,
    stash,
  };
}

/**
 * Renders keyed by the Reply object itself: a command that serves a memoised
 * Reply (a timeline page) hands back the same object each time, and its Block
 * Kit is the same too, so it is built once. Nothing downstream mutates a
 * RenderedReply, and a Reply is not changed once a command has returned it.
 */
const rendered = new WeakMap<Reply, { imageUrl?: string; result: RenderedReply }>();

export function renderReplyOnce(reply: Reply, imageUrl?: string): RenderedReply {
  const hit = rendered.get(reply);
  if (hit && hit.imageUrl === imageUrl) return hit.result;
  const result = renderReply(reply, { imageUrl });
  rendered.set(reply, { imageUrl, result });
  return result;
}
