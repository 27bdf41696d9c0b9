import { beforeAll, describe, expect, it } from 'vitest';
import { span } from '../../src/content/calendar.js';
import { formatDate, formatWhen } from '../../src/content/dates.js';
import { loadPack } from '../../src/content/load.js';
import { Pack } from '../../src/content/pack.js';
import type { Actor, Claim, Event } from '../../src/content/schema.js';
import { buildPool } from '../../src/engine/questions/audit/pool.js';
import { ladders } from '../../src/engine/questions/figures.js';
import { saidAlsoOf } from '../../src/engine/questions/gaps.js';
import { questionById } from '../../src/engine/questions/generate.js';
import { numbersIn } from '../../src/engine/questions/numbers.js';
import { quoteTrueFalse } from '../../src/engine/questions/quote-true-false.js';
import { isDeclined, QUESTION_KINDS, type Question } from '../../src/engine/questions/types.js';
import { inSentence } from '../../src/engine/questions/wording.js';
import { richPack, richPackData } from '../support/rich-pack.js';
import { julyToll } from './july-toll.js';

let pack: Pack;
let pool: Question[];
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
  pool = buildPool(pack, 3).variants;
});
const ofKind = (kind: string) => pool.filter((q) => q.kind === kind);
/** The curated pack with one claim changed. */
const withClaim = (id: string, change: Partial<Claim>) =>
  new Pack({ ...pack.data, claims: pack.data.claims.map((c) => (c.id === id ? { ...c, ...change } : c)) });
/** The curated pack with one event changed. */
const withEvent = (id: string, change: Partial<Event>) =>
  new Pack({ ...pack.data, events: pack.data.events.map((e) => (e.id === id ? { ...e, ...change } : e)) });

/**
 * An order option that is no question's answer comes along in one question only (seen once and never
 * right is nothing a player learns), beside at least one that is.
 */
function expectStraysOnce(orders: readonly Question[]): void {
  const answers = new Set(orders.map((q) => q.options[q.answer]));
  const offered = new Map<string, number>();
  for (const q of orders) {
    const strays = q.options.filter((o) => !answers.has(o));
    expect(strays.length, q.id).toBeLessThanOrEqual(2);
    for (const o of strays) offered.set(o, (offered.get(o) ?? 0) + 1);
  }
  for (const [title, n] of offered) expect([title, n]).toEqual([title, 1]);
}

