import type { Pack } from '../../content/pack.js';
import type { Claim } from '../../content/schema.js';
import { packCache } from '../../core/pack-memo.js';
import { attributeClaim } from '../attribution.js';
import { ancestry } from '../topics.js';
import { settle, tally } from './answer-counts.js';
import { contextOnly } from './context-only.js';
import { answerOption, blankMentions, countryOf, entityDistractors, GAP, hints, pointersTo } from './gaps.js';
import { type Random, seededRandom, seedOf } from './random.js';
import { bystanderWords, whoSaidVariant } from './true-false.js';
import { type Declined, type Difficulty, type Draft, decline, isDeclined, type Option } from './types.js';
import { articleOf, BACK_REFERENCE, grammarOf, wordsAround } from './wording.js';

/**
 * The claim with its speaker's one name blanked, unless the article is the
 * speaker's own ("As reported in WSWS's article: ___ reported that …").
 */
export function speakerSlot(pack: Pack, claim: Claim): string | Declined {
  const speaker = pack.actors.get(claim.statedBy);
  if (!speaker) return decline('its speaker is not in the pack');
  if (hints(articleOf(pack, claim.source), speaker))
    return decline(
      'the outlet’s own view in its own article: asking who holds it names the answer, and an outlet’s opinion is not taught as content',
    );
  return (
    blankMentions(claim.statement, speaker) ??
    decline(`the statement does not name ${speaker.name} in a form that could be blanked`)
  );
}

/** The slot as a who-said gap: only when nothing else in the text points at the speaker. */
export function speakerGap(pack: Pack, claim: Claim): string | Declined {
  const speaker = pack.actors.get(claim.statedBy);
  const text = speakerSlot(pack, claim);
  if (isDeclined(text) || !speaker) return text;
  return hints(text, speaker) ? decline(`the rest of the statement points at ${speaker.name}`) : text;
}

/** Words that describe an office: a name set beside them must hold it. */
const ROLE_WORDS =
  /\b(president|prime minister|minister|ministry|spokes(man|woman|person)|leader|head|chief|secretary|official|lawmaker|deputy|ambassador|commander|general|analyst|expert|resident)s?\b/i;

const FAMILY: Record<Claim['kind'], string> = {
  casualties: 'battlefield',
  'equipment-losses': 'battlefield',
  territory: 'battlefield',
  'military-action': 'battlefield',
  forces: 'battlefield',
  arms: 'battlefield',
  responsibility: 'stance',
  diplomatic: 'stance',
  political: 'stance',
  economic: 'stance',
  humanitarian: 'humanitarian',
  other: 'other',
};

/**
 * Claims of one family are made by the same sort of speaker, so only they
 * are set against each other: a ministry's count of destroyed drones
 * against another who counts losses, never against a group of lawmakers.
 */
export function claimFamily(claim: Claim): string {
  return FAMILY[claim.kind];
}

/**
 * Everyone who would also be right: whoever made a claim of the same kind
 * on the same event (two ministries both blaming the other side), and what
 * they belong to.
 */
function coClaimants(pack: Pack, claim: Claim): Set<string> {
  const out = new Set<string>();
  for (const other of pack.data.claims) {
    if (other.kind !== claim.kind || (other.event ?? other.id) !== (claim.event ?? claim.id)) continue;
    for (const id of ancestry(pack, other.statedBy)) out.add(id);
  }
  return out;
}

interface SpeakerDraw {
  /** Right answers to draw from (default: the pack's settled tally). */
  answers?: ReadonlyMap<string, number>;
  /** One wrong speaker is enough for a True/False swap. */
  fewest?: number;
  /** True/False shows a speaker either way, so the text may point at the real one. */
  answerMayShow?: boolean;
  looseCategory?: boolean;
  keepCountry?: string;
}

function speakerOptions(
  pack: Pack,
  claim: Claim,
  prompt: string,
  random: Random,
  draw: SpeakerDraw = {},
): Option[] | Declined {
  const speaker = pack.actors.get(claim.statedBy);
  if (!speaker) return decline('its speaker is not in the pack');
  const exclude = coClaimants(pack, claim);
  exclude.delete(speaker.id);
  return entityDistractors(
    pack,
    { type: 'actor', item: speaker },
    {
      answers: draw.answers ?? claimSpeakerAnswers(pack, claimFamily(claim)),
      prompt,
      exclude,
      otherCountry: speaker.kind !== 'person',
      fewest: draw.fewest,
      answerMayShow: draw.answerMayShow,
      looseCategory: draw.looseCategory,
      keepCountry: draw.keepCountry,
    },
    random,
  );
}

/** "Who fills the gap? As reported in …: ___ accused Azerbaijan of starting the fighting." */
export function claimSpeaker(
  pack: Pack,
  claim: Claim,
  random: Random,
  answers?: ReadonlyMap<string, number>,
): Draft | Declined {
  const text = speakerGap(pack, claim);
  const speaker = pack.actors.get(claim.statedBy);
  if (isDeclined(text)) return text;
  if (!speaker) return decline('its speaker is not in the pack');
  // "___ said its defence ministry…": the pronoun fits only the singular options.
  if (BACK_REFERENCE.test(text)) return decline('a pronoun points back at the gap and fits only some names');
  const prompt = `Who fills the gap? As reported in ${articleOf(pack, claim.source)}: ${text}`;
  const distractors = speakerOptions(pack, claim, prompt, random, { answers });
  if (isDeclined(distractors)) return distractors;
  // From the claim alone: a disputed claim is harder to pin on its maker.
  const difficulty: Difficulty = claim.opposes.length > 0 ? 'hard' : 'medium';
  return {
    kind: 'claim-speaker',
    subject: claim.id,
    prompt,
    correct: answerOption({ type: 'actor', item: speaker }),
    distractors,
    difficulty,
    explanation: attributeClaim(pack, claim),
    sourceIds: [claim.source],
    eventIds: claim.event ? [claim.event] : [],
    subjects: [claim.id],
  };
}

