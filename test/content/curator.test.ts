import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { earthPoint } from '../../src/content/coordinates.js';
import { ContentError } from '../../src/content/errors.js';
import { loadPack } from '../../src/content/load.js';
import type { Place } from '../../src/content/schema.js';
import { verifyExcerpts } from '../../src/content/verify.js';
import { formatAmount, formatFigure } from '../../src/engine/attribution.js';
import { categoriesIn } from '../../src/pictures/categories.js';

const run = promisify(execFile);
const chronicle = (...args: string[]) =>
  run('node', ['bin/chronicle.js', ...args]).catch((e: { code: number; stdout: string; stderr: string }) => e);

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** A fresh starter pack, as `chronicle content new` writes it, in a folder of its own. */
async function starter(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'chronicle-curator-'));
  dirs.push(parent);
  const dir = path.join(parent, 'bridge-pack');
  const made = await chronicle('content', 'new', dir);
  expect(made).toMatchObject({ stdout: expect.stringContaining('wrote ') });
  return dir;
}

async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, file);
  const text = await readFile(full, 'utf8');
  if (!text.includes(from)) throw new Error(`starter ${file} no longer contains ${JSON.stringify(from)}`);
  await writeFile(full, text.replace(from, to));
}

async function lineOf(dir: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
  return lines.findIndex((l) => l.includes(needle)) + 1;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadPack(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`);
  }
}

describe('a curator starting a pack', () => {
  it('gets a starter pack from `content new` that `content check` passes as written, excerpts verified beside it', async () => {
    const dir = await starter();
    const checked = await chronicle('content', 'check', dir);
    expect(checked).toMatchObject({
      stdout: expect.stringMatching(
        /^ok: bridge-pack \(1 sources, 3 actors, 1 places, 1 things, 1 events, 2 claims, 1 quotes, 1 facts\); every excerpt stands word for word/,
      ),
    });
  });

  it('is refused a folder that already holds files, so nothing is overwritten', async () => {
    const dir = await starter();
    const again = await chronicle('content', 'new', dir);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });
  });
});

describe('content check, where an excerpt fails', () => {
  it('names the file and line, how far the text matched, and both texts where they part; and never says ok', async () => {
    const dir = await starter();
    await edit(
      dir,
      'events.yaml',
      'excerpt: The town council put the crowd at about',
      'excerpt: The town council put the crowd at around',
    );
    const line = await lineOf(dir, 'events.yaml', 'put the crowd at around');
    const checked = await chronicle('content', 'check', dir);
    expect(checked).toMatchObject({ code: 1 });
    const { stdout, stderr } = checked as { stdout: string; stderr: string };
    expect(stdout).not.toMatch(/^ok/m);
    expect(stderr).toContain(
      `events.yaml:${line} claim claim-council-crowd-2024-03-13: excerpt does not stand word for word in gazette-2024-03-14.txt: the first 35 characters match`,
    );
    expect(stderr).toContain('yours:   …own council put the crowd at a⟨here⟩round 2,000 people.');
    expect(stderr).toContain('article: …own council put the crowd at a⟨here⟩bout 2,000 people.');
    expect(stderr).toContain('not ok: bridge-pack: 1 excerpt does not stand in its article');
  });

  it('tells a quote whose words differ from its own excerpt apart from an excerpt that is not in the article', async () => {
    const dir = await starter();
    await edit(
      dir,
      'events.yaml',
      'text: The new bridge joins the two halves',
      'text: The new bridge joins both halves',
    );
    const checked = (await chronicle('content', 'check', dir)) as { code: number; stderr: string };
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(
      'the quote text does not stand word for word in its own excerpt (punctuation included)',
    );
    expect(checked.stderr).toContain('text:    The new bridge joins ⟨here⟩both halves of our town');
    expect(checked.stderr).toMatch(/not ok: bridge-pack: 1 quote text is not inside its excerpt$/m);
  });
});

describe('an excerpt that starts inside a sentence', () => {
  it('must say so with a leading "…", so a reveal never passes a fragment off as a whole sentence', async () => {
    const dir = await starter();
    await edit(dir, 'events.yaml', 'excerpt: The town council put the crowd', 'excerpt: council put the crowd');
    const problems = await verifyExcerpts(await loadPack(dir));
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'claim-council-crowd-2024-03-13',
        problem:
          'excerpt starts inside a sentence of gazette-2024-03-14.txt, after "…ny on the east bank. The town ": begin it with "…" so a reader knows words come before it',
      }),
    ]);
    await edit(dir, 'events.yaml', 'excerpt: council put the crowd', 'excerpt: …council put the crowd');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
  });

  it('takes a bracketed name for the sentence’s first words, as quoting does, but not in mid-sentence', async () => {
    const dir = await starter();
    // Quoted: a bare [ opens a YAML list.
    const line = 'excerpt: The town council put the crowd at about 2,000 people.';
    await edit(dir, 'events.yaml', line, 'excerpt: "[Millbrook council] put the crowd at about 2,000 people."');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
    await edit(dir, 'events.yaml', '"[Millbrook council] put the crowd', '"[The council] the crowd');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([
      expect.objectContaining({ id: 'claim-council-crowd-2024-03-13', fault: 'unmarked-start' }),
    ]);
  });

  it('takes the bracketed name after the quotation mark that opens the sentence, or after "…"', async () => {
    const dir = await starter();
    await edit(dir, 'articles/gazette-2024-03-14.txt', '"The new bridge joins', '"It joins');
    await edit(
      dir,
      'events.yaml',
      'text: The new bridge joins the two halves of our town',
      'text: "[The new bridge] joins the two halves of our town"',
    );
    await edit(dir, 'events.yaml', 'excerpt: "\\"The new bridge joins', 'excerpt: "\\"[The new bridge] joins');
    await edit(
      dir,
      'events.yaml',
      'excerpt: The bridge replaces the Millbrook ferry, which had carried',
      'excerpt: "…[the Millbrook ferry] had carried',
    );
    await edit(dir, 'events.yaml', 'across the river since 1890.\n', 'across the river since 1890."\n');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
    // The quotation mark is the article's: a curly one where the article prints a straight one is not.
    await edit(dir, 'events.yaml', 'excerpt: "\\"[The new bridge] joins', 'excerpt: "“[The new bridge] joins');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([
      expect.objectContaining({ id: 'quote-ortiz-two-halves-2024-03-13', fault: 'unmarked-start' }),
    ]);
  });

  it('must end with "…" where it stops inside a sentence, and needs none where the sentence ends', async () => {
    const dir = await starter();
    await edit(dir, 'events.yaml', 'opened to the public yesterday…', 'opened to the public yesterday');
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([
      expect.objectContaining({
        id: 'footbridge-opens-2024-03-13',
        fault: 'unmarked-end',
        problem: expect.stringContaining(
          'evidence 1 stops inside a sentence of gazette-2024-03-14.txt, before ", three years after',
        ),
      }),
    ]);
    await edit(
      dir,
      'events.yaml',
      'opened to the public yesterday',
      'opened to the public yesterday, three years after work on it began.',
    );
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
  });

  it('must end with "…" where a quotation closes on a comma and its sentence goes on', async () => {
    const dir = await starter();
    const cut = (excerpt: string) => `    evidence:\n      - source: gazette-2024-03-14\n        excerpt: ${excerpt}\n`;
    await edit(dir, 'events.yaml', '    evidence:\n', cut(`'"The new bridge joins the two halves of our town,"'`));
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([
      expect.objectContaining({
        id: 'footbridge-opens-2024-03-13',
        fault: 'unmarked-end',
        problem: expect.stringContaining('stops inside a sentence of gazette-2024-03-14.txt, before " Ortiz said at'),
      }),
    ]);
    await edit(dir, 'events.yaml', `of our town,"'`, `of our town,"…'`);
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
  });

  it('needs no mark after a dateline, where the first sentence starts', async () => {
    const dir = await starter();
    const article = 'articles/gazette-2024-03-14.txt';
    await edit(
      dir,
      article,
      'The Millbrook footbridge opened',
      'MILLBROOK, Wessex, March 14 — The Millbrook footbridge opened',
    );
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
  });
});

