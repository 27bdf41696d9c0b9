import { span } from '../../content/calendar.js';
import { foldName, wordStems } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import { pushTo } from '../../content/push-to.js';
import type { Event } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { mentions } from './finalize.js';

const spanOf = (e: Event) => span(e.date, e.endDate);

/** The words of a title a reader goes by, names aside: "clash" in "clashes", "back" in "backs". */
function titleWords(title: string, names: ReadonlySet<string>): Set<string> {
  return new Set(wordStems(title, 4, 4, names));
}

/** "over the border fighting", "to end the border clashes": a fight named by a word, not by a place or a date. */
const FIGHT_NAMED = /\bthe (\p{L}+) (fighting|clashes)\b/iu;
const FIGHTING: ReadonlySet<string> = new Set(['clash', 'offensive', 'shelling']);

/** A word in more titles than this tells no event from another ("event", "clashes" in a pack of thousands). */
const COMMON_WORD_TITLES = 20;

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
  // Indexed, so a pack of 20,000 events is read in a few passes, not each event against every other.
  const byPeople = new Map<string, Event[]>();
  const byWord = new Map<string, Event[]>();
  const wordsOf = new Map<string, Set<string>>();
  for (const event of pack.chronological) {
    const mine = people(event);
    if (mine.length > 0) {
      const key = `${event.type} ${[...mine].sort().join(' ')}`;
      const same = byPeople.get(key) ?? [];
      same.push(event);
      byPeople.set(key, same);
    }
    const words = titleWords(event.title, names);
    wordsOf.set(event.id, words);
    for (const w of words) {
      const sharing = byWord.get(w) ?? [];
      sharing.push(event);
      byWord.set(w, sharing);
    }
  }
  // Fights by every word of their titles, names included: "border" is a place's name too.
  const fightsByWord = new Map<string, Event[]>();
  for (const event of pack.chronological)
    if (FIGHTING.has(event.type))
      for (const w of new Set(foldName(event.title).split(' '))) pushTo(fightsByWord, w, event);
  const out = new Map<string, Event[]>();
  for (const event of pack.chronological) {
    const places = event.places.map((id) => pack.places.get(id)).filter((p) => p !== undefined);
    if (places.some((p) => mentions(event.title, [p.name, ...p.aliases]))) continue;
    const mine = people(event);
    const who = mine.length > 0 ? mine : event.actors;
    if (who.length === 0) continue;
    const alike = new Set<Event>();
    if (mine.length > 0)
      for (const other of byPeople.get(`${event.type} ${[...mine].sort().join(' ')}`) ?? []) alike.add(other);
    for (const w of wordsOf.get(event.id) ?? []) {
      const sharing = byWord.get(w) ?? [];
      if (sharing.length > COMMON_WORD_TITLES) continue;
      for (const other of sharing)
        if (other.type === event.type && who.every((id) => other.actors.includes(id))) alike.add(other);
    }
    // "Macron presses Aliyev to end the border fighting": a fight named but not dated reads as any fight of
    // that name, and the call as made during it (the July 2020 border clashes as well as September 2022's).
    const fight = FIGHT_NAMED.exec(event.title)?.[1];
    for (const other of fight ? (fightsByWord.get(foldName(fight)) ?? []) : []) alike.add(other);
    alike.delete(event);
    if (alike.size > 0) out.set(event.id, [...alike]);
  }
  // Rounds the articles do not cover, which the curator says the title fits as well: read as events of those dates.
  for (const event of pack.chronological)
    for (const [i, other] of (event.alsoFits ?? []).entries())
      pushTo(out, event.id, { ...event, id: `${event.id}~also-${i}`, date: other.date, endDate: other.endDate });
  return out;
});

/**
 * Would the answer stop being first (or last) if an option were read as an
 * event its title also fits, or the answer as one its title fits? Then a
 * well-read player has two answers. Asked of one companion: a trio is
 * misreadable when one of its three is, so a planner rules a companion out
 * once, not in every trio it is part of.
 */
export function misreadsWith(pack: Pack, answer: Event, companion: Event, first: boolean): boolean {
  const read = readings(pack, 'all');
  const ahead = (a: Event, b: Event) => (first ? spanOf(a)[1] < spanOf(b)[0] : spanOf(a)[0] > spanOf(b)[1]);
  for (const alt of read.get(answer.id) ?? []) if (!ahead(alt, companion)) return true;
  for (const alt of read.get(companion.id) ?? []) if (!ahead(answer, alt)) return true;
  return false;
}
