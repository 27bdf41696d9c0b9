import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadPack } from '../content/load.js';
import { UserError } from '../core/errors.js';
import { parsePeriod } from '../core/parse/period.js';
import { parseSeed } from '../core/parse/seed.js';
import { resolveTopic } from '../core/parse/topic.js';
import { generateQuestions } from '../engine/questions/generate.js';
import { packMentionsWord } from '../engine/topics.js';

const USAGE =
  'usage: chronicle export questions --json [--count N] [--seed S] [--topic T] [--period P] [--dir CONTENT_DIR]';

/**
 * `chronicle export questions --count N --seed S --json`: N questions as JSON
 * lines {id, kind, difficulty, prompt, options, answer, explanation, evidence, sources,
 * eventIds}; `answer` is the 0-based index of the right option.
 */
export async function main(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values } = parsed;
  if (what !== 'questions' || !values.json) {
    console.error(USAGE);
    return 1;
  }
  try {
    const count = Number(values.count);
    if (!/^\d+$/.test(values.count) || count < 1 || count > 100_000) {
      throw new UserError(`--count must be a whole number from 1 to 100000; "${values.count}" is not.`);
    }
    const seed = parseSeed(values.seed);
    const pack = await loadPack(values.dir ?? loadConfig().CONTENT_DIR);
    const period = values.period ? parsePeriod(values.period) : undefined;
    const topic = values.topic ? resolveTopic(pack, values.topic, (w) => packMentionsWord(pack, w)) : undefined;
    const questions = generateQuestions(pack, { count, seed, scope: { period, topic } });
    for (const q of questions) {
      const { id, kind, difficulty, prompt, options, answer, explanation, evidence, sources, eventIds } = q;
      process.stdout.write(
        `${JSON.stringify({ id, kind, difficulty, prompt, options, answer, explanation, evidence, sources, eventIds })}\n`,
      );
    }
    if (questions.length < count) {
      console.error(
        `chronicle export: the pack gave ${questions.length} good questions, fewer than the ${count} asked for.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`chronicle export: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      count: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      topic: { type: 'string' },
      period: { type: 'string' },
      dir: { type: 'string' },
    },
  });
}
