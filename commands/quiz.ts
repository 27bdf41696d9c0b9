import { choicesOf, defineCommand, defineSubcommand, onChoice, onInput } from '../src/core/command.js';
import { parsePeriod } from '../src/core/parse/period.js';
import { resolveTopic } from '../src/core/parse/topic.js';
import { answerRound, scoreReply, startGame, stopGame } from '../src/engine/quiz/game.js';
import { quizAnswer } from '../src/engine/quiz/messages.js';
import { SCORING_RULE } from '../src/engine/quiz/scoring.js';
import { typedAnswer } from '../src/engine/quiz/typed-action.js';
import { askTypedAnswer, submitTypedAnswer } from '../src/engine/quiz/typed-round.js';
import { pickInOrder } from '../src/engine/study/picks.js';
import { quizPick } from '../src/engine/study/quiz-messages.js';
import { CHRONOLOGY_RULE, STREAK_RULE, TYPED_RULE } from '../src/engine/study/score.js';
import { packMentionsWord } from '../src/engine/topics.js';

export const DEFAULT_ROUNDS = 5;
export const DEFAULT_SECONDS = 20;

export default defineCommand({
  name: 'quiz',
  description: 'A quiz game in this channel, built from the pack: pick the answer, or type it',
  order: 80,
  subcommands: [
    defineSubcommand({
      name: 'start',
      description: 'Start a quiz here (one game per channel)',
      options: [
        { name: 'rounds', description: 'How many questions', type: 'integer', min: 1, max: 20, example: '5' },
        {
          name: 'topic',
          description: 'Only questions about this place, actor, thing or word',
          type: 'string',
          autocomplete: 'topic',
          sample: 'topic',
        },
        {
          name: 'period',
          description: 'Only questions from this period: YYYY, YYYY-MM, YYYY-MM-DD or A..B',
          type: 'string',
          example: 'YYYY-MM',
          sample: 'month',
        },
        {
          name: 'seconds',
          description: 'Seconds to answer each question',
          type: 'integer',
          min: 10,
          max: 120,
          example: '20',
        },
        {
          name: 'teams',
          description: 'Split the players who join into this many teams',
          type: 'integer',
          min: 2,
          max: 4,
          example: '2',
        },
        {
          name: 'mode',
          description: 'mixed questions; chronology: put events in order; typed: type the answer, no options',
          type: 'string',
          choices: choicesOf(['mixed', 'chronology', 'typed']),
          example: 'chronology',
        },
      ],
      async run(args, ctx) {
        const period = args.period ? parsePeriod(args.period) : undefined;
        const topic = args.topic ? resolveTopic(ctx.pack, args.topic, (w) => packMentionsWord(ctx.pack, w)) : undefined;
        const about = [period?.label, topic?.label].filter(Boolean).join(', ') || undefined;
        return startGame(ctx, {
          rounds: args.rounds ?? DEFAULT_ROUNDS,
          seconds: args.seconds ?? DEFAULT_SECONDS,
          scope: { period, topic },
          about,
          solo: ctx.caller.platform === 'console',
          teams: args.teams,
          mode: args.mode ?? 'mixed',
        });
      },
    }),
    defineSubcommand({
      name: 'stop',
      description: 'End the quiz in this channel (yours, or any if you can manage the channel)',
      options: [],
      run: (_args, ctx) => stopGame(ctx),
    }),
    defineSubcommand({
      name: 'score',
      description: 'Standings of the quiz in this channel',
      options: [],
      run: (_args, ctx) => scoreReply(ctx),
    }),
  ],
  help: [
    `Defaults: ${DEFAULT_ROUNDS} questions, ${DEFAULT_SECONDS} seconds each.`,
    'Answer with the buttons (on the console, type the number). You join a game by answering; each player answers each question once.',
    'A question ends at its deadline, or as soon as everyone who has joined has answered. The first question always runs its full time so others can join; on the console you play alone, so each question ends when you answer.',
    'The reveal shows the right answer, who got it, the explanation and its sources; the last one is followed by the final standings.',
    `Scoring: ${SCORING_RULE}`,
    STREAK_RULE,
    CHRONOLOGY_RULE,
    'Typed rounds (mode:typed): no options are shown; each question says what to type (a date, a month, a number, a place, a country, a person or body) and has an Answer button that opens a box (on the console, type 1 and then your answer on the next line). One answer per player per question, private until the reveal, which shows what everyone typed and what it earned.',
    'How typed answers are matched: the name, or any other name the pack knows for it (an alias is as good as the name), ignoring case, accents, punctuation and a leading "the"; about one wrong letter in five is forgiven, none in names of four letters or fewer, and never an answer as near to something else in the pack. A near miss is told "close: did you mean …?" in the reveal. Dates: 5 March 1999, 5 Mar 1999, March 5, 1999, 1999-03-05 or 05/03/1999, read day first (05/06/1999 is 5 June, and the reveal says so); the right month alone, or with the wrong day, is partial. Numbers: 40000, 40,000, 40 000 or 40k; a claim of "over 40,000" is answered by 40,000; within 10% is partial.',
    TYPED_RULE,
    'Teams (teams:2 to 4): each player joins the smallest team when they first answer; a team scores the sum of its players’ points.',
    'Every reveal has a "Report this question" button: tell the maintainers an answer is wrong, ambiguous or biased.',
    'Questions about figures always say whose figure it is and as of when: a right answer means that is what they claimed, not that it is so.',
  ].join('\n'),
  actions: [
    onChoice(quizAnswer, (a, ctx) => answerRound(ctx, a.gameId, a.round, a.option)),
    onChoice(quizPick, (a, ctx) => pickInOrder(ctx, a.gameId, a.round, a.item)),
    onChoice(typedAnswer, (a, ctx) => askTypedAnswer(ctx, a.gameId, a.round)),
  ],
  inputs: [onInput(typedAnswer, (a, text, ctx) => submitTypedAnswer(ctx, a.gameId, a.round, text))],
});
