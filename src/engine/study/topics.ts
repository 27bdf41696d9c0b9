import type { Pack } from '../../content/pack.js';
import type { Question, RoundKind } from '../questions/types.js';

/** What each kind of question practises, as a study group would name it. */
export const KIND_LABELS: Record<RoundKind, string> = {
  'event-date': 'Dates of events',
  'event-place': 'Places of events',
  'quote-speaker': 'Who said it',
  figure: 'Figures and who gave them',
  'organisation-or-weapon': 'People, bodies and weapons',
  'which-first': 'Which came first',
  'true-false': 'True or false',
  'claim-speaker': 'Who claimed it',
  'report-gap': 'Background reports',
  'place-country': 'Places and their countries',
  'whose-account': 'Each side’s account',
  chronology: 'Putting events in order',
};

/** The episode (the pack's chapter of the story) a question belongs to, by its first event. */
export function episodeOf(pack: Pack, question: Pick<Question, 'eventIds'>): string | undefined {
  for (const id of question.eventIds) {
    const episode = pack.events.get(id)?.episode;
    const name = episode && pack.meta.episodes.find((e) => e.id === episode)?.name;
    if (name) return name;
  }
  return undefined;
}
