import { type Card, type CardInput, createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';
import type { Platform, Services } from '../../core/command.js';
import { studyKeys } from './keys.js';

/**
 * Spaced repetition per user and question, scheduled by ts-fsrs (FSRS with
 * its default parameters). A missed question comes due again soon; one
 * answered right comes back after a stretch that grows with each success,
 * which is what "not seen for a while" means here.
 */
// Short-term (minutes apart) learning steps suit flashcard drills, not a daily quiz: intervals here are whole days.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** A card as stored: FSRS's own fields (dates as ISO text), plus what the user was last shown. */
export interface StoredCard {
  card: CardInput;
  /** The options in the order last shown, so a review can show other ones. */
  shown?: string[];
}

/** A right answer is Good, a partly right order Hard, anything else Again. */
export function gradeFor(credit: number): Grade {
  if (credit >= 1) return Rating.Good;
  if (credit >= 0.5) return Rating.Hard;
  return Rating.Again;
}

function toStored(card: Card, shown: readonly string[] | undefined): StoredCard {
  return {
    card: { ...card, due: card.due.toISOString(), last_review: card.last_review?.toISOString() ?? null },
    shown: shown ? [...shown] : undefined,
  };
}

export async function loadCard(
  services: Pick<Services, 'store'>,
  platform: Platform,
  userId: string,
  questionId: string,
): Promise<StoredCard | undefined> {
  return services.store.get<StoredCard>(studyKeys.card(platform, userId, questionId));
}

/** Grades one answer into the user's card for the question and files the next review in their due queue. */
export async function reviewCard(
  services: Pick<Services, 'store'>,
  who: { platform: Platform; userId: string },
  questionId: string,
  credit: number,
  at: number,
  shown?: readonly string[],
  /** Set where more is known than the credit: a typed answer, right and fast, is Easy. */
  grade: Grade = gradeFor(credit),
): Promise<Card> {
  const stored = await loadCard(services, who.platform, who.userId, questionId);
  const card: CardInput | Card = stored ? stored.card : createEmptyCard(new Date(at));
  const { card: next } = scheduler.next(card, new Date(at), grade);
  await services.store.set(studyKeys.card(who.platform, who.userId, questionId), toStored(next, shown));
  await services.store.schedule(studyKeys.dueQueue(who.platform, who.userId), questionId, next.due.getTime());
  return next;
}

/** Question ids due for review now, most overdue first. */
export async function dueQuestions(
  services: Pick<Services, 'store'>,
  platform: Platform,
  userId: string,
  now: number,
  limit: number,
): Promise<string[]> {
  const due = await services.store.due(studyKeys.dueQueue(platform, userId), now, limit);
  return due.map((d) => d.member);
}

/** When the user's next card comes due, if they have any. */
export async function nextDue(
  services: Pick<Services, 'store'>,
  platform: Platform,
  userId: string,
): Promise<number | undefined> {
  const [first] = await services.store.due(studyKeys.dueQueue(platform, userId), Number.MAX_SAFE_INTEGER, 1);
  return first?.dueAt;
}

/** How many of the user's cards are due (counted up to `cap`). */
export async function dueCount(
  services: Pick<Services, 'store'>,
  platform: Platform,
  userId: string,
  now: number,
  cap = 100,
): Promise<number> {
  return (await services.store.due(studyKeys.dueQueue(platform, userId), now, cap)).length;
}
