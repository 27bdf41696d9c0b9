import { formatDate } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import { hashString } from '../../core/parse/seed.js';
import type { Reply, ReplyField, SourceLine } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { attribute, type Statement, sourceLines } from '../attribution.js';
import { seededRandom } from '../questions/random.js';
import { letter } from '../quiz/messages.js';
import { makeReply } from '../text.js';
import { eventLine } from '../timeline.js';
import { answerChoices, questionOfTheDay, questionSeedFor } from './question-of-the-day.js';

export interface BriefingInput {
  /** Names the channel for seeding: the same channel and date always get the same briefing. */
  channelKey: string;
  /** The channel's local date, YYYY-MM-DD. */
  localDate: string;
  /** Index into the chronological timeline of the next walk step. */
  cursor: number;
}

export interface Briefing {
  reply: Reply;
  /** Where the walk continues tomorrow; unchanged on an "on this day" briefing. */
  cursor: number;
  /** What the briefing featured, for logs and tests. */
  featured: { kind: 'on-this-day' | 'walk'; eventIds: string[] };
}

const MAX_ON_THIS_DAY = 5;

function statementsFor(pack: Pack, events: readonly Event[]): Statement[] {
  return events.flatMap((e) => [...pack.claimsFor(e.id), ...pack.factsFor(e.id), ...pack.quotesFor(e.id)]);
}

function allStatements(pack: Pack): Statement[] {
  return [...pack.data.claims, ...pack.data.facts, ...pack.data.quotes];
}

/**
 * The daily briefing, platform-neutral: events that happened on this day in
 * any year, or else the next step of a walk through the timeline (so a
 * channel reads the whole story over the days); one attributed statement with
 * its source; and a question of the day whose buttons reveal privately.
 */
export function buildBriefing(pack: Pack, input: BriefingInput): Briefing {
  const seed = hashString(`${input.channelKey}|${input.localDate}`);
  const random = seededRandom(seed);
  const monthDay = input.localDate.slice(5);
  const onThisDay = pack.eventsOnMonthDay(monthDay);
  const fields: ReplyField[] = [];
  const sourceIds: string[] = [];
  let body: string | undefined;
  let cursor = input.cursor;
  let featured: Event[] = [];
  let kind: Briefing['featured']['kind'] = 'walk';

  if (onThisDay.length > 0) {
    kind = 'on-this-day';
    featured = onThisDay.slice(0, MAX_ON_THIS_DAY);
    const more = onThisDay.length - featured.length;
    body = [
      `**On this day, ${formatDate(input.localDate).replace(/ \d{4}$/, '')}**`,
      ...featured.map((e) => `${eventLine(pack, e)}\n${clip(e.summary, 300)}`),
      ...(more > 0 ? [`…and ${more} more in /timeline.`] : []),
    ].join('\n');
  } else if (pack.chronological.length > 0) {
    const total = pack.chronological.length;
    const step = ((input.cursor % total) + total) % total;
    const event = pack.chronological[step] as Event;
    featured = [event];
    cursor = step + 1 >= total ? 0 : step + 1;
    body = [
      `**Through the timeline, step ${step + 1} of ${total}**`,
      eventLine(pack, event),
      clip(event.summary, 600),
      ...(cursor === 0 ? ['_That is the last event: tomorrow the story starts again._'] : []),
    ].join('\n');
  }
  for (const e of featured) sourceIds.push(...e.sources);

  const related = statementsFor(pack, featured);
  const pool = related.length > 0 ? related : allStatements(pack);
  if (pool.length > 0) {
    const statement = random.pick(pool);
    fields.push({ name: 'Who said what', value: clip(attribute(pack, statement), 900) });
    sourceIds.push(statement.source);
  }

  // One question of the day for everyone on a date (and one generation per fan-out).
  const questionSeed = questionSeedFor(input.localDate);
  const qotd = questionOfTheDay(
    pack,
    questionSeed,
    featured.map((e) => e.id),
  );
  if (qotd) {
    const { question } = qotd;
    fields.push({
      name: 'Question of the day',
      value: `${question.prompt}\n${question.options.map((o, i) => `${letter(i)}. ${o}`).join('\n')}`,
    });
  }

  const sources: SourceLine[] = sourceLines(pack, sourceIds);
  const reply = makeReply({
    title: `Daily briefing · ${formatDate(input.localDate)}`,
    body,
    fields,
    choices: qotd ? answerChoices(qotd.question, questionSeed, qotd.index) : undefined,
    sources,
    footer: qotd ? 'Answer with the buttons: only you see whether you were right.' : undefined,
  });
  return { reply, cursor, featured: { kind, eventIds: featured.map((e) => e.id) } };
}
