import { span } from '../../content/calendar.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { mentions } from './finalize.js';

const spanOf = (e: Event) => span(e.date, e.endDate);

/** The words of a title a reader goes by, names aside: "clash" in "clashes", "back" in "backs". */
function titleWords(title: string, names: ReadonlySet<string>): Set<string> {
  return new Set(
    foldName(title)
      .split(' ')
      .filter((w) => w.length >= 4 && !names.has(w))
      .map((w) => w.slice(0, 4)),
  );
}

/**
 * Events an undated title could also be read as, anywhere in the pack. Both
 * are of one type, the title names no place of its own, and either the same
 * people take part in both ("The Élysée reports Macron's calls to Aliyev and
 * Pashinyan" reads as his calls of 2022 too), or everyone in it takes part
 * in the other and the titles share a word ("forces clash again on the
 * border" reads as the Tovuz clashes; "Erdoğan backs Azerbaijan" as
 * Turkish officials backing it two years before).
 */
const readings = packCache((pack, _: 'all') => {
  const names = new Set(
    [...pack.data.actors, ...pack.data.places].flatMap((n) =>
      [n.name, ...n.aliases].flatMap((name) => foldName(name).split(' ')),
    ),
  );
  const people = (event: Event) => event.actors.filter((id) => pack.actors.get(id)?.kind === 'person');
  const out = new Map<string, Event[]>();
  for (const event of pack.chronological) {
    const places = event.places.map((id) => pack.places.get(id)).filter((p) => p !== undefined);
    if (places.some((p) => mentions(event.title, [p.name, ...p.aliases]))) continue;
    const mine = people(event);
    const who = mine.length > 0 ? mine : event.actors;
    if (who.length === 0) continue;
    const words = titleWords(event.title, names);
    const alike = pack.chronological.filter((other) => {
      if (other.id === event.id || other.type !== event.type) return false;
      const theirs = people(other);
      if (mine.length > 0 && theirs.length === mine.length && mine.every((id) => theirs.includes(id))) return true;
      return (
        who.every((id) => other.actors.includes(id)) && [...titleWords(other.title, names)].some((w) => words.has(w))
      );
    });
    if (alike.length > 0) out.set(event.id, alike);
  }
  return out;
});

/**
 * Would the answer stop being first (or last) if any option were read as an
 * event its title also fits? Then a well-read player has two answers.
 */
export function misreadable(pack: Pack, answer: Event, trio: readonly Event[], first: boolean): boolean {
  const read = readings(pack, 'all');
  const ahead = (a: Event, b: Event) => (first ? spanOf(a)[1] < spanOf(b)[0] : spanOf(a)[0] > spanOf(b)[1]);
  for (const alt of read.get(answer.id) ?? []) if (trio.some((c) => !ahead(alt, c))) return true;
  for (const c of trio) for (const alt of read.get(c.id) ?? []) if (!ahead(answer, alt)) return true;
  return false;
}
