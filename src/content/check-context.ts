import type { Report } from './check-types.js';
import type { PackData } from './pack.js';

/**
 * An event kept as context takes its statements with it: a claim, quote or
 * fact about a matter the curator judged outside what the pack teaches
 * (another war, another country's politics) would otherwise still be asked,
 * and twins of one matter would be marked unlike.
 */
export function checkContextFollowsEvent(pack: PackData, report: Report): void {
  const context = new Set(pack.events.filter((e) => e.notAsked).map((e) => e.id));
  for (const item of [...pack.claims, ...pack.quotes, ...pack.facts]) {
    if (item.event && context.has(item.event) && !item.notAsked)
      report(
        item,
        ['notAsked'],
        `its event "${item.event}" is kept as context (notAsked), so this is too: add notAsked with the reason, or link another event`,
      );
  }
}

/** Fewer words than this are a label or a formula ("self-restraint", "Armenian attack"), not a statement. */
const FEWEST_WORDS_ASKED = 3;

/**
 * A quote of a word or two teaches nothing on its own, and who said it is
 * guessed from the side it favours; the claim or context that carries it is
 * what to learn, so the curator keeps it as context.
 */
export function checkShortQuotesKeptAsContext(pack: PackData, report: Report): void {
  for (const quote of pack.quotes) {
    const words = quote.text.trim().split(/\s+/).length;
    if (words < FEWEST_WORDS_ASKED && !quote.notAsked)
      report(
        quote,
        ['notAsked'],
        `"${quote.text}" is ${words === 1 ? 'one word' : 'two words'}, a label rather than a statement: keep it as context (notAsked, with the reason) and quiz the claim that carries it`,
      );
  }
}
