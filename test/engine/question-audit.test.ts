import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/content/load.js';
import type { Pack } from '../../src/content/pack.js';
import { auditQuestions } from '../../src/engine/questions/audit/audit.js';
import { scoreGuessers } from '../../src/engine/questions/audit/guessers.js';
import { POOL_RULES, QUESTION_RULES } from '../../src/engine/questions/audit/rules.js';
import { anyStandsOut } from '../../src/engine/questions/form.js';
import type { StoryRole } from '../../src/engine/questions/story-roles.js';
import type { Question } from '../../src/engine/questions/types.js';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('content/caucasus');
});

function question(over: Partial<Question>): Question {
  return {
    id: 'figure:x',
    kind: 'figure',
    difficulty: 'medium',
    prompt: 'Which number fills the gap? “___ killed”',
    options: ['10', '20', '30', '40'],
    answer: 1,
    explanation: 'An explanation.',
    evidence: [{ excerpt: 'at least 10 were killed.', outlet: 'An Outlet', date: '1 October 2020' }],
    sources: [],
    eventIds: [],
    facets: [{ category: 'number' }, { category: 'number' }, { category: 'number' }, { category: 'number' }],
    ...over,
  };
}

const fires = (name: string, q: Question) => QUESTION_RULES.find((r) => r.name === name)?.check(q, pack);
const poolFires = (name: string, qs: Question[]) => POOL_RULES.find((r) => r.name === name)?.check(qs, pack) ?? [];

