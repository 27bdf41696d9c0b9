import { describe, expect, it } from 'vitest';
import { commandOfAction, defineAction } from '../../src/core/action.js';
import { briefingAnswer } from '../../src/engine/briefing/question-of-the-day.js';
import { whereSection, whoSection } from '../../src/engine/entity-pages.js';
import { eventShow, factNext, sourcesPage } from '../../src/engine/facts.js';
import { quizAnswer } from '../../src/engine/quiz/messages.js';
import { quizPick } from '../../src/engine/study/quiz-messages.js';
import { reviewReport, reviewReported } from '../../src/engine/study/reports.js';
import { reviewAnswer, reviewPick } from '../../src/engine/study/review.js';
import { timelinePage } from '../../src/engine/timeline.js';

describe('an action', () => {
  const pair = defineAction<{ a: string; n: number }>({
    name: 'test:pair',
    encode: ({ a, n }) => [a, n],
    parse: ([a, n]) => (a && n && /^\d+$/.test(n) ? { a, n: Number(n) } : undefined),
  });

  it('writes its name, then its parts, and reads them back', () => {
    expect(pair.encode({ a: 'x', n: 3 })).toBe('test:pair:x:3');
    expect(pair.parse('test:pair:x:3')).toEqual({ a: 'x', n: 3 });
  });

  it('reads nothing from another action, a name alone, or a malformed one', () => {
    expect(pair.parse('test:pairs:x:3')).toBeUndefined();
    expect(pair.parse('test:pair')).toBeUndefined();
    expect(pair.parse('test:pair:x:three')).toBeUndefined();
  });

  it('belongs to the command its first part names', () => {
    expect(commandOfAction('quiz:answer:g:0:1')).toBe('quiz');
    expect(commandOfAction('who')).toBe('who');
  });
});

/** Buttons already posted in chat carry these strings: each must still read as it did. */
describe('the actions on buttons already posted', () => {
  it.each([
    ['quiz:answer:g_1-x:12:3', quizAnswer, { gameId: 'g_1-x', round: 12, option: 3 }],
    ['quiz:pick:g1:0:2', quizPick, { gameId: 'g1', round: 0, item: 2 }],
    ['briefing:answer:1234567890:4:1', briefingAnswer, { seed: 1234567890, index: 4, option: 1 }],
    ['review:answer:abc123:2:0', reviewAnswer, { sessionId: 'abc123', index: 2, value: 0 }],
    ['review:pick:abc123:2:3', reviewPick, { sessionId: 'abc123', index: 2, value: 3 }],
    ['review:report:event-date:tovuz:day', reviewReport, { questionId: 'event-date:tovuz:day' }],
    ['review:reported:wrong:event-date:tovuz', reviewReported, { reason: 'wrong', questionId: 'event-date:tovuz' }],
    ['event:show:2020-07-12-tovuz', eventShow, { eventId: '2020-07-12-tovuz' }],
    ['sources:page:2', sourcesPage, { page: 2 }],
    ['fact:next:1:ganja', factNext, { topicId: 'ganja' }],
    ['fact:next:7:', factNext, { topicId: undefined }],
    ['timeline:page:2:2020-10:Ganja%20city', timelinePage, { page: 2, when: '2020-10', topic: 'Ganja city' }],
    ['timeline:page:3:2020-09-27..2020-10-04', timelinePage, { page: 3, when: '2020-09-27..2020-10-04' }],
    ['who:statements:2:aliyev', whoSection, { section: 'statements', page: 2, id: 'aliyev' }],
    ['where:events:1:ganja', whereSection, { section: 'events', page: 1, id: 'ganja' }],
  ] as const)('reads %s', (wire, action, args) => {
    expect(action.parse(wire)).toEqual(args);
    expect(action.encode(action.parse(wire) as never)).toBe(wire.replace(/^fact:next:\d+/, 'fact:next:1'));
  });

  it.each([
    ['quiz:answer:g1:1:12', quizAnswer],
    ['quiz:answer:g1:1:2:9', quizAnswer],
    ['quiz:answer:g 1:1:2', quizAnswer],
    ['briefing:answer:12345678901:0:0', briefingAnswer],
    ['review:answer:a-b:0:0', reviewAnswer],
    ['review:reported:Wrong:q', reviewReported],
    ['review:reported:wrong', reviewReported],
    ['sources:page:two', sourcesPage],
    ['fact:next::ganja', factNext],
    ['timeline:page:x:2020', timelinePage],
    ['timeline:page:1:2020:%E0%A4%A', timelinePage],
    ['who:roles:1:aliyev', whoSection],
    ['who:events:1:', whoSection],
  ] as const)('refuses %s', (wire, action) => {
    expect(action.parse(wire)).toBeUndefined();
  });

  it('drops a timeline topic that would take the action past 100 characters, keeping the period', () => {
    const action = timelinePage.encode({ page: 2, when: '2020-10', topic: 'x'.repeat(90) });
    expect(action).toBe('timeline:page:2:2020-10');
  });
});
