import { formatDate } from '../../content/dates.js';
import { foldName } from '../../content/normalize.js';
import type { Pack } from '../../content/pack.js';
import type { Actor, Role, Weapon } from '../../content/schema.js';
import { ancestry } from '../topics.js';
import { entityOption, mentions } from './finalize.js';
import type { Random } from './random.js';
import type { Difficulty, Draft } from './types.js';

const BODIES = new Set<Actor['kind']>([
  'organisation',
  'alliance',
  'media',
  'company',
  'government-body',
  'armed-force',
  'group',
]);

/** "President of the European Commission" half-names the European Union: a give-away. */
function sharesWord(title: string, names: string[]): boolean {
  const words = new Set(
    foldName(title)
      .split(' ')
      .filter((w) => w.length >= 5),
  );
  return names.some((n) =>
    foldName(n)
      .split(' ')
      .some((w) => words.has(w)),
  );
}

/** "X served as <title> for which of these?": a role sourced to an article, at a named body. */
export function roleOrganisation(pack: Pack, person: Actor, role: Role, random: Random): Draft | undefined {
  const body = role.of ? pack.actors.get(role.of) : undefined;
  if (!body || !BODIES.has(body.kind)) return undefined;
  if (mentions(role.title, [body.name, ...body.aliases]) || sharesWord(role.title, [body.name, ...body.aliases])) {
    return undefined;
  }
  const own = new Set(person.roles.map((r) => r.of).filter((id): id is string => id !== undefined));
  const around = ancestry(pack, body.id);
  const candidates = [...pack.actors.values()].filter(
    (a) =>
      BODIES.has(a.kind) &&
      a.id !== body.id &&
      !own.has(a.id) &&
      !around.has(a.id) &&
      !ancestry(pack, a.id).has(body.id) &&
      !mentions(role.title, [a.name, ...a.aliases]),
  );
  if (candidates.length < 3) return undefined;
  const ranked = candidates
    .map((a) => ({ a, score: (a.kind === body.kind ? 2 : 0) + (a.country && a.country === body.country ? 1 : 0) }))
    .sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id));
  const chosen = random.shuffle(ranked.slice(0, 5)).slice(0, 3);
  const mean = chosen.reduce((s, c) => s + c.score, 0) / 3;
  const difficulty: Difficulty = mean >= 2.5 ? 'hard' : mean >= 1.5 ? 'medium' : 'easy';
  const source = pack.sources.get(role.source);
  if (!source) return undefined;
  const when = role.asOf ?? source.date;
  const prompt = `According to ${source.outlet} (${formatDate(source.date)}), ${person.name} served as ${role.title} for which of these, as of ${formatDate(when)}?`;
  // "According to World Socialist Web Site, X served as journalist for ...": the prompt would name the answer.
  if (mentions(prompt, [body.name, ...body.aliases])) return undefined;
  return {
    kind: 'organisation-or-weapon',
    subject: `role:${person.id}:${body.id}`,
    prompt,
    correct: entityOption(body),
    distractors: chosen.map((c) => entityOption(c.a)),
    difficulty,
    explanation: `${person.name} was ${role.title} of ${body.name}, as of ${formatDate(when)}, according to ${source.outlet}. ${body.name}: ${body.description}`,
    sourceIds: [role.source],
    eventIds: [],
  };
}

/** Does the weapon's name give its maker country away ("Turkish-made ...")? */
function namesCountry(weapon: Weapon, country: Actor): boolean {
  const stem = foldName(country.name).slice(0, 5);
  const words = foldName([weapon.name, ...weapon.aliases].join(' ')).split(' ');
  return stem.length >= 4 && words.some((w) => w.startsWith(stem));
}

/** "Which country made the X?": the maker country as the pack records it, sourced to where the weapon appears. */
export function weaponMaker(pack: Pack, weapon: Weapon, random: Random): Draft | undefined {
  const maker = weapon.makerCountry ? pack.actors.get(weapon.makerCountry) : undefined;
  if (!maker) return undefined;
  const sourceIds = [
    ...pack.eventsInvolving(weapon.id).flatMap((e) => e.sources),
    ...pack.statementsConcerning(weapon.id).map((s) => s.source),
  ];
  if (sourceIds.length === 0) return undefined;
  const states = [...pack.actors.values()].filter((a) => a.kind === 'state' && a.id !== maker.id);
  if ([maker, ...states].some((s) => namesCountry(weapon, s))) return undefined;
  const makers = new Set([...pack.weapons.values()].map((w) => w.makerCountry));
  const ranked = states
    .map((a) => ({ a, score: makers.has(a.id) ? 1 : 0 }))
    .sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id));
  if (ranked.length < 3) return undefined;
  const chosen = random.shuffle(ranked.slice(0, 5)).slice(0, 3);
  const arms = chosen.filter((c) => c.score > 0).length;
  const difficulty: Difficulty = arms === 3 ? 'hard' : arms >= 1 ? 'medium' : 'easy';
  const by = weapon.maker ? ` (${weapon.maker})` : '';
  return {
    kind: 'organisation-or-weapon',
    subject: `weapon:${weapon.id}`,
    prompt: `The ${weapon.name} is named in the pack's reports. Which country made it?`,
    correct: entityOption(maker),
    distractors: chosen.map((c) => entityOption(c.a)),
    difficulty,
    explanation: `${weapon.name}: ${weapon.description} Made in ${maker.name}${by}.`,
    sourceIds,
    eventIds: pack
      .eventsInvolving(weapon.id)
      .map((e) => e.id)
      .slice(0, 5),
  };
}