/** "The press service said …" reads "reports that the press service said …". */
function asClause(sentence: string): string {
  return sentence.replace(/^(The|A|An|Several|Some|Officials)\b/, (w) => w.toLowerCase()).replace(/[.]$/, '');
}

/**
 * True or false on who made a claim. The false variant puts another
 * speaker, one who would be a wrong answer to the who-said question, in
 * the speaker's place; each variant has an id of its own, so a question
 * rebuilt from its id keeps its answer.
 */
export function trueFalse(pack: Pack, claim: Claim, truth: boolean): Draft | Declined {
  // The text may point at the speaker ("said Armenian forces opened fire"): the question is whether the article says it was them.
  const text = speakerSlot(pack, claim);
  const speaker = pack.actors.get(claim.statedBy);
  if (isDeclined(text)) return text;
  if (!speaker) return decline('its speaker is not in the pack');
  const bystander = bystanderWords(speaker);
  if (bystander) return bystander;
  // Each side blames the other: "Armenia accused Azerbaijan" is True to anyone, and any other speaker
  // in its place is an ally blaming its friend or a bystander taking a side it never took.
  if (claim.kind === 'responsibility')
    return decline('who blamed whom follows from the sides: true to anyone, and false with any other speaker');
  // A side's own count of its losses or gains, with another speaker in its place, reads as nonsense.
  if (claimFamily(claim) === 'battlefield')
    return decline(
      'a report from the battlefield is asked by its figures: another speaker in its place would read as nonsense',
    );
  // "Iranian President ___", "___, head of the Armenian authority": another name there would contradict its description.
  const around = wordsAround(text, GAP, 4);
  const described = [speaker, ...pointersTo(pack, { type: 'actor', item: speaker })].find((p) => hints(around, p));
  if (described)
    return decline(
      `the words around the speaker name ${described.name}, so another speaker there would contradict them`,
    );
  if (ROLE_WORDS.test(wordsAround(text, GAP, 3)) || text.includes(`${GAP},`))
    return decline(
      'the words around the speaker describe their office, so another speaker there would contradict them',
    );
  // "He said…" after a person: another person could be a she.
  const backRef = BACK_REFERENCE.test(text);
  if (backRef && speaker.kind === 'person')
    return decline('a pronoun points back at a person, whose replacement might not fit it');
  // The text names the speaker's country elsewhere ("to stress French support"): the wrong speaker must share it.
  const home = countryOf(pack, speaker.id);
  const pointer = pointersTo(pack, { type: 'actor', item: speaker }).find((p) => hints(text, p));
  if (pointer && pointer.id !== home)
    return decline(`the statement names ${pointer.name}, which only its speaker speaks for`);
  const lead = `True or false: ${articleOf(pack, claim.source)} reports that `;
  // Both variants or neither: a claim asked only as True would make True the better guess.
  const others = speakerOptions(pack, claim, `${lead}${text}`, seededRandom(seedOf(claim.id)), {
    answers: claimSpeakersOf(pack, `${claimFamily(claim)}@${claim.source}`),
    fewest: 1,
    answerMayShow: true,
    looseCategory: true,
    keepCountry: pointer ? home : undefined,
  });
  if (isDeclined(others)) return others;
  // "their full support", "its forces": the wrong speaker must take the same pronoun.
  const wrong = others
    .map((o) => pack.actors.get(o.facet?.entity ?? ''))
    .find((a) => a !== undefined && (!backRef || grammarOf(a) === grammarOf(speaker)));
  if (!wrong) return decline('no other speaker who would fit the statement’s words in its speaker’s place');
  return whoSaidVariant({
    item: claim,
    truth,
    speaker,
    wrong,
    say: (name) =>
      `${lead}${asClause(text.split(GAP).join(name))}. (True means the article reports it, not that it is so.)`,
    attribution: attributeClaim(pack, claim),
    source: claim.source,
  });
}

/** Per family of claim: who reports battlefield results is set against others who do, not against lawmakers. */
const claimSpeakerAnswers = packCache((pack, family: string) =>
  settle(
    pack.data.claims
      .filter((c) => claimFamily(c) === family && !contextOnly(c) && !isDeclined(speakerGap(pack, c)))
      .map((c) => ({ answer: c.statedBy, build: (answers, r) => claimSpeaker(pack, c, r, answers) })),
  ),
);

/**
 * Everyone the same article reports making a claim of the family ("stance@wsws-2020-10-01"): the
 * True/False swap needs a believable speaker from the same report, not a right answer.
 */
const claimSpeakersOf = packCache((pack, familyAtSource: string) =>
  tally(pack.data.claims.filter((c) => `${claimFamily(c)}@${c.source}` === familyAtSource).map((c) => c.statedBy)),
);
