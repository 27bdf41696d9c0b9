import { choicesOf, defineCommand, defineSubcommand, onChoice } from '../src/core/command.js';
import { parsePeriod } from '../src/core/parse/period.js';
import { resolveTopic } from '../src/core/parse/topic.js';
import { answerRound, scoreReply, startGame, stopGame } from '../src/engine/quiz/game.js';
import { quizAnswer } from '../src/engine/quiz/messages.js';
import { SCORING_RULE } from '../src/engine/quiz/scoring.js';
import { pickInOrder } from '../src/engine/study/picks.js';
import { quizPick } from '../src/engine/study/quiz-messages.js';
import { CHRONOLOGY_RULE, STREAK_RULE } from '../src/engine/study/score.js';
import { packMentionsWord } from '../src/engine/topics.js';

export const DEFAULT_ROUNDS = 5;
export const DEFAULT_SECONDS = 20;

export default defineCommand({
  name: 'quiz',
  description: 'A multiple-choice quiz game in this channel, built from the pack',
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
          description: 'mixed questions, or chronology: put events in order',
          type: 'string',
          choices: choicesOf(['mixed', 'chronology']),
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
    'Teams (teams:2 to 4): each player joins the smallest team when they first answer; a team scores the sum of its players’ points.',
    'Every reveal has a "Report this question" button: tell the maintainers an answer is wrong, ambiguous or biased.',
    'Questions about figures always say whose figure it is and as of when: a right answer means that is what they claimed, not that it is so.',
  ].join('\n'),
  actions: [
    onChoice(quizAnswer, (a, ctx) => answerRound(ctx, a.gameId, a.round, a.option)),
    onChoice(quizPick, (a, ctx) => pickInOrder(ctx, a.gameId, a.round, a.item)),
  ],
});
