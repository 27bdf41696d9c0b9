import { defineAction } from '../../core/action.js';
import type { Choice, Reply } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import { isTyped } from '../questions/typed.js';
import type { Question } from '../questions/types.js';
import { chronologyRoundMessage, orderResults, roundClick, teamsText } from '../study/quiz-messages.js';
import { reportChoice } from '../study/reports.js';
import { makeReply, plural } from '../text.js';
import { rank } from './scoring.js';
import type { Answer, GameState } from './state.js';
import { typedResults, typedRoundMessage } from './typed-messages.js';

const LETTERS = ['A', 'B', 'C', 'D'];

export function letter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** `quiz:answer:<game>:<round>:<option>`: well under Discord's 100-character custom_id. */
export const quizAnswer = defineAction<{ gameId: string; round: number; option: number }>({
  name: 'quiz:answer',
  encode: (a) => [a.gameId, a.round, a.option],
  parse: (parts) => roundClick(parts, (gameId, round, option) => ({ gameId, round, option })),
});

function optionLines(question: Question): string {
  return question.options.map((o, i) => `${letter(i)}. ${o}`).join('\n');
}

/** The round as posted in the channel: the question, its options as buttons, a live answer count. */
export function roundMessage(game: GameState, answered: number): Reply {
  const question = game.questions[game.round] as Question;
  if (question.order) return chronologyRoundMessage(game, answered);
  if (isTyped(question)) return typedRoundMessage(game, question, answered);
  const choices: Choice[] = question.options.map((o, i) => ({
    action: quizAnswer.encode({ gameId: game.id, round: game.round, option: i }),
    label: clip(`${letter(i)}. ${o}`, 80),
    style: 'primary',
    group: 'answer',
  }));
  return makeReply({
    title: `Question ${game.round + 1} of ${game.questions.length} (${question.difficulty})`,
    body: `${question.prompt}\n\n${optionLines(question)}`,
    choices,
    footer: `${game.seconds} s to answer · ${plural(answered, 'answer')} so far`,
  });
}

/** The reveal: right answer, who got it, the explanation and its sources. */
export function revealMessage(game: GameState, round: number, answers: Answer[], points: Map<string, number>): Reply {
  const question = game.questions[round] as Question;
  const right = answers.filter((a) => a.option === question.answer);
  const typed = isTyped(question);
  const who = question.order
    ? orderResults(question, answers, points)
    : typed
      ? typedResults(answers, points)
      : right.length
        ? right.map((a) => `${a.name} (+${points.get(a.userId) ?? 0})`).join(', ')
        : answers.length
          ? 'Nobody got it.'
          : 'Nobody answered.';
  return makeReply({
    title: question.order
      ? `Answer to question ${round + 1} of ${game.questions.length}: the order`
      : typed
        ? `Answer to question ${round + 1} of ${game.questions.length}: ${question.options[question.answer]}`
        : `Answer to question ${round + 1} of ${game.questions.length}: ${letter(question.answer)}. ${question.options[question.answer]}`,
    body: [
      `${question.prompt}\n\n**${question.order || typed ? 'Results' : 'Right'}:**${typed ? '\n' : ' '}${who}\n\n${question.explanation}`,
      teamsText(game),
    ]
      .filter(Boolean)
      .join('\n\n'),
    evidence: question.evidence,
    sources: question.sources,
    choices: [reportChoice(question.id)],
    footer: `${plural(answers.length, 'answer')}`,
  });
}

export function standingsText(players: GameState['players']): string {
  const ranked = rank(players);
  if (ranked.length === 0) return 'Nobody played.';
  return ranked.map((s, i) => `${i + 1}. ${s.name}: ${s.points} points (${s.correct} right)`).join('\n');
}

export function finalMessage(game: GameState, heading: string): Reply {
  return makeReply({
    title: heading,
    body: [`**Final standings**\n${standingsText(game.players)}`, teamsText(game)].filter(Boolean).join('\n\n'),
    footer: `${plural(game.questions.length, 'question')}${game.about ? ` about ${game.about}` : ''} · /help quiz for the scoring`,
  });
}