describe('question rules', () => {
  it('pass a clean question', () => {
    for (const rule of QUESTION_RULES) expect(rule.check(question({}), pack)).toBeUndefined();
  });

  it('explanation/spellings: a place is named in at most three spellings, a longer name of the same one not counted', () => {
    expect(
      fires('explanation/spellings', question({ explanation: 'Clashes at Tovuz (Toyuz) in the Tovuz district.' })),
    ).toBeUndefined();
    const many = 'Fighting in Nagorno-Karabakh (Artsakh, Mountainous Karabakh, Nagorny Karabakh).';
    expect(fires('explanation/spellings', question({ explanation: many }))).toBe(
      'the explanation names 4 spellings of Nagorno-Karabakh',
    );
  });

  it('explanation/evidence: every reveal quotes a sentence of an article', () => {
    expect(fires('explanation/evidence', question({ evidence: [] }))).toBe(
      'the reveal quotes no sentence of an article',
    );
  });

  it('one-answer/relayed-speech: the principal of relayed words may not be an option', () => {
    const q = question({
      kind: 'quote-speaker',
      subjects: ['quote-demmer-merkel-call-2020-10-03'],
      options: ['Ulrike Demmer', 'Angela Merkel', 'Ned Price', 'Emmanuel Macron'],
      facets: ['ulrike-demmer', 'angela-merkel', 'ned-price', 'emmanuel-macron'].map((entity) => ({
        category: 'person',
        entity,
      })),
      answer: 0,
    });
    expect(fires('one-answer/relayed-speech', q)).toMatch(/Angela Merkel/);
  });

  it('one-answer/bare-figures: a bounded figure as an option would make lower bounds true too', () => {
    expect(
      fires(
        'one-answer/bare-figures',
        question({ options: ['over 25,000', 'over 30,000', 'over 35,000', 'over 40,000'] }),
      ),
    ).toBeDefined();
  });

  it('one-answer/bound-implies: below "over ___" or above "up to ___" an option is true as well', () => {
    const numbers = (values: number[]) => values.map((value) => ({ category: 'number', value }));
    const over = question({ prompt: '“…led to over ___ deaths.”', options: ['10', '20', '30', '40'] });
    expect(fires('one-answer/bound-implies', { ...over, facets: numbers([10, 20, 30, 40]) })).toMatch(
      /"over ___" holds for 10 too, when 20 is right/,
    );
    expect(
      fires('one-answer/bound-implies', { ...over, answer: 0, facets: numbers([10, 20, 30, 40]) }),
    ).toBeUndefined();
    const upTo = question({ prompt: '“up to ___ people”', answer: 3, facets: numbers([10, 20, 30, 40]) });
    expect(fires('one-answer/bound-implies', upTo)).toBeUndefined();
    expect(fires('one-answer/bound-implies', { ...upTo, answer: 2 })).toMatch(/holds for 40 too/);
  });

  it('one-answer/dates-apart: two overlapping dates cannot both be wrong', () => {
    const facets = [
      ['2020-10-01', '2020-10-05'],
      ['2020-10-04', '2020-10-04'],
      ['2020-11-01', '2020-11-01'],
      ['2020-12-01', '2020-12-01'],
    ].map((span) => ({ category: 'date', span: span as [string, string] }));
    expect(fires('one-answer/dates-apart', question({ facets }))).toBeDefined();
  });

  it('one-answer/places-apart: a place and the district it sits in cannot both be options', () => {
    const facets = ['ganja', 'azerbaijan-country', 'baku', 'riga'].map((entity) => ({ category: 'place', entity }));
    expect(fires('one-answer/places-apart', question({ facets }))).toBeDefined();
  });

  it('form/one-category: a head of state among think-tanks stands out', () => {
    const facets = ['person:leader', 'organisation', 'organisation', 'organisation'].map((category) => ({ category }));
    expect(fires('form/one-category', question({ facets }))).toBeDefined();
  });

  it('form/shape: a span among single dates is picked by its shape', () => {
    const q = question({
      options: ['5 October 2020', '27 September 2020 – 4 October 2020', '12 October 2020', '19 October 2020'],
    });
    expect(fires('form/shape', q)).toBeDefined();
  });

  it('form/length: an answer twice as long as every other option', () => {
    const q = question({ options: ['Baku', 'Ganja and the towns around it in the north', 'Goris', 'Sotk'] });
    expect(fires('form/length', q)).toBeDefined();
  });

  it('wording rules: reference lists, units in the wrong template, number agreement, quoted titles, answers in the lead-in', () => {
    expect(
      fires('wording/no-reference-list', question({ prompt: 'How many (concerning Armenia, S-300)?' })),
    ).toBeDefined();
    expect(
      fires('wording/unit-template', question({ prompt: 'what was the number of percent of GDP?' })),
    ).toBeDefined();
    expect(
      fires('wording/number-agreement', question({ prompt: 'Armenia gave a figure of 1 warplanes destroyed.' })),
    ).toBeDefined();
    expect(
      fires(
        'wording/title-not-speech',
        question({ prompt: 'When? “Ganja shelled”', eventIds: ['ganja-shelling-2020-10-03'] }),
      ),
    ).toBeDefined();
    const lead = question({
      kind: 'claim-speaker',
      prompt: 'Who fills the gap? Armenia said ___ accused Azerbaijan.',
      options: ['Armenia', 'Russia', 'Iran', 'Turkey'],
      answer: 0,
      facets: ['armenia', 'russia', 'iran', 'turkey'].map((entity) => ({ category: 'state', entity })),
    });
    expect(fires('wording/lead-in-hides-answer', lead)).toBeDefined();
  });

  it('wording/when-said: words reported in an article are not dated as said that day', () => {
    const quote = pack.data.quotes.find((q) => q.dated === 'reported');
    expect(quote).toBeDefined();
    const q = question({ kind: 'quote-speaker', subjects: [quote?.id as string], prompt: `Who said this, on ${'x'}?` });
    const day = Number(quote?.date.slice(8));
    const month = new Date(`${quote?.date}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    q.prompt = `Who said this, on ${day} ${month} ${quote?.date.slice(0, 4)}? “words”`;
    expect(fires('wording/when-said', q)).toBeDefined();
  });

  it('explanation/in-pack: a date the pack never gives', () => {
    expect(fires('explanation/in-pack', question({ explanation: 'Announced on 17 July 2020.' }))).toBeUndefined();
    expect(fires('explanation/in-pack', question({ explanation: 'Announced on 3 March 2021.' }))).toBeDefined();
  });

  it('difficulty/same-episode: a hard order question padded with another episode’s events', () => {
    const q = question({
      kind: 'which-first',
      difficulty: 'hard',
      eventIds: ['tovuz-clashes-2020-07-12', 'ganja-shelling-2020-10-03'],
    });
    expect(fires('difficulty/same-episode', q)).toBeDefined();
  });
});

describe('pool rules', () => {
  const many = (n: number, make: (i: number) => Partial<Question>) =>
    Array.from({ length: n }, (_, i) => question({ id: `figure:q${i}`, ...make(i) }));

  it('form/uniform-position: the answer always first', () => {
    expect(
      poolFires(
        'form/uniform-position',
        many(40, () => ({ answer: 0 })),
      ),
    ).not.toEqual([]);
    expect(
      poolFires(
        'form/uniform-position',
        many(40, (i) => ({ answer: i % 4 })),
      ),
    ).toEqual([]);
  });

  it('form/never-right-distractor: an option offered again and again and never right', () => {
    const qs = many(6, (i) => ({ options: [`a${i}`, 'Karim Valiyev', `b${i}`, `c${i}`], answer: 0 }));
    expect(poolFires('form/never-right-distractor', qs).join()).toMatch(/Karim Valiyev/);
  });

  it('form/quote-speakers-only: someone with no quote offered as a speaker', () => {
    const facets = ['nikol-pashinyan', 'ilham-aliyev', 'wsws', 'emmanuel-macron'].map((entity) => ({
      category: 'person',
      entity,
    }));
    const qs = many(1, () => ({ kind: 'quote-speaker', facets }));
    expect(poolFires('form/quote-speakers-only', qs).join()).toMatch(/World Socialist Web Site/);
  });

  it('identity/stable: a question whose answer changes when rebuilt', () => {
    const qs = [
      question({ id: 'true-false:c', options: ['True', 'False'], answer: 0 }),
      question({ id: 'true-false:c', options: ['True', 'False'], answer: 1 }),
    ];
    expect(poolFires('identity/stable', qs)).not.toEqual([]);
  });
});

describe('blind guessers', () => {
  it('catch an answer that is always the smallest number, and one always first', () => {
    const smallest = Array.from({ length: 40 }, (_, i) =>
      question({ id: `figure:s${i}`, options: ['40', '30', '20', '10'].map((o) => `${Number(o) + i}`), answer: 3 }),
    );
    const score = scoreGuessers(smallest);
    expect(score.find((g) => g.name === 'smallest number')?.ratio).toBeGreaterThan(3);
    expect(score.find((g) => g.name === 'position 4')?.ratio).toBeGreaterThan(3);
  });

  it('catch order questions answered by the one opening or closing of a story read on its face', () => {
    const facets = (roles: StoryRole[]) => roles.map((role) => ({ category: 'event', role }));
    const first = Array.from({ length: 40 }, (_, i) =>
      question({
        id: `which-first:o${i}`,
        kind: 'which-first',
        prompt: 'Which of these happened first?',
        options: ['Azerbaijan declares a state of siege', `a strike report ${i}`, `a call ${i}`, `a gas deal ${i}`],
        answer: 0,
        facets: facets(['measure', 'words', 'sequel', 'words']),
      }),
    );
    expect(scoreGuessers(first).find((g) => g.name === 'story role')?.ratio).toBeGreaterThan(3);
  });

  it('see through a distractor that recurs across the pool but is never right', () => {
    const qs = Array.from({ length: 400 }, (_, i) => {
      const options = [`right ${i}`, 'Always wrong', `other ${i}`, `third ${i}`];
      return question({ id: `figure:p${i}`, options, answer: 0 });
    });
    // The pool-seen guesser cannot tell the three fresh options apart, but it never picks the recurring one.
    expect(scoreGuessers(qs).find((g) => g.name === 'has seen the pool')?.ratio).toBeGreaterThan(1.2);
  });
});

describe('the audit', () => {
  it('builds the whole pool and reports each kind, coverage and the heaviest and lightest questions', () => {
    const report = auditQuestions(pack, 2);
    expect(report.kinds.map((k) => k.kind)).toContain('report-gap');
    expect(report.coverage.map((c) => c.type)).toEqual(['events', 'claims', 'quotes', 'facts', 'places']);
    expect(report.heaviest).toHaveLength(20);
    expect(report.lightest).toHaveLength(20);
    expect(report.heaviest[0]?.weight ?? 0).toBeGreaterThanOrEqual(report.lightest[0]?.weight ?? 0);
    for (const c of report.coverage) for (const m of c.missing) expect(m.reason.length).toBeGreaterThan(10);
  });

  it('passes on both packs it is run on in CI: the curated one and the small Apollo pack, whose six figures hold one bound', async () => {
    expect(auditQuestions(pack).violations).toEqual([]);
    expect(auditQuestions(await loadPack('test/fixtures/apollo')).violations).toEqual([]);
  });
});

describe('coverage reasons', () => {
  it('names each item no question is about with the reason each kind gave', () => {
    const report = auditQuestions(pack, 1);
    const reason = (type: string, id: string) =>
      report.coverage.find((c) => c.type === type)?.missing.find((m) => m.id === id)?.reason;
    expect(reason('quotes', 'quote-chp-armenian-attack-2020-09')).toMatch(
      /^quote-speaker: the curator keeps it as context/,
    );
    expect(reason('quotes', 'quote-nato-cease-hostilities-2020-09-27')).toMatch(/^quote-speaker: a fragment/);
    expect(reason('claims', 'claim-wsws-bayraktar-tipped-balance')).toMatch(/outlet’s own view/);
    for (const c of report.coverage) for (const m of c.missing) expect(m.reason, m.id).not.toBe('');
    expect(report.violations.filter((v) => v.rule === 'coverage/reasoned')).toEqual([]);
  });
});

describe('option form', () => {
  it('finds the one option shaped, ending or sized unlike the rest', () => {
    expect(anyStandsOut(['Goris', 'Sotk', 'Ganja', 'Ashaghi Maralyan'])).toBe(true);
    expect(anyStandsOut(['30 September 2020', '2 October 2020', '3 October 2020', '13 September 2022'])).toBe(true);
    expect(
      anyStandsOut([
        'Ganja shelled',
        'Merkel telephones Pashinyan',
        'Border clashes continue and the Armenian side reports many casualties',
      ]),
    ).toBe(true);
    expect(anyStandsOut(['2 October 2020', '3 October 2020', '13 September 2022', '14 September 2022'])).toBe(false);
    expect(anyStandsOut(['True', 'False'])).toBe(false);
  });
});