describe('question kinds on the curated pack', () => {
  it('makes the kinds this pack can ask fairly, and says why not the others', () => {
    const made = new Set(pool.map((q) => q.kind));
    // Places here share their event or their country with the answer; no quoted speaker has two others of
    // its camp and standing quoted in the same weeks; speakers' gaps point back with a pronoun or a country;
    // reports' gaps are countries, which the rest of a report fixes; its only words a True/False could swap
    // fairly are villagers', which are trivia.
    expect([...QUESTION_KINDS].filter((k) => !made.has(k))).toEqual([
      'event-place',
      'quote-speaker',
      'true-false',
      'claim-speaker',
      'report-gap',
    ]);
    expect(buildPool(richPack(), 1).variants.some((q) => q.kind === 'quote-speaker')).toBe(true);
    expect(made.has('place-country')).toBe(true);
    expect(buildPool(richPack(), 1).variants.some((q) => q.kind === 'event-place')).toBe(true);
    const reasons = buildPool(pack, 1).reasons;
    expect(reasons.get('claim-turkey-government-no-recruiting-2020-10-01')?.join()).toMatch(/pronoun points back/);
  });

  it('asks a figure as a gap in the article’s own words: the qualifier and scope stay in the text, every option is a bare number', () => {
    const figures = ofKind('figure');
    const weekend = figures.find((q) => q.prompt.includes('this weekend'));
    expect(weekend?.prompt).toContain('in Armenia this weekend');
    const nearly = figures.find((q) => q.prompt.includes('nearly ___'));
    expect(nearly).toBeDefined();
    for (const q of figures) {
      expect(q.prompt).toMatch(
        /^(According to .+, as reported in|In) .+’s article of \d{1,2} \w+ \d{4}( \(on [^)]+\))?, which number fills the gap\?/,
      );
      for (const o of q.options) expect(o).toMatch(/^[\d.,]+( million| billion)?$/);
    }
  });

  it('names the article a figure comes from, so one outlet’s two tolls of the 1990s war are told apart', () => {
    const tolls = ofKind('figure').filter((q) => /30,000 lives|over ___ deaths|claiming ___ lives/.test(q.prompt));
    const articles = new Set(tolls.map((q) => /article of ([^,]+),/.exec(q.prompt)?.[1]));
    expect(articles.size).toBeGreaterThan(1);
  });

  it('sets beside a figure only another count of the same thing on the same side, never the other army’s', () => {
    const figures = ofKind('figure');
    const armenia = figures.find((q) => q.id === 'figure:claim-armenia-tovuz-deaths-2020-07-17#0');
    // The same number in another article is agreement, not "another figure"; the article is named, and listed.
    expect(armenia?.explanation).toContain(
      'The World Socialist Web Site’s article of 28 September 2020 gives the same figure: the July 2020 clashes',
    );
    expect(armenia?.sources.map((s) => s.id)).toEqual(['south-front-2020-07-17', 'wsws-2020-09-28']);
    // Its own side's figure before the other side's account: after "Against that, … 100", "the same figure" read as 100.
    expect(armenia?.explanation).toMatch(/gives the same figure: [^.]+\. Against that, Azerbaijan's deputy/);
    // The same side's count a few days on is a later tally (asked here as if helicopters were not kit, which is not asked).
    const asked = withClaim('claim-armenia-helicopters-2020-09-27', { kind: 'military-action' });
    const helicopters = buildPool(asked, 1, ['figure']).variants.find(
      (q) => q.id === 'figure:claim-armenia-helicopters-2020-09-27#0',
    );
    expect(helicopters?.explanation).toContain(
      'The World Socialist Web Site’s article of 1 October 2020 gives a later tally, as of 1 October 2020: Armenian officials said they had destroyed 83 drones, seven helicopters',
    );
    // Two tolls of one war over different spans are "another figure", not a tally run on.
    const nineties = figures.find((q) => q.id === 'figure:claim-wsws-1990s-war-deaths-1992-1994#0');
    expect(nineties?.explanation).toContain('gives another figure: the 1988–1994 war led to over 20,000 deaths.');
    // A day's toll is not set beside a running one, nor soldiers beside "people".
    const saturday = figures.find((q) => q.id === 'figure:claim-armenian-forces-nk-servicemen-killed-2020-10-03#0');
    expect(saturday?.explanation).not.toMatch(/figure:/);
    const total = figures.find((q) => q.id === 'figure:claim-armenian-officials-losses-2020-09-30#0');
    expect(total?.explanation).not.toMatch(/figure:/);
    expect(armenia?.explanation).not.toMatch(/Azerbaijani military|personnel, including Major General/);
    const spending = figures.find((q) => q.id === 'figure:claim-wsws-azerbaijan-military-spending-2019#0');
    expect(spending?.explanation).not.toContain('another figure');
  });

  it('never asks the count in one side’s tally of the other’s equipment destroyed: 130 armoured vehicles or 110 is trivia', () => {
    const why = buildPool(pack, 1, ['figure']).reasons;
    for (const id of [
      'claim-azerbaijan-equipment-2020-09-30',
      'claim-armenian-officials-equipment-2020-09-30',
      'claim-armenia-helicopters-2020-09-27',
    ])
      expect(why.get(id)?.join(), id).toMatch(/tally of the other’s equipment destroyed/);
    // The casualties the same sentences claim are still asked: a war's dead are what it turned on.
    expect(ofKind('figure').map((q) => q.id)).toContain('figure:claim-azerbaijan-inflicted-casualties-2020-09-30#0');
  });

  it('introduces an outlet’s own report by its article, naming the outlet once', () => {
    const toll = ofKind('figure').find((q) => q.id === 'figure:claim-wsws-2020-war-toll#0');
    expect(toll?.explanation).toMatch(
      /^In its article “[^”]+” of 15 September 2022, the World Socialist Web Site reported that the 2020 war cost nearly 7,000 lives\.$/,
    );
  });

  it('leads a figure with its article alone where the quoted words already say who gave it', () => {
    const figures = ofKind('figure');
    const armenia = figures.find((q) => q.id === 'figure:claim-armenia-tovuz-deaths-2020-07-17#0');
    expect(armenia?.prompt).toMatch(
      /^In South Front’s article of 17 July 2020, which number fills the gap\? “Armenia says that only ___ of its service members were killed\.”$/,
    );
    // "Only 1 of its service members were killed" breaks the sentence's plural: no wrong 1.
    expect(armenia?.options).not.toContain('1');
    // "Kerim Veliyev, Azerbaijan's deputy defense minister, said that ___ …": named with his office, still his words.
    const veliyev = figures.find((q) => q.id === 'figure:claim-valiyev-armenian-losses-2020-07-17#0');
    expect(veliyev?.prompt).toMatch(
      /^In South Front’s article of 17 July 2020, which number fills the gap\? “…Kerim Veliyev,/,
    );
    // Named only as the one the words are about, the speaker is still said first.
    const about = withClaim('claim-armenia-tovuz-deaths-2020-07-17', {
      excerpt: 'Armenia says Azerbaijan killed only 4 of its service members.',
      statedBy: 'azerbaijan',
    });
    expect(buildPool(about, 1, ['figure']).variants.find((q) => q.id === armenia?.id)?.prompt).toMatch(
      /^According to Azerbaijan, as reported in South Front’s article/,
    );
  });

  it('reveals a claim in the curator’s attributed words with its article, naming the speaker once', () => {
    const armenia = ofKind('figure').find((q) => q.id === 'figure:claim-armenia-tovuz-deaths-2020-07-17#0');
    // A count runs on as the fighting does: a figure is told as of its day, even where that is its article's.
    expect(armenia?.explanation).toMatch(
      /^As of 17 July 2020, Armenia said that only four of its service members had been killed \(South Front, “[^”]+”, 17 July 2020\)\./,
    );
    const casualties = ofKind('figure').find((q) => q.id === 'figure:claim-armenia-casualties-2020-09-27#0');
    expect(casualties?.explanation).toMatch(
      /^As of 28 September 2020, Armenia said 16 people had been killed and over 100 injured \(World Socialist Web Site, “[^”]+”, 28 September 2020\)\./,
    );
    // Where the words date it already, not again.
    const saturday = ofKind('figure').find(
      (q) => q.id === 'figure:claim-armenian-forces-nk-servicemen-killed-2020-10-03#0',
    );
    expect(saturday?.explanation).toMatch(
      /^Armenian forces in Nagorno-Karabakh said 51 of their servicemen were killed on Saturday 3 October 2020 \(/,
    );
    // Words with no count were said on a day: "On 13 September 2022, …", never "as of" it.
    const subversive = pool.find((q) => q.id === 'whose-account:claim-azerbaijan-mod-subversive-acts-2022-09-13');
    expect(subversive?.explanation).toMatch(/^On 13 September 2022, Azerbaijan's defence ministry accused Armenia/);
    for (const q of ofKind('whose-account')) expect(q.explanation).not.toMatch(/as of/i);
    // An account with no figure is no count: it is not dated ahead of its words.
    const account = pool.find((q) => q.id === 'whose-account:claim-armenia-tovuz-started-by-azerbaijan-2020-07-17');
    expect(account?.explanation).toMatch(/^Armenia's account was that the clashes started after/);
    // Words that do not say who made the claim are never shown bare: the speaker leads them.
    const bare = new Pack({
      ...pack.data,
      claims: pack.data.claims.map((c) =>
        c.id === 'claim-armenia-tovuz-deaths-2020-07-17'
          ? { ...c, statement: 'Only four Armenian service members were killed.' }
          : c,
      ),
    });
    const unsaid = buildPool(bare, 1, ['figure']).variants.find((q) => q.id === armenia?.id);
    expect(unsaid?.explanation).toMatch(
      /^According to Armenia, as of 17 July 2020 \(South Front, “[^”]+”, 17 July 2020\): Only four Armenian service members were killed\./,
    );
  });

  it('never offers a relayed principal, or someone of the same office, as the speaker of relayed words', () => {
    const rich = richPack();
    const richPool = buildPool(rich, 12, ['quote-speaker']).variants;
    for (const [p, questions] of [
      [pack, ofKind('quote-speaker')],
      [rich, richPool],
    ] as const) {
      const relayed = questions.filter((q) => p.quotes.get(q.subjects?.[0] ?? '')?.relays);
      for (const q of relayed) {
        const quote = p.quotes.get(q.subjects?.[0] ?? '');
        expect(q.options[q.answer]).toBe(p.nameOf(quote?.speaker ?? ''));
        expect(q.options).not.toContain(p.nameOf(quote?.relays ?? ''));
      }
    }
    // The curated pack's relayed words (Demmer for Merkel, Price for Blinken) are fragments today, so the
    // rule is pinned on the invented pack, whose principal is otherwise a fair option.
    expect(richPool.filter((q) => q.id === 'quote-speaker:q5').length).toBeGreaterThan(0);
  });

  it('offers as speakers only people and bodies who are quoted in the pack', () => {
    const speakers = new Set(pack.data.quotes.map((q) => pack.nameOf(q.speaker)));
    for (const q of ofKind('quote-speaker')) for (const o of q.options) expect(speakers).toContain(o);
  });

  it('offers as speakers only those quoted in the same stretch of reporting, bystanders only against bystanders', () => {
    const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
    const actorByName = new Map(pack.data.actors.map((a) => [a.name, a]));
    for (const q of ofKind('quote-speaker')) {
      const quote = pack.quotes.get(q.subjects?.[0] ?? '');
      const printed = pack.sources.get(quote?.source ?? '')?.date ?? '';
      for (const option of q.options) {
        const id = actorByName.get(option)?.id;
        const dates = pack.data.quotes
          .filter((x) => x.speaker === id)
          .map((x) => pack.sources.get(x.source)?.date ?? '');
        expect(dates.some((d) => days(d, printed) <= 30)).toBe(true);
      }
      const witnesses = (q.facets ?? []).filter((f) => f.category === 'person:witness').length;
      expect([0, q.options.length]).toContain(witnesses);
    }
    const why = buildPool(pack, 1, ['quote-speaker']).reasons;
    // "end hostilities and return to…": cut from the reporter's sentence, it does not read as said.
    expect(why.get('quote-macron-end-hostilities-2022-09')?.join()).toMatch(/fragment/);
  });

  it('dates words to the day they were said only when the article does; otherwise names the article', () => {
    for (const q of ofKind('quote-speaker')) {
      const quote = pack.quotes.get(q.subjects?.[0] ?? '');
      const article = quote && pack.sources.get(quote.source);
      if (quote?.date === article?.date) expect(q.prompt).toMatch(/^Who said this, quoted in /);
    }
  });

  it('does not ask who blamed whom, which the sides give away, and says so', () => {
    expect(pool.some((q) => q.subjects?.includes('claim-armenia-accuses-azerbaijan-2020-09-27'))).toBe(false);
    const why = buildPool(pack, 1, ['true-false']).reasons.get('claim-armenia-accuses-azerbaijan-2020-09-27');
    expect(why?.join()).toMatch(/who blamed whom follows from the sides/);
    for (const q of ofKind('true-false').filter((x) => x.id.endsWith(':false')))
      expect(q.explanation).toMatch(/^It was .+, not .+\. /);
  });

  it('keeps True and False in that order, as many of each, each variant under its own id', () => {
    const tf = ofKind('true-false');
    for (const q of tf) expect(q.options).toEqual(['True', 'False']);
    const ids = new Set(tf.map((q) => q.id));
    const truths = [...ids].filter((id) => id.endsWith(':true')).length;
    expect(Math.abs(truths - (ids.size - truths))).toBeLessThanOrEqual(1);
    for (const q of tf) expect(q.id.endsWith(q.options[q.answer] === 'True' ? ':true' : ':false')).toBe(true);
  });

  it('asks each claim and quote by one question in the whole pool, so no two answer each other', () => {
    const bySubject = new Map<string, Set<string>>();
    for (const q of pool)
      for (const s of q.subjects ?? []) {
        if (!pack.claims.has(s) && !pack.quotes.has(s)) continue;
        bySubject.set(s, (bySubject.get(s) ?? new Set()).add(q.id));
      }
    for (const [subject, ids] of bySubject) expect([subject, ids.size]).toEqual([subject, 1]);
    // One number per sentence: the prompt prints the sentence, and so every other number in it.
    const figureIds = [...new Set(pool.filter((q) => q.kind === 'figure').map((q) => q.id))];
    const excerpts = figureIds.map((id) => pack.claims.get(id.slice('figure:'.length).replace(/#\d+$/, ''))?.excerpt);
    expect(new Set(excerpts).size).toBe(figureIds.length);
  });

  it('offers as dates only the dates of events that are themselves asked, and no date of one precision among another', () => {
    const dates = ofKind('event-date');
    const answers = new Set(dates.map((q) => q.options[q.answer]));
    expect(dates.length).toBeGreaterThan(8);
    for (const q of dates) {
      for (const o of q.options) expect(answers).toContain(o);
      expect(new Set(q.facets?.map((f) => f.category)).size).toBe(1);
    }
    expect(dates.some((q) => q.prompt.startsWith('In what year'))).toBe(true);
    // Days of one war only: a 2022 day among 2020 ones would be answered by the year.
    for (const q of dates.filter((d) => d.prompt.startsWith('On what date')))
      expect(new Set(q.options.map((o) => o.slice(-4))).size, q.id).toBe(1);
  });

  it('never orders a loosely dated event against one a few days from it, which is counting days', () => {
    // Words said, fighting that goes on, and a thing dated only by its report: each is loose by a few days.
    const loose = (e: { type: string; dateNote?: string }) =>
      ['statement', 'diplomacy', 'political', 'clash', 'shelling', 'phone-call'].includes(e.type) ||
      /date of the report/.test(e.dateNote ?? '');
    const day = (d: string) => Date.parse(d.length === 10 ? d : `${d}-01`.slice(0, 10)) / 86_400_000;
    let looseSeen = 0;
    for (const q of ofKind('which-first')) {
      const events = q.eventIds.map((id) => pack.events.get(id)).filter((e) => e !== undefined);
      for (const a of events)
        for (const b of events) {
          if (a === b || (!loose(a) && !loose(b))) continue;
          looseSeen++;
          if ([a.date, b.date, a.endDate ?? a.date, b.endDate ?? b.date].some((d) => d.length !== 10)) continue;
          const apart = Math.min(
            Math.abs(day(a.endDate ?? a.date) - day(b.date)),
            Math.abs(day(b.endDate ?? b.date) - day(a.date)),
          );
          // Shelling on one weekend reads as the shelling of the weeks around it; a leader's call, as another call.
          const week = (e: { type: string }) => e.type === 'shelling' || e.type === 'phone-call';
          const needed = week(a) || week(b) ? 7 : 4;
          expect(apart, `${a.id} against ${b.id}`).toBeGreaterThanOrEqual(needed);
        }
    }
    expect(looseSeen).toBeGreaterThan(0);
  });

  it('never offers an undated title that also fits another event of the pack whose date would change the answer', () => {
    // Titles a well-read player could take for another event: Macron's calls to Aliyev and Pashinyan happened in
    // 2020 and in 2022; forces "clash again on the border" at Tovuz too; Turkey backed Azerbaijan in 2020 as well.
    const readsAs: Record<string, string[]> = {
      'macron-calls-aliyev-pashinyan-2020-10-02': ['macron-calls-2022-09'],
      'macron-calls-2022-09': ['macron-calls-aliyev-pashinyan-2020-10-02'],
      'border-clashes-continue-2022-09-14': ['tovuz-clashes-2020-07-12'],
      'erdogan-statement-2022-09-14': ['turkish-support-for-azerbaijan-2020-09'],
    };
    const event = (id: string) => pack.events.get(id) as NonNullable<ReturnType<typeof pack.events.get>>;
    const end = (e: { date: string; endDate?: string }) => e.endDate ?? e.date;
    let checked = 0;
    for (const q of ofKind('which-first')) {
      const first = q.prompt.includes('first');
      const [answer, ...rest] = q.eventIds.map(event);
      if (!answer) continue;
      const ahead = (a: typeof answer, b: typeof answer) => (first ? end(a) < b.date : a.date > end(b));
      for (const alt of readsAs[answer.id] ?? [])
        for (const c of rest) expect(ahead(event(alt), c), `${q.id}: ${alt}`).toBe(true);
      for (const c of rest)
        for (const alt of readsAs[c.id] ?? []) {
          checked++;
          expect(ahead(answer, event(alt)), `${q.id}: ${alt}`).toBe(true);
        }
      checked += (readsAs[answer.id] ?? []).length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('tells an order reveal from earliest to latest in each event’s own sentence, dated where it is not', () => {
    const orders = ofKind('which-first');
    for (const q of orders) expect(q.explanation).toMatch(/^From earliest to latest: /);
    // The calls' sentence says which fighting; an ongoing event is dated by its start, not by the article that
    // last reported it.
    // (Asked as if the curator had not noted that the calls' title fits other rounds too.)
    const unnoted = withEvent('international-calls-ceasefire-2020-09-27', { alsoFits: undefined });
    const withCalls = buildPool(unnoted, 1, ['which-first']).variants.filter((q) =>
      q.eventIds.includes('international-calls-ceasefire-2020-09-27'),
    );
    expect(withCalls.length).toBeGreaterThan(0);
    for (const q of withCalls) {
      expect(q.explanation).toMatch(
        /The UN Secretary-General, NATO and the EU's foreign policy chief called for the fighting over Nagorno-Karabakh to stop;[^.]*\(from 27 September 2020\)\./,
      );
      expect(q.explanation).not.toContain('last reported');
    }
    // A sentence that gives its own date gets no second one; one that names only another date ("1915") does.
    // A window inside one month, its sentence naming the month, is placed well enough: no second date.
    const officers = orders.find((q) => q.eventIds.includes('tovuz-officers-killed-2020-07'));
    expect(officers?.explanation).toContain('killed in the July 2020 clashes.');
    const truce = orders.find((q) => q.eventIds.includes('ceasefire-1994'));
    expect(truce?.explanation).toContain('A ceasefire in 1994 ended the full-scale war');
    expect(truce?.explanation).not.toMatch(/holding it \(/);
    // A span whose sentence gives both its bounds is not dated again ("from 1992 until a ceasefire in 1994").
    const war = withEvent('ceasefire-1994', {
      summary: 'The full-scale war lasted from 1992 until a ceasefire in 1994.',
      date: '1992',
      endDate: '1994',
      dateKind: 'span',
    });
    const spanTold = buildPool(war, 1, ['which-first']).variants.find((q) => q.eventIds.includes('ceasefire-1994'));
    expect(spanTold?.explanation).toContain('The full-scale war lasted from 1992 until a ceasefire in 1994.');
    expect(spanTold?.explanation).not.toContain('(1992');
    const figaro = orders.find((q) => q.eventIds.includes('pashinyan-le-figaro-interview-2020'));
    expect(figaro?.explanation).toMatch(
      /what happened in 1915 and said .* daily Le Figaro \(some time between 27 September and 3 October 2020\)\./,
    );
  });

  it('never sets a title the curator says also fits another round beside one that round would reorder', () => {
    // "Moscow brokers a border ceasefire that breaks down at once" fits the Moscow truce of October 2020 as well:
    // last against July 2022's gas deal, it would have two answers to a well-read player.
    let noted = 0;
    for (const q of ofKind('which-first')) {
      const events = q.eventIds.map((id) => pack.events.get(id) as Event);
      const first = q.prompt.endsWith('first?');
      for (const [i, event] of events.entries())
        for (const other of event.alsoFits ?? []) {
          noted++;
          const spans = events.map((e, j) => (j === i ? span(other.date, other.endDate) : span(e.date, e.endDate)));
          const [answer, ...rest] = spans as [[string, string], ...[string, string][]];
          const stillAnswer = rest.every((r) => (first ? answer[1] < r[0] : answer[0] > r[1]));
          expect([q.id, event.id, other.date, stillAnswer]).toEqual([q.id, event.id, other.date, true]);
        }
    }
    expect(noted).toBeGreaterThan(0);
  });

  it('never makes the answer the one long headline among short ones', () => {
    const orders = [...new Map(ofKind('which-first').map((q) => [q.id, q])).values()];
    expect(orders.length).toBeGreaterThanOrEqual(20);
    for (const q of orders) {
      const answer = (q.options[q.answer] as string).length;
      const next = Math.max(...q.options.filter((_, i) => i !== q.answer).map((o) => o.length));
      expect(answer > 1.2 * next && answer - next > 10, q.id).toBe(false);
    }
  });

  it('never sets an ongoing event as the earlier of two a few weeks apart when it asks which happened last', () => {
    // "UN, EU and NATO officials call for the fighting to stop" began on 27 September and kept coming.
    let lasts = 0;
    for (const q of ofKind('which-first').filter((w) => w.prompt.includes('last'))) {
      lasts++;
      const [answer, ...rest] = q.eventIds.map((id) => pack.events.get(id)).filter((e) => e !== undefined);
      for (const c of rest.filter((e) => e.dateKind === 'ongoing'))
        expect(Date.parse(answer?.date ?? '') - Date.parse(c.endDate ?? ''), `${q.id}: ${c.id}`).toBeGreaterThanOrEqual(
          30 * 86_400_000,
        );
    }
    expect(lasts).toBeGreaterThan(0);
  });

  it('reveals an event-date answer in its summary’s words, with the date after it only where the summary lacks it', () => {
    const ceasefire = ofKind('event-date').find((d) => d.id === 'event-date:ceasefire-1994');
    // "Ceasefire leaves Armenian forces holding Nagorno-Karabakh: 1994." before the summary said it twice.
    expect(ceasefire?.explanation).toBe(
      'A ceasefire in 1994 ended the full-scale war that Armenia and Azerbaijan had fought over Nagorno-Karabakh since 1992, leaving Armenian forces holding it.',
    );
    const undated = withEvent('turkey-azerbaijan-pact-2010', {
      summary: 'A military pact binds Turkey and Azerbaijan to defend each other.',
    });
    const pact = buildPool(undated, 1, ['event-date']).variants.find(
      (d) => d.id === 'event-date:turkey-azerbaijan-pact-2010',
    );
    expect(pact?.explanation).toBe(
      'A military pact binds Turkey and Azerbaijan to defend each other. The articles date it to 2010.',
    );
    // How a relative date was read is the evidence's to show: "Date: 2019, from 'last year' in …" read as a
    // working note left in.
    const noted = withEvent('turkey-azerbaijan-pact-2010', { dateNote: "'a decade ago' in an article dated 2020" });
    expect(buildPool(noted, 1, ['event-date']).variants.find((d) => d.id === pact?.id)?.explanation).toBe(
      'A 2010 military pact between Turkey and Azerbaijan requires each to respond militarily if the other is attacked by a third country.',
    );
  });

  it('does not ask a date the curator says general knowledge answers, and orders the event only beside its own year', () => {
    const known = withEvent('minsk-group-established-1992', { dateNotAsked: 'general knowledge dates it' });
    const built = buildPool(known, 1, ['event-date', 'which-first']);
    expect(built.reasons.get('minsk-group-established-1992')?.join()).toMatch(
      /event-date: the curator does not ask its date: general knowledge dates it/,
    );
    // Still an option; the answer only where another option shares its year, so the year does not pick it:
    // the EU's gas deal of 2022, last among 2020's events, was answered so by eight reviews.
    const orders = built.variants.filter((q) => q.kind === 'which-first');
    expect(orders.some((q) => q.eventIds.includes('minsk-group-established-1992'))).toBe(true);
    const yearOf = (id: string) => pack.events.get(id)?.date.slice(0, 4);
    const checked = [
      ...orders.map((q) => [known, q] as const),
      ...ofKind('which-first').map((q) => [pack, q] as const),
    ];
    for (const [from, q] of checked) {
      const answer = from.events.get(q.eventIds[0] as string);
      if (!answer?.dateNotAsked) continue;
      expect([q.id, q.eventIds.slice(1).some((id) => yearOf(id) === answer.date.slice(0, 4))]).toEqual([q.id, true]);
    }
    expect(pack.events.get('von-der-leyen-baku-gas-2022-07')?.dateNotAsked).toBeDefined();
  });

  it('asks a date as one question in the curator’s words, not a template with a headline after it', () => {
    const q = ofKind('event-date').find((d) => d.id === 'event-date:turkey-azerbaijan-pact-2010');
    expect(q?.prompt).toBe(
      'In what year did Turkey and Azerbaijan make a mutual-defence pact, according to the articles?',
    );
    // Without the curator's words the headline stands after the question, as before.
    const bare = new Pack({
      ...pack.data,
      events: pack.data.events.map(({ whenAsked: _, ...e }) => e),
    });
    const plain = buildPool(bare, 1, ['event-date']).variants.find((d) => d.id === q?.id);
    expect(plain?.prompt).toBe(
      'In what year did this happen, as the sources date it? Turkey and Azerbaijan make a mutual-defence pact.',
    );
    expect(plain?.options[plain.answer]).toBe(q?.options[q.answer]);
  });

  it('sets each event against neighbours that are right answers of their own order questions, or come along once', () => {
    const orders = [...new Map(ofKind('which-first').map((q) => [q.id, q])).values()];
    const answers = new Set(orders.map((q) => q.options[q.answer]));
    const neverRight = orders.flatMap((q) => q.options.filter((o) => !answers.has(o)));
    expect(neverRight.length).toBeLessThanOrEqual(orders.length / 4);
    expect(new Set(neverRight).size).toBe(neverRight.length);
  });

  it('draws who-said options only from those who are the right answer of another question of the kind', () => {
    const questions = buildPool(richPack(), 12, ['quote-speaker']).variants;
    expect(questions.length).toBeGreaterThan(0);
    const answers = new Set(questions.map((q) => q.options[q.answer]));
    expect(questions.flatMap((q) => q.options.filter((o) => !answers.has(o)))).toEqual([]);
  });

  it('asks a quote as True/False with the wrong speaker someone else the same article quotes', () => {
    // The pack keeps these words as context; the builder is shown them to pin down whom it swaps in.
    const words = pack.quotes.get('quote-elysee-work-beginning-2020-10-02');
    const built = words && quoteTrueFalse(pack, words, false);
    if (!built || isDeclined(built)) throw new Error('expected a False variant');
    const wrong = /^It was .+?, not (.+?)\. /.exec(built.explanation)?.[1]?.replace(/^the /, '');
    const sameArticle = pack.data.quotes
      .filter((o) => o.source === words?.source && o.speaker !== words?.speaker)
      .map((o) => inSentence(pack.actors.get(o.speaker) as Actor).replace(/^the /, ''));
    expect(sameArticle).toContain(wrong);
    expect(built.prompt).toContain(`quotes ${wrong} as saying “Work is beginning this evening”`);
  });

  it('never asks a bystander’s words True or False: which villager spoke is trivia, and the words fit only a villager', () => {
    const why = buildPool(pack, 1, ['true-false']).reasons;
    for (const id of [
      'quote-khachatryan-sotk-2022-09',
      'quote-armenian-villager-geghamasar-2022-09',
      'quote-armenian-villager-geghamasar-shelling-2022-09',
    ])
      expect(why.get(id)?.join(), id).toMatch(/a bystander’s words: which villager said them is trivia/);
    const sotk = pack.quotes.get('quote-khachatryan-sotk-2022-09');
    for (const truth of [true, false]) expect(sotk && isDeclined(quoteTrueFalse(pack, sotk, truth))).toBe(true);
  });

  it('asks no background report by a country, which the rest of it fixes, nor offers a name the pack says the same of', () => {
    const why = buildPool(pack, 1, ['report-gap']).reasons;
    // "___ is Azerbaijan's main ally, and also has close bilateral ties with Russia".
    expect(why.get('fact-turkey-azerbaijan-main-ally')?.join()).toMatch(
      /Turkey is a country, which the rest of a background report fixes/,
    );
    // "___ is opposing Turkish-backed forces in Libya": another report says France "opposed Turkish-backed forces in Libya".
    expect([
      ...saidAlsoOf(pack, '___ is opposing Turkish-backed forces in Libya.', 'fact-russia-turkey-libya-2020'),
    ]).toContain('france');
  });

  it('never quotes a phrase cut from the reporter’s sentence as a saying, nor a villager as speaking of another village', () => {
    const why = buildPool(pack, 1, ['true-false']).reasons;
    // "called on Paris to 'abandon this absolutely untenable position of neutrality'"
    expect(why.get('quote-french-lawmakers-neutrality-2020-10-03')?.join()).toMatch(/cut from the reporter’s sentence/);
    for (const q of ofKind('true-false')) expect(q.prompt).not.toMatch(/as saying “\p{Ll}/u);
  });

  it('says what a figure counts when the article’s words do not: a bracketed name for the pronoun, or the event it is about', () => {
    const toll = ofKind('figure').find((q) => q.id === 'figure:claim-wsws-2020-war-toll#0');
    expect(toll?.prompt).toMatch(/, which number fills the gap\? “\[The 2020 war\] cost nearly ___ lives…”$/);
    const aid = ofKind('figure').find((q) => q.id === 'figure:claim-wsws-us-aid-azerbaijan-2019#0');
    expect(aid?.prompt).toContain('“…[Washington] boosted aid to Azerbaijan last year […] It gave $___ to Azerbaijan');
    const war = ofKind('figure').find((q) => q.id === 'figure:claim-wsws-1990s-war-deaths-1992-1994#0');
    expect(war?.prompt).toContain(
      '“[The Armenian-Azeri war] between forces who had until then all been Soviet citizens',
    );
    expect(war?.prompt).not.toContain('(on ');
    // `content check` refuses an excerpt that opens with a bare pronoun; a pack built in code still gets the event.
    const bare = new Pack({
      ...pack.data,
      claims: pack.data.claims.map((c) =>
        c.id === 'claim-wsws-1990s-war-deaths-1992-1994'
          ? { ...c, excerpt: c.excerpt.replace('[The Armenian-Azeri war]', 'This war') }
          : c,
      ),
    });
    const unnamed = buildPool(bare, 3, ['figure']).variants.find(
      (q) => q.id === 'figure:claim-wsws-1990s-war-deaths-1992-1994#0',
    );
    expect(unnamed?.prompt).toContain('(on the full-scale war in which Armenian forces took Nagorno-Karabakh)');
  });

  it('asks a figure the article bounds ("over ___", "at least ___") with every other option beyond the bound', () => {
    const bounded = ofKind('figure').filter((q) => /\b(over|at least|more than) ___/.test(q.prompt));
    expect(bounded.length).toBeGreaterThanOrEqual(3);
    for (const q of bounded) {
      const values = (q.facets ?? []).map((f) => f.value as number);
      expect(Math.min(...values)).toBe(values[q.answer]);
    }
  });

  it('quotes a neutral sentence in a reveal where the event has one, not one side’s account of who started it', () => {
    // Asked as the curator's note that the title fits the 2010s' border fighting too were not there.
    const unnoted = withEvent('tovuz-clashes-2020-07-12', { alsoFits: undefined });
    const tovuz = buildPool(unnoted, 1, ['which-first']).variants.find(
      (q) => q.id === 'which-first:tovuz-clashes-2020-07-12',
    );
    expect(tovuz?.evidence?.length).toBeGreaterThan(0);
    for (const cut of tovuz?.evidence ?? [])
      expect(cut.excerpt).not.toMatch(/Armenian version|According to the Defense/);
    // Nor, to place a town, an outlet's disputed account of who attacked whom.
    const accounts = pack.data.claims.filter((c) => c.status === 'disputed').map((c) => c.excerpt.slice(0, 60));
    for (const q of ofKind('place-country'))
      for (const cut of q.evidence ?? []) for (const account of accounts) expect(cut.excerpt).not.toContain(account);
  });

  it('names the article’s own spelling of a place the pack spells otherwise', () => {
    const question = julyToll(pack);
    expect(question?.prompt).toMatch(/\(“Toyuz” and “Tayush” are the article’s spellings of Tovuz and Tavush\)$/);
  });

  it('glosses a person’s name the article spells otherwise where a title names them, and no description as a spelling', () => {
    const officers = ofKind('which-first').find((q) => q.id === 'which-first:tovuz-officers-killed-2020-07');
    // Beside four articles, "the article’s spelling" points at none: the outlet whose excerpt prints it is named.
    expect(officers?.explanation).toMatch(/\. “Gashimov Polad” is South Front’s spelling of Polad Hashimov\.$/);
    for (const q of pool)
      if (/the article’s spelling|in the article\)/.test(q.explanation)) expect(q.sources, q.id).toHaveLength(1);
    for (const q of pool) expect(q.explanation).not.toContain('“Armenian-Azerbaijani state border” is');
    // Glossed once, in the question the articles never print the name of: the reveal needs no second note.
    const tavush = pool.find((q) => q.id === 'place-country:tavush');
    expect(tavush?.prompt).toContain('Tavush (spelt “Tayush” by the World Socialist Web Site)');
    expect(tavush?.explanation).not.toContain('“Tayush”');
  });

  it('never asks an item the curator keeps as context, and never offers it as an option, saying why', () => {
    const why = buildPool(pack, 1, ['figure', 'true-false']).reasons.get('claim-azerbaijan-covid-2020-09-28')?.join();
    expect(why).toMatch(/figure: the curator keeps it as context, not asked: a pandemic count/);
    expect(pool.some((q) => q.subjects?.includes('claim-azerbaijan-covid-2020-09-28'))).toBe(false);
    const syria = pack.events.get('syria-war-2011');
    const kept = withEvent('syria-war-2011', { notAsked: 'another war' });
    const keptPool = buildPool(kept, 2, ['which-first', 'event-date']);
    expect(keptPool.reasons.get('syria-war-2011')?.join()).toContain('not asked: another war');
    for (const q of keptPool.variants) expect(q.options).not.toContain(syria?.title);
  });

  it('keeps most order questions when one event is set aside, and offers an event with no question once at most', () => {
    // Once every option had to be another question's answer, dropping an event stranded those it went with,
    // and those stranded others in turn: setting aside the UN, EU and NATO calls, or Pashinyan's CSTO appeal,
    // took the pack's order questions to none.
    for (const aside of ['international-calls-ceasefire-2020-09-27', 'pashinyan-csto-appeal-2022-09-14']) {
      const drop = <T extends { id: string; event?: string | undefined }>(x: T): T =>
        x.id === aside || x.event === aside ? { ...x, notAsked: 'set aside' } : x;
      const kept = new Pack({
        ...pack.data,
        events: pack.data.events.map(drop),
        claims: pack.data.claims.map(drop),
        quotes: pack.data.quotes.map(drop),
        facts: pack.data.facts.map(drop),
      });
      const orders = [...new Map(buildPool(kept, 1, ['which-first']).variants.map((q) => [q.id, q])).values()];
      expect([aside, orders.length >= 20]).toEqual([aside, true]);
      for (const q of orders) expect(q.eventIds).not.toContain(aside);
      expectStraysOnce(orders);
    }
    expectStraysOnce([...new Map(ofKind('which-first').map((q) => [q.id, q])).values()]);
  });

  it('offers no one as a speaker whose only words the curator keeps as context', () => {
    const rich = richPackData();
    const asked = buildPool(new Pack(rich), 2, ['quote-speaker']).variants;
    const speaker = asked.map((q) => q.options[q.answer]).find((name) => name !== undefined) as string;
    const id = rich.actors.find((a) => a.name === speaker)?.id;
    const kept = new Pack({
      ...rich,
      quotes: rich.quotes.map((q) => (q.speaker === id ? { ...q, notAsked: 'kept as context' } : q)),
    });
    const keptPool = buildPool(kept, 2, ['quote-speaker']).variants;
    expect(asked.some((q) => q.options.includes(speaker) && q.options[q.answer] !== speaker)).toBe(true);
    for (const q of keptPool) expect(q.options).not.toContain(speaker);
  });

  it('never prints in a figure’s sentence the number a related claim’s question asks', () => {
    const figures = [...new Map(ofKind('figure').map((q) => [q.id, q])).values()];
    const claimOf = (q: Question) => pack.claims.get(q.id.slice('figure:'.length).replace(/#\d+$/, '')) as Claim;
    for (const asked of figures) {
      const claim = claimOf(asked);
      const value = claim.figures[Number(/#(\d+)$/.exec(asked.id)?.[1])]?.value as number;
      for (const other of figures) {
        const otherClaim = claimOf(other);
        if (other === asked || !(otherClaim.related.includes(claim.id) || claim.related.includes(otherClaim.id)))
          continue;
        expect([other.id, numbersIn(other.prompt).some((n) => n.value === value)]).toEqual([other.id, false]);
      }
    }
    const why = buildPool(pack, 1, ['figure']).reasons.get('claim-azerbaijan-2020-war-fatalities')?.join();
    expect(why).toMatch(/its sentence prints the number claim-wsws-2020-war-toll#0 asks/);
  });

  it('rebuilds a question from its id with the same prompt and answer', () => {
    for (const q of pool.filter((_, i) => i % 25 === 0)) {
      const again = questionById(pack, q.id, 99);
      expect(again?.prompt).toBe(q.prompt);
      expect(again?.options[again.answer]).toBe(q.options[q.answer]);
    }
  });

  it('never asks the date of a beginning, which the earliest option answers, nor lets one day answer more than two', () => {
    const why = buildPool(pack, 1, ['event-date']).reasons;
    expect(why.get('war-2020-outbreak-2020-09-27')?.join()).toMatch(/says it is a beginning/);
    const answers = new Map<string, Set<string>>();
    for (const q of ofKind('event-date')) {
      const day = q.options[q.answer] as string;
      answers.set(day, (answers.get(day) ?? new Set()).add(q.id));
    }
    for (const ids of answers.values()) expect(ids.size).toBeLessThanOrEqual(2);
  });

  it('asks an event the curator bounds within one month by its month, never by a day, and no span that may reach into another', () => {
    // On the pack as it is, only July and September 2020 hold such events: two months make no fair run of options.
    // The weekend's bombardments (3–4 October) were shelling, which went on for days either side of it.
    const why = buildPool(pack, 1, ['event-date']).reasons;
    expect(why.get('city-bombardments-2020-10-03')?.join()).toMatch(/may reach into another month/);
    expect(why.get('pashinyan-calls-putin-macron-2020-09')?.join()).toMatch(/may reach into another month/);
    expect(why.get('tovuz-clashes-2020-07-12')?.join()).toMatch(/still going on at its last report/);
    // With an October strike dated to one weekend, three months stand, and each is asked by its month.
    const struck = withEvent('city-bombardments-2020-10-03', { type: 'air-strike' });
    const spanned = buildPool(struck, 2, ['event-date']).variants.filter(
      (q) => struck.events.get(q.eventIds[0] as string)?.endDate,
    );
    expect(new Set(spanned.map((q) => q.options[q.answer]))).toEqual(
      new Set(['July 2020', 'September 2020', 'October 2020']),
    );
    for (const q of spanned) {
      const event = struck.events.get(q.eventIds[0] as string) as Event;
      // The month both bounds fall in, "going by the articles"; the reveal gives the bounds, not a day.
      expect(q.prompt).toMatch(/^In what month did this happen, going by the articles\?/);
      expect(q.options[q.answer]).toBe(formatDate(event.date.slice(0, 7)));
      expect(q.explanation).toContain(formatWhen(event));
      // A place would name the episode, and the episode the month ("(Tovuz)": July 2020).
      expect(q.prompt).not.toMatch(/\(.+\)\.$/);
    }
  });

  it('asks which country a place is in only when an article names both, and not where the country is the dispute', () => {
    const places = ofKind('place-country');
    const reasons = () => buildPool(pack, 1, ['place-country']).reasons;
    const tavush = places.find((q) => q.id === 'place-country:tavush');
    // Led by the fighting there: a bare "Which country is Tavush in?" read as a map question.
    expect(tavush?.prompt).toBe(
      'In which country is Tavush (spelt “Tayush” by the World Socialist Web Site), which saw fighting from 12 July 2020?',
    );
    expect(tavush && [...tavush.options].sort()).toEqual(['Armenia', 'Azerbaijan']);
    expect(tavush?.options[tavush?.answer ?? -1]).toBe('Armenia');
    // The sentence that places it, whole and as WSWS's own words.
    expect(tavush?.evidence).toEqual([
      {
        excerpt:
          'In July, Armenian-Azeri clashes erupted at Tayush in northeastern Armenia and the Toyuz district in Azerbaijan, killing 12 Azeri and four Armenian soldiers.',
        outlet: 'World Socialist Web Site',
        date: '28 September 2020',
      },
    ]);
    // WSWS's "as Azeri forces crossed the border into Armenia and attacked … Sotk" is its disputed account of
    // who attacked: quoted to place a town, it would state it beside the answer.
    expect(reasons().get('sotk')?.join()).toMatch(/no report in the pack names it and its country/);
    expect(places.find((q) => q.id === 'place-country:tavush')?.explanation).toMatch(/^Tavush is in Armenia\. /);
    // The reveal tells what happened there in the summary's words, so the country is not all a player takes
    // away: of the event the prompt led with, or else of the weightiest, dated where the summary is not. The
    // country is said plainly, and not again where the summary says it; the summary's articles are listed.
    const ganja = places.find((q) => q.id === 'place-country:ganja');
    expect(ganja?.explanation).toMatch(
      /^Ganja, Azerbaijan's second-largest city, was bombarded\. Azerbaijan's defence/,
    );
    expect(tavush?.explanation).toContain(
      'is in Armenia. Fighting broke out on 12 July 2020 on the Armenia–Azerbaijan state border',
    );
    expect(tavush?.sources.map((s) => s.id)).toEqual(['wsws-2020-09-28', 'south-front-2020-07-17']);
    for (const q of places) expect(q.explanation).not.toMatch(/Events there|puts it/);
    // The prompt has dated the fighting, so the reveal does not date it again; told of a place whose prompt
    // did not (a meeting there, which a sentence cannot say the place underwent), the reveal dates it.
    const undated = withEvent('tovuz-clashes-2020-07-12', { summary: 'Fighting broke out on the border.' });
    expect(
      buildPool(undated, 1, ['place-country']).variants.find((q) => q.id === 'place-country:tavush')?.explanation,
    ).toBe('Tavush is in Armenia. Fighting broke out on the border.');
    const met = withEvent('tovuz-clashes-2020-07-12', { summary: 'Officials met on the border.', type: 'diplomacy' });
    const metThere = buildPool(met, 1, ['place-country']).variants.find((q) => q.id === 'place-country:tavush');
    expect(metThere?.prompt).toBe('In which country is Tavush (spelt “Tayush” by the World Socialist Web Site)?');
    expect(metThere?.explanation).toBe(
      'Tavush is in Armenia. Officials met on the border. It began on 12 July 2020 and was last reported on 17 July 2020.',
    );
    expect(ganja?.eventIds).toContain('ganja-shelling-2020-10-03');
    // The question asks where the war reached, not an atlas fact; a title naming a side would answer it.
    expect(ganja?.prompt).toBe('In which country is Ganja, which was shelled on 3 October 2020?');
    // Where nothing of the story happens, the country is a map fact: not asked, nor counted in the balance.
    expect(reasons().get('gyumri')?.join()).toMatch(/nothing of the story happens there/);
    // A capital, and the sites of an exercise, teach nothing; the sides are kept even.
    expect(places.map((q) => q.id)).not.toContain('place-country:baku');
    expect(places.map((q) => q.id)).not.toContain('place-country:kurdamir');
    const right = (country: string) => places.filter((q) => q.options[q.answer] === country).length;
    // Each side right about as often, or a player learns to answer the commoner one.
    expect(right('Armenia')).toBe(right('Azerbaijan'));
    expect(reasons().get('stepanakert')?.join()).toMatch(/sovereignty is the dispute/);
    // A village of the districts fought over in 2020 ("the Azeri army liberated the village of Mehdili") has no country.
    expect(reasons().get('mehdili')?.join()).toMatch(/sovereignty is the dispute/);
    expect(reasons().get('east-azerbaijan-province')?.join()).toMatch(/its name holds a country/);
    expect(reasons().get('idlib')?.join()).toMatch(/not one of the two/);
  });

  it('weighs deaths above side remarks', () => {
    const byWeight = [...pool].sort((x, y) => (y.weight ?? 0) - (x.weight ?? 0));
    const top = byWeight.slice(0, Math.ceil(pool.length / 10));
    expect(top.some((q) => /killed|deaths|lives|fatalities/.test(q.prompt))).toBe(true);
    expect(byWeight.at(-1)?.weight ?? 0).toBeLessThan(top.at(-1)?.weight ?? 0);
  });
});

describe('numbers in article text', () => {
  it('reads digits, words and scales where they stand', () => {
    const found = numbersIn(
      'destroyed four helicopters, 2,300 casualties, nearly $1.8 billion and over a million people',
    );
    expect(found.map((n) => n.value)).toEqual([4, 2300, 1_800_000_000, 1_000_000]);
  });
});

describe('figure ladders', () => {
  it('puts the right value at every place, with an even step and the lowest value above a fifth of it', () => {
    const all = ladders(586, []);
    expect([...new Set(all.map((l) => l.position))].sort()).toEqual([0, 1, 2, 3]);
    for (const l of all) {
      expect(l.values[l.position]).toBe(586);
      const steps = l.values.slice(1).map((v, i) => v - (l.values[i] as number));
      expect(new Set(steps).size).toBe(1);
      expect(Math.min(...l.values)).toBeGreaterThan(586 / 5);
    }
  });

  it('steps by a twelfth of the answer or more, so 104 is never set among 105, 106 and 107; small counts step by one', () => {
    for (const value of [104, 21, 586]) {
      const steps = ladders(value, []).map((l) => Math.abs((l.values[1] as number) - (l.values[0] as number)));
      expect(steps.length).toBeGreaterThan(0);
      expect(Math.min(...steps)).toBeGreaterThanOrEqual(value * 0.08);
    }
    expect(ladders(7, []).some((l) => l.values.includes(8) && l.values.includes(6))).toBe(true);
  });

  it('keeps every option of a figure in billions or millions a whole unit or more, never "0.8 billion"', () => {
    for (const value of [1_800_000_000, 1_200_000]) {
      const all = ladders(value, []);
      expect(all.length).toBeGreaterThan(0);
      for (const l of all) expect(Math.min(...l.values)).toBeGreaterThanOrEqual(value >= 1e9 ? 1e9 : 1e6);
    }
  });

  it('never leaves a round answer alone as the roundest option, nor offers a number the excerpt prints', () => {
    for (const l of ladders(100, [15])) {
      const round = l.values.filter((v) => v % 100 === 0);
      expect(round.length).toBeGreaterThan(1);
      expect(l.values).not.toContain(15);
    }
    expect(ladders(100, [])).not.toEqual([]);
  });
});