describe('content check --no-articles', () => {
  it('checks everything but the excerpts, and says so, where the articles are not at hand', async () => {
    const dir = await starter();
    await rm(path.join(dir, 'articles', 'gazette-2024-03-14.txt'));
    expect(await chronicle('content', 'check', dir)).toMatchObject({ code: 1 });
    expect(await chronicle('content', 'check', dir, '--no-articles')).toMatchObject({
      stdout: expect.stringContaining(
        'ok: bridge-pack (1 sources, 3 actors, 1 places, 1 things, 1 events, 2 claims, 1 quotes, 1 facts); excerpts not checked against the articles (--no-articles)',
      ),
    });
  });
});

describe("a source's textFile", () => {
  it('is read beside the file that names it, or as given when absolute', async () => {
    const dir = await starter();
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
    const absolute = path.join(dir, 'articles', 'gazette-2024-03-14.txt');
    await edit(dir, 'sources.yaml', 'textFile: articles/gazette-2024-03-14.txt', `textFile: ${absolute}`);
    expect(await verifyExcerpts(await loadPack(dir))).toEqual([]);
  });

  it('falls back to the --seeds folder, and when found nowhere names every path it tried, once for the source', async () => {
    const dir = await starter();
    await edit(dir, 'sources.yaml', 'textFile: articles/gazette-2024-03-14.txt', 'textFile: gazette-2024-03-14.txt');
    expect(await verifyExcerpts(await loadPack(dir), path.join(dir, 'articles'))).toEqual([]);
    const problems = await verifyExcerpts(await loadPack(dir), '/nowhere');
    expect(problems).toEqual([
      expect.objectContaining({
        type: 'source',
        id: 'gazette-2024-03-14',
        line: await lineOf(dir, 'sources.yaml', 'textFile:'),
        problem: `textFile "gazette-2024-03-14.txt" not found; tried ${path.join(dir, 'gazette-2024-03-14.txt')}, /nowhere/gazette-2024-03-14.txt`,
      }),
    ]);
  });
});

