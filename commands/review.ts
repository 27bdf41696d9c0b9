import { choicesOf, defineCommand, onChoice, onInput } from '../src/core/command.js';
import { setReminder } from '../src/engine/study/remind.js';
import { fileReport, reasonPrompt, reviewReport, reviewReported } from '../src/engine/study/reports.js';
import {
  answerReview,
  DEFAULT_REVIEW_COUNT,
  reviewAnswer,
  reviewPick,
  startReview,
} from '../src/engine/study/review.js';
import { answerTypedReview, askTypedReview, TYPED_REVIEW_RULE } from '../src/engine/study/typed-review.js';
import { typedReview } from '../src/engine/study/typed-review-parts.js';
import { privateNote } from '../src/engine/text.js';

export default defineCommand({
  name: 'review',
  description: 'Practise privately what you missed or have not seen for a while (spaced repetition)',
  order: 110,
  options: [
    { name: 'count', description: 'How many due questions', type: 'integer', min: 1, max: 20, example: '5' },
    {
      name: 'remind',
      description: 'on: this channel’s daily briefing says how many questions you have due',
      type: 'string',
      choices: choicesOf(['on', 'off']),
      example: 'on',
    },
    {
      name: 'mode',
      description: 'choice: pick from options (the default); typed: type each answer',
      type: 'string',
      choices: choicesOf(['choice', 'typed']),
      example: 'typed',
    },
  ],
  help: [
    'Every quiz answer schedules its question for you with FSRS (ts-fsrs): a miss comes back soon, a right answer later each time.',
    'A reviewed question comes back with other wrong options and in another order, so you learn the fact, not the button.',
    `Defaults to ${DEFAULT_REVIEW_COUNT} questions. Only you see the session.`,
    '/review mode:typed asks only what can be typed (a date, a number, a name), with no options: click Answer and type it.',
    TYPED_REVIEW_RULE,
    '/review remind:on adds "you have N questions due" to this channel’s daily briefing; remind:off removes it.',
  ].join('\n'),
  async run(args, ctx) {
    if (args.remind) {
      const on = args.remind === 'on';
      const { platform, channelId, userId, userName } = ctx.caller;
      await setReminder(ctx, { platform, channelId }, { userId, userName }, on, ctx.now().getTime());
      return privateNote(
        on
          ? 'The daily briefing in this channel will say how many questions you have due (when it is more than none).'
          : 'The daily briefing here will no longer mention your reviews.',
      );
    }
    return startReview(ctx, args.count ?? DEFAULT_REVIEW_COUNT, args.mode === 'typed' ? 'typed' : undefined);
  },
  actions: [
    onChoice(reviewAnswer, (a, ctx) => answerReview(ctx, 'answer', a.sessionId, a.index, a.value)),
    onChoice(reviewPick, (a, ctx) => answerReview(ctx, 'pick', a.sessionId, a.index, a.value)),
    onChoice(typedReview, (a, ctx) => askTypedReview(ctx, a.sessionId, a.index)),
    onChoice(reviewReport, (a) => reasonPrompt(a.questionId)),
    onChoice(reviewReported, (a, ctx) => fileReport(ctx, a.questionId, a.reason)),
  ],
  inputs: [onInput(typedReview, (a, text, ctx) => answerTypedReview(ctx, a.sessionId, a.index, text))],
});
