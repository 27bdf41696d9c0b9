import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadPack } from '../../src/content/load.js';
import { harness } from '../support/harness.js';
import { richPack } from '../support/rich-pack.js';

const rich = richPack();

describe('/timeline', () => {
  it('lists a period’s events oldest first with their sources', async () => {
    const h = await harness();
    const reply = await h.run('/timeline 2020');
    expect(reply.title).toBe('Timeline: 2020');
    const body = reply.body ?? '';
    expect(body.indexOf('Clashes at Tavush and Tovuz')).toBeLessThan(body.indexOf('Large-scale fighting'));
    expect(reply.sources?.[0]).toMatchObject({ outlet: 'World Socialist Web Site', date: '28 September 2020' });
  });

  it('filters by a topic given under any alias', async () => {
    const h = await harness();
    const reply = await h.run('/timeline 2020 topic:Toyuz');
    expect(reply.title).toBe('Timeline: 2020 about Tovuz');
    expect(reply.body).toContain('Clashes at Tavush and Tovuz');
    expect(reply.body).not.toContain('Large-scale fighting');
  });

  it('takes in the places inside a place', async () => {
    const h = await harness({ pack: rich });
    const reply = await h.run('/timeline 2020 topic:"The Hills"');
    expect(reply.body).toContain('Town taken in the hills');
  });

  it('pages long periods with next and previous choices that replace the message', async () => {
    const h = await harness({ pack: rich });
    const first = await h.run('/timeline 2020');
    expect(first.footer).toContain('11 events · page 1 of 2');
    expect(first.choices?.map((c) => c.label)).toEqual(['Next ▶']);
    const next = first.choices?.[0]?.action ?? '';
    expect(next.length).toBeLessThanOrEqual(100);
    const second = await h.click(next);
    expect(second.replaceOriginal).toBe(true);
    expect(second.footer).toContain('page 2 of 2');
    expect(second.choices?.map((c) => c.label)).toEqual(['◀ Previous']);
  });

  it('keeps the topic across page turns', async () => {
    const h = await harness({ pack: rich });
    const first = await h.run('/timeline 2020 topic:Northland');
    const pages = first.choices?.[0]?.action;
    if (pages) expect((await h.click(pages)).title).toContain('about Northland');
  });

  it('says when a period is empty and names the nearest events either side', async () => {
    const h = await harness();
    const reply = await h.run('/timeline 2020-08');
    expect(reply.body).toContain('Nothing in the pack for August 2020.');
    expect(reply.body).toContain('Nearest before: **July 2020**: Clashes at Tavush and Tovuz');
    expect(reply.body).toContain('Nearest after: **27 September 2020**: Large-scale fighting');
  });

  it('explains a bad period', async () => {
    const h = await harness();
    await expect(h.run('/timeline 2020-13')).rejects.toThrow('2020-13 is not a month; try 2020-12.');
    await expect(h.run('/timeline')).rejects.toThrow('/timeline needs when');
  });
});

describe('/event', () => {
  it('shows an event with each claim attributed to who made it, as of when, and where', async () => {
    const h = await harness();
    const reply = await h.run('/event war-begins-2020-09-27');
    expect(reply.title).toBe('Large-scale fighting erupts over Nagorno-Karabakh');
    expect(reply.body).toContain(
      'According to Armenia, as of 28 September 2020 (World Socialist Web Site, “Armenian-Azeri conflict erupts in Caucasus, threatening wider war”, 28 September 2020): Armenia said 16 people were killed and over 100 injured.',
    );
    expect(reply.body).toContain('Figures as stated: 16 people killed; over 100 people injured.');
    // Dated the day of the article that reports them: "quoted on", not said on.
    expect(reply.body).toContain(
      'Olesya Vartanyan, quoted in an article of 28 September 2020: “There were numerous signals',
    );
    expect(reply.sources?.length).toBe(1);
  });

  it('shows opposed claims side by side without taking a side', async () => {
    const h = await harness({ pack: rich });
    const reply = await h.run('/event e1');
    expect(reply.body).toContain('Contested: these accounts contradict each other');
    expect(reply.body).toContain('According to Northland');
    expect(reply.body).toContain('According to Southland');
  });

  it('finds events by title words and offers a choice when several match', async () => {
    const h = await harness({ pack: rich });
    const reply = await h.run('/event truce agreed');
    expect(reply.choices?.map((c) => c.action)).toEqual(['event:show:e4', 'event:show:e7']);
    expect((await h.click('event:show:e7')).title).toBe('Second truce agreed');
  });

  it('suggests the nearest id when nothing matches', async () => {
    const h = await harness();
    await expect(h.run('/event war-begins-2020-09-28')).rejects.toThrow('Did you mean war-begins-2020-09-27');
  });
});

