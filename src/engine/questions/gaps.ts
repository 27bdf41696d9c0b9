import { foldName, wordStems } from '../../content/normalize.js';
import type { Entity, Pack } from '../../content/pack.js';
import type { Actor, Place } from '../../content/schema.js';
import { textCache } from '../../content/text-cache.js';
import { itemCache, packCache } from '../../core/pack-memo.js';
import { escapeRegExp } from '../../core/text.js';
import { ancestry } from '../topics.js';
import { actorCategory, placeCategory } from './categories.js';
import { entityOption } from './finalize.js';
import { anyStandsOut } from './form.js';
import { drawWeighted, type Random } from './random.js';
import { type Declined, decline, type Option } from './types.js';

/** The blank a gap question shows where a name or number stood. */
export const GAP = '___';

/** Where a name or any alias stands in the text, as a whole word, ignoring case. */
function mentionPattern(names: readonly string[]): RegExp {
  const forms = [...new Set(names)].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  // A leading "the" goes with the name: "the ___ said" would read "the Nikol Pashinyan said".
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Anything with a name and aliases that a text can mention. */
export type Named = Pick<Actor | Place, 'id' | 'name' | 'aliases'>;

/** What a gap can hold: an actor or a place. */
export type Nameable = Extract<Entity, { type: 'actor' | 'place' }>;

function namesOf(item: Named): string[] {
  return [item.name, ...item.aliases];
}

/** Each item's pattern, made once: the pack's every report, claim and quote is searched for every name. */
const patternOf = itemCache((item: Named): RegExp => mentionPattern(namesOf(item)));

/** The text with every mention of the item blanked; undefined when it is not mentioned. */
export function blankMentions(text: string, item: Named): string | undefined {
  const pattern = patternOf(item);
  // Shared, and global: it starts every search from the text's beginning.
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return undefined;
  pattern.lastIndex = 0;
  // "Turkey's opposition Republican People's Party (CHP)": one gap, not "___ (___)".
  return text.replace(pattern, GAP).replace(/___ \(___\)/g, GAP);
}

/**
 * The word stems a reader would take as naming the item: "armeni" for Armenia and Armenian. Kept per
 * item: every distractor drawn weighs every other right answer's stems.
 */
const stems = itemCache((item: Named): string[] => stemsOf(namesOf(item).join(' ')));

/** Words that name a kind of thing, not which one: they say nothing about the answer. */
const GENERIC = new Set([
  'ministry',
  'defence',
  'defense',
  'foreign',
  'affairs',
  'government',
  'forces',
  'armed',
  'military',
  'district',
  'province',
  'region',
  'republic',
  'press',
  'service',
  'officials',
  'party',
  'national',
  'united',
  'president',
  'minister',
]);

/** The word stems of a text that say something: "self-restraint" and "restraint" share "restr". */
export function stemsOf(text: string): string[] {
  return [...new Set(wordStems(text, 5, 5, GENERIC))];
}

/** Does the text still point at the item after the blank: its name, or a word from the same stem ("Armenian")? */
export function hints(text: string, item: Named): boolean {
  const words = foldedWords(text);
  const own = stems(item);
  return words.some((w) => own.some((s) => w.startsWith(s)));
}

/**
 * A text's folded words: one prompt is read against every candidate distractor. Kept to a pack's worth of
 * texts, not grown without end by typed answers.
 */
const foldedWords = textCache(20_000, (text) => foldName(text).split(' '));

/**
 * The broad class a True/False swap keeps to: a person for a person, a
 * state's voice (a state, ministry, armed force or group of officials) for
 * another, a paper for a paper, a party or other body for another. "WSWS said its forces…" is false
 * on its face.
 */
function broadClass(entity: Nameable): string {
  if (entity.type === 'place') return 'place';
  const kind = entity.item.kind;
  // A bystander's account ("the community building has been damaged") is no leader's line, an analyst's
  // hedged "arguably" no belligerent's "we must be prepared for a long war", nor the reverse.
  if (kind === 'person') {
    const category = categoryOf(entity);
    return category === 'person:witness' || category === 'person:commentator' ? category : 'person';
  }
  if (['state', 'government-body', 'armed-force', 'group'].includes(kind)) return 'voice';
  // A party declares, a news agency reports: "Anadolu Agency said Armenia's attacks are unacceptable" is false on
  // its face, and a review caught it.
  return kind === 'media' ? 'press' : 'organisation';
}

export function categoryOf(entity: Nameable): string {
  return entity.type === 'place' ? placeCategory(entity.item) : actorCategory(entity.item);
}

function entityOf(pack: Pack, id: string): Nameable | undefined {
  const actor = pack.actors.get(id);
  if (actor) return { type: 'actor', item: actor };
  const place = pack.places.get(id);
  return place ? { type: 'place', item: place } : undefined;
}

/** Two things of which one contains the other (a ministry and its state, a village and its district). */
export function related(pack: Pack, a: string, b: string): boolean {
  return ancestry(pack, a).has(b) || ancestry(pack, b).has(a);
}

/** The state an actor or place belongs to, for keeping one country's bodies out of each other's questions. */
export function countryOf(pack: Pack, id: string): string | undefined {
  const actor = pack.actors.get(id);
  if (actor) return actor.kind === 'state' ? actor.id : actor.country;
  return pack.places.get(id)?.country;
}

/**
 * What a text can name that points at an answer without naming it: the
 * country a person, body or town belongs to ("Azerbaijan's deputy defence
 * minister ___", "___, Latvia"), and the bodies a person speaks for
 * ("State Department spokesman ___").
 */
export function pointersTo(pack: Pack, answer: Nameable): Named[] {
  const out: Named[] = [];
  const home = countryOf(pack, answer.item.id);
  const state = home && home !== answer.item.id ? pack.actors.get(home) : undefined;
  if (state) out.push(state);
  if (answer.type === 'actor')
    for (const role of answer.item.roles) {
      const body = role.of ? pack.actors.get(role.of) : undefined;
      if (body && body.id !== home) out.push(body);
    }
  return out;
}

export interface DistractorRules {
  /** How often each entity is the right answer among this kind's questions: distractors are drawn in proportion. */
  answers: ReadonlyMap<string, number>;
  /** The prompt as shown: no distractor may be named in it. */
  prompt: string;
  /** Entities that would also be right, or that would read as the same answer. */
  exclude: ReadonlySet<string>;
  /** Bodies of one country speak for each other: keep the answer's country out. */
  otherCountry?: boolean;
  /** The fewest distractors worth asking with: two by default, one for a True/False swap. */
  fewest?: number;
  /** Only others of this country: the text names the answer's country, and a name from elsewhere would contradict it. */
  keepCountry?: string;
  /** The prompt may name the answer: True/False shows a name whichever way it is asked. */
  answerMayShow?: boolean;
  /**
   * Only the broad class, not the finer category: a True/False swap shows
   * one name, so nothing stands beside it to differ.
   */
  looseCategory?: boolean;
}

/** A choice of fewer than three options is a coin toss, not a question. */
const FEWEST_DISTRACTORS = 2;
const DRAW_ATTEMPTS = 12;

/**
 * Up to three entities of the answer's category that are right answers
 * elsewhere in the same kind, drawn in proportion to how often they are.
 * Only right answers are drawn: a player who has seen the pool cannot rule
 * out an option for never being right. Where the category holds only two
 * others, the question has three options; fewer, and it is not asked.
 */
export function entityDistractors(
  pack: Pack,
  answer: Nameable,
  rules: DistractorRules,
  random: Random,
): Option[] | Declined {
  // "Several ___", "an ___": the words before the gap fit some names and not others.
  if (/\b(several|some|many|few|an?|two|three|four)\s+___/i.test(rules.prompt))
    return decline('the word before the gap fits only some names');
  // A lead-in that names the answer gives it away.
  if (!rules.answerMayShow && hints(rules.prompt, answer.item))
    return decline('the text around the gap names the answer');
  const category = categoryOf(answer);
  // "Azerbaijan's deputy defence minister ___" among an Iranian, an American and a Frenchman: the name gives it.
  // Where the text names the answer's country, every option must share it; a body it speaks for, no option can.
  // "Chechnya and Dagestan" gives away Russia: the text names a place inside the answer.
  if (!rules.answerMayShow && answer.type === 'actor' && answer.item.kind === 'state') {
    const inside = [...pack.places.values()].find((p) => p.country === answer.item.id && hints(rules.prompt, p));
    if (inside) return decline(`the text names ${inside.name}, a place in ${answer.item.name}`);
    // "Nikol Pashinyan came to power in ___": a leader or a body of the state gives it away.
    const own = ownNamed(pack, answer.item.id, rules.prompt);
    if (own) return decline(`the text names ${own.name}, of ${answer.item.name}`);
  }
  const pointer = rules.answerMayShow ? undefined : pointersTo(pack, answer).find((p) => hints(rules.prompt, p));
  const home = countryOf(pack, answer.item.id);
  if (pointer && (pointer.id !== home || rules.otherCountry))
    return decline(`the text names ${pointer.name}, which points at the answer`);
  const country = rules.otherCountry ? countryOf(pack, answer.item.id) : undefined;
  // Two bodies named for one side ("Armed Forces of Armenia", "Armenian forces in Nagorno-Karabakh") read as one answer.
  const ownStems = answer.type === 'actor' && answer.item.kind !== 'person' ? stems(answer.item) : [];
  const allowed = (entity: Nameable) =>
    entity.item.id !== answer.item.id &&
    !rules.exclude.has(entity.item.id) &&
    (rules.looseCategory ? broadClass(entity) === broadClass(answer) : categoryOf(entity) === category) &&
    !related(pack, entity.item.id, answer.item.id) &&
    !(country && countryOf(pack, entity.item.id) === country) &&
    !(pointer && countryOf(pack, entity.item.id) !== home) &&
    !(rules.keepCountry && countryOf(pack, entity.item.id) !== rules.keepCountry) &&
    !stems(entity.item).some((w) => ownStems.includes(w)) &&
    !hints(rules.prompt, entity.item) &&
    // Nor anyone whose country the text names as another party ("bombed Azerbaijani cities": not Aliyev).
    !(entity.type === 'actor' && pointersTo(pack, entity).some((p) => p.id !== home && hints(rules.prompt, p))) &&
    // Nor a state whose own leader or body the text names ("Pashinyan appealed to ___": not Armenia).
    !(entity.type === 'actor' && entity.item.kind === 'state' && ownNamed(pack, entity.item.id, rules.prompt));
  const pool: { item: Nameable; weight: number }[] = [];
  for (const [id, count] of rules.answers) {
    const entity = entityOf(pack, id);
    if (entity && allowed(entity)) pool.push({ item: entity, weight: count });
  }
  const wanted = Math.min(3, pool.length);
  if (wanted < (rules.fewest ?? FEWEST_DISTRACTORS))
    return decline(
      `too few others of its kind (${category}) are right answers elsewhere to set against ${answer.item.name}`,
    );
  for (let attempt = 0; attempt < DRAW_ATTEMPTS; attempt++) {
    const drawn = drawWeighted(pool, wanted, random);
    const ids = drawn.map((e) => e.item.id);
    // Two options where one holds the other (a town and its district) could both be right.
    if (ids.some((a, i) => ids.some((b, j) => j > i && related(pack, a, b)))) continue;
    if (anyStandsOut([answer.item.name, ...drawn.map((e) => e.item.name)])) continue;
    return drawn.map((e) => entityOption(e.item, category));
  }
  return decline(`every choice of others to set against ${answer.item.name} leaves one option standing out by form`);
}

/** A person or body of the state that the text names. */
function ownNamed(pack: Pack, stateId: string, text: string): Actor | undefined {
  return [...pack.actors.values()].find((a) => a.country === stateId && hints(text, a));
}

/** The answer as an option, in its category. */
export function answerOption(entity: Nameable): Option {
  return entityOption(entity.item, categoryOf(entity));
}

export function asEntity(pack: Pack, id: string): Nameable | undefined {
  return entityOf(pack, id);
}

/** Every name the pack's reports, claims and quotes mention, with the word stems of its text around the gap. */
const gappedTexts = packCache((pack, _: 'all') => {
  const texts = [
    ...pack.data.facts.map((f) => ({ owner: f.id, text: f.statement })),
    ...pack.data.claims.map((c) => ({ owner: c.id, text: c.statement })),
    ...pack.data.quotes.map((q) => ({ owner: q.id, text: q.text })),
  ];
  const names = [...pack.actors.values(), ...pack.places.values()];
  const out: { owner: string; id: string; stems: Set<string> }[] = [];
  for (const { owner, text } of texts)
    for (const item of names) {
      const blanked = blankMentions(text, item);
      if (blanked !== undefined) out.push({ owner, id: item.id, stems: new Set(stemsOf(blanked)) });
    }
  return out;
});

/**
 * Names the pack says the same of elsewhere: "___ is opposing
 * Turkish-backed forces in Libya" asks for Russia, and another report
 * says France "opposed Turkish-backed forces in Libya". Every word stem of
 * the gapped text stands in another report, claim or quote with that name
 * blanked, so the name fits this gap too and cannot be a wrong option.
 */
export function saidAlsoOf(pack: Pack, gapped: string, ownId: string): Set<string> {
  const wanted = stemsOf(gapped.replace(GAP, ' '));
  const out = new Set<string>();
  if (wanted.length < 2) return out;
  for (const other of gappedTexts(pack, 'all'))
    if (other.owner !== ownId && wanted.every((s) => other.stems.has(s))) out.add(other.id);
  return out;
}