describe('rules the checker enforces', () => {
  it("ends a quote's text with the words spoken, not the comma the article puts after them", async () => {
    const dir = await starter();
    await edit(
      dir,
      'events.yaml',
      'text: The new bridge joins the two halves of our town',
      'text: "The new bridge joins the two halves of our town,"',
    );
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'of our town,"')} quote text ends in a comma ("…the two halves of our town,"): end it with the words spoken; the article's punctuation after them stays in the excerpt`,
    ]);
    await edit(dir, 'events.yaml', 'of our town,"', 'of our town;"');
    expect((await problemsOf(dir))[0]).toContain('quote text ends in a semicolon');
    await edit(dir, 'events.yaml', 'of our town;"', 'of our town"');
    expect(await problemsOf(dir)).toEqual([]);
  });

  it("ends a quote's text taken from inside a sentence without the article's full stop", async () => {
    const dir = await starter();
    const article = 'articles/gazette-2024-03-14.txt';
    await edit(
      dir,
      article,
      '"The new bridge joins the two halves of our town," Ortiz said at the ceremony yesterday.',
      'At the ceremony yesterday, Ortiz said the bridge "joins the two halves of our town."',
    );
    await edit(
      dir,
      'events.yaml',
      'excerpt: "\\"The new bridge joins the two halves of our town,\\" Ortiz said at the ceremony yesterday."',
      'excerpt: "At the ceremony yesterday, Ortiz said the bridge \\"joins the two halves of our town.\\""',
    );
    await edit(
      dir,
      'events.yaml',
      'text: The new bridge joins the two halves of our town',
      'text: joins the two halves of our town.',
    );
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'text: joins')} quote text starts inside a sentence but ends in its full stop ("…the two halves of our town."): a fragment ends with the words spoken, without the stop; the excerpt keeps it`,
    ]);
    await edit(dir, 'events.yaml', 'text: joins the two halves of our town.', 'text: joins the two halves of our town');
    expect(await problemsOf(dir)).toEqual([]);
    // A whole sentence keeps its stop, and "..." marks words left out, not the article's stop.
    await edit(dir, 'events.yaml', 'text: joins the two halves of our town', 'text: joins the two halves...');
    expect(await problemsOf(dir)).toEqual([]);
  });

  it('refuses a date other than the article’s that the item’s own excerpt does not show', async () => {
    const dir = await starter();
    const advice =
      'and the excerpt does not show it: widen the excerpt to the words that give it ("yesterday", "On September 13"), joining parts with "[…]" where they are apart, or give those words as the item\'s dateExcerpt';
    // The article's own date needs no words in the excerpt.
    expect(await problemsOf(dir)).toEqual([]);
    await edit(dir, 'events.yaml', 'asOf: "2024-03-14" # the article', 'asOf: "2024-03-13" # the article');
    await edit(dir, 'events.yaml', 'Ortiz said at the ceremony yesterday."', 'Ortiz said at the ceremony."');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'asOf: "2024-03-13"')} asOf 2024-03-13 is not the date of its article (2024-03-14), ${advice}; where the article gives no date near it, the claim stands as of the article's`,
      `events.yaml:${(await lineOf(dir, 'events.yaml', 'dated: said')) - 2} date 2024-03-13 is not the date of its article (2024-03-14), ${advice}; where the article gives no date near it, the quote is dated: reported, on the article's date`,
    ]);
    // Shown by the excerpt's own words, or dated only as printed, each passes.
    await edit(dir, 'articles/gazette-2024-03-14.txt', 'The town council put', 'Yesterday the town council put');
    await edit(dir, 'events.yaml', 'excerpt: The town council put', 'excerpt: Yesterday the town council put');
    await edit(dir, 'events.yaml', 'date: "2024-03-13"\n    # "said"', 'date: "2024-03-14"\n    # "said"');
    await edit(dir, 'events.yaml', 'dated: said', 'dated: reported');
    expect(await problemsOf(dir)).toEqual([]);
    // A year is shown by the year itself; a month needs the month.
    const ferry = 'about: [millbrook-ferry]';
    await edit(dir, 'events.yaml', ferry, `date: "1890"\n    ${ferry}`);
    expect(await problemsOf(dir)).toEqual([]);
    await edit(dir, 'events.yaml', 'date: "1890"', 'date: "1890-05"');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'date: "1890-05"')} date 1890-05 is not the date of its article (2024-03-14), ${advice}; where the article gives no date near it, leave the date to the event the fact belongs to`,
    ]);
    await edit(dir, 'events.yaml', 'date: "1890-05"', 'date: "1889"');
    expect((await problemsOf(dir))[0]).toContain('date 1889 is not the date of its article (2024-03-14)');
  });

  it('takes the date from a dateExcerpt where the sentence that gives it is not the excerpt’s, word for word', async () => {
    const dir = await starter();
    await edit(dir, 'events.yaml', 'asOf: "2024-03-14" # the article', 'asOf: "2024-03-13" # the article');
    const crowd = 'excerpt: The town council put the crowd at about 2,000 people.';
    await edit(
      dir,
      'events.yaml',
      crowd,
      `${crowd}\n    dateExcerpt: The Millbrook footbridge opened to the public yesterday…`,
    );
    expect(await problemsOf(dir)).toEqual([]);
    // Words that give no date are no dateExcerpt.
    await edit(
      dir,
      'events.yaml',
      'dateExcerpt: The Millbrook footbridge opened to the public yesterday…',
      'dateExcerpt: The Millbrook footbridge opened to the public…',
    );
    const line = await lineOf(dir, 'events.yaml', 'dateExcerpt:');
    expect(await problemsOf(dir)).toContain(
      `events.yaml:${line} dateExcerpt gives no date: quote the article's words that give 2024-03-13 ("yesterday", "On September 13")`,
    );
    // And it stands word for word in the article, as every excerpt does.
    await edit(
      dir,
      'events.yaml',
      'dateExcerpt: The Millbrook footbridge opened to the public…',
      'dateExcerpt: The footbridge opened yesterday.',
    );
    const [mismatch] = await verifyExcerpts(await loadPack(dir));
    expect(mismatch?.problem).toMatch(/^dateExcerpt does not stand word for word in gazette-2024-03-14/);
  });

  it("refuses an event's actor or place that none of its excerpts names", async () => {
    const dir = await starter();
    const fix =
      'add an excerpt from one of its sources that names it in connection with this event, or take it off the list';
    const addExcerpt = (excerpt: string) =>
      edit(
        dir,
        'events.yaml',
        '    evidence:\n',
        `    evidence:\n      - source: gazette-2024-03-14\n        excerpt: ${excerpt}\n`,
      );
    await edit(dir, 'events.yaml', 'actors: [ana-ortiz]', 'actors: [ana-ortiz, millbrook-council]');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'actors: [')} actor "millbrook-council" is named in none of the event's excerpts (its name or an alias): ${fix}`,
    ]);
    await addExcerpt('The town council put the crowd at about 2,000 people.');
    // A person by surname alone.
    await edit(dir, 'events.yaml', 'excerpt: Mayor Ana Ortiz cut', 'excerpt: Mayor Ortiz cut');
    expect(await problemsOf(dir)).toEqual([]);

    // A state, its country and its armed forces by the adjective, the forces beside "troops".
    await edit(
      dir,
      'entities.yaml',
      'actors:\n',
      'actors:\n  - { id: ruritania, name: Ruritania, kind: state, description: A state. }\n' +
        '  - { id: ruritanian-army, name: Royal Army, kind: armed-force, country: ruritania, description: Its army. }\n',
    );
    await edit(
      dir,
      'entities.yaml',
      'places:\n',
      'places:\n  - { id: ruritania-country, name: Ruritania, kind: country, country: ruritania }\n' +
        '  - { id: north-bank, name: North bank, kind: region }\n',
    );
    await edit(dir, 'events.yaml', 'actors: [ana-ortiz, millbrook-council]', 'actors: [ruritania, ruritanian-army]');
    await edit(dir, 'events.yaml', 'places: [millbrook]', 'places: [ruritania-country, north-bank]');
    await addExcerpt('Ruritanian troops guarded the north and south banks.');
    expect(await problemsOf(dir)).toEqual([]);
    await edit(
      dir,
      'events.yaml',
      'Ruritanian troops guarded the north and south banks.',
      'Ruritanian guards stood by.',
    );
    const line = await lineOf(dir, 'events.yaml', 'actors: [');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${line} actor "ruritanian-army" is named in none of the event's excerpts (its name or an alias, or its country's name or adjective beside "forces"): ${fix}`,
      `events.yaml:${line - 1} place "north-bank" is named in none of the event's excerpts (its name or an alias): ${fix}`,
    ]);
    // An adjective the name does not begin is given to the state.
    await edit(dir, 'events.yaml', 'Ruritanian guards stood by.', 'Rurish troops stood on the north bank.');
    expect((await problemsOf(dir)).map((p) => p.replace(/ is named.*/, ''))).toEqual([
      `events.yaml:${line} actor "ruritania"`,
      `events.yaml:${line} actor "ruritanian-army"`,
      `events.yaml:${line - 1} place "ruritania-country"`,
    ]);
    await edit(dir, 'entities.yaml', 'kind: state, description', 'kind: state, adjectives: [Rurish], description');
    expect(await problemsOf(dir)).toEqual([]);
    // So is the capital that stands for the state; neither is a name anything is looked up by.
    await edit(dir, 'events.yaml', 'Rurish troops stood on the north bank.', 'Strelsau sent troops to the north bank.');
    expect(await problemsOf(dir)).toHaveLength(3);
    await edit(dir, 'entities.yaml', 'adjectives: [Rurish]', 'capital: Strelsau');
    expect(await problemsOf(dir)).toEqual([]);
  });

  it('refuses an excerpt that opens with a bare pronoun, which read alone says nothing of who or what', async () => {
    const dir = await starter();
    const advice = 'and read on its own does not say who or what that is: put the name it stands for in brackets';
    await edit(
      dir,
      'events.yaml',
      'excerpt: The town council put the crowd at about',
      'excerpt: They put the crowd at about',
    );
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'excerpt: They put')} excerpt opens with "They", ${advice} in its place, as quoting does ([Name] put the crowd…)`,
    ]);
    // In event evidence, inside a quotation, and after "…" (in lower case there): each names the field at fault.
    await edit(
      dir,
      'events.yaml',
      'excerpt: They put the crowd at about 2,000 people.',
      'excerpt: "[The town council] put the crowd at about 2,000 people."',
    );
    await edit(
      dir,
      'events.yaml',
      'excerpt: Mayor Ana Ortiz cut the ribbon at a ceremony on the east bank.',
      'excerpt: "…she cut the ribbon at a ceremony on the east bank."',
    );
    await edit(dir, 'events.yaml', 'excerpt: "\\"The new bridge joins', 'excerpt: "\\"This bridge joins');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'excerpt: "…she cut')} evidence 2 opens with "she", ${advice} in its place, as quoting does (…[Name] cut the ribbon…)`,
      `events.yaml:${await lineOf(dir, 'events.yaml', 'excerpt: "\\"This bridge')} excerpt opens with "This", ${advice} in its place, as quoting does ("[Name] bridge joins the…)`,
      // With its name gone, the event's evidence no longer names its actor either.
      expect.stringContaining('actor "ana-ortiz" is named in none of the event\'s excerpts'),
    ]);
    // Named, it passes; and a pronoun that is not the excerpt's first word is not the rule's business.
    await edit(dir, 'events.yaml', 'excerpt: "…she cut', 'excerpt: "…[Ana Ortiz] cut');
    await edit(dir, 'events.yaml', 'excerpt: "\\"This bridge joins', 'excerpt: "\\"The new bridge joins');
    expect(await problemsOf(dir)).toEqual([]);
    await edit(
      dir,
      'events.yaml',
      'which had carried people across the river since 1890.',
      'which had carried it since 1890. This is history.',
    );
    expect(await problemsOf(dir)).toEqual([]);
  });

  it('refuses a quote whose excerpt does not name who spoke: a name, an alias, a surname, a bracket or speakerNamedAs', async () => {
    const dir = await starter();
    const article = 'articles/gazette-2024-03-14.txt';
    // The surname is enough: "…our town," Ortiz said.
    expect(await problemsOf(dir)).toEqual([]);
    // Where the article says only "the mayor", the excerpt does not say who.
    await edit(dir, article, 'our town," Ortiz said', 'our town," the mayor said');
    await edit(dir, 'events.yaml', 'our town,\\" Ortiz said', 'our town,\\" the mayor said');
    const line = await lineOf(dir, 'events.yaml', 'the mayor said at the ceremony');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${line} excerpt does not name Ana Ortiz, who spoke: start the excerpt where the article names the speaker, or put the name in brackets ([Ortiz] …); a description the article gives instead ("The Armenian premier") may be an alias, or the quote's speakerNamedAs`,
    ]);
    // speakerNamedAs gives the excerpt's own words that say who: not a pronoun, and not words it lacks.
    const excerpt = 'the mayor said at the ceremony yesterday."';
    await edit(dir, 'events.yaml', excerpt, `${excerpt}\n    speakerNamedAs: she`);
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${line + 1} speakerNamedAs "she" says nothing of who Ana Ortiz is, read alone: give the words that describe the speaker ("The Armenian premier"), or name them in brackets in the excerpt`,
    ]);
    await edit(dir, 'events.yaml', 'speakerNamedAs: she', 'speakerNamedAs: the town mayor');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${line + 1} speakerNamedAs "the town mayor" does not stand in the excerpt: give the excerpt's own words that say who spoke`,
    ]);
    await edit(dir, 'events.yaml', 'speakerNamedAs: the town mayor', 'speakerNamedAs: the mayor');
    expect(await problemsOf(dir)).toEqual([]);
    // Or the description is an alias, where it finds no one else.
    await edit(dir, 'events.yaml', '\n    speakerNamedAs: the mayor', '');
    await edit(dir, 'entities.yaml', 'name: Ana Ortiz', 'name: Ana Ortiz\n    aliases: [the mayor]');
    expect(await problemsOf(dir)).toEqual([]);
    // A bracketed name for the sentence's pronoun names the speaker too.
    await edit(dir, 'entities.yaml', 'name: Ana Ortiz\n    aliases: [the mayor]', 'name: Ana Ortiz');
    await edit(
      dir,
      article,
      '"The new bridge joins the two halves of our town," the mayor said at the ceremony yesterday.',
      'She said yesterday: "The new bridge joins the two halves of our town."',
    );
    await edit(
      dir,
      'events.yaml',
      'excerpt: "\\"The new bridge joins the two halves of our town,\\" the mayor said at the ceremony yesterday."',
      'excerpt: "[Ortiz] said yesterday: \\"The new bridge joins the two halves of our town.\\""',
    );
    expect(await problemsOf(dir)).toEqual([]);
  });

  it('keeps an event inside its episode', async () => {
    const dir = await starter();
    await edit(dir, 'events.yaml', 'date: "2024-03-13"\n    # A relative', 'date: "2024-04-02"\n    # A relative');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'date: "2024-04-02"')} 2024-04-02 is outside its episode "opening-2024" (2024-03 to 2024-03); move it to the episode it belongs to, or widen the episode`,
    ]);
  });

  it('lets a window reach past its episode, as long as it touches it', async () => {
    const dir = await starter();
    await edit(
      dir,
      'events.yaml',
      'date: "2024-03-13"\n    # A relative',
      'date: "2024-02-20"\n    endDate: "2024-03-13"\n    dateKind: window\n    # A relative',
    );
    expect(await problemsOf(dir)).toEqual([]);
    await edit(dir, 'events.yaml', 'endDate: "2024-03-13"', 'endDate: "2024-02-28"');
    expect((await problemsOf(dir))[0]).toContain('never touches its episode "opening-2024"');
  });

  it('lets a name find one actor, place or thing, except a state and its own country', async () => {
    const dir = await starter();
    await edit(dir, 'entities.yaml', 'the footbridge replaced.', 'the footbridge replaced.\n    aliases: [Millbrook]');
    expect(await problemsOf(dir)).toEqual([
      `entities.yaml:${await lineOf(dir, 'entities.yaml', 'aliases: [Millbrook]')} "Millbrook" is also a name or alias of place "millbrook"; a name must find one actor, place or thing`,
    ]);
    await edit(dir, 'entities.yaml', '    aliases: [Millbrook]\n', '');
    await edit(
      dir,
      'entities.yaml',
      'actors:\n',
      'actors:\n  - { id: ruritania, name: Ruritania, kind: state, description: A state. }\n',
    );
    await edit(
      dir,
      'entities.yaml',
      'places:\n',
      'places:\n  - { id: ruritania-country, name: Ruritania, kind: country, country: ruritania, lat: 50, lon: 10, precision: region }\n',
    );
    expect(await problemsOf(dir)).toEqual([]);
    await edit(dir, 'entities.yaml', 'kind: country, country: ruritania', 'kind: region, country: ruritania');
    expect((await problemsOf(dir))[0]).toContain('"Ruritania" is also a name or alias of actor "ruritania"');
  });

  it('takes a place with both coordinates, or neither, or on another body; refuses half a position', async () => {
    const dir = await starter();
    await edit(dir, 'entities.yaml', '    lon: -1.30\n', '');
    expect(await problemsOf(dir)).toEqual([
      `entities.yaml:${await lineOf(dir, 'entities.yaml', 'lat: 52.05')} give both lat and lon, or neither for a place the articles do not locate`,
    ]);
    await edit(dir, 'entities.yaml', '    lat: 52.05\n', '');
    expect((await problemsOf(dir))[0]).toContain('a precision qualifies lat/lon, and this place has none');
    await edit(
      dir,
      'entities.yaml',
      '    precision: approximate # an invented town: the point is only roughly placed\n',
      '',
    );
    expect(await problemsOf(dir)).toEqual([]);
    const pack = await loadPack('test/fixtures/apollo');
    const moon = pack.places.get('tranquility-base');
    expect(moon && { body: moon.body, mark: earthPoint(moon) }).toEqual({ body: 'Moon', mark: undefined });
    expect(earthPoint(pack.places.get('kennedy-space-center') as Place)).toMatchObject({ precision: 'settlement' });
  });

  it("files every event type under one of the pack's categories, suggesting the near miss", async () => {
    const dir = await starter();
    await edit(dir, 'events.yaml', 'type: opening', 'type: openning');
    expect(await problemsOf(dir)).toEqual([
      `events.yaml:${await lineOf(dir, 'events.yaml', 'type: openning')} event type "openning" is in none of the pack's categories; did you mean "opening"?`,
    ]);
  });

  it("draws the pack's own categories in the chart's legend, not the war's", async () => {
    const pack = await loadPack(await starter());
    expect(categoriesIn([...pack.events.values()]).map((c) => [c.label, c.shape])).toEqual([['Civic life', 'circle']]);
    const war = await loadPack('content/caucasus');
    expect(categoriesIn([...war.events.values()]).map((c) => c.label)).toEqual([
      'Fighting',
      'Ceasefires & talks',
      'Politics & statements',
      'Arms & other',
    ]);
  });

  it('still reads a pack written with `weapons:` for its things', async () => {
    const pack = await loadPack('test/fixtures/pack');
    expect([...pack.things.keys()]).toEqual(['attack-helicopter']);
    expect(pack.events.get('war-begins-2020-09-27')?.things).toEqual(['attack-helicopter']);
  });
});

describe('figures with their qualifier and unit', () => {
  it.each([
    [{ value: 1, qualifier: 'less-than', unit: 'minutes' }, 'less than 1', 'less than 1 minute'],
    [
      { value: 3000, qualifier: 'nearly', unit: 'people at the opening' },
      'nearly 3,000',
      'nearly 3,000 people at the opening',
    ],
    [{ value: 1, qualifier: 'exact', unit: 'people killed' }, '1', '1 person killed'],
    [{ value: 1, qualifier: 'exact', unit: 'US dollars' }, '1', '1 US dollar'],
    [{ value: 1, qualifier: 'exact', unit: 'percent of GDP' }, '1', '1 percent of GDP'],
    [{ value: 2, qualifier: 'up-to', unit: 'warplanes destroyed' }, 'up to 2', 'up to 2 warplanes destroyed'],
  ] as const)('%o is "%s", and with its unit "%s"', (figure, amount, text) => {
    expect(formatAmount(figure)).toBe(amount);
    expect(formatFigure(figure)).toBe(text);
  });
});