describe('/timeline of a month in the real pack', () => {
  it('leads page 1 with the month’s own dated events, and reads a window as its bounds, never a duration', async () => {
    const pack = await loadPack('content/caucasus');
    const h = await harness({ pack });
    const reply = await h.run('/timeline 2020-10');
    const lines = (reply.body ?? '').split('\n').filter((l) => l.startsWith('• '));
    const first = lines[0] ?? '';
    expect(first).toMatch(/^• \*\*\d{1,2}(–\d{1,2})? October 2020\*\*/);
    const ids = lines.map((l) => /\[([a-z0-9-]+)\]$/.exec(l)?.[1] as string);
    const touching = ids.findIndex((id) => {
      const e = pack.events.get(id);
      return !e || e.date < '2020-10-01';
    });
    // Whatever began before October or is only bounded by it comes after every event dated in October.
    expect(touching).toBeGreaterThan(0);
    for (const id of ids.slice(touching)) expect((pack.events.get(id)?.date ?? '') < '2020-10-01', id).toBe(true);
    expect(reply.body).toContain('_Also touching October 2020: begun earlier, or undated within wider bounds_');
    let page = reply;
    let all = reply.body ?? '';
    for (
      let next = page.choices?.find((c) => c.label === 'Next ▶');
      next;
      next = page.choices?.find((c) => c.label === 'Next ▶')
    ) {
      page = await h.click(next.action);
      all += `\n${page.body}`;
    }
    expect(all).toContain('• **some time between 27 September and 1 October 2020**: Pashinyan calls Putin and Macron');
    expect(all).not.toMatch(/\*\*27 September 2020 – 1 October 2020\*\*/);
  });
});

describe('/event shows its evidence', () => {
  it('quotes every excerpt that backs the event, word for word, with outlet and date', async () => {
    const pack = await loadPack('content/caucasus');
    const h = await harness({ pack });
    const reply = await h.run('/event pashinyan-calls-putin-macron-2020-09');
    const event = pack.events.get('pashinyan-calls-putin-macron-2020-09');
    expect(reply.evidence?.length).toBe(event?.evidence.length);
    expect(reply.evidence?.map((e) => e.excerpt)).toContain(
      'Armenian Prime Minister Nikol Pashinyan called Russian President Vladimir Putin and French President Emmanuel Macron to discuss the war.',
    );
    for (const e of reply.evidence ?? [])
      expect(e).toMatchObject({ outlet: 'World Socialist Web Site', date: '1 October 2020' });
    expect(reply.fields?.find((f) => f.name === 'When')?.value).toMatch(
      /^some time between 27 September and 1 October 2020 /,
    );
  });
});

