import { precisionOf } from '../../../content/dates.js';
import type { Pack } from '../../../content/pack.js';
import { speakerGap } from '../claim-speaker.js';
import { eventPlaceAnswers } from '../events.js';
import { numbersIn, sameValue } from '../numbers.js';
import { askableQuote } from '../quote-speaker.js';
import { reportGapTargets } from '../report-gap.js';

/** Why no question is about this pack item: the first rule each of its kinds fell at. */
export function whyNotAsked(pack: Pack, id: string): string {
  const event = pack.events.get(id);
  if (event) {
    if (precisionOf(event.date) === 'year') return 'dated only to a year: too coarse to order or to date';
    const why = [event.endDate ? 'its date is a span' : 'its title gives the date away or a lookalike event shares it'];
    if (eventPlaceAnswers(pack, event).length === 0)
      why.push('no place below region level that its title does not name');
    why.push('no three events of its episode to order it against');
    return why.join('; ');
  }
  const claim = pack.claims.get(id);
  if (claim) {
    const why: string[] = [];
    if (!speakerGap(pack, claim))
      why.push(
        `the statement does not name ${pack.nameOf(claim.statedBy)} once without other hints, or the article is theirs`,
      );
    else why.push('fewer than three other speakers of the same kind to set against its speaker');
    if (claim.figures.length === 0) why.push('no figure');
    else {
      const found = claim.figures.filter(
        (f) => numbersIn(claim.excerpt).filter((n) => sameValue(n.value, f.value)).length === 1,
      );
      why.push(
        found.length === 0 ? 'no figure stands once in the excerpt' : 'its figures are too small for four options',
      );
    }
    return why.join('; ');
  }
  const quote = pack.quotes.get(id);
  if (quote) {
    if (!askableQuote(pack, quote))
      return 'too short (under six words) to be one speaker’s own, or it names its speaker';
    return 'fewer than three other quoted speakers of the same standing';
  }
  const fact = pack.facts.get(id);
  if (fact) {
    if (reportGapTargets(pack, fact).length === 0)
      return 'names no actor or place (of its about list) that could be blanked without the rest of the text naming it';
    return 'fewer than three others of the same kind to set against what it names';
  }
  return 'not an item of this pack';
}
