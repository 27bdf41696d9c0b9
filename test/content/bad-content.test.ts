import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatProblem } from '../../src/content/errors.js';
import { loadPack } from '../../src/content/load.js';

const FIXTURE = path.resolve('test/fixtures/pack');

interface Case {
  name: string;
  file: string;
  /** Turns the valid file into a broken one. */
  edit: (text: string) => string;
  /** Expected problem; `@LINE(needle)` stands for the line of the first `needle` in the edited file. */
  expected: string;
}

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

const cases: Case[] = [
  {
    name: 'YAML that does not parse',
    file: 'entities.yaml',
    edit: replace('    outlet: World Socialist Web Site', '    outlet: [World Socialist Web Site'),
    expected: 'entities.yaml:@LINE(headline: Armenian-Azeri) : not valid YAML',
  },
  {
    // Parsers recurse per level: 20,000 would run the stack out and print a trace instead of a line.
    name: 'nesting deeper than any pack needs',
    file: 'entities.yaml',
    edit: (text) => `${text}\nfacts: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    expected: 'entities.yaml:@LINE(facts: [[[) : nested more than 64 levels deep',
  },
  {
    name: 'an unknown actor, with the nearest id suggested',
    file: 'events/2020.yaml',
    edit: replace('statedBy: azerbaijan-mod', 'statedBy: azerbaijan-mdo'),
    expected:
      'events/2020.yaml:@LINE(azerbaijan-mdo) claims[2].statedBy: unknown actor "azerbaijan-mdo" (did you mean "azerbaijan-mod"?)',
  },
  {
    name: 'an unknown source',
    file: 'events/2020.yaml',
    edit: replace(
      '    source: wsws-2020-09-28\n    excerpt: Armenia said',
      '    source: wsws-2020-09-29\n    excerpt: Armenia said',
    ),
    expected: 'events/2020.yaml:@LINE(wsws-2020-09-29) claims[0].source: unknown source "wsws-2020-09-29"',
  },
  {
    name: 'an unknown place in an event list',
    file: 'events/2020.yaml',
    edit: replace('places: [tavush, tovuz]', 'places: [tavush, toovuz]'),
    expected: 'events/2020.yaml:@LINE(toovuz) events[0].places[1]: unknown place "toovuz" (did you mean "tovuz"?)',
  },
  {
    name: 'an unknown episode',
    file: 'events/2020.yaml',
    edit: replace('episode: war-2020', 'episode: war-2021'),
    expected:
      'events/2020.yaml:@LINE(war-2021) events[1].episode: unknown episode "war-2021" (did you mean "war-2020"?)',
  },
  {
    name: 'a duplicate id in one collection',
    file: 'entities.yaml',
    edit: replace('  - id: crisis-group', '  - id: olesya-vartanyan'),
    expected:
      'entities.yaml:@LINE(id: olesya-vartanyan\n    name: International) actors[4].id: duplicate id "olesya-vartanyan"',
  },
  {
    name: 'a quote reusing a claim id',
    file: 'events/2020.yaml',
    edit: replace('  - id: quote-vartanyan-signals', '  - id: claim-armenia-killed-2020-09-27'),
    expected: 'quotes[0].id: duplicate id "claim-armenia-killed-2020-09-27" (already used by one of the claims)',
  },
  {
    name: 'a day that is not on the calendar',
    file: 'events/2020.yaml',
    edit: replace('date: 2020-09-27', 'date: 2020-02-30'),
    expected: 'events/2020.yaml:@LINE(2020-02-30) events[1].date: no such date on the calendar',
  },
  {
    name: 'a date in the wrong form',
    file: 'events/2020.yaml',
    edit: replace('asOf: 2020-09-28\n    kind: casualties', 'asOf: 27/09/2020\n    kind: casualties'),
    expected: 'events/2020.yaml:@LINE(27/09/2020) claims[0].asOf: a date is YYYY, YYYY-MM or YYYY-MM-DD',
  },
  {
    name: 'an end date before the start',
    file: 'events/2020.yaml',
    edit: replace('    date: 2020-09-27\n', '    date: 2020-09-27\n    endDate: 2020-09-20\n'),
    expected:
      'events/2020.yaml:@LINE(endDate: 2020-09-20) events[1].endDate: ends (2020-09-20) before it starts (2020-09-27)',
  },
  {
    name: 'a claim dated after its article',
    file: 'events/2020.yaml',
    edit: replace('asOf: 2020-09-28\n    kind: territory', 'asOf: 2020-10-05\n    kind: territory'),
    expected: 'claims[2].asOf: 2020-10-05 is after its source "wsws-2020-09-28" was published (2020-09-28)',
  },
  {
    name: 'one alias on two places',
    file: 'entities.yaml',
    edit: replace('aliases: [Tayush]', 'aliases: [Tayush, Toyuz]'),
    expected:
      'entities.yaml:@LINE(aliases: [Toyuz]) places[1].aliases[0]: "Toyuz" is also a name or alias of place "tavush"',
  },
  {
    name: 'an alias that differs only by accents and case',
    file: 'entities.yaml',
    edit: replace('    name: Alex Lantier', '    name: Alex Lantier\n    aliases: [ULAS ATESCI]'),
    expected: 'actors[6].aliases[0]: "ULAS ATESCI" is also a name or alias of actor "ulas-atesci"',
  },
  {
    name: 'two events with one title',
    file: 'events/2020.yaml',
    edit: replace('title: Large-scale fighting erupts over Nagorno-Karabakh', 'title: Clashes at Tavush and Tovuz'),
    expected:
      'events/2020.yaml:@LINE(title: Clashes at Tavush and Tovuz\n    date: 2020-09-27) events[1].title: "Clashes at Tavush and Tovuz" is also the title of event "tovuz-clashes-2020-07"; titles must tell events apart',
  },
  {
    name: 'a date question’s words that give the year away',
    file: 'events/2020.yaml',
    edit: replace(
      '    title: Clashes at Tavush and Tovuz\n',
      '    title: Clashes at Tavush and Tovuz\n    whenAsked: did the July clashes at Tavush and Tovuz begin\n',
    ),
    expected:
      'whenAsked: "did the July clashes at Tavush and Tovuz begin" names a year or a month: it gives the answer away',
  },
  {
    name: 'a date question’s words that do not read on from "In what year"',
    file: 'events/2020.yaml',
    edit: replace(
      '    title: Clashes at Tavush and Tovuz\n',
      '    title: Clashes at Tavush and Tovuz\n    whenAsked: Clashes at Tavush and Tovuz\n',
    ),
    expected: 'must read on from "In what year": start it with "did", "was" or "were"',
  },
  {
    name: 'a fact about an event kept as context that is itself still asked',
    file: 'events/2020.yaml',
    edit: replace(
      '    title: Clashes at Tavush and Tovuz\n',
      '    title: Clashes at Tavush and Tovuz\n    notAsked: background to the war, not asked\n',
    ),
    expected:
      'facts[0].notAsked: its event "tovuz-clashes-2020-07" is kept as context (notAsked), so this is too: add notAsked with the reason, or link another event',
  },
  {
    name: 'a quote of two words that is still asked',
    file: 'events/2020.yaml',
    edit: replace(
      'text: "There were numerous signals, all saw them and did nothing for weeks."',
      'text: "numerous signals"',
    ),
    expected:
      'quotes[0].notAsked: "numerous signals" is two words, a label rather than a statement: keep it as context (notAsked, with the reason) and quiz the claim that carries it',
  },
  {
    name: 'an account of a fight that contradicts no other side’s account',
    file: 'events/2020.yaml',
    edit: replace(
      '    status: unverified\n    event: war-begins-2020-09-27\n',
      "    account: the other side's forces attacked first\n    status: unverified\n    event: war-begins-2020-09-27\n",
    ),
    expected:
      'claims[0].account: an account is asked against the other side’s: list the claim it contradicts in `opposes`',
  },
  {
    name: 'an account tied to no fight',
    file: 'events/2020.yaml',
    edit: replace(
      '    status: unverified\n    event: war-begins-2020-09-27\n',
      "    account: the other side's forces attacked first\n    opposes: [claim-armenia-helicopters-2020-09-27]\n    status: unverified\n",
    ),
    expected: 'claims[0].account: an account is asked by the fight it tells of: give the claim its `event`',
  },
  {
    name: 'a claim without an excerpt',
    file: 'events/2020.yaml',
    edit: replace('    excerpt: Armenia said that there were 16 killed and over 100 injured…\n', '\n'),
    expected: 'claims[0].excerpt: is required (expected string)',
  },
  {
    name: 'an empty excerpt',
    file: 'events/2020.yaml',
    edit: replace(
      'excerpt: In July, Armenian-Azeri clashes erupted at Tayush in northeastern Armenia and the Toyuz district in Azerbaijan, killing 12 Azeri and four Armenian soldiers.',
      'excerpt: "  "',
    ),
    expected: 'events/2020.yaml:@LINE(excerpt: "  ") facts[0].excerpt: must not be empty',
  },
  {
    name: 'a misspelt field name',
    file: 'events/2020.yaml',
    edit: replace(
      'statedBy: armenia\n    asOf: 2020-09-28\n    kind: casualties',
      'stated_by: armenia\n    asOf: 2020-09-28\n    kind: casualties',
    ),
    expected: 'events/2020.yaml:@LINE(stated_by) claims[0].stated_by: unknown field "stated_by"',
  },
  {
    name: 'a status outside the list',
    file: 'events/2020.yaml',
    edit: replace(
      'status: unverified\n    event: war-begins-2020-09-27\n    source',
      'status: confirmed\n    event: war-begins-2020-09-27\n    source',
    ),
    expected: 'claims[0].status: expected one of "unverified", "disputed", "denied"',
  },
  {
    name: 'a country that is not a state',
    file: 'entities.yaml',
    edit: replace('    country: armenia\n    aliases: [Tayush]', '    country: azerbaijan-mod\n    aliases: [Tayush]'),
    expected: 'places[0].country: "azerbaijan-mod" is an actor but not a state; expected a state actor',
  },
  {
    name: 'an event with no source',
    file: 'events/2020.yaml',
    edit: replace('    sources: [wsws-2020-09-28]\n    evidence:', '    sources: []\n    evidence:'),
    expected: 'events[0].sources: an event needs at least one source',
  },
  {
    name: 'an event without evidence',
    file: 'events/2020.yaml',
    edit: (text) => text.replace(/ {4}evidence:\n {6}- source: wsws-2020-09-28\n {8}excerpt: In July[^\n]*\n/, ''),
    expected: 'events[0].evidence: is required (expected array)',
  },
  {
    name: 'an end date that does not say span or window',
    file: 'events/2020.yaml',
    edit: replace('    date: 2020-07\n', '    date: 2020-07\n    endDate: 2020-08\n'),
    expected: 'events[0].dateKind: an event with an end date says whether it is a span',
  },
  {
    name: 'a reported quote dated to a day its article does not give',
    file: 'events/2020.yaml',
    edit: replace('    date: 2020-09-28\n    dated: reported', '    date: 2020-09-27\n    dated: reported'),
    expected: "quotes[0].date: a reported quote carries its article's date (2020-09-28), not 2020-09-27",
  },
  {
    name: 'a latitude off the globe',
    file: 'entities.yaml',
    edit: replace('lat: 40.68', 'lat: 140.68'),
    expected: 'entities.yaml:@LINE(140.68) places[2].lat: Too big: expected number to be <=90',
  },
  {
    name: 'an id that is not lowercase-hyphenated',
    file: 'entities.yaml',
    edit: replace('  - id: ganja', '  - id: Ganja City'),
    expected: 'places[2].id: an id is lowercase words joined by hyphens, like "armenia-mod"',
  },
  {
    name: 'a negative figure',
    file: 'events/2020.yaml',
    edit: replace('{ value: 7, unit: villages seized }', '{ value: -7, unit: villages seized }'),
    expected: 'claims[2].figures[0].value: Too small: expected number to be >=0',
  },
];

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function brokenPack(c: Case): Promise<{ root: string; edited: string }> {
  dir = await mkdtemp(path.join(tmpdir(), 'chronicle-content-'));
  await cp(FIXTURE, dir, { recursive: true });
  const target = path.join(dir, c.file);
  const edited = c.edit(await readFile(target, 'utf8'));
  await writeFile(target, edited);
  return { root: dir, edited };
}

function expand(expected: string, edited: string): string {
  return expected.replace(/@LINE\(([^)]*)\)/s, (_, needle: string) => {
    const at = edited.indexOf(needle.replace(/\\n/g, '\n'));
    if (at < 0) throw new Error(`needle ${needle} not found`);
    return String(edited.slice(0, at).split('\n').length);
  });
}

describe('invalid content is refused with a message that names file, line and field', () => {
  it.each(cases)('$name', async (c) => {
    const { root, edited } = await brokenPack(c);
    const error = await loadPack(root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    const messages = (error as ContentError).problems.map(formatProblem);
    const expected = expand(c.expected, edited).replace(' : ', ': ');
    expect(messages.join('\n')).toContain(expected);
    // Every message is located: a relative path to the file and a line.
    for (const m of messages) expect(m).toMatch(/\.yaml:\d+[ :]/);
  });

  it('a folder without any pack.yaml says what a pack needs', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chronicle-content-'));
    await expect(loadPack(dir)).rejects.toThrow(/no \.yaml files found; a pack needs at least pack\.yaml/);
  });

  it('reports every problem at once, not just the first', async () => {
    const { root } = await brokenPack({
      name: 'two problems',
      file: 'events/2020.yaml',
      edit: (t) =>
        replace('episode: war-2020', 'episode: war-2021')(replace('statedBy: azerbaijan-mod', 'statedBy: nobody')(t)),
      expected: '',
    });
    const error = (await loadPack(root).catch((e: unknown) => e)) as ContentError;
    expect(error.problems.map((p) => p.path).sort()).toEqual(['claims[2].statedBy', 'events[1].episode']);
  });
});