describe('/fact, /who, /where, /sources', () => {
  it('/fact gives one attributed statement and another on request', async () => {
    const h = await harness();
    const reply = await h.run('/fact');
    expect(reply.body).toMatch(/According to|As reported by|, \d{1,2} \w+ \d{4}/);
    expect(reply.sources?.length).toBeGreaterThan(0);
    const another = await h.click(reply.choices?.[0]?.action ?? '');
    expect(another.footer).not.toBe(reply.footer);
  });

  it('/fact shows a channel every statement once before any comes again, and each channel has its own order', async () => {
    const pack = await loadPack('content/caucasus');
    const h = await harness({ pack });
    const total = pack.data.claims.length + pack.data.quotes.length + pack.data.facts.length;
    // The footer "k of N" names the statement shown; typed and clicked calls draw from one deck.
    const shown: string[] = [];
    for (let i = 0; i < total; i++) {
      const reply = i % 2 ? await h.click('fact:next:1:') : await h.run('/fact');
      shown.push(reply.footer ?? '');
      h.clock.advance(1000);
    }
    expect(new Set(shown).size).toBe(total);
    const nextRound = await h.run('/fact');
    expect(nextRound.footer).toMatch(new RegExp(`^\\d+ of ${total}$`));
    expect(nextRound.footer).not.toBe(shown.at(-1));

    const otherChannel = [await h.run('/fact', { channelId: 'c2' }), await h.run('/fact', { channelId: 'c2' })];
    expect(otherChannel[0]?.footer).not.toBe(otherChannel[1]?.footer);
    expect(otherChannel.map((r) => r.footer)).not.toEqual(shown.slice(0, 2));
  });

  it('/fact about a topic keeps to it', async () => {
    const h = await harness();
    const reply = await h.run('/fact Toyuz');
    expect(reply.title).toBe('Fact about Tovuz');
    expect(reply.body).toContain('As reported by World Socialist Web Site in “');
    // The outlet once: the headline and date follow its name, not a second citation of it.
    expect(reply.body).not.toMatch(/World Socialist Web Site \(World Socialist Web Site/);
  });

  it('/who shows roles with their source, and statements', async () => {
    const h = await harness();
    const reply = await h.run('/who Olesya Vartanyan');
    expect(reply.body).toContain(
      'analyst of the International Crisis Group, as of 28 September 2020, according to World Socialist Web Site',
    );
    expect(reply.body).toContain('“There were numerous signals');
    await expect(h.run('/who Olesya Vartanian')).rejects.toThrow('Did you mean Olesya Vartanyan');
  });

  it('/who does not name the organisation twice when the title already does', async () => {
    const h = await harness({ pack: await loadPack('content/caucasus') });
    const reply = await h.run('/who Ilham Aliyev');
    expect(reply.body).toContain('• President of Azerbaijan, as of 17 July 2020, according to South Front');
    expect(reply.body).not.toContain('Azerbaijan of Azerbaijan');
  });

  it('/who pages its statements and events with Previous and Next, every entry reachable once', async () => {
    const pack = await loadPack('content/caucasus');
    const h = await harness({ pack });
    const overview = await h.run('/who Pashinyan');
    const total = Number(/\*\*Statements by or about Nikol Pashinyan\*\* \((\d+)\)/.exec(overview.body ?? '')?.[1]);
    expect(total).toBeGreaterThan(8);
    const more = overview.choices?.find((c) => c.label === 'More statements ▶');
    expect(overview.choices?.map((c) => c.label)).toContain('More events ▶');
    const statements = overview.body?.split('**Statements by or about')[1]?.split('**Events**')[0] ?? '';
    const entries: string[] = statements.split(/^• /m).slice(1);
    let page = await h.click(more?.action ?? '');
    for (;;) {
      expect(page.replaceOriginal).toBe(true);
      entries.push(...(page.body ?? '').split(/^• /m).slice(1));
      const next = page.choices?.find((c) => c.label === 'Next ▶');
      if (!next) break;
      page = await h.click(next.action);
    }
    expect(entries).toHaveLength(total);
    expect(page.footer).toMatch(new RegExp(`^${total} entries · page (\\d+) of \\1$`));
    const back = await h.click(page.choices?.find((c) => c.label === '◀ Previous')?.action ?? '');
    expect(back.footer).toMatch(/page \d+ of \d+/);
    await expect(h.click('who:statements:2:nobody-here')).rejects.toThrow('That button is no longer active.');
  });

  it('/where lists events first, and pages its statements', async () => {
    const pack = await loadPack('content/caucasus');
    const h = await harness({ pack });
    const overview = await h.run('/where Nagorno-Karabakh');
    expect(overview.body?.indexOf('**Events**')).toBeLessThan(overview.body?.indexOf('**Statements about') ?? 0);
    const more = overview.choices?.find((c) => c.label === 'More statements ▶');
    expect(more).toBeDefined();
    const page2 = await h.click(more?.action ?? '');
    expect(page2.title).toBe('Nagorno-Karabakh: statements');
    expect(page2.footer).toMatch(/^\d+ entries · page 2 of \d+$/);
  });

  it('/where shows a place, its aliases and what happened there', async () => {
    const h = await harness();
    const reply = await h.run('/where Tayush');
    expect(reply.title).toBe('Tavush');
    expect(reply.fields).toContainEqual({ name: 'Also written', value: 'Tayush' });
    expect(reply.body).toContain('Clashes at Tavush and Tovuz');
    await expect(h.run('/where Armenia')).rejects.toThrow('No place called "Armenia"');
  });

  it('/sources lists every article with its perspective', async () => {
    const h = await harness();
    const reply = await h.run('/sources');
    expect(reply.body).toContain('World Socialist Web Site**, 28 September 2020 by Ulaş Ateşçi, Alex Lantier');
    expect(reply.body).toContain('Perspective: Trotskyist anti-war site');
  });
});

describe('/help', () => {
  it('lists every command', async () => {
    const h = await harness();
    const reply = await h.run('/help');
    for (const c of commands) expect(reply.body).toContain(`/${c.name}: `);
  });

  it('states the quiz scoring formula', async () => {
    const h = await harness();
    const reply = await h.run('/help quiz');
    expect(reply.body).toContain('500 × (time left ÷ round time)');
  });

  it('draws its examples from the loaded pack: its busiest month, its most named place, an alias it knows', async () => {
    const h = await harness();
    expect((await h.run('/help quiz')).body).toContain(
      '/quiz start [rounds:5] [topic:Tavush] [period:2020-07] [seconds:20]',
    );
    const help = (await h.run('/help')).body ?? '';
    expect(help).toContain('This pack: Fixture pack.');
    expect(help).toContain('/timeline 2020-07 topic:Tavush. Any spelling the pack knows works: Tayush finds Tavush.');
    await expect(h.run('/timeline')).rejects.toThrow('For example: /timeline 2020-07');
  });

  it('suggests the nearest command', async () => {
    const h = await harness();
    await expect(h.run('/help timelin')).rejects.toThrow('Did you mean /timeline?');
    await expect(h.run('/timelime 2020')).rejects.toThrow('Did you mean /timeline?');
  });
});
